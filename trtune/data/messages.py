"""Sentences of ``trtune data inspect`` in Turkish and English (see ``trtune/i18n.py``)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "format": {"tr": "biçim", "en": "format"},
    "encoding": {"tr": "kodlama", "en": "encoding"},
    "delimiter": {"tr": "ayırıcı / tırnak", "en": "delimiter / quoting"},
    "header": {"tr": "başlık satırı", "en": "header"},
    "yes": {"tr": "var", "en": "yes"},
    "no": {"tr": "yok", "en": "no"},
    "text_column": {"tr": "metin sütunu", "en": "text column"},
    "label_column": {"tr": "etiket sütunu", "en": "label column"},
    "how.by name": {"tr": "adından", "en": "by name"},
    "how.by content": {"tr": "içeriğinden", "en": "by content"},
    "how.given": {"tr": "verildi", "en": "given"},
    "how.per file": {"tr": "dosya başına", "en": "per file"},
    "how.labels given as FILE:LABEL": {
        "tr": "etiketler FILE:LABEL ile verildi",
        "en": "labels given as FILE:LABEL",
    },
    "how.labels from file names": {
        "tr": "etiketler dosya adlarından",
        "en": "labels from file names",
    },
    "scheme": {"tr": "etiket şeması", "en": "scheme"},
    "sentences_read": {"tr": "okunan cümle", "en": "sentences read"},
    "sentences": {"tr": "cümle", "en": "sentences"},
    "tokens": {"tr": "kelime", "en": "tokens"},
    "entities": {"tr": "varlık", "en": "entities"},
    "column": {"tr": "{role} sütunu", "en": "{role} column"},
    "which_lines": {"tr": "{count} (satır {rows})", "en": "{count} (lines {rows})"},
    "entity_kind": {"tr": "varlık {kind}", "en": "entities {kind}"},
    "source": {"tr": "kaynak{label}", "en": "source{label}"},
    "source_kept": {"tr": "{path}: {kept} tutuldu", "en": "{path}: {kept} kept"},
    "rows_read": {"tr": "okunan satır", "en": "rows read"},
    "rows_repaired": {"tr": "onarılan satır", "en": "rows repaired"},
    "rows_kept": {"tr": "tutulan satır", "en": "rows kept"},
    "repaired": {"tr": "onarıldı: {reason}", "en": "repaired: {reason}"},
    "dropped": {"tr": "atıldı: {reason}", "en": "dropped: {reason}"},
    "which_rows": {"tr": "{count} (satır {rows})", "en": "{count} (rows {rows})"},
    "label": {"tr": "etiket {label}", "en": "label {label}"},
}
