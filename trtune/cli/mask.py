"""`trtune mask`: fill in blanks with a masked LM, and adapt an encoder to your own text
(thin: parse, call, print)."""

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
from trtune.cli.options import BACKEND_OPTION, RunFlags, dtype_option, settings_command
from trtune.cli.texts import input_texts
from trtune.errors import UserError
from trtune.i18n import say
from trtune.tasks.mask.messages import MESSAGES
from trtune.tasks.mask.settings import MAX_TOP_K, MaskSettings

app = typer.Typer(
    help="Masked language models: fill in blanks, adapt an encoder to your own Turkish text.",
    no_args_is_help=True,
)


def _train(settings: MaskSettings, flags: RunFlags) -> None:
    from trtune.tasks.mask.train import plan, train_masked_lm

    if flags.dry_run:
        show_plan(plan(settings), flags.as_json, flags.lang)
        return
    quiet_transformers()
    lang = cli_lang(flags.lang)
    result = train_masked_lm(settings, flags.resume, flags.overwrite, reporter(lang=lang))
    if result is None:  # a non-main process of a multi-process run
        return
    m = result.metrics
    line = say(
        MESSAGES,
        "train.result",
        lang,
        before=m["perplexity_before"],
        after=m["perplexity_after"],
        baseline=m["baseline"]["perplexity"],
        fill_before=m["before"]["fill_top5"],
        fill_after=m["fill_top5"],
        fill_baseline=m["baseline"]["fill_top5"],
        chance=m["chance"]["fill_top5"],
    )
    console.print(line, markup=False, soft_wrap=True)
    saved = say(MESSAGES, "train.saved", lang, out=result.out_dir, report=result.report)
    console.print(saved, markup=False, soft_wrap=True)
    note_random_init(settings.is_preset, lang)


app.command(name="train")(
    settings_command(
        MaskSettings,
        _train,
        "Continue masked-LM training of an encoder on raw text (domain adaptation); the "
        "folder is a plain AutoModelForMaskedLM that classify train --model accepts.",
    )
)


def _read_texts(texts: list[str], file: str | None, text_col: str | None) -> list[str]:
    from trtune.data import load_texts

    return input_texts(texts, file, lambda path: load_texts(path, text_col))


def _bar(probability: float, width: int = 20) -> str:
    return "█" * max(1, round(probability * width)) if probability >= 0.005 else "·"


def _show(results, vocab: int, top_k: int, lang: str) -> None:
    """The teaching view: each blank's candidates with bars, then the filled sentence."""
    console.print(say(MESSAGES, "predict.intro", lang, vocab=f"{vocab:,}", k=top_k), markup=False)
    pieces = False
    for result in results:
        console.print()
        console.print(result.text, markup=False, soft_wrap=True, style="bold")
        for i, fillers in enumerate(result.masks, 1):
            if len(result.masks) > 1:
                console.print(f"  {say(MESSAGES, 'predict.blank', lang, i=i)}", markup=False)
            for rank, f in enumerate(fillers, 1):
                pieces = pieces or f.token.startswith("##")
                console.print(
                    f"  {rank:>2}. {f.token:<16} {f.probability:7.1%}  {_bar(f.probability)}",
                    markup=False,
                )
        console.print(f"  -> {result.filled}", markup=False, soft_wrap=True)
    if pieces:
        console.print(say(MESSAGES, "predict.piece", lang), markup=False)


@app.command()
def predict(
    texts: list[str] = typer.Argument(
        None, help="Sentences with [MASK] (or <mask>) where a word is missing; '-' reads stdin."
    ),
    model: str = typer.Option(
        ..., "--model", help="Masked-LM folder (mask train, or any ...ForMaskedLM) or Hub name."
    ),
    file: str | None = typer.Option(None, "--file", help="Read sentences from a file."),
    text_col: str | None = typer.Option(None, "--text-col", help="Text column of a table."),
    top_k: int = typer.Option(5, "--top-k", help=f"Candidates per blank (1-{MAX_TOP_K})."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object per sentence."),
    lang: str | None = typer.Option(
        None, "--lang", help="Language of the output: tr or en (TRTUNE_LANG, locale)."
    ),
    dtype: str = dtype_option(),
    backend: str = BACKEND_OPTION,
) -> None:
    """The most probable words for each blank, with their probabilities."""
    language = cli_lang(lang)
    if not 1 <= top_k <= MAX_TOP_K:
        raise UserError(f"--top-k must be between 1 and {MAX_TOP_K}, got {top_k}")
    items = _read_texts(texts or [], file, text_col)
    from trtune.infer.mask import load_filler  # seconds: after the checks above

    quiet_transformers()
    filler = load_filler(model, dtype=dtype, backend=backend)
    results = filler.fill(items, top_k)
    note_test_model(model, language)
    if as_json:
        for result in results:
            typer.echo(json.dumps(result.to_dict(), ensure_ascii=False))
        return
    _show(results, filler.vocab_size, top_k, language)
