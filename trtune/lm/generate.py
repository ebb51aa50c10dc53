"""Use a trained folder: load it, generate (streamed), chat, merge a LoRA adapter.

The folder's ``trtune.json`` says whether the model was instruction-tuned and with which
template; prompts are then wrapped in that template, as in training.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import torch
from transformers import AutoTokenizer, PreTrainedModel, PreTrainedTokenizerBase, TextStreamer

from trtune.errors import UserError
from trtune.lm.models import load_pretrained
from trtune.lm.templates import render_prompt
from trtune.train.outdir import atomic_write_json, save_pretrained_atomic


@dataclass
class LoadedLM:
    """A model ready to generate, with what its folder says about it."""

    model: PreTrainedModel
    tokenizer: PreTrainedTokenizerBase
    template: str | None  # None: plain continuation (not instruction-tuned)
    record: dict[str, Any]


def read_run_record(folder: Path) -> dict[str, Any]:
    path = folder / "trtune.json"
    return json.loads(path.read_text("utf-8")) if path.is_file() else {}


def base_location(folder: Path) -> str:
    """Where an adapter folder's base lives (``base`` is resolved inside the folder)."""
    values = json.loads((folder / "adapter_config.json").read_text("utf-8"))
    base = values.get("base_model_name_or_path") or ""
    inside = folder / base
    return str(inside) if base and inside.is_dir() else base


def load_trained(folder: str | Path, trust_remote_code: bool = False) -> LoadedLM:
    """Load a `trtune lm train` output (full or adapter) or any causal-LM folder.

    Raises:
        UserError: not a model folder, or an adapter whose base cannot be found.
    """
    folder = Path(folder)
    if not folder.is_dir():
        return _wrap(*load_pretrained(str(folder), trust_remote_code), {})
    record = read_run_record(folder)
    if (folder / "adapter_config.json").is_file():
        from peft import PeftModel

        base = base_location(folder)
        if not base:
            raise UserError("adapter folder does not record its base model", file=folder)
        model, _ = load_pretrained(base, trust_remote_code)
        tokenizer = AutoTokenizer.from_pretrained(str(folder))
        model = PeftModel.from_pretrained(model, str(folder))
    else:
        model, tokenizer = load_pretrained(str(folder), trust_remote_code)
    return _wrap(model, tokenizer, record)


def _wrap(model: PreTrainedModel, tokenizer: PreTrainedTokenizerBase, record: dict) -> LoadedLM:
    model.eval()
    template = record.get("template") if record.get("instruction_tuned") else None
    return LoadedLM(model=model, tokenizer=tokenizer, template=template, record=record)


@dataclass
class SamplingSettings:
    """How to sample; validated once."""

    temperature: float = 0.8
    top_k: int = 50
    top_p: float = 0.95
    max_new_tokens: int = 128
    seed: int = 42

    def __post_init__(self) -> None:
        if self.temperature < 0:
            raise UserError("--temperature must be >= 0 (0 means greedy)")
        if not 0 < self.top_p <= 1:
            raise UserError("--top-p must be in (0, 1]")
        if self.top_k < 0 or self.max_new_tokens < 1:
            raise UserError("--top-k must be >= 0 and --max-new-tokens >= 1")


def generate(
    lm: LoadedLM,
    messages: list[dict[str, str]],
    settings: SamplingSettings,
    stream: Callable[[str], None] | None = None,
) -> str:
    """Answer the last user turn of ``messages`` (or continue its text when not tuned).

    Args:
        stream: called with each piece of decoded text as it is produced (None: silent).
    """
    if lm.template is None:
        text = "\n".join(m["content"] for m in messages)
    else:
        text = render_prompt(messages, lm.template, lm.tokenizer)
    ids = lm.tokenizer(text, add_special_tokens=False, return_tensors="pt")["input_ids"]
    device = next(lm.model.parameters()).device
    limit = getattr(lm.model.config, "n_positions", None) or getattr(
        lm.model.config, "max_position_embeddings", 4096
    )
    ids = ids[:, -max(1, limit - settings.max_new_tokens) :].to(device)  # (1, T)
    torch.manual_seed(settings.seed)
    streamer = None
    if stream is not None:
        streamer = _CallbackStreamer(lm.tokenizer, stream)
    sampling = settings.temperature > 0
    kwargs: dict[str, Any] = {"do_sample": sampling}
    if sampling:
        kwargs.update(temperature=settings.temperature, top_k=settings.top_k, top_p=settings.top_p)
    with torch.no_grad():
        out = lm.model.generate(
            input_ids=ids,
            attention_mask=torch.ones_like(ids),
            max_new_tokens=settings.max_new_tokens,
            pad_token_id=lm.tokenizer.pad_token_id,
            eos_token_id=lm.tokenizer.eos_token_id,
            streamer=streamer,
            **kwargs,
        )
    return lm.tokenizer.decode(out[0, ids.shape[1] :], skip_special_tokens=True).strip()


class _CallbackStreamer(TextStreamer):
    """TextStreamer that hands text to a callback instead of printing it."""

    def __init__(self, tokenizer: PreTrainedTokenizerBase, callback: Callable[[str], None]):
        super().__init__(tokenizer, skip_prompt=True, skip_special_tokens=True)
        self.callback = callback

    def on_finalized_text(self, text: str, stream_end: bool = False) -> None:
        self.callback(text + ("\n" if stream_end else ""))


def chat_loop(
    lm: LoadedLM,
    settings: SamplingSettings,
    read: Callable[[str], str],
    write: Callable[[str], None],
) -> list[dict[str, str]]:
    """Talk until ``/exit`` or end of input; ``/reset`` forgets the conversation.

    Returns the conversation as it stands at the end.
    """
    history: list[dict[str, str]] = []
    while True:
        try:
            line = read("> ").strip()
        except EOFError:
            break
        if not line:
            continue
        if line == "/exit":
            break
        if line == "/reset":
            history = []
            write("(conversation reset)\n")
            continue
        history.append({"role": "user", "content": line})
        reply = generate(lm, history, settings, stream=write)
        history.append({"role": "assistant", "content": reply})
    return history


def merge_adapter(folder: str | Path, out: str | Path) -> Path:
    """Fold a LoRA adapter into its base and save a plain Hugging Face folder.

    Raises:
        UserError: ``folder`` holds no adapter, or ``out`` is not empty.
    """
    folder, out = Path(folder), Path(out)
    if not (folder / "adapter_config.json").is_file():
        raise UserError("not a LoRA adapter folder (no adapter_config.json)", file=folder)
    if out.exists() and any(out.iterdir()):
        raise UserError("output folder exists and is not empty", file=out)
    lm = load_trained(folder)
    merged = lm.model.merge_and_unload()
    out.mkdir(parents=True, exist_ok=True)
    save_pretrained_atomic(merged, out)
    save_pretrained_atomic(lm.tokenizer, out)
    if lm.record:
        record = dict(lm.record, method="full", base_model=None, merged_from=str(folder))
        atomic_write_json(out / "trtune.json", record)
    return out
