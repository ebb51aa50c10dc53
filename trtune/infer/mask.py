"""Fill in the blanks: the most probable tokens for each mask of a sentence.

:func:`load_filler` loads any masked-LM folder (a ``mask train`` folder, full or LoRA
adapter, or any ``...ForMaskedLM`` folder) or Hub name. The user writes the blank as
``[MASK]`` or ``<mask>`` whichever the model's own mask token is. A folder that holds only
an encoder (the offline MiniLM is a sentence-transformers export of BERT without its
pre-training head) is refused in one line: ``mask train`` adds the head and trains it.
``mask predict``, ``mask train``'s fill-in probes and ``serve --mask`` all fill through here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

import torch

from trtune.errors import UserError
from trtune.infer.kinds import FolderInfo, inspect_folder, load_model_folder, trained_max_length
from trtune.infer.onnx_backend import choose_backend, load_onnx_folder
from trtune.run.devices import resolve_device, resolve_dtype
from trtune.run.microbatch import inference_rows
from trtune.run.models import load_tokenizer, resolve_model
from trtune.tasks.mask.head import check_mask_token, load_masked_lm, logits_at

MASK_SPELLINGS = re.compile(r"\[mask\]|<mask>", re.IGNORECASE)
DEFAULT_TOP_K = 5
BATCH_SIZE = 32


@dataclass(frozen=True)
class Filler:
    """One candidate for a blank.

    Attributes:
        token: the vocabulary entry (``##ler`` for a word piece).
        token_str: the text it stands for (``tokenizer.decode``).
        token_id: its id.
        probability: the model's probability for it at that blank.
    """

    token: str
    token_str: str
    token_id: int
    probability: float


@dataclass(frozen=True)
class FillResult:
    """The candidates for every blank of one text, in order, and the text with the best
    candidate written into each blank."""

    text: str
    masks: list[list[Filler]]
    filled: str

    def to_dict(self) -> dict:
        """JSON-ready form."""
        return {
            "text": self.text,
            "filled": self.filled,
            "masks": [[asdict(f) for f in fillers] for fillers in self.masks],
        }


class MaskFiller:
    """A masked LM and its tokenizer, ready to fill blanks.

    Args:
        model: a ``...ForMaskedLM`` model (or a LoRA model on one), in eval mode.
        tokenizer: its tokenizer, with a mask token.
        max_length: tokens per text at most (``None``: the tokenizer's limit).
    """

    def __init__(self, model, tokenizer, max_length: int | None = None):
        check_mask_token(tokenizer, "this model")
        self.model = model.eval()
        self.tokenizer = tokenizer
        limit = tokenizer.model_max_length if tokenizer.model_max_length < 10**6 else 512
        self.max_length = max_length or limit
        self.device = next(model.parameters()).device

    @property
    def vocab_size(self) -> int:
        """How many tokens a blank can be filled with."""
        return len(self.tokenizer)

    def prepare(self, text: str) -> str:
        """``text`` with every ``[MASK]`` / ``<mask>`` written as the model's mask token."""
        return MASK_SPELLINGS.sub(lambda _: self.tokenizer.mask_token, text)

    def _encode(self, texts: Sequence[str]) -> list[list[int]]:
        """Token ids per text; refuses a text without a blank or whose blank is cut off."""
        mask = self.tokenizer.mask_token
        encoded = self.tokenizer(list(texts), truncation=True, max_length=self.max_length)
        for number, (text, ids) in enumerate(zip(texts, encoded["input_ids"], strict=True), 1):
            wanted = text.count(mask)
            found = sum(1 for i in ids if i == self.tokenizer.mask_token_id)
            if wanted == 0:
                raise UserError(
                    f"text {number} has no blank: write [MASK] (or <mask>) where a word is "
                    f"missing: {text[:60]!r}"
                )
            if found < wanted:
                raise UserError(
                    f"text {number}: a blank falls after the first {self.max_length} tokens, "
                    "which is all the model reads"
                )
        return encoded["input_ids"]

    @torch.inference_mode()
    def top_ids(self, texts: Sequence[str], k: int) -> list[list[tuple[list[int], list[float]]]]:
        """The ``k`` best token ids and their probabilities for each blank of each prepared
        text (texts sorted by length, ``BATCH_SIZE`` at a time, each batch cut into parts on
        a CPU: :func:`~trtune.run.microbatch.inference_rows`)."""
        ids = self._encode(texts)
        results: list[list[tuple[list[int], list[float]]]] = [[] for _ in ids]
        for rows in inference_rows([len(row) for row in ids], BATCH_SIZE, self.device):
            self._top_of(rows, ids, k, results)
        return results

    def _top_of(self, rows: list[int], ids: list[list[int]], k: int, results: list) -> None:
        """One forward pass over ``rows`` (padded to their longest): each blank's ``k`` best
        ids and probabilities appended to ``results`` of its row."""
        pad = self.tokenizer.pad_token_id or 0
        length = max(len(ids[i]) for i in rows)
        input_ids = torch.tensor([ids[i] + [pad] * (length - len(ids[i])) for i in rows])
        attention = torch.tensor([[1] * len(ids[i]) + [0] * (length - len(ids[i])) for i in rows])
        where = input_ids == self.tokenizer.mask_token_id  # (B, T)
        features = {"input_ids": input_ids, "attention_mask": attention}
        features = {name: v.to(self.device) for name, v in features.items()}
        logits = logits_at(self.model, features, where.to(self.device))  # (N, V)
        probs = logits.float().softmax(dim=-1)
        top = probs.topk(min(k, probs.shape[-1]), dim=-1)
        owners = where.nonzero()[:, 0].tolist()  # row of each blank, in reading order
        for row, values, indices in zip(owners, top.values, top.indices, strict=True):
            results[rows[row]].append((indices.tolist(), values.tolist()))

    def fill(self, texts: Sequence[str], top_k: int = DEFAULT_TOP_K) -> list[FillResult]:
        """The ``top_k`` candidates for every blank of every text."""
        if not texts:
            return []
        prepared = [self.prepare(t) for t in texts]
        found = self.top_ids(prepared, top_k)
        return [self._result(text, blanks) for text, blanks in zip(prepared, found, strict=True)]

    def _result(self, text: str, blanks: list[tuple[list[int], list[float]]]) -> FillResult:
        masks = []
        for ids, probs in blanks:
            tokens = self.tokenizer.convert_ids_to_tokens(ids)
            masks.append(
                [
                    Filler(token, self.tokenizer.decode([i]), i, p)
                    for token, i, p in zip(tokens, ids, probs, strict=True)
                ]
            )
        pieces = text.split(self.tokenizer.mask_token)
        filled = pieces[0]
        for fillers, piece in zip(masks, pieces[1:], strict=False):
            filled += fillers[0].token_str.strip() + piece
        return FillResult(text, masks, filled)


def _mask_folder(info: FolderInfo) -> bool:
    """Whether a folder is loaded as its record says (a ``mask train`` run or an adapter)."""
    if info.task not in (None, "mask") and info.kind == "adapter":
        raise UserError(f"this folder holds a {info.task} adapter, not a masked LM", file=info.path)
    return info.kind == "adapter" or (info.task == "mask" and bool(info.record))


def load_filler(
    model: str | Path,
    device: torch.device | str = "cpu",
    dtype: torch.dtype | str = torch.float32,
    trust_remote_code: bool = False,
    max_length: int | None = None,
    backend: str = "auto",
) -> MaskFiller:
    """A :class:`MaskFiller` for a masked-LM folder or Hub name; ``max_length`` overrides
    the length limit the folder's run recorded; a ``--dtype`` name as ``dtype`` is resolved by
    :func:`~trtune.run.devices.resolve_dtype`; an ONNX export runs with onnxruntime
    (``backend``: see :mod:`trtune.infer.onnx_backend`).

    Raises:
        UserError: no such model; its tokenizer has no mask token; or it has no masked-LM
            head (a bare encoder: run ``mask train`` first).
    """
    if choose_backend(model, backend) == "onnx":
        network, tokenizer, record = load_onnx_folder(model, "mask")
        return MaskFiller(network, tokenizer, max_length or trained_max_length(record, None))
    device = resolve_device(device) if isinstance(device, str) else device
    dtype = resolve_dtype(dtype, device) if isinstance(dtype, str) else dtype
    path = Path(model)
    if path.is_dir():
        info = inspect_folder(path)
        if _mask_folder(info):
            info = FolderInfo(info.path, info.kind, "mask", info.record)
            network, tokenizer = load_model_folder(
                info, device=device, dtype=dtype, trust_remote_code=trust_remote_code
            )
            limit = max_length or info.model_info.get("max_length")
            return MaskFiller(network, tokenizer, limit)
    source = resolve_model(str(model))
    if source.kind == "preset":
        raise UserError(
            f"{model} is a preset with random weights: train it first "
            f"(trtune mask train --model {model} --data FILE --out DIR)"
        )
    tokenizer = load_tokenizer(source, fold=False, trust_remote_code=trust_remote_code)
    loaded = load_masked_lm(source, tokenizer, trust_remote_code=trust_remote_code)
    if loaded.head != "pretrained":
        raise UserError(
            f"{model} holds an encoder without a masked-LM head (fill-in needs the "
            "pre-training head, which this export left out); run `trtune mask train --model "
            f"{model} --data FILE --out DIR` first: it adds the head and trains it"
        )
    return MaskFiller(loaded.model.to(device=device, dtype=dtype), tokenizer, max_length)
