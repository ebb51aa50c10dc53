"""`trtune ner`: train, evaluate and use named-entity taggers (thin: parse, call, print)."""

from __future__ import annotations

import json

import typer
from rich.table import Table as RichTable

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
from trtune.cli.texts import input_texts
from trtune.errors import UserError
from trtune.i18n import say
from trtune.run.outdir import check_model_folder
from trtune.tasks.ner.messages import MESSAGES
from trtune.tasks.ner.settings import NerSettings

app = typer.Typer(
    help="Named-entity recognition: find people, places, dates... in Turkish text.",
    no_args_is_help=True,
)

_MODEL = typer.Option(
    ..., "--model", help="Folder written by `ner train` (or any token classifier)."
)
_LANG = typer.Option(None, "--lang", help="Language of the output: tr or en (TRTUNE_LANG, locale).")


def _print(text: str) -> None:
    console.print(text, markup=False, soft_wrap=True)


def _train(settings: NerSettings, flags: RunFlags) -> None:
    from trtune.tasks.ner.train import plan, train_ner

    if flags.dry_run:
        show_plan(plan(settings), flags.as_json, flags.lang)
        return
    quiet_transformers()
    lang = cli_lang(flags.lang)
    result = train_ner(settings, flags.resume, flags.overwrite, reporter(lang=lang))
    if result is None:  # a non-main process of a multi-process run
        return
    m = result.metrics
    _print(
        say(
            MESSAGES,
            "result",
            lang,
            method=settings.method,
            f1=m["f1"],
            precision=m["precision"],
            recall=m["recall"],
            base_f1=result.baseline["f1"],
        )
    )
    _print(say(MESSAGES, "saved", lang, out=result.out_dir, report=result.report))
    note_random_init(settings.is_preset, lang)


app.command(name="train")(
    settings_command(
        NerSettings,
        _train,
        "Train a tagger (and the most-frequent-tag baseline) and write the output folder.",
    )
)


def _read_texts(texts: list[str], file: str | None) -> list[str]:
    """Texts from the arguments, a file (one text per line) or stdin (``-`` or a pipe)."""
    from trtune.data.validate import text_lines

    return input_texts(texts, file, text_lines)


@app.command()
def predict(
    texts: list[str] = typer.Argument(None, help="Texts to tag ('-' reads stdin)."),
    model: str = _MODEL,
    file: str | None = typer.Option(None, "--file", help="Read texts from a file, one a line."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object per text."),
    lang: str | None = _LANG,
    backend: str = BACKEND_OPTION,
    dtype: str = dtype_option(),
) -> None:
    """Find the entities of each text: type, character offsets, text and score."""
    check_model_folder(model)
    items = _read_texts(texts or [], file)
    from trtune.infer.ner import load_tagger  # seconds: after the texts are read

    language = cli_lang(lang)
    quiet_transformers()
    results = load_tagger(model, dtype=dtype, backend=backend).predict(items)
    note_test_model(model, language)
    if as_json:
        for result in results:
            typer.echo(json.dumps(result.to_dict(), ensure_ascii=False))
        return
    for result in results:
        _print(result.text)
        if not result.entities:
            _print("  " + say(MESSAGES, "no_entities", language))
        for e in result.entities:
            _print(f"  {e.type}\t{e.start}-{e.end}\t{e.text}\t{e.score:.3f}")


@app.command(name="eval")
def evaluate(
    model: str = _MODEL,
    data: list[str] = typer.Option(
        None, "--data", help="NER file (any layout ner train reads); repeat for several."
    ),
    tag_names: str | None = typer.Option(
        None, "--tag-names", help="Names of numeric ner_tags in order, e.g. O,B-PER,I-PER."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the metrics as JSON."),
    lang: str | None = _LANG,
    backend: str = BACKEND_OPTION,
    dtype: str = dtype_option(),
) -> None:
    """Entity precision, recall and F1 (strict IOB2) of a saved tagger on a NER file."""
    if not data:  # before the imports below (seconds): a forgotten flag is said at once
        raise UserError("--data is required (a NER file)")
    check_model_folder(model)
    from trtune.run.settings import split_list
    from trtune.tasks.ner.evaluate import evaluate_folder

    language = cli_lang(lang)
    quiet_transformers()
    names = split_list(tag_names) if tag_names else None
    metrics = evaluate_folder(
        model, data[0] if len(data) == 1 else list(data), names, dtype, backend=backend
    )
    note_test_model(model, language)
    if metrics["unknown_types"]:
        warning = say(
            MESSAGES, "unknown_types", language, types=", ".join(metrics["unknown_types"])
        )
        reporter(lang=language).warn(warning)
    if as_json:
        typer.echo(json.dumps(metrics, ensure_ascii=False))
        return
    _print(
        say(
            MESSAGES,
            "eval",
            language,
            **{k: metrics[k] for k in ("f1", "precision", "recall", "accuracy", "n")},
        )
    )
    table = RichTable(
        *(say(MESSAGES, f"report.{k}", language) for k in ("type", "support")),
        say(MESSAGES, "report.precision", language),
        say(MESSAGES, "report.recall", language),
        "F1",
    )
    for kind, v in metrics["per_type"].items():
        table.add_row(
            kind, str(v["support"]), f"{v['precision']:.4f}", f"{v['recall']:.4f}", f"{v['f1']:.4f}"
        )
    console.print(table)


def inspect_ner_file(path: str, as_json: bool, lang: str = "en", force: bool = False) -> bool:
    """``data inspect`` of a NER file: format, scheme, sentences, tokens, entities per type,
    drops and repairs, in ``lang``. Returns ``False`` (printing nothing) when ``path`` is no
    NER file; with ``force`` (``--task ner``) the NER reader says what is wrong instead."""
    from trtune.data.messages import MESSAGES
    from trtune.i18n import say
    from trtune.run.plan_text import reason_name
    from trtune.tasks.ner.data import load_ner_data
    from trtune.tasks.ner.formats import looks_like_ner

    if not force and not looks_like_ner(path):
        return False
    summary = load_ner_data(path).summary()
    if as_json:
        typer.echo(json.dumps(summary, ensure_ascii=False))
        return True

    def t(key: str, **fields) -> str:
        return say(MESSAGES, key, lang, **fields)

    table = RichTable(title=summary["path"], show_header=False)
    for key in ("format", "encoding", "scheme", "sentences_read", "sentences", "tokens"):
        value = summary[key]
        table.add_row(t(key), f"{value:,}" if isinstance(value, int) else str(value))
    table.add_row(t("entities"), f"{summary['entities']:,}")
    for role, column in summary["columns"].items():
        table.add_row(t("column", role=role), column)
    for title in ("dropped", "repaired"):
        for reason, count in summary[title].items():
            rows = ", ".join(map(str, summary[f"{title}_rows"][reason]))
            name = reason_name(reason, lang)
            table.add_row(t(title, reason=name), t("which_lines", count=f"{count:,}", rows=rows))
    for kind, count in summary["entity_counts"].items():
        table.add_row(t("entity_kind", kind=kind), f"{count:,}")
    console.print(table)
    return True
