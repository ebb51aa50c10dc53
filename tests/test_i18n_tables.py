"""Every message table says every sentence in Turkish and English, with the same fields:
a key missing in one language would show English (or a KeyError) to a Turkish user."""

from __future__ import annotations

import importlib
import string
from pathlib import Path

import pytest

import trtune


def _tables() -> list[tuple[str, dict]]:
    root = Path(trtune.__file__).parent
    files = [*sorted(root.rglob("*messages.py")), root / "cli" / "demo.py"]
    files.append(root / "cli" / "help_text.py")  # --help in Turkish
    found = []
    for path in files:
        name = ".".join(("trtune", *path.relative_to(root).with_suffix("").parts))
        module = importlib.import_module(name)
        for attr in ("MESSAGES", "HELP"):
            table = getattr(module, attr, None)
            if isinstance(table, dict):
                found.append((f"{name}.{attr}" if attr != "MESSAGES" else name, table))
    return found


TABLES = _tables()


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_the_tables_are_found():
    names = {name for name, _ in TABLES}
    assert {
        "trtune.tasks.classify.messages",
        "trtune.run.messages",
        "trtune.export.gguf_messages",
    } <= names
    assert "trtune.cli.help_text.HELP" in names
    assert len(names) >= 7


@pytest.mark.parametrize(("module", "table"), TABLES, ids=[name for name, _ in TABLES])
def test_every_key_in_both_languages_with_the_same_fields(module, table):
    for key, sentences in table.items():
        assert set(sentences) == {"tr", "en"}, f"{module}: {key}"
        assert sentences["tr"].strip() and sentences["en"].strip(), f"{module}: {key}"
        assert _fields(sentences["tr"]) == _fields(sentences["en"]), f"{module}: {key}"
