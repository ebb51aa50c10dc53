"""OpenMP's wait between parallel regions: how much does spinning cost when other jobs share
the cores, and what does a shorter spin or none cost on a quiet machine?

    python bench/omp_wait.py [--rounds 3] [--load 0] [--policies default,PASSIVE,spin=10000]

Each policy runs in a fresh child process (OpenMP reads it when PyTorch loads it):
``default`` (GNU OpenMP spins 300,000 times, then sleeps), ``PASSIVE`` (never spins) and
``spin=N`` (``GOMP_SPINCOUNT=N``; trtune's default is 10000). The policies alternate round
by round and the fastest round of each is kept. ``--load N`` starts N busy-looping Python
processes beside them; run two PyTorch jobs beside it to see OpenMP against OpenMP, the case
that hurts. Workloads: a training step of a tiny T5 (many small operations), a MiniLM-size
BERT forward pass at batch 16 x 128 tokens and a training step of the same BERT.
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


def side(policy: str) -> dict:
    """One child run under ``policy``: ``PASSIVE``, ``default`` or ``spin=N`` (GNU OpenMP's
    ``GOMP_SPINCOUNT``: spin N times, then sleep)."""
    # An empty value keeps any ``setdefault`` (trtune's, a sitecustomize) from filling it in,
    # and OpenMP then uses its built-in default (spin for a while, then sleep).
    env = dict(os.environ, OMP_WAIT_POLICY="PASSIVE" if policy == "PASSIVE" else "")
    env.pop("GOMP_SPINCOUNT", None)
    if policy.startswith("spin="):
        env["GOMP_SPINCOUNT"] = policy.removeprefix("spin=")
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
    parser.add_argument("--policies", default="PASSIVE,default", help="comma-separated")
    args = parser.parse_args()
    spinners = [multiprocessing.Process(target=_spin, daemon=True) for _ in range(args.load)]
    for p in spinners:
        p.start()
    policies = args.policies.split(",")
    rounds: dict[str, list[dict]] = {p: [] for p in policies}
    try:
        for r in range(args.rounds):
            for name in policies:
                rounds[name].append(side(name))
                print(f"round {r + 1} {name}: {json.dumps(rounds[name][-1])}", flush=True)
    finally:
        for p in spinners:
            p.terminate()
    best = {n: {k: min(r[k] for r in rs) for k in rs[0]} for n, rs in rounds.items()}
    first = policies[0]
    ratio = {n: {k: round(best[n][k] / best[first][k], 2) for k in best[n]} for n in policies}
    print(json.dumps({"load": args.load, "best_ms": best, f"time_over_{first}": ratio}))


if __name__ == "__main__":
    main()
