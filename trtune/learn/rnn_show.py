"""``learn rnn``: run the comparison, print its tables, draw its figure, save its numbers.

The figure is drawn on :class:`matplotlib.figure.Figure` directly (no ``pyplot`` state)
and, like the JSON, written to a temporary file first and moved into place.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass
from pathlib import Path

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from rich.console import Console
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from trtune.learn.messages import say
from trtune.learn.rnn_compare import MODEL_NAMES, ModelResult, RnnConfig, compare_models
from trtune.learn.rnn_compare import results_json as _results_json
from trtune.run.outdir import atomic_write_bytes

LABELS = {"rnn": "RNN", "gru": "GRU", "lstm": "LSTM", "transformer": "Transformer"}
COLOURS = {"rnn": "#e03131", "gru": "#f08c00", "lstm": "#2f9e44", "transformer": "#1c7ed6"}
REACH_THRESHOLD = 0.9  # "still recalls" means at least this accuracy


@dataclass(frozen=True)
class RnnLesson:
    """What ``learn rnn`` produced: the results, their JSON, and the files written."""

    results: list[ModelResult]
    payload: dict[str, object]
    plot: Path
    numbers: Path


def reach(result: ModelResult) -> int | None:
    """The longest distance recalled with at least 90 % accuracy, None when there is none."""
    good = [d for d, acc in result.accuracy.items() if acc >= REACH_THRESHOLD]
    return max(good) if good else None


def accuracy_table(results: list[ModelResult], config: RnnConfig, lang: str) -> Table:
    """Test accuracy: one row per model, one column per distance."""
    table = Table()
    table.add_column(say("rnn.model", lang), style="bold")
    table.add_column(say("rnn.params", lang), justify="right")
    for distance in config.distances:
        table.add_column(f"N={distance}", justify="right")
    for r in results:
        cells = [f"{r.accuracy[d]:.2f}" for d in config.distances]
        table.add_row(LABELS[r.name], f"{r.parameters:,}", *cells)
    return table


def steps_table(results: list[ModelResult], config: RnnConfig, lang: str) -> Table:
    """Training steps each model used at each distance (fewer: solved early)."""
    table = Table()
    table.add_column(say("rnn.model", lang), style="bold")
    for distance in config.distances:
        table.add_column(f"N={distance}", justify="right")
    for r in results:
        table.add_row(LABELS[r.name], *(str(r.by_distance[d].steps) for d in config.distances))
    return table


def time_table(results: list[ModelResult], config: RnnConfig, lang: str) -> Table:
    """Milliseconds per training step, one column per sequence length."""
    table = Table()
    table.add_column(say("rnn.model", lang), style="bold")
    for length in config.lengths:
        table.add_column(f"T={length}", justify="right")
    for r in results:
        table.add_row(LABELS[r.name], *(f"{1000 * r.step_seconds[n]:.1f}" for n in config.lengths))
    return table


def summary_lines(results: list[ModelResult], config: RnnConfig, lang: str) -> list[str]:
    """What the tables show, in two sentences computed from them."""
    none = say("rnn.none", lang)
    reaches = ", ".join(f"{LABELS[r.name]} {reach(r) or none}" for r in results)
    short, long = min(config.lengths), max(config.lengths)
    growth = ", ".join(
        f"{LABELS[r.name]} ×{r.step_seconds[long] / r.step_seconds[short]:.1f}" for r in results
    )
    return [
        say("rnn.reach", lang, reach=reaches),
        say("rnn.growth", lang, short=short, long=long, factor=long / short, growth=growth),
        say("rnn.why", lang),
    ]


def plot_comparison(results: list[ModelResult], config: RnnConfig, path: Path, lang: str) -> Path:
    """Accuracy against distance (left) and time per step against length (right), as PNG."""
    fig = Figure(figsize=(11, 4.2))
    left, right = fig.subplots(1, 2)
    chance = 1.0 / config.task.n_symbols
    for r in results:
        style = {"color": COLOURS[r.name], "label": LABELS[r.name], "marker": "o"}
        left.plot(config.distances, [r.accuracy[d] for d in config.distances], **style)
        right.plot(config.lengths, [1000 * r.step_seconds[n] for n in config.lengths], **style)
    left.axhline(chance, color="#868e96", linestyle="--", label=say("rnn.chance", lang))
    left.set_xscale("log")
    left.set_xticks(config.distances, [str(d) for d in config.distances])
    left.minorticks_off()
    left.set_ylim(0, 1.05)
    left.set_xlabel(say("rnn.axis_distance", lang))
    left.set_ylabel(say("rnn.axis_accuracy", lang))
    left.set_title(say("rnn.plot_accuracy", lang))
    right.set_xlabel(say("rnn.axis_length", lang))
    right.set_ylabel(say("rnn.axis_ms", lang))
    right.set_title(say("rnn.plot_time", lang))
    right.set_ylim(bottom=0)
    for ax in (left, right):
        ax.grid(alpha=0.3)
        ax.legend(fontsize=9)
    fig.tight_layout()
    FigureCanvasAgg(fig)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=110)
    return atomic_write_bytes(path, buffer.getvalue())


def rnn_lesson(
    config: RnnConfig,
    out_dir: Path,
    lang: str,
    console: Console | None,
    progress_console: Console | None = None,
) -> RnnLesson:
    """Run both experiments, print the tables, write ``rnn.png`` and ``rnn.json``.

    Args:
        config: the settings (:meth:`RnnConfig.quick` for a short run).
        out_dir: the folder for the figure and the numbers (created).
        lang: ``"tr"`` or ``"en"``.
        console: where the tables go; nothing is printed when None.
        progress_console: where the progress bars go; none when None.

    Returns:
        The results, their JSON and the two paths.
    """
    if console is not None:
        console.rule(say("rnn.title", lang))
        chance = 100.0 / config.task.n_symbols
        console.print(say("rnn.task", lang, symbols=config.task.n_symbols, chance=chance))
    results = _run_with_progress(config, progress_console)
    payload = _results_json(config, results)
    plot = plot_comparison(results, config, out_dir / "rnn.png", lang)
    text = json.dumps(payload, indent=2, ensure_ascii=False) + "\n"
    numbers = atomic_write_bytes(out_dir / "rnn.json", text.encode("utf-8"))
    if console is not None:
        titles = (
            say("rnn.accuracy_title", lang, steps=config.steps),
            say("rnn.steps_title", lang, solved=config.solved_after),
            say("rnn.time_title", lang, batch=config.timing_batch, threads=config.threads),
        )
        tables = (accuracy_table, steps_table, time_table)
        for title, table in zip(titles, tables, strict=True):
            console.print(f"\n[bold]{title}[/]")
            console.print(table(results, config, lang))
        for line in summary_lines(results, config, lang):
            console.print(line)
        console.print(say("rnn.plot", lang, path=plot))
        console.print(say("rnn.numbers", lang, path=numbers))
    return RnnLesson(results, payload, plot, numbers)


def _run_with_progress(config: RnnConfig, console: Console | None) -> list[ModelResult]:
    """:func:`compare_models` with one progress bar per model (one tick per distance)."""
    if console is None:
        return compare_models(config)
    columns = (TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=False) as progress:
        bars = {name: progress.add_task(LABELS[name], total=len(config.distances))
                for name in MODEL_NAMES}  # fmt: skip
        started = dict.fromkeys(MODEL_NAMES, 0)  # distances begun per model

        def on_step(name: str, distance: int, step: int) -> None:
            if step == 1:
                started[name] += 1
                for earlier in MODEL_NAMES[: MODEL_NAMES.index(name)]:  # finished models
                    progress.update(bars[earlier], completed=len(config.distances))
            progress.update(bars[name], completed=started[name] - 1,
                            description=f"{LABELS[name]} N={distance} #{step}")  # fmt: skip

        results = compare_models(config, on_step)
        for name in MODEL_NAMES:
            progress.update(bars[name], completed=len(config.distances))
    return results
