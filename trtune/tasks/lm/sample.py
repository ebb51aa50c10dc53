"""Generations for the report: a few held-out prompts answered before and after training."""

from __future__ import annotations

import torch
from transformers import PreTrainedModel

from trtune.infer.generate import Generator, SamplingSettings
from trtune.infer.lm import LoadedLM
from trtune.tasks.lm.formats import Record

PROMPT_WORDS = 8


def held_out_prompts(records: list[Record], count: int) -> list[dict[str, str]]:
    """Up to ``count`` prompts from validation records, with their reference answers.

    Instruction/chat records give their first user turn (and the reply as reference);
    plain text gives its first few words as a prompt and the rest as reference.
    """
    prompts = []
    for record in records[:count]:
        if record.messages is not None:
            users = [m for m in record.messages if m["role"] == "user"]
            replies = [m for m in record.messages if m["role"] == "assistant"]
            if users:
                prompts.append(
                    {
                        "prompt": users[0]["content"],
                        "input": users[0].get("input", ""),
                        "reference": replies[0]["content"] if replies else "",
                    }
                )
        elif record.text:
            words = record.text.split()
            prompts.append(
                {
                    "prompt": " ".join(words[:PROMPT_WORDS]),
                    "input": "",
                    "reference": " ".join(words[PROMPT_WORDS:]),
                    "raw": "1",
                }
            )
    return prompts


def prompt_messages(prompt: dict[str, str]) -> list[dict[str, str]]:
    """The conversation a held-out prompt stands for: one user turn (with its input)."""
    user = {"role": "user", "content": prompt["prompt"]}
    if prompt.get("input"):
        user["input"] = prompt["input"]
    return [user]


REPORT_SAMPLING = SamplingSettings(temperature=0.0, max_new_tokens=48, repetition_penalty=1.3)


@torch.no_grad()
def sample_generations(model: PreTrainedModel, prep, prompts: list[dict[str, str]]) -> list[str]:
    """Greedy continuations of ``prompts`` (repeatable, so before/after compare fairly),
    written by the one generator with the run's template (raw text for plain-text data)."""
    was_training = model.training
    model.eval()
    instruction_tuned = prep.data.format != "text"
    lm = LoadedLM(model, prep.tokenizer, prep.template if instruction_tuned else None, {})
    generator = Generator(lm)
    outputs = [generator.generate(prompt_messages(p), REPORT_SAMPLING) for p in prompts]
    if was_training:
        model.train()
    return outputs
