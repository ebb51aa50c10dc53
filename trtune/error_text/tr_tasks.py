"""Turkish of the user errors raised in the task commands (classify, lm, mask)
(see trtune/error_text/__init__.py)."""

TR: dict[str, str] = {
    # classify
    "labels not known to the model: {} (the model knows {}; use --label-map)": (
        "modelin bilmediği etiketler: {} (modelin bildikleri: {}; --label-map kullanın)"
    ),
    "unknown pooling '{}'; choose cls or mean": "bilinmeyen havuzlama '{}'; cls ya da mean seçin",
    "unknown class weight '{}'; choose none or balanced": (
        "bilinmeyen sınıf ağırlığı '{}'; none ya da balanced seçin"
    ),
    "feature_batch_size must be at least 1, got {}": (
        "feature_batch_size en az 1 olmalı, verilen: {}"
    ),
    "test_size must be in (0, 1) (--test-size), or give --test-data": (
        "test_size (0, 1) aralığında olmalı (--test-size) ya da --test-data verin"
    ),
    (
        "validation_size must be above 0 for {}: early stopping and the best checkpoint need a "
        "validation part"
    ): (
        "{} için validation_size 0'dan büyük olmalı: erken durdurma ve en iyi kontrol noktası bir "
        "doğrulama bölümü gerektirir"
    ),
    (
        "too few examples: {} usable texts split {} (train/validation/test); the test and "
        "validation parts need at least one text: add rows"
    ): (
        "örnek çok az: kullanılabilir {} metin {} olarak bölündü (eğitim/doğrulama/test); test ve "
        "doğrulama bölümlerinin her birinde en az bir metin olmalı: satır ekleyin"
    ),
    (
        "too few examples: {} usable texts split {} (train/validation/test); the test part needs "
        "at least one text: add rows"
    ): (
        "örnek çok az: kullanılabilir {} metin {} olarak bölündü (eğitim/doğrulama/test); test "
        "bölümünde en az bir metin olmalı: satır ekleyin"
    ),
    # lm
    (
        "cannot tell the format from the columns {}: expected 'text' (or another text column name "
        "such as 'yorum', 'metin', 'review'), 'instruction'/'input'/'output', 'messages' or "
        "'context'/'question'/'answer'"
    ): (
        "{} sütunlarından biçim anlaşılamıyor: 'text' (ya da 'yorum', 'metin', 'review' gibi başka "
        "bir metin sütunu adı), 'instruction'/'input'/'output', 'messages' veya "
        "'context'/'question'/'answer' bekleniyordu"
    ),
    "SQuAD-style JSON holds no questions (data[].paragraphs[].qas[])": (
        "SQuAD biçimindeki JSON'da hiç soru yok (data[].paragraphs[].qas[])"
    ),
    "not valid JSON: {}": "geçerli JSON değil: {}",
    "each JSONL line must be an object": "her JSONL satırı bir nesne olmalı",
    "JSON must be a list of objects or SQuAD-style data": (
        "JSON bir nesne listesi ya da SQuAD biçiminde veri olmalı"
    ),
    "the file holds no records": "dosyada hiç kayıt yok",
    "no usable examples ({})": "kullanılabilir örnek yok ({})",
    "--template must be one of {}": "--template şunlardan biri olmalı: {}",
    "--max-length must be at least 16": "--max-length en az 16 olmalı",
    "--lr must be positive": "--lr pozitif olmalı",
    "validation_size must be in (0, 0.9) (--validation-size)": (
        "validation_size (0, 0.9) aralığında olmalı (--validation-size)"
    ),
    "patience must be positive (--patience)": "patience pozitif olmalı (--patience)",
    "--micro-batch-tokens must be >= 0": "--micro-batch-tokens >= 0 olmalı",
    "--eval-every must be >= 0 and --max-examples >= 1": (
        "--eval-every >= 0 ve --max-examples >= 1 olmalı"
    ),
    "--method qlora needs a CUDA GPU; use --method lora on this machine": (
        "--method qlora bir CUDA GPU gerektirir; bu makinede --method lora kullanın"
    ),
    "--method qlora needs bitsandbytes: pip install bitsandbytes": (
        "--method qlora bitsandbytes gerektirir: pip install bitsandbytes ile kurun"
    ),
    "lm train reads one --data file": "lm train tek bir --data dosyası okur",
    "no examples fit --max-length {}": "hiçbir örnek --max-length {} sınırına sığmıyor",
    "--template chat: this tokenizer has no chat template; use turkish": (
        "--template chat: bu tokenizer'ın sohbet şablonu yok; turkish kullanın"
    ),
    "the tokenizer's chat template does not render turns as prefixes": (
        "tokenizer'ın sohbet şablonu konuşma sıralarını önek olarak oluşturmuyor"
    ),
    # mask
    (
        "masked-LM training needs a fast tokenizer (one with a tokenizer.json): word boundaries "
        "come from its character offsets"
    ): (
        "maskeli dil modeli eğitimi hızlı bir tokenizer gerektirir (tokenizer.json dosyası olan): "
        "kelime sınırları onun karakter konumlarından alınır"
    ),
    "--max-length {} leaves no room for text in a block": (
        "--max-length {} bir blokta metne yer bırakmıyor"
    ),
    (
        "the tokenizer of {} has no mask token: it is not a masked language model (use an encoder "
        "such as BERT, RoBERTa or a folder written by mask train)"
    ): (
        "{} tokenizer'ında maske belirteci yok: bu bir maskeli dil modeli değil (BERT, RoBERTa "
        "gibi bir kodlayıcı ya da mask train ile yazılmış bir klasör kullanın)"
    ),
    "the tokenizer of {} has {} tokens but the model only {} embeddings": (
        "{} tokenizer'ında {} belirteç var ama modelde yalnızca {} gömme var"
    ),
    "--mlm-probability must be between 0 and 1, got {}": (
        "--mlm-probability 0 ile 1 arasında olmalı, verilen: {}"
    ),
    "--max-length must be at least 8": "--max-length en az 8 olmalı",
    (
        "validation_size must be in (0, 0.9) (--validation-size): the perplexity before and after, "
        "early stopping and the best checkpoint need a validation part"
    ): (
        "validation_size (0, 0.9) aralığında olmalı (--validation-size): eğitim öncesi ve sonrası "
        "şaşkınlık, erken durdurma ve en iyi kontrol noktası bir doğrulama bölümü gerektirir"
    ),
    "--fill-probes and --fill-examples must not be negative": (
        "--fill-probes ve --fill-examples negatif olmamalı"
    ),
    "no text files (.txt) in this folder": "bu klasörde metin dosyası (.txt) yok",
    "no text to train on (no non-blank line or text cell)": (
        "eğitilecek metin yok (boş olmayan satır ya da metin hücresi yok)"
    ),
    (
        "too few texts: {} split into {} for training and {} for validation; both need at least "
        "one: add lines"
    ): (
        "metin çok az: {} metin, eğitim için {} ve doğrulama için {} olarak bölündü; ikisinde de "
        "en az bir metin olmalı: satır ekleyin"
    ),
    "no tokenizer in this folder (tokenizer.json, vocab.txt, ...)": (
        "bu klasörde tokenizer yok (tokenizer.json, vocab.txt, ...)"
    ),
    "cannot load the tokenizer: {}": "tokenizer yüklenemiyor: {}",
    "the tokenizer report needs a fast tokenizer (tokenizer.json)": (
        "tokenizer raporu hızlı bir tokenizer gerektirir (tokenizer.json)"
    ),
    "the text holds no words to measure": "metinde ölçülecek kelime yok",
    "name at least one tokenizer with --model (a folder, preset or Hub name)": (
        "--model ile en az bir tokenizer belirtin (bir klasör, hazır model ya da Hub adı)"
    ),
    "every training text is also in the validation or test file": (
        "her eğitim metni doğrulama ya da test dosyasında da var"
    ),
    (
        "cannot resume: the texts or their split differ from the ones this run started with; pass "
        "--overwrite to start afresh"
    ): (
        "sürdürülemiyor: metinler ya da bölmeleri bu çalıştırmanın başladığındakilerden farklı; "
        "baştan başlamak için --overwrite verin"
    ),
}
