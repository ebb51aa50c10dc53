"""The table every reader returns: rows of string fields, with what was detected."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


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
        quote_repairs: rows whose stray opening quote was read as text instead of letting it
            swallow the lines after it.
        unstripped: the fields as written of the rows with more fields than columns (by row
            index), so that joining the surplus back into the text restores it exactly.
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
    quote_repairs: list[int] = field(default_factory=list)
    unstripped: dict[int, list[str]] = field(default_factory=dict)
