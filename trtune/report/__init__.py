"""Metrics, figures and the self-contained report.html every training run writes."""

from trtune.report.figures import (
    plot_confusion_matrix,
    plot_curves,
    plot_histogram,
    plot_histograms,
    plot_steps,
)
from trtune.report.html import Section, write_report
from trtune.report.metrics import classification_metrics

__all__ = [
    "Section",
    "classification_metrics",
    "plot_confusion_matrix",
    "plot_curves",
    "plot_histogram",
    "plot_histograms",
    "plot_steps",
    "write_report",
]
