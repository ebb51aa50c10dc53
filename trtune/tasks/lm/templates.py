"""Prompt templates: records become segments of text, each marked trained or not.

The Turkish template (the default when the tokenizer has no chat template)::

    ### Talimat:
    {instruction}

    ### Girdi:
    {input}

    ### Yanıt:
    {output}<eos>

A system turn is written as ``### Sistem:``; further turns repeat the Talimat/Yanıt
blocks. With ``--template chat`` (or ``auto`` when the tokenizer has one) the tokenizer's
own chat template renders the conversation instead; the text each assistant turn adds is
found by rendering the conversation with and without that turn.
"""

from __future__ import annotations

from dataclasses import dataclass

from transformers import PreTrainedTokenizerBase

from trtune.errors import UserError
from trtune.tasks.lm.formats import Record

SYSTEM_HEADER = "### Sistem:\n"
USER_HEADER = "### Talimat:\n"
INPUT_HEADER = "\n\n### Girdi:\n"
RESPONSE_HEADER = "### Yanıt:\n"


@dataclass(frozen=True)
class Segment:
    """A piece of an example's text.

    Attributes:
        text: the text.
        train: whether its tokens count in the loss (responses, and all of plain text).
        eos_after: whether an end-of-sequence token follows it.
    """

    text: str
    train: bool
    eos_after: bool = False


def resolve_template(template: str, tokenizer: PreTrainedTokenizerBase) -> str:
    """``auto`` becomes ``chat`` when the tokenizer has a chat template, else ``turkish``.

    Raises:
        UserError: ``chat`` was asked for and the tokenizer has no chat template.
    """
    has_chat = bool(getattr(tokenizer, "chat_template", None))
    if template == "auto":
        return "chat" if has_chat else "turkish"
    if template == "chat" and not has_chat:
        raise UserError("--template chat: this tokenizer has no chat template; use turkish")
    return template


def _user_text(message: dict[str, str], template: str) -> str:
    if template == "turkish":
        text = message["content"]
        if message.get("input"):
            text += INPUT_HEADER + message["input"]
        return text
    return "\n\n".join(p for p in (message["content"], message.get("input", "")) if p)


def _turkish_segments(messages: list[dict[str, str]], generation_prompt: bool) -> list[Segment]:
    segments: list[Segment] = []
    prefix = ""
    for message in messages:
        if message["role"] == "system":
            prefix += SYSTEM_HEADER + message["content"] + "\n\n"
        elif message["role"] == "user":
            prefix += USER_HEADER + _user_text(message, "turkish") + "\n\n"
        else:
            segments.append(Segment(prefix + RESPONSE_HEADER, train=False))
            segments.append(Segment(message["content"], train=True, eos_after=True))
            prefix = "\n\n"
    if generation_prompt:
        segments.append(Segment(prefix + RESPONSE_HEADER, train=False))
    elif prefix.strip():
        segments.append(Segment(prefix, train=False))
    return segments


def _chat_segments(
    messages: list[dict[str, str]], tokenizer: PreTrainedTokenizerBase, generation_prompt: bool
) -> list[Segment]:
    plain = [{"role": m["role"], "content": _user_text(m, "chat")} for m in messages]

    def render(turns: list[dict[str, str]], add_prompt: bool) -> str:
        if not turns:
            return ""
        return tokenizer.apply_chat_template(
            turns, tokenize=False, add_generation_prompt=add_prompt
        )

    segments: list[Segment] = []
    done = ""
    for i, message in enumerate(plain):
        if message["role"] != "assistant":
            continue
        before = render(plain[:i], add_prompt=True)
        after = render(plain[: i + 1], add_prompt=False)
        if not before.startswith(done) or not after.startswith(before):
            raise UserError("the tokenizer's chat template does not render turns as prefixes")
        segments.append(Segment(before[len(done) :], train=False))
        segments.append(Segment(after[len(before) :], train=True))
        done = after
    if generation_prompt:
        full = render(plain, add_prompt=True)
        segments.append(Segment(full[len(done) :], train=False))
    return segments


def render_record(
    record: Record, template: str, tokenizer: PreTrainedTokenizerBase
) -> list[Segment]:
    """The segments of one training example (``template`` already resolved)."""
    if record.text is not None:
        return [Segment(record.text, train=True, eos_after=True)]
    assert record.messages is not None
    if template == "chat":
        return _chat_segments(record.messages, tokenizer, generation_prompt=False)
    return _turkish_segments(record.messages, generation_prompt=False)


def render_prompt(
    messages: list[dict[str, str]], template: str, tokenizer: PreTrainedTokenizerBase
) -> str:
    """The text a model continues to answer the last user turn (for generate and chat).

    Earlier assistant turns are closed with the EOS token, as in training.
    """
    if template == "chat":
        segments = _chat_segments(messages, tokenizer, generation_prompt=True)
    else:
        segments = _turkish_segments(messages, generation_prompt=True)
    eos = tokenizer.eos_token or ""
    return "".join(s.text + (eos if s.eos_after else "") for s in segments)
