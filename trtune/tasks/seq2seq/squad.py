"""SQuAD JSON (TQuAD) -> question generation: the paragraph with its answer highlighted is
the source, the question the target.

The answer is marked with ``<hl>`` on both sides (the highlight format of answer-aware
question generation, Chan and Fan 2019; also used by turkish-lm-tuner's TQuAD recipes), and
the paragraph is cut to the sentences around it (``context_chars``), so that a small model
sees what the question is about rather than a whole page. Every question about one paragraph
is in one group: the split keeps a paragraph on one side.
"""

from __future__ import annotations

import re
from typing import Any

from trtune.tasks.seq2seq.pairs import Drops, Pair

HIGHLIGHT = "<hl>"
# A sentence ends at . ! ? … before an upper-case letter or a quote (TQuAD often has no space:
# "Musul).Astronom").
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s*(?=[A-ZÇĞİÖŞÜ\"'“‘])")


def is_squad(value: Any) -> bool:
    """Whether a parsed JSON value is a SQuAD file (``data[].paragraphs[]``)."""
    data = value.get("data") if isinstance(value, dict) else None
    return (
        isinstance(data, list)
        and bool(data)
        and all(isinstance(a, dict) for a in data)
        and any(isinstance(a.get("paragraphs"), list) for a in data)
    )


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``text`` (every character in one span)."""
    cuts = [0] + [m.start() for m in _SENTENCE_END.finditer(text) if 0 < m.start() < len(text)]
    cuts.append(len(text))
    return [(a, b) for a, b in zip(cuts, cuts[1:], strict=False) if b > a]


def answer_window(context: str, start: int, end: int, chars: int) -> tuple[int, int]:
    """The span of ``context`` kept around the answer ``[start, end)``: its sentence, then
    neighbouring sentences (alternately before and after) while the span stays within
    ``chars`` characters; ``chars`` 0 keeps the whole paragraph."""
    if chars == 0 or len(context) <= chars:
        return 0, len(context)
    spans = sentence_spans(context)
    first = next(i for i, (a, b) in enumerate(spans) if a <= start < b)
    last = next(i for i, (a, b) in enumerate(spans) if a < end <= b)
    lo, hi = first, max(first, last)

    def fits(a: int, b: int) -> bool:
        return 0 <= a and b < len(spans) and spans[b][1] - spans[a][0] <= chars

    grew = True
    while grew:
        grew = False
        if fits(lo - 1, hi):
            lo, grew = lo - 1, True
        if fits(lo, hi + 1):
            hi, grew = hi + 1, True
    return spans[lo][0], spans[hi][1]


def highlighted_source(context: str, start: int, answer: str, chars: int) -> tuple[str, str]:
    """The source (the window with ``<hl> answer <hl>``) and the window as it is (what the
    copy baseline answers)."""
    end = start + len(answer)
    a, b = answer_window(context, start, end, chars)
    marked = (
        f"{context[a:start].strip()} {HIGHLIGHT} {answer.strip()} {HIGHLIGHT} "
        f"{context[end:b].strip()}"
    )
    return " ".join(marked.split()), " ".join(context[a:b].split())


def _answer_start(context: str, answer: dict) -> int | None:
    """Where the answer starts: ``answer_start`` when the text is there (TQuAD writes it as a
    string), else the first place the answer text occurs; ``None`` when it does not."""
    text = str(answer.get("text") or "")
    if not text.strip():
        return None
    try:
        start = int(answer.get("answer_start"))
    except (TypeError, ValueError):
        start = -1
    if 0 <= start and context[start : start + len(text)] == text:
        return start
    found = context.find(text)
    return found if found >= 0 else None


def squad_pairs(value: dict, context_chars: int) -> tuple[list[Pair], Drops, int]:
    """Question-generation pairs of a SQuAD file, the drops, and how many questions it has.

    A question's first answer is highlighted; a question whose answer is not in its
    paragraph, or has no text, is dropped.
    """
    pairs, drops, number = [], Drops(), 0
    for article in value["data"]:
        for paragraph in article.get("paragraphs") or []:
            context = str(paragraph.get("context") or "") if isinstance(paragraph, dict) else ""
            questions = paragraph.get("qas") if isinstance(paragraph, dict) else None
            for qa in questions if isinstance(questions, list) else []:
                number += 1
                question = str(qa.get("question") or "").strip() if isinstance(qa, dict) else ""
                answers = qa.get("answers") if isinstance(qa, dict) else None
                answer = answers[0] if isinstance(answers, list) and answers else None
                start = _answer_start(context, answer) if isinstance(answer, dict) else None
                if start is None:
                    drops.add("answer_not_in_context", number)
                    continue
                source, window = highlighted_source(
                    context, start, str(answer["text"]), context_chars
                )
                pairs.append(Pair(source, question, number, group=context, copy=window))
    return pairs, drops, number
