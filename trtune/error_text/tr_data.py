"""Turkish of the user errors raised in reading data files, inference, export and serving
(see trtune/error_text/__init__.py)."""

TR: dict[str, str] = {
    "--label-map entry {} is not of the form VALUE=NAME": (
        "--label-map girdisi {} VALUE=NAME biçiminde değil"
    ),
    "{} {} is not a column (columns: {})": "{} {} bir sütun değil (sütunlar: {})",
    "could not find a text column; name it with --text-col": (
        "metin sütunu bulunamadı; adını --text-col ile verin"
    ),
    "could not find a label column; name it with --label-col": (
        "etiket sütunu bulunamadı; adını --label-col ile verin"
    ),
    "could not find a label column; name it with --label-col, or read it as another task's "
    "file with --task qa, seq2seq, mask or lm": (
        "etiket sütunu bulunamadı; adını --label-col ile verin ya da dosyayı başka bir görevin "
        "dosyası olarak --task qa, seq2seq, mask veya lm ile okuyun"
    ),
    "no text and label columns (no delimiter found); give plain texts as FILE:LABEL, or read "
    "them with --task mask or lm": (
        "metin ve etiket sütunu yok (ayırıcı bulunamadı); düz metinleri DOSYA:ETİKET olarak "
        "verin ya da --task mask veya lm ile okuyun"
    ),
    "--task must be one of {}, not {}": "--task {1} olamaz; şunlardan birini seçin: {0}",
    "--task ner reads one file": "--task ner tek bir dosya okur",
    "--task lm reads one file": "--task lm tek bir dosya okur",
    "{} is for --task {}, not --task {}": "{} --task {} içindir, --task {} için değil",
    (
        "the label column '{}' holds text, not labels: {} different values such as {}; choose "
        "the columns with --text-col and --label-col"
    ): (
        "'{}' etiket sütununda etiket değil metin var: {} farklı değer, örneğin {}; sütunları "
        "--text-col ve --label-col ile seçin"
    ),
    "the text column '{}' holds numbers, not text ({}): name the text column with --text-col": (
        "'{}' metin sütununda metin değil sayı var ({}): metin sütununun adını --text-col ile verin"
    ),
    "the file is empty": "dosya boş",
    "could not find a delimiter (tried , ; tab |): each row needs a source and a target": (
        "ayırıcı bulunamadı (denenenler: , ; sekme |): her satırda bir kaynak ve bir hedef olmalı"
    ),
    "could not find a delimiter (tried , ; tab |): each row needs a context, a question and "
    "an answer": (
        "ayırıcı bulunamadı (denenenler: , ; sekme |): her satırda bir bağlam, bir soru ve bir "
        "cevap olmalı"
    ),
    "could not find a delimiter (tried , ; tab |): each row needs its columns (instruction "
    "and output; context, question and answer; or a text column); plain texts go in a .txt "
    "file": (
        "ayırıcı bulunamadı (denenenler: , ; sekme |): her satırda sütunları olmalı (talimat "
        "ve çıktı; bağlam, soru ve cevap; ya da bir metin sütunu); düz metinler bir .txt "
        "dosyasına yazılır"
    ),
    "could not find a delimiter (tried , ; tab |): each row needs a text and a label": (
        "ayırıcı bulunamadı (denenenler: , ; tab |): her satırda bir metin ve bir etiket olmalı"
    ),
    "only a header (columns: {}), no rows": "yalnızca başlık var (sütunlar: {}), hiç satır yok",
    "not a text file: this is {}": "metin dosyası değil: bu dosya {}",
    "NUL bytes in a text file: this looks like a binary file": (
        "metin dosyasında NUL baytları var: bu bir ikili dosyaya benziyor"
    ),
    "the file holds binary data, not text": "dosyada metin değil ikili veri var",
    "invalid {} bytes at offset {}": "geçersiz {} baytları (konum {})",
    "NUL characters in the text: this looks like a binary file": (
        "metinde NUL karakterleri var: bu bir ikili dosyaya benziyor"
    ),
    (
        "{} ({}) has no text labelled {}, so the model is never scored on it: add texts of that "
        "label, or choose the test share with --test-size"
    ): (
        "{} ({}) içinde {} etiketli metin yok, bu yüzden model bu etikette hiç puanlanmıyor: bu "
        "etiketten metin ekleyin ya da test payını --test-size ile seçin"
    ),
    "--label-col has no meaning when the labels come from file names": (
        "etiketler dosya adlarından geldiğinde --label-col bir anlam taşımaz"
    ),
    "no data given: pass --data FILE, --data FOLDER or --data FILE:LABEL": (
        "veri verilmedi: --data FILE, --data FOLDER ya da --data FILE:LABEL verin"
    ),
    "no usable rows (see `trtune data inspect` for what was dropped)": (
        "kullanılabilir satır yok (nelerin atıldığını görmek için `trtune data inspect` çalıştırın)"
    ),
    "found {} label(s) ({}); training needs at least {} classes": (
        "{} etiket bulundu ({}); eğitim için en az {} sınıf gerekir"
    ),
    "{} {}: pass a labelled table with --data FILE": (
        "{} {}: --data FILE ile etiketli bir tablo verin"
    ),
    (
        "this folder holds data tables ({}), not one file per label: pass a table with --data "
        "FILE, or label files with --data FILE:LABEL"
    ): (
        "bu klasörde etiket başına bir dosya değil, veri tabloları var ({}): --data FILE ile bir "
        "tablo verin ya da dosyaları --data FILE:LABEL ile etiketleyin"
    ),
    (
        "no label files in this folder: put one .txt file (one text per line) or one sub-folder "
        "(one text per file) per label"
    ): (
        "bu klasörde etiket dosyası yok: her etiket için bir .txt dosyası (satır başına bir "
        "metin) ya da bir alt klasör (dosya başına bir metin) koyun"
    ),
    "invalid JSON: {}": "geçersiz JSON: {}",
    "expected a list of records (or an object holding one list)": (
        "bir kayıt listesi (ya da tek bir liste içeren bir nesne) bekleniyordu"
    ),
    "expected a list of JSON objects, one per example": (
        "her örnek için bir tane olmak üzere JSON nesnelerinden oluşan bir liste bekleniyordu"
    ),
    "the file holds no records": "dosyada hiç kayıt yok",
    "broken JSON line: {}": "bozuk JSON satırı: {}",
    "each JSONL line must be a JSON object": "her JSONL satırı bir JSON nesnesi olmalı",
    "not a readable Parquet file ({})": "okunabilir bir Parquet dosyası değil ({})",
    "no such file": "dosya bulunamadı",
    "a symbolic link to a missing file ({})": (
        "var olmayan bir dosyaya giden sembolik bağlantı ({})"
    ),
    "permission denied: cannot read this file": "izin reddedildi: bu dosya okunamıyor",
    "a symbolic link loop (the link leads back to itself)": (
        "sembolik bağlantı döngüsü (bağlantı yine kendisine çıkıyor)"
    ),
    "cannot read this file ({})": "bu dosya okunamıyor ({})",
    "this is a folder, not a file": "bu bir dosya değil, klasör",
    "not a regular file (a pipe, socket or device)": (
        "normal bir dosya değil (boru, soket ya da aygıt)"
    ),
    "--type must be one of {}": "--type için şunlardan birini seçin: {}",
    "--out must name a .gguf file": "--out ile bir .gguf dosyası adı verin",
    "--out is a folder; name the .gguf file": "--out bir klasör; .gguf dosyasının adını verin",
    "output file exists; pass --overwrite to replace it": (
        "çıktı dosyası zaten var; üzerine yazmak için --overwrite verin"
    ),
    "GGUF export supports {} causal LMs; this folder holds {}": (
        "GGUF dışa aktarımı {} nedensel dil modellerini destekler; bu klasörde {} var"
    ),
    "GGUF export takes causal-LM folders ({}); this folder holds a {} model{}": (
        "GGUF dışa aktarımı nedensel DM klasörlerini alır ({}); bu klasörde bir {} modeli var{}"
    ),
    "GGUF export does not write rope scaling ({}) yet": (
        "GGUF dışa aktarımı rope ölçeklemesini ({}) henüz yazmıyor"
    ),
    "GGUF export needs a fast (tokenizer.json) tokenizer": (
        "GGUF dışa aktarımı hızlı (tokenizer.json) bir tokenizer gerektirir"
    ),
    (
        "GGUF export supports byte-level BPE tokenizers (GPT-2, Llama 3, Qwen2 kind); this "
        "tokenizer is another kind (e.g. SentencePiece) and is not exported yet"
    ): (
        "GGUF dışa aktarımı bayt düzeyinde BPE tokenizer'larını (GPT-2, Llama 3, Qwen2 türü) "
        "destekler; bu tokenizer başka türde (ör. SentencePiece) ve henüz dışa aktarılamıyor"
    ),
    "this folder is already an ONNX export": "bu klasör zaten bir ONNX dışa aktarımı",
    (
        "a {} model is not exported to ONNX here; causal LMs go to llama.cpp and Ollama with "
        "`trtune export gguf`"
    ): (
        "{} modeli burada ONNX'e aktarılmaz; nedensel DM'ler `trtune export gguf` ile llama.cpp "
        "ve Ollama'ya aktarılır"
    ),
    "not a classify, ner, qa or mask folder (no task head trtune exports)": (
        "classify, ner, qa ya da mask klasörü değil (trtune'un dışa aktardığı bir görev başlığı "
        "yok)"
    ),
    (
        "int8 export changes {} of labels ({}/{}), over the limit of {}; nothing written (export "
        "without --quantize, or raise --max-changed)"
    ): (
        "int8 dışa aktarımı etiketlerin {} kadarını değiştiriyor ({}/{}), bu {} sınırının "
        "üstünde; hiçbir şey yazılmadı (--quantize olmadan dışa aktarın ya da --max-changed "
        "değerini yükseltin)"
    ),
    (
        "ONNX export differs from PyTorch by {} in a probability, over the tolerance {}; nothing "
        "written"
    ): (
        "ONNX dışa aktarımı bir olasılıkta PyTorch'tan {} kadar farklı, bu {} toleransının "
        "üstünde; hiçbir şey yazılmadı"
    ),
    "--quantize must be int8, not {}": "--quantize int8 olmalı, {} değil",
    "--max-changed must be a share between 0 and 1, got {}": (
        "--max-changed 0 ile 1 arasında bir oran olmalı, verilen: {}"
    ),
    "the check texts file holds no text": "kontrol metinleri dosyasında hiç metin yok",
    "torch.onnx.export failed: {}": "torch.onnx.export başarısız oldu: {}",
    "int8 method must be one of {}, not {}": "int8 yöntemi {1} olamaz; şunlardan birini seçin: {0}",
    "static int8 needs calibration texts": "statik int8 kalibrasyon metinleri gerektirir",
    "the text has no tokens": "metinde hiç belirteç yok",
    "{} returns no attention weights": "{} dikkat ağırlıkları döndürmüyor",
    "a TF-IDF baseline has no attention to show": (
        "TF-IDF temel çizgisinin gösterecek dikkat ağırlıkları yok"
    ),
    (
        "{} is a preset (random weights, no tokenizer yet): train a model on it and pass the "
        "folder, or pass a model folder or Hub name"
    ): (
        "{} bir hazır model (rastgele ağırlıklar, henüz tokenizer yok): onunla bir model eğitip "
        "klasörünü verin ya da bir model klasörü veya Hub adı verin"
    ),
    "model folder not found": "model klasörü bulunamadı",
    "not a classifier folder (no config.json, head.json, adapter_config.json or tfidf.json)": (
        "sınıflandırıcı klasörü değil (config.json, head.json, adapter_config.json ya da "
        "tfidf.json yok)"
    ),
    "this folder holds a {} model, not a classifier": (
        "bu klasörde sınıflandırıcı değil, bir {} modeli var"
    ),
    "unreadable {}: {}": "{} okunamıyor: {}",
    "not a model folder (no config.json or adapter_config.json)": (
        "model klasörü değil (config.json ya da adapter_config.json yok)"
    ),
    "adapter folder does not record its base model": (
        "adaptör klasöründe temel modeli kayıtlı değil"
    ),
    "this folder is an ONNX export: run it with --backend onnx (or auto)": (
        "bu klasör bir ONNX dışa aktarımı: --backend onnx (ya da auto) ile çalıştırın"
    ),
    "cannot load the tokenizer: {}": "tokenizer yüklenemiyor: {}",
    "not a LoRA adapter folder (no adapter_config.json)": (
        "LoRA adaptör klasörü değil (adapter_config.json yok)"
    ),
    "output folder exists and is not empty": "çıktı klasörü zaten var ve boş değil",
    "this folder holds a {} model, not a causal LM": (
        "bu klasörde nedensel DM değil, bir {} modeli var"
    ),
    "this folder holds a {} adapter, not a masked LM": (
        "bu klasörde maskeli DM değil, bir {} adaptörü var"
    ),
    (
        "{} is a preset with random weights: train it first (trtune mask train --model {} --data "
        "FILE --out DIR)"
    ): (
        "{} rastgele ağırlıklı bir hazır model: önce eğitin (trtune mask train --model {} --data "
        "FILE --out DIR)"
    ),
    (
        "{} holds an encoder without a masked-LM head (fill-in needs the pre-training head, "
        "which this export left out); run `trtune mask train --model {} --data FILE --out DIR` "
        "first: it adds the head and trains it"
    ): (
        "{} maskeli DM başlığı olmayan bir kodlayıcı içeriyor (boşluk doldurma, bu dışa "
        "aktarımın dışarıda bıraktığı ön eğitim başlığını gerektirir); önce `trtune mask train "
        "--model {} --data FILE --out DIR` çalıştırın: başlığı ekler ve eğitir"
    ),
    "text {} has no blank: write [MASK] (or <mask>) where a word is missing: {}": (
        "{}. metinde boşluk yok: eksik kelimenin yerine [MASK] (ya da <mask>) yazın: {}"
    ),
    "text {}: a blank falls after the first {} tokens, which is all the model reads": (
        "{}. metin: bir boşluk ilk {} belirteçten sonra geliyor, model yalnızca bu kadarını okur"
    ),
    "this folder holds a {} model, not a NER tagger": (
        "bu klasörde NER etiketleyicisi değil, bir {} modeli var"
    ),
    "the model has no tag names (config id2label)": "modelde etiket adları yok (config id2label)",
    "onnxruntime is not installed: pip install 'trtune[export]' (or onnxruntime)": (
        "onnxruntime kurulu değil: pip install 'trtune[export]' (ya da onnxruntime) ile kurun"
    ),
    "--backend must be one of {}, not {}": "--backend {1} olamaz; şunlardan birini seçin: {0}",
    "--backend onnx: no model.onnx here; export the folder with `trtune export onnx`": (
        "--backend onnx: burada model.onnx yok; klasörü `trtune export onnx` ile dışa aktarın"
    ),
    "--backend torch: this folder is an ONNX export; use --backend onnx (or auto)": (
        "--backend torch: bu klasör bir ONNX dışa aktarımı; --backend onnx (ya da auto) kullanın"
    ),
    "this ONNX export holds a {} model, not {}": (
        "bu ONNX dışa aktarımında {1} değil, bir {0} modeli var"
    ),
    "onnxruntime cannot load model.onnx: {}": "onnxruntime model.onnx dosyasını yükleyemiyor: {}",
    "this folder holds {}, not a QA model": "bu klasörde QA modeli değil, {} var",
    "question {} is longer than {} tokens": "{}. soru {} belirteçten uzun",
    "--temperature must be >= 0 (0 means greedy)": "--temperature >= 0 olmalı (0: açgözlü)",
    "--top-p must be in (0, 1]": "--top-p (0, 1] aralığında olmalı",
    "--top-k must be >= 0 and --max-new-tokens >= 1": (
        "--top-k >= 0 ve --max-new-tokens >= 1 olmalı"
    ),
    "--repetition-penalty must be positive": "--repetition-penalty pozitif olmalı",
    "--num-beams must be >= 1 (1 means greedy)": "--num-beams >= 1 olmalı (1: açgözlü)",
    "--no-repeat-ngram-size must be >= 0 (0 turns it off)": (
        "--no-repeat-ngram-size >= 0 olmalı (0: kapalı)"
    ),
    "this folder holds a {} model, not a seq2seq one": (
        "bu klasörde seq2seq değil, bir {} modeli var"
    ),
    "give {} or several": "{} seçeneklerinden birini ya da birkaçını verin",
    "--{}: not a folder": "--{}: klasör değil",
    "--nanogpt-page: no such file": "--nanogpt-page: dosya bulunamadı",
    "--port must be between 0 and 65535, got {}": "--port 0 ile 65535 arasında olmalı, verilen: {}",
    "--max-wait-ms must be >= 0, got {}": "--max-wait-ms >= 0 olmalı, verilen: {}",
    "{} must be >= 1, got {}": "{} >= 1 olmalı, verilen: {}",
}
