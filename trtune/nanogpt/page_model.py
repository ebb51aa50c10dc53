"""What the page needs to run a trained model by itself: its kind, vocabulary and weights.

The page carries every weight of the model as float32 (little-endian, base64) so that its
JavaScript forward pass (``templates/model.js``) computes with exactly the numbers PyTorch
uses. A run folder written by ``nanogpt train`` says in ``trtune.json`` whether it sorts or
models text, and holds the character vocabulary of a text model; a bare folder with a
3-token, 11-position model (the sort task's shape) is taken to be a sort model.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import numpy as np
import torch

from trtune.errors import UserError
from trtune.nanogpt import sort
from trtune.nanogpt.hf import load_pretrained
from trtune.nanogpt.model import GPT
from trtune.nanogpt.text import CharVocab

Kind = Literal["sort", "text"]

# Default prompts for a text model, tried in order; the first whose characters are all in
# the vocabulary is used.
DEFAULT_PROMPTS: tuple[str, ...] = ("Türkiye'nin ", "İstanbul ", "Bu ", "The ", "a")


@dataclass
class PageModel:
    """A trained GPT with what the page must know about it."""

    model: GPT
    kind: Kind
    vocab: list[str]  # the token strings: "A", "B", "C" or the characters

    def encode(self, text: str) -> list[int]:
        """Token ids of a sort sequence or a text prompt (a UserError if invalid)."""
        if self.kind == "sort":
            return sort.parse_sequence(text)[0]
        if not text:
            raise UserError("the prompt is empty; give at least one character")
        ids = CharVocab(self.vocab).encode(text)
        return ids[-self.model.config.block_size :]  # the model sees at most block_size

    def default_input(self) -> str:
        """``CBABBC`` for the sort model, a short prompt the vocabulary can spell for text."""
        if self.kind == "sort":
            return "CBABBC"
        known = set(self.vocab)
        return next((p for p in DEFAULT_PROMPTS if set(p) <= known), self.vocab[0])


def load_page_model(model_dir: str | Path) -> PageModel:
    """Load a run folder and find out whether it is a sort model or a text model.

    Raises:
        UserError: no model in the folder, or a model that is neither kind.
    """
    model_dir = Path(model_dir)
    model = load_pretrained(model_dir)
    info_path = model_dir / "trtune.json"
    info = json.loads(info_path.read_text(encoding="utf-8")) if info_path.is_file() else {}
    config = model.config
    if info.get("task") == "text":
        vocab = list(info.get("chars", []))
        if len(vocab) != config.vocab_size:
            raise UserError(
                f"trtune.json lists {len(vocab)} characters, the model has {config.vocab_size}",
                info_path,
            )
        return PageModel(model, "text", vocab)
    if config.vocab_size == sort.NUM_DIGITS and config.block_size == sort.BLOCK_SIZE:
        return PageModel(model, "sort", list(sort.LETTERS))
    raise UserError("not a sort model and no trtune.json of a text model", model_dir)


def pack_weights(model: GPT) -> dict[str, object]:
    """Every weight as one base64 float32 buffer plus an index ``name -> [offset, shape]``.

    Names and layouts are those of ``model.state_dict()`` (``nn.Linear`` weights are
    (out, in)); the causal-mask buffers are left out, the page builds its own mask.
    """
    index: dict[str, list[object]] = {}
    parts: list[np.ndarray] = []
    offset = 0
    for name, tensor in model.state_dict().items():
        if name.endswith("attn.mask"):
            continue
        values = tensor.detach().to(torch.float32).contiguous().numpy().ravel()
        index[name] = [offset, list(tensor.shape)]
        parts.append(values)
        offset += values.size
    buffer = np.concatenate(parts).astype("<f4").tobytes()
    return {"index": index, "count": offset, "data": base64.b64encode(buffer).decode("ascii")}
