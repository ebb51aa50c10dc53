"""Frozen-encoder features: trtune's ``extract_features`` vs sentence-transformers ``encode``.

sentence-transformers is what a knowledgeable user picks for sentence vectors: ``encode``
sorts the texts by length, tokenizes and pads each batch of 32 to its longest text and
runs the model under ``torch.inference_mode``. The MiniLM-L6 stand-in is a
sentence-transformers folder (mean pooling, then unit length, 256 tokens), so trtune runs
the same recipe (``pooling="mean"``, ``max_length=256``) and the vectors, normalised, must
agree within 1e-5 (float32 on both sides). Same e-ticaret reviews, same process, alternating
rounds (:mod:`rounds`), the fastest round of each side kept.

ratio = sentence-transformers seconds / trtune seconds (target 1.5).

    python bench/bench_features_st.py [--quick]
"""

from __future__ import annotations

import torch
from benchdata import minilm, reviews
from rounds import alternate
from transformers import AutoModel

from trtune.tasks.classify.features import extract_features

MAX_LENGTH = 256  # the folder's sentence_bert_config.json: both sides truncate alike
TOLERANCE = 1e-5


def run(quick: bool = False) -> dict:
    """Time both sides in alternating rounds; check that the vectors agree."""
    from sentence_transformers import SentenceTransformer

    source, texts, _ = reviews(600 if quick else 2000, seed=2)
    tokenizer, folder = minilm()
    model = AutoModel.from_pretrained(folder).eval()
    peer = SentenceTransformer(str(folder), device="cpu")
    peer.max_seq_length = MAX_LENGTH

    def ours() -> torch.Tensor:
        vectors = extract_features(model, tokenizer, texts, pooling="mean", max_length=MAX_LENGTH)
        return torch.nn.functional.normalize(vectors, dim=-1)  # (N, H), as the Normalize module

    def theirs() -> torch.Tensor:
        return peer.encode(texts, convert_to_tensor=True, show_progress_bar=False)  # (N, H)

    extract_features(model, tokenizer, texts[:32], pooling="mean")  # warm-up both sides
    peer.encode(texts[:32])
    rounds = alternate(
        {"trtune": ours, "sentence_transformers": theirs}, n=2 if quick else 3, label="features"
    )
    ours_vectors, peer_vectors = rounds.results["trtune"], rounds.results["sentence_transformers"]
    difference = float((ours_vectors - peer_vectors).abs().max())
    return {
        "name": "features_vs_sentence_transformers",
        "ratio": rounds.ratio("sentence_transformers", "trtune"),
        "target": 1.5,
        "data": source,
        "texts": len(texts),
        "threads": torch.get_num_threads(),
        "trtune_texts_per_second": rounds.rate("trtune", len(texts)),
        "sentence_transformers_texts_per_second": rounds.rate("sentence_transformers", len(texts)),
        "rounds": rounds.to_dict(),
        "max_abs_difference": difference,
        "conditions_met": difference <= TOLERANCE,
    }


if __name__ == "__main__":
    import json
    import sys

    print(json.dumps(run(quick="--quick" in sys.argv)))
