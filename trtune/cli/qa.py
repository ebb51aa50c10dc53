"""`trtune qa`: train, evaluate and use extractive question answering (thin: parse, call,
print)."""

from __future__ import annotations

import json

import typer

from trtune.cli.console import (
    cli_lang,
    console,
    note_random_init,
    note_test_model,
    quiet_transformers,
    reporter,
    show_plan,
)
from trtune.cli.options import (
    BACKEND_OPTION,
    RunFlags,
    dtype_option,
    settings_command,
)
from trtune.errors import UserError
from trtune.i18n import say
from trtune.run.outdir import check_model_folder
from trtune.tasks.qa.messages import MESSAGES
from trtune.tasks.qa.settings import QaSettings

app = typer.Typer(
    help="Extractive question answering: find the part of a text that answers a question.",
    no_args_is_help=True,
)

_MODEL = typer.Option(..., "--model", help="Folder written by `qa train` (or any QA model).")
_LANG = typer.Option(None, "--lang", help="Language of the output: tr or en.")


def _train(settings: QaSettings, flags: RunFlags) -> None:
    from trtune.tasks.qa.train import plan, train_qa

    if flags.dry_run:
        show_plan(plan(settings), flags.as_json, flags.lang)
        return
    quiet_transformers()
    lang = cli_lang(flags.lang)
    result = train_qa(settings, flags.resume, flags.overwrite, reporter(lang=lang))
    if result is None:  # a non-main process of a multi-process run
        return
    m, b = result.metrics, result.baseline
    line = say(
        MESSAGES,
        "result",
        lang,
        method=settings.method,
        em=m["exact_match"],
        f1=m["f1"],
        b_em=b["exact_match"],
        b_f1=b["f1"],
    )
    console.print(line, markup=False, soft_wrap=True)
    saved = say(MESSAGES, "saved", lang, out=result.out_dir, report=result.report)
    console.print(saved, markup=False, soft_wrap=True)
    note_random_init(settings.is_preset, lang)


app.command(name="train")(
    settings_command(
        QaSettings,
        _train,
        "Train an extractive QA model (and the word-overlap baseline); write the output folder.",
    )
)


def _context(context: str | None, context_file: str | None) -> str:
    if (context is None) == (context_file is None):
        raise UserError("give the text with --context TEXT or --context-file FILE (one of them)")
    if context_file is not None:
        from trtune.data import read_user_text

        context = read_user_text(context_file).text
    if not context.strip():
        raise UserError("the context is empty", file=context_file)
    return context


@app.command()
def predict(
    questions: list[str] = typer.Argument(..., help="Questions about the context."),
    model: str = _MODEL,
    context: str | None = typer.Option(None, "--context", help="The text to search."),
    context_file: str | None = typer.Option(
        None, "--context-file", help="Read the text from a file."
    ),
    as_json: bool = typer.Option(False, "--json", help="One JSON object per question."),
    lang: str | None = _LANG,
    backend: str = BACKEND_OPTION,
    dtype: str = dtype_option(),
) -> None:
    """Answer each question with a span of the context (its characters and score)."""
    check_model_folder(model)
    text = _context(context, context_file)
    if not [q for q in questions if q.strip()]:
        raise UserError("give at least one question")
    from trtune.infer.qa import load_qa_model  # seconds: after the checks above

    quiet_transformers()
    answers = load_qa_model(model, dtype=dtype, backend=backend).predict(
        list(questions), [text] * len(questions)
    )
    note_test_model(model, lang)
    for question, answer in zip(questions, answers, strict=True):
        if as_json:
            typer.echo(json.dumps({"question": question, **answer.to_dict()}, ensure_ascii=False))
            continue
        shown = answer.answer or say(MESSAGES, "no_answer", cli_lang(lang))
        console.print(
            f"{shown}\t[{answer.start}:{answer.end}  {answer.score:.3f}]\t{question}",
            markup=False,
            soft_wrap=True,
        )


@app.command(name="eval")
def evaluate(
    model: str = _MODEL,
    data: list[str] = typer.Option(None, "--data", help="SQuAD JSON or a QA table; repeatable."),
    context_col: str | None = typer.Option(None, "--context-col", help="Tables: context column."),
    question_col: str | None = typer.Option(
        None, "--question-col", help="Tables: question column."
    ),
    answer_col: str | None = typer.Option(None, "--answer-col", help="Tables: answer column."),
    as_json: bool = typer.Option(False, "--json", help="Print the metrics object as JSON."),
    lang: str | None = _LANG,
    backend: str = BACKEND_OPTION,
    dtype: str = dtype_option(),
) -> None:
    """Exact match and F1 of a saved QA model on a file (Turkish and SQuAD normalisation)."""
    if not data:  # before the import below (seconds): a forgotten flag is said at once
        raise UserError("--data is required (SQuAD JSON or a table with context, question, answer)")
    check_model_folder(model)
    from trtune.tasks.qa.evaluate import evaluate_folder

    quiet_transformers()
    metrics = evaluate_folder(
        model, data, context_col, question_col, answer_col, dtype, backend=backend
    )
    note_test_model(model, lang)
    if as_json:
        typer.echo(json.dumps(metrics, ensure_ascii=False))
        return
    line = say(
        MESSAGES,
        "eval",
        cli_lang(lang),
        em=metrics["exact_match"],
        f1=metrics["f1"],
        n=metrics["n"],
        s_em=metrics["squad"]["exact_match"],
        s_f1=metrics["squad"]["f1"],
    )
    console.print(line, markup=False, soft_wrap=True)
