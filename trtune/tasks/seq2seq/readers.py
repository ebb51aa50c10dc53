"""User files -> source-target pairs: two-column TSV/CSV, JSON/JSONL/Parquet column pairs,
and SQuAD JSON turned into question generation (:mod:`trtune.tasks.seq2seq.squad`).

Every file is opened through :mod:`trtune.data` (one opening path, encodings detected).
Delimited files are read without header detection (it knows labelled files): their first
row is a header only when it names known columns (``source``/``target``, ``text``/
``summary``, ``en``/``tr``, ... or the ``--source-col``/``--target-col`` given).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from trtune.data import read_table
from trtune.data.delimited import is_no_delimiter
from trtune.data.source import read_user_text
from trtune.data.table import Table
from trtune.errors import UserError
from trtune.tasks.seq2seq.pairs import Drops, Pair, PairData, keep_clean
from trtune.tasks.seq2seq.squad import is_squad, squad_pairs

# Known column pairs, with the task they say (None: generic).
COLUMN_PAIRS = (
    (("source", "target"), None),
    (("src", "tgt"), None),
    (("input", "output"), None),
    (("input_text", "target_text"), None),
    (("inputs", "targets"), None),
    (("kaynak", "hedef"), None),
    (("text", "summary"), "summarize"),
    (("document", "summary"), "summarize"),
    (("article", "summary"), "summarize"),
    (("article", "highlights"), "summarize"),
    (("content", "summary"), "summarize"),
    (("metin", "özet"), "summarize"),
)
LANGUAGE_NAMES = {
    "english": "en",
    "ingilizce": "en",
    "turkish": "tr",
    "türkçe": "tr",
    "turkce": "tr",
    "german": "de",
    "almanca": "de",
}
LANGUAGE_CODES = {"en", "tr", "de", "fr", "es", "it", "ru", "ar", "nl", "pt", "az", "ku", "fa"}
TURKISH_LETTERS = set("çğıöşüÇĞİÖŞÜ")


@dataclass(frozen=True)
class ReadOptions:
    """What the user said about the files."""

    task: str = "auto"
    direction: str | None = None
    source_col: str | None = None
    target_col: str | None = None
    context_chars: int = 400


def language_of(name: str) -> str | None:
    """``en``/``English``/``ingilizce`` -> ``en``; ``None`` for other column names."""
    key = name.strip().lower()
    if key in LANGUAGE_CODES:
        return key
    return LANGUAGE_NAMES.get(key)


def turkish_share(texts: list[str]) -> float:
    """Share of letters that only Turkish uses (ç ğ ı ö ş ü and capitals) among all letters."""
    letters = turkish = 0
    for text in texts:
        for ch in text:
            if ch.isalpha():
                letters += 1
                turkish += ch in TURKISH_LETTERS
    return turkish / letters if letters else 0.0


def _known_name(name: str, options: ReadOptions) -> bool:
    key = name.strip().lower()
    named = {n.lower() for n in (options.source_col, options.target_col) if n}
    known = {n for pair, _ in COLUMN_PAIRS for n in pair}
    return key in named or key in known or language_of(key) is not None


def read_columns(path: Path, options: ReadOptions) -> Table:
    """The file as a table; a delimited file's first row is a header only when it names
    known columns."""
    try:
        table = read_table(path, header=False)
    except UserError as exc:
        if is_no_delimiter(exc):
            raise UserError(
                "could not find a delimiter (tried , ; tab |): each row needs a source and a "
                "target",
                path,
            ) from None
        raise
    if table.format != "csv" or not table.rows:
        return table
    first = table.rows[0]
    if sum(_known_name(f, options) for f in first[:2]) == 2 or (
        any(_known_name(f, options) for f in first) and len(table.rows) > 1
    ):
        names = [f.strip() or f"column_{i + 1}" for i, f in enumerate(first)]
        table.columns = names + table.columns[len(names) :]
        table.rows, table.row_numbers = table.rows[1:], table.row_numbers[1:]
        table.header = True
    return table


def _column(table: Table, name: str, flag: str) -> int:
    lowered = [c.lower() for c in table.columns]
    if name.lower() not in lowered:
        raise UserError(
            f"{flag} {name!r} is not a column; columns: {', '.join(table.columns)}", table.path
        )
    return lowered.index(name.lower())


def _language_columns(table: Table, options: ReadOptions) -> tuple[int, int, str] | None:
    """Source and target columns named by language (``en``, ``tr``, ``English``...)."""
    languages = {language_of(c): i for i, c in enumerate(table.columns) if language_of(c)}
    if len(languages) < 2:
        return None
    direction = options.direction or ("en-tr" if {"en", "tr"} <= set(languages) else None)
    if direction is None:
        raise UserError(
            f"columns {', '.join(table.columns)} name languages: say which way with "
            "--direction SRC-TGT (e.g. en-tr)",
            table.path,
        )
    src, tgt = direction.split("-")
    if src not in languages or tgt not in languages:
        raise UserError(
            f"--direction {direction}: the file has columns {', '.join(table.columns)}",
            table.path,
        )
    return languages[src], languages[tgt], direction


def _two_columns(table: Table, options: ReadOptions, notes: list[str]) -> tuple[int, int, str]:
    """A file without known names: its first two columns; for a translation direction with
    Turkish on one side, the Turkish column is the one with Turkish letters."""
    if len(table.columns) < 2:
        raise UserError("need two columns (source and target); found one", table.path)
    if len(table.columns) > 2:
        notes.append(f"{len(table.columns)} columns: the first two are source and target")
    direction = options.direction or ("en-tr" if options.task == "translate" else None)
    if direction is None or "tr" not in direction.split("-"):
        return 0, 1, direction or ""
    sample = table.rows[:: max(1, len(table.rows) // 2000)]
    shares = [turkish_share([r[i] for r in sample if len(r) > i]) for i in (0, 1)]
    turkish = 0 if shares[0] > shares[1] else 1
    if max(shares) < 0.01 or min(shares) * 3 > max(shares):
        notes.append("no column stands out as Turkish: the file's order is kept")
        turkish = 1 if direction.endswith("-tr") else 0
    else:
        notes.append(f"column {turkish + 1} is Turkish (by its letters)")
    source = turkish if direction.startswith("tr-") else 1 - turkish
    return source, 1 - source, direction


def choose_columns(
    table: Table, options: ReadOptions, notes: list[str]
) -> tuple[int, int, str | None, str | None]:
    """Source column, target column, the task the names say and the direction."""
    if options.source_col or options.target_col:
        if not (options.source_col and options.target_col):
            raise UserError("give both --source-col and --target-col", table.path)
        source = _column(table, options.source_col, "--source-col")
        target = _column(table, options.target_col, "--target-col")
        return source, target, None, options.direction
    lowered = [c.lower() for c in table.columns]
    for (src, tgt), task in COLUMN_PAIRS:
        if src in lowered and tgt in lowered:
            return lowered.index(src), lowered.index(tgt), task, options.direction
    found = _language_columns(table, options)
    if found is not None:
        return found[0], found[1], "translate", found[2]
    if table.header and table.format == "csv" and len(table.columns) > 2:
        raise UserError(
            f"cannot tell the source and target columns among {', '.join(table.columns)}: "
            "pass --source-col and --target-col",
            table.path,
        )
    if table.format != "csv":
        raise UserError(
            f"no source/target columns among {', '.join(table.columns)} (known pairs: "
            "source/target, text/summary, document/summary, en/tr): pass --source-col and "
            "--target-col",
            table.path,
        )
    source, target, direction = _two_columns(table, options, notes)
    task = "translate" if direction else None
    return source, target, task, direction or None


def table_pairs(path: Path, options: ReadOptions) -> PairData:
    """Pairs from a delimited, JSON, JSONL or Parquet file."""
    table = read_columns(path, options)
    notes: list[str] = []
    source, target, task, direction = choose_columns(table, options, notes)
    pairs, drops = [], Drops()
    for fields, row in zip(table.rows, table.row_numbers, strict=True):
        if len(fields) <= max(source, target):
            drops.add("missing_field", row)
            continue
        src, tgt = fields[source].strip(), fields[target].strip()
        pairs.append(Pair(src, tgt, row, group=" ".join(src.split())))
    columns = (table.columns[source], table.columns[target])
    data = PairData(pairs, task, direction, table.format, columns, drops, notes, [str(path)])
    data.rows_read = len(table.rows)
    return data


def read_pairs(path: str | Path, options: ReadOptions) -> PairData:
    """The pairs of one file (SQuAD JSON or a table), cleaned: empty sides, over-long
    texts and repeated pairs dropped and counted."""
    path = Path(path)
    data = _squad_or_none(path, options)
    if data is None:
        data = table_pairs(path, options)
    if not data.pairs and not data.drops.counts:
        raise UserError("the file holds no pairs", path)
    data.pairs = keep_clean(data.pairs, data.drops)
    return data


def _squad_or_none(path: Path, options: ReadOptions) -> PairData | None:
    """A SQuAD file's question-generation pairs, or ``None`` for any other file."""
    if path.suffix.lower() != ".json":
        return None
    text = read_user_text(path).text
    if not text.lstrip().startswith("{"):
        return None
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UserError(f"invalid JSON: {exc.msg}", path, exc.lineno) from None
    if not is_squad(value):
        return None
    pairs, drops, rows = squad_pairs(value, options.context_chars)
    data = PairData(pairs, "question-generation", None, "squad", None, drops, paths=[str(path)])
    data.rows_read = rows
    return data


def read_all(paths: list[str], options: ReadOptions) -> PairData:
    """The pairs of several files, read with the same options (their tasks must agree)."""
    parts = [read_pairs(p, options) for p in paths]
    first = parts[0]
    for part in parts[1:]:
        if part.task != first.task and None not in (part.task, first.task):
            raise UserError(
                f"the files hold different tasks ({first.task}, {part.task})", part.paths[0]
            )
        first.pairs += part.pairs
        first.drops.merge(part.drops)
        first.notes += part.notes
        first.paths += part.paths
        first.rows_read += part.rows_read
        first.task = first.task or part.task
    if len(parts) > 1:  # a pair repeated across files
        first.pairs = keep_clean(first.pairs, first.drops)
    return first


def load_sources(path: str | Path, source_col: str | None = None) -> list[str]:
    """Sources to generate for: one per line of a text file, or the source column of a
    table (``--source-col``, else a known source name such as ``source``, ``text``, ``en``).

    Raises:
        UserError: unreadable file, or a table without a recognisable source column.
    """
    path = Path(path)
    if path.suffix.lower() in (".txt", ""):
        return [line.strip() for line in read_user_text(path).text.splitlines() if line.strip()]
    table = read_columns(path, ReadOptions(source_col=source_col))
    lowered = [c.lower() for c in table.columns]
    if source_col:
        index = _column(table, source_col, "--source-col")
    else:
        names = [src for (src, _), _ in COLUMN_PAIRS] + ["en"]
        index = next((lowered.index(n) for n in names if n in lowered), 0)
    return [r[index].strip() for r in table.rows if len(r) > index and r[index].strip()]
