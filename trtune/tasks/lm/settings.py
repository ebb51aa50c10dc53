"""Settings of one ``trtune lm train`` run: the shared training settings plus the causal
LM's own (template, packing, gradient checkpointing, evaluation interval).

Tiny presets are for tests and demos: one quick pass at a high learning rate is enough to
see them learn; pretrained models get the usual fine-tuning rates (2e-5 full, 2e-4 LoRA).
"""

from __future__ import annotations

from dataclasses import dataclass

from trtune.errors import UserError
from trtune.run.settings import TrainSettings, setting

TEMPLATES = ("auto", "turkish", "chat")


@dataclass(kw_only=True)
class LMSettings(TrainSettings):
    """Everything ``trtune lm train`` needs; validated once in ``__post_init__``."""

    TASK = "lm"
    METHODS = ("lora", "qlora", "full")
    DEFAULTS = {
        "*": {
            "model": "tiny-gpt",
            "method": "lora",
            "epochs": 3.0,
            "batch_size": 16,
            "max_length": 512,
            "test_size": 0.0,
            "validation_size": 0.1,
            "patience": 3,
            "warmup_ratio": 0.05,
            "weight_decay": 0.0,
            "lora_r": 16,
            "lora_alpha": 32,
            "lora_dropout": 0.05,
            "merge": False,
        },
        "full": {"lr": 2e-5},
        "lora": {"lr": 2e-4},
        "qlora": {"lr": 2e-4},
        "preset": {"epochs": 1.0, "max_length": 128},
        "preset:full": {"lr": 1e-3},
        "preset:lora": {"lr": 3e-3},
        "preset:qlora": {"lr": 3e-3},
    }

    template: str = setting("prompt template: auto, turkish or chat", "auto")
    pack: bool = setting("pack examples into full blocks of --max-length tokens", False)
    gradient_checkpointing: bool = setting("trade compute for memory", False)
    micro_batch_tokens: int = setting(
        "tokens per forward pass: each batch runs as micro-batches of about this many tokens "
        "with their gradients added up (0: the whole batch at once)",
        512,
    )
    eval_every: int = setting("steps between evaluations (0: five times a run)", 0)
    max_examples: int | None = setting("use only the first N examples")
    num_generations: int = setting("held-out prompts answered in the report", 3)

    def check(self) -> None:
        """The causal LM's own checks."""
        if self.template not in TEMPLATES:
            raise UserError(f"--template must be one of {', '.join(TEMPLATES)}")
        if self.max_length < 16:
            raise UserError("--max-length must be at least 16")
        if self.lr <= 0:
            raise UserError("--lr must be positive")
        if not 0 < self.validation_size < 0.9 and self.validation_data is None:
            raise UserError("validation_size must be in (0, 0.9) (--validation-size)")
        if self.patience < 1:
            raise UserError("patience must be positive (--patience)")
        if self.micro_batch_tokens < 0:
            raise UserError("--micro-batch-tokens must be >= 0")
        if self.eval_every < 0 or (self.max_examples is not None and self.max_examples < 1):
            raise UserError("--eval-every must be >= 0 and --max-examples >= 1")
