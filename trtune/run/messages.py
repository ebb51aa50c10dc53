"""The sentences the run layer and every task share, in Turkish and English."""

from __future__ import annotations

from trtune.i18n import say

MESSAGES: dict[str, dict[str, str]] = {
    "note": {"tr": "not: {text}", "en": "note: {text}"},
    "progress.training": {"tr": "eğitiliyor", "en": "training"},
    "progress.features": {"tr": "öznitelikler çıkarılıyor", "en": "extracting features"},
    "eval.epoch": {"tr": "epoch {epoch}/{total}", "en": "epoch {epoch}/{total}"},
    "eval.step": {"tr": "adım {step}", "en": "step {step}"},
    "eval.train_loss": {"tr": "eğitim kaybı {loss}", "en": "train loss {loss}"},
    "eval.val_loss": {"tr": "doğrulama kaybı {loss}", "en": "val loss {loss}"},
    "eval.val_metric": {"tr": "doğrulama {name} {value}", "en": "val {name} {value}"},
    "eval.metric.accuracy": {"tr": "doğruluğu", "en": "acc"},
    "eval.metric.perplexity": {"tr": "şaşkınlığı", "en": "perplexity"},
    "renamed": {"tr": "{old} artık {new}", "en": "{old} is now {new}"},
    "random_init": {
        "tr": "küçük, rastgele başlatılmış deneme modeli: aracı denemek için, gerçek kullanım "
        "için değil",
        "en": "a tiny, randomly initialised test model: for trying the tool out, not for real use",
    },
    "no_checkpoint": {
        "tr": "{folder} içinde kontrol noktası yok: baştan başlanıyor",
        "en": "no checkpoint in {folder}: starting from the beginning",
    },
    "loading_model": {"tr": "model yükleniyor: {name}", "en": "loading the model {name}"},
    "building_model": {
        "tr": "küçük model kuruluyor: {name}",
        "en": "building the tiny model {name}",
    },
    "loading_tokenizer": {
        "tr": "belirteçleyici yükleniyor: {name}",
        "en": "loading the tokenizer of {name}",
    },
    "training_tokenizer": {
        "tr": "belirteçleyici {n} metin üzerinde eğitiliyor ({name})",
        "en": "training a tokenizer on {n} texts ({name})",
    },
}


def random_init_notice(random_init: bool, lang: str) -> str | None:
    """The sentence that marks a tiny random test model's outputs (``None`` otherwise)."""
    return say(MESSAGES, "random_init", lang) if random_init else None
