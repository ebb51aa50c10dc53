"""Turkish casing and normalisation.

Python's ``str.lower`` maps ``I`` to ``i`` and ``İ`` to ``i̇`` (i + combining dot); Turkish
maps ``I`` to ``ı`` and ``İ`` to ``i``. The same holds the other way for ``upper``.
"""

from __future__ import annotations

import re
import unicodedata

_LOWER_MAP = str.maketrans({"I": "ı", "İ": "i"})
_UPPER_MAP = str.maketrans({"i": "İ", "ı": "I"})
_SPACES = re.compile(r"\s+")


def lower(text: str) -> str:
    """Lower-case ``text`` with Turkish rules: ``lower("IŞIK İSTANBUL") == "ışık istanbul"``."""
    return text.translate(_LOWER_MAP).lower()


def upper(text: str) -> str:
    """Upper-case ``text`` with Turkish rules: ``upper("ışık istanbul") == "IŞIK İSTANBUL"``."""
    return text.translate(_UPPER_MAP).upper()


def normalize(text: str, *, casefold: bool = False) -> str:
    """Unicode NFC, whitespace runs collapsed to one space, ends stripped.

    Args:
        text: any text.
        casefold: also lower-case with Turkish rules.
    """
    text = _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()
    return lower(text) if casefold else text
