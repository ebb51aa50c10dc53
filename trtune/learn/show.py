"""Print the results of ``learn types`` and ``learn embedding`` as rich tables."""

from __future__ import annotations

from pathlib import Path

from rich import box
from rich.console import Console
from rich.table import Table

from trtune.learn.embedding import (
    ENGLISH_CORPUS,
    TURKISH_CORPUS,
    EmbeddingConfig,
    EmbeddingResult,
    plot_embedding,
    train_embedding,
)
from trtune.learn.messages import say
from trtune.learn.train_types import TypeResult


def types_table(results: list[TypeResult], lang: str) -> Table:
    """One row per LLM type: its task, size, held-out accuracy and training time."""
    table = Table(caption="\n".join(say(f"types.{r.name}", lang) for r in results))
    table.add_column(say("types.type", lang), style="bold")
    table.add_column(say("types.task", lang))
    table.add_column(say("types.params", lang), justify="right")
    table.add_column(say("types.accuracy", lang), justify="right")
    table.add_column(say("types.seconds", lang), justify="right")
    for result in results:
        table.add_row(
            say(f"types.name.{result.name}", lang),
            say(f"types.short.{result.name}", lang),
            f"{result.parameters:,}",
            f"{result.accuracy:.3f}",
            f"{result.seconds:.1f}",
        )
    return table


def distance_table(result: EmbeddingResult, lang: str) -> Table:
    """The pairwise distances between the words' embeddings; each row's nearest word is green.

    Columns are numbered (row ``3 harika`` is column 3) so that 12 words fit in 80 columns.
    """
    name = say(f"emb.{result.name}", lang)
    table = Table(
        title=say("emb.distances", lang, name=name),
        title_justify="left",
        box=box.SIMPLE_HEAD,
        show_edge=False,
        padding=0,  # the box puts one space between columns: 12 words fit in 80 columns
    )
    table.add_column(say("emb.word", lang), style="bold", no_wrap=True)
    for j in range(len(result.words)):
        table.add_column(str(j + 1), justify="right", no_wrap=True, min_width=4)
    for i, word in enumerate(result.words):
        nearest = result.words.index(result.nearest(word))
        cells = [
            f"[bold green]{d:.1f}[/]" if j == nearest else f"{d:.1f}"
            for j, d in enumerate(result.distances[i].tolist())
        ]
        table.add_row(f"{i + 1} {word}", *cells)
    return table


def nearest_line(result: EmbeddingResult, lang: str) -> str:
    """Every word with its nearest neighbour and their distance, on one line."""
    pairs = (
        f"{word}→{result.nearest(word)} ({result.distance(word, result.nearest(word)):.2f})"
        for word in result.words
    )
    return f"{say('emb.nearest', lang)}: " + ", ".join(pairs)


def embedding_lesson(
    out_dir: Path, lang: str, console: Console | None, config: EmbeddingConfig | None = None
) -> tuple[list[EmbeddingResult], list[Path]]:
    """Train the English and the Turkish next-word networks, print them and plot them.

    Args:
        out_dir: where ``embedding-english.png`` and ``embedding-turkish.png`` go.
        lang: ``"tr"`` or ``"en"`` for the explanations.
        console: where to print; silent when None.
        config: the training settings (defaults when None).

    Returns:
        The two results (English first) and the two PNG paths.
    """
    config = config or EmbeddingConfig()
    results: list[EmbeddingResult] = []
    paths: list[Path] = []
    if console is not None:
        console.rule(say("emb.title", lang))
        console.print(say("emb.explain", lang))
    for name, corpus in (("english", ENGLISH_CORPUS), ("turkish", TURKISH_CORPUS)):
        result = train_embedding(corpus, name, config)
        title = f"{say('emb.corpus', lang)}: " + " / ".join(corpus)
        path = plot_embedding(result, out_dir / f"embedding-{name}.png", _wrap(title), lang)
        results.append(result)
        paths.append(path)
        if console is not None:
            console.print(f"{say('emb.corpus', lang)}: " + " | ".join(corpus))
            console.print(distance_table(result, lang))
            console.print(nearest_line(result, lang))
            a, b, d = result.closest_pair()
            console.print(say("emb.closest", lang, a=a, b=b, d=d))
            console.print(f"{say('emb.loss', lang)}: {result.final_loss:.4f}")
            console.print(say("emb.plot", lang, path=path))
    return results, paths


def _wrap(text: str, width: int = 60) -> str:
    """Break a long plot title into lines of about ``width`` characters."""
    lines: list[str] = []
    line = ""
    for word in text.split(" "):
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return "\n".join([*lines, line])
