"""`trtune data`: look at a data file the way every training command will read it."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.table import Table as RichTable

from trtune.cli.console import cli_lang, console, err_console, quiet_transformers, reporter
from trtune.data import InspectReport, inspect_file, parse_label_map
from trtune.data.delimited import is_no_delimiter
from trtune.errors import UserError
from trtune.run.plan_text import reason_name

app = typer.Typer(
    help="Read and check data files (CSV, TSV, JSON, JSONL, Parquet).", no_args_is_help=True
)

TASK_HELP = (
    "Read the file as this task's train command does: classify, ner, qa, seq2seq, mask or "
    "lm (auto: NER files, SQuAD JSON, else classification)."
)
NO_LABEL_COLUMN = "could not find a label column; name it with --label-col"
DATA_HELP = (
    "A data file, a folder with one .txt file or sub-folder per label, or FILE:LABEL "
    "(one text per line); repeat for several."
)


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


def _task_of_columns(task: str, columns: dict[str, str | None]) -> str:
    """``task``, or for ``auto`` the task whose column options are given; refuses a column
    option of another task."""
    from trtune.cli.data_tasks import COLUMN_TASK

    for option, value in columns.items():
        if value is None:
            continue
        if task == "auto":
            task = COLUMN_TASK[option]
        if COLUMN_TASK[option] != task:
            raise UserError(f"{option} is for --task {COLUMN_TASK[option]}, not --task {task}")
    return task


def _refuse_unused(task: str, options: dict[str, str | None], tasks: str) -> None:
    """Refuse an option given for a task (qa, seq2seq, lm; ``--text-col``: not mask) whose
    reader does not take it, rather than leave it unused."""
    from trtune.cli.data_tasks import OTHER_TASKS

    for option, value in options.items():
        if value is not None and task in OTHER_TASKS:
            raise UserError(f"{option} is for --task {tasks}, not --task {task}")


def _detected_task(task: str, sources: list[str], as_json: bool, lang: str) -> str:
    """The task a file is read as: ``task``, or for ``auto`` the one its shape says (NER
    files and SQuAD JSON; else it stays ``auto``, read as classification). A NER file's
    table is printed here."""
    from trtune.cli.data_tasks import looks_like_squad
    from trtune.cli.ner import inspect_ner_file

    if task not in ("auto", "ner"):
        return task
    if task == "ner" and len(sources) != 1:
        raise UserError("--task ner reads one file")
    if len(sources) == 1 and inspect_ner_file(sources[0], as_json, lang, force=task == "ner"):
        return "ner"
    if task == "auto" and len(sources) == 1 and looks_like_squad(sources[0]):
        return "qa"
    return task  # auto: read as classification


def _classification_report(
    task: str, sources: list[str], text_col, label_col, label_map
) -> InspectReport:
    """The classification reader's report; read as ``auto``, a file without a label column
    gets the hint that other tasks' files need ``--task``."""
    try:
        return inspect_file(sources, text_col, label_col, parse_label_map(label_map))
    except UserError as exc:
        if task == "auto" and exc.reason == NO_LABEL_COLUMN:
            raise UserError(
                "could not find a label column; name it with --label-col, or read it as "
                "another task's file with --task qa, seq2seq, mask or lm",
                exc.file,
                exc.row,
            ) from None
        if task == "auto" and is_no_delimiter(exc):  # plain text: texts of mask or lm
            raise UserError(
                "no text and label columns (no delimiter found); give plain texts as FILE:LABEL, "
                "or read them with --task mask or lm",
                exc.file,
                exc.row,
            ) from None
        raise


def _show_task_data(found, as_json: bool, lang: str) -> None:
    """``data inspect --task qa|seq2seq|mask|lm``: one JSON object, or the table."""
    from trtune.cli.data_tasks import rows

    for warning in found.warnings:
        reporter(lang=lang).warn(warning)
    if as_json:
        typer.echo(json.dumps(found.to_dict(), ensure_ascii=False))
        return
    table = RichTable(title=", ".join(found.paths), show_header=False)
    for key, value in rows(found, lang):
        table.add_row(key, value)
    console.print(table)


@app.command()
def inspect(
    files: list[str] = typer.Argument(None, help=DATA_HELP, show_default=False),
    data: list[str] = typer.Option(None, "--data", help=DATA_HELP, show_default=False),
    text_col: str | None = typer.Option(None, "--text-col", help="Name of the text column."),
    label_col: str | None = typer.Option(None, "--label-col", help="Name of the label column."),
    label_map: str | None = typer.Option(
        None, "--label-map", help="Name numeric labels, e.g. 0=negative,1=positive,2=neutral."
    ),
    task: str = typer.Option("auto", "--task", help=TASK_HELP),
    context_col: str | None = typer.Option(
        None, "--context-col", help="--task qa: context column."
    ),
    question_col: str | None = typer.Option(
        None, "--question-col", help="--task qa: question column."
    ),
    answer_col: str | None = typer.Option(None, "--answer-col", help="--task qa: answer column."),
    source_col: str | None = typer.Option(
        None, "--source-col", help="--task seq2seq: source column."
    ),
    target_col: str | None = typer.Option(
        None, "--target-col", help="--task seq2seq: target column."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object."),
    lang: str | None = typer.Option(None, "--lang", help="Language of the output: tr or en."),
) -> None:
    """Detect encoding, delimiter, header, text/label columns and labels; report drops."""
    from trtune.cli.data_tasks import OTHER_TASKS, TASKS, read_task_data

    language = cli_lang(lang)
    sources = [*(files or []), *(data or [])]
    task = task.strip().lower()
    if task not in TASKS:
        raise UserError(f"--task must be one of {', '.join(TASKS)}, not {task!r}")
    columns = {
        "--context-col": context_col, "--question-col": question_col, "--answer-col": answer_col,
        "--source-col": source_col, "--target-col": target_col,
    }  # fmt: skip
    task = _task_of_columns(task, columns)
    _refuse_unused(task, {"--label-col": label_col, "--label-map": label_map}, "classify")
    if task != "mask":
        _refuse_unused(task, {"--text-col": text_col}, "classify|mask")
    task = _detected_task(task, sources, as_json, language)
    if task == "ner":
        return  # printed
    if task in OTHER_TASKS:
        found = read_task_data(task, sources, text_col, language, columns)
        _show_task_data(found, as_json, language)
        return
    report = _classification_report(task, sources, text_col, label_col, label_map)
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
