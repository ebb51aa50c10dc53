"""The CLI and the web page call a model's labels by the same names (olumlu/olumsuz/nötr in
Turkish, positive/negative/neutral in English): both read trtune.data.label_names."""

from __future__ import annotations

import json
import re

import pytest
from serve_tiny_models import LABELS

from trtune.cli import main
from trtune.data.label_names import display_label


@pytest.fixture(scope="module")
def page_tables(client) -> tuple[dict, dict]:
    """LABEL_ALIASES and LABEL_NAMES as the page loads them (/labels.js)."""
    script = client.get("/labels.js")
    assert script.status_code == 200 and "javascript" in script.headers["content-type"]
    found = dict(re.findall(r"const (LABEL_\w+) = (\{.*\});", script.text))
    return json.loads(found["LABEL_ALIASES"]), json.loads(found["LABEL_NAMES"])


def _page_name(label: str, lang: str, aliases: dict, names: dict) -> str:
    sentiment = aliases.get(label.lower(), "")  # as app.js's labelName does
    return names[lang][sentiment] if sentiment else label


def test_page_and_cli_name_every_label_alike(page_tables):
    aliases, names = page_tables
    for label in [*LABELS.values(), "olumlu", "Pozitif", "neg", "spor"]:
        for lang in ("tr", "en"):
            assert _page_name(label, lang, aliases, names) == display_label(label, lang)
    assert names["tr"] == {"negative": "olumsuz", "neutral": "nötr", "positive": "olumlu"}


@pytest.mark.parametrize(
    ("lang", "shown"),
    [("tr", {"olumlu", "olumsuz", "nötr"}), ("en", {"positive", "negative", "neutral"})],
)
def test_classify_predict_prints_the_page_names(models, page_tables, capsys, lang, shown):
    main(["classify", "predict", "--model", str(models.classifier), "--lang", lang, "Harika!"])
    label, probabilities = re.match(r"(\S+)\s+\[(.*?)\]", capsys.readouterr().out).groups()
    aliases, names = page_tables
    expected = {_page_name(raw, lang, aliases, names) for raw in LABELS.values()}
    assert expected == shown and label in shown
    assert {part for part in probabilities.split() if part[0].isalpha()} == expected
