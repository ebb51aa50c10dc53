"""Every sentence ``trtune classify`` shows, in Turkish (``tr``) and English (``en``).

Look a sentence up with :func:`trtune.i18n.say` (``say(MESSAGES, key, lang, **fields)``).
Terms: doğruluk/accuracy, makro-F1/macro-F1, etiket/label, temel çizgi/baseline.
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # CLI and progress
    "data": {
        "tr": "veri: {n} metin, etiketler {labels}; bölümler {split}",
        "en": "data: {n} texts, labels {labels}; split {split}",
    },
    "result": {
        "tr": "{method}: doğruluk {accuracy:.4f}  makro-F1 {macro_f1:.4f}",
        "en": "{method}: accuracy {accuracy:.4f}  macro-F1 {macro_f1:.4f}",
    },
    "result_baseline": {
        "tr": "  (tfidf temel çizgisi: doğruluk {accuracy:.4f}  makro-F1 {macro_f1:.4f})",
        "en": "  (tfidf baseline: accuracy {accuracy:.4f}  macro-F1 {macro_f1:.4f})",
    },
    "saved": {
        "tr": "kaydedildi: {folder}  rapor: {report}",
        "en": "saved: {folder}  report: {report}",
    },
    "testing": {"tr": "test ediliyor", "en": "testing"},
    "evaluating": {"tr": "değerlendiriliyor", "en": "evaluating"},
    "predicting": {"tr": "tahmin ediliyor", "en": "predicting"},
    # report.html
    "report.result": {"tr": "Sonuç", "en": "Result"},
    "report.method": {"tr": "Yöntem: {method}", "en": "Method: {method}"},
    "report.model": {"tr": "; model: {model}.", "en": "; model: {model}."},
    "report.test_file": {
        "tr": "Test kümesi: {path} dosyasından {n} metin.",
        "en": "Test set: {n} texts from {path}.",
    },
    "report.test_held": {
        "tr": "Test kümesi: ayrılan {n} metin (%{share:.0f} tabakalı, tohum {seed}).",
        "en": "Test set: {n} texts held out ({share:.0f}% stratified, seed {seed}).",
    },
    "report.warning": {"tr": "Uyarı: {warning}.", "en": "Warning: {warning}."},
    "report.balanced": {
        "tr": "Sınıf ağırlıklı kayıp (dengeli: her sınıf n / (sınıf sayısı x sınıfın sayısı) "
        "ağırlık alır), yöntem ve TF-IDF temel çizgisi için.",
        "en": "Class-weighted loss (balanced: each class weighs n / (classes x its count)), "
        "for the method and the TF-IDF baseline.",
    },
    "report.timing": {
        "tr": "Eğitim {seconds:.1f} sn sürdü (saniyede {speed:.1f} örnek).",
        "en": "Training took {seconds:.1f} s ({speed:.1f} samples/s).",
    },
    "report.per_class": {"tr": "Sınıf başına (test)", "en": "Per class (test)"},
    "report.wrong": {
        "tr": "En emin olduğu yanlışlar (test)",
        "en": "Most confidently wrong (test)",
    },
    "report.right": {
        "tr": "En emin olduğu doğrular (test)",
        "en": "Most confidently right (test)",
    },
    "report.figures": {"tr": "Grafikler", "en": "Figures"},
    "report.data": {"tr": "Veri", "en": "Data"},
    "report.settings": {"tr": "Ayarlar", "en": "Settings"},
    "col.text": {"tr": "metin", "en": "text"},
    "col.gold": {"tr": "doğru etiket", "en": "gold"},
    "col.predicted": {"tr": "tahmin", "en": "predicted"},
    "col.probability": {"tr": "olasılık", "en": "probability"},
    "col.setting": {"tr": "ayar", "en": "setting"},
    "col.value": {"tr": "değer", "en": "value"},
    "col.metric": {"tr": "ölçüt", "en": "metric"},
    "col.label": {"tr": "etiket", "en": "label"},
    "row.file": {"tr": "dosya", "en": "file"},
    "row.rows_read": {"tr": "okunan satır", "en": "rows read"},
    "row.rows_kept": {"tr": "tutulan satır", "en": "rows kept"},
    "row.dropped": {"tr": "atılan", "en": "dropped"},
    "row.labels": {"tr": "etiketler", "en": "labels"},
    "row.split": {"tr": "bölümler", "en": "split"},
    "eval_result": {
        "tr": "doğruluk {accuracy:.4f}  makro-F1 {macro_f1:.4f}  ({n} metin)",
        "en": "accuracy {accuracy:.4f}  macro-F1 {macro_f1:.4f}  ({n} texts)",
    },
    "col.precision": {"tr": "kesinlik", "en": "precision"},
    "col.recall": {"tr": "duyarlılık", "en": "recall"},
    "col.support": {"tr": "destek", "en": "support"},
}
