"""NER files in four layouts, told apart by their content (never by the file name):

- **CoNLL**: one token and its tag per line, a blank line between sentences
  (:mod:`trtune.data.conll`);
- **one row per token**: a table (CSV, TSV, ``;`` or ``|``) with a sentence-id column
  (``Sentence #``, ``sentence_id``, ...; the id may stand on a sentence's first token only),
  a word column and a tag column (read by :func:`trtune.data.read_table`: encoding,
  delimiter, quoting, header);
- **JSON/JSONL tokens**: ``{"tokens": [...], "tags": [...]}`` (or ``ner_tags``, numbers
  named by a label list) and **JSON/JSONL spans**: ``{"text": ..., "entities": [[start,
  end, "LABEL"], ...]}`` as annotation tools export them (:mod:`trtune.tasks.ner.jsonl`).

Every layout gives :class:`RawSentence` objects: words, tags as written, the line where the
sentence starts and, when something is wrong with it, the reason it will be dropped for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from trtune.data.conll import looks_like_conll, read_conll
from trtune.data.read import read_table
from trtune.data.source import read_user_text
from trtune.data.turkish import lower
from trtune.errors import UserError
from trtune.tasks.ner.tags import looks_like_tag

SENTENCE_COLUMN = re.compile(r"^(sentence|sent|cümle|cumle)([ _#-]*(id|idx|no|nr|num|#))?$")
WORD_NAMES = ("word", "words", "token", "tokens", "kelime", "sözcük", "sozcuk", "form")
TAG_NAMES = ("tag", "tags", "ner", "ner_tag", "ner_tags", "label", "labels", "etiket", "entity")
DELIMITERS = ("\t", ";", ",", "|")


@dataclass
class RawSentence:
    """One sentence as a file gives it.

    Attributes:
        words: its words (tokens), in order.
        tags: one tag per word as written (any scheme); already IOB2 for span files.
        row: the 1-based line (JSON: record) where it starts.
        problem: the reason it must be dropped (``length_mismatch``, ``missing_tag``, ...).
        repairs: what was repaired while reading it (reason -> count).
    """

    words: list[str]
    tags: list[str]
    row: int
    problem: str | None = None
    repairs: dict[str, int] = field(default_factory=dict)


@dataclass
class ReadFile:
    """What reading one file gave."""

    path: Path
    format: str  # conll, token-table, json-tokens, jsonl-tokens, json-spans, jsonl-spans
    encoding: str
    sentences: list[RawSentence]
    iob2: bool = False  # the tags are IOB2 already (span files)
    columns: dict[str, str] = field(default_factory=dict)  # token tables: role -> column


NOT_NER = (
    "not a NER file: expected CoNLL lines (a token and its tag, a blank line between "
    "sentences), a table with sentence, word and tag columns, or JSON/JSONL records with "
    '"tokens" and "tags" or "text" and "entities"'
)


def read_ner_file(path: str | Path, tag_names: list[str] | None = None) -> ReadFile:
    """Read ``path`` in whichever of the four layouts it is written.

    Args:
        path: the file.
        tag_names: names of numeric ``ner_tags`` in order (else the file's own label list).

    Raises:
        UserError: unreadable, not a NER layout, or unknown columns/keys.
    """
    from trtune.tasks.ner.jsonl import read_json_records

    path = Path(path)
    decoded = read_user_text(path)
    text = decoded.text.lstrip("\ufeff")
    if text.lstrip()[:1] in ("[", "{"):
        return read_json_records(path, text, decoded.encoding, tag_names)
    header = _table_header(text)
    if header is not None:
        return _read_token_table(path, decoded.encoding)
    if looks_like_conll(text, looks_like_tag):
        sentences = [
            RawSentence(s.tokens, s.tags, s.row, "missing_tag" if s.untagged_rows else None)
            for s in read_conll(text)
        ]
        return ReadFile(path, "conll", decoded.encoding, sentences)
    raise UserError(NOT_NER, path)


def looks_like_ner(path: str | Path) -> bool:
    """Whether a file reads as one of the NER layouts (for ``data inspect``)."""
    try:
        text = read_user_text(path).text.lstrip("\ufeff")
    except UserError:
        return False
    head = text.lstrip()[:4000]
    if head[:1] in ("[", "{"):
        return bool(re.search(r'"(tokens|words)"\s*:|"(entities|spans)"\s*:', head))
    return _table_header(text, strict=True) is not None or looks_like_conll(text, looks_like_tag)


def _key(name: str) -> str:
    return lower(name.strip().strip('"').lstrip("\ufeff"))


def _table_header(text: str, strict: bool = False) -> list[str] | None:
    """The header of a one-row-per-token table: three columns or more, one of them a
    sentence id (``strict``: and a word or tag column by name), or ``None``."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    for delimiter in DELIMITERS:
        names = [_key(n) for n in first.split(delimiter)]
        if len(names) < 3 or not any(SENTENCE_COLUMN.match(n) for n in names):
            continue
        if not strict or any(n in WORD_NAMES or n in TAG_NAMES for n in names):
            return names
    return None


def _choose_columns(path: Path, columns: list[str], rows: list[list[str]]) -> dict[str, int]:
    """The sentence, word and tag columns of a token table: by name, the tag column else by
    content (most values look like tags).

    Raises:
        UserError: a role no column fills.
    """
    keys = [_key(c) for c in columns]
    found: dict[str, int] = {}
    for i, key in enumerate(keys):
        if "sentence" not in found and SENTENCE_COLUMN.match(key):
            found["sentence"] = i
        elif "word" not in found and key in WORD_NAMES:
            found["word"] = i
        elif "tag" not in found and key in TAG_NAMES:
            found["tag"] = i
    if "tag" not in found:
        for i in range(len(columns)):
            values = [r[i] for r in rows[:2000] if i < len(r) and r[i]]
            if (
                i not in found.values()
                and values
                and sum(map(looks_like_tag, values)) > 0.9 * len(values)
            ):
                found["tag"] = i
                break
    missing = [role for role in ("sentence", "word", "tag") if role not in found]
    if missing:
        raise UserError(
            f"cannot tell the {' and '.join(missing)} column among {', '.join(columns)}: "
            "name them sentence_id, word and tag",
            path,
        )
    return found


def _read_token_table(path: Path, encoding: str) -> ReadFile:
    """A one-row-per-token table -> sentences (a new sentence where the id changes; an
    empty id continues the sentence before)."""
    table = read_table(path)
    roles = _choose_columns(path, table.columns, table.rows)
    sentences: list[RawSentence] = []
    current_id: str | None = None
    for fields, number in zip(table.rows, table.row_numbers, strict=True):

        def cell(role: str, fields=fields) -> str:
            index = roles[role]
            return fields[index].strip() if index < len(fields) else ""

        sentence_id = cell("sentence")
        if not sentences or (sentence_id and sentence_id != current_id):
            sentences.append(RawSentence([], [], number))
            current_id = sentence_id or current_id
        sentence = sentences[-1]
        word, tag = cell("word"), cell("tag")
        sentence.words.append(word)
        sentence.tags.append(tag)
        if sentence.problem is None and not word:
            sentence.problem = "empty_token"
        if sentence.problem is None and not tag:
            sentence.problem = "missing_tag"
    columns = {role: table.columns[i] for role, i in roles.items()}
    return ReadFile(path, "token-table", table.encoding, sentences, columns=columns)
