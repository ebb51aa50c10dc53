"""Run trtune's benchmark suite and write the results.

    python bench/run.py --quick   # reduced forms, < 10 min: bench/results-quick.json
    python bench/run.py --full    # the full CPU suite, < 30 min: bench/RESULTS.md

Each benchmark is a module ``bench/bench_<name>.py`` with ``run(quick: bool) -> dict`` (or a
list of such dicts) that returns at least ``{"name", "ratio", "target"}`` (ratio
better-is-higher, both sides measured in the same process) plus whatever figures it measured.
Its sides run in alternating rounds (``bench/rounds.py``: A, B, A, B, ..., the fastest round
of each side kept, every round printed and returned under ``rounds``), so that load from
other jobs does not decide a ratio. The peers (TRL, sentence-transformers) come with the
``bench`` extra (``pip install -e ".[dev,bench]"``; ``make bench`` installs it). A float32
matrix-product probe runs before and after the suite and is printed: on a shared host the
same work can take 25-50% longer in one phase of the day than in another.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
import os
import platform
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))
sys.path.insert(0, str(BENCH))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

SUITE = [
    ("feature_extraction", "bench_features"),
    ("features_vs_sentence_transformers", "bench_features_st"),
    ("predict_bf16_vs_fp32", "bench_predict_dtype"),
    ("classify_vs_grouped_trainer", "bench_classify_trainer"),
    ("finetune_throughput", "bench_finetune"),
    ("nanogpt_steps", "bench_nanogpt"),
    ("lm_packing", "bench_lm_packing"),
    ("serve_batching", "bench_serve"),
    ("qa_speed", "bench_qa"),
    ("seq2seq_throughput", "bench_seq2seq"),
    ("mask_fill", "bench_mask_fill"),
    ("mask_train", "bench_mask_train"),
    ("ner_throughput", "bench_ner"),
    ("lm_vs_trl", "bench_lm_trl"),  # two results: lm_vs_trl_full, lm_vs_trl_lora
    ("onnx_inference", "bench_onnx"),
]


def machine() -> str:
    import torch

    return (
        f"{platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
        f"torch {torch.__version__}, threads {torch.get_num_threads()}"
    )


def speed_probe(seconds: float = 1.0) -> float:
    """GFLOP/s of float32 1024 x 1024 matrix products on this process's threads for about
    ``seconds``: printed before and after the suite, so that a reader sees whether the
    machine ran slow (other tenants of a shared host move it by 25-50% within a day)."""
    import torch

    a, b = torch.randn(1024, 1024), torch.randn(1024, 1024)
    torch.mm(a, b)  # warm-up
    done, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        torch.mm(a, b)
        done += 1
    return round(done * 2 * 1024**3 / (time.perf_counter() - start) / 1e9, 1)


def run_suite(quick: bool, only: list[str] | None) -> list[dict]:
    results = []
    for name, module_name in SUITE:
        if only and name not in only:
            continue
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name != module_name:
                raise
            results.append({"name": name, "ratio": None, "target": None, "missing": True})
            continue
        start = time.perf_counter()
        print(f"== {name} ({'quick' if quick else 'full'})", flush=True)
        returned = module.run(quick=quick)
        batch = returned if isinstance(returned, list) else [returned]  # a module may give several
        for result in batch:
            result["seconds"] = round((time.perf_counter() - start) / len(batch), 1)
            print(json.dumps(result, ensure_ascii=False), flush=True)
        results.extend(batch)
    return results


def target_met(result: dict) -> bool:
    """Ratio at or above target, and any side condition the benchmark reports
    (``conditions_met``, e.g. the fine-tune accuracy staying within 0.5 points)."""
    return result["ratio"] >= result["target"] and result.get("conditions_met", True)


def write_markdown(results: list[dict], command: str) -> Path:
    lines = [
        "# trtune benchmark results",
        "",
        f"- date: {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M UTC}",
        f"- machine: {machine()}",
        f"- command: `{command}`",
        "",
        "| benchmark | ratio | target | met | seconds | details |",
        "|---|---|---|---|---|---|",
    ]
    for r in results:
        skip = ("name", "ratio", "target", "seconds")
        details = {k: v for k, v in r.items() if k not in skip}
        met = "-" if r.get("ratio") is None else ("yes" if target_met(r) else "NO")
        lines.append(
            f"| {r['name']} | {r.get('ratio')} | {r.get('target')} | {met} | "
            f"{r.get('seconds', '-')} | `{json.dumps(details, ensure_ascii=False)}` |"
        )
    path = BENCH / "RESULTS.md"
    previous = path.read_text(encoding="utf-8") if path.exists() else ""
    # the sections written by hand (peers side by side, GPU) stay: everything from the
    # first "## " heading on
    kept = previous[previous.index("\n## ") :] if "\n## " in previous else None
    text = "\n".join(lines) + "\n"
    if kept is not None:
        text += kept
    path.write_text(text, encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--quick", action="store_true")
    mode.add_argument("--full", action="store_true")
    parser.add_argument("--only", nargs="*", help="run only these benchmark names")
    args = parser.parse_args()
    start = time.perf_counter()
    probe_before = speed_probe()
    print(f"machine speed before: {probe_before} GFLOP/s (float32 matrix products)", flush=True)
    results = run_suite(quick=args.quick, only=args.only)
    probe_after = speed_probe()
    if args.quick:
        out = BENCH / "results-quick.json"
        fields = ("name", "ratio", "target", "memory_ratio", "memory_target", "conditions_met")
        keep = [{k: r[k] for k in fields if k in r} for r in results]
        out.write_text(json.dumps(keep, indent=2) + "\n", encoding="utf-8")
    else:
        out = write_markdown(results, "make bench")
    print(f"wrote {out}")
    missed = [r["name"] for r in results if r.get("ratio") is None or not target_met(r)]
    if missed:
        print(f"targets not met: {', '.join(missed)}")
    total = time.perf_counter() - start
    print(f"machine speed after: {probe_after} GFLOP/s (before: {probe_before})")
    print(f"total wall time: {total:.0f} s ({int(total // 60)} min {total % 60:.0f} s)")


if __name__ == "__main__":
    main()
