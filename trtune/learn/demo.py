"""The ``learn`` part of ``trtune demo``: attention, embeddings and a quick LLM-types run."""

from __future__ import annotations

import json
from pathlib import Path

from trtune.learn.attention import report_example
from trtune.learn.attention_show import matrix_table
from trtune.learn.messages import say
from trtune.learn.show import embedding_lesson, types_table
from trtune.learn.train_types import TypesConfig, train_all_types
from trtune.run.progress import Reporter, silent_if_none

DEMO_TYPES_STEPS = 120  # enough for >= 0.95 on every type; about 10 s on two busy cores


def demo_tour(
    out_dir: Path, lang: str = "en", reporter: Reporter | None = None, with_types: bool = True
) -> list[Path]:
    """A short offline tour of ``trtune learn``.

    Prints the exact and the scaled attention outputs of the report's example, trains the
    two word-embedding networks and plots them, and (``with_types``) trains the three LLM
    types briefly. Writes ``learn-summary.json`` (all numbers) next to the plots.

    Args:
        out_dir: where the artefacts go (created).
        lang: ``"tr"`` or ``"en"``.
        with_types: also train the three LLM types (about 10-20 s on a laptop CPU).

    Returns:
        The two embedding plots (PNG).
    """
    console = silent_if_none(reporter).rich_console()
    out_dir.mkdir(parents=True, exist_ok=True)
    summary: dict[str, object] = {}

    exact, scaled = report_example(scaled=False), report_example(scaled=True)
    console.rule(say("att.title", lang))
    console.print(matrix_table(say("att.weights", lang), exact.weights, say("att.query", lang)))
    console.print(matrix_table(say("att.outputs", lang), exact.outputs, say("att.output", lang)))
    title = say("att.scores_scaled", lang, d_k=scaled.d_k, root=scaled.d_k**0.5)
    console.print(matrix_table(title, scaled.scores, say("att.query", lang)))
    console.print(matrix_table(say("att.outputs", lang), scaled.outputs, say("att.output", lang)))
    summary["attention"] = {"exact": exact.to_json(), "scaled": scaled.to_json()}

    results, plots = embedding_lesson(out_dir, lang, console)
    summary["embedding"] = {result.name: result.to_json() for result in results}

    if with_types:
        console.rule(say("types.title", lang))
        type_results = train_all_types(TypesConfig(steps=DEMO_TYPES_STEPS), console)
        console.print(types_table(type_results, lang))
        summary["types"] = {result.name: result.accuracy for result in type_results}

    (out_dir / "learn-summary.json").write_text(
        json.dumps(summary, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    return plots
