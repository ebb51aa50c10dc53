"""Every sentence of the learn commands exists in Turkish and English, with the same fields."""

from __future__ import annotations

import string

import pytest

from trtune.learn.messages import LANGS, MESSAGES, say


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_key_has_both_languages_with_the_same_fields() -> None:
    assert LANGS == ("tr", "en")
    for key, texts in MESSAGES.items():
        assert set(texts) == set(LANGS), key
        assert all(texts[lang].strip() for lang in LANGS), key
        assert _fields(texts["tr"]) == _fields(texts["en"]), key


def test_say_fills_fields_and_refuses_unknown_languages() -> None:
    assert say("rnn.plot", "en", path="x.png") == "Plot written: x.png"
    assert say("rnn.plot", "tr", path="x.png") == "Grafik yazıldı: x.png"
    with pytest.raises(ValueError, match="lang"):
        say("rnn.plot", "de", path="x.png")
