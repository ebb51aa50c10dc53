"""Every sentence ``trtune lm`` shows, in Turkish (``tr``) and English (``en``).

Look a sentence up with :func:`trtune.i18n.say` (``say(MESSAGES, key, lang, **fields)``).
Terms: doğrulama kaybı/validation loss, şaşkınlık (perplexity)/perplexity, belirteç/token,
istem/prompt, kontrol noktası/checkpoint.
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # training lines (the reporter) and the CLI
    "drops.kept": {
        "tr": "{kept} tutuldu, {dropped} çıkarıldı",
        "en": "{kept} kept, {dropped} dropped",
    },
    "drops.reason": {"tr": "{reason}: {n} (satırlar {rows})", "en": "{reason}: {n} (rows {rows})"},
    "plan": {
        "tr": "{format} verisi: {train} eğitim / {val} doğrulama dizisi ({drops}); şablon "
        "{template}; {trained:,} / {total:,} parametre eğitiliyor ({method}); "
        "epoch başına {per_epoch} adım, toplam {steps} adım",
        "en": "{format} data: {train} train / {val} val sequences ({drops}); template "
        "{template}; {trained:,} of {total:,} parameters trained ({method}); "
        "{per_epoch} steps/epoch, {steps} steps",
    },
    "resuming": {
        "tr": "{checkpoint} kontrol noktasından sürdürülüyor (adım {step})",
        "en": "resuming from {checkpoint} (step {step})",
    },
    "before": {
        "tr": "önce: doğrulama kaybı {loss:.4f}, şaşkınlık {perplexity:.2f}",
        "en": "before: val loss {loss:.4f}, perplexity {perplexity:.2f}",
    },
    "after": {
        "tr": "sonra: doğrulama kaybı {loss:.4f}, şaşkınlık {perplexity:.2f}",
        "en": "after:  val loss {loss:.4f}, perplexity {perplexity:.2f}",
    },
    "training": {"tr": "eğitiliyor", "en": "training"},
    "interrupted": {
        "tr": "{step}. adımda durduruldu ({where}); --resume ile sürdürün",
        "en": "interrupted at step {step} ({where}); continue with --resume",
    },
    "checkpoint_kept": {
        "tr": "son kontrol noktası duruyor: {folder}",
        "en": "last checkpoint kept: {folder}",
    },
    "no_checkpoint_yet": {
        "tr": "henüz kontrol noktası kaydedilmedi",
        "en": "no checkpoint saved yet",
    },
    "result": {
        "tr": "şaşkınlık {before:.2f} -> {after:.2f} (doğrulama kaybı {loss_before:.4f} -> "
        "{loss_after:.4f}), saniyede {speed:.0f} belirteç",
        "en": "perplexity {before:.2f} -> {after:.2f} (val loss {loss_before:.4f} -> "
        "{loss_after:.4f}), {speed:.0f} tokens/s",
    },
    "saved": {
        "tr": "kaydedildi: {folder}  rapor: {report}",
        "en": "wrote {folder} (report: {report})",
    },
    "merged": {
        "tr": "birleştirilmiş model yazıldı: {folder}",
        "en": "merged model written to {folder}",
    },
    "chat_keys": {
        "tr": "/reset: yeni konuşma, /exit: çıkış",
        "en": "/reset: new conversation, /exit: quit",
    },
    # report.html and its figure
    "report.title": {"tr": "trtune lm: {model} ({method})", "en": "trtune lm: {model} ({method})"},
    "report.before_after": {"tr": "Önce ve sonra", "en": "Before and after"},
    "report.summary": {
        "tr": "Veri: {paths} ({format}), {train} eğitim / {val} doğrulama dizisi, {steps} adım, "
        "saniyede {speed:.0f} belirteç.",
        "en": "Data: {paths} ({format}), {train} training / {val} validation sequences, "
        "{steps} steps, {speed:.0f} tokens/s.",
    },
    "report.before": {"tr": "önce", "en": "before"},
    "report.after": {"tr": "sonra", "en": "after"},
    "report.val_loss": {"tr": "doğrulama kaybı", "en": "validation loss"},
    "report.perplexity": {"tr": "şaşkınlık (perplexity)", "en": "perplexity"},
    "report.curves": {"tr": "Kayıp eğrileri", "en": "Loss curves"},
    "report.prompts": {"tr": "Ayrılmış istemler", "en": "Held-out prompts"},
    "report.prompt": {"tr": "istem", "en": "prompt"},
    "report.reference": {"tr": "başvuru yanıtı", "en": "reference"},
    "report.data": {"tr": "Veri", "en": "Data"},
    "report.settings": {"tr": "Ayarlar", "en": "Settings"},
    "figure.title": {"tr": "Kayıp", "en": "Loss"},
    "figure.step": {"tr": "adım", "en": "step"},
    "figure.ylabel": {"tr": "kayıp (belirteç başına nat)", "en": "loss (nats per token)"},
    "figure.train": {"tr": "eğitim kaybı", "en": "train loss"},
    "figure.val": {"tr": "doğrulama kaybı", "en": "validation loss"},
}
