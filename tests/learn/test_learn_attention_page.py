"""`learn attention --model`: a trained model's attention as an offline page, or as JSON.

The numbers are compared with ``transformers``' own ``output_attentions`` for the same folder
and text: a tiny ``classify train`` folder, the MiniLM stand-in, a token-classification and a
masked-LM head, and a LoRA adapter reloaded on its base.
"""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest
import torch

from trtune.cli import main
from trtune.errors import UserError
from trtune.infer.attention import AttentionMap
from trtune.learn.attention_page import page_data, render_page
from trtune.run.outdir import atomic_write_json

TEXT = "Bu ürün çok güzel, herkese tavsiye ederim."
ENGLISH = "The movie was great, I loved it."
DATA_SCRIPT = re.compile(r'<script type="application/json" id="page-data">(.*?)</script>', re.S)


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[str, str]:
    try:
        main(args)
    except SystemExit as exc:
        assert exc.code in (0, None), capsys.readouterr().err
    captured = capsys.readouterr()
    return captured.out, captured.err


def _fails_with_one_line(args: list[str], capsys, *fragments: str) -> None:
    with pytest.raises(SystemExit) as exc:
        main(args)
    assert exc.value.code == 2
    err = [line for line in capsys.readouterr().err.splitlines() if line.strip()]
    assert len(err) == 1 and err[0].startswith("error: "), err
    for fragment in fragments:
        assert fragment in err[0], (fragment, err[0])


def _page_json(page: str) -> dict:
    return json.loads(DATA_SCRIPT.search(page).group(1))


def _outside_data(page: str) -> str:
    """The page without its embedded JSON (where both languages' sentences are)."""
    return DATA_SCRIPT.sub("", page)


def _reference(folder: Path, text: str, auto_class) -> tuple[list[str], torch.Tensor]:
    """Tokens and ``(L, H, T, T)`` attention straight from ``transformers``."""
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(str(folder))
    model = auto_class.from_pretrained(str(folder), attn_implementation="eager").eval()
    enc = tokenizer(text, return_tensors="pt")
    with torch.no_grad():
        out = model(**enc, output_attentions=True)
    tokens = tokenizer.convert_ids_to_tokens(enc["input_ids"][0].tolist())
    return tokens, torch.stack([a[0] for a in out.attentions])  # (L, H, T, T)


def _assert_matches(data: dict, tokens: list[str], expected: torch.Tensor, atol=2e-6) -> None:
    """``data`` (JSON: 6 decimals; the page: 4) holds ``tokens`` and ``expected``'s weights."""
    attention = torch.tensor(data["attention"], dtype=torch.float64)  # (L, H, T, T)
    assert data["tokens"] == tokens
    assert (data["layers"], data["heads"]) == tuple(expected.shape[:2])
    assert attention.shape == expected.shape
    ones = torch.ones(expected.shape[:3], dtype=torch.float64)
    torch.testing.assert_close(attention.sum(-1), ones, atol=len(tokens) * atol + 1e-6, rtol=0)
    torch.testing.assert_close(attention, expected.double(), atol=atol, rtol=0)


# ---- folders --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def classify_folder(tmp_path_factory) -> Path:
    """A real ``classify train --model tiny --method finetune --epochs 1`` folder."""
    root = tmp_path_factory.mktemp("attention-classify")
    rows = [(f"harika ürün çok güzel {i}", "olumlu") for i in range(12)]
    rows += [(f"berbat ürün çok kötü {i}", "olumsuz") for i in range(12)]
    with (root / "d.csv").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([("yorum", "duygu"), *rows])
    main_args = ["classify", "train", "--data", str(root / "d.csv"), "--model", "tiny",
                 "--method", "finetune", "--epochs", "1", "--out", str(root / "run")]  # fmt: skip
    try:
        main(main_args)
    except SystemExit as exc:
        assert exc.code in (0, None)
    return root / "run"


@pytest.fixture(scope="module")
def minilm() -> Path:
    from trtune.run.models import minilm_path

    try:
        return minilm_path()
    except UserError as exc:
        pytest.skip(str(exc))


def _tiny_head_folder(root: Path, head: str, task: str) -> Path:
    """A random tiny BERT with ``head``, saved with a ``trtune.json`` naming ``task``."""
    from trtune.run.models import load_model, resolve_model
    from trtune.run.presets import train_wordpiece_tokenizer

    tokenizer = train_wordpiece_tokenizer([TEXT, "Kargo geç geldi, hiç beğenmedim."] * 4, 200)
    model = load_model(resolve_model("tiny"), head, tokenizer, seed=0, labels=["O", "B-PER"])
    folder = root / task
    model.save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    atomic_write_json(folder / "trtune.json", {"task": task, "model": {"random_init": True}})
    return folder


# ---- the page, from a made-up map (no model) -----------------------------------------------


def _made_up_map(tokens: list[str]) -> AttentionMap:
    generator = torch.Generator().manual_seed(0)
    scores = torch.randn(2, 3, len(tokens), len(tokens), generator=generator)
    return AttentionMap(tokens=tokens, weights=torch.softmax(scores, dim=-1))


def test_page_escapes_the_text_and_keeps_every_token_and_weight() -> None:
    tokens = ["[CLS]", "</script>", "ğüşıöç", "##ler", "[SEP]"]
    text = "</script><script>alert(1)</script> İğdır"
    found = _made_up_map(tokens)
    page = render_page(page_data(found, "my/model", text, "en", random_init=False))
    assert "<script>alert" not in page and "&lt;/script&gt;&lt;script&gt;alert(1)" in page
    data = _page_json(page)
    assert data["tokens"] == tokens and data["text"] == text
    assert (data["layers"], data["heads"]) == (2, 3)
    torch.testing.assert_close(torch.tensor(data["attention"]), found.weights, atol=5e-5, rtol=0)
    assert "ğüşıöç" in page  # Turkish letters as they are, not \\u escapes
    assert 'id="notice" class="notice" hidden' in page  # not a random test model


def test_page_is_self_contained() -> None:
    page = render_page(page_data(_made_up_map(["a", "b"]), "m", "a b", "en", random_init=True))
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", page, re.I)
    assert "<link" not in page and not re.search(r"<script[^>]*\ssrc=", page)
    assert "@import" not in page and "url(" not in page
    assert "randomly initialised" in _outside_data(page)


def test_page_speaks_turkish_and_embeds_english_for_its_switch() -> None:
    found = _made_up_map(["a", "b"])
    page = render_page(page_data(found, "m", "a b", "tr", random_init=True))
    visible = _outside_data(page)
    assert '<html lang="tr">' in page
    for sentence in ("Kafa görünümü", "Model görünümü", "Dikkat haritası", "rastgele"):
        assert sentence in visible
    for sentence in ("Head view", "Model view", "randomly"):
        assert sentence not in visible
    strings = _page_json(page)["strings"]
    assert strings["en"]["page.head_view"] == "Head view"
    assert set(strings["tr"]) == set(strings["en"])


# ---- learn attention --model ---------------------------------------------------------------


def test_classify_folder_page_holds_every_token_and_says_random_init(
    classify_folder, tmp_path, capsys
) -> None:
    from transformers import AutoModelForSequenceClassification

    out = tmp_path / "sayfa" / "page.html"
    stdout, stderr = _run(["learn", "attention", "--model", str(classify_folder), TEXT,
                           "--out", str(out), "--lang", "en"], capsys)  # fmt: skip
    assert out.is_file() and "Page written" in stdout and str(out) in stdout
    assert "randomly initialised" in stderr
    page = out.read_text("utf-8")
    tokens, expected = _reference(classify_folder, TEXT, AutoModelForSequenceClassification)
    for token in tokens:
        assert token in page
    _assert_matches(_page_json(page), tokens, expected, atol=5.1e-5)
    assert '<html lang="en">' in page and "randomly initialised" in _outside_data(page)
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", page, re.I)


def test_classify_folder_json_equals_transformers(classify_folder, capsys) -> None:
    from transformers import AutoModelForSequenceClassification

    stdout, _ = _run(
        ["learn", "attention", "--model", str(classify_folder), TEXT, "--json"], capsys
    )
    data = json.loads(stdout)
    assert data["model"] == str(classify_folder) and data["text"] == TEXT
    tokens, expected = _reference(classify_folder, TEXT, AutoModelForSequenceClassification)
    _assert_matches(data, tokens, expected)


def test_minilm_json_equals_transformers_and_max_tokens_cuts(minilm, capsys) -> None:
    from transformers import AutoModel

    stdout, stderr = _run(["learn", "attention", "--model", str(minilm), ENGLISH, "--json"], capsys)
    tokens, expected = _reference(minilm, ENGLISH, AutoModel)
    _assert_matches(json.loads(stdout), tokens, expected)
    assert (json.loads(stdout)["layers"], json.loads(stdout)["heads"]) == (6, 12)
    assert "randomly" not in stderr
    stdout, _ = _run(["learn", "attention", "--model", str(minilm), ENGLISH, "--json",
                      "--max-tokens", "5"], capsys)  # fmt: skip
    data = json.loads(stdout)
    assert len(data["tokens"]) == 5 and data["tokens"][0] == "[CLS]"


def test_page_language_follows_lang_then_trtune_lang(minilm, tmp_path, capsys, monkeypatch) -> None:
    monkeypatch.setenv("TRTUNE_LANG", "tr")
    out = tmp_path / "page.html"
    stdout, _ = _run(["learn", "attention", "--model", str(minilm), ENGLISH, "--out", str(out)],
                     capsys)  # fmt: skip
    assert "Sayfa yazıldı" in stdout
    page = out.read_text("utf-8")
    assert '<html lang="tr">' in page and "Kafa görünümü" in _outside_data(page)
    assert 'id="notice" class="notice" hidden' in page  # a pretrained model: no notice
    _run(["learn", "attention", "--model", str(minilm), ENGLISH, "--out", str(out),
          "--lang", "en"], capsys)  # fmt: skip
    page = out.read_text("utf-8")
    assert '<html lang="en">' in page and "Head view" in _outside_data(page)
    assert "Kafa görünümü" not in _outside_data(page)


@pytest.mark.parametrize(
    ("head", "task", "auto_name"),
    [
        ("token-classification", "ner", "AutoModelForTokenClassification"),
        ("masked-lm", "mask", "AutoModelForMaskedLM"),
    ],
)
def test_ner_and_mask_folders(head, task, auto_name, tmp_path, capsys) -> None:
    import transformers

    folder = _tiny_head_folder(tmp_path, head, task)
    stdout, stderr = _run(["learn", "attention", "--model", str(folder), TEXT, "--json"], capsys)
    tokens, expected = _reference(folder, TEXT, getattr(transformers, auto_name))
    _assert_matches(json.loads(stdout), tokens, expected)
    assert "randomly initialised" in stderr or "rastgele" in stderr


def test_lora_adapter_loads_on_its_base(tmp_path, capsys) -> None:
    from peft import LoraConfig, TaskType, get_peft_model
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    from trtune.infer.kinds import save_preset_base, save_trained
    from trtune.run.models import resolve_model

    base = _tiny_head_folder(tmp_path, "sequence-classification", "classify")
    tokenizer = AutoTokenizer.from_pretrained(str(base))

    model = AutoModelForSequenceClassification.from_pretrained(
        str(base), attn_implementation="eager"
    )
    out = tmp_path / "adapter"
    save_preset_base(model, tokenizer, out)
    config = LoraConfig(task_type=TaskType.SEQ_CLS, target_modules=["query", "key"], r=4,
                        init_lora_weights=False)  # fmt: skip
    model = get_peft_model(model, config).eval()
    save_trained(model, tokenizer, out, merge=False, base=resolve_model("tiny"))
    assert (out / "adapter_config.json").is_file() and not (out / "config.json").is_file()
    enc = tokenizer(TEXT, return_tensors="pt")
    with torch.no_grad():
        expected = torch.stack([a[0] for a in model(**enc, output_attentions=True).attentions])
    base_only = _reference(base, TEXT, AutoModelForSequenceClassification)[1]
    assert (expected - base_only).abs().max() > 1e-3  # the adapter changes the attention
    stdout, _ = _run(["learn", "attention", "--model", str(out), TEXT, "--json"], capsys)
    tokens = tokenizer.convert_ids_to_tokens(enc["input_ids"][0].tolist())
    _assert_matches(json.loads(stdout), tokens, expected)


def test_features_folder_shows_its_encoder(tmp_path, capsys) -> None:
    """A ``classify train --method features`` folder: the frozen encoder in ``encoder/``."""
    from safetensors.torch import save_file
    from transformers import AutoModel

    from trtune.tasks.classify.head import FeatureHead

    folder = tmp_path / "features"
    folder.mkdir()
    encoder = _tiny_head_folder(tmp_path, "encoder", "classify").rename(folder / "encoder")
    meta = {"type": "trtune-feature-head", "encoder": "encoder", "pooling": "cls",
            "max_length": 16, "labels": ["negative", "positive"], "in_features": 64}  # fmt: skip
    atomic_write_json(folder / "head.json", meta)
    save_file(FeatureHead(64, 2).state_dict(), str(folder / "head.safetensors"))
    stdout, _ = _run(["learn", "attention", "--model", str(folder), TEXT, "--json"], capsys)
    tokens, expected = _reference(encoder, TEXT, AutoModel)
    _assert_matches(json.loads(stdout), tokens, expected)


# ---- errors and the worked example ---------------------------------------------------------


def test_bad_folders_and_missing_text_are_one_line_errors(tmp_path, capsys) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    _fails_with_one_line(["learn", "attention", "--model", str(empty), TEXT], capsys, "config")
    missing = str(tmp_path / "nowhere")
    _fails_with_one_line(["learn", "attention", "--model", missing, TEXT], capsys, "not found")
    _fails_with_one_line(["learn", "attention", "--model", "tiny", TEXT], capsys, "preset")
    _fails_with_one_line(["learn", "attention", "--model", str(empty)], capsys, "TEXT")
    _fails_with_one_line(["learn", "attention", TEXT], capsys, "--model")
    _fails_with_one_line(["learn", "attention", "--model", str(empty), TEXT, "--step", "2"],
                         capsys, "--step")  # fmt: skip
    (tmp_path / "tfidf").mkdir()
    (tmp_path / "tfidf" / "tfidf.json").write_text("{}", "utf-8")
    _fails_with_one_line(["learn", "attention", "--model", str(tmp_path / "tfidf"), TEXT],
                         capsys, "TF-IDF")  # fmt: skip


def test_without_model_the_worked_example_is_unchanged(capsys) -> None:
    data = json.loads(_run(["learn", "attention", "--json"], capsys)[0])
    assert data["scores"][1] == [4.0, 16.0, 12.0] and "tokens" not in data
