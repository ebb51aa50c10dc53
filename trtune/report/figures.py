"""Matplotlib figures saved as PNG: training curves and a confusion matrix.

Uses :class:`matplotlib.figure.Figure` directly (no ``pyplot``), so no global figure state
and no GUI backend are involved.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from pathlib import Path

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from trtune.run.outdir import atomic_write_bytes


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
        ax.plot(xs, list(values), marker="o" if len(values) < 30 else None, label=name)
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
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
            label=name,
            alpha=0.6 if len(points) >= 30 else 1.0,
        )
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.grid(alpha=0.3)
    ax.legend()
    return _save(fig, path)


def plot_histograms(
    series: Mapping[str, Sequence[float]],
    path: str | Path,
    title: str,
    xlabel: str = "",
    bins: int = 30,
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
        ax.hist(list(data), bins=edges, alpha=0.5, label=name)
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel("count")
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
    matrix: Sequence[Sequence[int]], labels: Sequence[str], path: str | Path, title: str
) -> Path:
    """Draw the confusion matrix with counts in the cells (rows: true, columns: predicted)."""
    n = len(labels)
    fig = Figure(figsize=(1.2 * n + 2.5, 1.1 * n + 1.8))
    ax = fig.add_subplot()
    image = ax.imshow(matrix, cmap="Blues")
    fig.colorbar(image, ax=ax, fraction=0.046, pad=0.04)
    ax.set_xticks(range(n), labels=list(labels), rotation=30, ha="right")
    ax.set_yticks(range(n), labels=list(labels))
    ax.set_xlabel("predicted")
    ax.set_ylabel("true")
    ax.set_title(title)
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
) -> Path:
    """Histograms of named series over the same ``bins``, side by side in each bin."""
    fig = Figure(figsize=(6, 3.6))
    ax = fig.add_subplot()
    names = [name for name, values in series.items() if len(values)]
    ax.hist([list(series[name]) for name in names], bins=list(bins), label=names)
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.grid(alpha=0.3)
    ax.legend()
    return _save(fig, path)
