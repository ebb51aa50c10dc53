"""``learn attention --model``: the attention of a trained encoder as one offline HTML page.

The page (``templates/attention_page.html|css|js``, inlined with the weights as JSON; no
network) has two views of the same numbers:

- the **head view**: the tokens in two columns, queries left and keys right, joined by one
  line per weight of the chosen layer and head (its opacity is the weight); hovering a
  token brings its lines forward, a click pins it (only its lines stay), a second click
  unpins;
- the **model view**: every layer (rows) × head (columns) as a small thumbnail of the same
  drawing; a click opens that layer and head in the head view.

Its text comes from the ``page.*`` sentences of :mod:`trtune.learn.messages`, in the
language of ``--lang`` and switchable on the page. A tiny random test model's page says so.
"""

from __future__ import annotations

import html
import json
import re
from importlib import resources
from pathlib import Path
from typing import Any

from trtune.infer.attention import AttentionMap
from trtune.learn.messages import LANGS, MESSAGES, say
from trtune.run.messages import random_init_notice
from trtune.run.outdir import atomic_write_text

PAGE_PREFIX = "page."
PAGE_DIGITS = 4  # the page draws lines and shows weights to 4 decimals
JSON_DIGITS = 6  # --json


def _template(name: str) -> str:
    return resources.files("trtune.learn").joinpath("templates", name).read_text("utf-8")


def _weights(found: AttentionMap, digits: int) -> list:
    """``[layer][head][query][key]`` rounded to ``digits`` decimals."""
    return found.weights.double().round(decimals=digits).tolist()  # (L, H, T, T)


def attention_json(found: AttentionMap, model: str, text: str) -> dict[str, Any]:
    """What ``learn attention --model --json`` prints: tokens, sizes and every weight."""
    layers, heads = found.weights.shape[:2]
    return {
        "tokens": found.tokens,
        "layers": int(layers),
        "heads": int(heads),
        "attention": _weights(found, JSON_DIGITS),
        "model": model,
        "text": text,
    }


def page_fields(found: AttentionMap, model: str) -> dict[str, object]:
    """The fields every ``page.*`` sentence is formatted with."""
    layers, heads = found.weights.shape[:2]
    return {"model": model, "layers": layers, "heads": heads, "tokens": len(found.tokens)}


def page_strings() -> dict[str, dict[str, str]]:
    """``{lang: {key: sentence}}``: the page's sentences, unformatted, in both languages."""
    page = {key: value for key, value in MESSAGES.items() if key.startswith(PAGE_PREFIX)}
    return {lang: {key: value[lang] for key, value in page.items()} for lang in LANGS}


def page_data(
    found: AttentionMap, model: str, text: str, lang: str, random_init: bool
) -> dict[str, Any]:
    """Everything the page's script reads (JSON-ready)."""
    return {
        **attention_json(found, model, text),
        "attention": _weights(found, PAGE_DIGITS),
        "lang": lang,
        "fields": page_fields(found, model),
        "truncated": found.truncated,
        "strings": page_strings(),
        "notice": {code: random_init_notice(random_init, code) for code in LANGS},
    }


# One pass over the template: a sentence {{page.key}} or a marker __NAME__; what goes in is
# never scanned again, so the user's text or the model's name may contain anything.
_PLACEHOLDER = re.compile(r"\{\{(page\.\w+)\}\}|__([A-Z]+(?:_[A-Z]+)*)__")


def render_page(data: dict[str, Any]) -> str:
    """The HTML text of :func:`page_data`'s data."""
    lang, fields = str(data["lang"]), data["fields"]
    notice = data["notice"][lang]
    # "</script" or "<!--" inside the JSON would end or upset the <script> element: no "<".
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
    values = {
        "CSS": _template("attention_page.css"),
        "JS": _template("attention_page.js"),
        "LANG": lang,
        "NOTICE_HIDDEN": "" if notice else " hidden",
        "NOTICE": html.escape(notice) if notice else "",
        "TRUNCATED_HIDDEN": "" if data["truncated"] else " hidden",
        "MODEL": html.escape(str(data["model"])),
        "TEXT": html.escape(str(data["text"])),
        "DATA": payload,
    }

    def fill(match: re.Match) -> str:
        key, name = match.groups()
        return html.escape(say(key, lang, **fields)) if key else values[name]

    return _PLACEHOLDER.sub(fill, _template("attention_page.html"))


def write_attention_page(
    found: AttentionMap,
    out: str | Path,
    *,
    model: str,
    text: str,
    lang: str,
    random_init: bool = False,
) -> Path:
    """Write the page of ``found`` to ``out`` (atomically).

    Args:
        found: the tokens and weights (:func:`trtune.infer.attention.attention_map`).
        out: the HTML file to write; its folder is created.
        model: the model's name as the user gave it (shown on the page).
        text: the text whose attention it is.
        lang: ``tr`` or ``en``, the language the page opens in.
        random_init: the model is a tiny random test model (the page says so).
    """
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    data = page_data(found, model, text, lang, random_init)
    return atomic_write_text(out, render_page(data))
