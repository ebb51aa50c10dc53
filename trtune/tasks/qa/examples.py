"""Questions with their context and answers; where an answer is in its context; the split.

An answer is a span of characters of its context. A file may give its start
(``answer_start``); when it does not, or when the text is not at that start, the answer is
looked for in the context: one occurrence is taken, several are taken only with a start
to choose the nearest by, none drops the answer. Every drop and every repair is counted
with its first rows, never done silently.
"""

from __future__ import annotations

import random
import re
from collections import defaultdict
from dataclasses import dataclass, field

from trtune.run.record import drop_report

FIRST_ROWS_SHOWN = 5
DROP_REASONS = (
    "empty_context",
    "empty_question",
    "missing_answer",
    "answer_not_in_context",
    "answer_ambiguous",
    "duplicate",
)
REPAIR_REASONS = ("answer_located", "answer_start_corrected", "answer_dropped")


@dataclass(frozen=True)
class Answer:
    """A reference answer: its text and the character where it starts in the context."""

    text: str
    start: int

    @property
    def end(self) -> int:
        """The character after the answer's last one."""
        return self.start + len(self.text)


@dataclass(frozen=True)
class QaExample:
    """One question on one context, with its reference answers (none: unanswerable).

    ``row`` is the 1-based line of a table, or the question's number in a SQuAD file.
    """

    id: str
    question: str
    context: str
    answers: tuple[Answer, ...]
    row: int | str

    @property
    def impossible(self) -> bool:
        """Whether the question has no answer in the context (SQuAD v2)."""
        return not self.answers


@dataclass
class DropLog:
    """Counts of drops and repairs, each with its first rows."""

    dropped: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    dropped_rows: dict[str, list] = field(default_factory=lambda: defaultdict(list))
    repairs: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    repaired_rows: dict[str, list] = field(default_factory=lambda: defaultdict(list))

    def drop(self, reason: str, row: int | str) -> None:
        """Count a dropped question."""
        self.dropped[reason] += 1
        if len(self.dropped_rows[reason]) < FIRST_ROWS_SHOWN:
            self.dropped_rows[reason].append(row)

    def repair(self, reason: str, row: int | str) -> None:
        """Count a repair (an answer located, moved or left out)."""
        self.repairs[reason] += 1
        if len(self.repaired_rows[reason]) < FIRST_ROWS_SHOWN:
            self.repaired_rows[reason].append(row)

    def report(self, kept: int) -> dict:
        """The drop report (``trtune.json``'s shape) with the repairs beside it."""
        found = drop_report(kept, dict(self.dropped), dict(self.dropped_rows))
        found["repairs"] = {
            reason: {"count": count, "first_rows": list(self.repaired_rows[reason])}
            for reason, count in self.repairs.items()
        }
        return found


def parse_start(value: object) -> int | None:
    """An ``answer_start`` as written (``171``, ``"171"``, ``171.0``) -> ``171``; anything
    else (empty, negative, not a whole number) -> ``None``: no hint."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, float):
        return int(value) if value.is_integer() and value >= 0 else None
    if isinstance(value, int):
        return value if value >= 0 else None
    text = str(value).strip()
    if re.fullmatch(r"\d+(\.0+)?", text):
        return int(float(text))
    return None


def place_answer(context: str, text: str, hint: int | None) -> tuple[int | None, str]:
    """Where ``text`` starts in ``context``, and how it was found.

    Returns:
        ``(start, how)``: ``how`` is ``given`` (the hint matched), ``located`` (no usable
        hint, one occurrence), ``corrected`` (the hint missed, the nearest occurrence was
        taken), ``not_found`` or ``ambiguous`` (several occurrences, no hint); the start is
        ``None`` for the last two.
    """
    if hint is not None and context[hint : hint + len(text)] == text:
        return hint, "given"
    found = [m.start() for m in re.finditer(f"(?={re.escape(text)})", context)]
    if not found:
        return None, "not_found"
    if hint is None:
        return (found[0], "located") if len(found) == 1 else (None, "ambiguous")
    distances = sorted((abs(start - hint), start) for start in found)
    if len(distances) > 1 and distances[0][0] == distances[1][0]:
        return None, "ambiguous"
    return distances[0][1], "corrected"


def build_example(
    raw_id: str,
    question: str,
    context: str,
    answers: list[tuple[str, object]],
    impossible: bool,
    row: int | str,
    log: DropLog,
) -> QaExample | None:
    """A checked example from what a file holds, or ``None`` (counted in ``log``).

    Args:
        answers: ``(text, answer_start as written)`` pairs; several references allowed.
        impossible: the file marks the question unanswerable (SQuAD v2 ``is_impossible``).
    """
    if not context.strip():
        log.drop("empty_context", row)
        return None
    if not question.strip():
        log.drop("empty_question", row)
        return None
    placed: list[Answer] = []
    reasons: list[str] = []
    for raw, start in answers:
        text, hint = raw.strip(), parse_start(start)
        if not text:
            continue
        if hint is not None:  # " Roma" at 10: "Roma" at 11
            hint += len(raw) - len(raw.lstrip())
        begin, how = place_answer(context, text, hint)
        if begin is None:
            reasons.append(how)
            continue
        if how in ("located", "corrected"):
            log.repair(f"answer_{how}" if how == "located" else "answer_start_corrected", row)
        if Answer(text, begin) not in placed:
            placed.append(Answer(text, begin))
    if not placed and not impossible:
        if not reasons:
            log.drop("missing_answer", row)
        else:
            log.drop("answer_ambiguous" if "ambiguous" in reasons else "answer_not_in_context", row)
        return None
    if reasons and placed:
        log.repair("answer_dropped", row)  # one reference kept out, the others kept
    return QaExample(str(raw_id), question.strip(), context, tuple(placed), row)


def drop_duplicates(examples: list[QaExample], log: DropLog) -> list[QaExample]:
    """The first of each (context, question) pair; later ones are counted as duplicates."""
    seen: set[tuple[str, str]] = set()
    kept = []
    for example in examples:
        key = (example.context, example.question)
        if key in seen:
            log.drop("duplicate", example.row)
            continue
        seen.add(key)
        kept.append(example)
    return kept


@dataclass
class QaSplit:
    """Three disjoint lists of questions; no context is shared by two parts."""

    train: list[QaExample]
    validation: list[QaExample]
    test: list[QaExample]

    def sizes(self) -> dict[str, int]:
        """Questions per part."""
        return {
            "train": len(self.train),
            "validation": len(self.validation),
            "test": len(self.test),
        }


def hold_out_contexts(
    examples: list[QaExample], share: float, seed: int
) -> tuple[list[QaExample], list[QaExample]]:
    """Cut about ``share`` of the questions off, whole contexts at a time (questions on one
    paragraph would otherwise teach the model the very passage it is tested on).

    Returns:
        ``(rest, held_out)``, each in file order.
    """
    if share <= 0 or not examples:
        return list(examples), []
    contexts = list(dict.fromkeys(e.context for e in examples))
    random.Random(seed).shuffle(contexts)
    per_context: dict[str, int] = defaultdict(int)
    for e in examples:
        per_context[e.context] += 1
    target, taken, held = share * len(examples), 0, set()
    for context in contexts[:-1]:  # the rest keeps one context at least
        if taken >= target:
            break
        held.add(context)
        taken += per_context[context]
    return [e for e in examples if e.context not in held], [
        e for e in examples if e.context in held
    ]
