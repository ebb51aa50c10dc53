"""QA files -> checked examples: SQuAD v1/v2 JSON, and tables (JSONL, CSV, TSV, Parquet).

SQuAD JSON is ``{"data": [{"paragraphs": [{"context", "qas": [{"id", "question",
"answers": [{"text", "answer_start"}], "is_impossible"}]}]}]}``; several answers per
question are kept as references. A table has a context, a question and an answer column
(names in Turkish or English, or chosen with ``--context-col`` / ``--question-col`` /
``--answer-col``), optionally ``answer_start``, ``is_impossible`` and ``id``; an
``answers`` column in the ``datasets`` shape (``{"text": [...], "answer_start": [...]}``)
works too. Every file is opened through :mod:`trtune.data.source`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from trtune.data import Table, read_table, read_user_text
from trtune.data.delimited import is_no_delimiter
from trtune.data.turkish import lower
from trtune.errors import UserError
from trtune.tasks.qa.examples import DropLog, QaExample, build_example, drop_duplicates

COLUMN_NAMES = {
    "context": ("context", "passage", "paragraph", "metin", "bağlam", "baglam", "paragraf"),
    "question": ("question", "soru"),
    "answer": ("answer", "answer_text", "answers", "cevap", "yanıt", "yanit"),
    "answer_start": ("answer_start", "start", "cevap_baslangic", "başlangıç"),
    "impossible": ("is_impossible", "impossible", "cevapsiz", "cevapsız"),
    "id": ("id", "question_id", "qid"),
}
TRUE_WORDS = ("1", "true", "yes", "evet", "doğru", "dogru")


@dataclass
class QaData:
    """The kept examples of one or more files and what reading them found."""

    paths: list[str]
    format: str
    examples: list[QaExample]
    log: DropLog
    questions_read: int

    @property
    def report(self) -> dict:
        """The drop report with the repairs."""
        return self.log.report(len(self.examples))

    @property
    def impossible(self) -> int:
        """Questions marked unanswerable."""
        return sum(e.impossible for e in self.examples)


def squad_document(path: Path) -> dict | None:
    """The parsed file when it is SQuAD JSON (an object whose ``data`` holds paragraphs)."""
    if path.suffix.lower() not in (".json", ""):
        return None
    text = read_user_text(path).text
    if not text.lstrip().startswith("{"):
        return None
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UserError(f"invalid JSON: {exc.msg}", path, exc.lineno) from None
    data = value.get("data") if isinstance(value, dict) else None
    if isinstance(data, list) and any(isinstance(d, dict) and "paragraphs" in d for d in data):
        return value
    return None


def _need(value: object, kind: type, where: str, path: Path) -> object:
    if not isinstance(value, kind):
        name = {list: "a list", dict: "an object", str: "a string"}[kind]
        raise UserError(f"SQuAD JSON: {where} must be {name}", path)
    return value


def read_squad(path: Path, document: dict, log: DropLog) -> tuple[list[QaExample], int]:
    """The examples of a SQuAD v1/v2 document; rows are question numbers (1-based).

    Raises:
        UserError: the structure is not SQuAD's (naming where).
    """
    examples, number = [], 0
    for i, article in enumerate(_need(document["data"], list, "data", path)):
        paragraphs = _need(
            _need(article, dict, f"data[{i}]", path).get("paragraphs"),
            list,
            f"data[{i}].paragraphs",
            path,
        )
        for j, paragraph in enumerate(paragraphs):
            where = f"data[{i}].paragraphs[{j}]"
            paragraph = _need(paragraph, dict, where, path)
            context = _need(paragraph.get("context", ""), str, f"{where}.context", path)
            for k, qa in enumerate(_need(paragraph.get("qas", []), list, f"{where}.qas", path)):
                qa = _need(qa, dict, f"{where}.qas[{k}]", path)
                number += 1
                answers = _need(qa.get("answers") or [], list, f"{where}.qas[{k}].answers", path)
                pairs = [
                    (str(a.get("text") or ""), a.get("answer_start"))
                    for a in answers
                    if isinstance(a, dict)
                ]
                question = qa.get("question")
                example = build_example(
                    qa.get("id", number),
                    question if isinstance(question, str) else "",
                    context,
                    pairs,
                    bool(qa.get("is_impossible", False)),
                    number,
                    log,
                )
                if example is not None:
                    examples.append(example)
    return examples, number


def find_column(table: Table, role: str, chosen: str | None = None) -> str | None:
    """The column of ``role`` (``context``, ``question``, ...): the chosen name, else a known
    name in Turkish or English (any case).

    Raises:
        UserError: a chosen column is missing, or a required one cannot be found.
    """
    by_name = {lower(c.strip()): c for c in table.columns}
    if chosen is not None:
        if lower(chosen.strip()) not in by_name:
            raise UserError(
                f"no column '{chosen}'; columns: {', '.join(table.columns)}", table.path
            )
        return by_name[lower(chosen.strip())]
    for name in COLUMN_NAMES[role]:
        if name in by_name:
            return by_name[name]
    if role in ("context", "question", "answer"):
        raise UserError(
            f"no column for --{role}-col (looked for {', '.join(COLUMN_NAMES[role][:3])}, ...); "
            "columns: "
            f"{', '.join(table.columns)}; choose one with --{role}-col",
            table.path,
        )
    return None


def _answer_pairs(answer: str, start: str) -> list[tuple[str, object]]:
    """``(text, start)`` pairs of a table cell: plain text, or the ``datasets`` shape
    ``{"text": [...], "answer_start": [...]}`` (a JSON cell)."""
    stripped = answer.strip()
    if stripped.startswith("{") and stripped.endswith("}"):
        try:
            value = json.loads(stripped)
        except json.JSONDecodeError:
            value = None
        if isinstance(value, dict) and isinstance(value.get("text"), list):
            starts = value.get("answer_start") or [None] * len(value["text"])
            return [(str(t), s) for t, s in zip(value["text"], starts, strict=False)]
    return [(answer, start or None)]


def read_qa_table(
    path: Path, columns: dict[str, str | None], log: DropLog
) -> tuple[list[QaExample], int]:
    """The examples of a table and its row count; rows are the lines (records) they start on."""
    try:
        table = read_table(path)
    except UserError as exc:
        if is_no_delimiter(exc):
            raise UserError(
                "could not find a delimiter (tried , ; tab |): each row needs a context, a "
                "question and an answer",
                path,
            ) from None
        raise
    names = {role: find_column(table, role, columns.get(role)) for role in COLUMN_NAMES}
    index = {role: table.columns.index(n) for role, n in names.items() if n is not None}

    def cell(row: list[str], role: str) -> str:
        at = index.get(role)
        return row[at] if at is not None and at < len(row) else ""

    examples = []
    for row, number in zip(table.rows, table.row_numbers, strict=True):
        impossible = lower(cell(row, "impossible").strip()) in TRUE_WORDS
        example = build_example(
            cell(row, "id") or str(number),
            cell(row, "question"),
            cell(row, "context"),
            _answer_pairs(cell(row, "answer"), cell(row, "answer_start")),
            impossible,
            number,
            log,
        )
        if example is not None:
            examples.append(example)
    return examples, len(table.rows)


def load_qa(
    paths: str | list[str],
    context_col: str | None = None,
    question_col: str | None = None,
    answer_col: str | None = None,
) -> QaData:
    """Read one or more QA files (SQuAD JSON or tables) into checked, de-duplicated examples.

    Raises:
        UserError: an unreadable file, a wrong structure, or no usable question.
    """
    paths = [paths] if isinstance(paths, str) else list(paths)
    columns = {"context": context_col, "question": question_col, "answer": answer_col}
    log, examples, formats, read = DropLog(), [], [], 0
    for name in paths:
        path = Path(name)
        document = squad_document(path)
        if document is not None:
            found, questions = read_squad(path, document, log)
            formats.append("squad")
        else:
            found, questions = read_qa_table(path, columns, log)
            formats.append("table")
        examples += found
        read += questions
    examples = drop_duplicates(examples, log)
    if not examples:
        reasons = ", ".join(f"{k}: {v}" for k, v in log.dropped.items()) or "no rows"
        raise UserError(f"no usable question ({reasons})", paths[0])
    return QaData(paths, "+".join(dict.fromkeys(formats)), examples, log, read)
