"""Find the text and label columns of a table and normalise label names.

Columns are found by name first (``review``, ``yorum``, ``metin``, ``görüş`` ... for text;
``label``, ``etiket``, ``durum``, ``sınıf`` ... for labels), then by content: the label
column has a small vocabulary, the text column the longest values.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from trtune.data.turkish import lower
from trtune.errors import UserError

TEXT_NAMES = (
    "text",
    "review",
    "sentence",
    "comment",
    "content",
    "tweet",
    "document",
    "body",
    "yorum",
    "metin",
    "görüş",
    "gorus",
    "cümle",
    "cumle",
    "içerik",
    "icerik",
    "yorumlar",
)
LABEL_NAMES = (
    "label",
    "labels",
    "sentiment",
    "class",
    "category",
    "target",
    "polarity",
    "y",
    "etiket",
    "durum",
    "sınıf",
    "sinif",
    "duygu",
    "kategori",
    "hedef",
)
# Canonical label names; keys are Turkish-lower-cased.
LABEL_SYNONYMS = {
    "olumlu": "positive",
    "pozitif": "positive",
    "positive": "positive",
    "pos": "positive",
    "p": "positive",
    "olumsuz": "negative",
    "negatif": "negative",
    "negative": "negative",
    "neg": "negative",
    "n": "negative",
    "nötr": "neutral",
    "notr": "neutral",
    "nötür": "neutral",
    "tarafsız": "neutral",
    "tarafsiz": "neutral",
    "neutral": "neutral",
    "neu": "neutral",
}
MAX_LABEL_VOCABULARY = 20
_NUMBER = re.compile(r"[+-]?(\d+([.,]\d*)?|[.,]\d+)([eE][+-]?\d+)?")


def _key(name: str) -> str:
    return lower(name.strip().strip('"').lstrip("\ufeff"))


def is_number(value: str) -> bool:
    """True when ``value`` is written as a number (``12``, ``-3.5``, ``0,75``, ``1e-3``)."""
    return _NUMBER.fullmatch(value.strip()) is not None


def is_known_column_name(name: str) -> bool:
    """True when ``name`` is one of the text or label column names we recognise."""
    return _key(name) in TEXT_NAMES or _key(name) in LABEL_NAMES


@dataclass(frozen=True)
class ColumnChoice:
    """Which columns hold the text and the label, and how each was found."""

    text: str
    label: str | None
    how: str


def parse_label_map(spec: str | None) -> dict[str, str]:
    """Parse ``"0=negative,1=positive"`` into ``{"0": "negative", "1": "positive"}``."""
    if not spec:
        return {}
    mapping: dict[str, str] = {}
    for part in spec.split(","):
        if "=" not in part:
            raise UserError(f"--label-map entry {part!r} is not of the form VALUE=NAME")
        value, name = (s.strip() for s in part.split("=", 1))
        if not value or not name:
            raise UserError(f"--label-map entry {part!r} is not of the form VALUE=NAME")
        mapping[value] = name
    return mapping


def normalize_label(value: str, label_map: dict[str, str] | None = None) -> str:
    """Map a raw label to its canonical name; unknown labels are kept as written."""
    value = value.strip()
    if label_map and value in label_map:
        return label_map[value]
    return LABEL_SYNONYMS.get(_key(value), value)


def choose_columns(
    columns: list[str],
    rows: list[list[str]],
    text_col: str | None = None,
    label_col: str | None = None,
    path: str | None = None,
    need_label: bool = True,
) -> ColumnChoice:
    """Pick the text and label columns, by the user's choice, by name, then by content."""
    for wanted, flag in ((text_col, "--text-col"), (label_col, "--label-col")):
        if wanted is not None and wanted not in columns:
            raise UserError(f"{flag} {wanted!r} is not a column (columns: {columns})", path)
    by_key = {_key(c): c for c in columns}
    text = text_col or next((by_key[n] for n in TEXT_NAMES if n in by_key), None)
    label = label_col or next((by_key[n] for n in LABEL_NAMES if n in by_key), None)
    how = "by name" if (text or label) else "by content"
    if label is None and need_label:
        label = _label_by_content(columns, rows, exclude=text)
        how = "by content" if text is None else how
    if text is None:
        text = _text_by_content(columns, rows, exclude=label)
    if text is None:
        raise UserError("could not find a text column; name it with --text-col", path)
    if label is None and need_label:
        raise UserError("could not find a label column; name it with --label-col", path)
    return ColumnChoice(text, label, how)


def _column_values(columns: list[str], rows: list[list[str]], name: str) -> list[str]:
    """Values of a column in the first rows; the last column is each row's last field, since
    a delimiter inside the text adds fields before it (see ``validate._repair``)."""
    index = columns.index(name)
    sample = rows[:: max(1, len(rows) // 2000)]  # spread over the file: it may be sorted
    if index == len(columns) - 1:
        return [r[-1] for r in sample if len(r) >= len(columns)]
    return [r[index] for r in sample if index < len(r)]


def _label_by_content(columns: list[str], rows: list[list[str]], exclude: str | None):
    candidates = []
    for position, name in enumerate(columns):
        if name == exclude:
            continue
        values = [v for v in _column_values(columns, rows, name) if v]
        if not values:
            continue
        vocabulary = Counter(values)
        # A few stray values (a broken row) do not stop a column from being the label.
        top = vocabulary.most_common(MAX_LABEL_VOCABULARY)
        covered = sum(count for _, count in top) / len(values)
        if len(top) >= 2 and covered >= 0.95 and len(vocabulary) < len(values) / 2:
            mean_length = sum(map(len, values)) / len(values)
            candidates.append((mean_length > 30, -position, name))
    # Prefer short values and the last such column (labels usually come last).
    return min(candidates)[2] if candidates else None


def _text_by_content(columns: list[str], rows: list[list[str]], exclude: str | None):
    best, best_length = None, 0.0
    for name in columns:
        if name == exclude:
            continue
        values = _column_values(columns, rows, name)
        if not values:
            continue
        mean_length = sum(map(len, values)) / len(values)
        if mean_length > best_length:
            best, best_length = name, mean_length
    return best


def _some(values: list[str], count: int = 3, width: int = 60) -> str:
    """The first ``count`` distinct values, quoted and cut to ``width`` characters."""
    shown = [v if len(v) <= width else v[: width - 1] + "…" for v in dict.fromkeys(values)]
    return ", ".join(repr(v) for v in shown[:count])


def check_label_values(name: str, values: list[str], path: str | None = None) -> None:
    """Refuse a label column that holds text: many different values, most used once.

    Args:
        name: the column.
        values: its non-empty values, in file order.
        path: the file, for the message.

    Raises:
        UserError: the values are texts (or text fragments), not labels.
    """
    distinct = len(set(values))
    mean_length = sum(map(len, set(values))) / max(distinct, 1)
    many = distinct > MAX_LABEL_VOCABULARY or (distinct >= 5 and mean_length > 30)
    if many and distinct > len(values) / 2:
        raise UserError(
            f"the label column '{name}' holds text, not labels: {distinct} different values "
            f"such as {_some(values)}; choose the columns with --text-col and --label-col",
            path,
        )


def check_text_values(name: str, values: list[str], path: str | None = None) -> None:
    """Refuse a text column that holds numbers, whatever the file format.

    Args:
        name: the column.
        values: its non-empty values, in file order.
        path: the file, for the message.

    Raises:
        UserError: at least 80 % of the values are numbers.
    """
    numbers = [v for v in values if is_number(v)]
    if values and len(numbers) >= 0.8 * len(values):
        shown = ", ".join(numbers[:3]) + (", ..." if len(numbers) > 3 else "")
        raise UserError(
            f"the text column '{name}' holds numbers, not text ({shown}): "
            "name the text column with --text-col",
            path,
        )
