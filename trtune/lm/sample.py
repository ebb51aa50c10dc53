"""Generations for the report: a few held-out prompts answered before and after training."""

from __future__ import annotations

import torch
from transformers import PreTrainedModel, PreTrainedTokenizerBase

from trtune.lm.formats import Record
from trtune.lm.templates import render_prompt

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


def prompt_text(prompt: dict[str, str], template: str, tokenizer: PreTrainedTokenizerBase) -> str:
    """What the model is given: raw text, or the template's rendering of a user turn."""
    if prompt.get("raw"):
        return prompt["prompt"]
    user = {"role": "user", "content": prompt["prompt"]}
    if prompt.get("input"):
        user["input"] = prompt["input"]
    return render_prompt([user], template, tokenizer)


@torch.no_grad()
def sample_generations(
    model: PreTrainedModel,
    tokenizer: PreTrainedTokenizerBase,
    prompts: list[dict[str, str]],
    template: str,
    device: torch.device | str,
    max_new_tokens: int = 48,
) -> list[str]:
    """Greedy continuations of ``prompts`` (repeatable, so before/after compare fairly)."""
    was_training = model.training
    model.eval()
    outputs = []
    limit = getattr(model.config, "n_positions", None) or getattr(
        model.config, "max_position_embeddings", 2048
    )
    for prompt in prompts:
        ids = tokenizer(prompt_text(prompt, template, tokenizer), add_special_tokens=False,
                        return_tensors="pt")["input_ids"]  # fmt: skip
        ids = ids[:, -(limit - max_new_tokens) :].to(device)  # (1, T)
        out = model.generate(
            input_ids=ids,
            attention_mask=torch.ones_like(ids),
            max_new_tokens=max_new_tokens,
            do_sample=False,
            repetition_penalty=1.3,
            pad_token_id=tokenizer.pad_token_id,
            eos_token_id=tokenizer.eos_token_id,
        )
        outputs.append(tokenizer.decode(out[0, ids.shape[1] :], skip_special_tokens=True).strip())
    if was_training:
        model.train()
    return outputs
