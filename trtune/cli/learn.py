"""`trtune learn`: the report's worked examples, explained in Turkish or English."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from trtune.cli.console import console
from trtune.errors import UserError
from trtune.learn.messages import LANGS

app = typer.Typer(
    help="The report's worked examples from scratch: attention, LLM types, embeddings, RNNs.",
    no_args_is_help=True,
)

LANG_HELP = (
    "Language of the explanations: tr (Turkish) or en (English); default TRTUNE_LANG, "
    "else the locale (tr_* -> Turkish), else English."
)


def _check_lang(lang: str | None) -> str:
    from trtune.i18n import resolve_lang

    try:
        found = resolve_lang(lang)
    except ValueError:
        raise UserError(f"--lang must be one of {', '.join(LANGS)}, got {lang!r}") from None
    if lang is not None and lang not in LANGS:
        raise UserError(f"--lang must be one of {', '.join(LANGS)}, got {lang!r}")
    return found


@app.command()
def attention(
    text: str | None = typer.Argument(
        None, help="With --model: the text whose attention to show.", show_default=False
    ),
    model: str | None = typer.Option(
        None,
        "--model",
        help="Show the attention of this model instead of the worked example: a folder "
        "written by a train command (classify, ner, qa, mask), a Hugging Face folder or a "
        "Hub name.",
    ),
    out: Path = typer.Option(
        Path("attention.html"), "--out", help="With --model: the HTML page to write."
    ),
    max_tokens: int = typer.Option(
        64,
        "--max-tokens",
        min=2,
        help="With --model: keep at most this many tokens (special tokens included).",
    ),
    scaled: bool = typer.Option(False, "--scaled", help="Divide the scores by √d_k."),
    step: int | None = typer.Option(
        None,
        "--step",
        min=1,
        max=7,
        help="Show one step (1 keys, 2 queries, 3 values, 4 scores, 5 softmax, "
        "6 weighted values, 7 outputs) and the matrices it is computed from.",
    ),
    lang: str | None = typer.Option(None, "--lang", help=LANG_HELP),
    as_json: bool = typer.Option(
        False, "--json", help="Print one JSON object instead (with --model: its attention)."
    ),
) -> None:
    """Walk through the report's self-attention example step by step; with --model, write
    the attention of a trained model for TEXT as an offline HTML page."""
    from trtune.learn.attention import report_example
    from trtune.learn.attention_show import show_attention

    lang = _check_lang(lang)
    if model is not None:
        if scaled or step is not None:
            raise UserError("--scaled and --step belong to the worked example, not to --model")
        _model_attention(model, text, out, max_tokens, lang, as_json)
        return
    if text is not None:
        raise UserError("TEXT needs --model: learn attention --model DIR TEXT")
    steps = report_example(scaled=scaled)
    if as_json:
        print(json.dumps(steps.to_json()))
        return
    show_attention(steps, lang, console, step=step)


def _model_attention(
    model: str, text: str | None, out: Path, max_tokens: int, lang: str, as_json: bool
) -> None:
    """``learn attention --model``: the model's attention for ``text`` as a page or JSON."""
    from trtune.cli.console import note_random_init, quiet_transformers
    from trtune.infer.attention import attention_map, load_attention_model
    from trtune.learn.attention_page import attention_json, write_attention_page
    from trtune.learn.messages import say

    if not text or not text.strip():
        raise UserError("give the text whose attention to show: learn attention --model DIR TEXT")
    if out.is_dir():
        raise UserError("--out must be an HTML file, not a folder", file=out)
    quiet_transformers()
    loaded = load_attention_model(model)
    limit = min(max_tokens, loaded.max_length or max_tokens)
    found = attention_map(loaded.model, loaded.tokenizer, text, limit)
    note_random_init(loaded.random_init, lang, to_stderr=True)
    if as_json:
        print(json.dumps(attention_json(found, model, text), ensure_ascii=False))
        return
    path = write_attention_page(
        found, out, model=model, text=text, lang=lang, random_init=loaded.random_init
    )
    layers, heads = found.weights.shape[:2]
    console.print(
        say(
            "att.page_written",
            lang,
            path=path,
            layers=layers,
            heads=heads,
            tokens=len(found.tokens),
        ),
        markup=False,
        soft_wrap=True,
    )


@app.command("types")
def llm_types(
    seed: int = typer.Option(0, "--seed", help="Seed for data and weights."),
    steps: int = typer.Option(200, "--steps", help="Training steps per model."),
    lang: str | None = typer.Option(None, "--lang", help=LANG_HELP),
    as_json: bool = typer.Option(False, "--json", help="Print the accuracies as JSON last."),
) -> None:
    """Train encoder-only, decoder-only and encoder-decoder models on toy tasks (CPU)."""
    from trtune.cli.console import err_console
    from trtune.learn.show import types_table
    from trtune.learn.train_types import TypesConfig, train_all_types

    lang = _check_lang(lang)
    try:
        config = TypesConfig(seed=seed, steps=steps)
    except ValueError as exc:
        raise UserError(str(exc)) from exc
    results = train_all_types(config, err_console)
    console.print(types_table(results, lang))
    if as_json:
        print(json.dumps({result.name: result.accuracy for result in results}))


@app.command()
def embedding(
    out: Path = typer.Option(Path("learn-embedding"), "--out", help="Folder for the plots."),
    seed: int = typer.Option(0, "--seed", help="Seed for the initial weights."),
    lang: str | None = typer.Option(None, "--lang", help=LANG_HELP),
    as_json: bool = typer.Option(False, "--json", help="Print the distances as JSON."),
) -> None:
    """Train the four-word embedding network and a Turkish one; plot both."""
    from trtune.learn.embedding import EmbeddingConfig
    from trtune.learn.show import embedding_lesson

    lang = _check_lang(lang)
    if out.exists() and not out.is_dir():
        raise UserError("--out must be a folder", file=out)
    results, paths = embedding_lesson(
        out, lang, None if as_json else console, EmbeddingConfig(seed=seed)
    )
    if as_json:
        payload = {
            r.name: {"words": r.words, "distances": r.distances.tolist(), "plot": str(p)}
            for r, p in zip(results, paths, strict=True)
        }
        print(json.dumps(payload, ensure_ascii=False))


@app.command()
def rnn(
    out: Path = typer.Option(Path("learn-rnn"), "--out", help="Folder for rnn.png and rnn.json."),
    seed: int = typer.Option(0, "--seed", help="Seed for data and weights."),
    quick: bool = typer.Option(False, "--quick", help="Short distances, about 15 s (for tests)."),
    lang: str | None = typer.Option(None, "--lang", help=LANG_HELP),
    as_json: bool = typer.Option(False, "--json", help="Print the numbers as JSON instead."),
) -> None:
    """RNN, GRU, LSTM and a Transformer: recall over distance, time per step over length."""
    from trtune.cli.console import err_console
    from trtune.learn.rnn_compare import RnnConfig
    from trtune.learn.rnn_show import rnn_lesson

    lang = _check_lang(lang)
    if out.exists() and not out.is_dir():
        raise UserError("--out must be a folder", file=out)
    config = RnnConfig.quick(seed) if quick else RnnConfig(seed=seed)
    lesson = rnn_lesson(config, out, lang, None if as_json else console, err_console)
    if as_json:
        print(json.dumps(lesson.payload, ensure_ascii=False))
