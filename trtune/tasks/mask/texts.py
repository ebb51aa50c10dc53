"""Raw Turkish text for masked-LM training: ``.txt`` files, folders of them, or the text
column of any table ``data inspect`` reads; then a seeded split into train, validation and
(optionally) test texts.

A ``.txt`` file gives one text per non-blank line. A table (CSV, TSV, JSON, JSONL, Parquet,
in any encoding the data layer detects) gives its text column: the one named by
``--text-col``, else found by name (``text``, ``yorum``, ``metin``, ...) or content, as every
trtune command finds it; a label column, if any, is ignored. A folder gives every text file
under it. Every file is opened through :mod:`trtune.data.source`, so an unreadable one is
refused with the same one line as everywhere else.

Texts are dropped only for a reason, counted with their first rows: longer than the data
layer's limit, or an exact copy of an earlier text (so that no validation or test text is
also a training text).
"""

from __future__ import annotations

import os
import random
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from trtune.data.columns import check_text_values, choose_columns, is_known_column_name
from trtune.data.delimited import is_no_delimiter
from trtune.data.read import read_table
from trtune.data.source import check_user_file, read_user_text
from trtune.data.validate import MAX_TEXT_CHARS
from trtune.errors import UserError
from trtune.run.record import drop_report

TEXT_SUFFIXES = (".txt", ".text", ".md", "")
DROP_REASONS = ("empty_text", "too_long", "duplicate", "held_out_copy")
FIRST_ROWS = 5
Where = int | str


@dataclass
class RawTexts:
    """Texts read from one or more sources, with where each came from and what was left out.

    Attributes:
        texts: the kept texts, in file order.
        where: the row (``file:row`` for several files) of each kept text.
        files: every file read.
        formats: ``text`` or the table format of each file.
        encodings: the detected encoding of each file.
        rows_read: texts found before dropping.
        drops: reason -> the rows dropped for it.
        warnings: files skipped in folders, and the like.
    """

    texts: list[str] = field(default_factory=list)
    where: list[Where] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    formats: list[str] = field(default_factory=list)
    encodings: list[str] = field(default_factory=list)
    rows_read: int = 0
    drops: dict[str, list[Where]] = field(default_factory=lambda: defaultdict(list))
    warnings: list[str] = field(default_factory=list)

    @property
    def format(self) -> str:
        """The format of the files (``several`` when they differ)."""
        kinds = sorted(set(self.formats))
        return kinds[0] if len(kinds) == 1 else "several"

    def drop_report(self) -> dict:
        """The drop report in :func:`trtune.run.record.drop_report`'s shape."""
        counts = {r: len(self.drops[r]) for r in DROP_REASONS if self.drops.get(r)}
        first = {r: [str(w) for w in self.drops[r][:FIRST_ROWS]] for r in counts}
        return drop_report(len(self.texts), counts, first)


def _lines(path: Path) -> tuple[list[tuple[int, str]], str]:
    """Non-blank lines with their line numbers, and the file's encoding."""
    decoded = read_user_text(path)
    lines = [(n, line.strip()) for n, line in enumerate(decoded.text.splitlines(), 1)]
    return [(n, text) for n, text in lines if text], decoded.encoding


def _table_texts(path: Path, text_col: str | None) -> tuple[list[tuple[int, str]], str, str]:
    """The text column of a table (rows, format, encoding); a file with no delimiter is
    read as lines after a header such as ``yorum``."""
    try:
        table = read_table(path)
    except UserError as exc:
        if not is_no_delimiter(exc):
            raise
        lines, encoding = _lines(path)
        if lines and is_known_column_name(lines[0][1]):
            lines = lines[1:]
        return lines, "text", encoding
    choice = choose_columns(table.columns, table.rows, text_col, None, str(path), need_label=False)
    index = table.columns.index(choice.text)
    rows = [
        (number, row[index].strip() if index < len(row) else "")
        for number, row in zip(table.row_numbers, table.rows, strict=True)
    ]
    check_text_values(choice.text, [t for _, t in rows if t], str(path))
    return rows, table.format, table.encoding


def _folder_files(folder: Path, warnings: list[str]) -> list[Path]:
    """Text files under ``folder`` (not following links to folders), sorted; others named in
    a warning."""
    files, others = [], []
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if name.startswith("."):
                continue
            path = Path(root) / name
            (files if path.suffix.lower() in TEXT_SUFFIXES else others).append(path)
    if others:
        shown = ", ".join(str(p) for p in others[:FIRST_ROWS])
        warnings.append(f"skipped {len(others)} files that are not .txt files: {shown}")
    if not files:
        raise UserError("no text files (.txt) in this folder", file=folder)
    return sorted(files)


def _expand(sources: Sequence[str | Path], warnings: list[str]) -> list[Path]:
    paths: list[Path] = []
    for source in sources:
        path = Path(source)
        if path.is_dir():
            paths += _folder_files(path, warnings)
        else:
            paths.append(check_user_file(path))
    return paths


def _file_rows(path: Path, text_col: str | None) -> tuple[list[tuple[int, str]], str, str]:
    if path.suffix.lower() in TEXT_SUFFIXES:
        lines, encoding = _lines(path)
        return lines, "text", encoding
    return _table_texts(path, text_col)


def read_raw_texts(sources: str | Path | Sequence[str | Path], text_col: str | None = None):
    """Read every source into one list of texts (see the module docstring).

    Args:
        sources: files and folders.
        text_col: the text column of tables (found by name or content when ``None``).

    Returns:
        A :class:`RawTexts`.

    Raises:
        UserError: a source cannot be read, or no text is left.
    """
    sources = [sources] if isinstance(sources, (str, Path)) else list(sources)
    found = RawTexts()
    paths = _expand(sources, found.warnings)
    seen: set[str] = set()
    for path in paths:
        rows, fmt, encoding = _file_rows(path, text_col)
        found.files.append(str(path))
        found.formats.append(fmt)
        found.encodings.append(encoding)
        for row, text in rows:
            where: Where = f"{path.name}:{row}" if len(paths) > 1 else row
            found.rows_read += 1
            reason = _drop_reason(text, seen)
            if reason is not None:
                found.drops[reason].append(where)
                continue
            seen.add(text)
            found.texts.append(text)
            found.where.append(where)
    if not found.texts:
        raise UserError("no text to train on (no non-blank line or text cell)", file=sources[0])
    return found


def _drop_reason(text: str, seen: set[str]) -> str | None:
    if not text:
        return "empty_text"
    if len(text) > MAX_TEXT_CHARS:
        return "too_long"
    if text in seen:
        return "duplicate"
    return None


@dataclass
class TextSplit:
    """The texts of each part."""

    train: list[str]
    validation: list[str]
    test: list[str]

    def sizes(self) -> dict[str, int]:
        """Texts per part."""
        return {
            "train": len(self.train),
            "validation": len(self.validation),
            "test": len(self.test),
        }


def split_texts(
    texts: Sequence[str],
    validation_size: float,
    test_size: float,
    seed: int,
    validation: Sequence[str] | None = None,
    test: Sequence[str] | None = None,
) -> TextSplit:
    """A seeded random split: the test share first, then the validation share of the rest.
    Fixed ``validation``/``test`` texts replace their share.

    Raises:
        UserError: a part would be empty.
    """
    order = list(texts)
    random.Random(seed).shuffle(order)
    n_test = 0 if test is not None else _share(len(order), test_size)
    test_part, rest = (list(test) if test is not None else order[:n_test]), order[n_test:]
    n_val = 0 if validation is not None else _share(len(rest), validation_size)
    val_part = list(validation) if validation is not None else rest[:n_val]
    train = rest[n_val:]
    if not train or not val_part:
        raise UserError(
            f"too few texts: {len(texts)} split into {len(train)} for training and "
            f"{len(val_part)} for validation; both need at least one: add lines"
        )
    return TextSplit(train, val_part, test_part)


def _share(n: int, share: float) -> int:
    """Texts a share of ``n`` takes: at least one when the share is above zero."""
    return 0 if share <= 0 or n < 2 else max(1, round(share * n))


def remove_held_out(train: list[str], held_out: Sequence[str]) -> tuple[list[str], int]:
    """``train`` without texts that are also in a fixed validation or test file."""
    held = set(held_out)
    kept = [t for t in train if t not in held]
    return kept, len(train) - len(kept)
