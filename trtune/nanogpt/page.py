"""The self-contained visualisation page: one forward pass of the sort model, in 2-D.

The page is one HTML file: our own CSS and JavaScript inlined from ``templates/``, the
trace (:mod:`trtune.nanogpt.trace`) embedded as JSON; it needs no network. Each section has
an id (``sec-tokens``, ``sec-embedding``, ... ``sec-generation``) so tests can find it.
"""

from __future__ import annotations

import json
import os
from importlib import resources
from pathlib import Path

from trtune.errors import UserError
from trtune.nanogpt import sort
from trtune.nanogpt.hf import load_pretrained
from trtune.nanogpt.model import GPT
from trtune.nanogpt.page_strings import STRINGS
from trtune.nanogpt.trace import to_jsonable, trace_forward, trace_generation

SECTION_IDS = (
    "sec-tokens", "sec-embedding", "sec-layernorm", "sec-qkv", "sec-scores", "sec-softmax",
    "sec-heads", "sec-mlp", "sec-stream", "sec-output", "sec-generation",
)  # fmt: skip


def _template(name: str) -> str:
    return resources.files("trtune.nanogpt").joinpath("templates", name).read_text("utf-8")


def page_data(model: GPT, sequence: str, lang: str = "tr") -> dict:
    """Everything the page shows, as JSON-ready data (the trace, generation, strings)."""
    digits, _ = sort.parse_sequence(sequence)
    generation = trace_generation(model, digits, sort.LENGTH)
    output = sort.format_sequence([g["chosen"] for g in generation])
    return {
        "lang": lang,
        "strings": STRINGS[lang],
        "alphabet": sort.LETTERS,
        "tokens": list(sort.format_sequence(digits)),
        "output": output,
        "config": model.config.to_dict(),
        "params": model.num_params(),
        "trace": to_jsonable(trace_forward(model, digits)),
        "generation": to_jsonable(generation),
    }


def render_page(data: dict) -> str:
    """The HTML text for :func:`page_data`'s data."""
    # "</" inside the JSON would end the <script> element early.
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    html = _template("page.html")
    for key, value in (
        ("__TITLE__", data["strings"]["page_title"]),
        ("__LANG__", data["lang"]),
        ("__CSS__", _template("page.css")),
        ("__JS__", _template("page.js")),
        ("__DATA__", payload),  # last: the data may contain anything
    ):
        html = html.replace(key, value, 1)
    return html


def write_page(sequence: str, model_dir: str | Path, out: str | Path, lang: str = "tr") -> Path:
    """Trace ``sequence`` through the model in ``model_dir`` and write the page to ``out``.

    Raises:
        UserError: unknown language, bad sequence or missing model.
    """
    if lang not in STRINGS:
        raise UserError(f"--lang must be one of {', '.join(STRINGS)}, got {lang!r}")
    sort.parse_sequence(sequence)
    model = load_pretrained(model_dir)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_text(render_page(page_data(model, sequence, lang)), encoding="utf-8")
    os.replace(tmp, out)
    return out
