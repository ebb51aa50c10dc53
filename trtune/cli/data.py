"""`trtune data`: look at a data file the way every training command will read it."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.table import Table as RichTable

from trtune.cli.console import cli_lang, console, err_console, quiet_transformers, reporter
from trtune.data import InspectReport, inspect_file, parse_label_map

app = typer.Typer(
    help="Read and check data files (CSV, TSV, JSON, JSONL, Parquet).", no_args_is_help=True
)

DATA_HELP = (
    "A data file, a folder with one .txt file or sub-folder per label, or FILE:LABEL "
    "(one text per line); repeat for several."
)


def reason_name(reason: str, lang: str) -> str:
    """A drop or repair reason in words (``boş metin`` for ``empty_text``), else as it is."""
    from trtune.i18n import say
    from trtune.run.plan_messages import MESSAGES

    key = f"reason.{reason}"
    return say(MESSAGES, key, lang) if key in MESSAGES else reason


def _rows(report: InspectReport, lang: str = "en") -> list[tuple[str, str]]:
    """The lines of the human-readable table, in order, in ``lang`` (labels by their
    display names: ``olumlu`` for ``positive`` in Turkish)."""
    from trtune.data.label_names import display_label
    from trtune.data.messages import MESSAGES
    from trtune.i18n import say

    def t(key: str, **fields) -> str:
        return say(MESSAGES, key, lang, **fields)

    delimiter = {"\t": "tab", None: "-"}.get(report.delimiter, report.delimiter)
    how = f"how.{report.columns_found}"
    found = t(how) if how in MESSAGES else report.columns_found
    rows = [
        (t("format"), report.format),
        (t("encoding"), report.encoding),
        (t("delimiter"), f"{delimiter} / {report.quoting}"),
        (t("header"), t("yes" if report.header else "no")),
        (t("text_column"), report.text_column),
        (t("label_column"), f"{report.label_column} ({found})"),
    ]
    for source in report.sources:
        label = f" -> {source['label']}" if source["label"] else ""
        kept = f"{source['rows_kept']:,}"
        rows.append((t("source", label=label), t("source_kept", path=source["path"], kept=kept)))
    rows += [
        (t("rows_read"), f"{report.rows_read:,}"),
        (t("rows_repaired"), f"{report.repaired:,}"),
        (t("rows_kept"), f"{report.rows_kept:,}"),
    ]
    for title, counts, first in (
        ("repaired", report.repairs, report.repaired_rows),
        ("dropped", report.dropped, report.dropped_rows),
    ):
        for reason, count in counts.items():
            more = ", ..." if count > len(first[reason]) else ""
            shown = ", ".join(map(str, first[reason])) + more
            name = reason_name(reason, lang)
            rows.append((t(title, reason=name), t("which_rows", count=f"{count:,}", rows=shown)))
    rows += [
        (t("label", label=display_label(label, lang)), f"{count:,}")
        for label, count in report.label_counts.items()
    ]
    return rows


@app.command()
def inspect(
    files: list[str] = typer.Argument(None, help=DATA_HELP, show_default=False),
    data: list[str] = typer.Option(None, "--data", help=DATA_HELP, show_default=False),
    text_col: str | None = typer.Option(None, "--text-col", help="Name of the text column."),
    label_col: str | None = typer.Option(None, "--label-col", help="Name of the label column."),
    label_map: str | None = typer.Option(
        None, "--label-map", help="Name numeric labels, e.g. 0=negative,1=positive,2=neutral."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object."),
    lang: str | None = typer.Option(None, "--lang", help="Language of the output: tr or en."),
) -> None:
    """Detect encoding, delimiter, header, text/label columns and labels; report drops."""

    language = cli_lang(lang)
    sources = [*(files or []), *(data or [])]
    from trtune.cli.ner import inspect_ner_file

    if len(sources) == 1 and inspect_ner_file(sources[0], as_json, language):  # a NER file
        return
    report = inspect_file(sources, text_col, label_col, parse_label_map(label_map))
    warn = reporter(lang=language).warn
    for warning in report.warnings:
        warn(warning)
    if as_json:
        typer.echo(json.dumps(report.to_dict(), ensure_ascii=False))
        return
    table = RichTable(title=f"{report.path}", show_header=False)
    for key, value in _rows(report, language):
        table.add_row(key, value)
    console.print(table)


@app.command()
def tokens(
    file: str = typer.Argument(..., help="Text: a .txt file, a folder of them, or a table."),
    model: list[str] = typer.Option(
        None, "--model", help="Tokenizer: a folder, a preset or a Hub name; repeat to compare."
    ),
    text_col: str | None = typer.Option(None, "--text-col", help="Name of the text column."),
    html: Path | None = typer.Option(None, "--html", help="Write the page with a plot here."),
    as_json: bool = typer.Option(False, "--json", help="Print a list, one object per tokenizer."),
    lang: str | None = typer.Option(None, "--lang", help="Language of the output: tr or en."),
) -> None:
    """How each tokenizer cuts your Turkish text: tokens per word, words kept whole, accents."""
    from trtune.i18n import say
    from trtune.tasks.mask.messages import MESSAGES
    from trtune.tasks.mask.tokens import report_file
    from trtune.tasks.mask.tokens_show import terminal_table, write_page

    language = cli_lang(lang)
    quiet_transformers()
    reports = report_file(file, model or [], text_col)
    if html is not None:
        page = write_page(reports, file, html, language)
        err_console.print(say(MESSAGES, "tokens.saved", language, path=page), markup=False)
    if as_json:
        typer.echo(json.dumps([r.to_dict() for r in reports], ensure_ascii=False))
        return
    console.print(terminal_table(reports, file, language))
    for report in reports:
        if report.trained_on_this_text:
            console.print(say(MESSAGES, "tokens.trained_here", language, model=report.model))
    console.print(say(MESSAGES, "tokens.published", language), markup=False, soft_wrap=True)
    if html is None:
        console.print(say(MESSAGES, "tokens.html_hint", language), markup=False)
