"""The page's "what to notice" sentences, in Turkish and English.

Every ``{field}`` is computed by the page's script (``templates/notes.js``) from the
numbers of the current input: the real attention weights, norms and probabilities of the
trained model, never typed in. Percentages come without their sign: each language puts
it where it belongs (``45%``, ``%45``).
"""

from __future__ import annotations

NOTES: dict[str, dict[str, str]] = {
    "en": {
        "tokens_sort": "This input has {a} {A}, {b} {B} and {c} {C}: the answer must write the "
        "same counts, in order.",
        "tokens_text": "{n} characters, {u} of them different; the model sees at most {bs} at "
        "once.",
        "embedding": "Average length of the token rows ‖wte‖ = {tok}, of the position rows "
        "‖wpe‖ = {pos}: at the start x is carried more by the {bigger}.",
        "bigger_tok": "token embedding",
        "bigger_pos": "position embedding",
        "layernorm": "Before: row means from {mumin} to {mumax}, σ from {smin} to {smax}. "
        "After: every row has mean 0 and σ 1 before γ and β; γ runs from {gmin} to {gmax} "
        "(largest |γ| in channel {gj}).",
        "qkv": "Average length of the query and key vectors per head: {list}. Longer vectors "
        "give larger scores and a sharper softmax.",
        "scores": "The largest scaled score in layer {L}: head {h}, row {i} ({ti}) → column "
        "{j} ({tj}), {raw} before and {scaled} after ÷√{HS}. The mask hides {masked} of "
        "{pairs} pairs.",
        "softmax_sort_head": "L{l} H{h}: when it writes the next sorted letter, {same}% of its "
        "weight goes to the input positions holding that letter (spread evenly: {even}%); "
        "{inp}% to the input in all.",
        "softmax_sort_best": "The head that reads the letter it is about to write: L{l} H{h}, "
        "{same}% of its weight on that letter's input positions against {even}% spread "
        "evenly.",
        "softmax_text_head": "L{l} H{h}: per row {prev}% of the weight on the previous "
        "character, {self}% on itself, {first}% on the first; the last row reads {top}.",
        "softmax_text_best": "The head that looks most at the previous character: L{l} H{h} "
        "({prev}% per row on average).",
        "heads": "In layer {L} the attention update is {r}% of the length of the residual "
        "stream on average (‖proj‖ / ‖x‖).",
        "mlp": "After GELU {pos}% of the {C4} hidden values per token are positive; the rest are "
        "close to zero. The MLP update is {r}% of the stream's length.",
        "stream": "The vector at the last position moves most in layer {l} (‖Δx‖ = {d}); its "
        "length goes from {n0} to {n1}.",
        "output_sort": "On the answer rows the chosen letter gets from {pmin}% to {pmax}%.",
        "output_text": "Next character: {top}.",
        "generation_sort": "The model writes {out}. The step it is least sure of is step {k}: {p}% "
        "for {ch}. At that step head L{l} H{h} puts {w}% of its weight on the input's {ch}.",
        "generation_text": "At temperature {t} the most likely character {c} gets {p}% (at "
        "temperature 1: {p1}%).",
    },
    "tr": {
        "tokens_sort": "Bu girdide {a} {A}, {b} {B} ve {c} {C} var: cevap aynı sayıları sırayla "
        "yazmalı.",
        "tokens_text": "{n} karakter, {u} tanesi farklı; model bir kerede en çok {bs} karakter "
        "görür.",
        "embedding": "Belirteç satırlarının ortalama uzunluğu ‖wte‖ = {tok}, konum "
        "satırlarınınki ‖wpe‖ = {pos}: başlangıçta x'i daha çok {bigger} taşıyor.",
        "bigger_tok": "belirteç gömmesi",
        "bigger_pos": "konum gömmesi",
        "layernorm": "Önce: satır ortalamaları {mumin} ile {mumax}, σ {smin} ile {smax} "
        "arasında. Sonra: γ ve β'dan önce her satırın ortalaması 0, σ'sı 1; γ {gmin} ile "
        "{gmax} arasında (en büyük |γ| {gj}. kanalda).",
        "qkv": "Başlık başına sorgu ve anahtar vektörlerinin ortalama uzunluğu: {list}. Uzun "
        "vektörler büyük skor ve daha keskin bir softmax verir.",
        "scores": "Katman {L} içindeki en büyük ölçekli skor: başlık {h}, satır {i} ({ti}) → "
        "sütun {j} ({tj}); ÷√{HS} öncesi {raw}, sonrası {scaled}. Maske {pairs} çiftten "
        "{masked} tanesini gizler.",
        "softmax_sort_head": "L{l} H{h}: sıradaki harfi yazarken ağırlığının %{same} kadarı o "
        "harfin bulunduğu girdi konumlarına gider (eşit dağılsa %{even}); girdinin tamamına "
        "%{inp}.",
        "softmax_sort_best": "Yazmak üzere olduğu harfi okuyan başlık: L{l} H{h}; ağırlığının "
        "%{same} kadarı o harfin girdi konumlarında (eşit dağılsa %{even}).",
        "softmax_text_head": "L{l} H{h}: satır başına ağırlığın %{prev} kadarı bir önceki "
        "karakterde, %{self} kadarı kendisinde, %{first} kadarı ilk karakterde; son satır "
        "{top} okur.",
        "softmax_text_best": "Bir önceki karaktere en çok bakan başlık: L{l} H{h} (satır başına "
        "ortalama %{prev}).",
        "heads": "Katman {L} içinde dikkat güncellemesi ortalama olarak artık akışın "
        "uzunluğunun %{r} kadarı (‖proj‖ / ‖x‖).",
        "mlp": "GELU'dan sonra belirteç başına {C4} gizli değerin %{pos} kadarı pozitif; "
        "kalanlar sıfıra yakın. MLP güncellemesi akışın uzunluğunun %{r} kadarı.",
        "stream": "Son konumdaki vektör en çok katman {l} içinde değişir (‖Δx‖ = {d}); "
        "uzunluğu {n0} değerinden {n1} değerine gider.",
        "output_sort": "Cevap satırlarında seçilen harf %{pmin} ile %{pmax} arasında olasılık "
        "alır.",
        "output_text": "Sonraki karakter: {top}.",
        "generation_sort": "Model {out} yazar. En az emin olduğu adım {k}: {ch} için %{p}. O "
        "adımda L{l} H{h} başlığı ağırlığının %{w} kadarını girdideki {ch} harflerine verir.",
        "generation_text": "Sıcaklık {t} iken en olası karakter {c}, %{p} alır (sıcaklık 1 "
        "iken %{p1}).",
    },
}
