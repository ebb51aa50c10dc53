"""`trtune seq2seq`: train, evaluate and use encoder-decoder models (thin: parse, call, print)."""

from __future__ import annotations

import json
from typing import Any

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
    RunFlags,
    command_with,
    dataclass_parameters,
    dtype_option,
    given_values,
    param,
    print_notices,
    settings_command,
)
from trtune.cli.texts import input_texts
from trtune.errors import UserError
from trtune.i18n import say
from trtune.infer.sampling import GenerationSettings
from trtune.tasks.seq2seq.messages import MESSAGES
from trtune.tasks.seq2seq.settings import HEADLINE, Seq2SeqSettings

app = typer.Typer(
    help="Encoder-decoder models (T5, mT5, BART, TURNA): summarise, translate, generate questions.",
    no_args_is_help=True,
)
_SHOWN = ("chrf", "bleu", "rouge1", "rouge2", "rougeL")


def _scores(metrics: dict, task: str) -> str:
    """``chrF 41.20  BLEU 12.00 ...``, the task's headline metric first."""
    keys = [HEADLINE.get(task, "rougeL")] + [k for k in _SHOWN if k != HEADLINE.get(task)]
    return "  ".join(f"{k} {metrics[k]:.2f}" for k in keys)


def _train(settings: Seq2SeqSettings, flags: RunFlags) -> None:
    from trtune.tasks.seq2seq.train import plan, train_seq2seq

    if flags.dry_run:
        show_plan(plan(settings), flags.as_json, flags.lang)
        return
    quiet_transformers()
    lang = cli_lang(flags.lang)
    result = train_seq2seq(settings, flags.resume, flags.overwrite, reporter(lang=lang))
    if result is None:  # a non-main process of a multi-process run
        return
    task = result.metrics.get("task", "generic")
    line = say(
        MESSAGES,
        "result",
        lang,
        method=settings.method,
        metrics=_scores(result.metrics, task),
        baseline=result.baseline_name,
        baseline_metrics=_scores(result.baseline, task),
    )
    console.print(line, markup=False, soft_wrap=True)
    saved = say(MESSAGES, "saved", lang, out=result.out_dir, report=result.report)
    console.print(saved, markup=False, soft_wrap=True)
    note_random_init(settings.is_preset, lang)


app.command(name="train")(
    settings_command(
        Seq2SeqSettings,
        _train,
        "Fine-tune an encoder-decoder (and score the lead/copy baseline); write the folder.",
    )
)

_MODEL = param(
    "model", typer.Option(..., "--model", help="Folder written by `seq2seq train`."), str
)
_DEVICE = param(
    "device", typer.Option("auto", "--device", help="auto (a CUDA GPU if any), cpu, cuda."), str
)
_BATCH = param("batch_size", typer.Option(32, "--batch-size", help="Sources per batch."), int)
_DTYPE = param("dtype", dtype_option(), str)
_JSON = param("as_json", typer.Option(False, "--json", help="Print JSON."), bool)
_LANG = param(
    "lang", typer.Option(None, "--lang", help="Language of the output: tr or en."), str | None
)
_SOURCE_COL = param(
    "source_col", typer.Option(None, "--source-col", help="Name of the source column."), str | None
)
_TARGET_COL = param(
    "target_col", typer.Option(None, "--target-col", help="Name of the target column."), str | None
)
_GENERATION = dataclass_parameters(GenerationSettings)
_GENERATION_NAMES = {p.name for p in _GENERATION}


def _overrides(kwargs: dict[str, Any]) -> dict[str, Any]:
    """The generation options the user gave (the folder's recorded settings fill the rest);
    checked now, so that a bad value fails before the model loads."""
    notices: list[tuple[str, str]] = []
    chosen = {k: kwargs.pop(k) for k in list(kwargs) if k in _GENERATION_NAMES}
    given = given_values(chosen, notices)
    print_notices(notices)
    GenerationSettings.from_values(given)
    return given


def _evaluate(**kwargs: Any) -> None:
    lang = cli_lang(kwargs.pop("lang"))
    overrides = _overrides(kwargs)
    if not kwargs["data"]:  # before the import below (seconds): said at once
        raise UserError("--data is required (a file of pairs, or SQuAD JSON)")
    from trtune.tasks.seq2seq.evaluate import evaluate_folder

    quiet_transformers()
    metrics = evaluate_folder(
        kwargs["model"],
        kwargs["data"],
        overrides,
        kwargs["source_col"],
        kwargs["target_col"],
        kwargs["device"],
        kwargs["batch_size"],
        kwargs["dtype"],
    )
    note_test_model(kwargs["model"], lang)
    if kwargs["as_json"]:
        typer.echo(json.dumps(metrics, ensure_ascii=False))
        return
    line = say(
        MESSAGES,
        "eval_result",
        lang,
        metrics=_scores(metrics, metrics["task"]),
        n=metrics["n"],
        baseline=metrics["baseline_name"],
        baseline_metrics=_scores(metrics["baseline"], metrics["task"]),
    )
    console.print(line, markup=False, soft_wrap=True)


_DATA = param(
    "data",
    typer.Option(None, "--data", help="Pairs to score (as in training); repeat for several."),
    list[str] | None,
)
app.command(name="eval")(
    command_with(
        [
            _MODEL,
            _DATA,
            _SOURCE_COL,
            _TARGET_COL,
            _DEVICE,
            _DTYPE,
            _BATCH,
            _JSON,
            _LANG,
            *_GENERATION,
        ],
        _evaluate,
        "ROUGE-1/2/L, BLEU and chrF of a saved model on a file, beside the lead/copy baseline.",
    )
)


def _sources(texts: list[str], file: str | None, source_col: str | None) -> list[str]:
    from trtune.tasks.seq2seq.readers import load_sources

    return input_texts(texts, file, lambda path: load_sources(path, source_col))


def _generate(**kwargs: Any) -> None:
    lang = cli_lang(kwargs.pop("lang"))
    overrides = _overrides(kwargs)
    sources = _sources(kwargs["texts"] or [], kwargs["file"], kwargs["source_col"])
    from trtune.infer.seq2seq import load_seq2seq  # seconds: after the checks above

    quiet_transformers()
    shown = reporter(lang=lang)
    with shown.waiting(say(MESSAGES, "loading", lang, folder=kwargs["model"])):
        loaded = load_seq2seq(kwargs["model"], kwargs["device"], kwargs["dtype"])
    with shown.progress(say(MESSAGES, "generating", lang), len(sources)) as task:
        outputs = loaded.generate(sources, overrides, kwargs["batch_size"], task.update)
    note_test_model(kwargs["model"], lang)
    for source, output in zip(sources, outputs, strict=True):
        if kwargs["as_json"]:
            typer.echo(json.dumps({"source": source, "text": output}, ensure_ascii=False))
        else:
            console.print(output, markup=False, soft_wrap=True)


_TEXTS = param(
    "texts", typer.Argument(None, help="Sources ('-' or none: read stdin)."), list[str] | None
)
_FILE = param(
    "file",
    typer.Option(None, "--file", help="One source per line (.txt) or a table's source column."),
    str | None,
)
app.command(name="generate")(
    command_with(
        [_TEXTS, _MODEL, _FILE, _SOURCE_COL, _DEVICE, _DTYPE, _BATCH, _JSON, _LANG, *_GENERATION],
        _generate,
        "Write the target of each source (the folder's prefix and settings applied).",
    )
)
