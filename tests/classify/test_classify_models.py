"""trtune.run.models: presets, folders, Hub names offline, the MiniLM folder."""

from __future__ import annotations

import socket

import pytest

import trtune.run.models
from trtune.errors import UserError
from trtune.run.models import (
    hub_reachable,
    load_model,
    load_tokenizer,
    minilm_path,
    resolve_model,
)
from trtune.run.presets import train_wordpiece_tokenizer
from trtune.run.tokenizer_fold import fold_dotless_i, folds_dotless_i


def test_resolve_kinds(tmp_path):
    assert resolve_model("tiny").kind == "preset"
    assert resolve_model("dbmdz/bert-base-turkish-cased").kind == "hub"
    (tmp_path / "config.json").write_text("{}")
    assert resolve_model(str(tmp_path)).kind == "folder"
    with pytest.raises(UserError, match="model folder not found"):
        resolve_model("./no/such/folder")


def test_wordpiece_keeps_turkish_letters_and_case():
    texts = ["Işık ılık süt içti", "İstanbul güzel şehir", "ışık ve İĞNE"] * 20
    tokenizer = train_wordpiece_tokenizer(texts, vocab_size=200)
    ids = tokenizer("Işık İstanbul")["input_ids"]
    assert tokenizer.convert_ids_to_tokens(ids)[0] == "[CLS]"
    assert tokenizer.decode(ids, skip_special_tokens=True) == "Işık İstanbul"
    assert tokenizer.unk_token_id not in ids


def test_tiny_models_build_offline():
    source = resolve_model("tiny")
    tokenizer = load_tokenizer(source, ["iyi ürün", "kötü ürün"] * 10)
    encoder = load_model(source, "encoder", tokenizer)
    assert encoder.config.hidden_size == 64 and encoder.config.num_hidden_layers == 2
    model = load_model(
        source, "sequence-classification", tokenizer, labels=["negative", "positive"]
    )
    assert model.config.id2label == {0: "negative", 1: "positive"}


def test_hub_name_offline_is_one_line(tmp_path, monkeypatch):
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    source = resolve_model("someone/not-cached-model")
    with pytest.raises(UserError) as info:
        load_tokenizer(source)
    message = info.value.message()
    assert "\n" not in message
    assert "someone/not-cached-model" in message and "--model path/to/folder" in message


class _RecordingLoader:
    calls: list[dict] = []

    @classmethod
    def from_pretrained(cls, name, **kwargs):
        cls.calls.append(kwargs)
        raise OSError(f"{name} not found")


@pytest.mark.parametrize("reachable", [False, True])
def test_hub_name_goes_online_only_when_the_hub_answers(monkeypatch, reachable):
    """Without the quick connect, an offline Hub client retries for about 45 s."""
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    monkeypatch.setattr(trtune.run.models, "hub_reachable", lambda: reachable)
    _RecordingLoader.calls = []
    with pytest.raises(UserError, match="someone/model"):
        trtune.run.models.from_pretrained(_RecordingLoader, resolve_model("someone/model"))
    online = [c for c in _RecordingLoader.calls if not c.get("local_files_only")]
    assert _RecordingLoader.calls[0] == {"local_files_only": True}
    assert len(online) == (1 if reachable else 0)


def test_hub_reachable_connects_to_the_endpoint(monkeypatch):
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    monkeypatch.delenv("TRANSFORMERS_OFFLINE", raising=False)
    with socket.create_server(("127.0.0.1", 0)) as server:
        monkeypatch.setenv("HF_ENDPOINT", f"http://127.0.0.1:{server.getsockname()[1]}")
        assert hub_reachable(timeout=1.0) is True
    monkeypatch.setenv("HF_ENDPOINT", "http://127.0.0.1:9")
    assert hub_reachable(timeout=1.0) is False
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    assert hub_reachable() is False


def test_unloadable_hub_model_leaves_no_output_folder(tmp_path, monkeypatch, capsys):
    from trtune.cli import main

    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    data = tmp_path / "d.csv"
    rows = "".join(f"iyi ürün {i},pos\nkötü ürün {i},neg\n" for i in range(20))
    data.write_text("text,label\n" + rows, "utf-8")
    out = tmp_path / "runs" / "run"
    with pytest.raises(SystemExit) as exc:
        main(["classify", "train", "--data", str(data), "--model", "someone/not-cached-model",
              "--method", "finetune", "--out", str(out)])  # fmt: skip
    assert exc.value.code == 2
    assert "someone/not-cached-model" in capsys.readouterr().err
    assert not out.exists()


def test_minilm_path_is_a_model_folder():
    folder = minilm_path()
    assert (folder / "config.json").is_file() and (folder / "model.safetensors").is_file()
    source = resolve_model(str(folder))
    assert source.kind == "folder"
    assert load_model(source, "encoder", load_tokenizer(source)).config.hidden_size == 384


def test_accent_stripping_tokenizer_folds_dotless_i_and_keeps_it_when_saved(tmp_path):
    from transformers import AutoTokenizer

    source = resolve_model(str(minilm_path()))
    plain = load_tokenizer(source, fold=False)
    folded = load_tokenizer(source)
    assert not folds_dotless_i(plain) and folds_dotless_i(folded)
    # Unfolded, the same word has two spellings and ı words fall apart into letters.
    assert plain.tokenize("IŞIK") != plain.tokenize("ışık")
    assert folded.tokenize("IŞIK") == folded.tokenize("ışık") == folded.tokenize("isik")
    assert "##ı" in plain.tokenize("kısa") and "##ı" not in folded.tokenize("sıkıntı kısa")
    # Everything else is as before: the same ids for text without ı, the same specials.
    text = "Ürün çok güzel, kargo hızlı geldi"
    assert folded(text.replace("ı", "i"))["input_ids"] == plain(text.replace("ı", "i"))["input_ids"]
    assert folded.pad_token_id == plain.pad_token_id and folded.model_max_length == 512
    folded.save_pretrained(tmp_path)
    again = AutoTokenizer.from_pretrained(tmp_path)  # plain transformers keeps the fold
    assert again(text)["input_ids"] == folded(text)["input_ids"]
    assert again(text)["token_type_ids"] == [0] * len(folded(text)["input_ids"])


def test_tokenizers_that_keep_turkish_letters_are_not_folded():
    cased = train_wordpiece_tokenizer(["Işık ılık süt içti", "İstanbul güzel"] * 20, 200)
    assert fold_dotless_i(cased) is cased and not folds_dotless_i(cased)
