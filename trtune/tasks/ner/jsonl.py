"""NER records in JSON or JSONL: tokens with tags, or a text with character spans.

- ``{"tokens": [...], "tags": [...]}``; ``words`` for ``tokens``; ``ner_tags``, ``labels``
  or ``ner`` for ``tags``. Numeric tags (Hugging Face ``datasets`` exports) are named by
  ``--tag-names`` or by a label list the file holds (``{"labels": [...], "data": [...]}``).
- ``{"text": "...", "entities": [[start, end, "LABEL"], ...]}`` as spaCy, doccano (key
  ``label``) and Label Studio style exports write it (an entity may also be an object with
  ``start``, ``end`` and ``label``). The text is cut into words
  (:func:`~trtune.tasks.ner.words.split_words`); a word an entity touches takes its type,
  whole: an entity ending before an apostrophe suffix (``[İngiltere]'de``) tags the word
  ``İngiltere'de``, and that is counted as a repair.

A JSON file is one array of records or an object holding one; JSONL is one record a line.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from trtune.errors import UserError
from trtune.tasks.ner.formats import RawSentence, ReadFile
from trtune.tasks.ner.tags import OUTSIDE
from trtune.tasks.ner.words import split_words

TOKEN_KEYS = ("tokens", "words")
TAG_KEYS = ("tags", "ner_tags", "labels", "ner")
ENTITY_KEYS = ("entities", "spans", "label", "labels")
NAME_KEYS = ("label_names", "tag_names", "labels", "names", "label_list")


def _records(path: Path, text: str) -> tuple[str, list[tuple[int, Any]], list[str] | None]:
    """``(format, [(row, record)], label names or None)`` of a JSON or JSONL file."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as whole:
        lines = [(n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip()]
        if len(lines) < 2 or not lines[0][1].lstrip().startswith("{"):
            raise UserError(f"invalid JSON: {whole.msg}", path, whole.lineno) from None
        records = []
        for number, line in lines:
            try:
                records.append((number, json.loads(line)))
            except json.JSONDecodeError as exc:
                raise UserError(f"broken JSON line: {exc.msg}", path, number) from None
        return "jsonl", records, None
    names = None
    if isinstance(data, dict):
        if any(k in data for k in TOKEN_KEYS + ("text",)):
            data = [data]
        else:
            lists = [v for v in data.values() if isinstance(v, list) and v]
            records = [v for v in lists if all(isinstance(r, dict) for r in v)]
            names = next(
                (data[k] for k in NAME_KEYS if isinstance(data.get(k), list) and data[k]), None
            )
            if len(records) != 1:
                raise UserError("expected a list of records (or an object holding one)", path)
            data = records[0]
    if not isinstance(data, list) or not data:
        raise UserError("expected a list of JSON records, one per sentence", path)
    return "json", list(enumerate(data, start=1)), names


def _first_key(record: dict, keys: tuple[str, ...]) -> str | None:
    return next((k for k in keys if k in record), None)


def read_json_records(
    path: Path, text: str, encoding: str, tag_names: list[str] | None = None
) -> ReadFile:
    """Read a JSON/JSONL NER file (see the module docstring).

    Raises:
        UserError: a record that is not an object, or holds neither layout's keys;
            numeric tags without names.
    """
    fmt, records, file_names = _records(path, text)
    names = tag_names or file_names
    sentences: list[RawSentence] = []
    layout = None
    for row, record in records:
        if not isinstance(record, dict):
            raise UserError("each record must be a JSON object", path, row)
        if _first_key(record, TOKEN_KEYS):
            sentences.append(_token_record(path, row, record, names))
            layout = layout or "tokens"
        elif "text" in record:
            sentences.append(_span_record(row, record))
            layout = layout or "spans"
        else:
            keys = ", ".join(map(str, record))
            raise UserError(
                'a record needs "tokens" and "tags", or "text" and "entities"; this one has '
                f"the keys {keys}"
                if keys
                else 'a record needs "tokens" and "tags", or "text" and "entities"; this one has '
                "no keys",
                path,
                row,
            )
    return ReadFile(path, f"{fmt}-{layout}", encoding, sentences, iob2=layout == "spans")


def _token_record(path: Path, row: int, record: dict, names: list[str] | None) -> RawSentence:
    tokens = record[_first_key(record, TOKEN_KEYS)]
    tag_key = _first_key(record, TAG_KEYS)
    tags = record.get(tag_key) if tag_key else None
    if not isinstance(tokens, list) or not isinstance(tags, list):
        return RawSentence([], [], row, "missing_tag" if tags is None else "length_mismatch")
    words = [str(t) if t is not None else "" for t in tokens]
    named = []
    for tag in tags:
        if isinstance(tag, int) and not isinstance(tag, bool):
            if names is None:
                raise UserError(
                    f"{tag_key} holds numbers; give their names in order with --tag-names "
                    "(e.g. O,B-PER,I-PER,...) or a label list in the file",
                    path,
                    row,
                )
            if not 0 <= tag < len(names):
                raise UserError(
                    f"tag number {tag} has no name (--tag-names has {len(names)})", path, row
                )
            named.append(str(names[tag]))
        else:
            named.append("" if tag is None else str(tag))
    problem = None
    if len(words) != len(named):
        problem = "length_mismatch"
    elif any(not w.strip() for w in words):
        problem = "empty_token"
    elif any(not t.strip() for t in named):
        problem = "missing_tag"
    return RawSentence(words, named, row, problem)


def _entity_triples(entities: Any) -> list[tuple[int, int, str]] | None:
    """``[[s, e, L], ...]`` or ``[{"start", "end", "label"}, ...]`` -> triples; ``None`` when
    an entity is malformed."""
    triples = []
    for entity in entities:
        if isinstance(entity, dict):
            start = entity.get("start", entity.get("start_offset"))
            end = entity.get("end", entity.get("end_offset"))
            label = entity.get("label", entity.get("type"))
        elif isinstance(entity, (list, tuple)) and len(entity) >= 3:
            start, end, label = entity[0], entity[1], entity[2]
        else:
            return None
        if not (isinstance(start, int) and isinstance(end, int) and label):
            return None
        triples.append((start, end, str(label)))
    return triples


def _span_record(row: int, record: dict) -> RawSentence:
    text = record.get("text")
    key = _first_key(record, ENTITY_KEYS)
    entities = record.get(key, []) if key else []
    if not isinstance(text, str) or not isinstance(entities, list):
        return RawSentence([], [], row, "bad_span")
    words = split_words(text)
    tags = [OUTSIDE] * len(words)
    triples = _entity_triples(entities)
    if triples is None:
        return RawSentence([w.text for w in words], tags, row, "bad_span")
    inside_word = 0
    for start, end, label in sorted(triples):
        if not 0 <= start < end <= len(text):
            return RawSentence([w.text for w in words], tags, row, "bad_span")
        covered = [i for i, w in enumerate(words) if w.end > start and w.start < end]
        if not covered:
            return RawSentence([w.text for w in words], tags, row, "bad_span")
        if any(tags[i] != OUTSIDE for i in covered):
            return RawSentence([w.text for w in words], tags, row, "overlapping_entities")
        inside_word += words[covered[0]].start < start or words[covered[-1]].end > end
        for n, i in enumerate(covered):
            tags[i] = ("B-" if n == 0 else "I-") + label
    repairs = {"entity_inside_word": inside_word} if inside_word else {}
    return RawSentence([w.text for w in words], tags, row, None, repairs)
