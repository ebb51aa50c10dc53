"""The words of a seq2seq report (Turkish and English) and its model card."""

from __future__ import annotations

from typing import TYPE_CHECKING

from trtune.i18n import say
from trtune.tasks.seq2seq.metrics import METRIC_KEYS

if TYPE_CHECKING:
    from trtune.tasks.seq2seq.report import Seq2SeqRun

TITLES: dict[str, dict[str, str]] = {
    "result": {"tr": "Sonuç (test)", "en": "Result (test)"},
    "figures": {"tr": "Grafikler", "en": "Figures"},
    "examples": {"tr": "Örnekler (test)", "en": "Examples (test)"},
    "data": {"tr": "Veri", "en": "Data"},
    "settings": {"tr": "Ayarlar", "en": "Settings"},
    "loss": {"tr": "Kayıp (çapraz entropi)", "en": "Loss (cross-entropy)"},
    "validation_metric": {"tr": "Doğrulama {metric}", "en": "Validation {metric}"},
    "lengths": {"tr": "Uzunluklar (test)", "en": "Lengths (test)"},
    "words": {"tr": "kelime", "en": "words"},
    "sources": {"tr": "kaynak", "en": "source"},
    "references": {"tr": "referans", "en": "reference"},
    "generated": {"tr": "üretilen", "en": "generated"},
    "source": {"tr": "kaynak", "en": "source"},
    "reference": {"tr": "referans", "en": "reference"},
    "baseline": {"tr": "taban çizgisi", "en": "baseline"},
    "intro": {
        "tr": "Yöntem: {method}; model: {model}; görev: {task} (önek '{prefix}'). Test: {n} "
        "çift, model ve taban çizgisi aynı çiftlerde aynı şekilde puanlandı. Eğitim {seconds:.1f} "
        "sn sürdü ({tps:.0f} belirteç/sn).",
        "en": "Method: {method}; model: {model}; task: {task} (prefix '{prefix}'). Test: {n} "
        "pairs, the model and the baseline scored the same way on the same pairs. Training took "
        "{seconds:.1f} s ({tps:.0f} tokens/s).",
    },
}


def title(key: str, lang: str, **fields: object) -> str:
    """A word or sentence of the report in ``lang``."""
    return say(TITLES, key, lang, **fields)


def _usage(record: Seq2SeqRun) -> str:
    s, plan = record.settings, record.prepared.plan
    if s.method == "lora" and not s.merge:
        return (
            "```python\nfrom trtune.infer.seq2seq import load_seq2seq\n"
            'model = load_seq2seq("PATH/TO/THIS/FOLDER")\n'
            'print(model.generate(["Merhaba dünya."]))\n```\n'
        )
    return (
        "```python\nfrom transformers import AutoModelForSeq2SeqLM, AutoTokenizer\n"
        'tokenizer = AutoTokenizer.from_pretrained("PATH/TO/THIS/FOLDER")\n'
        'model = AutoModelForSeq2SeqLM.from_pretrained("PATH/TO/THIS/FOLDER")\n'
        f'inputs = tokenizer("{plan.prefix}" + "...", return_tensors="pt")\n'
        "print(tokenizer.decode(model.generate(**inputs)[0], skip_special_tokens=True))\n```\n\n"
        "The prefix is also `config.prefix`; with transformers 4, "
        '`pipeline("text2text-generation", model="PATH/TO/THIS/FOLDER")` applies it.\n'
    )


def model_card(record: Seq2SeqRun, metrics: dict) -> str:
    """README.md: what the model is, how it was trained, how well it does, how to use it."""
    s, plan = record.settings, record.prepared.plan
    base = metrics["baseline"]
    data = ", ".join(f"`{p}`" for p in s.data)
    lines = [
        f"# Turkish seq2seq model ({plan.task}, {s.method})",
        "",
        f"Trained with `trtune seq2seq train` ({s.method}) from `{s.model}` on {data}; "
        f"prefix `{plan.prefix or '(none)'}`"
        + (f", direction {plan.direction}" if plan.direction else "")
        + ".",
        "",
        "| | " + " | ".join(METRIC_KEYS) + " |",
        "|---" * (len(METRIC_KEYS) + 1) + "|",
        f"| {s.method} | " + " | ".join(f"{metrics[k]:.2f}" for k in METRIC_KEYS) + " |",
        f"| {metrics['baseline_name']} baseline | "
        + " | ".join(f"{base[k]:.2f}" for k in METRIC_KEYS)
        + " |",
        "",
        f"Test part: {metrics['n_test']} pairs held out by source (no source on both sides). "
        f"Generation: {record.settings.generation().num_beams} beams, at most "
        f"{record.settings.generation().max_new_tokens} new tokens.",
        "",
        "## Use",
        "",
        _usage(record),
        'Or: `trtune seq2seq generate --model PATH "..."` (the prefix is added for you).',
        "",
        "Full settings: `trtune.json`; metrics: `metrics.json`; report: `report.html`.",
        "",
    ]
    return "\n".join(lines)
