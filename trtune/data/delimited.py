"""Delimited text (CSV, TSV, TXT) -> :class:`Table`: delimiter, quotes, header, column count.

Records are cut from physical lines by hand before the ``csv`` module parses them, so one
unbalanced quote cannot swallow the rest of the file. A quoted field may span at most
:data:`MAX_RECORD_LINES` lines; and a quoted record whose lines end the way the file's rows
end (the delimiter and a label, ``;olumlu``) is a stray quote, not a text with line breaks.
Either way the quote's line is read as unquoted text, the lines after it as rows, and the
row is counted in ``Table.quote_repairs``.

A delimiter inside unquoted text adds fields before the label. When the label is at one end
of the row (its field has a small vocabulary), the column count comes from the header or,
without one, from the rows with the fewest fields; :mod:`trtune.data.validate` joins the
surplus fields back into the text (from ``Table.unstripped``, so the text is as written).
"""

from __future__ import annotations

import csv
import io
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from trtune.data.columns import is_known_column_name, is_number
from trtune.data.encoding import EMPTY_FILE
from trtune.data.table import Table
from trtune.errors import UserError

DELIMITERS = (",", ";", "\t", "|")
MAX_RECORD_LINES = 40
MAX_LABELS = 20
_SNIFF_RECORDS = 500


def is_no_delimiter(error: UserError) -> bool:
    """Whether ``error`` says a file has no delimiter (one column): a reader that needs
    other columns than a text and a label says so in its own words."""
    return error.reason.startswith("could not find a delimiter")


def label_like(values: list[str]) -> frozenset[str]:
    """The values, when they look like labels: a few short values that cover the rows.

    Returns an empty set when they do not (free text, or numbers of every size).
    """
    counts = Counter(v for v in values if v)
    n = sum(counts.values())
    # A label is short and recurs; rare values (text fragments) are not labels.
    often = max(2, 0.01 * n)
    top = [(v, c) for v, c in counts.most_common(MAX_LABELS) if len(v) <= 30 and c >= often]
    if n < 4 or sum(c for _, c in top) < 0.9 * n or len(counts) > n / 2:
        return frozenset()
    return frozenset(v for v, _ in top)


class _RowEnds:
    """How the file's one-line rows start and end: a label-like first or last field."""

    def __init__(self, lines: list[str], delimiter: str):
        sample = lines[:: max(1, len(lines) // 5000)]  # spread: files are often sorted
        plain = [ln.strip() for ln in sample if '"' not in ln and delimiter in ln]
        self.delimiter = delimiter
        self.first = label_like([ln.split(delimiter, 1)[0].strip() for ln in plain])
        self.last = label_like([ln.rsplit(delimiter, 1)[1].strip() for ln in plain])

    def ends_a_row(self, line: str) -> bool:
        """True when ``line`` ends (or starts) like one of the file's rows."""
        line = line.strip()
        if self.delimiter not in line:
            return False
        head = line.split(self.delimiter, 1)[0].strip()
        return line.rsplit(self.delimiter, 1)[1].strip() in self.last or head in self.first


def _opens_quote(line: str, delimiter: str) -> bool:
    """True when ``line`` leaves a quoted field open (a field starting with a quote)."""
    if line.count('"') % 2 == 0:
        return False
    return line.startswith('"') or f'{delimiter}"' in line


def _quote_end(lines: list[str], index: int) -> int | None:
    """The line after the one that closes the quote opened on ``lines[index]``, or None."""
    quotes, end = lines[index].count('"'), index + 1
    while end < len(lines) and end - index < MAX_RECORD_LINES and quotes % 2:
        quotes += lines[end].count('"')
        end += 1
    return None if quotes % 2 else end


def _unquoted(line: str, delimiter: str) -> list[str]:
    """A line's fields read without quoting; a field's stray opening quote is dropped."""
    fields = line.rstrip("\r\n").split(delimiter)
    return [f.strip()[1:] if f.strip().startswith('"') and f.count('"') % 2 else f for f in fields]


def _records(
    lines: list[str], delimiter: str, quoting: bool, ends: _RowEnds | None = None
) -> Iterator[tuple[int, list[str], bool]]:
    """Yield (first line number, fields, quote repaired) for each record."""
    index = 0
    while index < len(lines):
        line, number = lines[index], index + 1
        if not line.strip():
            index += 1
            continue
        if not quoting:
            yield number, line.rstrip("\r\n").split(delimiter), False
            index += 1
            continue
        end = index + 1
        if _opens_quote(line, delimiter):
            end = _quote_end(lines, index)
            stray = end is None or (
                ends is not None and any(ends.ends_a_row(ln) for ln in lines[index : end - 1])
            )
            if stray:  # read the quote's line as plain text; the next lines are rows
                yield number, _unquoted(line, delimiter), True
                index += 1
                continue
        chunk = "".join(lines[index:end])
        parsed = list(csv.reader(io.StringIO(chunk, newline=""), delimiter=delimiter))
        yield number, [f for record in parsed for f in record], False
        index = end


def _sniff_delimiter(lines: list[str]) -> str:
    """Pick the delimiter whose field count is the most consistent over the first records."""
    best, best_score = ",", -1.0
    sample = lines[:_SNIFF_RECORDS]
    for delimiter in DELIMITERS:
        counts = Counter(len(fields) for _, fields, _ in _records(sample, delimiter, True))
        if not counts:
            continue
        mode, freq = counts.most_common(1)[0]
        if mode < 2:
            continue
        score = freq / sum(counts.values()) + 0.01 * min(mode, 5)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _has_header(rows: list[list[str]]) -> bool:
    """Decide whether the first record is a header.

    A header names columns: it matches a known column name, or its last field never recurs in
    the last column while that column has a small label vocabulary.
    """
    first = rows[0]
    if any(is_known_column_name(f) for f in first):
        return True
    rest = [r[-1] for r in rows[1:] if len(r) >= 2]
    if not rest:
        return False
    vocabulary = Counter(rest)
    small_vocabulary = len(vocabulary) <= max(20, len(rest) // 50)
    if small_vocabulary:
        return first[-1] not in vocabulary
    # No label-like last column: a header has no long text and no digits-only fields.
    return all(len(f) < 40 and not f.replace(".", "").isdigit() for f in first)


def _label_at_an_end(rows: list[list[str]]) -> bool:
    """True when the first or the last field of the rows is a label (small vocabulary)."""
    rows = [r for r in rows if len(r) >= 2]
    return bool(label_like([r[-1] for r in rows]) or label_like([r[0] for r in rows]))


def _headerless_width(rows: list[list[str]], mode: int) -> int:
    """Columns of a header-less file whose rows carry the delimiter inside their text.

    The narrowest common row is the real layout; of its fields before the label, a leading
    run of ids or categories stays in columns and the rest is one text.
    """
    counts = Counter(len(r) for r in rows)
    common = [w for w, c in counts.items() if w >= 2 and c >= 0.05 * len(rows)]
    narrow = min(common, default=mode)
    if not any(w > narrow for w in counts) or not label_like([r[-1] for r in rows]):
        return mode
    leading = 0
    while leading < narrow - 2:
        values = [r[leading].strip() for r in rows if len(r) >= narrow]
        numbers = sum(map(is_number, values)) >= 0.95 * len(values)
        if not (numbers or label_like(values)):
            break
        leading += 1
    return leading + 2


def _width(rows: list[list[str]], header: bool) -> int:
    """How many columns the file has (see the module docstring)."""
    mode = Counter(len(r) for r in rows).most_common(1)[0][0]
    data = rows[1:] if header else rows
    if not data or not _label_at_an_end(data):
        return mode
    if header:
        return len(rows[0]) if 2 <= len(rows[0]) < mode else mode
    return _headerless_width(data, mode)


def _unique_names(first: list[str], width: int) -> list[str]:
    names: list[str] = []
    for i in range(width):
        name = first[i].strip() if i < len(first) and first[i].strip() else f"column_{i + 1}"
        while name in names:
            name += "_"
        names.append(name)
    return names


def read_delimited(
    path: Path, text: str, encoding: str, tab: bool, header: bool | None = None
) -> Table:
    """Read delimited ``text`` (from ``path``) into a :class:`Table`; ``header`` says whether
    the first record is a header (``None``: detect it).

    Raises:
        UserError: no delimiter found, or a header and no rows.
    """
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    lines = text.splitlines(keepends=True)
    if not any(line.strip() for line in lines):
        raise UserError(EMPTY_FILE, path)
    delimiter = "\t" if tab else _sniff_delimiter(lines)
    quoting = any('"' in line for line in lines[:_SNIFF_RECORDS])
    numbered = list(_records(lines, delimiter, quoting, _RowEnds(lines, delimiter)))
    numbers = [n for n, _, _ in numbered]
    raw = [fields for _, fields, _ in numbered]
    rows = [[f.strip() for f in fields] for fields in raw]
    if Counter(len(r) for r in rows).most_common(1)[0][0] < 2:
        raise UserError(
            "could not find a delimiter (tried , ; tab |): each row needs a text and a label",
            path,
        )  # a task's reader says what its rows need instead: is_no_delimiter
    header = _has_header(rows) if header is None else header
    width = _width(rows, header)
    columns = _unique_names(rows[0], width) if header else [f"column_{i + 1}" for i in range(width)]
    skip = 1 if header else 0
    if header and len(rows) == 1:
        raise UserError(f"only a header (columns: {', '.join(columns)}), no rows", path)
    return Table(
        path,
        "csv",
        columns,
        rows[skip:],
        numbers[skip:],
        encoding,
        delimiter,
        header,
        "minimal" if quoting else "none",
        quote_repairs=[n for n, _, repaired in numbered if repaired],
        unstripped={i - skip: raw[i] for i in range(skip, len(raw)) if len(raw[i]) > width},
    )
