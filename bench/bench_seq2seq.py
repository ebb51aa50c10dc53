"""Seq2seq training throughput: trtune's batches vs a plain ``Seq2SeqTrainer`` recipe.

The baseline is the tutorial recipe: sources and targets tokenized with
``padding="max_length"`` (labels padded with -100) and ``transformers.Seq2SeqTrainer``. trtune
tokenizes without padding, pads each batch to its longest source and target
(``DataCollatorForSeq2Seq``), and in one CPU process runs each shuffled batch as
length-sorted micro-batches with the whole batch's gradient (``TrtuneTrainer``; GPUs and
several processes get length-grouped batches instead). Same tiny-t5, tokenizer, seed, pairs
(Tatoeba en->tr when ``../shared/data`` is there), batch size, learning rate and steps; both
sides in this process, in alternating rounds, the fastest round of each kept.

ratio = trtune training tokens/s / baseline training tokens/s, where a token is a real
(not padding) source or target token (target 1.5).

    python bench/bench_seq2seq.py [--quick]
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import torch

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from rounds import alternate  # noqa: E402

TATOEBA = ROOT.parent / "shared" / "data" / "seq2seq" / "tatoeba_en_tr.tsv"
BATCH, LR, MAX_SOURCE, MAX_TARGET = 32, 2e-3, 64, 64
PREFIX = "çevir en-tr: "


def pairs(n: int) -> tuple[str, list[tuple[str, str]]]:
    """``n`` pairs spread over Tatoeba (its lines grow longer down the file), or generated
    pairs of mixed lengths when the file is absent."""
    if TATOEBA.exists():
        lines = TATOEBA.read_text(encoding="utf-8").splitlines()
        step = max(1, len(lines) // n)
        chosen = [line.split("\t")[:2] for line in lines[::step][:n]]
        return TATOEBA.name, [(a, b) for a, b in chosen]
    words = "ev kedi ağaç deniz kitap çocuk araba kuş".split()
    made = [
        (" ".join(words[: 1 + i % 8] * (1 + i % 3)), " ".join(words[i % 8 :] * (1 + i % 2)))
        for i in range(n)
    ]
    return "generated", made


class Items(torch.utils.data.Dataset):
    def __init__(self, items: list[dict]):
        self.items = items

    def __len__(self) -> int:
        return len(self.items)

    def __getitem__(self, i: int) -> dict:
        return self.items[i]


def _arguments(out: str, steps: int):
    from transformers import Seq2SeqTrainingArguments

    return Seq2SeqTrainingArguments(
        output_dir=out,
        max_steps=steps,
        per_device_train_batch_size=BATCH,
        learning_rate=LR,
        save_strategy="no",
        eval_strategy="no",
        logging_strategy="no",
        report_to="none",
        seed=42,
        disable_tqdm=True,
        use_cpu=not torch.cuda.is_available(),
        dataloader_num_workers=0,
    )


def _model(tokenizer):
    from trtune.run.models import load_model, resolve_model

    return load_model(resolve_model("tiny-t5"), "seq2seq-lm", tokenizer, seed=42)


def train_trtune(tokenizer, data, steps: int, out: str) -> float:
    """Seconds for ``steps`` optimiser steps the trtune way."""
    from trtune.run.trainer import TrtuneTrainer
    from trtune.tasks.seq2seq.encode import Limits, encode_pairs, seq2seq_collator
    from trtune.tasks.seq2seq.pairs import Pair

    items = [Pair(a, b, i, a) for i, (a, b) in enumerate(data)]
    dataset, _ = encode_pairs(tokenizer, items, PREFIX, Limits(MAX_SOURCE, MAX_TARGET, True))
    trainer = TrtuneTrainer(
        model=_model(tokenizer),
        args=_arguments(out, steps),
        data_collator=seq2seq_collator(tokenizer),
        train_dataset=dataset,
        processing_class=tokenizer,
    )
    start = time.perf_counter()
    trainer.train()
    return time.perf_counter() - start


def train_baseline(tokenizer, data, steps: int, out: str) -> float:
    """Seconds for ``steps`` optimiser steps of the max-length-padding recipe."""
    from transformers import Seq2SeqTrainer, default_data_collator

    sources = tokenizer(
        [PREFIX + a for a, _ in data], padding="max_length", truncation=True, max_length=MAX_SOURCE
    )
    targets = tokenizer(
        text_target=[b for _, b in data],
        padding="max_length",
        truncation=True,
        max_length=MAX_TARGET,
    )
    items = [
        {
            "input_ids": torch.tensor(ids),
            "attention_mask": torch.tensor(mask),
            "labels": torch.tensor([t if t != tokenizer.pad_token_id else -100 for t in labels]),
        }
        for ids, mask, labels in zip(
            sources["input_ids"], sources["attention_mask"], targets["input_ids"], strict=True
        )
    ]
    trainer = Seq2SeqTrainer(
        model=_model(tokenizer),
        args=_arguments(out, steps),
        data_collator=default_data_collator,
        train_dataset=Items(items),
    )
    start = time.perf_counter()
    trainer.train()
    return time.perf_counter() - start


def real_tokens(tokenizer, data) -> float:
    """Mean real source + target tokens per pair (within the limits)."""
    sources = tokenizer([PREFIX + a for a, _ in data], truncation=True, max_length=MAX_SOURCE)
    targets = tokenizer(text_target=[b for _, b in data], truncation=True, max_length=MAX_TARGET)
    total = sum(map(len, sources["input_ids"])) + sum(map(len, targets["input_ids"]))
    return total / len(data)


def run(quick: bool = False) -> dict:
    from trtune.run.presets import train_preset_tokenizer

    n, steps, rounds = (512, 8, 2) if quick else (2048, 24, 3)
    name, data = pairs(n)
    tokenizer = train_preset_tokenizer(
        "tiny-t5", [PREFIX + a for a, _ in data] + [b for _, b in data]
    )
    per_pair = real_tokens(tokenizer, data)
    with tempfile.TemporaryDirectory() as tmp:
        timed = alternate(
            {
                "trtune": lambda: train_trtune(tokenizer, data, steps, tmp),
                "baseline": lambda: train_baseline(tokenizer, data, steps, tmp),
            },
            n=rounds,
            label="seq2seq train",
            seconds_of=lambda side, wall, seconds: seconds,  # train() alone, not the setup
        )
    tokens = per_pair * BATCH * steps
    return {
        "name": "seq2seq_throughput",
        "ratio": timed.ratio("baseline", "trtune"),
        "target": 1.5,
        "data": name,
        "pairs": n,
        "steps": steps,
        "batch_size": BATCH,
        "real_tokens_per_pair": round(per_pair, 1),
        "padded_tokens_per_pair_baseline": MAX_SOURCE + MAX_TARGET,
        "trtune_tokens_per_second": timed.rate("trtune", tokens),
        "baseline_tokens_per_second": timed.rate("baseline", tokens),
        "rounds": timed.to_dict(),
    }


if __name__ == "__main__":
    import json

    print(json.dumps(run(quick="--quick" in sys.argv), indent=2))
