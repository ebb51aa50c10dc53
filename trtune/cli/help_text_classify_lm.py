# ruff: noqa: E501  (a table of sentences: one line each reads and diffs best)
"""The Turkish `--help` of `classify` and `lm`: a part of :data:`trtune.cli.help_text.HELP`."""

from __future__ import annotations

HELP_CLASSIFY_LM: dict[str, dict[str, str]] = {
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
    "classify.train.precision": {
        "en": "training number format: auto, float32 or bfloat16 (autocast over float32 weights)",
        "tr": "eğitimin sayı biçimi: auto, float32 ya da bfloat16 (float32 ağırlıklar üzerinde autocast)",
    },
    "classify.train.attention_dropout": {
        "en": "dropout on the attention weights: auto (none for a pretrained model on a CPU, where it lets PyTorch use its fused attention kernel; the model's own on a GPU and for presets) or a number",
        "tr": "dikkat ağırlıklarındaki dropout: auto (CPU'da önceden eğitilmiş modelde yok, böylece PyTorch birleşik dikkat çekirdeğini kullanır; GPU'da ve hazır modellerde modelin kendi değeri) ya da bir sayı",
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
}
