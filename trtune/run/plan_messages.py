"""The words of the ``--dry-run`` plan every ``train`` command prints, in Turkish and English
(see :mod:`trtune.run.plan_text`)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # row names
    "row.task": {"tr": "görev", "en": "task"},
    "row.data": {"tr": "veri", "en": "data"},
    "row.rows": {"tr": "satırlar", "en": "rows"},
    "row.sentences": {"tr": "cümleler", "en": "sentences"},
    "row.questions": {"tr": "sorular", "en": "questions"},
    "row.pairs": {"tr": "çiftler", "en": "pairs"},
    "row.texts": {"tr": "metinler", "en": "texts"},
    "row.examples": {"tr": "örnekler", "en": "examples"},
    "row.labels": {"tr": "etiketler", "en": "labels"},
    "row.tags": {"tr": "varlık türleri", "en": "entity types"},
    "row.kind": {"tr": "iş", "en": "job"},
    "row.template": {"tr": "şablon", "en": "template"},
    "row.split": {"tr": "bölümler", "en": "split"},
    "row.model": {"tr": "model", "en": "model"},
    "row.method": {"tr": "yöntem", "en": "method"},
    "row.steps": {"tr": "adımlar", "en": "steps"},
    "row.estimate": {"tr": "süre tahmini", "en": "time estimate"},
    "row.warning": {"tr": "uyarı", "en": "warning"},
    # values
    "rows": {
        "tr": "{read} okundu, {kept} tutuldu; {dropped}",
        "en": "{read} read, {kept} kept; {dropped}",
    },
    "kept": {"tr": "{kept} tutuldu; {dropped}", "en": "{kept} kept; {dropped}"},
    "no_drops": {"tr": "atılan yok", "en": "none dropped"},
    "drops": {"tr": "atılanlar: {reasons}", "en": "dropped: {reasons}"},
    "header": {"tr": "başlık satırı var", "en": "with a header row"},
    "no_header": {"tr": "başlık satırı yok", "en": "no header row"},
    "delimiter": {"tr": "{name} ile ayrılmış", "en": "{name}-separated"},
    "split": {
        "tr": "eğitim {train} / doğrulama {validation} / test {test}",
        "en": "train {train} / validation {validation} / test {test}",
    },
    "split_two": {
        "tr": "eğitim {train} / doğrulama {validation}",
        "en": "train {train} / validation {validation}",
    },
    "kind.preset": {"tr": "yerleşik küçük deneme modeli", "en": "built-in tiny test model"},
    "kind.folder": {"tr": "yerel klasör", "en": "local folder"},
    "kind.hub": {"tr": "Hugging Face Hub", "en": "Hugging Face Hub"},
    "params": {"tr": "{n} parametre", "en": "{n} parameters"},
    "part.train": {"tr": "eğitim", "en": "train"},
    "part.validation": {"tr": "doğrulama", "en": "validation"},
    "part.test": {"tr": "test", "en": "test"},
    "params_trained": {
        "tr": "{n} parametre, {trained} eğitiliyor",
        "en": "{n} parameters, {trained} trained",
    },
    "method.finetune": {"tr": "tüm ağırlıklar eğitilir", "en": "all weights trained"},
    "method.full": {"tr": "tüm ağırlıklar eğitilir", "en": "all weights trained"},
    "method.lora": {
        "tr": "LoRA r={r}: model donuk, küçük bağdaştırıcılar eğitilir",
        "en": "LoRA r={r}: the model frozen, small adapters trained",
    },
    "method.qlora": {
        "tr": "QLoRA r={r}: 4 bitlik donuk model, bağdaştırıcılar eğitilir",
        "en": "QLoRA r={r}: a frozen 4-bit model, adapters trained",
    },
    "method.features": {
        "tr": "donuk kodlayıcının öznitelikleri + doğrusal katman",
        "en": "a frozen encoder's features + a linear layer",
    },
    "method.tfidf": {
        "tr": "TF-IDF + lojistik regresyon (sinir ağı yok)",
        "en": "TF-IDF + logistic regression (no neural network)",
    },
    "steps": {
        "tr": "epoch başına {per_epoch} adım × {epochs} epoch = en çok {total} adım "
        "(yığın {batch})",
        "en": "{per_epoch} steps/epoch × {epochs} epochs = at most {total} steps (batch {batch})",
    },
    "steps_one_epoch": {
        "tr": "epoch başına {per_epoch} adım × 1 epoch = en çok {total} adım (yığın {batch})",
        "en": "{per_epoch} steps/epoch × 1 epoch = at most {total} steps (batch {batch})",
    },
    "steps_max": {
        "tr": "--max-steps {total} adım (epoch başına {per_epoch} adım, yığın {batch})",
        "en": "--max-steps {total} steps ({per_epoch} steps/epoch, batch {batch})",
    },
    "steps_features": {
        "tr": "her metin bir kez kodlanır; doğrusal katman en çok {epochs} epoch",
        "en": "every text encoded once; the linear layer for at most {epochs} epochs",
    },
    "estimate": {
        "tr": "≈ {time} eğitim (kaba tahmin: {flops}, bu makinede ölçülen {speed} hızla "
        "({device}); makinenin yükü ve erken durma değiştirir)",
        "en": "≈ {time} of training (a rough estimate: {flops} at the {speed} measured on "
        "this machine ({device}); load and early stopping change it)",
    },
    "estimate.no_network": {
        "tr": "birkaç saniye (sinir ağı eğitilmiyor)",
        "en": "a few seconds (no neural network is trained)",
    },
    "estimate.model_offline": {
        "tr": "bilinmiyor: model bu makinede yok (ilk çalıştırmada Hub'dan indirilir)",
        "en": "unknown: the model is not on this machine (the first run downloads it)",
    },
    "seconds": {"tr": "{n} sn", "en": "{n} s"},
    "minutes": {"tr": "{n} dk", "en": "{n} min"},
    "hours": {"tr": "{n} sa", "en": "{n} h"},
    "dry_run_done": {
        "tr": "deneme (--dry-run): veri ve ayarlar geçerli; hiçbir şey yazılmadı",
        "en": "dry run: data and settings are valid; nothing written",
    },
    # tasks
    "task.classify": {"tr": "metin sınıflandırma", "en": "text classification"},
    "task.ner": {"tr": "varlık tanıma (NER)", "en": "named-entity recognition"},
    "task.qa": {"tr": "soru yanıtlama", "en": "question answering"},
    "task.seq2seq": {"tr": "metinden metne (seq2seq)", "en": "text to text (seq2seq)"},
    "task.mask": {"tr": "maskeli dil modeli", "en": "masked language model"},
    "task.lm": {"tr": "üretken dil modeli", "en": "generative language model"},
    # drop reasons
    "reason.empty_text": {"tr": "boş metin", "en": "empty text"},
    "reason.missing_label": {"tr": "etiketsiz", "en": "no label"},
    "reason.too_long": {"tr": "çok uzun", "en": "too long"},
    "reason.conflicting_labels": {"tr": "çelişen etiket", "en": "conflicting labels"},
    "reason.duplicate": {"tr": "tekrar", "en": "duplicate"},
    "reason.empty_source": {"tr": "boş kaynak", "en": "empty source"},
    "reason.empty_target": {"tr": "boş hedef", "en": "empty target"},
    # delimiters
    "sep.comma": {"tr": "virgül", "en": "comma"},
    "sep.semicolon": {"tr": "noktalı virgül", "en": "semicolon"},
    "sep.tab": {"tr": "sekme", "en": "tab"},
    "sep.pipe": {"tr": "dikey çizgi", "en": "pipe"},
}
