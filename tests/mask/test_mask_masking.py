"""Word boundaries, BERT's masking (15 %, 80/10/10, whole words) and the fixed validation
masks, on tiny inputs with known answers."""

from __future__ import annotations

import torch

from trtune.run.presets import train_wordpiece_tokenizer
from trtune.tasks.mask.encode import encode_blocks, encode_lines
from trtune.tasks.mask.masking import (
    MaskingCollator,
    MaskingRule,
    choose_positions,
    fixed_masks,
    mask_tokens,
)
from trtune.tasks.mask.words import NO_WORD, char_word_index, token_word_ids, word_spans

TEXTS = [
    "Ankara'da hava bugün çok güzel.",
    "İstanbul’un trafiği yine kilitlendi!",
    "Kitaplarımızı okuduk, çok sevdik.",
]


def _words(text: str) -> list[str]:
    return [text[s:e] for s, e in word_spans(text)]


def test_apostrophe_suffixes_stay_with_their_word_and_punctuation_stands_alone():
    assert _words("Ankara'da hava güzel.") == ["Ankara'da", "hava", "güzel", "."]
    assert _words("İstanbul’un TBMM’de") == ["İstanbul’un", "TBMM’de"]
    assert _words("'tırnak' 3,5 kg") == ["'", "tırnak", "'", "3", ",", "5", "kg"]
    assert _words("i̇ ışık") == ["i̇", "ışık"]  # a decomposed İ keeps its combining dot


def test_tokens_map_to_the_word_their_characters_overlap():
    text = "Ankara'da güzel."
    offsets = [(0, 0), (0, 6), (6, 7), (7, 9), (10, 15), (15, 16), (0, 0)]  # [CLS] ... [SEP]
    special = [1, 0, 0, 0, 0, 0, 1]
    assert token_word_ids(offsets, char_word_index(text), special) == [-1, 0, 0, 0, 1, 2, -1]
    # a byte-level token that carries the space before its word still finds the word
    assert token_word_ids([(9, 15)], char_word_index(text)) == [1]


def _tokenizer():
    return train_wordpiece_tokenizer(TEXTS * 3, vocab_size=300)


def test_bert_pieces_of_ankarada_form_one_word():
    tokenizer = _tokenizer()
    item = encode_lines(tokenizer, ["Ankara'da güzel."], 32)[0]
    tokens = tokenizer.convert_ids_to_tokens(item["input_ids"])
    assert tokens[:4] == ["[CLS]", "Ankara", "'", "da"]
    assert item["word_ids"][:4] == [NO_WORD, 0, 0, 0]
    assert item["word_ids"][-1] == NO_WORD


def _batch(rows: int, length: int, words_per_row: int):
    """(B, T) ids and word ids: specials at both ends, then words of two tokens each."""
    word_ids = torch.full((rows, length), NO_WORD)
    inner = torch.arange(length - 2) // 2
    word_ids[:, 1 : length - 1] = inner.clamp(max=words_per_row - 1)
    input_ids = torch.randint(10, 50, (rows, length))
    return input_ids, word_ids


def test_fifteen_percent_chosen_and_eighty_ten_ten():
    generator = torch.Generator().manual_seed(0)
    input_ids, word_ids = _batch(400, 52, 25)
    rule = MaskingRule(0.15, False, mask_id=4, vocab_size=100_000)  # random ids rarely collide
    inputs, labels = mask_tokens(input_ids, word_ids, rule, generator)
    chosen = labels != -100
    share = chosen.sum().item() / (word_ids != NO_WORD).sum().item()
    assert abs(share - 0.15) < 0.01
    assert not chosen[word_ids == NO_WORD].any()  # never a special token
    assert torch.equal(labels[chosen], input_ids[chosen])
    masked = (inputs == 4) & chosen
    random_ids = chosen & ~masked & (inputs != input_ids)
    kept = chosen & (inputs == input_ids)
    n = chosen.sum().item()
    assert abs(masked.sum().item() / n - 0.8) < 0.02
    assert abs(random_ids.sum().item() / n - 0.1) < 0.02
    assert abs(kept.sum().item() / n - 0.1) < 0.02
    assert torch.equal(inputs[~chosen], input_ids[~chosen])


def test_whole_word_masking_hides_every_piece_of_a_chosen_word_alike():
    generator = torch.Generator().manual_seed(1)
    input_ids, word_ids = _batch(300, 42, 20)
    rule = MaskingRule(0.15, True, mask_id=4, vocab_size=100_000)
    inputs, labels = mask_tokens(input_ids, word_ids, rule, generator)
    chosen = labels != -100
    for row in range(300):
        for word in range(20):
            pieces = word_ids[row] == word
            assert chosen[row][pieces].all() or not chosen[row][pieces].any()
            # the pieces of a word share one draw: all [MASK], all random or all kept
            assert len(set((inputs[row][pieces] == 4).tolist())) == 1
    words_chosen = sum(
        bool(chosen[r][word_ids[r] == w].any()) for r in range(300) for w in range(20)
    )
    assert abs(words_chosen / 6000 - 0.15) < 0.015


def test_every_row_gets_at_least_one_blank():
    word_ids = torch.tensor([[NO_WORD, 0, 1, NO_WORD], [NO_WORD, 0, NO_WORD, NO_WORD]])
    for whole_word in (False, True):
        rule = MaskingRule(1e-9, whole_word, mask_id=4, vocab_size=5)
        chosen = choose_positions(word_ids, rule, torch.Generator().manual_seed(0))
        assert chosen.sum(dim=1).tolist() == [1, 1]
    nothing = torch.full((1, 3), NO_WORD)  # a row of special tokens only: nothing to hide
    assert not choose_positions(nothing, rule).any()


def test_fixed_masks_do_not_depend_on_the_batch_and_repeat_with_the_seed():
    tokenizer = _tokenizer()
    items = encode_lines(tokenizer, TEXTS, 32)
    rule = MaskingRule(0.3, True, tokenizer.mask_token_id, len(tokenizer))
    first = fixed_masks(items, rule, seed=5)
    assert first == fixed_masks(items, rule, seed=5)
    assert first[1:] == fixed_masks(items, rule, seed=5)[1:]
    assert first != fixed_masks(items, rule, seed=6)
    batch = MaskingCollator(rule, tokenizer.pad_token_id)(first)  # already masked: pad only
    assert batch["labels"].shape == batch["input_ids"].shape == batch["attention_mask"].shape
    assert (batch["labels"][batch["attention_mask"] == 0] == -100).all()


def test_blocks_keep_every_token_and_wrap_each_block_in_special_tokens():
    tokenizer = _tokenizer()
    lines = encode_lines(tokenizer, TEXTS, 64)
    blocks = encode_blocks(tokenizer, TEXTS, 8)
    assert all(len(b["input_ids"]) <= 8 for b in blocks)
    cls, sep = tokenizer.cls_token_id, tokenizer.sep_token_id
    assert all(b["input_ids"][0] == cls and b["input_ids"][-1] == sep for b in blocks)
    text_tokens = sum(len(item["input_ids"]) - 2 for item in lines)
    separators = len(TEXTS) - 1
    inner = sum(len(b["input_ids"]) - 2 for b in blocks)
    assert inner == text_tokens + separators
    for block in blocks:  # words numbered from 0 within each block, specials outside
        words = [w for w in block["word_ids"] if w != NO_WORD]
        assert words[0] == 0 and words == sorted(words)
