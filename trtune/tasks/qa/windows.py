"""Question + context -> model windows with offsets, so every token maps back to characters.

A context longer than the model's length limit is cut into windows of at most
``max_length`` tokens (``[CLS] question [SEP] context part [SEP]``), consecutive windows
sharing ``doc_stride`` tokens, exactly as ``transformers``' question-answering pipeline
and the SQuAD recipes cut them (``truncation="only_second"``, ``stride=doc_stride``,
``return_overflowing_tokens``). For training, a window holding the whole answer points at
its first and last tokens; a window without it (and an unanswerable question) points at
the ``[CLS]`` token (Devlin et al. 2019, section 4.3).
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, fields

from trtune.errors import UserError

CLS_INDEX = 0  # where BERT-like tokenizers put [CLS]; the "no answer here" position
ENCODE_CHUNK = 512  # questions tokenized per call (bounded memory, same result)


@dataclass
class Windows:
    """The windows of a list of questions, one entry per window in every list.

    Attributes:
        input_ids, attention_mask, token_type_ids: the model inputs (unpadded).
        offsets: per token, its ``(start, end)`` characters in the context, or ``None`` for
            question and special tokens.
        word_ids: per token, the index of its word in the context (``None`` outside it),
            so an answer can be widened to whole words as the pipeline does.
        example: the index of the question each window belongs to.
        start_positions, end_positions: training targets (empty unless answers were given).
    """

    input_ids: list[list[int]] = field(default_factory=list)
    attention_mask: list[list[int]] = field(default_factory=list)
    token_type_ids: list[list[int]] = field(default_factory=list)
    offsets: list[list[tuple[int, int] | None]] = field(default_factory=list)
    word_ids: list[list[int | None]] = field(default_factory=list)
    example: list[int] = field(default_factory=list)
    start_positions: list[int] = field(default_factory=list)
    end_positions: list[int] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.input_ids)

    @property
    def lengths(self) -> list[int]:
        """Tokens per window."""
        return [len(ids) for ids in self.input_ids]

    def subset(self, keep: Sequence[int]) -> Windows:
        """The windows at the indices ``keep``, in that order."""
        return Windows(**{f.name: [getattr(self, f.name)[i] for i in keep] for f in fields(self)})


def thin_null_windows(
    windows: Windows, impossible: Sequence[bool], share: float, seed: int
) -> Windows:
    """Training windows with only ``share`` of the answerless windows of answerable questions.

    A long context gives most of its windows no answer: at 256 tokens two TQuAD windows in
    three point at ``[CLS]``. Keeping all of them (``share`` 1, the SQuAD recipes) spends
    most steps on "not here"; keeping a seeded share keeps the model's sense of a window
    without the answer at a fraction of the cost. Windows holding the answer, and every
    window of an unanswerable question (SQuAD v2), are always kept.

    Args:
        impossible: per question (``windows.example`` indexes it), whether it has no answer.
    """
    if share >= 1:
        return windows
    rng = random.Random(seed)
    keep = [
        w
        for w in range(len(windows))
        if windows.start_positions[w] != CLS_INDEX
        or impossible[windows.example[w]]
        or rng.random() < share
    ]
    return windows.subset(keep)


def question_limit(max_length: int, doc_stride: int) -> int:
    """The most tokens a question may have: the window must still hold ``doc_stride`` + 1
    context tokens beside it and its three special tokens (the tokenizer's own rule)."""
    return max_length - doc_stride - 4


def long_questions(
    tokenizer, questions: Sequence[str], max_length: int, doc_stride: int
) -> list[int]:
    """Indices of the questions too long to share a window with any context."""
    limit = question_limit(max_length, doc_stride)
    ids = tokenizer(list(questions), add_special_tokens=False)["input_ids"]
    return [i for i, tokens in enumerate(ids) if len(tokens) > limit]


def _targets(
    offsets: list[tuple[int, int] | None], answer: tuple[int, int] | None
) -> tuple[int, int]:
    """The first and last token of the answer ``(start char, end char)`` in one window, or
    the ``[CLS]`` position when the window does not hold all of it."""
    if answer is None:
        return CLS_INDEX, CLS_INDEX
    context = [i for i, span in enumerate(offsets) if span is not None]
    if not context:
        return CLS_INDEX, CLS_INDEX
    begin, end = answer
    if offsets[context[0]][0] > begin or offsets[context[-1]][1] < end:
        return CLS_INDEX, CLS_INDEX
    first = next(i for i in context if offsets[i][1] > begin)
    last = next(i for i in reversed(context) if offsets[i][0] < end)
    return first, max(first, last)


def encode_windows(
    tokenizer,
    questions: Sequence[str],
    contexts: Sequence[str],
    max_length: int,
    doc_stride: int,
    answers: Sequence[tuple[int, int] | None] | None = None,
) -> Windows:
    """The windows of every ``(question, context)`` pair, in order.

    Args:
        tokenizer: a fast tokenizer (offsets and word ids come from it).
        answers: per question, the ``(start, end)`` characters of the answer it trains on,
            or ``None`` (unanswerable); ``None`` for the whole argument at prediction.

    Raises:
        UserError: a question is too long for ``max_length`` and ``doc_stride`` (the caller
            drops those from training data first, see :func:`long_questions`).
    """
    if not getattr(tokenizer, "is_fast", False):
        raise UserError("question answering needs a fast tokenizer (character offsets)")
    out = Windows()
    with _truncation_kept(tokenizer):
        for first in range(0, len(questions), ENCODE_CHUNK):
            _encode_chunk(
                tokenizer, questions, contexts, first, max_length, doc_stride, answers, out
            )
    return out


@contextmanager
def _truncation_kept(tokenizer) -> Iterator[None]:
    """Put the tokenizer's truncation setting back after windowing: the fast tokenizer keeps
    the last call's ``max_length``/``stride`` in its state, which ``save_pretrained`` would
    write into ``tokenizer.json`` and every later plain call would silently apply."""
    backend = tokenizer.backend_tokenizer
    kept = backend.truncation
    try:
        yield
    finally:
        if kept is None:
            backend.no_truncation()
        else:
            backend.enable_truncation(**kept)


def _encode_chunk(tokenizer, questions, contexts, first, max_length, doc_stride, answers, out):
    """Windows of the questions from ``first`` on (one :data:`ENCODE_CHUNK`) into ``out``."""
    chunk = slice(first, first + ENCODE_CHUNK)
    try:
        encoded = tokenizer(
            list(questions[chunk]),
            list(contexts[chunk]),
            truncation="only_second",
            max_length=max_length,
            stride=doc_stride,
            return_overflowing_tokens=True,
            return_offsets_mapping=True,
            return_token_type_ids=True,
        )
    except Exception as exc:  # the tokenizers library raises its own exception types
        raise UserError(
            f"a question does not fit in {max_length} tokens with --doc-stride "
            f"{doc_stride}: shorten it or raise --max-length ({exc})"
        ) from None
    _add_windows(out, encoded, first, answers)


def _add_windows(out: Windows, encoded, first: int, answers) -> None:
    for w, ids in enumerate(encoded["input_ids"]):
        sequence_ids = encoded.sequence_ids(w)
        offsets = [
            tuple(span) if sequence_ids[t] == 1 else None
            for t, span in enumerate(encoded["offset_mapping"][w])
        ]
        words = encoded.word_ids(w)
        example = first + encoded["overflow_to_sample_mapping"][w]
        out.input_ids.append(ids)
        out.attention_mask.append(encoded["attention_mask"][w])
        out.token_type_ids.append(encoded["token_type_ids"][w])
        out.offsets.append(offsets)
        out.word_ids.append([words[t] if offsets[t] is not None else None for t in range(len(ids))])
        out.example.append(example)
        if answers is not None:
            start, end = _targets(offsets, answers[example])
            out.start_positions.append(start)
            out.end_positions.append(end)
