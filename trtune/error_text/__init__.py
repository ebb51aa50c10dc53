"""User errors in the user's language.

A :class:`~trtune.errors.UserError` is raised with an English reason written where the
problem is found (``f"column {name!r} not found"``). Its Turkish lives in one table built
from ``tr_*.py`` (parts by area of the code): the English *template* of the reason, with
``{}`` where the f-string has a field, mapped to the Turkish, with ``{0}``, ``{1}`` (or
``{}`` in the same order) for the same fields. :func:`translate` matches a reason against
the templates and fills the Turkish with the fields it found; a reason no template matches
stays English. ``tests/test_error_text.py`` reads every ``UserError`` in the code (its
f-string, or the constant or function that makes it) and fails when one has no Turkish, so a
new error cannot be added in English only. Imported only when an error is shown in Turkish.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache


def template_pattern(template: str) -> re.Pattern[str]:
    """The regular expression an English template's reasons match (fields: any text)."""
    constants = [part.replace("{{", "{").replace("}}", "}") for part in _split(template)]
    return re.compile("(.*?)".join(re.escape(part) for part in constants), re.S)


def _split(template: str) -> list[str]:
    """The constant parts of a template, around its ``{}`` fields (``{{``/``}}`` are braces)."""
    parts, current, i = [], "", 0
    while i < len(template):
        pair = template[i : i + 2]
        if pair in ("{{", "}}"):
            current += pair
            i += 2
        elif pair == "{}":
            parts.append(current)
            current = ""
            i += 2
        else:
            current += template[i]
            i += 1
    parts.append(current)
    return parts


def turkish_table() -> dict[str, str]:
    """Every English template and its Turkish, from the table's parts (``tr_*.py``)."""
    import importlib
    import pkgutil

    table: dict[str, str] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name.startswith("tr_"):
            table.update(importlib.import_module(f"{__name__}.{info.name}").TR)
    return table


def _ordered(table: Mapping[str, str]) -> list[tuple[re.Pattern[str], str]]:
    """The templates of ``table``, most specific (most constant text) first."""
    ordered = sorted(table, key=lambda t: -len("".join(_split(t))))
    return [(template_pattern(t), table[t]) for t in ordered]


def _fill(text: str, patterns: list[tuple[re.Pattern[str], str]]) -> str:
    """The Turkish of the first template ``text`` matches, its fields filled; else ``text``."""
    for pattern, turkish in patterns:
        match = pattern.fullmatch(text)
        if match:
            return turkish.format(*match.groups())
    return text


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[re.Pattern[str], str]]:
    return _ordered(turkish_table())


def translate(reason: str, lang: str, table: Mapping[str, str] | None = None) -> str:
    """``reason`` in ``lang``: the Turkish of the template it matches, its fields filled in;
    unchanged in English or when no template matches."""
    if lang != "tr":
        return reason
    return _fill(reason, _patterns() if table is None else _ordered(table))


@lru_cache(maxsize=1)
def _warning_patterns() -> list[tuple[re.Pattern[str], str]]:
    from trtune.error_text.warnings_tr import TR

    return _ordered(TR)


def translate_warning(text: str, lang: str) -> str:
    """A warning in ``lang`` (see :mod:`trtune.error_text.warnings_tr`); unchanged in English,
    when it is in Turkish already, or when no template matches."""
    return text if lang != "tr" else _fill(text, _warning_patterns())


__all__ = ["template_pattern", "translate", "translate_warning", "turkish_table"]
