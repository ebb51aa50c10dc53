"""The visible text of the visualisation page, in Turkish and English.

``{L}``, ``{HS}``, ``{C}``, ``{C4}``, ``{NH}``, ``{P}``, ``{NL}`` are filled in by the page's
script with the model's real sizes.
"""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "en": {
        "page_title": "Inside a GPT: sorting six letters, one forward pass",
        "intro": "A GPT with {P} parameters ({NL} layers, {NH} heads, {C} channels) trained on "
        "minGPT's sort task. Every number below is a real activation of this model for this "
        "input. Hover over any cell to see its value and how it was computed.",
        "tokens_title": "Tokens → indices",
        "tokens_text": "The model reads numbers, not letters: A, B and C become 0, 1 and 2.",
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
        "per letter (logits); softmax makes them probabilities of the next token.",
        "generation_title": "Greedy generation, one token at a time",
        "generation_text": "The model picks the most likely letter, appends it and runs again. "
        "Six steps write the sorted sequence.",
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
        "output_legend": "The last row predicts the first letter of the answer.",
        "step": "step",
        "layer_pick": "Show details of:",
        "hover_hint": "hover over a cell for its value and formula",
        "footer": "Written by trtune nanogpt viz, after bbycroft.net/llm and karpathy/minGPT.",
    },
    "tr": {
        "page_title": "Bir GPT'nin içi: altı harfi sıralamak, tek bir ileri geçiş",
        "intro": "minGPT'nin sıralama görevinde eğitilmiş {P} parametreli bir GPT ({NL} katman, "
        "{NH} başlık, {C} kanal). Aşağıdaki her sayı bu modelin bu girdi için ürettiği gerçek "
        "değerdir. Bir hücrenin üzerine gelince değerini ve nasıl hesaplandığını görürsünüz.",
        "tokens_title": "Belirteçler → indisler",
        "tokens_text": "Model harf değil sayı okur: A, B ve C; 0, 1 ve 2 olur.",
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
        "{C} anahtar ve {C} değer sayısına çevirir; bunlar {HS}'lık {NH} başlığa bölünür.",
        "scores_title": "Skorlar, 1/√d ölçekleme, nedensel maske (katman {L})",
        "scores_text": "Her konum çifti için skor = sorgu · anahtar; softmax doymasın diye "
        "√{HS}'ya bölünür. Bir belirteç sonraki belirteçlere bakamaz: o skorlar −∞ olur.",
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
        "output_text": "Son bloktan sonra LayerNorm; ardından lm_head her satırı harf başına bir "
        "skora (logit) çevirir; softmax bunları sonraki belirtecin olasılıklarına dönüştürür.",
        "generation_title": "Açgözlü üretim, her seferinde bir belirteç",
        "generation_text": "Model en olası harfi seçer, sona ekler ve yeniden çalışır. Altı adım "
        "sıralanmış diziyi yazar.",
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
        "output_legend": "Son satır cevabın ilk harfini tahmin eder.",
        "step": "adım",
        "layer_pick": "Ayrıntısı gösterilen:",
        "hover_hint": "değer ve formül için bir hücrenin üzerine gelin",
        "footer": "trtune nanogpt viz ile yazıldı; bbycroft.net/llm ve karpathy/minGPT'den "
        "esinlenilmiştir.",
    },
}
