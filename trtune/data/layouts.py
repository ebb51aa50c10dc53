"""Labelled data from several places: ``FILE:LABEL``, label folders, several tables at once.

Many Turkish data sets come as one file per label (``pozitif.txt`` + ``negatif.txt``, one
text per line, often in Windows-1254) or as a folder with one sub-folder per label (one text
per file). A folder is read as such a layout: each ``.txt`` file (or file without a suffix)
is a label named by the file, each sub-folder a label named by the folder. Every source
gives candidate examples with its entry in the report; :mod:`trtune.data.labeled` then
finds conflicting labels and duplicates across all of them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from trtune.data.columns import (
    check_text_values,
    choose_columns,
    is_known_column_name,
    normalize_label,
)
from trtune.data.encoding import EMPTY_FILE
from trtune.data.read import read_table
from trtune.data.source import read_user_text
from trtune.data.validate import Example, Where, candidate_example, table_candidates
from trtune.errors import UserError

SPLIT_NAMES = frozenset({"train", "test", "dev", "val", "valid", "validation", "eval"})
TABLE_SUFFIXES = frozenset({".csv", ".tsv", ".json", ".jsonl", ".parquet", ".xlsx", ".xls"})
TEXT_SUFFIXES = frozenset({".txt", ".text", ""})
NOT_DATA = frozenset({"readme", "license", "licence", "copying", "notice", "authors"})
SHOWN = 5


@dataclass
class Source:
    """One place examples come from.

    Attributes:
        path: a file (one text per line, or a table) or a folder (one text per file).
        label: the label of every text in it; None for a table with its own label column.
        name: how reports name it (``name:row``).
        files: a folder's text files.
    """

    path: Path
    label: str | None
    name: str
    files: list[Path] = field(default_factory=list)


def parse_spec(spec: str | Path) -> tuple[Path, str | None]:
    """``FILE:LABEL`` -> ``(FILE, LABEL)``; a path that exists as written -> ``(path, None)``."""
    text = str(spec)
    if ":" in text and not os.path.lexists(text):
        head, label = text.rsplit(":", 1)
        if head and label.strip() and not {"/", "\\"} & set(label):
            return Path(head), label.strip()
    return Path(text), None


def _skipped(paths: list[Path], one: str, many: str) -> str:
    """A warning naming the first few files left out: ``one``/``many`` say what they are."""
    shown = ", ".join(str(p) for p in paths[:SHOWN]) + (", ..." if len(paths) > SHOWN else "")
    if len(paths) == 1:
        return f"skipped 1 file that is {one}: {shown}"
    return f"skipped {len(paths)} files that are {many}: {shown}"


def _text_files(folder: Path, warnings: list[str]) -> list[Path]:
    """The text files directly in ``folder`` (one text each); others are named in a warning."""
    entries = sorted(p for p in folder.iterdir() if not p.name.startswith("."))
    files = [p for p in entries if not p.is_dir() and p.suffix.lower() in TEXT_SUFFIXES]
    others = [p for p in entries if p not in files]
    if others:
        warnings.append(_skipped(others, "not a text file", "not text files"))
    return files


def _refuse_split_names(folder: Path, labels: list[str]) -> None:
    splits = sorted(repr(label) for label in labels if label.lower() in SPLIT_NAMES)
    if splits:
        what = "looks like a split name, not a label"
        if len(splits) > 1:
            what = "look like split names, not labels"
        names = ", ".join(splits[:-1]) + " and " + splits[-1] if len(splits) > 1 else splits[0]
        raise UserError(f"{names} {what}: pass a labelled table with --data FILE", folder)


def folder_sources(folder: Path, warnings: list[str]) -> list[Source]:
    """One source per label file (``pozitif.txt``) or label sub-folder (``olumlu/``).

    Raises:
        UserError: the folder holds data tables or split files, or no label files.
    """
    entries = sorted(p for p in folder.iterdir() if not p.name.startswith("."))
    tables = [p.name for p in entries if p.is_file() and p.suffix.lower() in TABLE_SUFFIXES]
    if tables:
        raise UserError(
            f"this folder holds data tables ({', '.join(tables)}), not one file per label: "
            "pass a table with --data FILE, or label files with --data FILE:LABEL",
            folder,
        )
    sources, skipped = [], []
    for entry in entries:
        if entry.is_dir():
            files = _text_files(entry, warnings)
            sources.append(Source(entry, entry.name, entry.name, files))
        elif entry.suffix.lower() in TEXT_SUFFIXES and entry.stem.lower() not in NOT_DATA:
            sources.append(Source(entry, entry.stem, entry.name))
        else:
            skipped.append(entry)
    if skipped:
        warnings.append(_skipped(skipped, "not a label file", "not label files"))
    if not sources:
        raise UserError(
            "no label files in this folder: put one .txt file (one text per line) or one "
            "sub-folder (one text per file) per label",
            folder,
        )
    _refuse_split_names(folder, [s.label for s in sources if s.label is not None])
    return sources


def expand_sources(specs: list[str | Path], warnings: list[str]) -> list[Source]:
    """Turn ``--data`` values (files, folders, ``FILE:LABEL``) into sources."""
    sources = []
    for spec in specs:
        path, label = parse_spec(spec)
        if label is None and path.is_dir():
            sources.extend(folder_sources(path, warnings))
        elif path.is_dir():  # FOLDER:LABEL: every text file in it, one text each
            sources.append(Source(path, label, str(path), _text_files(path, warnings)))
        else:
            sources.append(Source(path, label, str(path)))
    return sources


def _line_rows(path: Path, text_col: str | None) -> tuple[list[tuple[int, str]], str]:
    """``(row, text)`` of a one-text-per-line file (after a header such as ``yorum``) and its
    encoding; a JSON, JSONL or Parquet file gives its text column."""
    if path.suffix.lower() in (".json", ".jsonl", ".parquet"):
        table = read_table(path)
        choice = choose_columns(table.columns, table.rows, text_col, None, str(path), False)
        i = table.columns.index(choice.text)
        rows = [(n, r[i].strip()) for n, r in zip(table.row_numbers, table.rows, strict=True)]
        check_text_values(choice.text, [text for _, text in rows if text], str(path))
        return rows, table.encoding
    decoded = read_user_text(path)
    rows = [
        (n, line.strip()) for n, line in enumerate(decoded.text.splitlines(), 1) if line.strip()
    ]
    if rows and is_known_column_name(rows[0][1]):
        rows = rows[1:]
    return rows, decoded.encoding


def _file_rows(source: Source) -> tuple[list[tuple[str, str]], list[str]]:
    """``(where, text)`` of a folder's files, one text each; an empty file is an empty text."""
    rows, encodings = [], []
    for path in source.files:
        try:
            decoded = read_user_text(path)
        except UserError as exc:
            if exc.reason != EMPTY_FILE:
                raise
            rows.append((f"{source.name}/{path.name}:1", ""))
            continue
        rows.append((f"{source.name}/{path.name}:1", decoded.text.strip()))
        encodings.append(decoded.encoding)
    return rows, encodings


def source_candidates(
    source: Source,
    text_col: str | None,
    label_col: str | None,
    label_map: dict[str, str] | None,
    max_chars: int,
    drops: dict,
    repairs: dict,
) -> tuple[list[tuple[Example, Where]], dict]:
    """The candidate examples of one source (drops and repairs counted into the dicts given)
    and the source's entry in the report's ``sources``."""
    label = None if source.label is None else normalize_label(source.label, label_map)
    entry: dict = {"path": str(source.path), "label": label}
    if source.label is None:  # a table with its own label column
        table = read_table(source.path)
        found, _ = table_candidates(
            table, text_col, label_col, label_map, max_chars, drops, repairs, source.name
        )
        entry.update(format=table.format, encoding=table.encoding, rows_read=len(table.rows))
        return found, entry
    if source.files or source.path.is_dir():
        where_texts, encodings = _file_rows(source)
        rows = [(1, where, text) for where, text in where_texts]
        entry.update(files=len(source.files), encoding=", ".join(dict.fromkeys(encodings)))
    else:
        line_rows, encoding = _line_rows(source.path, text_col)
        rows = [(n, f"{source.name}:{n}", text) for n, text in line_rows]
        entry.update(encoding=encoding)
    entry["rows_read"] = len(rows)
    found = []
    for row, where, text in rows:
        example = candidate_example(text, source.label, row, where, drops, label_map, max_chars)
        if example is not None:
            found.append((example, where))
    return found, entry
