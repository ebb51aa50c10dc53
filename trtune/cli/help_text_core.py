# ruff: noqa: E501  (a table of sentences: one line each reads and diffs best)
"""The Turkish `--help` of the root, `serve`, `demo`, `data`, `export` and the shared options: a part of :data:`trtune.cli.help_text.HELP`."""

from __future__ import annotations

HELP_CORE: dict[str, dict[str, str]] = {
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
    "data.inspect.task": {
        "en": "Read the file as this task's train command does: classify, ner, qa, seq2seq, mask or lm (auto: NER files, SQuAD JSON, else classification).",
        "tr": "Dosyayı bu görevin train komutu gibi oku: classify, ner, qa, seq2seq, mask ya da lm (auto: NER dosyaları, SQuAD JSON, yoksa sınıflandırma).",
    },
    "data.inspect.context_col": {
        "en": "--task qa: context column.",
        "tr": "--task qa: bağlam sütunu.",
    },
    "data.inspect.question_col": {
        "en": "--task qa: question column.",
        "tr": "--task qa: soru sütunu.",
    },
    "data.inspect.answer_col": {
        "en": "--task qa: answer column.",
        "tr": "--task qa: yanıt sütunu.",
    },
    "data.inspect.source_col": {
        "en": "--task seq2seq: source column.",
        "tr": "--task seq2seq: kaynak sütunu.",
    },
    "data.inspect.target_col": {
        "en": "--task seq2seq: target column.",
        "tr": "--task seq2seq: hedef sütunu.",
    },
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
    "serve.lang": {
        "en": "Language of the messages and of the web page at first: tr or en.",
        "tr": "İletilerin ve web sayfasının açılış dili: tr ya da en.",
    },
    "setting.method": {"en": "training method", "tr": "eğitim yöntemi"},
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
    "dtype.lm": {
        "en": "Number format of the network: auto (bfloat16 on a GPU; float32 on a CPU, which decodes one sequence at a time), float32, bfloat16.",
        "tr": "Ağın sayı biçimi: auto (GPU'da bfloat16; tek diziyi adım adım çözen CPU'da float32), float32, bfloat16.",
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
