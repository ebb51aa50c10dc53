"""Fill-mask throughput: trtune's filler vs ``transformers.pipeline("fill-mask")``.

The pipeline, as its documentation calls it, takes one sentence at a time and computes the
vocabulary logits of every position. trtune's :class:`~trtune.infer.mask.MaskFiller` sorts
the sentences by length, runs them in batches of 32 (on a CPU cut into parts padded to their
own longest) and computes the vocabulary logits only at the blanks (the decoder is 384 x
30,522 for MiniLM). Same MiniLM-L6 masked LM (its head added and left random: speed does not
depend on it), same e-ticaret sentences with one word replaced by the mask token; the top-5
answers must agree.

ratio = pipeline seconds / trtune seconds, each the fastest of alternating rounds (target 3.0).

    python bench/bench_mask_fill.py [--quick]
"""

from __future__ import annotations

import random
import tempfile

from benchdata import minilm, reviews
from rounds import alternate
from transformers import pipeline

from trtune.infer.mask import load_filler
from trtune.run.models import resolve_model
from trtune.tasks.mask.head import load_masked_lm

TOP_K = 5


def _sentences(n: int, mask: str) -> list[str]:
    """``n`` reviews with one word (not the first) replaced by the mask token."""
    _, texts, _ = reviews(n, seed=4)
    rng = random.Random(0)
    out = []
    for text in texts:
        words = text.split()
        if len(words) < 2:
            words.append("güzel")
        i = rng.randrange(1, len(words))
        out.append(" ".join(words[:i] + [mask] + words[i + 1 :]))
    return out


def run(quick: bool = False, rounds: int = 3) -> dict:
    """Time both sides in alternating rounds (:mod:`rounds`); keep each side's fastest."""
    rounds = 2 if quick else rounds
    tokenizer, folder = minilm()
    with tempfile.TemporaryDirectory() as tmp:
        model = load_masked_lm(resolve_model(str(folder)), tokenizer, seed=0).model
        model.save_pretrained(tmp)
        tokenizer.save_pretrained(tmp)
        filler = load_filler(tmp)
        reference = pipeline("fill-mask", model=tmp, top_k=TOP_K, device="cpu")
        sentences = _sentences(160 if quick else 600, tokenizer.mask_token)
        filler.fill(sentences[:8], TOP_K)  # warm-up both code paths
        reference(sentences[:8])
        timed = alternate(
            {
                "trtune": lambda: filler.fill(sentences, TOP_K),
                "pipeline": lambda: reference(sentences),
            },
            n=rounds,
            label="fill-mask",
        )
    ours, theirs = timed.results["trtune"], timed.results["pipeline"]
    agree = sum(
        [f.token_id for f in o.masks[0]] == [c["token"] for c in t]
        for o, t in zip(ours, theirs, strict=True)
    )
    return {
        "name": "mask_fill",
        "ratio": timed.ratio("pipeline", "trtune"),
        "target": 3.0,
        "sentences": len(sentences),
        "rounds": timed.to_dict(),
        "same_top5": f"{agree}/{len(sentences)}",
        "conditions_met": agree >= 0.99 * len(sentences),
    }


if __name__ == "__main__":
    import json
    import sys

    print(json.dumps(run(quick="--quick" in sys.argv)))
