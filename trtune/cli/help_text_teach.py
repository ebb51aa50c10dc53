# ruff: noqa: E501  (a table of sentences: one line each reads and diffs best)
"""The Turkish `--help` of the teaching commands: `learn` and `nanogpt`: a part of :data:`trtune.cli.help_text.HELP`."""

from __future__ import annotations

HELP_TEACH: dict[str, dict[str, str]] = {
    "learn": {
        "en": "The report's worked examples from scratch: attention, LLM types, embeddings, RNNs.",
        "tr": "Raporun sıfırdan çözülmüş örnekleri: dikkat, DM türleri, gömmeler, RNN'ler.",
    },
    "learn.attention": {
        "en": "Walk through the report's self-attention example step by step; with --model, write\nthe attention of a trained model for TEXT as an offline HTML page.",
        "tr": "Raporun öz-dikkat örneğini adım adım izleyin; --model ile eğitilmiş bir modelin\nMETİN için dikkatini çevrimdışı bir HTML sayfası olarak yazın.",
    },
    "learn.attention.text": {
        "en": "With --model: the text whose attention to show.",
        "tr": "--model ile: dikkati gösterilecek metin.",
    },
    "learn.attention.model": {
        "en": "Show the attention of this model instead of the worked example: a folder written by a train command (classify, ner, qa, mask), a Hugging Face folder or a Hub name.",
        "tr": "Çözülmüş örnek yerine bu modelin dikkatini göster: bir train komutunun yazdığı klasör (classify, ner, qa, mask), bir Hugging Face klasörü ya da Hub adı.",
    },
    "learn.attention.out": {
        "en": "With --model: the HTML page to write.",
        "tr": "--model ile: yazılacak HTML sayfası.",
    },
    "learn.attention.max_tokens": {
        "en": "With --model: keep at most this many tokens (special tokens included).",
        "tr": "--model ile: en çok bu kadar belirteç tut (özel belirteçler dahil).",
    },
    "learn.attention.scaled": {"en": "Divide the scores by √d_k.", "tr": "Puanları √d_k'ye böl."},
    "learn.attention.step": {
        "en": "Show one step (1 keys, 2 queries, 3 values, 4 scores, 5 softmax, 6 weighted values, 7 outputs) and the matrices it is computed from.",
        "tr": "Tek bir adımı (1 anahtarlar, 2 sorgular, 3 değerler, 4 puanlar, 5 softmax, 6 ağırlıklı değerler, 7 çıktılar) ve hesaplandığı matrisleri göster.",
    },
    "learn.attention.lang": {
        "en": "Language of the explanations: tr (Turkish) or en (English); default TRTUNE_LANG, else the locale (tr_* -> Turkish), else English.",
        "tr": "Açıklamaların dili: tr (Türkçe) ya da en (İngilizce); varsayılan TRTUNE_LANG, değilse yerel ayar (tr_* -> Türkçe), değilse İngilizce.",
    },
    "learn.attention.as_json": {
        "en": "Print one JSON object instead (with --model: its attention).",
        "tr": "Bunun yerine tek bir JSON nesnesi yazdır (--model ile: dikkati).",
    },
    "learn.types": {
        "en": "Train encoder-only, decoder-only and encoder-decoder models on toy tasks (CPU).",
        "tr": "Yalnız kodlayıcı, yalnız kod çözücü ve kodlayıcı-kod çözücü modelleri oyuncak görevlerde eğit (CPU).",
    },
    "learn.types.seed": {
        "en": "Seed for data and weights.",
        "tr": "Veri ve ağırlıklar için tohum.",
    },
    "learn.types.steps": {"en": "Training steps per model.", "tr": "Model başına eğitim adımı."},
    "learn.types.as_json": {
        "en": "Print the accuracies as JSON last.",
        "tr": "Doğrulukları en sonda JSON olarak yazdır.",
    },
    "learn.embedding": {
        "en": "Train the four-word embedding network and a Turkish one; plot both.",
        "tr": "Dört kelimelik gömme ağını ve Türkçe bir ağı eğit; ikisini de çiz.",
    },
    "learn.embedding.out": {"en": "Folder for the plots.", "tr": "Grafikler için klasör."},
    "learn.embedding.seed": {
        "en": "Seed for the initial weights.",
        "tr": "Başlangıç ağırlıkları için tohum.",
    },
    "learn.embedding.as_json": {
        "en": "Print the distances as JSON.",
        "tr": "Uzaklıkları JSON olarak yazdır.",
    },
    "learn.rnn": {
        "en": "RNN, GRU, LSTM and a Transformer: recall over distance, time per step over length.",
        "tr": "RNN, GRU, LSTM ve bir Transformer: uzaklığa göre hatırlama, uzunluğa göre adım başına süre.",
    },
    "learn.rnn.out": {
        "en": "Folder for rnn.png and rnn.json.",
        "tr": "rnn.png ve rnn.json için klasör.",
    },
    "learn.rnn.quick": {
        "en": "Short distances, about 15 s (for tests).",
        "tr": "Kısa uzaklıklar, yaklaşık 15 sn (testler için).",
    },
    "learn.rnn.as_json": {
        "en": "Print the numbers as JSON instead.",
        "tr": "Bunun yerine sayıları JSON olarak yazdır.",
    },
    "nanogpt": {
        "en": "A GPT written from scratch: sort CBABBC -> ABBBCC, see every number, write Turkish.",
        "tr": "Sıfırdan yazılmış bir GPT: CBABBC -> ABBBCC sırala, her sayıyı gör, Türkçe yaz.",
    },
    "nanogpt.train": {
        "en": "Train on the sort task (default) or on text, then report exact match / loss.",
        "tr": "Sıralama görevinde (varsayılan) ya da metin üzerinde eğit, sonra tam eşleşme / kaybı bildir.",
    },
    "nanogpt.train.out": {
        "en": "Run folder (model, metrics, checkpoints).",
        "tr": "Çalıştırma klasörü (model, ölçümler, kontrol noktaları).",
    },
    "nanogpt.train.text": {
        "en": "Train a character-level model on this UTF-8 file (or SQuAD JSON).",
        "tr": "Bu UTF-8 dosyası (ya da SQuAD JSON) üzerinde karakter düzeyinde bir model eğit.",
    },
    "nanogpt.train.preset": {
        "en": "Model size: gpt-nano, gpt-char-mini, ...",
        "tr": "Model boyutu: gpt-nano, gpt-char-mini, ...",
    },
    "nanogpt.train.max_steps": {
        "en": "Most optimiser steps (sort: 800, text: 1000).",
        "tr": "En çok iyileştirici adımı (sıralama: 800, metin: 1000).",
    },
    "nanogpt.train.batch_size": {
        "en": "Sequences per step (sort: 256).",
        "tr": "Adım başına dizi (sıralama: 256).",
    },
    "nanogpt.train.lr": {
        "en": "Peak learning rate (sort: 7e-3).",
        "tr": "En yüksek öğrenme oranı (sıralama: 7e-3).",
    },
    "nanogpt.train.seed": {
        "en": "Seed for the weights and the batch order.",
        "tr": "Ağırlıklar ve yığın sırası için tohum.",
    },
    "nanogpt.train.block_size": {
        "en": "Text only: context length in characters.",
        "tr": "Yalnız metin: karakter cinsinden bağlam uzunluğu.",
    },
    "nanogpt.train.threads": {
        "en": "CPU threads (1 is fastest for these small models).",
        "tr": "CPU iş parçacığı (bu küçük modeller için en hızlısı 1).",
    },
    "nanogpt.train.resume": {
        "en": "Continue the run in --out from its checkpoint.",
        "tr": "--out içindeki çalıştırmayı kontrol noktasından sürdür.",
    },
    "nanogpt.train.overwrite": {
        "en": "Replace an existing run in --out.",
        "tr": "--out içindeki mevcut çalıştırmanın yerine yenisini yaz.",
    },
    "nanogpt.sort": {
        "en": "Sort six symbols with a trained model (answers in the alphabet it was given).",
        "tr": "Altı sembolü eğitilmiş bir modelle sırala (yanıt, verildiği alfabeyle).",
    },
    "nanogpt.sort.sequence": {
        "en": "Six symbols from A-C (or 0-2), e.g. CBABBC.",
        "tr": "A-C (ya da 0-2) arasından altı sembol, ör. CBABBC.",
    },
    "nanogpt.sort.model": {
        "en": "A folder written by `nanogpt train`.",
        "tr": "`nanogpt train` ile yazılmış bir klasör.",
    },
    "nanogpt.viz": {
        "en": "Write one self-contained HTML page that runs the model: type, and see every number.",
        "tr": "Modeli çalıştıran, kendi içinde eksiksiz tek bir HTML sayfası yaz: yazın ve her sayıyı görün.",
    },
    "nanogpt.viz.sequence": {
        "en": "First input: six letters A-C (sort model; CBABBC) or a prompt (text model).",
        "tr": "İlk girdi: A-C arasından altı harf (sıralama modeli; CBABBC) ya da bir istem (metin modeli).",
    },
    "nanogpt.viz.out": {"en": "The HTML page to write.", "tr": "Yazılacak HTML sayfası."},
    "nanogpt.viz.lang": {
        "en": "Language of the output and the page at first: tr or en.",
        "tr": "Çıktının ve sayfanın açılış dili: tr ya da en.",
    },
    "nanogpt.sample": {
        "en": "Generate text with a character-level model.",
        "tr": "Karakter düzeyinde bir modelle metin üret.",
    },
    "nanogpt.sample.model": {"en": "A text model folder.", "tr": "Bir metin modeli klasörü."},
    "nanogpt.sample.prompt": {"en": "Text to continue.", "tr": "Sürdürülecek metin."},
    "nanogpt.sample.tokens": {"en": "Characters to generate.", "tr": "Üretilecek karakter sayısı."},
    "nanogpt.sample.temperature": {
        "en": "Below 1: safer; above 1: wilder.",
        "tr": "1'in altı: daha güvenli; 1'in üstü: daha çılgın.",
    },
    "nanogpt.sample.seed": {"en": "Sampling seed.", "tr": "Örnekleme tohumu."},
}
