# ruff: noqa: E501  (a table of sentences: one line each reads and diffs best)
"""The Turkish `--help` of `qa`, `seq2seq`, `mask` and `ner`: a part of :data:`trtune.cli.help_text.HELP`."""

from __future__ import annotations

HELP_TASKS: dict[str, dict[str, str]] = {
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
}
