"""``data inspect --task qa|seq2seq|mask|lm``: a file read by that task's own reader (the one
its ``train`` command uses, with the columns it finds by itself), shown as what was read,
kept, dropped and repaired, and what the reader decided (columns, job, format).

Classification and NER files have their own tables (:mod:`trtune.cli.data`,
:func:`trtune.cli.ner.inspect_ner_file`); this module gives the other four tasks one shape,
:class:`TaskData`, and one table.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from trtune.errors import UserError

TASKS = ("auto", "classify", "ner", "qa", "seq2seq", "mask", "lm")
OTHER_TASKS = ("qa", "seq2seq", "mask", "lm")
COLUMN_TASK = {  # data inspect's column options and the task each is for
    "--context-col": "qa", "--question-col": "qa", "--answer-col": "qa",
    "--source-col": "seq2seq", "--target-col": "seq2seq",
}  # fmt: skip
Columns = dict[str, str | None]


@dataclass
class TaskData:
    """What a task's reader found in the files.

    Attributes:
        task: ``qa``, ``seq2seq``, ``mask`` or ``lm``.
        unit: what a kept item is: ``questions``, ``pairs``, ``texts`` or ``examples``.
        read: items found before dropping (``None`` where the reader does not count them).
        kept: items kept.
        dropped: reason -> ``{"count", "first_rows"}``.
        repaired: reason -> ``{"count", "first_rows"}``.
        details: ``(message key, value)`` rows: the reader's decisions.
    """

    task: str
    paths: list[str]
    format: str
    unit: str
    read: int | None
    kept: int
    dropped: dict = field(default_factory=dict)
    repaired: dict = field(default_factory=dict)
    details: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        """The ``--json`` object."""
        found = {k: getattr(self, k) for k in ("task", "paths", "format", "unit", "read", "kept")}
        return found | {
            "dropped": self.dropped,
            "repaired": self.repaired,
            "details": dict(self.details),
            "warnings": self.warnings,
        }


def _qa(sources: list[str], text_col: str | None, lang: str, columns: Columns) -> TaskData:
    from trtune.tasks.qa.formats import load_qa

    data = load_qa(sources, *(columns.get(f"--{k}-col") for k in ("context", "question", "answer")))
    report = data.report
    contexts = len({example.context for example in data.examples})
    return TaskData(
        "qa", data.paths, data.format, "questions", data.questions_read, len(data.examples),
        report["reasons"], report["repairs"],
        [("contexts", f"{contexts:,}"), ("unanswerable", f"{data.impossible:,}")],
    )  # fmt: skip


def _seq2seq(sources: list[str], text_col: str | None, lang: str, columns: Columns) -> TaskData:
    from trtune.tasks.seq2seq.messages import note_text
    from trtune.tasks.seq2seq.readers import ReadOptions, read_all

    options = ReadOptions(
        source_col=columns.get("--source-col"), target_col=columns.get("--target-col")
    )
    data = read_all(sources, options)
    details = []
    if data.columns:
        details.append(("source_target", " -> ".join(data.columns)))
    details.append(("job", data.task or "generic"))
    if data.direction:
        details.append(("direction", data.direction))
    details += [("note", note_text(note, lang)) for note in data.notes]
    report = data.drops.report(len(data.pairs))
    return TaskData(
        "seq2seq", data.paths, data.format, "pairs", data.rows_read, len(data.pairs),
        report["reasons"], details=details,
    )  # fmt: skip


def _mask(sources: list[str], text_col: str | None, lang: str, columns: Columns) -> TaskData:
    from trtune.tasks.mask.texts import read_raw_texts

    raw = read_raw_texts(sources, text_col)
    report = raw.drop_report()
    details = [("encoding", ", ".join(dict.fromkeys(raw.encodings)))] if raw.encodings else []
    return TaskData(
        "mask", raw.files, raw.format, "texts", raw.rows_read, len(raw.texts),
        report["reasons"], details=details, warnings=list(raw.warnings),
    )  # fmt: skip


def _lm(sources: list[str], text_col: str | None, lang: str, columns: Columns) -> TaskData:
    from trtune.tasks.lm.formats import load_records

    if len(sources) != 1:
        raise UserError("--task lm reads one file")
    data = load_records(sources[0])
    report = data.drops.to_dict()
    return TaskData(
        "lm", [str(data.path)], data.format, "examples", report["kept"] + report["dropped"],
        report["kept"], report["reasons"],
    )  # fmt: skip


READERS = {"qa": _qa, "seq2seq": _seq2seq, "mask": _mask, "lm": _lm}


def read_task_data(
    task: str,
    sources: list[str],
    text_col: str | None = None,
    lang: str = "en",
    columns: Columns | None = None,
) -> TaskData:
    """Read ``sources`` with ``task``'s reader (``text_col``: the text column, ``mask``;
    ``columns``: ``--context-col`` and the like, by option; the reader's notes in ``lang``)."""
    return READERS[task](sources, text_col, lang, columns or {})


def looks_like_squad(path: str) -> bool:
    """Whether ``path`` is SQuAD JSON (an object whose ``data`` holds paragraphs)."""
    from trtune.tasks.qa.formats import squad_document

    try:
        return Path(path).is_file() and squad_document(Path(path)) is not None
    except UserError:
        return False  # not JSON: the classification reader says what is wrong


def rows(found: TaskData, lang: str) -> list[tuple[str, str]]:
    """The table's ``(name, value)`` rows in ``lang``."""
    from trtune.data.messages import MESSAGES
    from trtune.i18n import say
    from trtune.run.plan_messages import MESSAGES as PLAN
    from trtune.run.plan_text import reason_name

    def t(key: str, **fields) -> str:
        return say(MESSAGES, key, lang, **fields)

    table = [(t("task"), say(PLAN, f"task.{found.task}", lang)), (t("format"), found.format)]
    if found.read is not None:
        table.append((t(f"{found.unit}_read"), f"{found.read:,}"))
    table.append((t(f"{found.unit}_kept"), f"{found.kept:,}"))
    for title, reasons in (("repaired", found.repaired), ("dropped", found.dropped)):
        for reason, drop in reasons.items():
            more = ", ..." if drop["count"] > len(drop["first_rows"]) else ""
            shown = ", ".join(map(str, drop["first_rows"])) + more
            name = t(title, reason=reason_name(reason, lang))
            table.append((name, t("which_rows", count=f"{drop['count']:,}", rows=shown)))
    return table + [(t(key), value) for key, value in found.details]
