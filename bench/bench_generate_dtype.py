"""``seq2seq generate`` in the number format ``--dtype auto`` picks vs float32.

``seq2seq generate`` and ``eval`` load the model with ``--dtype auto``
(:func:`trtune.infer.seq2seq.load_seq2seq`): bfloat16 where the CPU multiplies bfloat16
matrices fast (:func:`trtune.run.devices.cpu_has_bf16_matmul`), float32 elsewhere. Both
sides run trtune's own generation (``LoadedSeq2Seq.generate``: batches of 32 sources,
greedy, at most 32 new tokens) on the same Tatoeba en->tr sources (generated pairs when
``../shared/data`` is absent), in alternating rounds (:mod:`rounds`), the fastest kept:

- speed: a T5-small-sized model (6 + 6 layers, width 512, feed-forward 2048, 8 heads)
  with tiny-t5's tokenizer and random weights (a step's time does not depend on the
  weights' values), saved as a folder;
- agreement: tiny-t5 trained by ``seq2seq train`` on other pairs of the file; the share of
  sources whose output is the same in both formats, and each format's chrF against the
  references.

ratio = float32 seconds / auto seconds. Target 1.4 on a CPU with fast bfloat16 matrices
(issue 29 goal 3); on one without, ``auto`` is float32 and nothing changes (0.95: 1.0 within
noise). ``conditions_met``: at least 90% of the trained model's outputs the same.

    python bench/bench_generate_dtype.py [--quick]
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import torch

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from bench_seq2seq import TATOEBA, pairs  # noqa: E402
from rounds import alternate  # noqa: E402

from trtune.infer.seq2seq import load_seq2seq  # noqa: E402
from trtune.run.devices import cpu_has_bf16_matmul, dtype_name, resolve_dtype  # noqa: E402
from trtune.tasks.seq2seq.metrics import bleu_and_chrf  # noqa: E402

GREEDY = {"num_beams": 1, "max_new_tokens": 32}
SMALL = dict(d_model=512, d_ff=2048, num_layers=6, num_decoder_layers=6, num_heads=8, d_kv=64)


def _small_folder(tokenizer, out: Path) -> Path:
    """A T5-small-sized model with ``tokenizer`` and random weights, saved in ``out``."""
    from transformers import T5Config, T5ForConditionalGeneration

    torch.manual_seed(0)
    config = T5Config(
        vocab_size=len(tokenizer),
        pad_token_id=tokenizer.pad_token_id,
        eos_token_id=tokenizer.eos_token_id,
        decoder_start_token_id=tokenizer.pad_token_id,
        **SMALL,
    )
    T5ForConditionalGeneration(config).save_pretrained(out)
    tokenizer.save_pretrained(out)
    return out


def _trained_folder(train_pairs: list[tuple[str, str]], root: Path, steps: int) -> Path:
    """tiny-t5 trained by ``seq2seq train`` on ``train_pairs`` (a TSV in ``root``)."""
    from trtune.tasks.seq2seq.settings import Seq2SeqSettings
    from trtune.tasks.seq2seq.train import train_seq2seq

    data = root / "pairs.tsv"
    data.write_text("".join(f"{a}\t{b}\n" for a, b in train_pairs), encoding="utf-8")
    settings = Seq2SeqSettings(
        model="tiny-t5",
        data=[str(data)],
        out=str(root / "trained"),
        max_steps=steps,
        batch_size=32,
        lr=3e-3,
        eval_samples=8,
        num_beams=1,
        max_new_tokens=32,
    )
    train_seq2seq(settings)
    return root / "trained"


def run(quick: bool = False) -> dict:
    """Time float32 and auto in alternating rounds; compare the trained model's outputs."""
    auto = resolve_dtype("auto", torch.device("cpu"))
    n_sources, n_train, steps = (128, 2000, 150) if quick else (512, 8000, 600)
    source, chosen = pairs(n_sources + n_train)
    test, train = chosen[:n_sources], chosen[n_sources:]
    sources = [a for a, _ in test]
    with tempfile.TemporaryDirectory() as tmp:
        trained = _trained_folder(train, Path(tmp), steps)
        tokenizer = load_seq2seq(trained).generator.tokenizer
        small = _small_folder(tokenizer, Path(tmp) / "small")
        models = {name: load_seq2seq(small, "cpu", name) for name in ("float32", "auto")}
        sides = {name: (lambda m=m: m.generate(sources, GREEDY)) for name, m in models.items()}
        rounds = alternate(sides, n=2 if quick else 3, warmup=True, label="generate")
        outputs = {
            name: load_seq2seq(trained, "cpu", name).generate(sources, GREEDY)
            for name in ("float32", "auto")
        }
    references = [b for _, b in test]
    same = sum(a == b for a, b in zip(outputs["float32"], outputs["auto"], strict=True))
    small_same = sum(
        a == b for a, b in zip(rounds.results["float32"], rounds.results["auto"], strict=True)
    )
    fast = cpu_has_bf16_matmul()
    return {
        "name": "generate_bf16_vs_fp32",
        "ratio": rounds.ratio("float32", "auto"),
        "target": 1.4 if fast else 0.95,
        "auto_dtype": dtype_name(auto),
        "data": source if TATOEBA.exists() else "generated pairs",
        "sources": len(sources),
        "threads": torch.get_num_threads(),
        "sources_per_second": {name: rounds.rate(name, len(sources)) for name in sides},
        "rounds": rounds.to_dict(),
        "small_model_same_outputs": f"{small_same}/{len(sources)}",
        "trained_steps": steps,
        "trained_same_outputs": f"{same}/{len(sources)}",
        "trained_chrf": {
            name: round(bleu_and_chrf(out, references)["chrf"], 2) for name, out in outputs.items()
        },
        "conditions_met": same >= 0.9 * len(sources),
    }


if __name__ == "__main__":
    import json

    print(json.dumps(run(quick="--quick" in sys.argv)))
