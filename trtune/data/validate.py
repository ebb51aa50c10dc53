"""Turn a table into validated examples, with a report of what was repaired and dropped.

A row is dropped only for a reason, counted in the report with its first row numbers:
empty text, missing label, over the length limit, the same text with conflicting labels,
or an exact duplicate. Repairs are counted the same way: a row with more fields than the
header (the delimiter used inside the text) gets the extra fields joined back into the
text, and a stray opening quote is read as text (see :mod:`trtune.data.delimited`).
A label column that holds text, or a text column that holds numbers, is refused.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path

from trtune.data.columns import (
    ColumnChoice,
    check_label_values,
    check_text_values,
    choose_columns,
    is_known_column_name,
    normalize_label,
)
from trtune.data.delimited import is_no_delimiter
from trtune.data.read import Table, read_table
from trtune.data.source import read_user_text
from trtune.errors import UserError

MAX_TEXT_CHARS = 20_000
FIRST_ROWS_SHOWN = 5
DROP_REASONS = ("empty_text", "missing_label", "too_long", "conflicting_labels", "duplicate")
REPAIR_REASONS = ("delimiter_in_text", "unbalanced_quote")
Where = int | str  # a row number, or "file:row" when examples come from several files


@dataclass(frozen=True)
class Example:
    """One labelled text. ``row`` is the 1-based line in the file where it starts."""

    text: str
    label: str
    row: int


@dataclass
class InspectReport:
    """What reading a file found: format, detection results, counts, repairs and drops."""

    path: str
    format: str
    encoding: str
    delimiter: str | None
    quoting: str
    header: bool
    columns: list[str]
    text_column: str
    label_column: str | None
    columns_found: str
    rows_read: int
    rows_kept: int
    repaired: int
    dropped: dict[str, int] = field(default_factory=dict)
    dropped_rows: dict[str, list[Where]] = field(default_factory=dict)
    label_counts: dict[str, int] = field(default_factory=dict)
    repairs: dict[str, int] = field(default_factory=dict)
    repaired_rows: dict[str, list[Where]] = field(default_factory=dict)
    sources: list[dict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        """A JSON-ready dictionary (the ``data inspect --json`` output)."""
        return asdict(self)


@dataclass
class LabeledData:
    """The examples of a file, its sorted label names and the inspect report."""

    path: Path
    examples: list[Example]
    labels: list[str]
    report: InspectReport


def counted(rows: dict[str, list[Where]], reasons: tuple[str, ...]) -> tuple[dict, dict]:
    """``({reason: count}, {reason: first rows})`` for the reasons that occurred, in order."""
    counts = {r: len(rows[r]) for r in reasons if rows.get(r)}
    return counts, {r: rows[r][:FIRST_ROWS_SHOWN] for r in counts}


def _repair(row: list[str], width: int, text_index: int, delimiter: str | None) -> list[str]:
    """Fit ``row`` to ``width`` stripped fields, joining surplus fields back into the text."""
    if len(row) > width:
        extra = len(row) - width
        joined = (delimiter or " ").join(row[text_index : text_index + extra + 1])
        row = row[:text_index] + [joined] + row[text_index + extra + 1 :]
    return [f.strip() for f in row] + [""] * (width - len(row))


def _table_rows(table: Table, text_index: int, label_index: int | None, repairs: dict):
    """Yield (row number, text, raw label) of every row, repaired to the column count."""
    width = len(table.columns)
    quote_repairs = set(table.quote_repairs)
    for i, (number, raw) in enumerate(zip(table.row_numbers, table.rows, strict=True)):
        if len(raw) > width:
            repairs["delimiter_in_text"].append(number)
        if number in quote_repairs:
            repairs["unbalanced_quote"].append(number)
        row = _repair(table.unstripped.get(i, raw), width, text_index, table.delimiter)
        yield number, row[text_index], row[label_index] if label_index is not None else ""


def candidate_example(
    text: str,
    label: str,
    row: int,
    where: Where,
    drops: dict,
    label_map: dict[str, str] | None,
    max_chars: int,
) -> Example | None:
    """The example of one row, or None after counting why it is dropped."""
    if not text:
        drops["empty_text"].append(where)
    elif not label:
        drops["missing_label"].append(where)
    elif len(text) > max_chars:
        drops["too_long"].append(where)
    else:
        return Example(text, normalize_label(label, label_map), row)
    return None


def keep_unique(
    candidates: list[tuple[Example, Where]], drops: dict
) -> list[tuple[Example, Where]]:
    """Drop texts given conflicting labels (every copy) and exact duplicates (later copies)."""
    labels_by_text: dict[str, set[str]] = defaultdict(set)
    for example, _ in candidates:
        labels_by_text[example.text].add(example.label)
    kept: list[tuple[Example, Where]] = []
    seen: set[str] = set()
    for example, where in candidates:
        if len(labels_by_text[example.text]) > 1:
            drops["conflicting_labels"].append(where)
        elif example.text in seen:
            drops["duplicate"].append(where)
        else:
            seen.add(example.text)
            kept.append((example, where))
    return kept


def table_candidates(
    table: Table,
    text_col: str | None,
    label_col: str | None,
    label_map: dict[str, str] | None,
    max_chars: int,
    drops: dict,
    repairs: dict,
    name: str | None = None,
) -> tuple[list[tuple[Example, Where]], ColumnChoice]:
    """The rows of ``table`` that could be examples, before duplicates are looked for.

    Args:
        name: how drop and repair reports name the file (``name:row``); None: the row alone.

    Raises:
        UserError: no text or label column, a label column of texts or a text column of
            numbers.
    """
    path = str(table.path)
    choice = choose_columns(table.columns, table.rows, text_col, label_col, path)
    text_index = table.columns.index(choice.text)
    label_index = table.columns.index(choice.label) if choice.label else None
    found: dict[str, list[Where]] = defaultdict(list)
    rows = list(_table_rows(table, text_index, label_index, found))
    for reason, numbers in found.items():
        repairs[reason].extend(n if name is None else f"{name}:{n}" for n in numbers)
    if choice.label is not None:
        check_label_values(choice.label, [lab for _, _, lab in rows if lab], path)
    check_text_values(choice.text, [text for _, text, _ in rows if text], path)
    candidates = []
    for number, text, label in rows:
        where = number if name is None else f"{name}:{number}"
        example = candidate_example(text, label, number, where, drops, label_map, max_chars)
        if example is not None:
            candidates.append((example, where))
    return candidates, choice


def examples_from_table(
    table: Table,
    text_col: str | None = None,
    label_col: str | None = None,
    label_map: dict[str, str] | None = None,
    max_chars: int = MAX_TEXT_CHARS,
) -> tuple[list[Example], InspectReport]:
    """Validate a table's rows into examples and build the inspect report.

    Raises:
        UserError: see :func:`table_candidates`.
    """
    drops: dict[str, list[Where]] = defaultdict(list)
    repairs: dict[str, list[Where]] = defaultdict(list)
    candidates, choice = table_candidates(
        table, text_col, label_col, label_map, max_chars, drops, repairs
    )
    kept = [example for example, _ in keep_unique(candidates, drops)]
    dropped, dropped_rows = counted(drops, DROP_REASONS)
    repair_counts, repaired_rows = counted(repairs, REPAIR_REASONS)
    report = InspectReport(
        path=str(table.path),
        format=table.format,
        encoding=table.encoding,
        delimiter=table.delimiter,
        quoting=table.quoting,
        header=table.header,
        columns=table.columns,
        text_column=choice.text,
        label_column=choice.label,
        columns_found=choice.how,
        rows_read=len(table.rows),
        rows_kept=len(kept),
        repaired=len({n for numbers in repairs.values() for n in numbers}),
        dropped=dropped,
        dropped_rows=dropped_rows,
        label_counts=label_counts(kept),
        repairs=repair_counts,
        repaired_rows=repaired_rows,
    )
    return kept, report


def label_counts(examples: list[Example]) -> dict[str, int]:
    """Examples per label, most frequent first."""
    return dict(Counter(e.label for e in examples).most_common())


def text_lines(path: str | Path) -> list[str]:
    """The non-blank lines of a text file, in its detected encoding."""
    lines = read_user_text(path).text.lstrip("\ufeff").splitlines()
    return [line.strip() for line in lines if line.strip()]


def load_texts(path: str | Path, text_col: str | None = None) -> list[str]:
    """Read the texts of a file to predict on (a label column is not needed).

    Raises:
        UserError: the file cannot be read, or its text column holds numbers.
    """
    path = Path(path)
    if path.suffix.lower() == ".txt":
        return text_lines(path)
    try:
        table = read_table(path)
    except UserError as exc:
        if not is_no_delimiter(exc):
            raise
        # One column, no delimiter: one text per line, after a header such as "yorum".
        lines = text_lines(path)
        return lines[1:] if lines and is_known_column_name(lines[0]) else lines
    choice = choose_columns(table.columns, table.rows, text_col, None, str(path), need_label=False)
    index = table.columns.index(choice.text)
    texts = [r[index].strip() for r in table.rows if index < len(r) and r[index].strip()]
    check_text_values(choice.text, texts, str(path))
    return texts
