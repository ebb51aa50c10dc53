"""data tokens: the tokenizer report on small texts with known answers."""

from __future__ import annotations

import json

import pytest
from tokenizers import Regex, Tokenizer, models, normalizers, pre_tokenizers
from transformers import PreTrainedTokenizerFast

from tests.conftest import assert_one_line_error, run_cli
from trtune.run.models import minilm_path
from trtune.run.presets import train_bpe_tokenizer, train_wordpiece_tokenizer
from trtune.tasks.mask.tokens import tokenizer_report
from trtune.tasks.mask.words import WORD_RE, word_spans

TEXT = [
    "Ankara'da kitaplarımızdan birini okuduk.",
    "Işık ılık, şişe çiçek ve öğrenci üzüm yedi.",
    "İstanbul'un kitaplarımızdan biri güzel.",
    "Kitaplarımızdan hangisi? Ankara'da bilmem.",
]


def _save(tokenizer: Tokenizer, folder, **special) -> str:
    fast = PreTrainedTokenizerFast(tokenizer_object=tokenizer, model_max_length=64, **special)
    fast.save_pretrained(folder)
    return str(folder)


def _word_level(folder) -> str:
    """A vocabulary holding every word of TEXT as one token."""
    vocab = {"[UNK]": 0}
    for text in TEXT:
        for start, end in word_spans(text):
            vocab.setdefault(text[start:end], len(vocab))
    tok = Tokenizer(models.WordLevel(vocab, unk_token="[UNK]"))
    tok.pre_tokenizer = pre_tokenizers.Sequence(
        [pre_tokenizers.WhitespaceSplit(), pre_tokenizers.Split(Regex(WORD_RE.pattern), "isolated")]
    )
    return _save(tok, folder, unk_token="[UNK]")


def _accent_stripping(folder) -> str:
    """An uncased WordPiece that lower-cases and strips accents the English way."""
    base = train_wordpiece_tokenizer(TEXT * 2, vocab_size=400)
    tok = Tokenizer.from_str(base.backend_tokenizer.to_str())
    tok.normalizer = normalizers.BertNormalizer(lowercase=True, strip_accents=True)
    return _save(tok, folder, unk_token="[UNK]", mask_token="[MASK]")


def test_a_word_level_vocabulary_has_fertility_one(tmp_path):
    report = tokenizer_report(_word_level(tmp_path / "words"), TEXT)
    assert report.words == 20  # punctuation is not a word; Ankara'da is one
    assert report.fertility == 1.0 and report.kept_whole == 1.0
    assert report.unknown_rate == 0.0 and report.byte_fallback_share == 0.0
    assert report.apostrophe["words"] == 3 and report.apostrophe["fertility"] == 1.0
    assert report.apostrophe["split_at_apostrophe"] == 0.0
    assert report.most_split == []  # nothing is split
    assert report.context_tokens == 64
    assert report.words_in_context == int(64 / report.tokens_per_word_all)
    assert not (report.strips_accents or report.lowercases or report.folds_i_wrongly)


def test_an_accent_stripping_tokenizer_is_flagged(tmp_path):
    report = tokenizer_report(_accent_stripping(tmp_path / "uncased"), TEXT)
    assert report.strips_accents and report.lowercases and report.folds_i_wrongly
    assert report.letters["ş"] == "s" and report.letters["I"] == "i"
    cased = tokenizer_report("tiny", TEXT)  # trtune's preset keeps case and accents
    assert not (cased.strips_accents or cased.lowercases or cased.folds_i_wrongly)
    assert cased.trained_on_this_text


def test_the_most_split_frequent_word_comes_first():
    tokenizer = train_wordpiece_tokenizer(TEXT, vocab_size=10)  # letters only, no words
    from trtune.tasks.mask.tokens import count_tokens, most_split

    counts = count_tokens(tokenizer, TEXT)
    top = most_split(counts)[0]
    assert top["word"] == "kitaplarımızdan" and top["count"] == 2
    assert len(top["tokens"]) == len("kitaplarımızdan")  # spelled letter by letter
    assert "".join(t.removeprefix("##") for t in top["tokens"]) == "kitaplarımızdan"


def test_byte_level_pieces_are_counted_as_byte_fallback(tmp_path):
    bpe = train_bpe_tokenizer(TEXT, vocab_size=258, max_length=64)  # bytes only: no merges
    bpe.save_pretrained(tmp_path / "bytes")
    report = tokenizer_report(str(tmp_path / "bytes"), TEXT)
    assert 0.05 < report.byte_fallback_share < 0.5  # the halves of ş, ğ, ı, İ, ç, ö, ü
    assert report.fertility > 4 and not report.strips_accents


def test_cli_json_table_html_and_errors(tmp_path):
    text = tmp_path / "metin.txt"
    text.write_text("\n".join(TEXT), encoding="utf-8")
    words = _word_level(tmp_path / "words")
    page = tmp_path / "rapor.html"
    result = run_cli("data", "tokens", str(text), "--model", words, "--model", "tiny",
                     "--json", "--html", str(page))  # fmt: skip
    assert result.returncode == 0, result.stderr
    reports = json.loads(result.stdout)
    assert [r["model"] for r in reports] == [words, "tiny"]
    assert reports[0]["fertility"] == 1.0 and "kept_whole" in reports[0]
    assert "<img" in page.read_text(encoding="utf-8")
    table = run_cli("data", "tokens", str(text), "--model", "tiny", "--lang", "tr")
    assert "kelime başına belirteç" in table.stdout and "GPT-2 ~3,8" in table.stdout
    assert_one_line_error(run_cli("data", "tokens", str(text)), "--model")
    empty = tmp_path / "bos.txt"
    empty.write_bytes(b"")
    assert_one_line_error(run_cli("data", "tokens", str(empty), "--model", "tiny"), "empty")
    assert_one_line_error(
        run_cli("data", "tokens", str(text), "--model", str(tmp_path)), "no tokenizer"
    )


@pytest.mark.slow
def test_minilm_pays_the_turkish_tax():
    report = tokenizer_report(str(minilm_path()), TEXT)
    assert report.fertility > 2 and report.kept_whole < 0.5
    assert report.strips_accents and report.folds_i_wrongly
    assert report.apostrophe["probes"]["Ankara'da"] == ["ankara", "'", "da"]
    assert report.context_tokens == 512
