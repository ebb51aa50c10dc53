"""NER files -> validated IOB2 sentences, with a report of what was repaired and dropped.

:func:`load_ner_data` reads one or several files in any of the four layouts
(:mod:`trtune.tasks.ner.formats`), detects each file's tag scheme and reads it into IOB2
(:mod:`trtune.tasks.ner.tags`), and drops a sentence only for a reason, counted with its
first line numbers (the one drop-report shape of :func:`trtune.run.record.drop_report`):
no words, tokens and tags of different lengths, a token without a tag, an empty token,
more words than :data:`MAX_WORDS`, a malformed or overlapping character span. Invalid IOB2
(an ``I-X`` after ``O``) is repaired and counted. :func:`split_sentences` splits by
sentence with a seed when no validation or test file is given.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from trtune.errors import UserError
from trtune.run.record import drop_report, examples_sha256
from trtune.tasks.ner.formats import read_ner_file
from trtune.tasks.ner.tags import MAX_TYPES, detect_scheme, spans, to_iob2

MAX_WORDS = 512  # a sentence longer than this is dropped (counted), never cut silently
FIRST_ROWS_SHOWN = 5
DROP_REASONS = (
    "empty_sentence",
    "length_mismatch",
    "missing_tag",
    "empty_token",
    "too_long",
    "bad_span",
    "overlapping_entities",
)
REPAIR_REASONS = ("invalid_iob2", "entity_inside_word")
Where = int | str  # a line, or "file:line" when the sentences come from several files


@dataclass(frozen=True)
class Sentence:
    """One sentence: its words and their IOB2 tags. ``row``: where it starts in its file."""

    words: tuple[str, ...]
    tags: tuple[str, ...]
    row: Where


@dataclass
class NerData:
    """The kept sentences of one or several files and what reading them found."""

    paths: list[str]
    format: str
    encoding: str
    scheme: str
    sentences: list[Sentence]
    read: int = 0
    dropped: dict[str, int] = field(default_factory=dict)
    dropped_rows: dict[str, list[Where]] = field(default_factory=dict)
    repairs: dict[str, int] = field(default_factory=dict)
    repaired_rows: dict[str, list[Where]] = field(default_factory=dict)
    columns: dict[str, str] = field(default_factory=dict)

    @property
    def path(self) -> str:
        """The file (the first, when there are several), for messages."""
        return self.paths[0]

    @property
    def types(self) -> list[str]:
        """The entity types found, sorted."""
        return sorted({span.type for s in self.sentences for span in spans(s.tags)})

    def entity_counts(self) -> dict[str, int]:
        """Entities per type, most frequent first."""
        counts = Counter(span.type for s in self.sentences for span in spans(s.tags))
        return dict(counts.most_common())

    def sha256(self) -> str:
        """SHA-256 of the kept sentences (``word<TAB>tag`` lines, a blank line after each)."""
        lines = []
        for sentence in self.sentences:
            lines += [f"{w}\t{t}" for w, t in zip(sentence.words, sentence.tags, strict=True)]
            lines.append("")
        return examples_sha256(lines)

    def drops(self) -> dict:
        """The drop report in trtune.json's shape, repairs beside it."""
        report = drop_report(len(self.sentences), self.dropped, self.dropped_rows)
        report["repairs"] = drop_report(0, self.repairs, self.repaired_rows)["reasons"]
        return report

    def summary(self) -> dict:
        """What ``data inspect`` shows of a NER file (``--json``: this object)."""
        return {
            "task": "ner",
            "path": ", ".join(self.paths),
            "format": self.format,
            "encoding": self.encoding,
            "scheme": self.scheme,
            "columns": self.columns,
            "sentences_read": self.read,
            "sentences": len(self.sentences),
            "tokens": sum(len(s.words) for s in self.sentences),
            "entities": sum(self.entity_counts().values()),
            "entity_counts": self.entity_counts(),
            "dropped": dict(self.dropped),
            "dropped_rows": {k: list(v) for k, v in self.dropped_rows.items()},
            "repaired": dict(self.repairs),
            "repaired_rows": {k: list(v) for k, v in self.repaired_rows.items()},
        }


def _count(counts: dict, rows: dict, reason: str, where: Where, n: int = 1) -> None:
    counts[reason] = counts.get(reason, 0) + n
    shown = rows.setdefault(reason, [])
    if len(shown) < FIRST_ROWS_SHOWN:
        shown.append(where)


def _read_one(path: str, tag_names: list[str] | None, several: bool, data: NerData) -> None:
    """Read one file into ``data`` (kept sentences, drops and repairs)."""
    read = read_ner_file(path, tag_names)
    data.format = data.format or read.format
    data.encoding = data.encoding or read.encoding
    data.columns = data.columns or read.columns
    usable = [s for s in read.sentences if s.problem is None]
    scheme = "IOB2" if read.iob2 else detect_scheme([s.tags for s in usable])
    data.scheme = data.scheme or scheme
    for raw in read.sentences:
        data.read += 1
        where: Where = f"{Path(path).name}:{raw.row}" if several else raw.row
        problem = raw.problem
        if problem is None and not raw.words:
            problem = "empty_sentence"
        if problem is None and len(raw.words) > MAX_WORDS:
            problem = "too_long"
        if problem is not None:
            _count(data.dropped, data.dropped_rows, problem, where)
            continue
        tags, repaired = to_iob2(raw.tags, scheme)
        if repaired:
            _count(data.repairs, data.repaired_rows, "invalid_iob2", where, repaired)
        for reason, n in raw.repairs.items():
            _count(data.repairs, data.repaired_rows, reason, where, n)
        data.sentences.append(Sentence(tuple(raw.words), tuple(tags), where))


def load_ner_data(paths: str | list[str], tag_names: list[str] | None = None) -> NerData:
    """Read NER ``paths`` (one file or several) into IOB2 sentences.

    Args:
        paths: files in any of the four layouts.
        tag_names: names of numeric ``ner_tags``, in order.

    Raises:
        UserError: a file cannot be read, holds no usable sentence, or its tag column holds
            more than :data:`MAX_TYPES` entity types (not a tag column).
    """
    paths = [paths] if isinstance(paths, (str, Path)) else list(paths)
    data = NerData([str(p) for p in paths], "", "", "", [])
    for path in paths:
        _read_one(str(path), tag_names, len(paths) > 1, data)
    if not data.sentences:
        reasons = ", ".join(f"{k}: {v}" for k, v in data.dropped.items()) or "none read"
        raise UserError(f"no usable sentences ({reasons})", data.path)
    if len(data.types) > MAX_TYPES:
        raise UserError(
            f"{len(data.types)} entity types (e.g. {', '.join(data.types[:5])}): the tag "
            "column does not hold tags such as O, B-PER, I-PER",
            data.path,
        )
    return data


def split_sentences(
    sentences: list[Sentence], share: float, seed: int
) -> tuple[list[Sentence], list[Sentence]]:
    """``(rest, held_out)``: ``share`` of the sentences held out, chosen with ``seed``
    (scikit-learn's ``train_test_split``, so a notebook with the same seed holds out the same
    sentences). ``share`` 0 holds out nothing."""
    if share <= 0 or len(sentences) < 2:
        return list(sentences), []
    from sklearn.model_selection import train_test_split

    rest, held = train_test_split(
        list(range(len(sentences))), test_size=share, random_state=seed, shuffle=True
    )
    return [sentences[i] for i in sorted(rest)], [sentences[i] for i in sorted(held)]
