"""Causal-LM training throughput: packed sequences (``--pack``) vs padded batches.

Same TQuAD instruction examples (``../shared/data/lm/tquad_train.json``; the bundled
reviews when absent), same small GPT-2-style model (4 layers, hidden 256), tokenizer,
batch size and max length.
Three layouts are timed in this process (forward + backward + AdamW step, tokens that are
not padding per second):

- padded: each batch padded to its longest sequence (trtune without ``--pack``);
- static: every sequence padded to ``max_length`` (the usual tutorial collator);
- packed: examples concatenated into ``max_length`` rows, positions restarting per
  example so that attention never crosses examples.

The layouts alternate in rounds (:mod:`rounds`), the fastest of each kept. Peak resident
memory of each layout is measured in a child process of its own (full form only).

ratio = packed tokens/s / static-padded tokens/s (target 1.5): the padded batches of the
usual ``padding="max_length"`` recipe, the same baseline as the fine-tune benchmark.
``ratio_vs_dynamic`` compares with batches padded to their longest sequence; that gain is
bounded by how full the padded tensors already are (about ``packed_fill / padded_fill``).

    python bench/bench_lm_packing.py [--quick]
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from benchdata import BUNDLED, TQUAD

from bench.lm_pack import pack_vs_pad

MAX_LENGTH = 512
BATCH = 8
MODEL = "tiny-gpt-4l"  # 4 layers, hidden 256: linear layers matter as in real models


def _data() -> str:
    return str(TQUAD if TQUAD.is_file() else BUNDLED)


def _memory(mode: str, steps: int, examples: int) -> dict:
    """Peak and growth of resident memory (MiB) while training ``steps`` steps in ``mode``,
    in a child process of its own (so that the layouts do not share one high-water mark)."""
    code = (
        "import json; from bench.lm_pack import train_steps; "
        f"print(json.dumps(train_steps({_data()!r}, {mode!r}, {MAX_LENGTH}, {BATCH}, "
        f"{steps}, {MODEL!r}, max_examples={examples})))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    measured = json.loads(out.stdout.strip().splitlines()[-1])
    return {"peak_mib": measured["peak_mib"], "growth_mib": measured["growth_mib"]}


def run(quick: bool = False) -> dict:
    # quick: 3 timed steps (+1 warm-up) per round, no memory children (each one a fresh
    # process: imports, tokenizer, data); the full form: 10 steps and the memory of each
    # layout. Both on 1,500 examples: the first 600 are longer (static fill 0.68 against
    # 0.57, packed 0.82 against 0.92), which read 1.16 instead of about 1.8. Three rounds
    # in the quick form too: two read 1.44-1.77 in runs on the same quiet machine.
    steps, rounds, examples = (3, 3, 1500) if quick else (10, 3, 1500)
    result = pack_vs_pad(
        _data(), MODEL, MAX_LENGTH, BATCH, steps, max_examples=examples, rounds=rounds
    )
    layouts = ("padded", "packed", "static")
    memory = "full form only" if quick else {m: _memory(m, 4, examples) for m in layouts}
    return {
        "name": "lm_packing",
        "ratio": round(result.speedup_vs_static, 2),
        "target": 1.5,
        "ratio_vs_dynamic": round(result.speedup, 2),
        "data": Path(_data()).name,
        "steps": steps,
        "padded_tokens_per_second": round(result.padded_tokens_per_second),
        "packed_tokens_per_second": round(result.packed_tokens_per_second),
        "static_tokens_per_second": round(result.static_tokens_per_second),
        "padded_fill": round(result.padded_fill, 3),
        "packed_fill": round(result.packed_fill, 3),
        "static_fill": round(result.static_fill, 3),
        "memory": memory,
        "rounds_seconds_per_million_tokens": result.rounds,
    }


if __name__ == "__main__":
    print(json.dumps(run(quick="--quick" in sys.argv)))
