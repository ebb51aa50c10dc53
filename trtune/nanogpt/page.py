"""The self-contained visualisation page: a trained GPT that runs in the browser.

The page is one HTML file: our CSS and JavaScript inlined from ``templates/``, the model's
weights (:mod:`trtune.nanogpt.page_model`) and both language tables embedded as JSON; it
needs no network and opens from disk. Its JavaScript repeats the forward pass of
:mod:`trtune.nanogpt.model` (the same steps :mod:`trtune.nanogpt.trace` records), so the
reader can type any input and see every number recomputed. A few of PyTorch's numbers for
the default input travel along, and the page shows how far its own numbers are from them.

Each section has an id (``sec-tokens``, ``sec-embedding``, ... ``sec-generation``); the
input box is ``#sequence`` and the model's output ``#generated``.
"""

from __future__ import annotations

import json
import os
from importlib import resources
from pathlib import Path

import torch

from trtune.errors import UserError
from trtune.nanogpt import sort
from trtune.nanogpt.page_model import PageModel, load_page_model, pack_weights
from trtune.nanogpt.page_notes import NOTES
from trtune.nanogpt.page_strings import STRINGS
from trtune.nanogpt.trace import to_jsonable, trace_forward, trace_generation

SECTION_IDS = (
    "sec-tokens", "sec-embedding", "sec-layernorm", "sec-qkv", "sec-scores", "sec-softmax",
    "sec-heads", "sec-mlp", "sec-stream", "sec-output", "sec-generation",
)  # fmt: skip
# The page's scripts, inlined in this order into one <script>; page.js starts the page.
SCRIPTS = (
    "model.js", "palette.js", "grid.js", "notes.js", "stages_attention.js", "stages_output.js",
    "map.js", "page.js",
)  # fmt: skip


def _template(name: str) -> str:
    return resources.files("trtune.nanogpt").joinpath("templates", name).read_text("utf-8")


def reference_numbers(page_model: PageModel, text: str) -> dict[str, object]:
    """PyTorch's numbers for one input, for the page's self-check.

    Sort: the 11-token context the page draws (input + first five answers), its logits
    and the greedy answer. Text: the prompt's logits.
    """
    model, idx = page_model.model, page_model.encode(text)
    if page_model.kind == "sort":
        answer = [g["chosen"] for g in trace_generation(model, idx, sort.LENGTH)]
        context = (idx + answer)[: sort.BLOCK_SIZE]
        logits = trace_forward(model, context)["logits"]
        return {"input": text, "context": context, "answer": answer,
                "logits": to_jsonable(logits, digits=7)}  # fmt: skip
    with torch.no_grad():
        logits = model(torch.tensor([idx]))[0][0]  # (T, V)
    return {"input": text, "context": idx, "logits": to_jsonable(logits, digits=7)}


def page_data(page_model: PageModel, text: str, lang: str = "tr") -> dict[str, object]:
    """Everything the page needs, as JSON-ready data.

    Args:
        page_model: the model, its kind and vocabulary.
        text: the input shown first (six letters, or a prompt).
        lang: the language the page opens in (both are embedded).
    """
    model = page_model.model
    return {
        "kind": page_model.kind,
        "lang": lang,
        "strings": STRINGS,
        "notes": NOTES,
        "vocab": page_model.vocab,
        "input": text,
        "config": model.config.to_dict(),
        "params": model.num_params(),
        "weights": pack_weights(model),
        "reference": reference_numbers(page_model, text),
    }


def render_page(data: dict[str, object]) -> str:
    """The HTML text for :func:`page_data`'s data."""
    # "</" inside the JSON would end the <script> element early.
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    strings = STRINGS[str(data["lang"])]
    html = _template("page.html")
    for key, value in (
        ("__TITLE__", strings[f"page_title_{data['kind']}"]),
        ("__LANG__", str(data["lang"])),
        ("__CSS__", _template("page.css")),
        ("__JS__", "\n".join(_template(name) for name in SCRIPTS)),
        ("__DATA__", payload),  # last: the data may contain anything
    ):
        html = html.replace(key, value, 1)
    return html


def write_page(
    sequence: str | None, model_dir: str | Path, out: str | Path, lang: str = "tr"
) -> Path:
    """Write the page for the model in ``model_dir`` to ``out``, opening on ``sequence``.

    Args:
        sequence: the first input: six letters for a sort model, a prompt for a text
            model; None picks :meth:`PageModel.default_input`.
        model_dir: a folder written by ``nanogpt train`` (sort or ``--text``).
        out: the HTML file to write (atomically).
        lang: ``tr`` or ``en``.

    Raises:
        UserError: unknown language, bad input or missing model.
    """
    if lang not in STRINGS:
        raise UserError(f"--lang must be one of {', '.join(STRINGS)}, got {lang!r}")
    page_model = load_page_model(model_dir)
    text = page_model.default_input() if sequence is None else sequence
    page_model.encode(text)  # a bad input stops here, with a one-line error
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_text(render_page(page_data(page_model, text, lang)), encoding="utf-8")
    os.replace(tmp, out)
    return out
