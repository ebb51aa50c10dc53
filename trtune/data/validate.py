"""Turn a table into validated examples, with a report of what was repaired and dropped.

A row is dropped only for a reason, counted in the report with its first row numbers:
empty text, missing label, over the length limit, the same text with conflicting labels,
or an exact duplicate. A row with more fields than the header (the delimiter used inside
the text) is repaired: the extra fields are joined back into the text.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path

from trtune.data.columns import choose_columns, is_known_column_name, normalize_label
from trtune.data.read import Table, read_table
from trtune.errors import UserError

MAX_TEXT_CHARS = 20_000
FIRST_ROWS_SHOWN = 5
DROP_REASONS = ("empty_text", "missing_label", "too_long", "conflicting_labels", "duplicate")


@dataclass(frozen=True)
class Example:
    """One labelled text. ``row`` is the 1-based line in the file where it starts."""

    text: str
    label: str
    row: int


@dataclass
class InspectReport:
    """What reading a file found: format, detection results, counts and drops."""

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
    dropped_rows: dict[str, list[int]] = field(default_factory=dict)
    label_counts: dict[str, int] = field(default_factory=dict)

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


def _repair(row: list[str], width: int, text_index: int, delimiter: str | None) -> list[str]:
    """Fit ``row`` to ``width`` fields, joining surplus fields back into the text field."""
    if len(row) > width:
        extra = len(row) - width
        joined = (delimiter or " ").join(row[text_index : text_index + extra + 1])
        return row[:text_index] + [joined] + row[text_index + extra + 1 :]
    return row + [""] * (width - len(row))


def examples_from_table(
    table: Table,
    text_col: str | None = None,
    label_col: str | None = None,
    label_map: dict[str, str] | None = None,
    max_chars: int = MAX_TEXT_CHARS,
) -> tuple[list[Example], InspectReport]:
    """Validate a table's rows into examples and build the inspect report."""
    choice = choose_columns(table.columns, table.rows, text_col, label_col, str(table.path))
    width = len(table.columns)
    text_index = table.columns.index(choice.text)
    label_index = table.columns.index(choice.label) if choice.label else None
    drops: dict[str, list[int]] = defaultdict(list)
    candidates: list[Example] = []
    repaired = 0
    for number, raw in zip(table.row_numbers, table.rows, strict=True):
        if len(raw) > width:
            repaired += 1
        row = _repair(raw, width, text_index, table.delimiter)
        text = row[text_index].strip()
        label = row[label_index].strip() if label_index is not None else ""
        if not text:
            drops["empty_text"].append(number)
        elif label_index is not None and not label:
            drops["missing_label"].append(number)
        elif len(text) > max_chars:
            drops["too_long"].append(number)
        else:
            candidates.append(Example(text, normalize_label(label, label_map), number))
    labels_by_text: dict[str, set[str]] = defaultdict(set)
    for example in candidates:
        labels_by_text[example.text].add(example.label)
    kept: list[Example] = []
    seen: set[str] = set()
    for example in candidates:
        if len(labels_by_text[example.text]) > 1:
            drops["conflicting_labels"].append(example.row)
        elif example.text in seen:
            drops["duplicate"].append(example.row)
        else:
            seen.add(example.text)
            kept.append(example)
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
        repaired=repaired,
        dropped={r: len(drops[r]) for r in DROP_REASONS if drops[r]},
        dropped_rows={r: drops[r][:FIRST_ROWS_SHOWN] for r in DROP_REASONS if drops[r]},
        label_counts=dict(Counter(e.label for e in kept).most_common()),
    )
    return kept, report


def inspect_file(
    path: str | Path,
    text_col: str | None = None,
    label_col: str | None = None,
    label_map: dict[str, str] | None = None,
) -> InspectReport:
    """Read and validate ``path``; return only the report."""
    _, report = examples_from_table(read_table(path), text_col, label_col, label_map)
    return report


def load_labeled(
    path: str | Path,
    text_col: str | None = None,
    label_col: str | None = None,
    label_map: dict[str, str] | None = None,
    min_classes: int = 2,
) -> LabeledData:
    """Read a labelled text file: the function every training command uses.

    Raises:
        UserError: the file cannot be read, or holds fewer than ``min_classes`` labels.
    """
    examples, report = examples_from_table(read_table(path), text_col, label_col, label_map)
    if not examples:
        raise UserError("no usable rows (see `trtune data inspect` for what was dropped)", path)
    labels = sorted(report.label_counts)
    if len(labels) < min_classes:
        raise UserError(
            f"found {len(labels)} label(s) ({', '.join(labels)}); training needs at least "
            f"{min_classes} classes",
            path,
        )
    return LabeledData(Path(path), examples, labels, report)


def _lines(path: Path) -> list[str]:
    """The non-blank lines of a text file, in its detected encoding."""
    from trtune.data.encoding import decode_bytes

    if not path.is_file():
        raise UserError("no such file" if not path.exists() else "not a file", path)
    lines = decode_bytes(path.read_bytes(), path).text.splitlines()
    return [line.strip() for line in lines if line.strip()]


def load_texts(path: str | Path, text_col: str | None = None) -> list[str]:
    """Read the texts of a file to predict on (a label column is not needed)."""
    path = Path(path)
    if path.suffix.lower() == ".txt":
        return _lines(path)
    try:
        table = read_table(path)
    except UserError as exc:
        if not exc.reason.startswith("could not find a delimiter"):
            raise
        # One column, no delimiter: one text per line, after a header such as "yorum".
        lines = _lines(path)
        return lines[1:] if lines and is_known_column_name(lines[0]) else lines
    choice = choose_columns(table.columns, table.rows, text_col, None, str(path), need_label=False)
    index = table.columns.index(choice.text)
    return [r[index].strip() for r in table.rows if index < len(r) and r[index].strip()]
