"""Masked-LM training throughput: trtune's ``mask train`` step vs the Hugging Face recipe.

The baseline is ``run_mlm.py --line_by_line``'s recipe: texts tokenized without padding,
``DataCollatorForLanguageModeling`` (15 %, 80/10/10, each batch padded to its longest text)
and ``BertForMaskedLM``'s forward pass, which computes the vocabulary logits of every
position. trtune (:class:`~trtune.tasks.mask.trainer.MaskedLMTrainer`) masks the same way
but runs the head only on the masked 15 % (the tied decoder is 384 x 30,522 for MiniLM) and,
in one CPU process, cuts each shuffled batch into length-sorted micro-batches (the same
examples and gradient, less padding). Same MiniLM-L6 (head added), e-ticaret reviews, seed,
batch size 32 (quick form: 16), learning rate and number of steps; evaluation and checkpoints off.

ratio = baseline seconds / trtune seconds for the same steps, each the fastest of
alternating rounds (target 1.5).

    python bench/bench_mask_train.py [--quick]
"""

from __future__ import annotations

import tempfile

from benchdata import minilm, reviews
from rounds import alternate
from transformers import DataCollatorForLanguageModeling, Trainer, TrainingArguments

from trtune.run.models import resolve_model
from trtune.tasks.mask.encode import MaskedLMExamples, encode_lines
from trtune.tasks.mask.head import load_masked_lm
from trtune.tasks.mask.masking import MaskingCollator, MaskingRule
from trtune.tasks.mask.trainer import MaskedLMTrainer

BATCH = 32
MAX_LENGTH = 128


def _arguments(out: str, steps: int, batch: int) -> TrainingArguments:
    return TrainingArguments(
        output_dir=out, max_steps=steps, per_device_train_batch_size=batch, learning_rate=5e-5,
        eval_strategy="no", save_strategy="no", report_to="none", seed=42, disable_tqdm=True,
        use_cpu=True, dataloader_num_workers=0, remove_unused_columns=False, logging_steps=10**6,
    )  # fmt: skip


def run(quick: bool = False, rounds: int = 2) -> dict:
    """Time both trainers in alternating rounds, from the same starting weights."""
    steps = 2 if quick else 10
    batch = 16 if quick else BATCH  # quick: 2 steps of 16 texts
    tokenizer, folder = minilm()
    source = resolve_model(str(folder))
    _, texts, _ = reviews(steps * batch, seed=5)
    ours_items = encode_lines(tokenizer, texts, MAX_LENGTH)
    plain = [tokenizer(t, truncation=True, max_length=MAX_LENGTH) for t in texts]
    rule = MaskingRule(0.15, False, tokenizer.mask_token_id, len(tokenizer))

    def ours(tmp: str):
        trainer = MaskedLMTrainer(
            model=load_masked_lm(source, tokenizer, seed=0).model,
            args=_arguments(tmp, steps, batch),
            train_dataset=MaskedLMExamples(ours_items),
            data_collator=MaskingCollator(rule, tokenizer.pad_token_id),
        )
        trainer.token_keys = ("labels",)
        return trainer

    def theirs(tmp: str):
        return Trainer(
            model=load_masked_lm(source, tokenizer, seed=0).model,
            args=_arguments(tmp, steps, batch),
            train_dataset=plain,
            data_collator=DataCollatorForLanguageModeling(tokenizer, mlm_probability=0.15),
        )

    with tempfile.TemporaryDirectory() as tmp:
        # the model is loaded outside the timed call: only trainer.train() is measured
        made = {}
        timed = alternate(
            {
                "trtune": lambda: made["trtune"].train(),
                "baseline": lambda: made["baseline"].train(),
            },
            n=rounds,
            label="mask train",
            before=lambda side: made.__setitem__(side, (ours if side == "trtune" else theirs)(tmp)),
        )
    return {
        "name": "mask_train",
        "ratio": timed.ratio("baseline", "trtune"),
        "target": 1.5,
        "steps": steps,
        "batch_size": batch,
        "rounds": timed.to_dict(1),
        "trtune_texts_per_second": timed.rate("trtune", steps * batch),
        "baseline_texts_per_second": timed.rate("baseline", steps * batch),
    }


if __name__ == "__main__":
    import json
    import sys

    print(json.dumps(run(quick="--quick" in sys.argv)))
