"""The visible text of the visualisation page, in Turkish and English.

``{L}``, ``{HS}``, ``{C}``, ``{C4}``, ``{NH}``, ``{P}``, ``{NL}``, ``{BS}`` and the like are
filled in by the page's script with the model's real sizes and the reader's input. The
"what to notice" sentences are in :mod:`trtune.nanogpt.page_notes`.
"""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "en": {
        "page_title_sort": "Inside a GPT: sorting six letters, every number",
        "page_title_text": "Inside a GPT: writing text one character at a time, every number",
        "intro_sort": "A GPT with {P} parameters ({NL} layers, {NH} heads, {C} channels) trained "
        "on minGPT's sort task runs in this page. Type six letters: every number below is "
        "recomputed by the page itself from the model's real weights.",
        "intro_text": "A character-level GPT with {P} parameters ({NL} layers, {NH} heads, {C} "
        "channels) runs in this page. Type a prompt: every number below is recomputed by "
        "the page itself from the model's real weights.",
        "input_label_sort": "Six letters from A, B, C",
        "input_label_text": "Prompt",
        "output_label_sort": "the model writes",
        "output_label_text": "sampled continuation",
        "temperature": "temperature",
        "temperature_hint": "0: always the most likely character",
        "seed": "seed",
        "length": "characters",
        "sample": "Sample",
        "sampling": "writing…",
        "err_length": "{n} symbols typed; the sort model needs exactly 6 (A, B or C).",
        "err_symbol": "“{ch}” is not A, B or C (or 0, 1, 2).",
        "err_mix": "Do not mix letters and digits.",
        "err_empty": "Type at least one character.",
        "err_unknown": "Not in the model's vocabulary: {chars}",
        "cropped": "Only the last {BS} characters fit in the model's context.",
        "selfcheck": "This page computes every number itself, in JavaScript. On the input it "
        "was written with ({input}) its logits differ from PyTorch's by at most {d}.",
        "map_title": "Architecture",
        "map_tokens": "tokens → indices",
        "map_stream": "residual stream",
        "map_generation_sort": "greedy generation",
        "map_generation_text": "next character",
        "contents": "Contents",
        "block": "block",
        "show_numbers": "show numbers",
        "readout_hint": "Hover or tap a cell, or focus a matrix (Tab) and move with the arrow "
        "keys: its value and how it was computed appear here.",
        "legend_title": "Colour scales: one per kind of quantity",
        "kind_stream": "residual stream, embeddings, updates, μ and σ",
        "log_scale": "logarithmic",
        "kind_norm": "LayerNorm outputs",
        "kind_param": "learned γ and β",
        "kind_qkv": "queries, keys, values, head outputs",
        "kind_score": "attention scores",
        "kind_hidden": "MLP hidden units",
        "kind_logit": "logits",
        "kind_prob": "probabilities and attention weights",
        "masked_legend": "masked (−∞)",
        "notice": "What to notice",
        "input_row": "input",
        "generated_row": "generated",
        "tokens_title": "Tokens → indices",
        "tokens_text_sort": "The model reads numbers, not letters: A, B and C become 0, 1 and "
        "2. Its context is the input plus the answer so far ({T} tokens).",
        "tokens_text_text": "Every character is one token: its index in the sorted list of the "
        "{V} characters of the training text.",
        "embedding_title": "Token embedding + position embedding = input embedding",
        "embedding_text": "Each index picks one row of the token table wte; each position picks "
        "one row of the position table wpe. Their sum is the input of the first block: one "
        "vector of {C} numbers per token (the residual stream).",
        "layernorm_title": "LayerNorm (layer {L})",
        "layernorm_text": "Each row is normalised to mean 0 and standard deviation 1, then "
        "scaled by γ and shifted by β (both learned, one value per channel).",
        "qkv_title": "Query, key, value per head (layer {L})",
        "qkv_text": "One linear layer (c_attn) maps each normalised row to {C} query, {C} key "
        "and {C} value numbers; they are cut into {NH} heads of {HS}.",
        "scores_title": "Scores, 1/√d scaling, causal mask (layer {L})",
        "scores_text": "Score = query · key for every pair of positions, divided by √{HS} so "
        "that the softmax does not saturate. A token may not look at later tokens: those "
        "scores become −∞.",
        "softmax_title": "Softmax: attention of every head in every layer",
        "softmax_text": "Softmax turns each row of scores into weights that sum to 1: how much "
        "the token in that row reads from each earlier token (columns).",
        "heads_title": "Weighted values, heads side by side, projection, residual (layer {L})",
        "heads_text": "Each head averages the value vectors with its attention weights. The "
        "{NH} outputs are put side by side ({C} channels), mixed by the projection c_proj, "
        "and added to the residual stream.",
        "mlp_title": "MLP: {C4} channels, GELU, back to {C}, residual (layer {L})",
        "mlp_text": "A second LayerNorm, then each token on its own goes through a wider layer "
        "of {C4} channels, the GELU non-linearity, and back to {C}; the result is added to "
        "the residual stream again.",
        "stream_title": "The residual stream through the layers",
        "stream_text": "The same {C}-number vectors per token, after each block.",
        "output_title": "Final LayerNorm, logits, softmax",
        "output_text": "After the last block: LayerNorm, then lm_head maps each row to one score "
        "per token (logits); softmax makes them probabilities of the next token.",
        "output_legend_sort": "Row 5 (the last input letter) predicts the first letter of the "
        "answer, each later row the next one.",
        "output_legend_text": "The last row predicts the next character.",
        "generation_title_sort": "Greedy generation, one token at a time",
        "generation_text_sort": "The model picks the most likely letter, appends it and runs "
        "again. Six steps write the sorted sequence.",
        "generation_title_text": "The next character: temperature and sampling",
        "generation_text_text": "The logits of the last row are divided by the temperature "
        "before the softmax: below 1 the likely characters get likelier, above 1 the "
        "distribution flattens. Sampling draws one character, appends it and runs again.",
        "tok_emb": "token embedding",
        "pos_emb": "position embedding",
        "x0": "input embedding x",
        "learned": "learned",
        "head": "head",
        "column": "column",
        "mask": "causal mask",
        "masked_out": "future position",
        "kept": "kept",
        "layer": "layer",
        "softmax_legend": "Rows: the token that looks; columns: the token it looks at.",
        "concat": "heads concatenated",
        "proj": "projection c_proj",
        "residual_in": "residual x",
        "residual_mid": "x' = x + attention",
        "block_out": "x'' = x' + MLP",
        "after": "after",
        "no_bias": "lm_head has no bias",
        "step": "step",
        "top_chars": "most likely next characters (temperature {t})",
        "footer": "Written by trtune nanogpt viz, after bbycroft.net/llm and karpathy/minGPT.",
    },
    "tr": {
        "page_title_sort": "Bir GPT'nin içi: altı harfi sıralamak, her sayısıyla",
        "page_title_text": "Bir GPT'nin içi: karakter karakter metin yazmak, her sayısıyla",
        "intro_sort": "minGPT'nin sıralama görevinde eğitilmiş {P} parametreli bir GPT ({NL} "
        "katman, {NH} başlık, {C} kanal) bu sayfanın içinde çalışıyor. Altı harf yazın: "
        "aşağıdaki her sayıyı sayfa, modelin gerçek ağırlıklarından kendisi yeniden hesaplar.",
        "intro_text": "{P} parametreli, karakter düzeyinde bir GPT ({NL} katman, {NH} başlık, "
        "{C} kanal) bu sayfanın içinde çalışıyor. Bir başlangıç metni yazın: aşağıdaki her "
        "sayıyı sayfa, modelin gerçek ağırlıklarından kendisi yeniden hesaplar.",
        "input_label_sort": "A, B, C'den altı harf",
        "input_label_text": "Başlangıç metni",
        "output_label_sort": "modelin yazdığı",
        "output_label_text": "örneklenen devam",
        "temperature": "sıcaklık",
        "temperature_hint": "0: hep en olası karakter",
        "seed": "tohum",
        "length": "karakter",
        "sample": "Örnekle",
        "sampling": "yazıyor…",
        "err_length": "{n} sembol yazıldı; sıralama modeli tam 6 tane ister (A, B ya da C).",
        "err_symbol": "“{ch}” A, B ya da C (veya 0, 1, 2) değil.",
        "err_mix": "Harf ve rakamı karıştırmayın.",
        "err_empty": "En az bir karakter yazın.",
        "err_unknown": "Modelin sözlüğünde olmayan karakterler: {chars}",
        "cropped": "Modelin bağlamına yalnızca son {BS} karakter sığar.",
        "selfcheck": "Bu sayfa her sayıyı JavaScript ile kendisi hesaplar. Yazıldığı girdide "
        "({input}) logitleri PyTorch'unkilerden en çok {d} kadar farklı.",
        "map_title": "Mimari",
        "map_tokens": "belirteçler → indisler",
        "map_stream": "artık akış",
        "map_generation_sort": "açgözlü üretim",
        "map_generation_text": "sonraki karakter",
        "contents": "İçindekiler",
        "block": "blok",
        "show_numbers": "sayıları göster",
        "readout_hint": "Bir hücrenin üzerine gelin ya da dokunun, veya bir matrise odaklanıp "
        "(Tab) ok tuşlarıyla gezinin: değeri ve nasıl hesaplandığı burada görünür.",
        "legend_title": "Renk ölçekleri: her nicelik türü için bir tane",
        "kind_stream": "artık akış, gömmeler, güncellemeler, μ ve σ",
        "log_scale": "logaritmik",
        "kind_norm": "LayerNorm çıktıları",
        "kind_param": "öğrenilen γ ve β",
        "kind_qkv": "sorgular, anahtarlar, değerler, başlık çıktıları",
        "kind_score": "dikkat skorları",
        "kind_hidden": "MLP gizli birimleri",
        "kind_logit": "logitler",
        "kind_prob": "olasılıklar ve dikkat ağırlıkları",
        "masked_legend": "maskeli (−∞)",
        "notice": "Dikkat edin",
        "input_row": "girdi",
        "generated_row": "üretilen",
        "tokens_title": "Belirteçler → indisler",
        "tokens_text_sort": "Model harf değil sayı okur: A, B ve C; 0, 1 ve 2 olur. Bağlamı "
        "girdi ile şimdiye kadarki cevaptır ({T} belirteç).",
        "tokens_text_text": "Her karakter bir belirteçtir: indisi, eğitim metnindeki {V} "
        "karakterin sıralı listesindeki yeridir.",
        "embedding_title": "Belirteç gömmesi + konum gömmesi = girdi gömmesi",
        "embedding_text": "Her indis belirteç tablosu wte'den bir satır, her konum konum tablosu "
        "wpe'den bir satır seçer. Toplamları ilk bloğun girdisidir: belirteç başına {C} "
        "sayılık bir vektör (artık akış).",
        "layernorm_title": "LayerNorm (katman {L})",
        "layernorm_text": "Her satır ortalaması 0, standart sapması 1 olacak biçimde "
        "normalleştirilir, sonra γ ile ölçeklenip β ile kaydırılır (ikisi de öğrenilir, kanal "
        "başına bir değer).",
        "qkv_title": "Başlık başına sorgu, anahtar, değer (katman {L})",
        "qkv_text": "Tek bir doğrusal katman (c_attn) her normalleştirilmiş satırı {C} sorgu, "
        "{C} anahtar ve {C} değer sayısına çevirir; bunlar {NH} başlığa, her biri {HS} sayı "
        "olmak üzere bölünür.",
        "scores_title": "Skorlar, 1/√d ölçekleme, nedensel maske (katman {L})",
        "scores_text": "Her konum çifti için skor = sorgu · anahtar; softmax doymasın diye "
        "√{HS} değerine bölünür. Bir belirteç sonraki belirteçlere bakamaz: o skorlar −∞ olur.",
        "softmax_title": "Softmax: her katmanda her başlığın dikkati",
        "softmax_text": "Softmax her skor satırını toplamı 1 olan ağırlıklara çevirir: o "
        "satırdaki belirtecin önceki her belirteçten (sütunlar) ne kadar okuduğu.",
        "heads_title": "Ağırlıklı değerler, yan yana başlıklar, izdüşüm, artık bağlantı "
        "(katman {L})",
        "heads_text": "Her başlık değer vektörlerinin dikkat ağırlıklı ortalamasını alır. {NH} "
        "çıktı yan yana konur ({C} kanal), c_proj izdüşümüyle karıştırılır ve artık akışa "
        "eklenir.",
        "mlp_title": "MLP: {C4} kanal, GELU, yeniden {C}, artık bağlantı (katman {L})",
        "mlp_text": "İkinci bir LayerNorm; ardından her belirteç tek başına {C4} kanallı geniş "
        "bir katmandan, GELU doğrusal olmayan işlevinden geçip {C} kanala döner; sonuç yine "
        "artık akışa eklenir.",
        "stream_title": "Katmanlar boyunca artık akış",
        "stream_text": "Belirteç başına aynı {C} sayılık vektörler, her bloktan sonra.",
        "output_title": "Son LayerNorm, logitler, softmax",
        "output_text": "Son bloktan sonra LayerNorm; ardından lm_head her satırı belirteç başına "
        "bir skora (logit) çevirir; softmax bunları sonraki belirtecin olasılıklarına "
        "dönüştürür.",
        "output_legend_sort": "5. satır (girdinin son harfi) cevabın ilk harfini, sonraki her "
        "satır bir sonrakini tahmin eder.",
        "output_legend_text": "Son satır sonraki karakteri tahmin eder.",
        "generation_title_sort": "Açgözlü üretim, her seferinde bir belirteç",
        "generation_text_sort": "Model en olası harfi seçer, sona ekler ve yeniden çalışır. Altı "
        "adım sıralanmış diziyi yazar.",
        "generation_title_text": "Sonraki karakter: sıcaklık ve örnekleme",
        "generation_text_text": "Son satırın logitleri softmax'tan önce sıcaklığa bölünür: 1'in "
        "altında olası karakterler daha da olası olur, 1'in üstünde dağılım düzleşir. "
        "Örnekleme bir karakter çeker, sona ekler ve yeniden çalışır.",
        "tok_emb": "belirteç gömmesi",
        "pos_emb": "konum gömmesi",
        "x0": "girdi gömmesi x",
        "learned": "öğrenilen",
        "head": "başlık",
        "column": "sütun",
        "mask": "nedensel maske",
        "masked_out": "gelecekteki konum",
        "kept": "korunur",
        "layer": "katman",
        "softmax_legend": "Satırlar: bakan belirteç; sütunlar: bakılan belirteç.",
        "concat": "birleştirilmiş başlıklar",
        "proj": "izdüşüm c_proj",
        "residual_in": "artık x",
        "residual_mid": "x' = x + dikkat",
        "block_out": "x'' = x' + MLP",
        "after": "sonra:",
        "no_bias": "lm_head'in yanlılığı yok",
        "step": "adım",
        "top_chars": "en olası sonraki karakterler (sıcaklık {t})",
        "footer": "trtune nanogpt viz ile yazıldı; bbycroft.net/llm ve karpathy/minGPT'den "
        "esinlenilmiştir.",
    },
}
