"""`trtune demo`: the offline end-to-end tour; each part of trtune adds its step here."""

from __future__ import annotations

import importlib
import json
import time
from pathlib import Path

import typer
from rich.rule import Rule

from trtune.cli.console import console
from trtune.data import inspect_file
from trtune.errors import UserError
from trtune.run.progress import Reporter

SAMPLE_DATA = Path(__file__).resolve().parents[2] / "examples" / "data" / "yorumlar.csv"
# ({lang: title}, module with a ``demo_tour(out_dir, lang) -> list[Path]`` function)
TOUR = [
    (
        {
            "en": "learn: attention and embeddings from scratch",
            "tr": "learn: sıfırdan dikkat (attention) ve kelime vektörleri",
        },
        "trtune.learn.demo",
    ),
    (
        {
            "en": "nanogpt: the 85k-parameter sorting GPT",
            "tr": "nanogpt: harfleri sıralayan 85 bin parametreli GPT",
        },
        "trtune.nanogpt.demo",
    ),
    (
        {"en": "classify: Turkish sentiment analysis", "tr": "classify: Türkçe duygu analizi"},
        "trtune.tasks.classify.demo",
    ),
    (
        {
            "en": "lm: fine-tuning a causal LM on Turkish instructions",
            "tr": "lm: nedensel dil modelini Türkçe talimatlarla ince ayarlamak",
        },
        "trtune.tasks.lm.demo",
    ),
]
DATA_TITLE = {
    "en": "data: reading a Turkish review file",
    "tr": "data: Türkçe yorum dosyasını okumak",
}
DONE = {"en": "done", "tr": "bitti"}


def _sample_data() -> Path:
    """The bundled sample reviews of a source checkout."""
    if not SAMPLE_DATA.exists():
        raise UserError("sample data missing: run trtune demo from a source checkout", SAMPLE_DATA)
    return SAMPLE_DATA


def demo(
    out: Path = typer.Option(Path("trtune-demo"), "--out", help="Folder for the tour's reports."),
    lang: str = typer.Option("en", "--lang", help="Language of the teaching steps: tr or en."),
    skip: list[str] = typer.Option(
        [], "--skip", help="Skip a step by name (learn, nanogpt, classify, lm)."
    ),
) -> None:
    """Run the offline tour of trtune end to end and say where its reports are."""
    start = time.perf_counter()
    out.mkdir(parents=True, exist_ok=True)
    artefacts: list[Path] = []

    titles = "tr" if lang == "tr" else "en"
    console.print(Rule(DATA_TITLE[titles]))
    report = inspect_file(_sample_data())
    data_report = out / "data" / "yorumlar.inspect.json"
    data_report.parent.mkdir(parents=True, exist_ok=True)
    data_report.write_text(json.dumps(report.to_dict(), ensure_ascii=False, indent=2), "utf-8")
    artefacts.append(data_report)
    console.print(
        f"{report.path}: {report.encoding}, delimiter {report.delimiter!r}, "
        f"{report.rows_read} rows read, {report.rows_kept} kept, labels {report.label_counts}"
    )
    for title, module_name in TOUR:
        title = title[titles]
        step = module_name.rsplit(".", 2)[-2]
        if step in skip:
            continue
        module = importlib.import_module(module_name)
        console.print(Rule(title))
        step_start = time.perf_counter()
        artefacts += module.demo_tour(out / step, lang=lang, reporter=Reporter(console))
        console.print(f"[dim]{step}: {time.perf_counter() - step_start:.1f} s[/dim]")

    console.print(Rule(DONE[titles]))
    console.print(f"Tour finished in {time.perf_counter() - start:.0f} s. Reports and figures:")
    for path in artefacts:
        console.print(f"  {path}")
    if not artefacts:
        console.print(f"  (none yet) output folder: {out.resolve()}")
