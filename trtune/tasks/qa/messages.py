"""Every sentence ``qa`` shows, in Turkish (``tr``) and English (``en``); see
:func:`trtune.i18n.say`."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "data": {
        "tr": "veri: {read} sorudan {kept} soru kullanılıyor ({impossible} cevapsız); "
        "bölme: eğitim {train}, doğrulama {validation}, test {test} (bağlamlar bölünmeden)",
        "en": "data: {kept} of {read} questions kept ({impossible} unanswerable); split: "
        "train {train}, validation {validation}, test {test} (whole contexts per part)",
    },
    "result": {
        "tr": "{method}: tam eşleşme {em:.2f}  F1 {f1:.2f}  (kelime örtüşmesi taban çizgisi: "
        "tam eşleşme {b_em:.2f}  F1 {b_f1:.2f})",
        "en": "{method}: exact match {em:.2f}  F1 {f1:.2f}  (word-overlap baseline: exact "
        "match {b_em:.2f}  F1 {b_f1:.2f})",
    },
    "saved": {
        "tr": "kaydedildi: {out}  rapor: {report}",
        "en": "saved: {out}  report: {report}",
    },
    "eval": {
        "tr": "tam eşleşme {em:.2f}  F1 {f1:.2f}  ({n} soru; SQuAD normalleştirmesiyle: "
        "{s_em:.2f} / {s_f1:.2f})",
        "en": "exact match {em:.2f}  F1 {f1:.2f}  ({n} questions; SQuAD normalisation: "
        "{s_em:.2f} / {s_f1:.2f})",
    },
    "no_answer": {
        "tr": "(cevap yok)",
        "en": "(no answer)",
    },
    "report.title": {"tr": "trtune qa: {method}", "en": "trtune qa: {method}"},
    "report.result": {"tr": "Sonuç (test)", "en": "Result (test)"},
    "report.histogram": {"tr": "Soru başına F1", "en": "F1 per question"},
    "report.worst": {"tr": "En kötü sorular", "en": "Worst questions"},
    "report.data": {"tr": "Veri", "en": "Data"},
    "report.settings": {"tr": "Ayarlar", "en": "Settings"},
    "report.curves": {"tr": "Eğitim eğrileri", "en": "Training curves"},
    "report.test": {
        "tr": "Test: {n} soru ({where}). Ölçütler Türkçe normalleştirmeyle (I/ı, İ/i, "
        "noktalama, boşluk; İngilizce tanımlık silinmez); SQuAD betiğinin normalleştirmesi "
        "yanında.",
        "en": "Test: {n} questions ({where}). Figures with Turkish normalisation (I/ı, İ/i, "
        "punctuation, whitespace; no English article stripping); the SQuAD script's "
        "normalisation beside them.",
    },
    "report.differs": {
        "tr": "İki normalleştirme {count} soruda farklı puan veriyor.",
        "en": "The two normalisations score {count} questions differently.",
    },
    "report.same": {
        "tr": "İki normalleştirme bu test sorularında aynı puanı veriyor.",
        "en": "The two normalisations give the same scores on these test questions.",
    },
    "report.baseline": {
        "tr": "Taban çizgisi: kayan pencerede kelime örtüşmesi (MCTest, Türkçe 5 harflik "
        "kökler), en çok {n} kelimelik cevap (doğrulamada seçildi: {tried}).",
        "en": "Baseline: sliding-window word overlap (MCTest, Turkish 5-letter stems), "
        "answers of up to {n} words (chosen on validation: {tried}).",
    },
    "report.threshold": {
        "tr": "Cevapsız sorular için eşik (doğrulamada seçildi): {threshold:.4f}.",
        "en": "No-answer threshold (chosen on validation): {threshold:.4f}.",
    },
    "report.timing": {
        "tr": "Eğitim {seconds:.1f} sn sürdü ({steps} adım).",
        "en": "Training took {seconds:.1f} s ({steps} steps).",
    },
    "report.where": {
        "tr": "bağlamlara göre %{share:.0f}, tohum {seed}",
        "en": "{share:.0f}% of the contexts, seed {seed}",
    },
    "report.gold_model": {
        "tr": "doğru cevap: {gold} · model: {answer}",
        "en": "gold: {gold} · model: {answer}",
    },
    "report.exact_match": {"tr": "tam eşleşme", "en": "exact match"},
    "report.squad": {"tr": "SQuAD {metric}", "en": "SQuAD {metric}"},
    "report.baseline_row": {
        "tr": "taban çizgisi (kelime örtüşmesi)",
        "en": "baseline (word overlap)",
    },
    "report.questions_kept": {"tr": "tutulan soru", "en": "questions kept"},
    "report.read": {"tr": "okunan", "en": "read"},
    "report.drops": {"tr": "atılanlar", "en": "drops"},
    "method.finetune": {"tr": "tam ince ayar", "en": "full fine-tuning"},
    "method.lora": {"tr": "LoRA (peft)", "en": "LoRA (peft)"},
    "report.legend": {
        "tr": "Yeşil: doğru cevap; turuncu: modelin cevabı; mavi: ikisinin örtüştüğü yer.",
        "en": "Green: the reference answer; orange: the model's answer; blue: where they overlap.",
    },
}
