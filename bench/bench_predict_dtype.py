"""``classify predict`` in the number format ``--dtype auto`` picks vs float32.

``classify predict`` (:func:`trtune.infer.classify.load_classifier`) loads the classifier in
``--dtype auto``: bfloat16 where the CPU multiplies bfloat16 matrices fast
(:func:`trtune.run.devices.cpu_has_bf16_matmul`), float32 elsewhere. Three sides, the same
MiniLM-L6 with a seeded random 3-label head saved as a folder, the same e-ticaret reviews,
alternating rounds (:mod:`rounds`), the fastest of each kept:

- ``float32``: ``--dtype float32``, today's results;
- ``auto``: ``--dtype auto``, what a user gets;
- ``bfloat16``: ``--dtype bfloat16`` forced, what this CPU gives in bfloat16 either way
  (left out of the quick form on a CPU without fast bfloat16, where it is emulated).

ratio = float32 seconds / auto seconds. Target 1.4 on a CPU with fast bfloat16 matrices
(issue 29); on one without, ``auto`` is float32 and the target is that nothing changes
(0.95: 1.0 within the noise of a shared machine, and the same labels). ``bfloat16_ratio`` and
``bfloat16_same_labels`` say what bfloat16 would give here (a random head's probabilities
sit near each other, so its label agreement is a pessimistic figure).

    python bench/bench_predict_dtype.py [--quick]
"""

from __future__ import annotations

import tempfile

import torch
from benchdata import minilm, reviews
from rounds import alternate

from trtune.infer.classify import load_classifier
from trtune.run.devices import cpu_has_bf16_matmul, dtype_name, resolve_dtype
from trtune.run.models import load_model, resolve_model


def same_labels(a: list, b: list) -> int:
    """How many predictions name the same label in ``a`` and ``b`` (same texts, same order)."""
    return sum(x.label == y.label for x, y in zip(a, b, strict=True))


def run(quick: bool = False) -> dict:
    """Time the three sides in alternating rounds; count the labels that agree."""
    fast = cpu_has_bf16_matmul()
    source, texts, _ = reviews((256 if fast else 192) if quick else 512, seed=3)
    tokenizer, folder = minilm()
    # where bfloat16 is emulated (no AVX-512 BF16 / AMX) a forced bfloat16 side is 6-7x
    # slower than float32 (13 s a round on 256 reviews): the quick form leaves it out there
    names = ("float32", "auto", "bfloat16") if fast or not quick else ("float32", "auto")
    with tempfile.TemporaryDirectory() as tmp:
        model = load_model(
            resolve_model(str(folder)), "sequence-classification", tokenizer, seed=0,
            labels=["negative", "neutral", "positive"],
        )  # fmt: skip
        model.save_pretrained(tmp)
        tokenizer.save_pretrained(tmp)
        sides = {name: load_classifier(tmp, device="cpu", dtype=name) for name in names}
    for classifier in sides.values():  # warm-up: kernels, allocator
        classifier.predict(texts[:32])
    rounds = alternate(
        {name: (lambda c=c: c.predict(texts)) for name, c in sides.items()},
        n=(2 if fast else 3) if quick else 3,  # quick, bfloat16 emulated: 2 cheap sides
        label="predict",
    )
    auto = resolve_dtype("auto", torch.device("cpu"))
    reference = rounds.results["float32"]
    return {
        "name": "predict_bf16_vs_fp32",
        "ratio": rounds.ratio("float32", "auto"),
        "target": 1.4 if fast else 0.95,
        "target_note": (
            "1.4 where bfloat16 matrices are fast; elsewhere auto is float32 and the ratio "
            "only has to stay at 1 within 5 % of noise, with the same labels"
        ),
        "auto_dtype": dtype_name(auto),
        "cpu_has_bf16_matmul": fast,
        "data": source,
        "texts": len(texts),
        "threads": torch.get_num_threads(),
        "texts_per_second": {name: rounds.rate(name, len(texts)) for name in sides},
        "auto_same_labels": f"{same_labels(rounds.results['auto'], reference)}/{len(texts)}",
        **(
            {
                "bfloat16_ratio": rounds.ratio("float32", "bfloat16"),
                "bfloat16_same_labels": (
                    f"{same_labels(rounds.results['bfloat16'], reference)}/{len(texts)}"
                ),
            }
            if "bfloat16" in sides
            else {"bfloat16": "full form only on this CPU (emulated)"}
        ),
        "rounds": rounds.to_dict(),
        # auto must not change a label where it stays float32
        "conditions_met": fast or same_labels(rounds.results["auto"], reference) == len(texts),
    }


if __name__ == "__main__":
    import json
    import sys

    print(json.dumps(run(quick="--quick" in sys.argv)))
