"""Prove a GGUF file is the model it came from: load it back with ``transformers``
(``from_pretrained(..., gguf_file=...)``) and compare with the PyTorch model.

On a few Turkish prompts written in the folder's own template:

- the GGUF's tokenizer gives the same token ids (Turkish letters included);
- f16: the largest logit difference stays under :data:`F16_LOGIT_TOLERANCE`;
- q8_0: greedy decoding writes the same continuation (logits move more, the answer must
  not), or parts only where the original model itself scores the two tokens within
  :data:`NEAR_TIE_GAP` of each other (a near tie, which any rounding may flip; a broken
  file diverges where the original is sure).

Both figures are measured for either type and returned, so the command can print them.
"""

from __future__ import annotations

import contextlib
import io
from dataclasses import dataclass
from pathlib import Path

import torch

from trtune.tasks.lm.templates import render_prompt

# float16 keeps ~3 significant digits per weight; through a few layers the logits of a
# small model move by well under this (measured: see docs/export.md).
F16_LOGIT_TOLERANCE = 1e-2
GREEDY_TOKENS = 8
# A divergence counts as a near tie when the original model's logit for the GGUF's token is
# within this of its own choice: Q8_0 moves logits by ~1e-2 on small models, more on large.
NEAR_TIE_GAP = 0.1
CHECK_QUESTIONS = (
    "Türkiye'nin başkenti neresidir?",
    "Kısa bir şiir yaz: ağaçlar, ışık ve güz.",
    "İstanbul'da öğrenci olmak nasıl bir şey?",
)


@dataclass(frozen=True)
class CheckResult:
    """What the round trip measured.

    Attributes:
        prompts: how many prompts were compared.
        same_ids: the GGUF tokenizer gave the original's ids for every prompt.
        max_logit_diff: the largest absolute logit difference over all positions.
        same_greedy: greedy decoding wrote the same tokens for every prompt.
        greedy_matches: for how many prompts it did.
        near_ties: prompts whose continuations part at a near tie of the original model.
    """

    prompts: int
    same_ids: bool
    max_logit_diff: float
    same_greedy: bool
    greedy_matches: int
    near_ties: int = 0

    def passed(self, file_type: str) -> bool:
        """Whether the export keeps the model: same tokens, and close logits (f16) or the
        same greedy answers, up to near ties (q8_0)."""
        if not self.same_ids:
            return False
        if file_type == "f16":
            return self.max_logit_diff <= F16_LOGIT_TOLERANCE
        return self.greedy_matches + self.near_ties == self.prompts


def check_prompts(template: str | None, tokenizer) -> list[str]:
    """The check texts, written the way the model was trained to read them."""
    if template is None:
        return list(CHECK_QUESTIONS)
    return [
        render_prompt([{"role": "user", "content": q}], template, tokenizer)
        for q in CHECK_QUESTIONS
    ]


def load_gguf(path: Path):
    """The model (float32) and tokenizer ``transformers`` builds from a GGUF file."""
    from transformers import AutoConfig, AutoModelForCausalLM, AutoTokenizer

    folder, name = str(path.parent), path.name
    tokenizer = AutoTokenizer.from_pretrained(folder, gguf_file=name)
    config = AutoConfig.from_pretrained(folder, gguf_file=name)
    if config.model_type == "gpt2" and getattr(config, "n_ctx", None):
        # transformers reads GPT-2's context_length into n_ctx, which GPT2Config no longer
        # uses for its position table (n_positions); the file itself is right.
        config.n_positions = config.n_ctx
    with contextlib.redirect_stderr(io.StringIO()):  # its de-quantizing bar is plain tqdm
        model = AutoModelForCausalLM.from_pretrained(
            folder, gguf_file=name, config=config, dtype=torch.float32
        )
    return model.eval(), tokenizer


def _run(model, ids: torch.Tensor, eos: int | None):
    """The logits over the prompt ``ids`` (1, T), the greedy continuation (up to
    :data:`GREEDY_TOKENS` tokens, stopping at EOS) and the next-token logits (V,) before each
    of its tokens; a plain loop, cheaper than ``generate`` for a few tokens."""
    logits = model(ids).logits  # (1, T, V)
    first, new, steps = logits, [], []
    for _ in range(GREEDY_TOKENS):
        steps.append(logits[0, -1])
        token = int(logits[0, -1].argmax())
        new.append(token)
        if token == eos:
            break
        ids = torch.cat([ids, torch.tensor([[token]])], dim=1)  # (1, T + 1)
        logits = model(ids).logits
    return first, new, steps


def parts_at_near_tie(ours: list[int], theirs: list[int], steps: list[torch.Tensor]) -> bool:
    """Whether two different greedy continuations first part where the original model
    (next-token logits ``steps``) scores the other token within :data:`NEAR_TIE_GAP` of its
    own. A continuation that stops early parts at a missing token: never a near tie."""
    for i, token in enumerate(ours):
        if i >= len(theirs):
            return False
        if theirs[i] != token:
            return float(steps[i][token] - steps[i][theirs[i]]) <= NEAR_TIE_GAP
    return False


@torch.no_grad()
def check_gguf(model, tokenizer, path: Path, template: str | None) -> CheckResult:
    """Compare the GGUF at ``path`` with ``model``/``tokenizer`` (float32, CPU)."""
    gguf_model, gguf_tokenizer = load_gguf(path)
    prompts = check_prompts(template, tokenizer)
    same_ids, max_diff, matches, near_ties = True, 0.0, 0, 0
    eos = tokenizer.eos_token_id
    for prompt in prompts:
        ids = tokenizer(prompt, add_special_tokens=False, return_tensors="pt")["input_ids"]
        theirs = gguf_tokenizer(prompt, add_special_tokens=False)["input_ids"]
        same_ids = same_ids and theirs == ids[0].tolist()
        ours_logits, ours_new, steps = _run(model, ids, eos)
        gguf_logits, gguf_new, _ = _run(gguf_model, ids, eos)
        max_diff = max(max_diff, (ours_logits - gguf_logits).abs().max().item())
        matches += ours_new == gguf_new
        near_ties += ours_new != gguf_new and parts_at_near_tie(ours_new, gguf_new, steps)
    n = len(prompts)
    return CheckResult(n, same_ids, max_diff, matches == n, matches, near_ties)
