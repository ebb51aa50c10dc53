"""Turkish of the user errors raised in the task commands (ner, qa, seq2seq)
(see trtune/error_text/__init__.py)."""

TR: dict[str, str] = {
    # ner
    "no usable sentences ({})": "kullanılabilir cümle yok ({})",
    "{} entity types (e.g. {}): the tag column does not hold tags such as O, B-PER, I-PER": (
        "{} varlık türü (ör. {}): etiket sütununda O, B-PER, I-PER gibi etiketler yok"
    ),
    (
        "NER needs a fast tokenizer (with character offsets); {} is not one: save the model with "
        "its tokenizer.json"
    ): (
        "NER hızlı bir tokenizer gerektirir (karakter konumlarıyla); {} hızlı değil: modeli "
        "tokenizer.json dosyasıyla birlikte kaydedin"
    ),
    (
        "not a NER file: expected CoNLL lines (a token and its tag, a blank line between "
        "sentences), a table with sentence, word and tag columns, or JSON/JSONL records with "
        '"tokens" and "tags" or "text" and "entities"'
    ): (
        "NER dosyası değil: CoNLL satırları (bir belirteç ve etiketi, cümleler arasında boş bir "
        'satır), cümle, kelime ve etiket sütunları olan bir tablo ya da "tokens" ve "tags" veya '
        '"text" ve "entities" alanları olan JSON/JSONL kayıtları bekleniyordu'
    ),
    "cannot tell the {} column among {}: name them sentence_id, word and tag": (
        "{} sütunu {} arasından belirlenemiyor: sütunları sentence_id, word ve tag olarak "
        "adlandırın"
    ),
    "invalid JSON: {}": "geçersiz JSON: {}",
    "broken JSON line: {}": "bozuk JSON satırı: {}",
    "expected a list of records (or an object holding one)": (
        "bir kayıt listesi (ya da böyle bir liste içeren bir nesne) bekleniyordu"
    ),
    "expected a list of JSON records, one per sentence": (
        "her cümle için bir kayıt olmak üzere bir JSON kayıt listesi bekleniyordu"
    ),
    "each record must be a JSON object": "her kayıt bir JSON nesnesi olmalı",
    'a record needs "tokens" and "tags", or "text" and "entities"; this one has the keys {}': (
        'bir kayıtta "tokens" ve "tags" ya da "text" ve "entities" olmalı; bu kaydın anahtarları: '
        "{}"
    ),
    'a record needs "tokens" and "tags", or "text" and "entities"; this one has no keys': (
        'bir kayıtta "tokens" ve "tags" ya da "text" ve "entities" olmalı; bu kaydın hiç anahtarı '
        "yok"
    ),
    (
        "{} holds numbers; give their names in order with --tag-names (e.g. O,B-PER,I-PER,...) or "
        "a label list in the file"
    ): (
        "{} sayılar içeriyor; adlarını sırasıyla --tag-names ile (ör. O,B-PER,I-PER,...) ya da "
        "dosyada bir etiket listesiyle verin"
    ),
    "tag number {} has no name (--tag-names has {})": (
        "{} numaralı etiketin adı yok (--tag-names içinde {} ad var)"
    ),
    "unknown subword_labels {}; choose all or first": (
        "bilinmeyen subword_labels {}; all ya da first seçin"
    ),
    (
        "validation_size must be in (0, 1) (--validation-size), or give --validation-data: early "
        "stopping and the best checkpoint need a validation part"
    ): (
        "validation_size (0, 1) aralığında olmalı (--validation-size) ya da --validation-data "
        "verin: erken durdurma ve en iyi kontrol noktası bir doğrulama bölümü gerektirir"
    ),
    (
        "too few sentences: {} usable, split {} (train/validation/test); each part needs at least "
        "one: add sentences"
    ): (
        "cümle çok az: kullanılabilir {} cümle {} olarak bölündü (eğitim/doğrulama/test); her "
        "bölümde en az bir cümle olmalı: cümle ekleyin"
    ),
    # qa
    "SQuAD JSON: {} must be {}": "SQuAD JSON: {} şu olmalı: {}",
    "no column '{}'; columns: {}": "'{}' sütunu bulunamadı; sütunlar: {}",
    "no column for --{}-col (looked for {}, ...); columns: {}; choose one with --{}-col": (
        "--{}-col için sütun bulunamadı ({}, ... arandı); sütunlar: {}; --{}-col ile birini seçin"
    ),
    "no usable question ({})": "kullanılabilir soru yok ({})",
    "--doc-stride must be between 1 and half of --max-length ({}), got {}": (
        "--doc-stride 1 ile --max-length değerinin yarısı ({}) arasında olmalı, verilen: {}"
    ),
    "--max-length must be at least 32 for question answering, got {}": (
        "soru-cevap için --max-length en az 32 olmalı, verilen: {}"
    ),
    "--null-windows must be between 0 and 1, got {}": (
        "--null-windows 0 ile 1 arasında olmalı, verilen: {}"
    ),
    "--max-answer-length and --n-best must be at least 1": (
        "--max-answer-length ve --n-best en az 1 olmalı"
    ),
    (
        "validation_size must be above 0 (or give --validation-data): early stopping, the best "
        "checkpoint and the no-answer threshold need a validation part"
    ): (
        "validation_size 0'dan büyük olmalı (ya da --validation-data verin): erken durdurma, en "
        "iyi kontrol noktası ve cevapsız soru eşiği bir doğrulama bölümü gerektirir"
    ),
    (
        "too few contexts: {} questions split {} (train/validation/test, whole contexts per part); "
        "add questions on more contexts"
    ): (
        "bağlam çok az: {} soru {} olarak bölündü (eğitim/doğrulama/test, her bölüme bütün "
        "bağlamlar); daha çok bağlam üzerine soru ekleyin"
    ),
    (
        "cannot resume: the questions split differently from the run's start (a data file "
        "changed); pass --overwrite to start afresh"
    ): (
        "sürdürülemiyor: sorular çalıştırmanın başındakinden farklı bölündü (bir veri dosyası "
        "değişmiş); baştan başlamak için --overwrite verin"
    ),
    "question answering needs a fast tokenizer (character offsets)": (
        "soru-cevap hızlı bir tokenizer gerektirir (karakter konumları)"
    ),
    (
        "a question does not fit in {} tokens with --doc-stride {}: shorten it or raise "
        "--max-length ({})"
    ): (
        "bir soru --doc-stride {1} ile {0} belirtece sığmıyor: soruyu kısaltın ya da --max-length "
        "değerini artırın ({2})"
    ),
    # seq2seq
    (
        "{} is not an encoder-decoder ({}); seq2seq trains T5, mT5, BART, mBART or TURNA (or "
        "--model tiny-t5)"
    ): (
        "{} bir kodlayıcı-kod çözücü değil ({}); seq2seq T5, mT5, BART, mBART ya da TURNA eğitir "
        "(ya da --model tiny-t5)"
    ),
    (
        "no pairs left within --max-source-length {} / --max-target-length {} tokens ({} training, "
        "{} validation)"
    ): (
        "--max-source-length {} / --max-target-length {} belirteç sınırları içinde çift kalmadı "
        "({} eğitim, {} doğrulama)"
    ),
    "{} {} is not a column; columns: {}": "{} {} bir sütun değil; sütunlar: {}",
    "columns {} name languages: say which way with --direction SRC-TGT (e.g. en-tr)": (
        "{} sütunları dil adları: çeviri yönünü --direction SRC-TGT ile belirtin (ör. en-tr)"
    ),
    "--direction {}: the file has columns {}": "--direction {}: dosyanın sütunları {}",
    "need two columns (source and target); found one": (
        "iki sütun gerekli (kaynak ve hedef); yalnızca bir sütun bulundu"
    ),
    "give both --source-col and --target-col": "hem --source-col hem --target-col verin",
    "cannot tell the source and target columns among {}: pass --source-col and --target-col": (
        "kaynak ve hedef sütunları {} arasından belirlenemiyor: --source-col ve --target-col verin"
    ),
    (
        "no source/target columns among {} (known pairs: source/target, text/summary, "
        "document/summary, en/tr): pass --source-col and --target-col"
    ): (
        "{} arasında kaynak/hedef sütunları yok (bilinen çiftler: source/target, text/summary, "
        "document/summary, en/tr): --source-col ve --target-col verin"
    ),
    "the file holds no pairs": "dosyada hiç çift yok",
    "the files hold different tasks ({}, {})": "dosyalar farklı görevler içeriyor ({}, {})",
    "unknown task {} for --task; choose one of {}": (
        "--task için bilinmeyen görev {}; şunlardan birini seçin: {}"
    ),
    "--direction must look like en-tr or tr-en, got {}": (
        "--direction en-tr ya da tr-en biçiminde olmalı, verilen: {}"
    ),
    "--max-source-length must be at least 1": "--max-source-length en az 1 olmalı",
    "--max-target-length and --eval-samples must be >= 1, --context-chars >= 0": (
        "--max-target-length ve --eval-samples >= 1, --context-chars >= 0 olmalı"
    ),
    (
        "validation_size must be above 0: early stopping and the best checkpoint need a validation "
        "part (or give --validation-data)"
    ): (
        "validation_size 0'dan büyük olmalı: erken durdurma ve en iyi kontrol noktası bir "
        "doğrulama bölümü gerektirir (ya da --validation-data verin)"
    ),
    "the file is SQuAD (question generation), not --task {}": (
        "dosya SQuAD (soru üretimi), --task {} değil"
    ),
    (
        "too few pairs: {} usable pairs split {} (train/validation/test); every part needs at "
        "least one: add rows"
    ): (
        "çift çok az: kullanılabilir {} çift {} olarak bölündü (eğitim/doğrulama/test); her "
        "bölümde en az bir çift olmalı: satır ekleyin"
    ),
    (
        "cannot resume: the data split differs from the one this run started with (the data file "
        "changed); pass --overwrite to start afresh"
    ): (
        "sürdürülemiyor: veri bölmesi bu çalıştırmanın başladığındakinden farklı (veri dosyası "
        "değişmiş); baştan başlamak için --overwrite verin"
    ),
}
