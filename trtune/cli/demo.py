"""`trtune demo`: the offline end-to-end tour; each part of trtune adds its step here.

It speaks the language of ``--lang`` / ``TRTUNE_LANG`` / the locale, and ends with the
commands to try next on what it wrote (the web page among them).
"""

from __future__ import annotations

import importlib
import json
import time
from pathlib import Path

import typer
from rich.rule import Rule

from trtune.cli.console import cli_lang, console, quiet_transformers
from trtune.data import inspect_file
from trtune.data.samples import SAMPLE_REVIEWS
from trtune.errors import UserError
from trtune.i18n import say
from trtune.run.progress import Reporter

SAMPLE_DATA = SAMPLE_REVIEWS
# (step, module with a ``demo_tour(out_dir, lang, reporter) -> list[Path]`` function)
TOUR = [
    ("learn", "trtune.learn.demo"),
    ("nanogpt", "trtune.nanogpt.demo"),
    ("classify", "trtune.tasks.classify.demo"),
    ("lm", "trtune.tasks.lm.demo"),
]
MESSAGES = {
    "data": {
        "tr": "data: Türkçe yorum dosyasını okumak",
        "en": "data: reading a Turkish review file",
    },
    "learn": {
        "tr": "learn: sıfırdan dikkat (attention) ve kelime vektörleri",
        "en": "learn: attention and embeddings from scratch",
    },
    "nanogpt": {
        "tr": "nanogpt: harfleri sıralayan 85 bin parametreli GPT",
        "en": "nanogpt: the 85k-parameter sorting GPT",
    },
    "classify": {
        "tr": "classify: Türkçe duygu analizi",
        "en": "classify: Turkish sentiment analysis",
    },
    "lm": {
        "tr": "lm: nedensel dil modelini Türkçe talimatlarla ince ayarlamak",
        "en": "lm: fine-tuning a causal LM on Turkish instructions",
    },
    "read": {
        "tr": "{path}: {encoding}, ayırıcı {delimiter!r}, {read} satır okundu, {kept} tutuldu, "
        "etiketler {labels}",
        "en": "{path}: {encoding}, delimiter {delimiter!r}, {read} rows read, {kept} kept, "
        "labels {labels}",
    },
    "seconds": {"tr": "{step}: {seconds:.1f} sn", "en": "{step}: {seconds:.1f} s"},
    "done": {"tr": "bitti", "en": "done"},
    "finished": {
        "tr": "Tur {seconds:.0f} saniyede bitti. Raporlar ve grafikler:",
        "en": "Tour finished in {seconds:.0f} s. Reports and figures:",
    },
    "next": {"tr": "Sırada ne var:", "en": "What to try next:"},
    "serve": {
        "tr": "web sayfası (duygu, dikkat haritası, metin üretimi, nanoGPT), sonra {url} adresini "
        "açın:",
        "en": "the web page (sentiment, attention map, generation, nanoGPT), then open {url}:",
    },
    "predict": {"tr": "kendi cümleniz:", "en": "your own sentence:"},
}
SAMPLE_SENTENCE = "Ürün çok güzel, herkese tavsiye ederim"


def _sample_data() -> Path:
    """The bundled sample reviews of a source checkout."""
    if not SAMPLE_DATA.exists():
        raise UserError("sample data missing: run trtune demo from a source checkout", SAMPLE_DATA)
    return SAMPLE_DATA


def _inspect_step(out: Path, lang: str) -> Path:
    """Read the bundled reviews as every command will, and keep the report."""
    report = inspect_file(_sample_data())
    path = out / "data" / "yorumlar.inspect.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report.to_dict(), ensure_ascii=False, indent=2), "utf-8")
    line = say(
        MESSAGES,
        "read",
        lang,
        path=report.path,
        encoding=report.encoding,
        delimiter=report.delimiter,
        read=report.rows_read,
        kept=report.rows_kept,
        labels=report.label_counts,
    )
    console.print(line, markup=False, soft_wrap=True)
    return path


def _next_commands(out: Path, artefacts: list[Path], lang: str) -> list[str]:
    """The commands to try on what the tour wrote (only those whose folders exist)."""
    folders = {p.parent.parent.name: p.parent for p in artefacts if p.name == "report.html"}
    page = next((p for p in artefacts if p.name.startswith("nanogpt-")), None)
    lines = []
    serve = ["trtune serve"]
    if "classify" in folders:
        serve.append(f"--classifier {folders['classify']}")
    if "lm" in folders:
        serve.append(f"--lm {folders['lm']}")
    if page is not None:
        serve.append(f"--nanogpt-page {page}")
    if len(serve) > 1:
        lines += [
            say(MESSAGES, "serve", lang, url="http://localhost:8000/"),
            "  " + " ".join(serve),
        ]
    if "classify" in folders:
        command = f'trtune classify predict --model {folders["classify"]} "{SAMPLE_SENTENCE}"'
        lines += [say(MESSAGES, "predict", lang), f"  {command}"]
    return lines


def demo(
    out: Path = typer.Option(Path("trtune-demo"), "--out", help="Folder for the tour's reports."),
    lang: str | None = typer.Option(
        None, "--lang", help="Language: tr or en (default: TRTUNE_LANG, else the locale)."
    ),
    skip: list[str] = typer.Option(
        [], "--skip", help="Skip a step by name (learn, nanogpt, classify, lm)."
    ),
) -> None:
    """Run the offline tour of trtune end to end and say where its reports are."""
    lang = cli_lang(lang)
    quiet_transformers()
    start = time.perf_counter()
    out.mkdir(parents=True, exist_ok=True)
    console.print(Rule(say(MESSAGES, "data", lang)))
    artefacts = [_inspect_step(out, lang)]
    for step, module_name in TOUR:
        if step in skip:
            continue
        console.print(Rule(say(MESSAGES, step, lang)))
        step_start = time.perf_counter()
        module = importlib.import_module(module_name)  # lazily: each step loads its libraries
        artefacts += module.demo_tour(out / step, lang=lang, reporter=Reporter(console, lang=lang))
        seconds = time.perf_counter() - step_start
        console.print(say(MESSAGES, "seconds", lang, step=step, seconds=seconds), style="dim")
    console.print(Rule(say(MESSAGES, "done", lang)))
    elapsed = time.perf_counter() - start
    console.print(say(MESSAGES, "finished", lang, seconds=elapsed), markup=False)
    for path in artefacts:
        console.print(f"  {path}", markup=False, soft_wrap=True)
    lines = _next_commands(out, artefacts, lang)
    if lines:
        console.print(say(MESSAGES, "next", lang), markup=False)
        for line in lines:
            console.print(line, markup=False, soft_wrap=True)
