"""The masked-LM model: load it with its head (or add the head it lacks), and score masked
tokens cheaply.

An encoder exported without its pre-training head (sentence-transformers folders such as
the offline MiniLM, a classifier's folder) loads into ``AutoModelForMaskedLM`` with a new
head: BERT's head is a transform layer (dense + GELU + LayerNorm, new, random) and a decoder
whose weight *is* the word-embedding matrix (tied, so nothing new there) plus a bias (new,
zero). :func:`load_masked_lm` says which case it met, from the weights the checkpoint lacked.

:func:`masked_lm_stats` runs the head only on the masked positions: the decoder is a
``hidden x vocabulary`` matrix (384 x 30,522 for MiniLM), and computing it for every token
when 15 % are scored spends most of a training step's arithmetic on logits nobody reads.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import torch
from transformers import AutoModelForMaskedLM, PreTrainedModel, PreTrainedTokenizerBase

from trtune.errors import UserError
from trtune.run.models import ModelSource, from_pretrained, load_model
from trtune.run.trainer import IGNORE_INDEX

# Architectures whose masked-LM model is ``<base model> + one head module`` taking hidden
# states of any leading shape (checked by tests against the full forward pass).
SPLIT_HEAD_TYPES = ("bert", "roberta", "xlm-roberta", "camembert")
STAT_COLUMNS = 3  # per example: summed negative log-likelihood, masked tokens, correct top-1


@dataclass
class MaskedLM:
    """A masked-LM model and where its head came from.

    Attributes:
        model: the ``...ForMaskedLM`` model.
        head: ``pretrained`` (the checkpoint had it), ``added`` (new transform layer on a
            bare encoder) or ``random`` (a preset: everything is new).
        new_weights: parameter names the checkpoint lacked.
        tied: whether the decoder shares the word-embedding matrix.
    """

    model: PreTrainedModel
    head: str
    new_weights: list[str] = field(default_factory=list)
    tied: bool = True


def check_mask_token(tokenizer: PreTrainedTokenizerBase, name: str) -> None:
    """Refuse a tokenizer without a mask token: its model is no masked LM."""
    if tokenizer.mask_token is None or tokenizer.mask_token_id is None:
        raise UserError(
            f"the tokenizer of {name} has no mask token: it is not a masked language model "
            "(use an encoder such as BERT, RoBERTa or a folder written by mask train)"
        )


def is_tied(model: PreTrainedModel) -> bool:
    """Whether the output layer's weight is the input embedding matrix itself."""
    output = model.get_output_embeddings()
    return output is not None and output.weight is model.get_input_embeddings().weight


def load_masked_lm(
    source: ModelSource,
    tokenizer: PreTrainedTokenizerBase,
    seed: int = 42,
    trust_remote_code: bool = False,
) -> MaskedLM:
    """The ``AutoModelForMaskedLM`` of ``source``, adding the head when the checkpoint has none.

    The new head's weights are initialised from ``seed``.
    """
    check_mask_token(tokenizer, source.name)
    if source.kind == "preset":
        model = load_model(source, "masked-lm", tokenizer, seed=seed)
        return MaskedLM(model, "random", [n for n, _ in model.named_parameters()], is_tied(model))
    torch.manual_seed(seed)
    model, info = from_pretrained(
        AutoModelForMaskedLM,
        source,
        output_loading_info=True,
        trust_remote_code=trust_remote_code,
    )
    missing = sorted(info.get("missing_keys") or [])
    if len(tokenizer) > model.get_input_embeddings().num_embeddings:
        raise UserError(
            f"the tokenizer of {source.name} has {len(tokenizer)} tokens but the model only "
            f"{model.get_input_embeddings().num_embeddings} embeddings"
        )
    return MaskedLM(
        model, "added" if lacks_head(missing) else "pretrained", missing, is_tied(model)
    )


def lacks_head(missing: list[str]) -> bool:
    """Whether the weights a checkpoint lacked include a layer of the head (not only the
    decoder's bias, which some checkpoints store under one of its two tied names)."""
    return any(not name.endswith("bias") for name in missing)


def split_head(model) -> tuple[torch.nn.Module, torch.nn.Module] | None:
    """``(encoder, head)`` of a masked-LM model whose head can run on selected positions,
    or ``None`` (then the full forward pass is used: an ONNX graph, other model types). A
    LoRA model is looked into."""
    inner = model.get_base_model() if hasattr(model, "get_base_model") else model
    if not isinstance(inner, torch.nn.Module):
        return None
    if getattr(inner.config, "model_type", None) not in SPLIT_HEAD_TYPES:
        return None
    prefix = getattr(inner, "base_model_prefix", "")
    encoder = getattr(inner, prefix, None)
    heads = [m for name, m in inner.named_children() if name != prefix]
    if encoder is None or len(heads) != 1:
        return None
    return encoder, heads[0]


def head_modules(model: PreTrainedModel, new_weights: list[str]) -> list[str]:
    """The layers of the head among ``new_weights`` that LoRA must train in full (its new
    transform layer): every module owning a new weight below the head, except the decoder,
    which is the (tied) word-embedding matrix, and the modules above it."""
    parts = split_head(model)
    if parts is None:
        return []
    head_name = next(n for n, m in model.named_children() if m is parts[1])
    decoder = model.get_output_embeddings()
    decoder_name = next((n for n, m in model.named_modules() if m is decoder), "")
    owners = {name.rsplit(".", 1)[0] for name in new_weights if "." in name}
    return sorted(
        owner
        for owner in owners
        if owner.startswith(head_name + ".")
        and owner != decoder_name
        and not decoder_name.startswith(owner + ".")
    )


def logits_at(model, features: dict[str, torch.Tensor], where: torch.Tensor) -> torch.Tensor:
    """The vocabulary logits ``(N, V)`` of the ``N`` positions where ``where`` ``(B, T)`` is
    true; the head runs on those positions only when it can (:func:`split_head`)."""
    parts = split_head(model)
    if parts is None:
        return model(**features).logits[where]
    encoder, head = parts
    hidden = encoder(**features)[0]  # (B, T, H)
    return head(hidden[where][None])[0]


def _stats(logits: torch.Tensor, targets: torch.Tensor, rows: torch.Tensor, batch: int):
    """Per example: summed NLL, masked tokens, correct top-1 (``(B, 3)``), from the logits
    ``(N, V)`` of ``N`` masked tokens of rows ``rows``."""
    nll = torch.nn.functional.cross_entropy(logits.float(), targets, reduction="none")  # (N,)
    correct = (logits.argmax(-1) == targets).float()  # (N,)
    stats = torch.zeros(batch, STAT_COLUMNS, device=logits.device)
    stats[:, 0].index_add_(0, rows, nll.detach())
    stats[:, 1].index_add_(0, rows, torch.ones_like(nll))
    stats[:, 2].index_add_(0, rows, correct)
    return nll, stats


def masked_lm_stats(model, inputs: dict[str, torch.Tensor]) -> tuple[torch.Tensor, torch.Tensor]:
    """The mean loss over the masked tokens of a batch and its ``(B, 3)`` statistics.

    With a split head (:func:`split_head`) the decoder runs only on the masked positions;
    otherwise the model's full forward pass gives the logits of every position.
    """
    labels = inputs["labels"]  # (B, T)
    scored = labels != IGNORE_INDEX  # (B, T)
    rows = scored.nonzero()[:, 0]  # (N,) the row of each masked token
    features = {k: v for k, v in inputs.items() if k != "labels"}
    logits = logits_at(model, features, scored)  # (N, V)
    nll, stats = _stats(logits, labels[scored], rows, labels.shape[0])
    loss = nll.sum() / scored.sum().clamp(min=1)
    return loss, stats


def stats_from_logits(logits: torch.Tensor, labels: torch.Tensor) -> torch.Tensor:
    """``(B, 3)`` statistics from full ``(B, T, V)`` logits (``preprocess_logits_for_metrics``
    of the Trainer, when the full forward pass ran); statistics pass through unchanged."""
    if isinstance(logits, tuple):
        logits = logits[0]
    if logits.dim() == 2 and logits.shape[-1] == STAT_COLUMNS:
        return logits
    scored = labels != IGNORE_INDEX
    rows = scored.nonzero()[:, 0]
    return _stats(logits[scored], labels[scored], rows, labels.shape[0])[1]


def perplexity_metrics(eval_prediction) -> dict[str, float]:
    """``compute_metrics`` of the Trainer: masked-token perplexity and top-1 accuracy from
    the per-example statistics (token-weighted over the whole validation part)."""
    stats = eval_prediction.predictions
    stats = stats[0] if isinstance(stats, tuple) else stats
    scores = summarise(torch.as_tensor(stats).sum(dim=0))
    return {"perplexity": scores["perplexity"], "accuracy": scores["accuracy"]}


def summarise(totals: torch.Tensor) -> dict[str, float]:
    """``{"perplexity", "accuracy", "tokens"}`` from summed ``(3,)`` statistics."""
    nll, count, correct = (float(v) for v in totals)
    count = max(count, 1.0)
    return {
        "perplexity": float(torch.exp(torch.tensor(nll / count))),
        "accuracy": correct / count,
        "tokens": int(count),
    }
