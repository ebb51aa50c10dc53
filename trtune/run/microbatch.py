"""The same batch, less padding: split a padded batch into length-sorted micro-batches.

A batch of 32 random reviews is padded to its longest one; with a median of 28 tokens and
a tail up to ``max_length``, most of the tensor is padding. Sorting the batch by length and
cutting it into a few micro-batches, each trimmed to its own longest text, removes most of
it. The loss is the size-weighted mean of the micro-batch losses, so the gradient is the
gradient of the whole batch: the examples and their order are exactly those of a plain
shuffled run (unlike length-grouped sampling, which changes which texts meet in a batch).
"""

from __future__ import annotations

import numpy as np
import torch

# The fixed cost of one more forward call, counted in padded tokens (a few milliseconds on a
# CPU core for a MiniLM/BERT layer stack): a split is worth it only when it saves more.
CALL_COST_TOKENS = 256
MAX_PARTS = 4
# One more forward call costs about this many padded tokens at inference (MiniLM, 2 cores).
INFERENCE_CALL_COST = 64
# At inference a batch may take more parts: no gradient to sum, and with up to 8 parts
# MiniLM features of 400 reviews took 3.67 s against 3.94 s with 4 (fastest of 4 rounds).
INFERENCE_MAX_PARTS = 8
SEQUENCE_KEYS = ("input_ids", "attention_mask", "token_type_ids", "position_ids")


def plan_split(
    lengths: list[int], call_cost: int = CALL_COST_TOKENS, max_parts: int = MAX_PARTS
) -> list[list[int]]:
    """Row indices of each micro-batch: rows sorted by length, cut where the padded tokens
    plus ``call_cost`` per part are fewest (at most ``max_parts`` parts).

    >>> plan_split([5, 100, 6, 98], call_cost=10)
    [[1, 3], [2, 0]]
    """
    order = sorted(range(len(lengths)), key=lambda i: -lengths[i])
    n = len(order)
    if n == 0:
        return []
    # best[k][j]: fewest cost covering the j longest rows with k parts; parts are contiguous
    # in the sorted order, so a part of rows s..j-1 costs (j - s) * its first row's length.
    # One array operation per k over every (s, j) (a Python loop took 8 ms for 128 rows).
    longest = np.array([lengths[i] for i in order], dtype=np.float64)
    s_index, j_index = np.arange(n + 1)[:, None], np.arange(n + 1)[None, :]
    padded = np.where(
        s_index < j_index, (j_index - s_index) * np.append(longest, 0.0)[:, None], np.inf
    )  # padded[s, j]: tokens of one part of rows s..j-1
    best = np.full((max_parts + 1, n + 1), np.inf)
    cut = np.zeros((max_parts + 1, n + 1), dtype=np.int64)
    best[0, 0] = 0.0
    for k in range(1, max_parts + 1):
        total = best[k - 1][:, None] + padded + call_cost  # (s, j)
        cut[k] = total.argmin(axis=0)  # the first s of the fewest, as a loop over s finds
        best[k] = total[cut[k], np.arange(n + 1)]
    parts = int(best[1:, n].argmin()) + 1
    bounds, j = [], n
    for k in range(parts, 0, -1):
        s = int(cut[k, j])
        bounds.append((s, j))
        j = s
    return [order[s:e] for s, e in reversed(bounds)]


def budget_split(lengths: list[int], token_budget: int) -> list[list[int]]:
    """Row indices of each micro-batch when memory, not padding, sets the size: rows sorted
    by length, longest first, each part as many rows as fit in ``token_budget`` cells at
    its own longest row's length (at least one row). ``lm train`` runs its padded batches
    this way (``--micro-batch-tokens``).

    >>> budget_split([5, 100, 6, 98], 200)
    [[1, 3], [2, 0]]
    """
    order = sorted(range(len(lengths)), key=lambda i: -lengths[i])
    parts: list[list[int]] = []
    for i in order:
        if parts and (len(parts[-1]) + 1) * lengths[parts[-1][0]] <= token_budget:
            parts[-1].append(i)
        else:
            parts.append([i])
    return parts


def inference_parts(lengths: list[int], device: torch.device) -> list[list[int]]:
    """How one inference batch of texts with these token counts runs: on the CPU as a few
    length-sorted parts (:func:`plan_split`); on a GPU whole, since there a small batch costs
    its kernel launches whatever its padding (MiniLM on an H200: 6.5 ms for one text; 16
    texts cut into parts took 16 ms)."""
    if device.type == "cpu":
        return plan_split(lengths, INFERENCE_CALL_COST, INFERENCE_MAX_PARTS)
    return [sorted(range(len(lengths)), key=lambda i: -lengths[i])]


def parts_of(rows: list[int], lengths: list[int], device: torch.device) -> list[list[int]]:
    """:func:`inference_parts` of the batch ``rows`` (indices into ``lengths``), as lists of
    those indices: the rows of each forward pass."""
    parts = inference_parts([lengths[i] for i in rows], device)
    return [[rows[j] for j in part] for part in parts]


def inference_rows(lengths: list[int], batch_size: int, device: torch.device) -> list[list[int]]:
    """The rows of every forward pass of a prediction over texts of these token counts:
    sorted longest first, ``batch_size`` at a time, each batch cut by :func:`parts_of`.

    >>> inference_rows([5, 100, 6, 98], 4, torch.device("cuda"))
    [[1, 3, 2, 0]]
    """
    order = sorted(range(len(lengths)), key=lambda i: -lengths[i])
    return [
        part
        for start in range(0, len(order), batch_size)
        for part in parts_of(order[start : start + batch_size], lengths, device)
    ]


def split_batch(
    inputs: dict[str, torch.Tensor], token_keys: tuple[str, ...] = ()
) -> list[dict[str, torch.Tensor]] | None:
    """Micro-batches of a right-padded batch, each trimmed to its longest row; ``None`` when
    the batch cannot be split safely (no mask, left padding) or splitting saves nothing.

    Tensors under :data:`SEQUENCE_KEYS` and ``token_keys`` (e.g. ``("labels",)`` for token
    classification, whose labels follow the input tokens) are cut along both axes; any
    other tensor (a label per row, a decoder's target) only along the rows."""
    mask = inputs.get("attention_mask")
    if mask is None or mask.dim() != 2 or mask.shape[0] < 2:
        return None
    lengths = mask.sum(dim=1)
    positions = torch.arange(mask.shape[1], device=mask.device)
    if not torch.equal(mask.bool(), positions[None, :] < lengths[:, None]):
        return None  # not right padding: trimming the tail would cut real tokens
    rows = lengths.tolist()
    plan = plan_split(rows)
    if len(plan) == 1:
        return None
    sequence_keys = SEQUENCE_KEYS + tuple(token_keys)
    if any(k in sequence_keys and v.shape != mask.shape for k, v in inputs.items()):
        return None
    parts = []
    for part in plan:
        index = torch.tensor(part, device=mask.device)
        longest = max(rows[i] for i in part)
        parts.append(
            {
                key: value[index, :longest] if key in sequence_keys else value[index]
                for key, value in inputs.items()
            }
        )
    return parts
