"""Frozen-encoder features: trtune's ``extract_features`` vs sentence-transformers ``encode``.

sentence-transformers is what a knowledgeable user picks for sentence vectors: ``encode``
sorts the texts by length, tokenizes and pads each batch of 32 to its longest text and
runs the model under ``torch.inference_mode``. The MiniLM-L6 stand-in is a
sentence-transformers folder (mean pooling, then unit length, 256 tokens), so trtune runs
the same recipe (``pooling="mean"``, ``max_length=256``). Sides, in alternating rounds
(:mod:`rounds`), the fastest round of each kept, same e-ticaret reviews, same process:

- ``trtune_float32``: the exact path; its unit vectors must agree with
  sentence-transformers' within 1e-5;
- ``trtune_auto``: the encoder in the number format ``--dtype auto`` picks on this machine
  (bfloat16 weights where the CPU multiplies bfloat16 fast; see
  :func:`trtune.run.devices.cpu_has_bf16_matmul`); its unit vectors must keep a cosine of
  at least 0.999 with the float32 ones (the stated tolerance of the bfloat16 path);
- ``sentence_transformers``: ``encode`` in float32, its defaults (batches of 32).

ratio = sentence-transformers seconds / trtune_auto seconds (target 1.5);
``float32_ratio`` = sentence-transformers seconds / trtune_float32 seconds.

``tokens`` counts the tokens each side's encoder ran per round (rows x padded length, by a
hook on the encoder's embeddings) beside the texts' own. In float32 both sides do the same
arithmetic per token at the CPU's matrix-product speed, so the ratio follows
sentence-transformers' tokens over trtune's: 22,064 / 16,792 = 1.31 on the quick form's 400
reviews, 91,216 / 77,545 = 1.18 on the full form's 2,000 (it sorts by characters, trtune by
tokens). Even with no padding at all (75,318 tokens) the float32 path stays under 1.5 there:
the target needs a cheaper number format (``trtune_auto`` in bfloat16 where the CPU has it).

    python bench/bench_features_st.py [--quick]
"""

from __future__ import annotations

import copy

import torch
from benchdata import minilm, reviews
from rounds import alternate
from transformers import AutoModel

from trtune.run.devices import dtype_name, resolve_dtype
from trtune.tasks.classify.features import extract_features

MAX_LENGTH = 256  # the folder's sentence_bert_config.json: both sides truncate alike
TOLERANCE = 1e-5  # float32 path: largest difference of a unit-vector component
MIN_COSINE = 0.999  # bfloat16 path: smallest cosine between its vector and float32's


def _count_tokens(model: torch.nn.Module):
    """A hook that adds up the ``input_ids`` elements ``model`` (an encoder's embeddings) is
    called with; returns a function giving the sum so far."""
    total = [0]

    def hook(module, args, kwargs) -> None:
        ids = kwargs.get("input_ids", args[0] if args else None)
        total[0] += ids.numel()

    model.register_forward_pre_hook(hook, with_kwargs=True)
    return lambda: total[0]


def run(quick: bool = False) -> dict:
    """Time the sides in alternating rounds; check that the vectors agree."""
    from sentence_transformers import SentenceTransformer

    source, texts, _ = reviews(400 if quick else 2000, seed=2)
    tokenizer, folder = minilm()
    model = AutoModel.from_pretrained(folder).eval()
    auto = resolve_dtype("auto", torch.device("cpu"))
    models = {"trtune_float32": model}
    if auto != torch.float32:
        models["trtune_auto"] = copy.deepcopy(model).to(auto)
    peer = SentenceTransformer(str(folder), device="cpu")
    peer.max_seq_length = MAX_LENGTH

    def ours(side: str):
        def extract() -> torch.Tensor:
            vectors = extract_features(
                models[side], tokenizer, texts, pooling="mean", max_length=MAX_LENGTH
            )
            return torch.nn.functional.normalize(vectors, dim=-1)  # (N, H), as Normalize does

        return extract

    def theirs() -> torch.Tensor:
        return peer.encode(texts, convert_to_tensor=True, show_progress_bar=False)  # (N, H)

    sides = {side: ours(side) for side in models} | {"sentence_transformers": theirs}
    for model_of_side in models.values():  # warm-up: kernels, allocator
        extract_features(model_of_side, tokenizer, texts[:64], pooling="mean")
    peer.encode(texts[:64], show_progress_bar=False)
    n_rounds = 3  # quick too: two rounds of 400 reviews read 1.19-1.72 within minutes
    counted = {side: _count_tokens(model.embeddings) for side, model in models.items()}
    # its BertModel: ``forward`` is called directly, no hooks; its embeddings' are
    counted["sentence_transformers"] = _count_tokens(peer[0].model.embeddings)
    rounds = alternate(sides, n=n_rounds, label="features")
    own = tokenizer(list(texts), truncation=True, max_length=MAX_LENGTH)["input_ids"]
    tokens = {"texts": sum(len(ids) for ids in own)}
    tokens |= {side: count() // n_rounds for side, count in counted.items()}
    exact, peer_vectors = rounds.results["trtune_float32"], rounds.results["sentence_transformers"]
    difference = float((exact - peer_vectors).abs().max())
    fast_side = "trtune_auto" if "trtune_auto" in models else "trtune_float32"
    cosine = float((rounds.results[fast_side] * exact).sum(dim=-1).min())
    return {
        "name": "features_vs_sentence_transformers",
        "ratio": rounds.ratio("sentence_transformers", fast_side),
        "target": 1.5,
        "float32_ratio": rounds.ratio("sentence_transformers", "trtune_float32"),
        "auto_dtype": dtype_name(auto),
        "data": source,
        "texts": len(texts),
        "threads": torch.get_num_threads(),
        "texts_per_second": {side: rounds.rate(side, len(texts)) for side in sides},
        "rounds": rounds.to_dict(),
        "tokens": tokens,
        "float32_max_abs_difference": difference,
        "auto_min_cosine_to_float32": round(cosine, 6),
        "conditions_met": difference <= TOLERANCE and cosine >= MIN_COSINE,
    }


if __name__ == "__main__":
    import json
    import sys

    print(json.dumps(run(quick="--quick" in sys.argv)))
