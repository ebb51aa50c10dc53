"""`trtune lm`: fine-tune causal LMs on Turkish data, generate, chat, merge adapters."""

from __future__ import annotations

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
    DTYPE_HELP_LM,
    RunFlags,
    build_dataclass,
    command_with,
    dataclass_parameters,
    dtype_option,
    param,
    settings_command,
)
from trtune.i18n import say
from trtune.infer.sampling import SamplingSettings
from trtune.tasks.lm.messages import MESSAGES
from trtune.tasks.lm.settings import LMSettings

app = typer.Typer(
    help="Fine-tune causal language models (LoRA, QLoRA, full) on Turkish data.",
    no_args_is_help=True,
)


def _train(settings: LMSettings, flags: RunFlags) -> None:
    from trtune.tasks.lm.train import train_lm

    quiet_transformers()
    result = train_lm(
        settings, flags.resume, flags.overwrite, flags.dry_run, reporter(True, flags.lang)
    )
    if result.out_dir is None:
        plan = {"task": "lm", **result.metrics, "settings": settings.to_dict()}
        show_plan(plan, flags.as_json, flags.lang)
        return
    m, lang = result.metrics, cli_lang(flags.lang)
    line = say(
        MESSAGES,
        "result",
        lang,
        before=m["perplexity_before"],
        after=m["perplexity_after"],
        loss_before=m["val_loss_before"],
        loss_after=m["val_loss_after"],
        speed=m["tokens_per_second"],
    )
    console.print(line, markup=False)
    saved = say(MESSAGES, "saved", lang, folder=result.out_dir, report=result.report)
    console.print(saved, markup=False, soft_wrap=True)
    note_random_init(settings.is_preset, flags.lang)


app.command(name="train")(
    settings_command(
        LMSettings,
        _train,
        "Fine-tune a causal LM and write model, metrics, figures, report.html and a card.",
    )
)

_MODEL_HELP = "A trained folder, any causal-LM folder or a Hub name."
_MODEL = param("model", typer.Option(..., "--model", help=_MODEL_HELP), str)
_DEVICE_HELP = "auto (a CUDA GPU when there is one), cpu, cuda."
_DEVICE = param("device", typer.Option("auto", "--device", help=_DEVICE_HELP), str)
_DTYPE = param("dtype", dtype_option(DTYPE_HELP_LM), str)
_LANG_PARAM = param(
    "lang", typer.Option(None, "--lang", help="Language of the output: tr or en."), str | None
)


def _write(text: str) -> None:
    console.file.write(text)
    console.file.flush()


def _load(kwargs: dict[str, Any]):
    from trtune.infer.generate import Generator
    from trtune.infer.lm import load_lm
    from trtune.run.messages import MESSAGES as RUN_MESSAGES

    quiet_transformers()
    model, lang = kwargs.pop("model"), cli_lang(kwargs.pop("lang", None))
    with reporter(lang=lang).waiting(say(RUN_MESSAGES, "loading_model", lang, name=model)):
        generator = Generator(load_lm(model, kwargs.pop("device"), kwargs.pop("dtype")))
    note_test_model(model, lang)
    return generator


def _generate(**kwargs: Any) -> None:
    prompt = kwargs.pop("prompt")
    settings = build_dataclass(SamplingSettings, kwargs)
    generator = _load(kwargs)
    generator.generate([{"role": "user", "content": prompt}], settings, stream=_write)


_PROMPT = param(
    "prompt", typer.Argument(..., help="The prompt (an instruction for tuned models)."), str
)
app.command(name="generate")(
    command_with(
        [_PROMPT, _MODEL, _DEVICE, _DTYPE, *dataclass_parameters(SamplingSettings), _LANG_PARAM],
        _generate,
        "Generate a reply, streamed to the terminal.",
    )
)


def _chat(**kwargs: Any) -> None:
    from trtune.infer.generate import chat_loop

    lang = cli_lang(kwargs.get("lang"))
    settings = build_dataclass(SamplingSettings, kwargs)
    generator = _load(kwargs)
    console.print(say(MESSAGES, "chat_keys", lang), markup=False)
    chat_loop(generator, settings, read=input, write=_write)


app.command(name="chat")(
    command_with(
        [_MODEL, _DEVICE, _DTYPE, *dataclass_parameters(SamplingSettings), _LANG_PARAM],
        _chat,
        "Talk to a model; /reset forgets the conversation, /exit (or end of input) quits.",
    )
)


@app.command()
def merge(
    model: str = typer.Option(..., "--model", help="A LoRA adapter folder from a training run."),
    out: str = typer.Option(..., "--out", help="Folder for the merged model."),
    lang: str | None = typer.Option(None, "--lang", help="Language of the output: tr or en."),
) -> None:
    """Fold a LoRA adapter into its base; the result loads with plain transformers."""
    from trtune.infer.kinds import merge_adapter

    language = cli_lang(lang)
    folder = merge_adapter(model, out)
    console.print(say(MESSAGES, "merged", language, folder=folder), markup=False)
