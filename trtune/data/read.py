"""Read a user's file into a table of strings, whatever its format and encoding.

CSV/TSV/TXT: the encoding (see :mod:`trtune.data.encoding`), the delimiter (``,`` ``;``
tab ``|``), the quoting and the presence of a header are detected. JSON (a list of
objects, or an object holding one), JSONL and Parquet are read by key.

Records are cut from physical lines by hand before the ``csv`` module parses them, so one
unbalanced quote cannot swallow the rest of the file: a quoted field may span at most
:data:`MAX_RECORD_LINES` lines, otherwise its first line is read as unquoted text.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from trtune.data.encoding import decode_bytes
from trtune.errors import UserError

DELIMITERS = (",", ";", "\t", "|")
MAX_RECORD_LINES = 40
_SNIFF_RECORDS = 500


@dataclass
class Table:
    """A file read as rows of string fields.

    Attributes:
        path: the file.
        format: ``csv``, ``json``, ``jsonl`` or ``parquet``.
        columns: column names (synthesised ``column_1``... when there is no header).
        rows: the records' fields, as written (not yet repaired to the column count).
        row_numbers: the 1-based line (or record) number where each record starts.
        encoding, delimiter, header, quoting: what was detected (CSV only for the last three).
    """

    path: Path
    format: str
    columns: list[str]
    rows: list[list[str]]
    row_numbers: list[int]
    encoding: str = "utf-8"
    delimiter: str | None = None
    header: bool = True
    quoting: str = "minimal"
    notes: list[str] = field(default_factory=list)


def read_table(path: str | Path) -> Table:
    """Read ``path`` (CSV, TSV, TXT, JSON, JSONL or Parquet) into a :class:`Table`.

    Raises:
        UserError: the path is missing, a folder, empty, binary or malformed.
    """
    path = Path(path)
    if not path.exists():
        raise UserError("no such file", path)
    if path.is_dir():
        raise UserError("this is a folder, not a data file", path)
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        return _read_parquet(path)
    raw = path.read_bytes()
    decoded = decode_bytes(raw, path)
    text = decoded.text
    stripped = text.lstrip()
    if suffix == ".jsonl" or (suffix == ".json" and _looks_like_jsonl(stripped)):
        return _read_jsonl(path, text, decoded.encoding)
    if suffix == ".json" or (stripped[:1] in "[{" and suffix not in (".csv", ".tsv", ".txt")):
        return _read_json(path, text, decoded.encoding)
    return _read_delimited(path, text, decoded.encoding, tab=suffix == ".tsv")


def _looks_like_jsonl(text: str) -> bool:
    first = text.split("\n", 1)[0].strip()
    return (
        first.startswith("{")
        and first.endswith("}")
        and text.count("\n") > 0
        and (text.split("\n", 2)[1].strip().startswith("{") if text.count("\n") > 1 else False)
    )


def _records_to_table(path: Path, fmt: str, records: list[dict], numbers: list[int], enc: str):
    columns: list[str] = []
    for record in records:
        for key in record:
            if key not in columns:
                columns.append(key)
    rows = [[_cell(record.get(c)) for c in columns] for record in records]
    return Table(path, fmt, columns, rows, numbers, encoding=enc)


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _read_json(path: Path, text: str, encoding: str) -> Table:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UserError(f"invalid JSON: {exc.msg}", path, exc.lineno) from None
    if isinstance(data, dict):
        lists = [v for v in data.values() if isinstance(v, list)]
        if len(lists) != 1:
            raise UserError("expected a list of records (or an object holding one list)", path)
        data = lists[0]
    if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
        raise UserError("expected a list of JSON objects, one per example", path)
    if not data:
        raise UserError("the file holds no records", path)
    return _records_to_table(path, "json", data, list(range(1, len(data) + 1)), encoding)


def _read_jsonl(path: Path, text: str, encoding: str) -> Table:
    records, numbers = [], []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise UserError(f"broken JSON line: {exc.msg}", path, number) from None
        if not isinstance(record, dict):
            raise UserError("each JSONL line must be a JSON object", path, number)
        records.append(record)
        numbers.append(number)
    if not records:
        raise UserError("the file holds no records", path)
    return _records_to_table(path, "jsonl", records, numbers, encoding)


def _read_parquet(path: Path) -> Table:
    import pyarrow.lib
    import pyarrow.parquet as pq

    try:
        table = pq.read_table(path)
    except (pyarrow.lib.ArrowInvalid, OSError) as exc:
        raise UserError(f"not a readable Parquet file ({exc})", path) from None
    records = table.to_pylist()
    if not records:
        raise UserError("the file holds no records", path)
    return _records_to_table(path, "parquet", records, list(range(1, len(records) + 1)), "binary")


def _opens_quote(line: str, delimiter: str) -> bool:
    """True when ``line`` leaves a quoted field open (a field starting with a quote)."""
    if line.count('"') % 2 == 0:
        return False
    return line.startswith('"') or f'{delimiter}"' in line


def _records(lines: list[str], delimiter: str, quoting: bool) -> Iterator[tuple[int, list[str]]]:
    """Yield (first line number, fields) for each record, guarding against open quotes."""
    index = 0
    while index < len(lines):
        line = lines[index]
        number = index + 1
        if not line.strip():
            index += 1
            continue
        if not quoting:
            yield number, line.rstrip("\r\n").split(delimiter)
            index += 1
            continue
        end = index + 1
        if _opens_quote(line, delimiter):
            quotes = line.count('"')
            while end < len(lines) and end - index < MAX_RECORD_LINES and quotes % 2:
                quotes += lines[end].count('"')
                end += 1
            if quotes % 2:  # never closed: read the first line as plain text
                yield number, line.rstrip("\r\n").split(delimiter)
                index += 1
                continue
        chunk = "".join(lines[index:end])
        parsed = list(csv.reader(io.StringIO(chunk, newline=""), delimiter=delimiter))
        fields = [f for record in parsed for f in record] if len(parsed) > 1 else parsed[0]
        yield number, fields
        index = end


def _sniff_delimiter(lines: list[str]) -> str:
    """Pick the delimiter whose field count is the most consistent over the first records."""
    best, best_score = ",", -1.0
    sample = lines[:_SNIFF_RECORDS]
    for delimiter in DELIMITERS:
        counts = Counter(len(fields) for _, fields in _records(sample, delimiter, True))
        if not counts:
            continue
        mode, freq = counts.most_common(1)[0]
        if mode < 2:
            continue
        score = freq / sum(counts.values()) + 0.01 * min(mode, 5)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _read_delimited(path: Path, text: str, encoding: str, tab: bool) -> Table:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    lines = text.splitlines(keepends=True)
    if not any(line.strip() for line in lines):
        raise UserError("the file is empty", path)
    delimiter = "\t" if tab else _sniff_delimiter(lines)
    quoting = any('"' in line for line in lines[:_SNIFF_RECORDS])
    numbered = list(_records(lines, delimiter, quoting))
    numbers = [n for n, _ in numbered]
    rows = [[f.strip() for f in fields] for _, fields in numbered]
    width = Counter(len(r) for r in rows).most_common(1)[0][0]
    if width < 2 and len(rows) > 0:
        raise UserError(
            "could not find a delimiter (tried , ; tab |): each row needs a text and a label",
            path,
        )
    header = _has_header(rows, width)
    if header:
        columns = _unique_names(rows[0], width)
        rows, numbers = rows[1:], numbers[1:]
    else:
        columns = [f"column_{i + 1}" for i in range(width)]
    return Table(
        path,
        "csv",
        columns,
        rows,
        numbers,
        encoding,
        delimiter,
        header,
        "minimal" if quoting else "none",
    )


def _unique_names(first: list[str], width: int) -> list[str]:
    names: list[str] = []
    for i in range(width):
        name = first[i].strip() if i < len(first) and first[i].strip() else f"column_{i + 1}"
        while name in names:
            name += "_"
        names.append(name)
    return names


def _has_header(rows: list[list[str]], width: int) -> bool:
    """Decide whether the first record is a header.

    A header names columns: it matches a known column name, or its last field never recurs in
    the last column while that column has a small label vocabulary.
    """
    from trtune.data.columns import is_known_column_name

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
