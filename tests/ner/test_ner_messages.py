"""Every sentence of `trtune ner` exists in Turkish and English, with the same fields, and
the page panel has the same keys in both languages."""

from __future__ import annotations

import re
import string
from pathlib import Path

from trtune.i18n import LANGS, say
from trtune.tasks.ner.messages import MESSAGES

STATIC = Path(__file__).resolve().parents[2] / "trtune" / "serve" / "static"


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_key_has_both_languages_with_the_same_fields():
    for key, texts in MESSAGES.items():
        assert set(texts) == set(LANGS), key
        assert all(texts[lang].strip() for lang in LANGS), key
        assert _fields(texts["tr"]) == _fields(texts["en"]), key
    assert say(MESSAGES, "testing", "tr") == "test ediliyor"


def test_the_panel_strings_have_the_same_keys_in_both_languages():
    script = (STATIC / "ner.js").read_text(encoding="utf-8")
    block = script[script.index("const NER_STRINGS") : script.index("Object.assign")]
    tr, en = block.split("\n  en: {")
    keys = [set(re.findall(r"^\s+(\w+):", part, re.M)) - {"tr"} for part in (tr, en)]
    assert keys[0] == keys[1] and "nerTitle" in keys[0]
    html = (STATIC / "index.html").read_text(encoding="utf-8")
    assert html.index("/static/ner.js") < html.index("/static/app.js")  # listens before init
