"""A preset's tokenizer trained twice on the same texts is the same tokenizer (same pieces,
same ids), so the same seed and data give the same model: the Unigram trainer (tiny-t5)
broke its ties in an order that changed from run to run."""

import pytest

from trtune.run.presets import PRESETS, train_preset_tokenizer

TEXTS = [
    "I see the cat.", "Kediyi görüyorum.", "We love the sea.", "Denizi seviyoruz.",
    "I want the big red car.", "Büyük kırmızı arabayı istiyorum.", "Evi seviyorum.",
] * 3  # fmt: skip


@pytest.mark.parametrize("name", sorted(PRESETS))
def test_same_texts_same_tokenizer(name):
    first = train_preset_tokenizer(name, TEXTS)
    for _ in range(4):
        again = train_preset_tokenizer(name, TEXTS)
        assert again.backend_tokenizer.to_str() == first.backend_tokenizer.to_str()
    assert first.tokenize("Evi seviyorum.") == again.tokenize("Evi seviyorum.")
    assert first.decode(first("Evi seviyorum.")["input_ids"], skip_special_tokens=True) == (
        "Evi seviyorum."
    )
