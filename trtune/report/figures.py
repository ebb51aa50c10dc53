"""Matplotlib figures saved as PNG: training curves and a confusion matrix.

Uses :class:`matplotlib.figure.Figure` directly (no ``pyplot``), so no global figure state
and no GUI backend are involved. Every word drawn (title, axis labels, series names) goes
through :func:`figure_text`: with ``lang="tr"`` the English words and titles the tasks use
are drawn in Turkish (:data:`FIGURE_TR`, templates as in :mod:`trtune.error_text`); text
that is Turkish already, or a name such as ``F1``, is drawn as it is.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from pathlib import Path

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from trtune.run.outdir import atomic_write_bytes

FIGURE_TR = {  # English as the tasks write it -> Turkish ({} a field, as in error_text)
    "epoch": "epoch",
    "step": "adım",
    "log step": "kayıt adımı",
    "predicted": "tahmin",
    "true": "gerçek",
    "count": "sayı",
    "train": "eğitim",
    "validation": "doğrulama",
    "baseline": "taban çizgisi",
    "loss": "kayıp",
    "accuracy": "doğruluk",
    "perplexity": "şaşkınlık",
    "cross-entropy": "çapraz entropi",
    "questions": "soru",
    "Accuracy": "Doğruluk",
    "Loss (cross-entropy)": "Kayıp (çapraz entropi)",
    "Confusion matrix (test, {})": "Karışıklık matrisi (test, {})",
    "F1 per test question": "Test sorusu başına F1",
    "Validation F1": "Doğrulama F1",
    "Loss (start + end cross-entropy / 2)": "Kayıp (başlangıç + bitiş çapraz entropisi / 2)",
    "Loss (masked tokens)": "Kayıp (maskeli belirteçler)",
    "activation {}": "aktivasyon {}",
    "tokens per word": "kelime başına belirteç",
    "all words": "tüm kelimeler",
    "apostrophe words": "kesme işaretli kelimeler",
}


def figure_text(text: str, lang: str) -> str:
    """``text`` as drawn in a ``lang`` figure (see the module docstring)."""
    from trtune.error_text import translate

    return translate(text, lang, FIGURE_TR)


def _save(fig: Figure, path: str | Path) -> Path:
    FigureCanvasAgg(fig)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=110, bbox_inches="tight")
    return atomic_write_bytes(path, buffer.getvalue())


def plot_curves(
    series: Mapping[str, Sequence[float]],
    path: str | Path,
    title: str,
    xlabel: str = "epoch",
    ylabel: str = "",
    lang: str = "en",
) -> Path:
    """Plot named series (e.g. ``{"train": [...], "validation": [...]}``) against 1..n.

    Series of different lengths are each drawn over their own 1..len range; empty ones
    are skipped.
    """
    fig = Figure(figsize=(6, 3.6))
    ax = fig.add_subplot()
    for name, values in series.items():
        if len(values) == 0:
            continue
        xs = list(range(1, len(values) + 1))
        marker = "o" if len(values) < 30 else None
        ax.plot(xs, list(values), marker=marker, label=figure_text(name, lang))
    ax.set_title(figure_text(title, lang))
    ax.set_xlabel(figure_text(xlabel, lang))
    ax.set_ylabel(figure_text(ylabel, lang))
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))  # no "epoch 1.2" ticks
    ax.grid(alpha=0.3)
    ax.legend()
    return _save(fig, path)


def plot_steps(
    series: Mapping[str, Sequence[tuple[float, float]]],
    path: str | Path,
    title: str,
    xlabel: str = "step",
    ylabel: str = "",
    lang: str = "en",
) -> Path:
    """Plot named series of ``(x, y)`` points (a loss per step, a validation loss per
    evaluation); a series of a few points is drawn with markers."""
    fig = Figure(figsize=(7, 4))
    ax = fig.add_subplot()
    for name, points in series.items():
        if not points:
            continue
        xs, ys = zip(*points, strict=True)
        ax.plot(
            xs,
            ys,
            marker="o" if len(points) < 30 else None,
            label=figure_text(name, lang),
            alpha=0.6 if len(points) >= 30 else 1.0,
        )
    ax.set_title(figure_text(title, lang))
    ax.set_xlabel(figure_text(xlabel, lang))
    ax.set_ylabel(figure_text(ylabel, lang))
    ax.grid(alpha=0.3)
    ax.legend()
    return _save(fig, path)


def plot_histograms(
    series: Mapping[str, Sequence[float]],
    path: str | Path,
    title: str,
    xlabel: str = "",
    bins: int = 30,
    lang: str = "en",
) -> Path:
    """Overlaid histograms of named series over shared bins (e.g. the lengths of sources,
    references and generated texts); empty series are skipped."""
    fig = Figure(figsize=(6, 3.6))
    ax = fig.add_subplot()
    values = [v for vs in series.values() for v in vs]
    edges = bins if not values else _edges(min(values), max(values), bins)
    for name, data in series.items():
        if len(data) == 0:
            continue
        ax.hist(list(data), bins=edges, alpha=0.5, label=figure_text(name, lang))
    ax.set_title(figure_text(title, lang))
    ax.set_xlabel(figure_text(xlabel, lang))
    ax.set_ylabel(figure_text("count", lang))
    ax.grid(alpha=0.3)
    ax.legend()
    return _save(fig, path)


def _edges(low: float, high: float, bins: int) -> list[float]:
    """Bin edges from ``low`` to ``high``; whole numbers get one bin per value when few."""
    if high <= low:
        return [low - 0.5, low + 0.5]
    if float(low).is_integer() and float(high).is_integer() and high - low < bins:
        return [low - 0.5 + i for i in range(int(high - low) + 2)]
    step = (high - low) / bins
    return [low + i * step for i in range(bins + 1)]


def plot_confusion_matrix(
    matrix: Sequence[Sequence[int]],
    labels: Sequence[str],
    path: str | Path,
    title: str,
    lang: str = "en",
) -> Path:
    """Draw the confusion matrix with counts in the cells (rows: true, columns: predicted)."""
    n = len(labels)
    fig = Figure(figsize=(1.2 * n + 2.5, 1.1 * n + 1.8))
    ax = fig.add_subplot()
    image = ax.imshow(matrix, cmap="Blues")
    fig.colorbar(image, ax=ax, fraction=0.046, pad=0.04)
    ax.set_xticks(range(n), labels=list(labels), rotation=30, ha="right")
    ax.set_yticks(range(n), labels=list(labels))
    ax.set_xlabel(figure_text("predicted", lang))
    ax.set_ylabel(figure_text("true", lang))
    ax.set_title(figure_text(title, lang))
    top = max((max(row) for row in matrix), default=0)
    for i in range(n):
        for j in range(n):
            value = matrix[i][j]
            colour = "white" if top and value > top / 2 else "black"
            ax.text(j, i, str(value), ha="center", va="center", color=colour)
    return _save(fig, path)


def plot_histogram(
    series: Mapping[str, Sequence[float]],
    path: str | Path,
    title: str,
    bins: Sequence[float],
    xlabel: str = "",
    ylabel: str = "count",
    lang: str = "en",
) -> Path:
    """Histograms of named series over the same ``bins``, side by side in each bin."""
    fig = Figure(figsize=(6, 3.6))
    ax = fig.add_subplot()
    names = [name for name, values in series.items() if len(values)]
    labels = [figure_text(name, lang) for name in names]
    ax.hist([list(series[name]) for name in names], bins=list(bins), label=labels)
    ax.set_title(figure_text(title, lang))
    ax.set_xlabel(figure_text(xlabel, lang))
    ax.set_ylabel(figure_text(ylabel, lang))
    ax.grid(alpha=0.3)
    ax.legend()
    return _save(fig, path)
