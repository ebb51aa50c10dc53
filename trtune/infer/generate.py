"""The one text generator: ``lm generate``, ``lm chat``, ``/v1/generate`` and the report's
before/after samples all write through :class:`Generator`, with one set of defaults.

A prompt is asked the way the model was trained: an instruction-tuned model gets it wrapped
in its training template (recorded in the folder), any other model continues the raw text.
Tokens are encoded without special tokens, as in training; the prompt is cut from the left
so that prompt and new tokens fit the model's positions; sampling is seeded.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import torch
from transformers import PreTrainedTokenizerBase, TextIteratorStreamer

from trtune.infer.lm import LoadedLM
from trtune.infer.sampling import SamplingSettings
from trtune.tasks.lm.templates import render_prompt

Messages = list[dict[str, str]]


def user_turn(prompt: str) -> Messages:
    """One user message."""
    return [{"role": "user", "content": prompt}]


class Generator:
    """Writes text with one model; one generation at a time (a lock: on a CPU two at once
    only halve each other, and the seed is global to torch)."""

    def __init__(self, lm: LoadedLM):
        self.lm = lm
        self._lock = threading.Lock()

    @property
    def tokenizer(self) -> PreTrainedTokenizerBase:
        return self.lm.tokenizer

    def prompt_text(self, messages: Messages) -> str:
        """The text the model continues: the template's rendering of the conversation, or
        the raw text of the messages for a model that was not instruction-tuned."""
        if self.lm.template is None:
            return "\n".join(m["content"] for m in messages)
        return render_prompt(messages, self.lm.template, self.tokenizer)

    def _inputs(self, messages: Messages, settings: SamplingSettings) -> dict[str, Any]:
        text = self.prompt_text(messages)
        ids = self.tokenizer(text, add_special_tokens=False, return_tensors="pt")["input_ids"]
        keep = max(1, self.lm.position_limit - settings.max_new_tokens)
        ids = ids[:, -keep:].to(next(self.lm.model.parameters()).device)  # (1, T)
        return {
            "input_ids": ids,
            "attention_mask": torch.ones_like(ids),
            "pad_token_id": self.tokenizer.pad_token_id,
            "eos_token_id": self.tokenizer.eos_token_id,
            **settings.generate_kwargs(),
        }

    def generate(
        self,
        messages: Messages,
        settings: SamplingSettings,
        stream: Callable[[str], None] | None = None,
    ) -> str:
        """Answer the last user turn of ``messages`` (or continue their text), without
        leading or trailing whitespace.

        Args:
            stream: called with each piece of the text as it is produced, then with ``\n``.
        """
        if stream is not None:
            pieces = []
            for piece in self.stream(messages, settings):
                stream(piece)
                pieces.append(piece)
            stream("\n")
            return "".join(pieces)
        kwargs = self._inputs(messages, settings)
        with self._lock, torch.inference_mode():
            _seed(settings)
            out = self.lm.model.generate(**kwargs)  # (1, T + new)
        new = out[0, kwargs["input_ids"].shape[1] :]
        return self.tokenizer.decode(new, skip_special_tokens=True).strip()

    def stream(self, messages: Messages, settings: SamplingSettings) -> Iterator[str]:
        """Yield pieces of the new text as they are generated (a thread runs ``generate``);
        together they are :meth:`generate`'s text: no whitespace at either end."""
        kwargs = self._inputs(messages, settings)
        streamer = TextIteratorStreamer(
            self.tokenizer, skip_prompt=True, skip_special_tokens=True, timeout=120.0
        )

        def work() -> None:
            with self._lock, torch.inference_mode():
                _seed(settings)
                self.lm.model.generate(**kwargs, streamer=streamer)

        thread = threading.Thread(target=work, daemon=True)
        thread.start()
        try:
            yield from trimmed(streamer)
        finally:
            thread.join(timeout=120.0)


def _seed(settings: SamplingSettings) -> None:
    """Seed torch for sampling (greedy decoding leaves the random state alone, so that a
    training run's samples do not reseed its dropout)."""
    if settings.temperature > 0:
        torch.manual_seed(settings.seed)


def trimmed(pieces: Iterable[str]) -> Iterator[str]:
    """The pieces of a text with the whitespace at both ends of the whole text left out
    (whitespace between pieces is held back until more text follows it)."""
    started, pending = False, ""
    for piece in pieces:
        if not started:
            piece = piece.lstrip()
            if not piece:
                continue
            started = True
        text = pending + piece
        body = text.rstrip()
        pending = text[len(body) :]
        if body:
            yield body


def chat_loop(
    generator: Generator,
    settings: SamplingSettings,
    read: Callable[[str], str],
    write: Callable[[str], None],
) -> Messages:
    """Talk until ``/exit`` or end of input; ``/reset`` forgets the conversation.

    Returns the conversation as it stands at the end.
    """
    history: Messages = []
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
        reply = generator.generate(history, settings, stream=write)
        history.append({"role": "assistant", "content": reply})
    return history
