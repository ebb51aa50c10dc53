#!/usr/bin/env bash
# Prepare one device call (run here, on the CPU machine, from the repository root): the
# MiniLM weights as fp16 (45 MB, under the 64 MiB the call carries), the two review files,
# and cp312 wheels of what the GPU image lacks for `serve` (fastapi, uvicorn with httptools).
# Both folders are git-ignored through .git/info/exclude. Then call the device tool with
#   command: bash bench/gpu_session.sh     carry: [".gpu", ".whl"]
set -euo pipefail
PY=${PY:-.venv/bin/python}
grep -qx '/.gpu/' .git/info/exclude || echo /.gpu/ >> .git/info/exclude
grep -qx '/.whl/' .git/info/exclude || echo /.whl/ >> .git/info/exclude
mkdir -p .gpu/minilm16 .whl
MINILM=$($PY -c "from trtune.run.models import minilm_path; print(minilm_path())")
cp "$MINILM"/{config.json,tokenizer.json,tokenizer_config.json,vocab.txt,special_tokens_map.json} .gpu/minilm16/
$PY - "$MINILM" <<'PY'
import sys
from safetensors.torch import load_file, save_file
sd = load_file(f"{sys.argv[1]}/model.safetensors")
half = {k: v.half().contiguous() if v.is_floating_point() else v for k, v in sd.items()}
save_file(half, ".gpu/minilm16/model.safetensors", metadata={"format": "pt"})
PY
cp ../shared/data/sentiment/eticaret_urun_yorumlari.csv .gpu/ 2>/dev/null || true
version() { $PY -m pip show "$1" | sed -n 's/^Version: //p'; }
for pkg in fastapi starlette uvicorn pydantic pydantic-core typing-inspection annotated-types \
    opentelemetry-api httptools; do
  python3 -m pip download -q --no-deps --only-binary=:all: --python-version 3.12 \
    --implementation cp --platform manylinux_2_28_x86_64 --platform manylinux_2_17_x86_64 \
    --platform manylinux2014_x86_64 -d .whl "$pkg==$(version "$pkg")"
done
du -sh .gpu .whl
