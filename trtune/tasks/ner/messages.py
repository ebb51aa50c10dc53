"""Every sentence ``trtune ner`` shows, in Turkish (``tr``) and English (``en``).

Look a sentence up with :func:`trtune.i18n.say` (``say(MESSAGES, key, lang, **fields)``).
Terms: varlık/entity, etiket/tag, kesinlik/precision, duyarlılık/recall, F1.
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # training
    "data": {
        "tr": "veri: {sentences} cümle, {tokens} sözcük, {entities} varlık ({format}, {scheme}); "
        "bölümler {split}",
        "en": "data: {sentences} sentences, {tokens} words, {entities} entities ({format}, "
        "{scheme}); split {split}",
    },
    "types": {
        "tr": "varlık türleri ({n}): {types}",
        "en": "entity types ({n}): {types}",
    },
    "dropped": {
        "tr": "{count} cümle atlandı ({reason}; ilk satırlar: {rows})",
        "en": "{count} sentences dropped ({reason}; first lines: {rows})",
    },
    "repaired": {
        "tr": "{count} etiket onarıldı ({reason}; ilk satırlar: {rows})",
        "en": "{count} tags repaired ({reason}; first lines: {rows})",
    },
    "truncated": {
        "tr": "{count} eğitim cümlesi --max-length {max_length} alt-sözcüğe sığmadı; sonları "
        "eğitimde kullanılmadı",
        "en": "{count} training sentences do not fit --max-length {max_length} sub-words; "
        "their ends were left out of training",
    },
    "testing": {"tr": "test ediliyor", "en": "testing"},
    "result": {
        "tr": "{method}: varlık F1 {f1:.4f}  kesinlik {precision:.4f}  duyarlılık {recall:.4f}  "
        "(en sık etiket tabanı: F1 {base_f1:.4f})",
        "en": "{method}: entity F1 {f1:.4f}  precision {precision:.4f}  recall {recall:.4f}  "
        "(most-frequent-tag baseline: F1 {base_f1:.4f})",
    },
    "saved": {
        "tr": "kaydedildi: {out}  rapor: {report}",
        "en": "saved: {out}  report: {report}",
    },
    "eval": {
        "tr": "varlık F1 {f1:.4f}  kesinlik {precision:.4f}  duyarlılık {recall:.4f}  "
        "sözcük doğruluğu {accuracy:.4f}  ({n} cümle)",
        "en": "entity F1 {f1:.4f}  precision {precision:.4f}  recall {recall:.4f}  "
        "token accuracy {accuracy:.4f}  ({n} sentences)",
    },
    "unknown_types": {
        "tr": "modelin bilmediği varlık türleri: {types} (bunlar hiç bulunamaz)",
        "en": "entity types the model does not know: {types} (they can never be found)",
    },
    "no_entities": {"tr": "(varlık yok)", "en": "(no entities)"},
    # report
    "report.title": {"tr": "trtune ner: {method}", "en": "trtune ner: {method}"},
    "report.share": {"tr": "%{share:.0f}, tohum {seed}", "en": "{share:.0f}%, seed {seed}"},
    "method.finetune": {"tr": "tam ince ayar", "en": "full fine-tuning"},
    "method.lora": {"tr": "LoRA", "en": "LoRA"},
    "report.result": {"tr": "Sonuç", "en": "Result"},
    "report.method": {
        "tr": "Yöntem: {method}; model: {model}. Test: {n} cümle ({source}).",
        "en": "Method: {method}; model: {model}. Test: {n} sentences ({source}).",
    },
    "report.scoring": {
        "tr": "Varlık düzeyinde, katı IOB2 (seqeval): bir varlık ancak türü ve iki sınırı "
        "doğruysa bulunmuş sayılır. Taban: her sözcüğün eğitim verisindeki en sık etiketi "
        "(görülmemiş sözcükler O), aynı biçimde puanlanır.",
        "en": "Entity level, strict IOB2 (seqeval): an entity counts as found only when its "
        "type and both boundaries are right. Baseline: each word's most frequent tag in the "
        "training data (unseen words O), scored the same way.",
    },
    "report.timing": {
        "tr": "Eğitim {seconds:.1f} sn sürdü ({rate:.1f} cümle/sn); test {test_rate:.1f} cümle/sn.",
        "en": "Training took {seconds:.1f} s ({rate:.1f} sentences/s); testing "
        "{test_rate:.1f} sentences/s.",
    },
    "report.per_type": {"tr": "Tür başına (test)", "en": "Per type (test)"},
    "report.confusion": {
        "tr": "Varlık türü karışıklığı (sözcük düzeyinde; satır: gerçek, sütun: tahmin)",
        "en": "Entity-type confusion (per word; rows: gold, columns: predicted)",
    },
    "report.sentences": {
        "tr": "Test cümleleri, en çok hatalısı önce",
        "en": "Test sentences, the worst first",
    },
    "report.sentences_note": {
        "tr": "Her cümlede üstte gerçek, altta tahmin edilen varlıklar; kırmızı çerçeve yanlış "
        "tahmin, kesikli çerçeve kaçırılan varlık. {shown} / {total} cümle.",
        "en": "Each sentence shows the gold entities above and the predicted ones below; a red "
        "frame is a wrong prediction, a dashed frame a missed entity. {shown} of {total} "
        "sentences.",
    },
    "report.gold": {"tr": "gerçek", "en": "gold"},
    "report.predicted": {"tr": "tahmin", "en": "predicted"},
    "report.figures": {"tr": "Grafikler", "en": "Figures"},
    "report.data": {"tr": "Veri", "en": "Data"},
    "report.settings": {"tr": "Ayarlar", "en": "Settings"},
    "report.truncated": {
        "tr": "Uyarı: {count} eğitim cümlesi --max-length sınırını aştı.",
        "en": "Warning: {count} training sentences exceeded --max-length.",
    },
    "report.model": {"tr": "model", "en": "model"},
    "report.baseline": {"tr": "en sık etiket tabanı", "en": "most-frequent-tag baseline"},
    "report.type": {"tr": "tür", "en": "type"},
    "report.support": {"tr": "adet", "en": "support"},
    "report.precision": {"tr": "kesinlik", "en": "precision"},
    "report.recall": {"tr": "duyarlılık", "en": "recall"},
    "report.accuracy": {"tr": "sözcük doğruluğu", "en": "token accuracy"},
    "figure.f1": {"tr": "Doğrulama varlık F1", "en": "Validation entity F1"},
    "figure.loss": {"tr": "Kayıp (çapraz entropi)", "en": "Loss (cross-entropy)"},
    "figure.train": {"tr": "eğitim", "en": "train"},
    "figure.validation": {"tr": "doğrulama", "en": "validation"},
    # model card
    "card.title": {
        "tr": "# Türkçe adlandırılmış varlık tanıma ({method})",
        "en": "# Turkish named-entity recognition ({method})",
    },
    "card.trained": {
        "tr": "`trtune ner train` ile `{data}` üzerinde, `{model}` modelinden başlanarak "
        "eğitildi. Varlık türleri: {types}.",
        "en": "Trained with `trtune ner train` on `{data}`, starting from `{model}`. Entity "
        "types: {types}.",
    },
    "card.use": {"tr": "## Kullanım", "en": "## Use"},
    "card.header": {
        "tr": "| | kesinlik | duyarlılık | F1 | sözcük doğruluğu |",
        "en": "| | precision | recall | F1 | token accuracy |",
    },
    "card.baseline": {"tr": "en sık etiket tabanı", "en": "most-frequent-tag baseline"},
    "card.test": {
        "tr": "Test: {n} cümle ({source}); varlık düzeyinde, katı IOB2.",
        "en": "Test: {n} sentences ({source}); entity level, strict IOB2.",
    },
    "card.cli": {
        "tr": 'Komut satırından: `trtune ner predict --model KLASÖR "metin"`.',
        "en": 'From the command line: `trtune ner predict --model PATH "metin"`.',
    },
    "card.files": {
        "tr": "Tüm ayarlar: `trtune.json`; ölçümler: `metrics.json`; rapor: `report.html`.",
        "en": "Full settings: `trtune.json`; metrics: `metrics.json`; report: `report.html`.",
    },
}
