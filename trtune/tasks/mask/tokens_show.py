"""The tokenizer report shown: a table with one column per tokenizer for the terminal, and a
self-contained HTML page with a plot beside the published reference points."""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from pathlib import Path

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from rich.table import Table

from trtune.i18n import say
from trtune.report import Section, write_report
from trtune.report.figures import figure_text
from trtune.tasks.mask.messages import MESSAGES
from trtune.tasks.mask.tokens import PUBLISHED, TokenReport

PUBLISHED_LINES = (("GPT-2", 3.8), ("Qwen3", 2.6), ("Turkish 1.6-1.9", 1.75))


def _short(name: str) -> str:
    """A model name short enough for a column header (a folder's last two parts)."""
    parts = Path(name).parts
    return "/".join(parts[-2:]) if len(parts) > 2 else name


def _yes(value: bool, lang: str) -> str:
    return say(MESSAGES, "tokens.yes" if value else "tokens.no", lang)


def rows(reports: Sequence[TokenReport], lang: str) -> list[list[str]]:
    """The table's rows: a figure name, then its value for each tokenizer."""
    t = lambda key: say(MESSAGES, key, lang)  # noqa: E731

    def line(key: str, values) -> list[str]:
        return [t(key), *values]

    return [
        line("tokens.fertility", [f"{r.fertility:.2f}" for r in reports]),
        line("tokens.kept_whole", [f"{r.kept_whole:.1%}" for r in reports]),
        line("tokens.unknown", [f"{r.unknown_rate:.2%}" for r in reports]),
        line("tokens.bytes", [f"{r.byte_fallback_share:.2%}" for r in reports]),
        line("tokens.accents", [_yes(r.strips_accents, lang) for r in reports]),
        line("tokens.lower", [_yes(r.lowercases, lang) for r in reports]),
        line("tokens.fold_i", [_yes(r.folds_i_wrongly, lang) for r in reports]),
        line(
            "tokens.apostrophe",
            [
                f"{r.apostrophe['fertility']:.2f}" if r.apostrophe["fertility"] else "-"
                for r in reports
            ],
        ),
        line("tokens.probe", [" ".join(r.apostrophe["probes"]["Ankara'da"]) for r in reports]),
        line("tokens.context", [str(r.context_tokens or "-") for r in reports]),
        line("tokens.in_context", [str(r.words_in_context or "-") for r in reports]),
        line("tokens.vocab", [f"{r.vocab_size:,}" for r in reports]),
    ]


def _split_words(report: TokenReport, n: int = 5) -> str:
    return ", ".join(f"{w['word']} ({len(w['tokens'])})" for w in report.most_split[:n]) or "-"


def terminal_table(reports: Sequence[TokenReport], file: str, lang: str) -> Table:
    """The rich table: one row per figure, one column per tokenizer."""
    title = say(MESSAGES, "tokens.title", lang, file=file, words=f"{reports[0].words:,}")
    table = Table(title=title, title_justify="left")
    table.add_column("")
    for report in reports:
        table.add_column(_short(report.model), justify="right", overflow="fold")
    for row in rows(reports, lang):
        table.add_row(*row)
    table.add_row(say(MESSAGES, "tokens.most_split", lang), *[_split_words(r) for r in reports])
    return table


def plot_fertility(reports: Sequence[TokenReport], path: Path, lang: str) -> Path:
    """Bars of tokens per word (and per apostrophe word), with the published values as
    dashed lines."""
    fig = Figure(figsize=(max(5.5, 1.6 * len(reports) + 3), 3.8))
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    names = [_short(r.model) for r in reports]
    xs = range(len(reports))
    ax.bar(
        [x - 0.2 for x in xs],
        [r.fertility for r in reports],
        width=0.4,
        label=figure_text("all words", lang),
    )
    apostrophe = [r.apostrophe["fertility"] or 0 for r in reports]
    ax.bar(
        [x + 0.2 for x in xs], apostrophe, width=0.4, label=figure_text("apostrophe words", lang)
    )
    for label, value in PUBLISHED_LINES:
        ax.axhline(value, linestyle="--", linewidth=1, color="#868e96")
        ax.text(len(reports) - 0.5, value, f" {label}", va="bottom", ha="right", fontsize=8)
    ax.axhline(1.0, color="#2b8a3e", linewidth=1)
    ax.set_xticks(list(xs), labels=names, rotation=15, ha="right")
    ax.set_ylabel(figure_text("tokens per word", lang))
    ax.set_title(say(MESSAGES, "tokens.plot_title", lang))
    ax.legend(loc="upper left")
    fig.savefig(path, format="png", dpi=110, bbox_inches="tight")
    return path


def _most_split_table(report: TokenReport) -> list[list]:
    table: list[list] = [["word", "count", "tokens"]]
    table += [[w["word"], w["count"], " ".join(w["tokens"])] for w in report.most_split]
    return table


def write_page(reports: Sequence[TokenReport], file: str, out: str | Path, lang: str) -> Path:
    """The self-contained HTML page: the table, the plot, the most-split words of each
    tokenizer, the letters, the definitions and the published reference points."""
    t = lambda key, **f: say(MESSAGES, key, lang, **f)  # noqa: E731
    header = ["", *(_short(r.model) for r in reports)]
    letters = [["letter", *(_short(r.model) for r in reports)]]
    letters += [[ch, *(r.letters[ch] for r in reports)] for ch in reports[0].letters]
    with tempfile.TemporaryDirectory() as tmp:
        figure = plot_fertility(reports, Path(tmp) / "fertility.png", lang)
        sections = [
            Section(
                t("tokens.title", file=file, words=f"{reports[0].words:,}"),
                paragraphs=[t("tokens.published"), t("tokens.definitions")]
                + [
                    t("tokens.trained_here", model=r.model)
                    for r in reports
                    if r.trained_on_this_text
                ],
                table=[header, *rows(reports, lang)],
                images=[figure],
            ),
            *(
                Section(f"{t('tokens.most_split')}: {_short(r.model)}", table=_most_split_table(r))
                for r in reports
            ),
            Section("ç ğ ı ö ş ü İ I", table=letters),
            Section("published", table=[["tokenizer", "tokens per Turkish word"], *PUBLISHED]),
        ]
        return write_report(
            out, t("tokens.title", file=file, words=reports[0].words), sections, lang
        )
