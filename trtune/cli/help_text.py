# ruff: noqa: E501  (a table of sentences: one line each reads and diffs best)
"""The Turkish of every `--help` string (groups, commands, arguments, options).

Each entry is one help string, ``{"en": <the English exactly as the code writes it>, "tr": ...}``;
``trtune.cli.help`` looks the English up when the language is Turkish. A generated option's
help is its field's help followed by ``(default: ...)``: the field's help is an entry, and the
words of a default are ``default.*`` phrases. ``tests/cli/test_help_lang.py`` fails when a help
string of the CLI has no entry here, so a changed English text must change here too.
Terms as in the message tables: belirteç/token, temel çizgi/baseline, DM/LM, hazır model/preset.
"""

from __future__ import annotations

HELP: dict[str, dict[str, str]] = {
    "trtune": {
        "en": "Understand and fine-tune language models in Turkish.",
        "tr": "Türkçe dil modellerini anlayın ve ince ayar yapın.",
    },
    "version": {"en": "Print the version.", "tr": "Sürümü yazdır."},
    "debug": {
        "en": "Show full tracebacks for errors (also TRTUNE_DEBUG=1).",
        "tr": "Hatalarda tam izi (traceback) göster (TRTUNE_DEBUG=1 de olur).",
    },
    "serve": {
        "en": "Serve trained models (classifier, NER tagger, QA, seq2seq, masked LM, LM): the web page at /, the API under /v1, docs at /docs.",
        "tr": "Eğitilmiş modelleri sun (sınıflandırıcı, NER etiketleyici, soru-cevap, seq2seq, maskeli DM, DM): web sayfası / adresinde, API /v1 altında, belgeler /docs adresinde.",
    },
    "serve.classifier": {
        "en": "Folder of a sequence classifier (classify train).",
        "tr": "Dizi sınıflandırıcısının klasörü (classify train).",
    },
    "serve.lm": {
        "en": "Folder of a causal LM (lm train).",
        "tr": "Nedensel dil modelinin klasörü (lm train).",
    },
    "serve.qa": {
        "en": "Folder of an extractive QA model (qa train).",
        "tr": "Çıkarımsal soru-cevap modelinin klasörü (qa train).",
    },
    "serve.seq2seq": {
        "en": "Folder of an encoder-decoder (seq2seq train).",
        "tr": "Kodlayıcı-kod çözücü modelin klasörü (seq2seq train).",
    },
    "serve.mask": {
        "en": "Folder of a masked LM (mask train, or any ...ForMaskedLM): fill-mask.",
        "tr": "Maskeli dil modelinin klasörü (mask train ya da herhangi bir ...ForMaskedLM): boşluk doldurma.",
    },
    "serve.ner": {
        "en": "Folder of a named-entity tagger (ner train).",
        "tr": "Adlandırılmış varlık etiketleyicisinin klasörü (ner train).",
    },
    "serve.host": {"en": "Address to bind (loopback).", "tr": "Dinlenecek adres (yerel döngü)."},
    "serve.port": {"en": "TCP port.", "tr": "TCP bağlantı noktası."},
    "serve.max_batch_size": {
        "en": "Texts per forward pass, at most.",
        "tr": "Bir ileri geçişteki en çok metin sayısı.",
    },
    "serve.max_wait_ms": {
        "en": "How long the first text of a batch waits for company.",
        "tr": "Bir yığının ilk metninin yanına başkaları gelsin diye ne kadar beklediği.",
    },
    "serve.nanogpt_page": {
        "en": "HTML page from `trtune nanogpt viz`, served at /nanogpt.",
        "tr": "`trtune nanogpt viz` ile yazılan HTML sayfası, /nanogpt adresinde sunulur.",
    },
    "serve.max_texts": {
        "en": "Texts per /v1/classify request.",
        "tr": "Bir /v1/classify isteğindeki metin sayısı.",
    },
    "serve.max_chars": {
        "en": "Characters per text or prompt.",
        "tr": "Metin ya da istem başına karakter sayısı.",
    },
    "serve.max_body_bytes": {"en": "Request body size limit.", "tr": "İstek gövdesi boyut sınırı."},
    "serve.max_new_tokens": {
        "en": "Upper bound on max_new_tokens.",
        "tr": "max_new_tokens için üst sınır.",
    },
    "serve.device": {
        "en": "auto (a CUDA GPU when there is one), cpu, cuda, cuda:N.",
        "tr": "auto (varsa bir CUDA GPU), cpu, cuda, cuda:N.",
    },
    "serve.dtype": {
        "en": "auto (bfloat16 on a GPU; on a CPU with AMX, bfloat16 for the classifier and float32 for the LM; else float32), float32, bfloat16, float16 (GPU only).",
        "tr": "auto (GPU'da bfloat16; AMX'li CPU'da sınıflandırıcı için bfloat16, DM için float32; değilse float32), float32, bfloat16, float16 (yalnız GPU).",
    },
    "serve.attention_max_tokens": {
        "en": "Tokens shown in the attention heat map, at most.",
        "tr": "Dikkat ısı haritasında gösterilen en çok belirteç sayısı.",
    },
    "demo": {
        "en": "Run the offline tour of trtune end to end and say where its reports are.",
        "tr": "trtune'un çevrimdışı turunu baştan sona çalıştır ve raporlarının nerede olduğunu söyle.",
    },
    "demo.out": {"en": "Folder for the tour's reports.", "tr": "Turun raporları için klasör."},
    "demo.lang": {
        "en": "Language: tr or en (default: TRTUNE_LANG, else the locale).",
        "tr": "Dil: tr ya da en (varsayılan: TRTUNE_LANG, değilse yerel ayar).",
    },
    "demo.skip": {
        "en": "Skip a step by name (learn, nanogpt, classify, lm).",
        "tr": "Bir adımı adıyla atla (learn, nanogpt, classify, lm).",
    },
    "data": {
        "en": "Read and check data files (CSV, TSV, JSON, JSONL, Parquet).",
        "tr": "Veri dosyalarını oku ve denetle (CSV, TSV, JSON, JSONL, Parquet).",
    },
    "data.inspect": {
        "en": "Detect encoding, delimiter, header, text/label columns and labels; report drops.",
        "tr": "Kodlamayı, ayırıcıyı, başlığı, metin/etiket sütunlarını ve etiketleri bul; atılan satırları bildir.",
    },
    "data.inspect.files": {
        "en": "A data file, a folder with one .txt file or sub-folder per label, or FILE:LABEL (one text per line); repeat for several.",
        "tr": "Bir veri dosyası, etiket başına bir .txt dosyası ya da alt klasör içeren bir klasör veya DOSYA:ETİKET (satır başına bir metin); birkaç tane için tekrarlayın.",
    },
    "data.inspect.text_col": {"en": "Name of the text column.", "tr": "Metin sütununun adı."},
    "data.inspect.label_col": {"en": "Name of the label column.", "tr": "Etiket sütununun adı."},
    "data.inspect.label_map": {
        "en": "Name numeric labels, e.g. 0=negative,1=positive,2=neutral.",
        "tr": "Sayısal etiketleri adlandırın, ör. 0=olumsuz,1=olumlu,2=nötr.",
    },
    "data.inspect.as_json": {"en": "Print one JSON object.", "tr": "Tek bir JSON nesnesi yazdır."},
    "data.tokens": {
        "en": "How each tokenizer cuts your Turkish text: tokens per word, words kept whole, accents.",
        "tr": "Her belirteçleyici Türkçe metninizi nasıl böler: kelime başına belirteç, bütün kalan kelimeler, şapkalı harfler.",
    },
    "data.tokens.file": {
        "en": "Text: a .txt file, a folder of them, or a table.",
        "tr": "Metin: bir .txt dosyası, bunlardan oluşan bir klasör ya da bir tablo.",
    },
    "data.tokens.model": {
        "en": "Tokenizer: a folder, a preset or a Hub name; repeat to compare.",
        "tr": "Belirteçleyici: bir klasör, hazır model ya da Hub adı; karşılaştırmak için tekrarlayın.",
    },
    "data.tokens.html": {
        "en": "Write the page with a plot here.",
        "tr": "Grafikli sayfayı buraya yaz.",
    },
    "data.tokens.as_json": {
        "en": "Print a list, one object per tokenizer.",
        "tr": "Belirteçleyici başına bir nesne olan bir liste yazdır.",
    },
    "data.tokens.lang": {
        "en": "Language of the output: tr or en.",
        "tr": "Çıktının dili: tr ya da en.",
    },
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
        "en": "Page language: tr or en (both are inside).",
        "tr": "Sayfa dili: tr ya da en (ikisi de içinde).",
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
    "classify": {
        "en": "Train, evaluate and use text classifiers (sentiment and more).",
        "tr": "Metin sınıflandırıcılarını eğitin, değerlendirin ve kullanın (duygu analizi ve daha fazlası).",
    },
    "classify.train": {
        "en": "Train a classifier (and the TF-IDF baseline) and write the output folder.",
        "tr": "Bir sınıflandırıcı (ve TF-IDF temel çizgisini) eğit ve çıktı klasörünü yaz.",
    },
    "classify.train.data": {
        "en": "labelled text file (CSV, TSV, JSON, JSONL, Parquet), a folder with one file or sub-folder per label, or FILE:LABEL (one text per line); repeat for several",
        "tr": "etiketli metin dosyası (CSV, TSV, JSON, JSONL, Parquet), etiket başına bir dosya ya da alt klasör içeren bir klasör veya DOSYA:ETİKET (satır başına bir metin); birkaç tane için tekrarlayın",
    },
    "classify.train.validation_data": {
        "en": "a fixed validation file (instead of a split)",
        "tr": "sabit bir doğrulama dosyası (bölmek yerine)",
    },
    "classify.train.test_data": {
        "en": "a fixed test file (instead of a split)",
        "tr": "sabit bir test dosyası (bölmek yerine)",
    },
    "classify.train.model": {
        "en": "preset (tiny, tiny-gpt, ...), local folder or Hub name",
        "tr": "hazır model (tiny, tiny-gpt, ...), yerel klasör ya da Hub adı",
    },
    "setting.method": {"en": "training method", "tr": "eğitim yöntemi"},
    "classify.train.out": {"en": "output folder", "tr": "çıktı klasörü"},
    "classify.train.epochs": {
        "en": "passes over the training data at most",
        "tr": "eğitim verisi üzerinden en çok geçiş (epoch) sayısı",
    },
    "classify.train.max_steps": {
        "en": "stop after this many optimiser steps (overrides --epochs)",
        "tr": "bu kadar iyileştirici adımından sonra dur (--epochs'u geçersiz kılar)",
    },
    "classify.train.batch_size": {
        "en": "examples per optimiser step",
        "tr": "iyileştirici adımı başına örnek",
    },
    "classify.train.lr": {"en": "peak learning rate", "tr": "en yüksek öğrenme oranı"},
    "classify.train.max_length": {
        "en": "tokens per example at most",
        "tr": "örnek başına en çok belirteç",
    },
    "classify.train.seed": {
        "en": "seed for the split, the initial weights and the batch order",
        "tr": "bölme, başlangıç ağırlıkları ve yığın sırası için tohum",
    },
    "classify.train.test_size": {
        "en": "share of the data held out for the test part",
        "tr": "verinin test bölümü için ayrılan payı",
    },
    "classify.train.validation_size": {
        "en": "share of the training part held out for validation (early stopping, best checkpoint)",
        "tr": "eğitim bölümünün doğrulama için ayrılan payı (erken durdurma, en iyi kontrol noktası)",
    },
    "classify.train.warmup_ratio": {
        "en": "share of the steps spent warming the learning rate up",
        "tr": "adımların öğrenme oranını ısıtmaya ayrılan payı",
    },
    "classify.train.weight_decay": {"en": "AdamW weight decay", "tr": "AdamW ağırlık azaltımı"},
    "classify.train.patience": {
        "en": "evaluations without improvement before stopping early",
        "tr": "erken durmadan önce iyileşmesiz değerlendirme sayısı",
    },
    "classify.train.lora_r": {"en": "LoRA rank r", "tr": "LoRA rankı r"},
    "classify.train.lora_alpha": {"en": "LoRA scaling alpha", "tr": "LoRA ölçekleme alfası"},
    "classify.train.lora_dropout": {
        "en": "dropout on the LoRA branch",
        "tr": "LoRA dalındaki dropout",
    },
    "classify.train.lora_target_modules": {
        "en": "layers LoRA adapts, comma-separated",
        "tr": "LoRA'nın uyarladığı katmanlar, virgülle ayrılmış",
    },
    "classify.train.merge": {
        "en": "LoRA: also save the adapter merged into the model",
        "tr": "LoRA: bağdaştırıcıyı modele birleştirilmiş olarak da kaydet",
    },
    "classify.train.trust_remote_code": {
        "en": "let a model folder run its own Python code",
        "tr": "bir model klasörünün kendi Python kodunu çalıştırmasına izin ver",
    },
    "classify.train.text_col": {"en": "name of the text column", "tr": "metin sütununun adı"},
    "classify.train.label_col": {"en": "name of the label column", "tr": "etiket sütununun adı"},
    "classify.train.label_map": {
        "en": "name raw labels, e.g. 0=negative,1=positive,2=neutral",
        "tr": "ham etiketleri adlandırın, ör. 0=olumsuz,1=olumlu,2=nötr",
    },
    "classify.train.pooling": {
        "en": "features: how one vector is made of a text's tokens (cls, mean)",
        "tr": "features: bir metnin belirteçlerinden tek vektörün nasıl yapıldığı (cls, mean)",
    },
    "classify.train.class_weight": {
        "en": "loss weight per class: none or balanced (rare classes count more; the TF-IDF baseline too)",
        "tr": "sınıf başına kayıp ağırlığı: none ya da balanced (seyrek sınıflar daha çok sayılır; TF-IDF temel çizgisi de)",
    },
    "classify.train.feature_batch_size": {
        "en": "features: texts per extraction batch",
        "tr": "features: öznitelik çıkarma yığını başına metin",
    },
    "classify.train.cache_dir": {
        "en": "features: cache folder (default $TRTUNE_CACHE/features)",
        "tr": "features: önbellek klasörü (varsayılan $TRTUNE_CACHE/features)",
    },
    "classify.train.config": {
        "en": "YAML settings; flags override.",
        "tr": "YAML ayarları; bayraklar üstün gelir.",
    },
    "classify.train.resume": {
        "en": "Continue the run in --out.",
        "tr": "--out içindeki çalıştırmayı sürdür.",
    },
    "classify.train.overwrite": {
        "en": "Replace the folder --out.",
        "tr": "--out klasörünün yerine yenisini yaz.",
    },
    "classify.train.dry_run": {
        "en": "Check data and settings; train nothing.",
        "tr": "Veriyi ve ayarları denetle; hiçbir şey eğitme.",
    },
    "classify.train.as_json": {
        "en": "With --dry-run: print the plan as JSON.",
        "tr": "--dry-run ile: planı JSON olarak yazdır.",
    },
    "classify.train.lang": {
        "en": "Language of the output: tr or en (TRTUNE_LANG, locale).",
        "tr": "Çıktının dili: tr ya da en (TRTUNE_LANG, yerel ayar).",
    },
    "classify.predict": {
        "en": "Label each text and show the probability of every label.",
        "tr": "Her metni etiketle ve her etiketin olasılığını göster.",
    },
    "classify.predict.texts": {
        "en": "Texts to classify ('-' reads stdin).",
        "tr": "Sınıflandırılacak metinler ('-' standart girdiyi okur).",
    },
    "classify.predict.model": {
        "en": "Folder written by `classify train`.",
        "tr": "`classify train` ile yazılmış klasör.",
    },
    "classify.predict.file": {"en": "Read texts from a file.", "tr": "Metinleri bir dosyadan oku."},
    "classify.predict.as_json": {
        "en": "Print one JSON object per text.",
        "tr": "Metin başına bir JSON nesnesi yazdır.",
    },
    "classify.eval": {
        "en": "Accuracy, macro-F1 and per-class scores of a saved classifier on a labelled file.",
        "tr": "Kaydedilmiş bir sınıflandırıcının etiketli bir dosyadaki doğruluğu, makro-F1'i ve sınıf başına puanları.",
    },
    "classify.eval.data": {
        "en": "Labelled data file, a folder with one .txt file or sub-folder per label, or FILE:LABEL (one text per line); repeat for several.",
        "tr": "Etiketli veri dosyası, etiket başına bir .txt dosyası ya da alt klasör içeren bir klasör veya DOSYA:ETİKET (satır başına bir metin); birkaç tane için tekrarlayın.",
    },
    "classify.eval.label_map": {
        "en": "Name raw labels, e.g. 0=negative,1=positive,2=neutral.",
        "tr": "Ham etiketleri adlandırın, ör. 0=olumsuz,1=olumlu,2=nötr.",
    },
    "classify.eval.as_json": {
        "en": "Print the metrics as JSON.",
        "tr": "Ölçümleri JSON olarak yazdır.",
    },
    "lm": {
        "en": "Fine-tune causal language models (LoRA, QLoRA, full) on Turkish data.",
        "tr": "Nedensel dil modellerine Türkçe veride ince ayar yapın (LoRA, QLoRA, tam).",
    },
    "lm.train": {
        "en": "Fine-tune a causal LM and write model, metrics, figures, report.html and a card.",
        "tr": "Nedensel bir DM'ye ince ayar yap; modeli, ölçümleri, grafikleri, report.html'i ve bir model kartını yaz.",
    },
    "lm.train.data": {
        "en": "training data file (repeat --data for several)",
        "tr": "eğitim verisi dosyası (birkaç tane için --data'yı tekrarlayın)",
    },
    "lm.train.template": {
        "en": "prompt template: auto, turkish or chat",
        "tr": "istem şablonu: auto, turkish ya da chat",
    },
    "lm.train.pack": {
        "en": "pack examples into full blocks of --max-length tokens",
        "tr": "örnekleri --max-length belirteçlik dolu bloklara paketle",
    },
    "lm.train.gradient_checkpointing": {
        "en": "trade compute for memory",
        "tr": "bellek için hesaptan ödün ver",
    },
    "lm.train.eval_every": {
        "en": "steps between evaluations (0: five times a run)",
        "tr": "değerlendirmeler arası adım (0: bir çalıştırmada beş kez)",
    },
    "lm.train.max_examples": {
        "en": "use only the first N examples",
        "tr": "yalnız ilk N örneği kullan",
    },
    "lm.train.num_generations": {
        "en": "held-out prompts answered in the report",
        "tr": "raporda yanıtlanan, ayrılmış istemler",
    },
    "lm.generate": {
        "en": "Generate a reply, streamed to the terminal.",
        "tr": "Bir yanıt üret, terminale akıt.",
    },
    "lm.generate.prompt": {
        "en": "The prompt (an instruction for tuned models).",
        "tr": "İstem (ayarlı modeller için bir talimat).",
    },
    "lm.generate.model": {
        "en": "A trained folder, any causal-LM folder or a Hub name.",
        "tr": "Eğitilmiş bir klasör, herhangi bir nedensel DM klasörü ya da Hub adı.",
    },
    "lm.generate.device": {
        "en": "auto (a CUDA GPU when there is one), cpu, cuda.",
        "tr": "auto (varsa bir CUDA GPU), cpu, cuda.",
    },
    "lm.generate.temperature": {
        "en": "0 = greedy; below 1 safer, above 1 wilder",
        "tr": "0 = açgözlü; 1'in altı daha güvenli, üstü daha çılgın",
    },
    "lm.generate.top_k": {
        "en": "sample among the k likeliest tokens (0: all)",
        "tr": "en olası k belirteç arasından örnekle (0: hepsi)",
    },
    "lm.generate.top_p": {
        "en": "sample among the likeliest tokens holding this probability",
        "tr": "bu olasılığı taşıyan en olası belirteçler arasından örnekle",
    },
    "lm.generate.max_new_tokens": {
        "en": "tokens to write at most",
        "tr": "en çok yazılacak belirteç",
    },
    "lm.generate.repetition_penalty": {
        "en": "above 1 discourages repeating tokens",
        "tr": "1'in üstü belirteç tekrarını caydırır",
    },
    "lm.generate.seed": {"en": "sampling seed", "tr": "örnekleme tohumu"},
    "lm.chat": {
        "en": "Talk to a model; /reset forgets the conversation, /exit (or end of input) quits.",
        "tr": "Bir modelle konuşun; /reset konuşmayı unutur, /exit (ya da girdinin sonu) çıkar.",
    },
    "lm.merge": {
        "en": "Fold a LoRA adapter into its base; the result loads with plain transformers.",
        "tr": "Bir LoRA bağdaştırıcısını tabanına katla; sonuç düz transformers ile yüklenir.",
    },
    "lm.merge.model": {
        "en": "A LoRA adapter folder from a training run.",
        "tr": "Bir eğitim çalıştırmasından LoRA bağdaştırıcısı klasörü.",
    },
    "lm.merge.out": {
        "en": "Folder for the merged model.",
        "tr": "Birleştirilmiş model için klasör.",
    },
    "qa": {
        "en": "Extractive question answering: find the part of a text that answers a question.",
        "tr": "Çıkarımsal soru-cevap: bir metnin bir soruyu yanıtlayan kısmını bulun.",
    },
    "qa.train": {
        "en": "Train an extractive QA model (and the word-overlap baseline); write the output folder.",
        "tr": "Çıkarımsal bir soru-cevap modeli (ve kelime örtüşmesi temel çizgisini) eğit; çıktı klasörünü yaz.",
    },
    "qa.train.data": {
        "en": "SQuAD v1/v2 JSON, or a JSONL/CSV/Parquet table with context, question, answer (and optionally answer_start); repeat for several",
        "tr": "SQuAD v1/v2 JSON ya da context, question, answer (ve isteğe bağlı answer_start) sütunlu bir JSONL/CSV/Parquet tablosu; birkaç tane için tekrarlayın",
    },
    "qa.train.validation_data": {
        "en": "a fixed validation file (instead of a split): picks the best checkpoint and the no-answer threshold",
        "tr": "sabit bir doğrulama dosyası (bölmek yerine): en iyi kontrol noktasını ve yanıtsızlık eşiğini seçer",
    },
    "qa.train.doc_stride": {
        "en": "tokens shared by two consecutive windows of a long context",
        "tr": "uzun bir bağlamın ardışık iki penceresinin paylaştığı belirteçler",
    },
    "qa.train.max_answer_length": {
        "en": "tokens in a predicted answer at most",
        "tr": "tahmin edilen bir yanıttaki en çok belirteç",
    },
    "qa.train.n_best": {
        "en": "best spans kept per window when searching for the answer (12, as the pipeline)",
        "tr": "yanıt aranırken pencere başına tutulan en iyi aralıklar (pipeline gibi 12)",
    },
    "qa.train.context_col": {
        "en": "tables: name of the context column",
        "tr": "tablolar: bağlam sütununun adı",
    },
    "qa.train.question_col": {
        "en": "tables: name of the question column",
        "tr": "tablolar: soru sütununun adı",
    },
    "qa.train.answer_col": {
        "en": "tables: name of the answer-text column",
        "tr": "tablolar: yanıt metni sütununun adı",
    },
    "qa.predict": {
        "en": "Answer each question with a span of the context (its characters and score).",
        "tr": "Her soruyu bağlamdan bir aralıkla yanıtla (karakterleri ve puanı).",
    },
    "qa.predict.questions": {
        "en": "Questions about the context.",
        "tr": "Bağlam hakkında sorular.",
    },
    "qa.predict.model": {
        "en": "Folder written by `qa train` (or any QA model).",
        "tr": "`qa train` ile yazılmış klasör (ya da herhangi bir soru-cevap modeli).",
    },
    "qa.predict.context": {"en": "The text to search.", "tr": "Aranacak metin."},
    "qa.predict.context_file": {
        "en": "Read the text from a file.",
        "tr": "Metni bir dosyadan oku.",
    },
    "qa.predict.as_json": {
        "en": "One JSON object per question.",
        "tr": "Soru başına bir JSON nesnesi.",
    },
    "qa.eval": {
        "en": "Exact match and F1 of a saved QA model on a file (Turkish and SQuAD normalisation).",
        "tr": "Kaydedilmiş bir soru-cevap modelinin bir dosyadaki tam eşleşmesi ve F1'i (Türkçe ve SQuAD normalleştirmesi).",
    },
    "qa.eval.data": {
        "en": "SQuAD JSON or a QA table; repeatable.",
        "tr": "SQuAD JSON ya da bir soru-cevap tablosu; tekrarlanabilir.",
    },
    "qa.eval.context_col": {"en": "Tables: context column.", "tr": "Tablolar: bağlam sütunu."},
    "qa.eval.question_col": {"en": "Tables: question column.", "tr": "Tablolar: soru sütunu."},
    "qa.eval.answer_col": {"en": "Tables: answer column.", "tr": "Tablolar: yanıt sütunu."},
    "qa.eval.as_json": {
        "en": "Print the metrics object as JSON.",
        "tr": "Ölçüm nesnesini JSON olarak yazdır.",
    },
    "seq2seq": {
        "en": "Encoder-decoder models (T5, mT5, BART, TURNA): summarise, translate, generate questions.",
        "tr": "Kodlayıcı-kod çözücü modeller (T5, mT5, BART, TURNA): özetleyin, çevirin, soru üretin.",
    },
    "seq2seq.train": {
        "en": "Fine-tune an encoder-decoder (and score the lead/copy baseline); write the folder.",
        "tr": "Bir kodlayıcı-kod çözücüye ince ayar yap (ve baş/kopya temel çizgisini puanla); klasörü yaz.",
    },
    "seq2seq.train.data": {
        "en": "pairs to learn: two-column TSV/CSV (source, target; header optional), JSON/JSONL/Parquet with source/target, text/summary, document/summary or en/tr columns, or SQuAD JSON (question generation); repeat for several",
        "tr": "öğrenilecek çiftler: iki sütunlu TSV/CSV (kaynak, hedef; başlık isteğe bağlı), source/target, text/summary, document/summary ya da en/tr sütunlu JSON/JSONL/Parquet veya SQuAD JSON (soru üretimi); birkaç tane için tekrarlayın",
    },
    "seq2seq.train.task": {
        "en": "what the pairs are: auto (from the file: SQuAD -> question-generation, en/tr columns -> translate, a summary column -> summarize), summarize, translate, question-generation, generic",
        "tr": "çiftlerin ne olduğu: auto (dosyadan: SQuAD -> question-generation, en/tr sütunları -> translate, bir özet sütunu -> summarize), summarize, translate, question-generation, generic",
    },
    "seq2seq.train.direction": {
        "en": "translation direction SRC-TGT, e.g. en-tr or tr-en (two-column files: the Turkish column is found by its letters)",
        "tr": "çeviri yönü KAYNAK-HEDEF, ör. en-tr ya da tr-en (iki sütunlu dosyalarda Türkçe sütun harflerinden bulunur)",
    },
    "seq2seq.train.source_col": {"en": "name of the source column", "tr": "kaynak sütununun adı"},
    "seq2seq.train.target_col": {"en": "name of the target column", "tr": "hedef sütununun adı"},
    "seq2seq.train.prefix": {
        "en": "put this before every source (default by task: 'özetle: ', 'çevir en-tr: ', 'soru üret: ', none for generic); '' for none",
        "tr": "her kaynağın önüne bunu koy (göreve göre varsayılan: 'özetle: ', 'çevir en-tr: ', 'soru üret: ', generic için yok); yok için ''",
    },
    "seq2seq.train.max_source_length": {
        "en": "source tokens at most (longer summary sources are cut, other longer pairs dropped); --max-length sets it too",
        "tr": "en çok kaynak belirteci (daha uzun özet kaynakları kesilir, diğer uzun çiftler atılır); --max-length de bunu ayarlar",
    },
    "seq2seq.train.max_target_length": {
        "en": "target tokens at most (longer pairs are dropped)",
        "tr": "en çok hedef belirteci (daha uzun çiftler atılır)",
    },
    "seq2seq.train.context_chars": {
        "en": "question generation: characters of the paragraph kept around the answer (0: all)",
        "tr": "soru üretimi: paragrafın yanıt çevresinde tutulan karakterleri (0: hepsi)",
    },
    "seq2seq.train.eval_samples": {
        "en": "validation pairs generated at every evaluation for the metric early stopping watches",
        "tr": "erken durdurmanın izlediği ölçüm için her değerlendirmede üretilen doğrulama çiftleri",
    },
    "seq2seq.train.num_beams": {
        "en": "beams of beam search (1: greedy)",
        "tr": "ışın aramasındaki ışın sayısı (1: açgözlü)",
    },
    "seq2seq.train.no_repeat_ngram_size": {
        "en": "never repeat an n-gram of this many tokens (0: off)",
        "tr": "bu kadar belirteçlik bir n-gramı asla tekrarlama (0: kapalı)",
    },
    "seq2seq.eval": {
        "en": "ROUGE-1/2/L, BLEU and chrF of a saved model on a file, beside the lead/copy baseline.",
        "tr": "Kaydedilmiş bir modelin bir dosyadaki ROUGE-1/2/L, BLEU ve chrF puanları, baş/kopya temel çizgisinin yanında.",
    },
    "seq2seq.eval.model": {
        "en": "Folder written by `seq2seq train`.",
        "tr": "`seq2seq train` ile yazılmış klasör.",
    },
    "seq2seq.eval.data": {
        "en": "Pairs to score (as in training); repeat for several.",
        "tr": "Puanlanacak çiftler (eğitimdeki gibi); birkaç tane için tekrarlayın.",
    },
    "seq2seq.eval.source_col": {"en": "Name of the source column.", "tr": "Kaynak sütununun adı."},
    "seq2seq.eval.target_col": {"en": "Name of the target column.", "tr": "Hedef sütununun adı."},
    "seq2seq.eval.device": {
        "en": "auto (a CUDA GPU if any), cpu, cuda.",
        "tr": "auto (varsa bir CUDA GPU), cpu, cuda.",
    },
    "seq2seq.eval.batch_size": {"en": "Sources per batch.", "tr": "Yığın başına kaynak."},
    "seq2seq.eval.as_json": {"en": "Print JSON.", "tr": "JSON yazdır."},
    "seq2seq.eval.temperature": {
        "en": "0 = beam search (greedy with --num-beams 1); above 0 samples",
        "tr": "0 = ışın araması (--num-beams 1 ile açgözlü); 0'ın üstü örnekler",
    },
    "seq2seq.generate": {
        "en": "Write the target of each source (the folder's prefix and settings applied).",
        "tr": "Her kaynağın hedefini yaz (klasörün öneki ve ayarları uygulanır).",
    },
    "seq2seq.generate.texts": {
        "en": "Sources ('-' or none: read stdin).",
        "tr": "Kaynaklar ('-' ya da hiçbiri: standart girdiyi oku).",
    },
    "seq2seq.generate.file": {
        "en": "One source per line (.txt) or a table's source column.",
        "tr": "Satır başına bir kaynak (.txt) ya da bir tablonun kaynak sütunu.",
    },
    "mask": {
        "en": "Masked language models: fill in blanks, adapt an encoder to your own Turkish text.",
        "tr": "Maskeli dil modelleri: boşlukları doldurun, bir kodlayıcıyı kendi Türkçe metninize uyarlayın.",
    },
    "mask.train": {
        "en": "Continue masked-LM training of an encoder on raw text (domain adaptation); the folder is a plain AutoModelForMaskedLM that classify train --model accepts.",
        "tr": "Bir kodlayıcının maskeli DM eğitimini ham metin üzerinde sürdür (alan uyarlaması); klasör, classify train --model'in kabul ettiği düz bir AutoModelForMaskedLM'dir.",
    },
    "mask.train.data": {
        "en": "raw text: a .txt file (one text per line), a folder of them, or a table (CSV, TSV, JSON, JSONL, Parquet) whose text column is read; repeat for several",
        "tr": "ham metin: bir .txt dosyası (satır başına bir metin), bunlardan oluşan bir klasör ya da metin sütunu okunan bir tablo (CSV, TSV, JSON, JSONL, Parquet); birkaç tane için tekrarlayın",
    },
    "mask.train.max_length": {
        "en": "tokens per example at most (with --pack: the block length)",
        "tr": "örnek başına en çok belirteç (--pack ile: blok uzunluğu)",
    },
    "mask.train.merge": {
        "en": "LoRA: save the adapter merged into a plain model (the adapter stays in adapter/)",
        "tr": "LoRA: bağdaştırıcıyı düz bir modele birleştirilmiş olarak kaydet (bağdaştırıcı adapter/ içinde kalır)",
    },
    "mask.train.text_col": {
        "en": "name of the text column of a table",
        "tr": "bir tablonun metin sütununun adı",
    },
    "mask.train.mlm_probability": {
        "en": "share of tokens (or words) hidden for prediction",
        "tr": "tahmin için gizlenen belirteçlerin (ya da kelimelerin) payı",
    },
    "mask.train.whole_word_mask": {
        "en": "hide whole words (all their sub-words; Ankara'da is one word) instead of tokens",
        "tr": "belirteçler yerine bütün kelimeleri gizle (tüm alt kelimeleri; Ankara'da tek kelimedir)",
    },
    "mask.train.pack": {
        "en": "concatenate the texts into blocks of --max-length tokens (default: one text per line)",
        "tr": "metinleri --max-length belirteçlik bloklara birleştir (varsayılan: satır başına bir metin)",
    },
    "mask.train.fill_probes": {
        "en": "held-out sentences with one word hidden, for the top-k fill accuracy",
        "tr": "top-k doldurma doğruluğu için bir kelimesi gizlenmiş ayrılmış cümleler",
    },
    "mask.train.fill_examples": {
        "en": "fill-in examples shown before and after in the report",
        "tr": "raporda önce ve sonra gösterilen doldurma örnekleri",
    },
    "mask.predict": {
        "en": "The most probable words for each blank, with their probabilities.",
        "tr": "Her boşluk için en olası kelimeler, olasılıklarıyla.",
    },
    "mask.predict.texts": {
        "en": "Sentences with [MASK] (or <mask>) where a word is missing; '-' reads stdin.",
        "tr": "Bir kelimenin eksik olduğu yerde [MASK] (ya da <mask>) bulunan cümleler; '-' standart girdiyi okur.",
    },
    "mask.predict.model": {
        "en": "Masked-LM folder (mask train, or any ...ForMaskedLM) or Hub name.",
        "tr": "Maskeli DM klasörü (mask train ya da herhangi bir ...ForMaskedLM) ya da Hub adı.",
    },
    "mask.predict.file": {"en": "Read sentences from a file.", "tr": "Cümleleri bir dosyadan oku."},
    "mask.predict.text_col": {"en": "Text column of a table.", "tr": "Bir tablonun metin sütunu."},
    "mask.predict.top_k": {
        "en": "Candidates per blank (1-50).",
        "tr": "Boşluk başına aday (1-50).",
    },
    "mask.predict.as_json": {
        "en": "Print one JSON object per sentence.",
        "tr": "Cümle başına bir JSON nesnesi yazdır.",
    },
    "ner": {
        "en": "Named-entity recognition: find people, places, dates... in Turkish text.",
        "tr": "Adlandırılmış varlık tanıma: Türkçe metinde kişileri, yerleri, tarihleri... bulun.",
    },
    "ner.train": {
        "en": "Train a tagger (and the most-frequent-tag baseline) and write the output folder.",
        "tr": "Bir etiketleyici (ve en sık etiket temel çizgisini) eğit ve çıktı klasörünü yaz.",
    },
    "ner.train.data": {
        "en": "NER training file: CoNLL (token and tag per line), a table with sentence, word and tag columns, or JSON/JSONL (tokens and tags, or text and entity spans); repeat for several",
        "tr": "NER eğitim dosyası: CoNLL (satır başına belirteç ve etiket), cümle, kelime ve etiket sütunlu bir tablo ya da JSON/JSONL (belirteçler ve etiketler ya da metin ve varlık aralıkları); birkaç tane için tekrarlayın",
    },
    "ner.train.tag_names": {
        "en": "names of numeric ner_tags in order, e.g. O,B-PER,I-PER (default: the file's label list)",
        "tr": "sayısal ner_tags adları sırayla, ör. O,B-PER,I-PER (varsayılan: dosyanın etiket listesi)",
    },
    "ner.train.subword_labels": {
        "en": "which sub-words of a word learn its tag: all (later sub-words learn I-TYPE, so transformers' pipeline with aggregation_strategy='simple' sees whole words) or first (the first sub-word only, as in the BERT paper); the word's tag is always read from its first sub-word",
        "tr": "bir kelimenin hangi alt kelimeleri etiketini öğrenir: all (sonraki alt kelimeler I-TÜR öğrenir; böylece transformers'ın aggregation_strategy='simple' pipeline'ı bütün kelimeler görür) ya da first (yalnız ilk alt kelime, BERT makalesindeki gibi); kelimenin etiketi her zaman ilk alt kelimesinden okunur",
    },
    "ner.predict": {
        "en": "Find the entities of each text: type, character offsets, text and score.",
        "tr": "Her metnin varlıklarını bul: tür, karakter konumları, metin ve puan.",
    },
    "ner.predict.texts": {
        "en": "Texts to tag ('-' reads stdin).",
        "tr": "Etiketlenecek metinler ('-' standart girdiyi okur).",
    },
    "ner.predict.model": {
        "en": "Folder written by `ner train` (or any token classifier).",
        "tr": "`ner train` ile yazılmış klasör (ya da herhangi bir belirteç sınıflandırıcısı).",
    },
    "ner.predict.file": {
        "en": "Read texts from a file, one a line.",
        "tr": "Metinleri bir dosyadan oku, satır başına bir tane.",
    },
    "ner.eval": {
        "en": "Entity precision, recall and F1 (strict IOB2) of a saved tagger on a NER file.",
        "tr": "Kaydedilmiş bir etiketleyicinin bir NER dosyasındaki varlık kesinliği, duyarlılığı ve F1'i (katı IOB2).",
    },
    "ner.eval.data": {
        "en": "NER file (any layout ner train reads); repeat for several.",
        "tr": "NER dosyası (ner train'in okuduğu herhangi bir düzen); birkaç tane için tekrarlayın.",
    },
    "ner.eval.tag_names": {
        "en": "Names of numeric ner_tags in order, e.g. O,B-PER,I-PER.",
        "tr": "Sayısal ner_tags adları sırayla, ör. O,B-PER,I-PER.",
    },
    "export": {
        "en": "Export a trained folder: ONNX for encoders, GGUF for llama.cpp and Ollama.",
        "tr": "Eğitilmiş bir klasörü dışa aktar: kodlayıcılar için ONNX, llama.cpp ve Ollama için GGUF.",
    },
    "export.gguf": {
        "en": "Export a causal LM to GGUF with its tokenizer, template and end token, checked.",
        "tr": "Nedensel DM'yi belirteçleyicisi, şablonu ve bitiş belirteciyle GGUF'a aktar ve denetle.",
    },
    "export.gguf.model": {
        "en": "A causal-LM folder from `lm train` (full, merged or LoRA adapter).",
        "tr": "`lm train` ile eğitilmiş bir nedensel DM klasörü (tam, birleştirilmiş ya da LoRA adaptörü).",
    },
    "export.gguf.out": {
        "en": "The .gguf file to write (Modelfile beside it).",
        "tr": "Yazılacak .gguf dosyası (Modelfile yanına yazılır).",
    },
    "export.gguf.file_type": {
        "en": "f16 (checked: logits within 1e-2) or q8_0 (same greedy answers).",
        "tr": "f16 (denetim: logit farkı en çok 1e-2) ya da q8_0 (aynı açgözlü yanıtlar).",
    },
    "export.overwrite": {"en": "Replace an existing file.", "tr": "Var olan dosyanın yerine yaz."},
    "backend": {
        "en": "auto (onnxruntime for a `trtune export onnx` folder, else torch), torch or onnx.",
        "tr": "auto (`trtune export onnx` klasörü için onnxruntime, değilse torch), torch ya da onnx.",
    },
    "export.onnx": {
        "en": "Export an encoder folder to ONNX and check it against the PyTorch model.",
        "tr": "Bir kodlayıcı klasörünü ONNX'e aktar ve PyTorch modeline karşı denetle.",
    },
    "export.onnx.model": {
        "en": "Folder of classify, ner, qa or mask train.",
        "tr": "classify, ner, qa ya da mask train klasörü.",
    },
    "export.onnx.out": {
        "en": "Output folder (model.onnx, tokenizer, labels).",
        "tr": "Çıktı klasörü (model.onnx, belirteçleyici, etiketler).",
    },
    "export.onnx.overwrite": {
        "en": "Replace a non-empty --out.",
        "tr": "Dolu bir --out klasörünün yerine yaz.",
    },
    "export.onnx.quantize": {
        "en": "int8: onnxruntime int8 weights (refused when over --max-changed labels change).",
        "tr": "int8: onnxruntime int8 ağırlıkları (--max-changed oranından çok etiket değişirse reddedilir).",
    },
    "export.onnx.check_texts": {
        "en": "Texts to check the export on, one a line.",
        "tr": "Dışa aktarımın denetleneceği metinler, satır başına bir tane.",
    },
    "export.onnx.tolerance": {
        "en": "float32: largest probability difference allowed.",
        "tr": "float32: izin verilen en büyük olasılık farkı.",
    },
    "export.onnx.max_changed": {
        "en": "int8: largest share of changed labels allowed (0.01 = 1 %).",
        "tr": "int8: değişmesine izin verilen en büyük etiket oranı (0.01 = %1).",
    },
    "export.onnx.int8_method": {
        "en": "dynamic-per-channel, dynamic, dynamic-float-tail (last layer and head in float) or static (calibrated on the check texts).",
        "tr": "dynamic-per-channel, dynamic, dynamic-float-tail (son katman ve baş float olarak kalır) ya da static (denetim metinleriyle kalibre edilir).",
    },
    "dtype": {
        "en": "Number format of the network: auto (bfloat16 on a GPU and on a CPU that multiplies bfloat16 matrices fast: AMX or AVX-512 BF16; else float32), float32, bfloat16.",
        "tr": "Ağın sayı biçimi: auto (GPU'da ve bfloat16 matrisleri hızlı çarpan bir CPU'da, yani AMX ya da AVX-512 BF16 ile bfloat16; değilse float32), float32, bfloat16.",
    },
    "default.tiny": {"en": "tiny presets", "tr": "küçük hazır modeller"},
    "default.architecture": {"en": "by architecture", "tr": "mimariye göre"},
    "default.task": {"en": "by task", "tr": "göreve göre"},
    "default.labels": {"en": "the file's label list", "tr": "dosyanın etiket listesi"},
    "default.line": {"en": "one text per line", "tr": "satır başına bir metin"},
    "default.others": {"en": "others", "tr": "diğerleri"},
    "default.none": {"en": "none", "tr": "yok"},
    "default.split": {
        "en": "finetune 5 % of the training part, at least 200 texts and at most 10 %",
        "tr": "finetune için eğitim bölümünün %5'i, en az 200 metin ve en çok %10",
    },
}
