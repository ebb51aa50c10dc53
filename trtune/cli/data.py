"""`trtune data`: look at a data file the way every training command will read it."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.table import Table as RichTable

from trtune.cli.console import cli_lang, console, err_console, quiet_transformers
from trtune.data import InspectReport, inspect_file, parse_label_map

app = typer.Typer(
    help="Read and check data files (CSV, TSV, JSON, JSONL, Parquet).", no_args_is_help=True
)

DATA_HELP = (
    "A data file, a folder with one .txt file or sub-folder per label, or FILE:LABEL "
    "(one text per line); repeat for several."
)


def _rows(report: InspectReport) -> list[tuple[str, str]]:
    """The lines of the human-readable table, in order."""
    delimiter = {"\t": "tab", None: "-"}.get(report.delimiter, report.delimiter)
    rows = [
        ("format", report.format),
        ("encoding", report.encoding),
        ("delimiter / quoting", f"{delimiter} / {report.quoting}"),
        ("header", "yes" if report.header else "no"),
        ("text column", report.text_column),
        ("label column", f"{report.label_column} ({report.columns_found})"),
    ]
    for source in report.sources:
        label = f" -> {source['label']}" if source["label"] else ""
        rows.append((f"source{label}", f"{source['path']}: {source['rows_kept']:,} kept"))
    rows += [
        ("rows read", f"{report.rows_read:,}"),
        ("rows repaired", f"{report.repaired:,}"),
        ("rows kept", f"{report.rows_kept:,}"),
    ]
    for title, counts, first in (
        ("repaired", report.repairs, report.repaired_rows),
        ("dropped", report.dropped, report.dropped_rows),
    ):
        for reason, count in counts.items():
            more = ", ..." if count > len(first[reason]) else ""
            shown = ", ".join(map(str, first[reason]))
            rows.append((f"{title}: {reason}", f"{count:,} (rows {shown}{more})"))
    rows += [(f"label {label}", f"{count:,}") for label, count in report.label_counts.items()]
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
) -> None:
    """Detect encoding, delimiter, header, text/label columns and labels; report drops."""
    sources = [*(files or []), *(data or [])]
    from trtune.cli.ner import inspect_ner_file

    if len(sources) == 1 and inspect_ner_file(sources[0], as_json):  # a NER file: its summary
        return
    report = inspect_file(sources, text_col, label_col, parse_label_map(label_map))
    for warning in report.warnings:
        err_console.print(f"warning: {warning}", markup=False, highlight=False, soft_wrap=True)
    if as_json:
        typer.echo(json.dumps(report.to_dict(), ensure_ascii=False))
        return
    table = RichTable(title=f"{report.path}", show_header=False)
    for key, value in _rows(report):
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
