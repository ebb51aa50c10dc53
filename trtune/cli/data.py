"""`trtune data`: look at a data file the way every training command will read it."""

from __future__ import annotations

import json

import typer
from rich.table import Table as RichTable

from trtune.cli.console import console
from trtune.data import inspect_file, parse_label_map

app = typer.Typer(
    help="Read and check data files (CSV, TSV, JSON, JSONL, Parquet).", no_args_is_help=True
)


@app.command()
def inspect(
    file: str = typer.Argument(..., help="The data file."),
    text_col: str | None = typer.Option(None, "--text-col", help="Name of the text column."),
    label_col: str | None = typer.Option(None, "--label-col", help="Name of the label column."),
    label_map: str | None = typer.Option(
        None, "--label-map", help="Name numeric labels, e.g. 0=negative,1=positive,2=neutral."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object."),
) -> None:
    """Detect encoding, delimiter, header, text/label columns and labels; report drops."""
    report = inspect_file(file, text_col, label_col, parse_label_map(label_map))
    if as_json:
        typer.echo(json.dumps(report.to_dict(), ensure_ascii=False))
        return
    table = RichTable(title=f"{report.path}", show_header=False)
    delimiter = {"\t": "tab", None: "-"}.get(report.delimiter, report.delimiter)
    for key, value in [
        ("format", report.format),
        ("encoding", report.encoding),
        ("delimiter / quoting", f"{delimiter} / {report.quoting}"),
        ("header", "yes" if report.header else "no"),
        ("text column", report.text_column),
        ("label column", f"{report.label_column} ({report.columns_found})"),
        ("rows read", f"{report.rows_read:,}"),
        ("rows repaired", f"{report.repaired:,}"),
        ("rows kept", f"{report.rows_kept:,}"),
    ]:
        table.add_row(key, str(value))
    for reason, count in report.dropped.items():
        rows = ", ".join(map(str, report.dropped_rows[reason]))
        table.add_row(
            f"dropped: {reason}", f"{count:,} (rows {rows}{', ...' if count > 5 else ''})"
        )
    for label, count in report.label_counts.items():
        table.add_row(f"label {label}", f"{count:,}")
    console.print(table)
