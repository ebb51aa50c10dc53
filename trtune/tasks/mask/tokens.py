"""The "Turkish tax" of a tokenizer, measured on the user's own text.

Turkish glues suffixes to stems (``kitaplarımızdan``), so a tokenizer trained mostly on
English cuts Turkish words into many pieces: more tokens per sentence, fewer words in the
model's context, more compute, and pieces that mean little. For each tokenizer this module
counts, on the words of the text (:mod:`trtune.tasks.mask.words`: letters and digits,
``Ankara'da`` one word, punctuation left out):

- **fertility**: tokens per word (Rust et al. 2021, https://arxiv.org/abs/2012.15613); a
  vocabulary holding every word of the text scores 1.0;
- **kept whole**: the share of words that are a single token;
- **unknown rate** and **byte-fallback share**: tokens that are the unknown token, or a
  raw byte (``<0xC5>``, or a piece that is not a whole UTF-8 character);
- whether the tokenizer **strips Turkish accents** (``ş`` -> ``s``), **lower-cases**, or
  **folds i/ı/İ the English way** (``I`` -> ``i`` where Turkish wants ``ı``);
- how **apostrophe suffixes** split (``Ankara'da``), how many **words fit in the context**,
  and the frequent words split the most.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from transformers import AutoTokenizer, PreTrainedTokenizerBase

from trtune.errors import UserError
from trtune.run.models import from_pretrained, resolve_model
from trtune.run.presets import train_preset_tokenizer
from trtune.tasks.mask.words import (
    APOSTROPHES,
    NO_WORD,
    char_word_index,
    has_apostrophe_suffix,
    token_word_ids,
    word_spans,
)

ENCODE_BATCH = 1000
SHOWN = 10
BYTE_TOKEN = re.compile(r"^<0x[0-9A-Fa-f]{2}>$")
ACCENTED = dict(zip("çğöşüÇĞÖŞÜ", "cgosuCGOSU", strict=True))  # letter -> its base
PROBE_WORDS = ("Ankara'da", "İstanbul'un", "Türkiye'nin")
TOKENIZER_FILES = ("tokenizer.json", "tokenizer_config.json", "vocab.txt", "spiece.model")
# Published tokens per Turkish word, for comparison (not measured here).
PUBLISHED = (
    ("GPT-2", "3.8"),
    ("Qwen3", "2.6"),
    ("Turkish-trained tokenizers (BERTurk, ...)", "1.6-1.9"),
)


@dataclass
class TokenReport:
    """The figures of one tokenizer on one text (``data tokens --json`` gives a list)."""

    model: str
    vocab_size: int
    words: int
    fertility: float
    kept_whole: float
    unknown_rate: float
    byte_fallback_share: float
    strips_accents: bool
    lowercases: bool
    folds_i_wrongly: bool
    letters: dict[str, str]
    tokens_per_word_all: float
    context_tokens: int | None
    words_in_context: int | None
    apostrophe: dict = field(default_factory=dict)
    most_split: list[dict] = field(default_factory=list)
    trained_on_this_text: bool = False

    def to_dict(self) -> dict:
        """JSON-ready form."""
        return asdict(self)


def load_report_tokenizer(
    name: str, texts: Sequence[str]
) -> tuple[PreTrainedTokenizerBase, int | None, bool]:
    """The tokenizer of ``name`` as it is (no trtune folding), the model's context length
    when known, and whether it was trained on ``texts`` (a preset)."""
    source = resolve_model(name) if not Path(name).is_dir() else None
    if source is not None and source.kind == "preset":
        tokenizer = train_preset_tokenizer(name, texts)
        return tokenizer, tokenizer.model_max_length, True
    if source is None or source.kind == "folder":
        folder = Path(name)
        if not any((folder / f).is_file() for f in TOKENIZER_FILES):
            raise UserError(
                "no tokenizer in this folder (tokenizer.json, vocab.txt, ...)", file=folder
            )
        try:
            tokenizer = AutoTokenizer.from_pretrained(str(folder))
        except (OSError, ValueError) as exc:
            raise UserError(f"cannot load the tokenizer: {exc}", file=folder) from None
        return tokenizer, _context(tokenizer, folder / "config.json"), False
    tokenizer = from_pretrained(AutoTokenizer, source)
    return tokenizer, _context(tokenizer, None), False


def _context(tokenizer: PreTrainedTokenizerBase, config: Path | None) -> int | None:
    """The longest input: the tokenizer's limit, else the model config's positions."""
    if 0 < tokenizer.model_max_length < 10**7:
        return int(tokenizer.model_max_length)
    if config is not None and config.is_file():
        values = json.loads(config.read_text(encoding="utf-8"))
        for key in ("max_position_embeddings", "n_positions", "max_sequence_length"):
            if isinstance(values.get(key), int):
                return values[key]
    return None


def _round_trip(tokenizer: PreTrainedTokenizerBase, text: str) -> str:
    ids = tokenizer.encode(text, add_special_tokens=False)
    if tokenizer.unk_token_id is not None and tokenizer.unk_token_id in ids:
        return "<unk>"
    return tokenizer.decode(ids).strip()


def letter_behaviour(tokenizer: PreTrainedTokenizerBase) -> dict[str, str]:
    """What each Turkish letter (and ``I``, ``K``) becomes after encoding and decoding."""
    return {ch: _round_trip(tokenizer, ch) for ch in "çğıöşüÇĞİÖŞÜIiK"}


def flags(letters: dict[str, str]) -> dict[str, bool]:
    """Accent stripping, lower-casing and English-style i folding, from
    :func:`letter_behaviour`."""
    return {
        "strips_accents": any(letters[ch] == base for ch, base in ACCENTED.items()),
        "lowercases": letters["K"] == "k",
        "folds_i_wrongly": letters["I"] == "i"
        or letters["ı"] == "i"
        or letters["İ"] not in ("İ", "i", "<unk>")
        or letters["i"] == "ı",
    }


@dataclass
class _Counts:
    """Running counts over the text."""

    words: int = 0
    word_tokens: int = 0
    all_tokens: int = 0
    whole: int = 0
    unknown: int = 0
    byte_tokens: int = 0
    frequency: Counter = field(default_factory=Counter)
    pieces: dict[str, list[str]] = field(default_factory=dict)
    apostrophe_split: Counter = field(default_factory=Counter)


def _is_byte_piece(tokenizer, token_id: int, cache: dict[int, bool]) -> bool:
    if token_id not in cache:
        token = tokenizer.convert_ids_to_tokens(token_id)
        cache[token_id] = bool(BYTE_TOKEN.match(token or "")) or "\ufffd" in tokenizer.decode(
            [token_id]
        )
    return cache[token_id]


def _count_text(
    tokenizer, text: str, ids: list[int], offsets, counts: _Counts, cache: dict
) -> None:
    """Add one text's tokens to ``counts``: tokens per word, whole words, unknown and byte
    tokens, pieces of each word type."""
    spans = word_spans(text)
    words = token_word_ids(offsets, char_word_index(text, spans))
    counts.all_tokens += len(ids)
    counts.unknown += sum(1 for i in ids if i == tokenizer.unk_token_id)
    counts.byte_tokens += sum(1 for i in ids if _is_byte_piece(tokenizer, i, cache))
    per_word: dict[int, list[int]] = {}
    for position, word in enumerate(words):
        if word != NO_WORD:
            per_word.setdefault(word, []).append(position)
    for index, (start, end) in enumerate(spans):
        word = text[start:end]
        if not any(ch.isalnum() for ch in word):
            continue  # punctuation is not a word
        positions = per_word.get(index, [])
        counts.words += 1
        counts.word_tokens += len(positions)
        counts.whole += len(positions) == 1
        counts.frequency[word] += 1
        if word not in counts.pieces:
            counts.pieces[word] = tokenizer.convert_ids_to_tokens([ids[p] for p in positions])
        if has_apostrophe_suffix(word):
            cut = start + min(word.find(a) for a in APOSTROPHES if a in word)
            bounds = {offsets[p][0] for p in positions} | {offsets[p][1] for p in positions}
            counts.apostrophe_split[cut in bounds] += 1


def count_tokens(tokenizer: PreTrainedTokenizerBase, texts: Sequence[str]) -> _Counts:
    """Counts of every text (fast tokenizers: by character offsets)."""
    if not tokenizer.is_fast:
        raise UserError("the tokenizer report needs a fast tokenizer (tokenizer.json)")
    counts, cache = _Counts(), {}
    for start in range(0, len(texts), ENCODE_BATCH):
        chunk = list(texts[start : start + ENCODE_BATCH])
        batch = tokenizer(chunk, add_special_tokens=False, return_offsets_mapping=True)
        for text, ids, offsets in zip(
            chunk, batch["input_ids"], batch["offset_mapping"], strict=True
        ):
            _count_text(tokenizer, text, ids, offsets, counts, cache)
    if not counts.words:
        raise UserError("the text holds no words to measure")
    return counts


def _apostrophe(tokenizer, counts: _Counts) -> dict:
    words = [w for w in counts.frequency if has_apostrophe_suffix(w)]
    total = sum(counts.frequency[w] for w in words)
    tokens = sum(counts.frequency[w] * len(counts.pieces[w]) for w in words)
    examples = sorted(words, key=lambda w: -counts.frequency[w])[:5]
    return {
        "words": total,
        "fertility": tokens / total if total else None,
        "split_at_apostrophe": counts.apostrophe_split[True] / total if total else None,
        "examples": [
            {"word": w, "count": counts.frequency[w], "tokens": counts.pieces[w]} for w in examples
        ],
        "probes": {w: tokenizer.tokenize(w) for w in PROBE_WORDS},
    }


def most_split(counts: _Counts, n: int = SHOWN) -> list[dict]:
    """Frequent words (seen twice or more) that cost the most extra tokens in the text:
    ranked by ``count x (pieces - 1)``."""
    ranked = sorted(
        (w for w, c in counts.frequency.items() if c >= 2 and len(counts.pieces[w]) > 1),
        key=lambda w: (-counts.frequency[w] * (len(counts.pieces[w]) - 1), w),
    )
    return [
        {"word": w, "count": counts.frequency[w], "tokens": counts.pieces[w]} for w in ranked[:n]
    ]


def tokenizer_report(name: str, texts: Sequence[str]) -> TokenReport:
    """Every figure of the module docstring for tokenizer ``name`` on ``texts``.

    Raises:
        UserError: the tokenizer cannot be loaded, or the text holds no words.
    """
    tokenizer, context, trained = load_report_tokenizer(name, texts)
    counts = count_tokens(tokenizer, texts)
    letters = letter_behaviour(tokenizer)
    per_word_all = counts.all_tokens / counts.words
    return TokenReport(
        model=name,
        vocab_size=len(tokenizer),
        words=counts.words,
        fertility=counts.word_tokens / counts.words,
        kept_whole=counts.whole / counts.words,
        unknown_rate=counts.unknown / max(counts.all_tokens, 1),
        byte_fallback_share=counts.byte_tokens / max(counts.all_tokens, 1),
        letters=letters,
        **flags(letters),
        tokens_per_word_all=per_word_all,
        context_tokens=context,
        words_in_context=int(context / per_word_all) if context else None,
        apostrophe=_apostrophe(tokenizer, counts),
        most_split=most_split(counts),
        trained_on_this_text=trained,
    )


def report_file(
    file: str | Path, models: Sequence[str], text_col: str | None = None
) -> list[TokenReport]:
    """:func:`tokenizer_report` of every tokenizer in ``models`` on the texts of ``file`` (a
    ``.txt`` file, a folder of them, or the text column of a table).

    Raises:
        UserError: no model named, an unreadable file, a tokenizer that cannot be loaded.
    """
    from trtune.tasks.mask.texts import read_raw_texts

    if not models:
        raise UserError("name at least one tokenizer with --model (a folder, preset or Hub name)")
    texts = read_raw_texts(file, text_col).texts
    return [tokenizer_report(name, texts) for name in models]
