"""OpenMP wait policy: do trtune's ``OMP_WAIT_POLICY=PASSIVE`` default cost anything on a quiet
machine, and what does it save on a shared one?

    python bench/omp_wait.py [--rounds 3] [--load 0]

Each side runs in a fresh child process (the policy is read when PyTorch loads OpenMP), the
sides alternate (PASSIVE, ACTIVE-by-default, PASSIVE, ...) and the fastest round of each is
kept. ``--load N`` starts N busy-looping processes beside them, as another job on the same
cores would. Workloads: a training step of a tiny T5 (many small operations), a MiniLM-size
BERT forward pass at batch 16 x 128 tokens (large matrix products) and a training step of
the same BERT.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import subprocess
import sys

CHILD = r"""
import json, sys, time, torch
from transformers import BertConfig, BertForSequenceClassification
from transformers import T5Config, T5ForConditionalGeneration
torch.manual_seed(0)
def timed(step, n):
    step(); step()
    start = time.perf_counter()
    for _ in range(n):
        step()
    return (time.perf_counter() - start) / n * 1000
t5 = T5ForConditionalGeneration(T5Config(d_model=128, d_ff=512, d_kv=32, num_layers=2, num_heads=4,
    vocab_size=2743, decoder_start_token_id=0, pad_token_id=0))
opt = torch.optim.AdamW(t5.parameters())
x, y = torch.randint(0, 2743, (32, 20)), torch.randint(0, 2743, (32, 20))
def t5_step():
    t5(input_ids=x, labels=y).loss.backward(); opt.step(); opt.zero_grad()
bert = BertForSequenceClassification(BertConfig(hidden_size=384, num_hidden_layers=6,
    num_attention_heads=12, intermediate_size=1536, num_labels=3))
ids = torch.randint(0, 30000, (16, 128))
def bert_forward():
    with torch.inference_mode():
        bert(input_ids=ids)
bopt = torch.optim.AdamW(bert.parameters())
labels = torch.zeros(16, dtype=torch.long)
def bert_step():
    bert(input_ids=ids, labels=labels).loss.backward(); bopt.step(); bopt.zero_grad()
print(json.dumps({"tiny_t5_step_ms": timed(t5_step, 10), "bert_forward_ms": timed(bert_forward, 5),
    "bert_train_step_ms": timed(bert_step, 3)}))
"""


def side(policy: str | None) -> dict:
    # An empty value keeps any ``setdefault`` (trtune's, a sitecustomize) from filling it in,
    # and OpenMP then uses its built-in default (spin for a while, then sleep).
    env = dict(os.environ, OMP_WAIT_POLICY=policy or "")
    out = subprocess.run([sys.executable, "-c", CHILD], env=env, capture_output=True, text=True)
    if out.returncode:
        raise SystemExit(out.stderr[-2000:])
    return json.loads(out.stdout.strip().splitlines()[-1])


def _spin() -> None:
    while True:
        pass


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--load", type=int, default=0, help="busy processes beside the sides")
    args = parser.parse_args()
    spinners = [multiprocessing.Process(target=_spin, daemon=True) for _ in range(args.load)]
    for p in spinners:
        p.start()
    rounds: dict[str, list[dict]] = {"PASSIVE": [], "default": []}
    try:
        for r in range(args.rounds):
            for name, policy in (("PASSIVE", "PASSIVE"), ("default", None)):
                rounds[name].append(side(policy))
                print(f"round {r + 1} {name}: {json.dumps(rounds[name][-1])}", flush=True)
    finally:
        for p in spinners:
            p.terminate()
    best = {n: {k: min(r[k] for r in rs) for k in rs[0]} for n, rs in rounds.items()}
    ratio = {k: round(best["default"][k] / best["PASSIVE"][k], 2) for k in best["PASSIVE"]}
    print(json.dumps({"load": args.load, "best_ms": best, "default_over_passive": ratio}))


if __name__ == "__main__":
    main()
