"""Figures for docs/export.md: what `trtune export gguf` writes and how long it takes.

    PYTHONPATH=. python bench/gguf_export.py [--big]

For ``tiny-gpt`` and ``tiny-llama`` folders (random presets, the Turkish template) and, with
``--big``, a random Llama of about 85M parameters (12 layers, hidden 768): the file size,
the round-trip check figures and the export time (load, write, check) for f16 and q8_0.
Not a speed ratio (there is nothing to compare with), so not in ``bench/run.py``.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

import torch
from transformers import AutoModelForCausalLM, LlamaConfig

from trtune.export.gguf import export_gguf
from trtune.infer.kinds import save_trained
from trtune.run.models import resolve_model
from trtune.run.presets import build_preset_model, preset_config, train_bpe_tokenizer

TEXTS = [
    "Kripto para piyasasında fiyatlar hızla değişir.",
    "Borsa İstanbul'da işlem gören hisseler yükseldi.",
    "Merkez bankası faiz oranlarını sabit tuttu.",
    "Öğrenciler ışıklı çarşıda güzel bir gün geçirdi.",
] * 50
RECORD = {"task": "lm", "model": {"template": "turkish", "instruction_tuned": True}}


def _folder(root: Path, name: str, big: bool) -> Path:
    tokenizer = train_bpe_tokenizer(TEXTS, vocab_size=2000, max_length=512)
    if big:
        config = LlamaConfig(
            vocab_size=len(tokenizer),
            hidden_size=768,
            intermediate_size=2048,
            num_hidden_layers=12,
            num_attention_heads=12,
            eos_token_id=tokenizer.eos_token_id,
            tie_word_embeddings=True,
        )
        torch.manual_seed(0)
        model = AutoModelForCausalLM.from_config(config)
    else:
        model = build_preset_model(name, preset_config(name, tokenizer), AutoModelForCausalLM, 0)
    folder = root / name
    save_trained(model, tokenizer, folder, merge=False, base=resolve_model("tiny-gpt"))
    (folder / "trtune.json").write_text(json.dumps(RECORD), "utf-8")
    return folder


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--big", action="store_true", help="also an ~85M-parameter Llama")
    args = parser.parse_args()
    names = ["tiny-gpt", "tiny-llama"] + (["llama-85m"] if args.big else [])
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        for name in names:
            folder = _folder(root, name, big=name == "llama-85m")
            params = sum(
                p.numel() for p in AutoModelForCausalLM.from_pretrained(folder).parameters()
            )
            for kind in ("f16", "q8_0"):
                result = export_gguf(folder, root / f"{name}-{kind}.gguf", kind)
                c, size_mb = result.check, result.size_bytes / 1e6
                print(
                    f"{name} ({params / 1e6:.1f}M params) {kind}: {size_mb:.2f} MB, "
                    f"{result.seconds:.1f} s; max logit diff {c.max_logit_diff:.2e}, "
                    f"same ids {c.same_ids}, greedy {c.greedy_matches}/{c.prompts}",
                    flush=True,
                )


if __name__ == "__main__":
    main()
