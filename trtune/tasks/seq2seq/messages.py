"""Every sentence ``seq2seq`` says to a user, in Turkish and English (see :mod:`trtune.i18n`)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "data": {
        "tr": "veri: {pairs} çift ({task}{direction}), {dropped} satır çıkarıldı; bölümler {sizes}",
        "en": "data: {pairs} pairs ({task}{direction}), {dropped} rows dropped; split {sizes}",
    },
    "note": {"tr": "not: {text}", "en": "note: {text}"},
    "too_long": {
        "tr": "uzunluk sınırını aşan {count} eğitim çifti çıkarıldı (--max-source-length "
        "{source}, --max-target-length {target})",
        "en": "{count} training pairs over the length limits were dropped (--max-source-length "
        "{source}, --max-target-length {target})",
    },
    "small_test": {
        "tr": "test bölümü yalnızca {n} çift: sonuçlar gürültülü olur",
        "en": "the test part holds only {n} pairs: the scores will be noisy",
    },
    "leak": {
        "tr": "{n} eğitim çiftinin kaynağı {part} dosyasında da var: sızıntı olmasın diye "
        "eğitimden çıkarıldı",
        "en": "{n} training pairs have a source that is also in the {part} file: left out of "
        "training so that nothing leaks",
    },
    "testing": {"tr": "test çiftleri üretiliyor", "en": "generating the test pairs"},
    "generating": {"tr": "üretiliyor", "en": "generating"},
    "loading": {"tr": "model yükleniyor: {folder}", "en": "loading the model {folder}"},
    "result": {
        "tr": "{method}: {metrics}  (taban çizgisi {baseline}: {baseline_metrics})",
        "en": "{method}: {metrics}  ({baseline} baseline: {baseline_metrics})",
    },
    "saved": {"tr": "kaydedildi: {out}  rapor: {report}", "en": "saved: {out}  report: {report}"},
    "eval_result": {
        "tr": "{metrics}  ({n} çift; taban çizgisi {baseline}: {baseline_metrics})",
        "en": "{metrics}  ({n} pairs; {baseline} baseline: {baseline_metrics})",
    },
}

# The reader's notes (trtune/tasks/seq2seq/readers.py writes them in English, the report
# keeps them so): their Turkish, by template (trtune.error_text.translate).
NOTES_TR = {
    "{} columns: the first two are source and target": ("{} sütun: ilk ikisi kaynak ve hedef"),
    "no column stands out as Turkish: the file's order is kept": (
        "hiçbir sütun Türkçe diye öne çıkmıyor: dosyadaki sıra korundu"
    ),
    "column {} is Turkish (by its letters)": "{}. sütun Türkçe (harflerinden)",
}


def note_text(note: str, lang: str) -> str:
    """A reader's note in ``lang``."""
    from trtune.error_text import translate

    return translate(note, lang, NOTES_TR)
