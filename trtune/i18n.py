"""One language setting for every command: Turkish or English.

The language is ``--lang`` when given, else ``TRTUNE_LANG``, else the locale (``LC_ALL``,
``LC_MESSAGES``, ``LANG`` starting with ``tr`` means Turkish), else English. Sentences live
in message tables beside the code that shows them (``{key: {"tr": ..., "en": ...}}``, as
``trtune/learn/messages.py``), so a translation sits next to its original;
``tests/test_i18n.py`` checks that every key of every table has both languages with the same
``{fields}``. Plain Python, no imports: the teaching half uses it too.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

LANGS = ("tr", "en")
Table = Mapping[str, Mapping[str, str]]


def resolve_lang(value: str | None = None, environ: Mapping[str, str] | None = None) -> str:
    """The language to speak: ``value``, ``TRTUNE_LANG``, the locale, or English.

    Raises:
        ValueError: ``value`` (or ``TRTUNE_LANG``) names a language other than tr or en.
    """
    environ = os.environ if environ is None else environ
    for candidate in (value, environ.get("TRTUNE_LANG")):
        if candidate:
            lang = candidate.strip().lower()[:2]
            if lang not in LANGS:
                raise ValueError(f"language must be tr or en, got {candidate!r}")
            return lang
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        locale = environ.get(name, "")
        if locale:
            return "tr" if locale.lower().startswith("tr") else "en"
    return "en"


def say(table: Table, key: str, lang: str, **fields: object) -> str:
    """The sentence ``key`` of ``table`` in ``lang``, its ``{fields}`` filled in.

    Raises:
        KeyError: ``key`` is not in the table.
    """
    text = table[key][lang if lang in LANGS else "en"]
    return text.format(**fields) if fields else text
