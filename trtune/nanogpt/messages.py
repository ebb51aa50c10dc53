"""Every line ``trtune nanogpt`` prints, in Turkish (``tr``) and English (``en``); the page's
own strings are in ``page_strings.py``.

Look a sentence up with :func:`trtune.i18n.say` (``say(MESSAGES, key, lang, **fields)``).
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "resuming": {"tr": "{step}. adımdan sürdürülüyor", "en": "resuming at step {step}"},
    "params": {
        "tr": "{preset}: lm_head olmadan {without:,} parametre (minGPT'nin sayımı), "
        "onunla {with_head:,}",
        "en": "{preset}: {without:,} parameters without lm_head (minGPT's count), "
        "{with_head:,} with it",
    },
    "training": {"tr": "eğitim", "en": "train"},
    "held_out": {
        "tr": "ayrılmış bölüm:  {correct}/{total} tam eşleşme (%{percent:.2f})",
        "en": "held-out split: {correct}/{total} exact ({percent:.2f}%)",
    },
    "all_inputs": {
        "tr": "tüm girdiler:    {correct}/{total} tam eşleşme (%{percent:.2f})",
        "en": "all inputs:     {correct}/{total} exact ({percent:.2f}%)",
    },
    "all_729": {
        "tr": "729 girdinin hepsi: {correct}/{total} tam eşleşme (%{percent:.2f})",
        "en": "all 729 inputs: {correct}/{total} exact ({percent:.2f}%)",
    },
    "exact_after": {
        "tr": "{steps} adımdan sonra %100 tam eşleşme",
        "en": "100% exact after {steps} steps",
    },
    "val_loss": {"tr": "doğrulama kaybı {loss:.4f}", "en": "validation loss {loss:.4f}"},
    "done": {
        "tr": "{seconds:.1f} sn'de {steps} adım; model yazıldı: {folder}",
        "en": "{steps} steps in {seconds:.1f} s; model written to {folder}",
    },
    "page": {"tr": "sayfa: {path}", "en": "page: {path}"},
    "wrote": {"tr": "yazıldı: {path}", "en": "wrote {path}"},
    "demo_reuse": {
        "tr": "[bold]nanogpt[/]: {folder} içindeki eğitilmiş sıralama modeli yeniden kullanılıyor",
        "en": "[bold]nanogpt[/]: reusing the trained sort model in {folder}",
    },
    "demo_train": {
        "tr": "[bold]nanogpt[/]: gpt-nano altı harfi sıralamak için eğitiliyor (CPU)",
        "en": "[bold]nanogpt[/]: training gpt-nano to sort six letters (CPU)",
    },
}
