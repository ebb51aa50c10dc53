"""Load a folder ``ner train`` wrote and find the entities in texts.

:func:`load_tagger` loads a full model (``finetune``, merged ``lora``) or a LoRA adapter on
its base through :mod:`trtune.infer.kinds`; ``ner predict``, ``ner eval``, the end of
training and ``serve`` all tag through :class:`EntityTagger`, so they cannot disagree.

A text is cut into words (:func:`~trtune.tasks.ner.words.split_words`), tokenized whole,
and each word takes the tag of its first sub-word (:mod:`trtune.tasks.ner.encode`). Tags
are decoded into entities over whole words: type, character offsets, the text between
them, and a score, the mean over the entity's sub-words of the probability of the tag each
predicts (as ``transformers.pipeline("token-classification",
aggregation_strategy="simple")`` scores a group). A sentence longer than the length limit
the model was trained with is tagged in pieces of whole words.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import torch

from trtune.errors import UserError
from trtune.infer.kinds import inspect_folder, load_model_folder, trained_max_length
from trtune.infer.onnx_backend import choose_backend, load_onnx_folder
from trtune.run.devices import resolve_device, resolve_dtype
from trtune.run.microbatch import inference_rows
from trtune.tasks.ner.encode import NO_WORD, Aligned, align, require_fast
from trtune.tasks.ner.tags import OUTSIDE, repair, spans
from trtune.tasks.ner.words import join_words, split_words

DEFAULT_MAX_LENGTH = 128


@dataclass(frozen=True)
class Entity:
    """One entity in a text: ``text[start:end]`` is it."""

    type: str
    start: int
    end: int
    text: str
    score: float

    def to_dict(self) -> dict:
        """JSON-ready form."""
        return {
            "type": self.type,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "score": round(self.score, 6),
        }


@dataclass(frozen=True)
class TaggedText:
    """A text, its words with their (decoded) tags, and its entities."""

    text: str
    words: list[str]
    tags: list[str]
    entities: list[Entity]

    def to_dict(self) -> dict:
        """JSON-ready form (``ner predict --json``, ``/v1/ner``)."""
        return {"text": self.text, "entities": [e.to_dict() for e in self.entities]}


@dataclass
class _Segment:
    """A run of whole words of one text that fits the length limit."""

    text_index: int
    first_word: int
    text: str
    spans: list[tuple[int, int]]  # of its words, in ``text``


class EntityTagger:
    """A token-classification model with its tokenizer and its trained length limit."""

    def __init__(self, model, tokenizer, max_length: int = DEFAULT_MAX_LENGTH, batch_size=32):
        require_fast(tokenizer)
        self.model = model.eval()
        self.tokenizer = tokenizer
        self.max_length = max_length
        self.batch_size = batch_size
        id2label = model.config.id2label
        self.labels = [str(id2label[i]) for i in range(len(id2label))]
        self._outside = self.labels.index(OUTSIDE) if OUTSIDE in self.labels else 0

    @property
    def device(self) -> torch.device:
        """Where the model runs."""
        return next(self.model.parameters()).device

    def predict(self, texts: Sequence[str]) -> list[TaggedText]:
        """The entities of each text, in input order."""
        words = [split_words(text) for text in texts]
        spans_list = [[(w.start, w.end) for w in ws] for ws in words]
        tags, probs = self._tag(list(texts), spans_list)
        return [
            TaggedText(text, [w.text for w in ws], t, _entities(text, s, t, p))
            for text, ws, s, t, p in zip(texts, words, spans_list, tags, probs, strict=True)
        ]

    def tag_sentences(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """Decoded IOB2 tags for each word of each tokenized sentence (``ner eval``)."""
        joined = [join_words(list(words)) for words in sentences]
        tags, _ = self._tag([t for t, _ in joined], [s for _, s in joined])
        return tags

    def _tag(
        self, texts: list[str], spans_list: list[list[tuple[int, int]]]
    ) -> tuple[list[list[str]], list[list[list[float]]]]:
        """Per text: the decoded tag of every word, and the probabilities of the tags each
        of its sub-words predicts."""
        segments, aligned = self._segments(texts, spans_list)
        cut = [i for i, item in enumerate(aligned) if item is None]  # pieces of long texts
        pieces = align(
            self.tokenizer, [segments[i].text for i in cut], [segments[i].spans for i in cut], None
        )
        for i, item in zip(cut, pieces, strict=True):
            aligned[i] = item
        tags = [[OUTSIDE] * len(s) for s in spans_list]
        probs: list[list[list[float]]] = [[[] for _ in s] for s in spans_list]
        for segment, item, (labels, scores) in zip(
            segments, aligned, self._forward([a.input_ids for a in aligned]), strict=True
        ):
            seen: set[int] = set()
            for word, label, score in zip(item.token_words, labels, scores, strict=True):
                if word == NO_WORD:
                    continue
                w = segment.first_word + word
                if word not in seen:
                    seen.add(word)
                    tags[segment.text_index][w] = self.labels[label]
                probs[segment.text_index][w].append(score)
        return [repair(t) for t in tags], probs

    def _segments(
        self, texts: list[str], spans_list: list[list[tuple[int, int]]]
    ) -> tuple[list[_Segment], list[Aligned | None]]:
        """Each text as one segment (with its tokens), or, over the length limit, as runs of
        whole words (tokens ``None``: the caller tokenizes the pieces)."""
        segments: list[_Segment] = []
        aligned: list[Aligned | None] = []
        for index, (text, spans_, item) in enumerate(
            zip(texts, spans_list, align(self.tokenizer, texts, spans_list, None), strict=True)
        ):
            if len(item.input_ids) <= self.max_length or len(spans_) < 2:
                segments.append(_Segment(index, 0, text, spans_))
                aligned.append(item)
                continue
            budget = max(1, self.max_length - item.token_words.count(NO_WORD))
            counts = [0] * len(spans_)
            for w in item.token_words:
                if w != NO_WORD:
                    counts[w] += 1
            start, used = 0, 0
            for w, count in enumerate(counts):
                if used + count > budget and w > start:
                    segments.append(_segment(index, text, spans_, start, w))
                    start, used = w, 0
                used += count
            segments.append(_segment(index, text, spans_, start, len(spans_)))
            aligned += [None] * (len(segments) - len(aligned))
        return segments, aligned

    def _forward(self, ids: list[list[int]]) -> list[tuple[list[int], list[float]]]:
        """Per sequence: the argmax tag id and its probability at every token; sequences
        sorted by length, ``batch_size`` at a time (cut into parts on a CPU)."""
        out: list = [None] * len(ids)
        lengths = [len(row) for row in ids]
        with torch.inference_mode():
            for rows in inference_rows(lengths, self.batch_size, self.device):
                # One word longer than the limit is its own segment: cut it there.
                batch = self.tokenizer.pad(
                    {"input_ids": [ids[i][: self.max_length] for i in rows]},
                    return_tensors="pt",
                ).to(self.device)
                logits = self.model(**batch).logits.float()  # (B, T, C)
                best = torch.softmax(logits, dim=-1).max(dim=-1)  # (B, T) values, indices
                for r, i in enumerate(rows):
                    n, kept = len(ids[i]), min(len(ids[i]), self.max_length)
                    cut = n - kept  # tokens past the cut: outside, probability 0
                    out[i] = (
                        best.indices[r, :kept].tolist() + [self._outside] * cut,
                        best.values[r, :kept].tolist() + [0.0] * cut,
                    )
        return out


def _segment(index: int, text: str, spans_: list[tuple[int, int]], lo: int, hi: int) -> _Segment:
    """Words ``lo`` to ``hi`` of a text as a text of their own."""
    offset = spans_[lo][0]
    piece = text[offset : spans_[hi - 1][1]]
    return _Segment(index, lo, piece, [(s - offset, e - offset) for s, e in spans_[lo:hi]])


def _entities(
    text: str, word_spans: list[tuple[int, int]], tags: list[str], probs: list[list[float]]
) -> list[Entity]:
    """Entities over whole words, scored by the mean probability of their sub-words."""
    found = []
    for span in spans(tags):
        start, end = word_spans[span.start][0], word_spans[span.end - 1][1]
        scores = [p for w in range(span.start, span.end) for p in probs[w]]
        score = sum(scores) / len(scores) if scores else 0.0
        found.append(Entity(span.type, start, end, text[start:end], score))
    return found


def load_tagger(
    folder: str | Path,
    device: torch.device | str = "auto",
    dtype: torch.dtype | str = torch.float32,
    backend: str = "auto",
) -> EntityTagger:
    """Load the tagger saved in ``folder`` (a full model or a LoRA adapter) on ``device``
    (``auto``: a CUDA GPU when there is one) in ``dtype`` (a ``--dtype`` name is resolved by
    :func:`~trtune.run.devices.resolve_dtype`); an ONNX export with onnxruntime
    (``backend``: see :mod:`trtune.infer.onnx_backend`).

    Raises:
        UserError: ``folder`` holds no model, or a model of another task.
    """
    if choose_backend(folder, backend) == "onnx":
        model, tokenizer, record = load_onnx_folder(folder, "ner")
        return EntityTagger(model, tokenizer, trained_max_length(record))
    info = inspect_folder(folder)
    if info.task not in (None, "ner"):
        raise UserError(f"this folder holds a {info.task} model, not a NER tagger", file=folder)
    device = resolve_device(device) if isinstance(device, str) else device
    dtype = resolve_dtype(dtype, device) if isinstance(dtype, str) else dtype
    model, tokenizer = load_model_folder(info, device=device, dtype=dtype)
    if not hasattr(model.config, "id2label") or len(model.config.id2label) < 2:
        raise UserError("the model has no tag names (config id2label)", file=folder)
    return EntityTagger(model, tokenizer, trained_max_length(info.record))
