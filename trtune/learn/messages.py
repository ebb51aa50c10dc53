"""Every sentence the ``learn`` commands show, in Turkish (``tr``) and English (``en``).

The terms follow the report: anahtar/key, sorgu/query, değer/value, dikkat skorları/attention
scores, softmax. Look a sentence up with :func:`say`; ``str.format`` fills the ``{}`` fields.
"""

from __future__ import annotations

from typing import Literal

Lang = Literal["tr", "en"]
LANGS: tuple[str, ...] = ("tr", "en")

MESSAGES: dict[str, dict[str, str]] = {
    # learn attention
    "att.title": {
        "tr": "Öz-dikkat (self-attention), raporun örneği adım adım",
        "en": "Self-attention, the report's example step by step",
    },
    "att.inputs": {
        "tr": "Girdiler x: 3 kelime (satır), her biri 4 boyutlu bir vektör.",
        "en": "Inputs x: 3 words (rows), each a 4-dimensional vector.",
    },
    "att.w_key": {
        "tr": "Anahtar ağırlıkları W_key (4 × 3): girdinin 4 özelliğinden 3 boyutlu anahtara",
        "en": "Key weights W_key (4 × 3): from the input's 4 features to a 3-dimensional key",
    },
    "att.w_query": {
        "tr": "Sorgu ağırlıkları W_query (4 × 3)",
        "en": "Query weights W_query (4 × 3)",
    },
    "att.w_value": {
        "tr": "Değer ağırlıkları W_value (4 × 3)",
        "en": "Value weights W_value (4 × 3)",
    },
    "att.feature": {"tr": "özellik", "en": "feature"},
    "att.column": {"tr": "sütun", "en": "column"},
    "att.step_given": {
        "tr": "Adım {step} şunlardan hesaplanır:",
        "en": "Step {step} is computed from:",
    },
    "att.keys": {
        "tr": "1. Anahtarlar (key) K = x · W_key",
        "en": "1. Keys K = x · W_key",
    },
    "att.queries": {
        "tr": "2. Sorgular (query) Q = x · W_query",
        "en": "2. Queries Q = x · W_query",
    },
    "att.values": {
        "tr": "3. Değerler (value) V = x · W_value",
        "en": "3. Values V = x · W_value",
    },
    "att.scores": {
        "tr": "4. Dikkat skorları S = Q · Kᵀ (satır i: sorgu i'nin her anahtarla iç çarpımı)",
        "en": "4. Attention scores S = Q · Kᵀ (row i: query i dotted with every key)",
    },
    "att.scores_scaled": {
        "tr": "4. Ölçeklenmiş dikkat skorları S = Q · Kᵀ / √d_k (d_k = {d_k}, √d_k = {root:.4f})",
        "en": "4. Scaled attention scores S = Q · Kᵀ / √d_k (d_k = {d_k}, √d_k = {root:.4f})",
    },
    "att.weights": {
        "tr": "5. Softmax: her satır, toplamı 1 olan dikkat ağırlıklarına dönüşür",
        "en": "5. Softmax: each row becomes attention weights that sum to 1",
    },
    "att.weighted": {
        "tr": "6. Ağırlıklı değerler: sorgu {query} için ağırlık_j · değer_j",
        "en": "6. Weighted values: weight_j · value_j for query {query}",
    },
    "att.outputs": {
        "tr": "7. Çıktılar: ağırlıklı değerlerin toplamı = softmax(S) · V",
        "en": "7. Outputs: the sum of the weighted values = softmax(S) · V",
    },
    "att.rounded": {
        "tr": "Rapordaki çıktılar: softmax okunabilirlik için {weights} olarak yuvarlanmış; "
        "bu ağırlıklarla çıktılar",
        "en": "The report's outputs: the softmax is rounded to {weights} for readability; "
        "with those weights the outputs are",
    },
    "att.rounded_note": {
        "tr": "Tam softmax ile çıktılar 7. adımdaki gibidir; fark yalnızca yuvarlamadan.",
        "en": "With the exact softmax the outputs are those of step 7; the gap is only rounding.",
    },
    "att.typo": {
        "tr": "Rapordaki ikinci skor satırı {report} yazıyor; doğrusu {computed} "
        "(sorgu 2 · anahtar 2 = {detail}).",
        "en": "The report's second score row reads {report}; it should be {computed} "
        "(query 2 · key 2 = {detail}).",
    },
    "att.scaled_hint": {
        "tr": "Gerçek transformer'lar skorları √d_k'ye böler (--scaled): softmax yumuşar.",
        "en": "Real transformers divide the scores by √d_k (--scaled): the softmax gets softer.",
    },
    "att.word": {"tr": "kelime", "en": "word"},
    "att.query": {"tr": "sorgu", "en": "query"},
    "att.key": {"tr": "anahtar", "en": "key"},
    "att.value": {"tr": "değer", "en": "value"},
    "att.output": {"tr": "çıktı", "en": "output"},
    "att.weight": {"tr": "ağırlık", "en": "weight"},
    # learn types
    "types.title": {
        "tr": "Üç LLM türü (rapor §1.4), aynı yapı taşlarından, CPU'da eğitiliyor",
        "en": "The three LLM types (report §1.4), from the same blocks, trained on CPU",
    },
    "types.encoder_only": {
        "tr": "Yalnız kodlayıcı (encoder-only): dizideki çoğunluk sembolünü sınıflandır",
        "en": "Encoder-only: classify the majority symbol of a sequence",
    },
    "types.decoder_only": {
        "tr": "Yalnız kod çözücü (decoder-only): tekrar eden bir dilde sonraki kelimeyi tahmin et",
        "en": "Decoder-only: predict the next token of a repeating toy language",
    },
    "types.encoder_decoder": {
        "tr": "Kodlayıcı-kod çözücü (encoder-decoder): diziyi ters çevir (oyuncak 'çeviri')",
        "en": "Encoder-decoder: reverse a sequence (a toy 'translation')",
    },
    "types.short.encoder_only": {"tr": "çoğunluk sembolü", "en": "majority symbol"},
    "types.short.decoder_only": {"tr": "sonraki kelime", "en": "next token"},
    "types.short.encoder_decoder": {"tr": "diziyi ters çevir", "en": "reverse a sequence"},
    "types.name.encoder_only": {"tr": "yalnız kodlayıcı", "en": "encoder-only"},
    "types.name.decoder_only": {"tr": "yalnız kod çözücü", "en": "decoder-only"},
    "types.name.encoder_decoder": {"tr": "kodlayıcı-kod çözücü", "en": "encoder-decoder"},
    "types.type": {"tr": "tür", "en": "type"},
    "types.task": {"tr": "görev", "en": "task"},
    "types.params": {"tr": "parametre", "en": "parameters"},
    "types.accuracy": {"tr": "test doğruluğu", "en": "held-out accuracy"},
    "types.seconds": {"tr": "süre (s)", "en": "time (s)"},
    "types.training": {"tr": "eğitiliyor", "en": "training"},
    # learn embedding
    "emb.title": {
        "tr": "Kelime gömmeleri (rapor §1.3.2): sonraki kelimeyi tahmin eden küçük bir ağ",
        "en": "Word embeddings (report §1.3.2): a small network that predicts the next word",
    },
    "emb.explain": {
        "tr": "Girdi tek-sıcak (one-hot) kelime; iki doğrusal aktivasyon (bias yok) kelimenin "
        "2 boyutlu gömmesidir; softmax sonraki kelimeyi tahmin eder.",
        "en": "The input is a one-hot word; two linear activations (no bias) are the word's "
        "2-D embedding; a softmax predicts the next word.",
    },
    "emb.corpus": {"tr": "Derlem", "en": "Corpus"},
    "emb.distances": {
        "tr": "Gömmeler arası Öklid uzaklıkları ({name})",
        "en": "Euclidean distances between embeddings ({name})",
    },
    "emb.closest": {
        "tr": "En yakın çift: {a} – {b} ({d:.3f}); aynı bağlamlarda kullanılan kelimeler "
        "birbirine yaklaşır.",
        "en": "Closest pair: {a} – {b} ({d:.3f}); words used in the same contexts move close "
        "together.",
    },
    "emb.plot": {"tr": "Grafik yazıldı: {path}", "en": "Plot written: {path}"},
    "emb.loss": {"tr": "son kayıp (loss)", "en": "final loss"},
    "emb.word": {"tr": "kelime", "en": "word"},
    "emb.english": {"tr": "İngilizce", "en": "English"},
    "emb.turkish": {"tr": "Türkçe", "en": "Turkish"},
    "emb.nearest": {"tr": "En yakın komşular", "en": "Nearest neighbours"},
    # learn rnn
    "rnn.title": {
        "tr": "Transformer'lar RNN'lerin yerini neden aldı: RNN, GRU, LSTM ve Transformer",
        "en": "Why Transformers replaced RNNs: RNN, GRU, LSTM and a Transformer",
    },
    "rnn.task": {
        "tr": "Görev: gürültü, bir sembol, N konum daha gürültü ve '?'; model N adım önce gördüğü "
        "sembolü söylemeli ({symbols} sembol, şans %{chance:.1f}).",
        "en": "Task: noise, one symbol, N more positions of noise and '?'; the model must name "
        "the symbol it saw N steps earlier ({symbols} symbols, chance {chance:.1f}%).",
    },
    "rnn.accuracy_title": {
        "tr": "Uzaklığa göre test doğruluğu (her uzaklıkta yeni bir model, en çok {steps} adım)",
        "en": "Test accuracy by distance (a fresh model per distance, at most {steps} steps)",
    },
    "rnn.steps_title": {
        "tr": "Kullanılan eğitim adımları ({solved} ardışık tam doğru yığında erken durur)",
        "en": "Training steps used (stops early after {solved} perfect batches in a row)",
    },
    "rnn.time_title": {
        "tr": "Uzunluğa göre bir eğitim adımının süresi (ms CPU, {batch} dizi, {threads} iş "
        "parçacığı)",
        "en": "Time of one training step by length (CPU ms, {batch} sequences, {threads} "
        "thread(s))",
    },
    "rnn.model": {"tr": "model", "en": "model"},
    "rnn.params": {"tr": "parametre", "en": "parameters"},
    "rnn.reach": {
        "tr": "Doğruluğun hâlâ en az %90 olduğu en büyük uzaklık: {reach}.",
        "en": "The longest distance still recalled with at least 90% accuracy: {reach}.",
    },
    "rnn.none": {"tr": "yok", "en": "none"},
    "rnn.growth": {
        "tr": "Dizi {short} konumdan {long} konuma ({factor:g} kat) uzayınca bir adımın süresi: "
        "{growth}.",
        "en": "From {short} to {long} positions ({factor:g} times longer) a step takes: {growth}.",
    },
    "rnn.why": {
        "tr": "RNN'in döngüsü her konum için bir adım atar ve adım t, adım t-1 bitmeden "
        "başlayamaz; gradyan da geriye bu adımların hepsinden geçerken söner. Dikkat ise tüm "
        "konumları birkaç büyük matris çarpımında birlikte işler ve her konumdan her konuma "
        "doğrudan bakar.",
        "en": "The RNN's loop takes one step per position and step t cannot start before step "
        "t-1 is done; the gradient also fades as it flows back through all of those steps. "
        "Attention handles all positions together in a few large matrix products and looks "
        "from every position straight at every other.",
    },
    "rnn.plot": {"tr": "Grafik yazıldı: {path}", "en": "Plot written: {path}"},
    "rnn.numbers": {"tr": "Sayılar yazıldı: {path}", "en": "Numbers written: {path}"},
    "rnn.axis_distance": {
        "tr": "uzaklık N (sembolden '?' işaretine konum)",
        "en": "distance N (positions from the symbol to '?')",
    },
    "rnn.axis_accuracy": {"tr": "test doğruluğu", "en": "test accuracy"},
    "rnn.axis_length": {"tr": "dizi uzunluğu (konum)", "en": "sequence length (positions)"},
    "rnn.axis_ms": {"tr": "ms / eğitim adımı (CPU)", "en": "ms per training step (CPU)"},
    "rnn.chance": {"tr": "şans", "en": "chance"},
    "rnn.plot_accuracy": {
        "tr": "N adım önceki sembolü hatırlamak",
        "en": "Recalling the symbol from N steps back",
    },
    "rnn.plot_time": {
        "tr": "Sıralı döngü ve paralel dikkat",
        "en": "Sequential loop vs parallel attention",
    },
    # learn attention --model: the page (every "page." key is embedded in it for its
    # language switch; all are formatted with model, layers, heads, tokens)
    "page.title": {
        "tr": "Dikkat haritası: {model}",
        "en": "Attention map: {model}",
    },
    "page.heading": {"tr": "Dikkat haritası", "en": "Attention map"},
    "page.model": {"tr": "Model", "en": "Model"},
    "page.text": {"tr": "Metin", "en": "Text"},
    "page.sizes": {
        "tr": "{layers} katman × {heads} kafa, {tokens} belirteç",
        "en": "{layers} layers × {heads} heads, {tokens} tokens",
    },
    "page.truncated": {
        "tr": "Metin ilk {tokens} belirtecine kısaltıldı (--max-tokens).",
        "en": "The text was cut to its first {tokens} tokens (--max-tokens).",
    },
    "page.intro": {
        "tr": "Her katmanın her kafası, her belirteç için öbür belirteçlere birer dikkat "
        "ağırlığı verir (softmax: bir belirtecin ağırlıklarının toplamı 1'dir). Soldaki "
        "belirteç sorgudur (bakan), sağdaki anahtardır (bakılan).",
        "en": "Every head of every layer gives each token one attention weight per token "
        "(a softmax: one token's weights sum to 1). The token on the left is the query (the "
        "one that looks), the one on the right the key (the one looked at).",
    },
    "page.lang": {"tr": "Dil", "en": "Language"},
    "page.head_view": {"tr": "Kafa görünümü", "en": "Head view"},
    "page.head_view_hint": {
        "tr": "Çizgi ne kadar koyuysa dikkat ağırlığı o kadar büyük. Bir belirtecin üzerine "
        "gelince çizgileri öne çıkar; tıklayınca yalnız onun çizgileri kalır, yeniden "
        "tıklayınca hepsi döner.",
        "en": "The darker a line, the larger its attention weight. Hover over a token to "
        "bring its lines forward; click it to keep only its lines, click again to see all.",
    },
    "page.layer": {"tr": "Katman", "en": "Layer"},
    "page.head": {"tr": "Kafa", "en": "Head"},
    "page.mean": {"tr": "tüm kafaların ortalaması", "en": "mean of all heads"},
    "page.queries": {"tr": "sorgu (bakan)", "en": "query (looks)"},
    "page.keys": {"tr": "anahtar (bakılan)", "en": "key (looked at)"},
    "page.readout": {
        "tr": "Bir belirtecin üzerine gelin ya da tıklayın.",
        "en": "Hover over a token or click it.",
    },
    "page.looks_at": {
        "tr": "«{token}» en çok şunlara bakıyor: {list}",
        "en": "“{token}” attends most to: {list}",
    },
    "page.looked_at": {
        "tr": "«{token}» belirtecine en çok bakanlar: {list}",
        "en": "Tokens attending most to “{token}”: {list}",
    },
    "page.pinned": {
        "tr": "(sabitlendi; çözmek için yeniden tıklayın)",
        "en": "(pinned; click again to unpin)",
    },
    "page.model_view": {"tr": "Model görünümü", "en": "Model view"},
    "page.model_view_hint": {
        "tr": "Her küçük resim bir kafa: satırlar katmanlar, sütunlar kafalar. Birine "
        "tıklayınca kafa görünümünde açılır.",
        "en": "Each thumbnail is one head: rows are layers, columns heads. Click one to open "
        "it in the head view.",
    },
    "page.thumb": {"tr": "Katman {layer}, kafa {head}", "en": "Layer {layer}, head {head}"},
    "page.footer": {
        "tr": "trtune learn attention ile yazıldı; sayfa ağ bağlantısı olmadan açılır.",
        "en": "Written by trtune learn attention; the page opens with no network.",
    },
    "att.page_written": {
        "tr": "Sayfa yazıldı: {path} ({layers} katman × {heads} kafa, {tokens} belirteç)",
        "en": "Page written: {path} ({layers} layers × {heads} heads, {tokens} tokens)",
    },
}


def say(key: str, lang: str, **fields: object) -> str:
    """The sentence ``key`` in ``lang``, with ``{}`` fields filled from ``fields``.

    Args:
        key: a key of :data:`MESSAGES`, e.g. ``"att.keys"``.
        lang: ``"tr"`` or ``"en"``.
        **fields: values for the sentence's ``{name}`` placeholders.

    Raises:
        ValueError: for a language other than ``tr`` or ``en``.
    """
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, got {lang!r}")
    text = MESSAGES[key][lang]
    return text.format(**fields) if fields else text
