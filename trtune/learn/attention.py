"""The report's self-attention example, computed step by step.

Three words, each a 4-dimensional vector, attend to each other through keys, queries and
values (the report's worked example, after Raimi Karim's "Illustrated: Self-Attention").
Every number is computed here; :mod:`trtune.learn.attention_show` prints them.

Shapes: T = 3 words, C = 4 input features, d = 3 (the size of a key, query and value).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import torch

# The report's inputs and weights, exactly as printed there.
REPORT_INPUTS = [[1.0, 0.0, 1.0, 0.0], [0.0, 2.0, 0.0, 2.0], [1.0, 1.0, 1.0, 1.0]]
REPORT_W_KEY = [[0.0, 0.0, 1.0], [1.0, 1.0, 0.0], [0.0, 1.0, 0.0], [1.0, 1.0, 0.0]]
REPORT_W_QUERY = [[1.0, 0.0, 1.0], [1.0, 0.0, 0.0], [0.0, 0.0, 1.0], [0.0, 1.0, 1.0]]
REPORT_W_VALUE = [[0.0, 2.0, 0.0], [0.0, 3.0, 0.0], [1.0, 0.0, 3.0], [1.0, 1.0, 0.0]]

# The report rounds the softmax "for readability" before it computes the outputs ...
REPORT_ROUNDED_WEIGHTS = [[0.0, 0.5, 0.5], [0.0, 1.0, 0.0], [0.0, 0.9, 0.1]]
# ... and prints this second score row, which has a typo (the middle score is 16).
REPORT_SECOND_SCORE_ROW = [4.0, 18.0, 12.0]


@dataclass(frozen=True)
class AttentionSteps:
    """Every intermediate of one self-attention pass.

    Attributes:
        inputs: x, (T, C).
        w_key, w_query, w_value: the weight matrices, each (C, d).
        keys: K = x · W_key, (T, d).
        queries: Q = x · W_query, (T, d).
        values: V = x · W_value, (T, d).
        scores: Q · Kᵀ, divided by √d when ``scaled``, (T, T); row i is query i.
        weights: softmax of each score row, (T, T).
        weighted_values: weights[i, j] · V[j], (T, T, d).
        outputs: the sum over j of the weighted values = weights · V, (T, d).
        rounded_weights: the report's rounded softmax, (T, T).
        rounded_outputs: rounded_weights · V, the outputs the report prints, (T, d).
        scaled: whether the scores were divided by √d.
    """

    inputs: torch.Tensor
    w_key: torch.Tensor
    w_query: torch.Tensor
    w_value: torch.Tensor
    keys: torch.Tensor
    queries: torch.Tensor
    values: torch.Tensor
    scores: torch.Tensor
    weights: torch.Tensor
    weighted_values: torch.Tensor
    outputs: torch.Tensor
    rounded_weights: torch.Tensor
    rounded_outputs: torch.Tensor
    scaled: bool

    @property
    def d_k(self) -> int:
        """The size of a key (and of a query)."""
        return int(self.keys.shape[-1])

    def to_json(self) -> dict[str, object]:
        """The steps as nested lists (for ``--json``)."""
        names = ("keys", "queries", "values", "scores", "weights", "outputs", "rounded_outputs")
        result: dict[str, object] = {name: getattr(self, name).tolist() for name in names}
        result["inputs"] = self.inputs.tolist()
        for name in ("w_key", "w_query", "w_value"):
            result[name] = getattr(self, name).tolist()
        result["weighted_values"] = self.weighted_values.tolist()
        result["rounded_weights"] = self.rounded_weights.tolist()
        result["scaled"] = self.scaled
        result["d_k"] = self.d_k
        return result


def self_attention_steps(
    inputs: torch.Tensor,
    w_key: torch.Tensor,
    w_query: torch.Tensor,
    w_value: torch.Tensor,
    *,
    scaled: bool = False,
    rounded_weights: torch.Tensor | None = None,
) -> AttentionSteps:
    """Run single-head self-attention and keep every intermediate.

    Args:
        inputs: x, (T, C).
        w_key: (C, d). w_query: (C, d). w_value: (C, d).
        scaled: divide the scores by √d_k, as real transformers do (Vaswani et al., 2017).
        rounded_weights: a rounded softmax to recompute outputs from (default: the exact
            weights rounded to one decimal).

    Returns:
        The :class:`AttentionSteps`.
    """
    keys = inputs @ w_key  # (T, d)
    queries = inputs @ w_query  # (T, d)
    values = inputs @ w_value  # (T, d)
    scores = queries @ keys.T  # (T, T): scores[i, j] = query i · key j
    if scaled:
        scores = scores / math.sqrt(keys.shape[-1])
    # Softmax written out: exp of each score over the row's sum (minus the row max for safety).
    exp = torch.exp(scores - scores.max(dim=-1, keepdim=True).values)
    weights = exp / exp.sum(dim=-1, keepdim=True)  # (T, T), rows sum to 1
    weighted_values = weights[:, :, None] * values[None, :, :]  # (T, T, d)
    outputs = weighted_values.sum(dim=1)  # (T, d) == weights @ values
    if rounded_weights is None:
        rounded_weights = torch.round(weights, decimals=1)
    return AttentionSteps(
        inputs=inputs,
        w_key=w_key,
        w_query=w_query,
        w_value=w_value,
        keys=keys,
        queries=queries,
        values=values,
        scores=scores,
        weights=weights,
        weighted_values=weighted_values,
        outputs=outputs,
        rounded_weights=rounded_weights,
        rounded_outputs=rounded_weights @ values,
        scaled=scaled,
    )


def report_example(scaled: bool = False) -> AttentionSteps:
    """The report's example: its inputs, weights and rounded softmax.

    Args:
        scaled: divide the scores by √d_k (the report does not; real transformers do).
    """
    as_tensor = lambda rows: torch.tensor(rows, dtype=torch.float64)  # noqa: E731
    return self_attention_steps(
        as_tensor(REPORT_INPUTS),
        as_tensor(REPORT_W_KEY),
        as_tensor(REPORT_W_QUERY),
        as_tensor(REPORT_W_VALUE),
        scaled=scaled,
        rounded_weights=as_tensor(REPORT_ROUNDED_WEIGHTS),
    )


def unscaled_second_score_row() -> list[float]:
    """The second score row Q[1] · Kᵀ without scaling (the report prints [4, 18, 12])."""
    return report_example(scaled=False).scores[1].tolist()
