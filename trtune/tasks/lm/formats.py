"""Training files for causal LMs: detect the format, validate rows, report what was dropped.

Four formats are understood, each turned into :class:`Record` values:

- **text** (continued pre-training): a ``.txt`` file (paragraphs separated by blank lines,
  or one per line) or a table with a ``text`` column (or another text column name such
  as ``yorum``, ``metin``, ``review``: a review file trains as plain text);
- **alpaca**: ``instruction``, ``input`` (optional) and ``output`` columns;
- **chat**: ``messages`` lists of ``{"role", "content"}`` or ShareGPT ``conversations``
  lists of ``{"from", "value"}``;
- **qa**: SQuAD v1 JSON (``data[].paragraphs[].qas[]``), or a table with ``context``,
  ``question`` and ``answer`` columns; context + question is the prompt, the answer the
  response.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from trtune.data.columns import TEXT_NAMES
from trtune.data.delimited import is_no_delimiter
from trtune.data.encoding import decode_bytes
from trtune.data.source import read_user_bytes
from trtune.data.validate import MAX_TEXT_CHARS
from trtune.errors import UserError
from trtune.tasks.lm.records import DropReport, Record

ROLE_ALIASES = {
    "human": "user",
    "user": "user",
    "gpt": "assistant",
    "assistant": "assistant",
    "bot": "assistant",
    "model": "assistant",
    "system": "system",
}


@dataclass
class LoadedData:
    """A training file read into records."""

    path: Path
    format: str
    records: list[Record]
    drops: DropReport


def _clean(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _instruction_record(row: int, instruction: str, inp: str, output: str) -> Record:
    user = {"role": "user", "content": instruction}
    if inp:
        user["input"] = inp
    return Record(row=row, messages=[user, {"role": "assistant", "content": output}])


def _chat_record(row: int, turns: Any, drops: DropReport) -> Record | None:
    if not isinstance(turns, list) or not turns:
        drops.drop("messages not a non-empty list", row)
        return None
    messages = []
    for turn in turns:
        if not isinstance(turn, dict):
            drops.drop("turn not an object", row)
            return None
        role = ROLE_ALIASES.get(_clean(turn.get("role", turn.get("from"))).lower())
        content = _clean(turn.get("content", turn.get("value")))
        if role is None:
            drops.drop("unknown role", row)
            return None
        messages.append({"role": role, "content": content})
    if not any(m["role"] == "assistant" and m["content"] for m in messages):
        drops.drop("no assistant reply", row)
        return None
    return Record(row=row, messages=messages)


def _format_of(keys: set[str], path: Path) -> tuple[str, str | None]:
    """The format the (lower-case) column names show, and the text column of ``text``.

    Raises:
        UserError: the keys match no known format.
    """
    text_key = (
        "text"
        if "text" in keys
        else next((k for k in sorted(keys) if k.strip() in TEXT_NAMES), None)
    )
    if "messages" in keys or "conversations" in keys:
        return "chat", text_key
    if {"instruction", "output"} <= keys:
        return "alpaca", text_key
    if {"context", "question", "answer"} <= keys:
        return "qa", text_key
    if text_key is not None:  # "text", or e.g. a review file: its text column is plain text
        return "text", text_key
    raise UserError(
        f"cannot tell the format from the columns {sorted(keys)}: expected 'text' (or "
        "another text column name such as 'yorum', 'metin', 'review'), "
        "'instruction'/'input'/'output', 'messages' or 'context'/'question'/'answer'",
        file=path,
    )


def records_from_objects(objects: list[tuple[int, dict[str, Any]]], path: Path) -> LoadedData:
    """Turn row objects (column name -> value) into records of the format their keys show.

    Raises:
        UserError: the keys match no known format.
    """
    keys = set().union(*(o.keys() for _, o in objects)) if objects else set()
    fmt, text_key = _format_of({k.lower() for k in keys}, path)
    drops = DropReport()
    records: list[Record] = []
    for row, obj in objects:
        low = {k.lower(): v for k, v in obj.items()}
        record: Record | None = None
        if fmt == "chat":
            turns = low.get("messages", low.get("conversations"))
            if isinstance(turns, str):
                try:
                    turns = json.loads(turns)
                except json.JSONDecodeError:
                    drops.drop("messages not valid JSON", row)
                    continue
            record = _chat_record(row, turns, drops)
        elif fmt == "alpaca":
            instruction, output = _clean(low.get("instruction")), _clean(low.get("output"))
            if not instruction:
                drops.drop("empty instruction", row)
            elif not output:
                drops.drop("empty output", row)
            else:
                record = _instruction_record(row, instruction, _clean(low.get("input")), output)
        elif fmt == "qa":
            question, answer = _clean(low.get("question")), _clean(low.get("answer"))
            if not question or not answer:
                drops.drop("empty question or answer", row)
            else:
                record = _instruction_record(row, question, _clean(low.get("context")), answer)
        else:
            text = _clean(low.get(text_key))
            if not text:
                drops.drop("empty text", row)
            else:
                record = Record(row=row, text=text)
        if record is not None:
            records.append(record)
    drops.kept = len(records)
    return LoadedData(path=path, format=fmt, records=records, drops=drops)


def _squad_records(obj: dict[str, Any], path: Path) -> LoadedData:
    """SQuAD v1: ``data[].paragraphs[].qas[]``; rows count questions from 1."""
    drops = DropReport()
    records: list[Record] = []
    row = 0
    for article in obj.get("data", []):
        for paragraph in article.get("paragraphs", []) if isinstance(article, dict) else []:
            context = _clean(paragraph.get("context"))
            for qa in paragraph.get("qas", []):
                row += 1
                answers = qa.get("answers") or []
                answer = _clean(answers[0].get("text")) if answers else ""
                question = _clean(qa.get("question"))
                if not context:
                    drops.drop("empty context", row)
                elif not question or not answer:
                    drops.drop("empty question or answer", row)
                else:
                    records.append(_instruction_record(row, question, context, answer))
    if row == 0:
        raise UserError("SQuAD-style JSON holds no questions (data[].paragraphs[].qas[])", path)
    drops.kept = len(records)
    return LoadedData(path=path, format="qa", records=records, drops=drops)


def _read_json_objects(path: Path, text: str) -> list[tuple[int, dict[str, Any]]] | LoadedData:
    if path.suffix.lower() == ".jsonl" or (text.lstrip().startswith("{") and "\n{" in text):
        objects = []
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise UserError(f"not valid JSON: {exc.msg}", file=path, row=number) from exc
            if not isinstance(obj, dict):
                raise UserError("each JSONL line must be an object", file=path, row=number)
            objects.append((number, obj))
        return objects
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UserError(f"not valid JSON: {exc.msg}", file=path, row=exc.lineno) from exc
    if isinstance(obj, dict) and isinstance(obj.get("data"), list):
        return _squad_records(obj, path)
    if isinstance(obj, dict):
        lists = [v for v in obj.values() if isinstance(v, list)]
        obj = lists[0] if len(lists) == 1 else obj
    if not isinstance(obj, list) or not all(isinstance(o, dict) for o in obj):
        raise UserError("JSON must be a list of objects or SQuAD-style data", file=path)
    return list(enumerate(obj, start=1))


def _read_text_file(path: Path, text: str) -> LoadedData:
    """Paragraphs separated by blank lines; a file without blank lines gives one per line."""
    drops = DropReport()
    records = []
    lines = text.splitlines()
    blank_separated = any(not line.strip() for line in lines)
    start, buffer = 1, []
    for number, line in enumerate(lines + [""], start=1):
        if blank_separated and line.strip():
            if not buffer:
                start = number
            buffer.append(line.strip())
        elif blank_separated:
            if buffer:
                records.append(Record(row=start, text="\n".join(buffer)))
            buffer = []
        elif line.strip():
            records.append(Record(row=number, text=line.strip()))
    drops.kept = len(records)
    return LoadedData(path=path, format="text", records=records, drops=drops)


def _record_chars(record: Record) -> int:
    return len(record.text or "") + sum(len(m.get("content", "")) for m in record.messages or [])


def _drop_too_long(data: LoadedData) -> None:
    """Leave out records over :data:`MAX_TEXT_CHARS` characters, as ``data inspect`` does
    (a multi-megabyte line is a broken export, and tokenizers crawl through it)."""
    kept = []
    for record in data.records:
        if _record_chars(record) > MAX_TEXT_CHARS:
            data.drops.drop(f"longer than {MAX_TEXT_CHARS:,} characters", record.row)
        else:
            kept.append(record)
    data.records = kept
    data.drops.kept = len(kept)


def _read_table_file(path: Path) -> LoadedData:
    """A CSV/TSV/Parquet file's rows as records; a row of another width is dropped."""
    from trtune.data.read import read_table

    try:
        table = read_table(path)
    except UserError as exc:
        if is_no_delimiter(exc):
            raise UserError(
                "could not find a delimiter (tried , ; tab |): each row needs its columns "
                "(instruction and output; context, question and answer; or a text column); "
                "plain texts go in a .txt file",
                path,
            ) from None
        raise
    width = len(table.columns)
    objects, bad_rows = [], []
    for number, fields in zip(table.row_numbers, table.rows, strict=True):
        if len(fields) != width:
            bad_rows.append(number)
            continue
        objects.append((number, dict(zip(table.columns, fields, strict=True))))
    data = records_from_objects(objects, path)
    for number in bad_rows:
        data.drops.drop(f"not {width} fields", number)
    return data


def load_records(path: str | Path, max_examples: int | None = None) -> LoadedData:
    """Read a training file, detect its format and validate its rows.

    Raises:
        UserError: missing, empty, undecodable or malformed file; no usable rows.
    """
    path = Path(path)
    raw = read_user_bytes(path)  # the data layer's one message per unreadable condition
    suffix = path.suffix.lower()
    if suffix in (".json", ".jsonl"):
        read = _read_json_objects(path, decode_bytes(raw, path).text)
        if isinstance(read, list) and not read:
            raise UserError("the file holds no records", file=path)
        data = read if isinstance(read, LoadedData) else records_from_objects(read, path)
    elif suffix in (".txt", ".md"):
        data = _read_text_file(path, decode_bytes(raw, path).text)
    else:
        data = _read_table_file(path)
    _drop_too_long(data)
    if max_examples is not None:
        data.records = data.records[:max_examples]
        data.drops.kept = len(data.records)
    if not data.records:
        raise UserError(f"no usable examples ({data.drops.summary()})", file=path)
    return data
