"""Every sentence ``mask train``, ``mask predict`` and ``data tokens`` show, in Turkish and
English (see :mod:`trtune.i18n`). Terms: maskeli dil modeli / masked language model, boşluk /
blank, belirteç / token, kelime başına belirteç / tokens per word (fertility)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # mask train
    "train.data": {
        "tr": "veri: {files} dosyadan {n} metin; bölme: eğitim {train}, doğrulama {validation}, "
        "test {test}",
        "en": "data: {n} texts from {files} file(s); split: train {train}, validation "
        "{validation}, test {test}",
    },
    "train.folds": {
        "tr": "belirteçleyici Türkçe aksanları siliyor (ş -> s); ı da i'ye çevriliyor",
        "en": "tokenizer: strips Turkish accents (ş -> s); ı is folded to i as well",
    },
    "head.pretrained": {
        "tr": "model: maskeli dil modeli başlığı hazır (ön eğitimden geliyor)",
        "en": "model: the masked-LM head comes with the checkpoint (pre-trained)",
    },
    "head.added": {
        "tr": "model: bu klasörde yalnızca kodlayıcı var; maskeli dil modeli başlığı eklendi "
        "(yeni dönüşüm katmanı rastgele başlar, çözücü kelime gömmelerine bağlı)",
        "en": "model: this folder holds only the encoder; a masked-LM head was added (a new "
        "transform layer starts random, the decoder is tied to the word embeddings)",
    },
    "head.random": {
        "tr": "model: küçük hazır ayar, tüm ağırlıklar rastgele",
        "en": "model: tiny preset, every weight random",
    },
    "head.untied": {
        "tr": "çözücü kelime gömmelerine bağlı değil: başlığın çıktı katmanı ayrı eğitilir",
        "en": "the decoder is not tied to the word embeddings: the head's output layer trains "
        "on its own",
    },
    "train.before": {
        "tr": "eğitimden önce (doğrulama): şaşkınlık {ppl:.1f} (sıklık tabanı {baseline:.1f}), "
        "ilk 5'te doğru kelime {top5:.1%}",
        "en": "before training (validation): perplexity {ppl:.1f} (frequency baseline "
        "{baseline:.1f}), hidden word in the top 5 {top5:.1%}",
    },
    "train.after": {
        "tr": "doğrulama şaşkınlığı {before:.1f} -> {after:.1f} (sıklık tabanı {baseline:.1f}); "
        "gizlenen kelime ilk 5'te: {top5_before:.1%} -> {top5_after:.1%} (sıklık tabanı "
        "{top5_baseline:.1%}, {n} cümle)",
        "en": "validation perplexity {before:.1f} -> {after:.1f} (frequency baseline "
        "{baseline:.1f}); hidden word in the top 5: {top5_before:.1%} -> {top5_after:.1%} "
        "(frequency baseline {top5_baseline:.1%}, {n} sentences)",
    },
    "train.result": {
        "tr": "şaşkınlık {before:.2f} -> {after:.2f}  (temel çizgi {baseline:.2f})  doldurma "
        "ilk 5 {fill_before:.3f} -> {fill_after:.3f}  (temel çizgi {fill_baseline:.3f}, şans "
        "{chance:.5f})",
        "en": "perplexity {before:.2f} -> {after:.2f}  (baseline {baseline:.2f})  fill top-5 "
        "{fill_before:.3f} -> {fill_after:.3f}  (baseline {fill_baseline:.3f}, chance "
        "{chance:.5f})",
    },
    "train.saved": {
        "tr": "kaydedildi: {out}  rapor: {report}",
        "en": "saved: {out}  report: {report}",
    },
    # mask predict
    "predict.intro": {
        "tr": "Model cümlenin boşluğun iki yanındaki tamamını görür ve sözlüğündeki {vocab} "
        "belirtecin her birine bir olasılık verir; en olası {k} tanesi:",
        "en": "The model sees the whole sentence on both sides of the blank and gives each "
        "of the {vocab} tokens of its vocabulary a probability; the {k} most probable:",
    },
    "predict.blank": {"tr": "boşluk {i}", "en": "blank {i}"},
    "predict.filled": {"tr": "en olası doldurma", "en": "most probable filling"},
    "predict.piece": {
        "tr": "(## ile başlayan bir parça, önceki belirtecin devamıdır)",
        "en": "(a piece starting with ## continues the token before it)",
    },
    # report
    "report.title": {"tr": "trtune mask: maskeli dil modeli", "en": "trtune mask: masked LM"},
    "report.result": {"tr": "Sonuç", "en": "Result"},
    "report.curve": {"tr": "Şaşkınlık eğrisi", "en": "Perplexity curve"},
    "report.examples": {
        "tr": "Boşluk doldurma örnekleri (ayrılmış cümleler)",
        "en": "Fill-in examples (held-out sentences)",
    },
    "report.data": {"tr": "Veri", "en": "Data"},
    "report.settings": {"tr": "Ayarlar", "en": "Settings"},
    "report.measure": {
        "tr": "Şaşkınlık: doğrulama metinlerinde bir kez (tohum {seed}) maskelenen belirteçlerin "
        "ortalama çapraz entropisinin üsteli; önce, her dönemde ve sonra aynı boşluklar. "
        "Doldurma: ayrılmış cümlelerde tek belirteçlik bir kelime gizlenir; ilk 1 / ilk 5 "
        "tahminde olma oranı. Taban: bağlamı hiç kullanmayan, eğitim metinlerinin belirteç "
        "sıklıkları.",
        "en": "Perplexity: exp of the mean cross-entropy of the tokens of the validation texts "
        "masked once (seed {seed}); the same blanks before, at every epoch and after. Fill-in: "
        "a one-token word hidden in held-out sentences; the share found first / in the top "
        "5. Baseline: token frequencies of the training texts, which ignore the context.",
    },
    "report.head": {
        "tr": "Başlık: {head}.",
        "en": "Head: {head}.",
    },
    "report.setup": {
        "tr": "{method}, model {model}; {masking} %{share:.0f}, {layout}, en çok {max_length} "
        "belirteç.",
        "en": "{method}, model {model}; {masking} {share:.0f}%, {layout}, max {max_length} tokens.",
    },
    "report.whole_word": {"tr": "bütün kelime maskeleme", "en": "whole-word masking"},
    "report.token_masking": {"tr": "belirteç maskeleme", "en": "token masking"},
    "report.packed": {"tr": "paketlenmiş bloklar", "en": "packed blocks"},
    "report.line_by_line": {"tr": "satır satır", "en": "line by line"},
    "report.head_pretrained": {
        "tr": "modelle birlikte önceden eğitilmiş",
        "en": "pre-trained with the checkpoint",
    },
    "report.head_added": {
        "tr": "bu çalıştırmada eklendi (yeni dönüşüm katmanı, çözücü kelime gömmelerine bağlı)",
        "en": "added by this run (new transform layer, decoder tied to the word embeddings)",
    },
    "report.head_random": {
        "tr": "tüm hazır model gibi rastgele",
        "en": "random like the whole preset",
    },
    "report.col_perplexity": {"tr": "şaşkınlık", "en": "perplexity"},
    "report.col_accuracy": {"tr": "doğruluk", "en": "accuracy"},
    "report.col_top1": {"tr": "doldurma ilk 1", "en": "fill top-1"},
    "report.col_top5": {"tr": "doldurma ilk 5", "en": "fill top-5"},
    "report.files": {"tr": "dosyalar", "en": "files"},
    "report.format": {"tr": "biçim", "en": "format"},
    "report.encodings": {"tr": "kodlamalar", "en": "encodings"},
    "report.read_kept": {"tr": "okunan / tutulan metin", "en": "texts read / kept"},
    "report.dropped": {"tr": "atılanlar", "en": "dropped"},
    "report.split": {"tr": "bölümler", "en": "split"},
    "report.row_before": {"tr": "eğitimden önce", "en": "before training"},
    "report.row_after": {"tr": "eğitimden sonra", "en": "after training"},
    "report.row_baseline": {"tr": "sıklık tabanı", "en": "frequency baseline"},
    "report.row_chance": {"tr": "şans (ilk 5)", "en": "chance (top 5)"},
    "report.sentence": {"tr": "cümle", "en": "sentence"},
    "report.hidden": {"tr": "gizlenen", "en": "hidden"},
    "report.before5": {"tr": "önce: ilk 5", "en": "before: top 5"},
    "report.after5": {"tr": "sonra: ilk 5", "en": "after: top 5"},
    "report.epoch": {"tr": "dönem (0: eğitimden önce)", "en": "epoch (0: before training)"},
    # data tokens
    "tokens.title": {
        "tr": "Belirteçleyici raporu: {file} ({words} kelime)",
        "en": "Tokenizer report: {file} ({words} words)",
    },
    "tokens.fertility": {"tr": "kelime başına belirteç", "en": "tokens per word (fertility)"},
    "tokens.kept_whole": {"tr": "tek parça kalan kelimeler", "en": "words kept whole"},
    "tokens.unknown": {"tr": "bilinmeyen belirteç ([UNK])", "en": "unknown tokens"},
    "tokens.bytes": {"tr": "bayt parçaları", "en": "byte-fallback tokens"},
    "tokens.accents": {"tr": "aksanları siler (ş -> s)", "en": "strips accents (ş -> s)"},
    "tokens.lower": {"tr": "küçük harfe çevirir", "en": "lower-cases"},
    "tokens.fold_i": {
        "tr": "i/ı/İ'yi İngilizce gibi katlar (I -> i)",
        "en": "folds i/ı/İ the English way (I -> i)",
    },
    "tokens.apostrophe": {
        "tr": "kesme işaretli kelimeler: belirteç/kelime",
        "en": "apostrophe words: tokens per word",
    },
    "tokens.probe": {"tr": "Ankara'da şöyle bölünür", "en": "Ankara'da splits as"},
    "tokens.context": {"tr": "bağlam (belirteç)", "en": "context (tokens)"},
    "tokens.in_context": {"tr": "bağlama sığan kelime", "en": "words that fit the context"},
    "tokens.vocab": {"tr": "sözlük büyüklüğü", "en": "vocabulary size"},
    "tokens.most_split": {
        "tr": "en çok bölünen sık kelimeler",
        "en": "frequent words split the most",
    },
    "tokens.yes": {"tr": "evet", "en": "yes"},
    "tokens.no": {"tr": "hayır", "en": "no"},
    "tokens.published": {
        "tr": "Yayımlanmış karşılaştırma noktaları (burada ölçülmedi): Türkçe kelime başına "
        "belirteç GPT-2 ~3,8; Qwen3 ~2,6; Türkçe eğitilmiş belirteçleyiciler ~1,6-1,9.",
        "en": "Published reference points (not measured here): tokens per Turkish word "
        "GPT-2 ~3.8; Qwen3 ~2.6; Turkish-trained tokenizers ~1.6-1.9.",
    },
    "tokens.trained_here": {
        "tr": "{model}: hazır ayar; belirteçleyicisi bu metin üzerinde eğitildi",
        "en": "{model}: a preset; its tokenizer was trained on this very text",
    },
    "tokens.html_hint": {
        "tr": "grafikli sayfa için: --html DOSYA",
        "en": "for the page with a plot: --html FILE",
    },
    "tokens.saved": {"tr": "sayfa: {path}", "en": "page: {path}"},
    "tokens.plot_title": {
        "tr": "Kelime başına belirteç (kesikli: yayımlanmış değerler)",
        "en": "Tokens per word (dashed: published values)",
    },
    "tokens.definitions": {
        "tr": "Kelime: harf ve rakam dizisi; kesme işaretli ek kelimede kalır (Ankara'da tek "
        "kelime), noktalama sayılmaz. Bir belirteç, karakterleri örtüştüğü ilk kelimeye "
        "sayılır. Bağlama sığan kelime: bağlam uzunluğu / (noktalama dahil kelime başına "
        "belirteç).",
        "en": "Word: a run of letters and digits; an apostrophe suffix stays with its word "
        "(Ankara'da is one word); punctuation is not counted. A token counts for the first "
        "word its characters overlap. Words that fit the context: context length / (tokens "
        "per word, punctuation included).",
    },
}
