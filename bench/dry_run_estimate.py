"""``--dry-run``'s time estimate against the measured training time of the same run.

Each configuration runs ``trtune <task> train ... --dry-run --json`` (the estimate), then the
run itself, and compares the estimate with ``train_seconds`` in the run's ``trtune.json``
(training with its validation passes; loading and test scoring not included). The runs
marked ``fit`` are those the constants of :mod:`trtune.run.plan` were fitted on (least
squares on the relative error; early-stopped runs scaled to the steps they ran), the
others check them. Needs ``../shared/data``; takes about 7 minutes on 2 cores.

    python bench/dry_run_estimate.py [NAME ...]
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "data"


# name, fit or check, task, data, model, flags
CONFIGS = [
    ("classify_tiny", "fit", "classify", "yorumlar", "tiny", ""),
    ("classify_tiny_tweets", "fit", "classify", "tweets", "tiny", "--max-steps 60"),
    ("classify_tiny_b64", "fit", "classify", "tweets", "tiny",
     "--max-steps 40 --batch-size 64 --max-length 128"),
    ("classify_minilm", "fit", "classify", "yorumlar", "minilm", "--epochs 3 --batch-size 32"),
    ("classify_minilm_lora", "fit", "classify", "yorumlar", "minilm", "--method lora --epochs 2"),
    ("classify_minilm_tweets", "fit", "classify", "tweets", "minilm",
     "--max-steps 30 --batch-size 32"),
    ("classify_minilm_eticaret", "fit", "classify", "eticaret", "minilm", "--max-steps 20"),
    ("ner_tiny", "fit", "ner", "varliklar", "tiny", ""),
    ("ner_minilm", "fit", "ner", "wikiner", "minilm", "--max-steps 20"),
    ("qa_tiny", "fit", "qa", "sorular", "tiny", ""),
    ("qa_minilm", "fit", "qa", "tquad", "minilm", "--max-steps 6"),
    ("mask_tiny", "fit", "mask", "yorumlar", "tiny", ""),
    ("mask_minilm", "fit", "mask", "eticaret", "minilm", "--max-steps 10"),
    ("lm_tiny", "fit", "lm", "yorumlar", "tiny-gpt", "--max-steps 10"),
    ("lm_tiny_alpaca", "fit", "lm", "alpaca", "tiny-gpt", "--max-steps 40"),
    ("seq2seq_tiny", "fit", "seq2seq", "ceviri", "tiny-t5",
     "--direction en-tr --batch-size 8 --epochs 15"),
    ("seq2seq_tiny_tatoeba", "fit", "seq2seq", "tatoeba", "tiny-t5",
     "--direction en-tr --max-steps 60"),
    ("classify_tiny_magaza", "check", "classify", "magaza", "tiny", "--max-steps 80"),
    ("classify_minilm_lora_tweets", "check", "classify", "tweets", "minilm",
     "--method lora --max-steps 20"),
    ("classify_minilm_features", "check", "classify", "yorumlar", "minilm", "--method features"),
    ("seq2seq_tiny_greedy", "check", "seq2seq", "tatoeba", "tiny-t5",
     "--direction en-tr --max-steps 40 --num-beams 1 --eval-samples 64"),
    ("seq2seq_tiny_b16", "check", "seq2seq", "ceviri", "tiny-t5",
     "--direction en-tr --batch-size 16 --epochs 8"),
]  # fmt: skip
DATA = {
    "yorumlar": "examples/data/yorumlar.csv",
    "varliklar": "examples/data/varliklar.conll",
    "sorular": "examples/data/sorular.json",
    "ceviri": "examples/data/ceviri.tsv",
    "tweets": f"{SHARED}/sentiment/17bintweet_test.csv",
    "eticaret": f"{SHARED}/sentiment/eticaret_urun_yorumlari.csv",
    "magaza": f"{SHARED}/sentiment/magaza_yorumlari.csv",
    "wikiner": f"{SHARED}/ner/turkish_wiki_ner_dev.conll",
    "tquad": f"{SHARED}/lm/tquad_dev.json",
    "alpaca": f"{SHARED}/lm/alpaca_tr_finans_ml.csv",
    "tatoeba": f"{SHARED}/seq2seq/tatoeba_en_tr.tsv",
}


def arguments(task: str, data: str, model: str, flags: str) -> list[str]:
    """The command line after ``trtune`` (``minilm``: the MiniLM stand-in's folder)."""
    if model == "minilm":
        from trtune.run.models import minilm_path

        model = str(minilm_path())
    return [task, "train", "--data", DATA[data], "--model", model, *flags.split()]


def measure(name: str, args: list[str], work: Path) -> dict:
    """The estimate and the measured seconds of one configuration."""
    out = work / name
    shutil.rmtree(out, ignore_errors=True)
    command = [sys.executable, "-m", "trtune", *args, "--out", str(out)]
    dry = subprocess.run(
        [*command, "--dry-run", "--json"], capture_output=True, text=True, cwd=REPO
    )
    plan = json.loads(dry.stdout)
    subprocess.run(command, capture_output=True, text=True, cwd=REPO, check=True)
    record = json.loads((out / "trtune.json").read_text(encoding="utf-8"))
    estimate, schedule = plan["estimate"], plan.get("schedule", plan["steps"])
    ran = record.get("steps") or schedule["total"]
    return {
        "name": name,
        "estimate": estimate["seconds"],
        "seconds": round(record["timings"]["train_seconds"], 1),
        "steps": schedule["total"],
        "steps_ran": ran,  # fewer: early stopping
        "tokens_per_example": estimate.get("tokens_per_example"),
        "probe_gflops": round(estimate["probe_flops_per_s"] / 1e9),
    }


def main() -> None:
    if not SHARED.is_dir():
        print(f"skipped: {SHARED} not found")
        return
    wanted = sys.argv[1:]
    with tempfile.TemporaryDirectory() as tmp:
        for name, used, *parts in CONFIGS:
            if wanted and name not in wanted:
                continue
            result = measure(name, arguments(*parts), Path(tmp)) | {"used": used}
            share = result["steps_ran"] / result["steps"]  # the estimate is for every step
            result["measured_over_estimate"] = round(
                result["seconds"] / (result["estimate"] * share), 2
            )
            print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
