"""GPU section of the benchmarks: samples/s and model FLOPs utilisation (MFU) on CUDA.

Run on a CUDA machine (never part of `make test`):

    python bench/gpu_bench.py [--compile] [--steps 30] [--peak-tflops 989]

1. BERT-base-size sequence classification (12 layers, hidden 768, seq 128), bf16 autocast,
   SDPA attention, AdamW: a full fine-tuning step.
2. The LM path: a GPT-2-small-size causal LM (12 layers, hidden 768, seq 512), bf16.

Models are random-init from configs (no download). MFU = 6 * params * tokens/s / peak
(the standard estimate for a forward + backward pass), peak defaulting to the H100 SXM
dense bf16 figure. Paste the printed table into bench/RESULTS.md under "## GPU".
"""

from __future__ import annotations

import argparse
import json
import time

import torch


def _time_steps(model, batch_fn, steps: int, compile_model: bool) -> float:
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-5, fused=True)
    step_model = torch.compile(model) if compile_model else model
    for i in range(steps + 5):  # 5 warm-up steps
        if i == 5:
            torch.cuda.synchronize()
            start = time.perf_counter()
        with torch.autocast("cuda", dtype=torch.bfloat16):
            loss = step_model(**batch_fn()).loss
        loss.backward()
        optimizer.step()
        optimizer.zero_grad(set_to_none=True)
    torch.cuda.synchronize()
    return (time.perf_counter() - start) / steps


def bench_bert(steps: int, compile_model: bool, peak: float, batch: int = 64, seq: int = 128):
    from transformers import BertConfig, BertForSequenceClassification

    config = BertConfig(num_labels=3, attn_implementation="sdpa")
    model = BertForSequenceClassification(config).cuda()
    ids = torch.randint(1000, config.vocab_size, (batch, seq), device="cuda")
    labels = torch.randint(0, 3, (batch,), device="cuda")
    seconds = _time_steps(model, lambda: {"input_ids": ids, "labels": labels}, steps, compile_model)
    params = sum(p.numel() for p in model.parameters())
    tokens_per_s = batch * seq / seconds
    return {
        "name": "bert_base_finetune",
        "samples_per_s": round(batch / seconds, 1),
        "tokens_per_s": round(tokens_per_s),
        "mfu": round(6 * params * tokens_per_s / peak, 3),
    }


def bench_lm(steps: int, compile_model: bool, peak: float, batch: int = 16, seq: int = 512):
    from transformers import GPT2Config, GPT2LMHeadModel

    config = GPT2Config(n_positions=seq, attn_implementation="sdpa")
    model = GPT2LMHeadModel(config).cuda()
    ids = torch.randint(0, config.vocab_size, (batch, seq), device="cuda")
    seconds = _time_steps(model, lambda: {"input_ids": ids, "labels": ids}, steps, compile_model)
    params = sum(p.numel() for p in model.parameters())
    tokens_per_s = batch * seq / seconds
    return {
        "name": "gpt2_small_lm",
        "samples_per_s": round(batch / seconds, 1),
        "tokens_per_s": round(tokens_per_s),
        "mfu": round(6 * params * tokens_per_s / peak, 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=30)
    parser.add_argument("--compile", action="store_true", help="also run with torch.compile")
    parser.add_argument("--peak-tflops", type=float, default=989.0)
    args = parser.parse_args()
    if not torch.cuda.is_available():
        raise SystemExit("gpu_bench.py needs a CUDA GPU")
    peak = args.peak_tflops * 1e12
    print(f"device: {torch.cuda.get_device_name()}, torch {torch.__version__}")
    for compile_model in [False, True] if args.compile else [False]:
        for bench in (bench_bert, bench_lm):
            result = bench(args.steps, compile_model, peak)
            result["compile"] = compile_model
            print(json.dumps(result))


if __name__ == "__main__":
    main()
