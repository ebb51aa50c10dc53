"""Pretrain tiny-gpt on Turkish text, then LoRA-tune it on Turkish instructions.

    .venv/bin/python examples/lm_pretrain_then_lora.py --out runs/lm_example

Stage 1 (continued pre-training, ``full``): the TQuAD paragraphs (Turkish Wikipedia text)
as plain text. Stage 2 (``lora``): the stage-1 folder as base, tuned on the Alpaca-style
finance instructions. Both stages print validation perplexity before and after.
Runs offline; needs ../shared/data/lm (the TQuAD and Alpaca files).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from trtune.tasks.lm.settings import LMSettings
from trtune.tasks.lm.train import train_lm

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "lm"


def write_contexts(squad_file: Path, out_file: Path, limit: int) -> Path:
    """The distinct paragraphs of a SQuAD-style file, one per blank-line-separated block."""
    data = json.loads(squad_file.read_text("utf-8"))
    seen: dict[str, None] = {}
    for article in data["data"]:
        for paragraph in article["paragraphs"]:
            seen.setdefault(" ".join(paragraph["context"].split()), None)
    out_file.parent.mkdir(parents=True, exist_ok=True)
    out_file.write_text("\n\n".join(list(seen)[:limit]) + "\n", "utf-8")
    return out_file


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("runs/lm_example"))
    parser.add_argument("--paragraphs", type=int, default=800)
    parser.add_argument("--pretrain-steps", type=int, default=80)
    parser.add_argument("--lora-steps", type=int, default=40)
    args = parser.parse_args()

    text = write_contexts(
        SHARED / "tquad_train.json", args.out / "tquad_paragraphs.txt", args.paragraphs
    )
    pretrain = train_lm(
        LMSettings(
            data=str(text),
            out=str(args.out / "pretrain"),
            model="tiny-gpt",
            method="full",
            max_steps=args.pretrain_steps,
            max_length=128,
            batch_size=16,
        ),
        overwrite=True,
    )
    lora = train_lm(
        LMSettings(
            data=str(SHARED / "alpaca_tr_finans_ml.csv"),
            out=str(args.out / "lora"),
            model=str(args.out / "pretrain"),
            method="lora",
            max_steps=args.lora_steps,
            max_length=128,
            batch_size=16,
            lr=3e-3,
            epochs=1,
        ),
        overwrite=True,
    )
    for name, result in (("pretrain (full, TQuAD text)", pretrain), ("LoRA (Alpaca)", lora)):
        m = result.metrics
        print(
            f"{name}: val perplexity {m['perplexity_before']:.1f} -> {m['perplexity_after']:.1f}"
            f" ({m['steps']} steps, {m['tokens_per_second']:.0f} tokens/s)"
        )


if __name__ == "__main__":
    main()
