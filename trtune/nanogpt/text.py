"""Character-level text for a small GPT (like nanoGPT's shakespeare_char), in Turkish.

Any text file works (its encoding is detected as for data files); a SQuAD-style JSON
(``{"data": [{"paragraphs": [{"context": ...}]}]}``, e.g. TQuAD) is read as its
``context`` paragraphs. Every distinct character becomes one token; the vocabulary is
saved with the model so that sampling can decode.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import torch

from trtune.data.source import read_user_text
from trtune.errors import UserError


@dataclass
class CharVocab:
    """A character <-> index table (sorted characters)."""

    chars: list[str]

    @classmethod
    def from_text(cls, text: str) -> CharVocab:
        return cls(chars=sorted(set(text)))

    @property
    def size(self) -> int:
        return len(self.chars)

    def encode(self, text: str) -> list[int]:
        """Indices for ``text``; a character the model never saw is a UserError."""
        table = {ch: i for i, ch in enumerate(self.chars)}
        unknown = sorted({ch for ch in text if ch not in table})
        if unknown:
            raise UserError(f"characters not in the model's vocabulary: {''.join(unknown)!r}")
        return [table[ch] for ch in text]

    def decode(self, indices: list[int]) -> str:
        return "".join(self.chars[i] for i in indices)


def _squad_contexts(data: object) -> list[str] | None:
    """The ``context`` strings of a SQuAD-style document, or None if it is not one."""
    if not isinstance(data, dict) or not isinstance(data.get("data"), list):
        return None
    contexts = []
    for article in data["data"]:
        for paragraph in article.get("paragraphs", []) if isinstance(article, dict) else []:
            if isinstance(paragraph, dict) and isinstance(paragraph.get("context"), str):
                contexts.append(paragraph["context"].strip())
    return contexts


def read_text(path: str | Path, max_chars: int | None = None) -> str:
    """Read training text from a file (plain text, or SQuAD-style JSON contexts).

    Args:
        path: the file.
        max_chars: keep only the first this many characters (None keeps all).

    Raises:
        UserError: missing file, binary data, or too little text to train on.
    """
    path = Path(path)
    # The data layer's opening and detection: UTF-8 (BOM or not), UTF-16, Windows-1254...
    raw = read_user_text(path).text
    text = raw
    if path.suffix.lower() == ".json":
        try:
            contexts = _squad_contexts(json.loads(raw))
        except json.JSONDecodeError:
            contexts = None
        if contexts:
            text = "\n\n".join(dict.fromkeys(contexts))  # paragraphs repeat once per question
    if max_chars is not None:
        text = text[:max_chars]
    if len(text) < 32:
        raise UserError(f"only {len(text)} characters of text; need at least 32", path)
    return text


@dataclass
class TextData:
    """Encoded text split 90/10 into train and validation, like nanoGPT."""

    vocab: CharVocab
    train: torch.Tensor  # (N_train,) int64
    val: torch.Tensor  # (N_val,) int64

    @classmethod
    def from_text(cls, text: str, block_size: int, path: str | Path | None = None) -> TextData:
        """Encode ``text`` (read from ``path``, named in errors) and split it 90/10."""
        vocab = CharVocab.from_text(text)
        data = torch.tensor(vocab.encode(text), dtype=torch.long)
        n = int(0.9 * len(data))
        train, val = data[:n], data[n:]
        if len(val) <= block_size + 1:  # small texts: validate on the training text
            val = train
        if len(train) <= block_size + 1:
            raise UserError(
                f"text of {len(data)} characters is shorter than the block size ({block_size})",
                path,
            )
        return cls(vocab=vocab, train=train, val=val)


def text_batch(
    data: torch.Tensor, block_size: int, batch_size: int, generator: torch.Generator
) -> tuple[torch.Tensor, torch.Tensor]:
    """Random windows of the text: x (B, T) and y = x shifted by one (B, T)."""
    ix = torch.randint(len(data) - block_size - 1, (batch_size,), generator=generator)
    x = torch.stack([data[i : i + block_size] for i in ix.tolist()])  # (B, T)
    y = torch.stack([data[i + 1 : i + 1 + block_size] for i in ix.tolist()])  # (B, T)
    return x, y


def load_vocab(model_dir: Path) -> CharVocab:
    """The character vocabulary saved with a text model (``trtune.json``)."""
    info_path = Path(model_dir) / "trtune.json"
    if not info_path.is_file():
        raise UserError("no trtune.json in this folder; is it a `trtune nanogpt` run?", model_dir)
    return CharVocab(chars=json.loads(info_path.read_text(encoding="utf-8"))["chars"])


def sample_text(
    model_dir: str | Path,
    prompt: str = "",
    tokens: int = 200,
    temperature: float = 0.8,
    seed: int = 0,
) -> str:
    """Continue ``prompt`` with ``tokens`` sampled characters from a trained text model.

    Raises:
        UserError: missing model, a prompt character outside the vocabulary, bad settings.
    """
    from trtune.nanogpt.hf import load_pretrained

    if tokens < 1 or temperature <= 0:
        raise UserError("tokens must be >= 1 and temperature > 0")
    model = load_pretrained(model_dir)
    vocab = load_vocab(Path(model_dir))
    start = (
        vocab.encode(prompt) if prompt else [vocab.encode("\n")[0] if "\n" in vocab.chars else 0]
    )
    idx = torch.tensor([start], dtype=torch.long)  # (1, T)
    gen = torch.Generator().manual_seed(seed)
    out = model.generate(idx, tokens, temperature=temperature, do_sample=True, generator=gen)
    return (prompt if prompt else "") + vocab.decode(out[0, len(start) :].tolist())
