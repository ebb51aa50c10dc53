"""Read a user's file into a table of strings, whatever its format and encoding.

CSV/TSV/TXT: the encoding (see :mod:`trtune.data.encoding`), the delimiter (``,`` ``;``
tab ``|``), the quoting and the presence of a header are detected (see
:mod:`trtune.data.delimited`). JSON (a list of objects, or an object holding one), JSONL and
Parquet are read by key. Every file is opened by :func:`trtune.data.source.read_user_bytes`.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

from trtune.data.delimited import read_delimited
from trtune.data.encoding import decode_bytes
from trtune.data.source import read_user_bytes
from trtune.data.table import Table
from trtune.errors import UserError

PARQUET_MAGIC = b"PAR1"

__all__ = ["Table", "read_table"]


def read_table(path: str | Path, header: bool | None = None) -> Table:
    """Read ``path`` (CSV, TSV, TXT, JSON, JSONL or Parquet) into a :class:`Table`.

    Args:
        path: the file.
        header: whether a delimited file's first record is a header; ``None`` detects it
            (the detection knows labelled files; a task whose files hold two texts decides
            itself and reads with ``header=False``).

    Raises:
        UserError: the path is missing, a folder, empty, binary or malformed.
    """
    path = Path(path)
    raw = read_user_bytes(path)
    if raw.startswith(PARQUET_MAGIC) or (path.suffix.lower() == ".parquet" and raw.strip()):
        return _read_parquet(path, raw)
    suffix = path.suffix.lower()
    decoded = decode_bytes(raw, path)
    text = decoded.text
    stripped = text.lstrip()
    if suffix == ".jsonl" or (suffix == ".json" and _looks_like_jsonl(stripped)):
        return _read_jsonl(path, text, decoded.encoding)
    if suffix == ".json" or (stripped[:1] in "[{" and suffix not in (".csv", ".tsv", ".txt")):
        return _read_json(path, text, decoded.encoding)
    return read_delimited(path, text, decoded.encoding, tab=suffix == ".tsv", header=header)


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


def _read_parquet(path: Path, raw: bytes) -> Table:
    import pyarrow.lib
    import pyarrow.parquet as pq

    try:
        table = pq.read_table(io.BytesIO(raw))
    except (pyarrow.lib.ArrowInvalid, OSError) as exc:
        raise UserError(f"not a readable Parquet file ({exc})", path) from None
    records = table.to_pylist()
    if not records:
        raise UserError("the file holds no records", path)
    return _records_to_table(path, "parquet", records, list(range(1, len(records) + 1)), "binary")
