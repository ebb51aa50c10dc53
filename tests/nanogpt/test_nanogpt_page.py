"""The page's Python side: trace, kinds, packed weights, reference numbers, strings, CLI."""

from __future__ import annotations

import base64
import json
import re
import string
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import torch

from trtune.errors import UserError
from trtune.nanogpt.hf import load_pretrained, save_pretrained
from trtune.nanogpt.model import GPT, preset
from trtune.nanogpt.page import SCRIPTS, SECTION_IDS, page_data, write_page
from trtune.nanogpt.page_model import load_page_model, pack_weights
from trtune.nanogpt.page_notes import NOTES
from trtune.nanogpt.page_strings import STRINGS
from trtune.nanogpt.trace import trace_forward, trace_generation


@pytest.fixture
def model_dir(tmp_path) -> Path:
    torch.manual_seed(0)
    save_pretrained(GPT(preset("gpt-nano")), tmp_path / "m")
    return tmp_path / "m"


@pytest.fixture
def text_dir(tmp_path) -> Path:
    chars = sorted(set("Ankara Türkiye'nin başkentidir.\n"))
    torch.manual_seed(1)
    save_pretrained(GPT(preset("gpt-nano", vocab_size=len(chars), block_size=16)), tmp_path / "t")
    info = {"task": "text", "chars": chars}
    (tmp_path / "t" / "trtune.json").write_text(json.dumps(info, ensure_ascii=False), "utf-8")
    return tmp_path / "t"


def _page_json(html: str) -> dict:
    raw = re.search(r'id="page-data">(.*?)</script>', html, re.S).group(1)
    return json.loads(raw.replace("<\\/", "</"))


def test_trace_logits_equal_model_logits():
    torch.manual_seed(0)
    model = GPT(preset("gpt-nano")).eval()
    idx = [2, 1, 0, 1, 1, 2]
    rec = trace_forward(model, idx)
    logits, _ = model(torch.tensor([idx]))
    assert torch.allclose(rec["logits"], logits[0], atol=1e-6)
    layer = rec["layers"][0]
    assert layer["q"].shape == (3, 6, 16) and layer["att"].shape == (3, 6, 6)
    assert torch.allclose(layer["att"].sum(-1), torch.ones(3, 6))
    assert layer["att"][0, 0, 1:].abs().max() == 0  # causal: position 0 sees only itself
    assert torch.allclose(
        rec["x0"], model.transformer.wte.weight[idx] + model.transformer.wpe.weight[:6]
    )
    gen = trace_generation(model, idx, 6)
    assert [g["chosen"] for g in gen] == model.generate(torch.tensor([idx]), 6)[0, 6:].tolist()


def test_page_is_one_file_that_carries_the_model(model_dir, tmp_path):
    out = write_page("CBABBC", model_dir, tmp_path / "page.html", lang="tr")
    html = out.read_text(encoding="utf-8")
    for sec in SECTION_IDS:
        assert f'id="{sec}"' in html
    assert 'id="sequence"' in html and 'id="generated"' in html and 'id="map"' in html
    assert not re.search(r"(src|href)=\"https?:", html)  # no CDN, no network
    assert "<script src" not in html and "<link" not in html and "fetch(" not in html
    assert 'lang="tr"' in html and "Bir GPT'nin içi" in html
    for name, marker in zip(
        SCRIPTS,
        (
            "forward(",
            "legend(",
            "grid(",
            "computeNotes(",
            "renderQKV(",
            "renderAll(",
            "renderMap(",
            "start(",
        ),
        strict=True,
    ):  # every script is inlined
        assert f"function {marker}" in html, name
    data = _page_json(html)
    assert data["kind"] == "sort" and data["input"] == "CBABBC" and data["vocab"] == ["A", "B", "C"]
    assert set(data["strings"]) == {"tr", "en"} == set(data["notes"])
    assert data["weights"]["count"] == data["params"] == 85_728
    assert not list(tmp_path.glob("*.tmp"))


def test_packed_weights_are_the_models_float32_numbers(model_dir):
    model = load_pretrained(model_dir)
    packed = pack_weights(model)
    values = np.frombuffer(base64.b64decode(packed["data"]), dtype="<f4")
    assert values.size == packed["count"]
    state = model.state_dict()
    assert "transformer.h.0.attn.mask" not in packed["index"]
    for name, (offset, shape) in packed["index"].items():
        size = int(np.prod(shape))
        chunk = torch.from_numpy(values[offset : offset + size].copy()).view(shape)
        assert torch.equal(chunk, state[name]), name


def test_reference_numbers_are_pytorchs(model_dir, text_dir):
    sort_model = load_page_model(model_dir)
    data = page_data(sort_model, "CBABBC", "en")
    ref = data["reference"]
    answer = sort_model.model.generate(torch.tensor([[2, 1, 0, 1, 1, 2]]), 6)[0, 6:].tolist()
    assert ref["answer"] == answer and ref["context"] == [2, 1, 0, 1, 1, 2, *answer[:5]]
    logits = sort_model.model(torch.tensor([ref["context"]]))[0][0]
    assert torch.allclose(torch.tensor(ref["logits"]), logits, atol=1e-6)
    text_model = load_page_model(text_dir)
    ref = page_data(text_model, "Ankara", "tr")["reference"]
    logits = text_model.model(torch.tensor([text_model.encode("Ankara")]))[0][0]
    assert torch.allclose(torch.tensor(ref["logits"]), logits, atol=1e-6)


def test_model_kinds_prompts_and_errors(model_dir, text_dir, tmp_path):
    assert load_page_model(model_dir).kind == "sort"
    text = load_page_model(text_dir)
    assert text.kind == "text" and text.default_input() == "Türkiye'nin "
    assert text.encode("Ankara") == [text.vocab.index(ch) for ch in "Ankara"]
    assert len(text.encode("Ankara " * 5)) == 16  # only block_size characters fit
    with pytest.raises(UserError, match="vocabulary"):
        text.encode("Ankara€")
    with pytest.raises(UserError, match="empty"):
        text.encode("")
    torch.manual_seed(0)
    save_pretrained(GPT(preset("gpt-nano", vocab_size=5, block_size=8)), tmp_path / "other")
    with pytest.raises(UserError, match="not a sort model"):
        load_page_model(tmp_path / "other")
    (text_dir / "trtune.json").write_text(json.dumps({"task": "text", "chars": ["a"]}), "utf-8")
    with pytest.raises(UserError, match="1 characters"):
        load_page_model(text_dir)


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("table", [STRINGS, NOTES], ids=["strings", "notes"])
def test_every_page_string_exists_in_both_languages_with_the_same_fields(table):
    assert set(table) == {"tr", "en"}
    assert set(table["tr"]) == set(table["en"])
    for key in table["en"]:
        assert table["tr"][key].strip() and table["en"][key].strip(), key
        assert _fields(table["tr"][key]) == _fields(table["en"][key]), key


def test_every_key_the_scripts_use_is_in_the_tables():
    from importlib import resources

    folder = resources.files("trtune.nanogpt").joinpath("templates")
    js = "\n".join(folder.joinpath(name).read_text("utf-8") for name in SCRIPTS)
    used = set(re.findall(r"\bS\.(\w+)", js)) | set(re.findall(r'S\["(\w+)"\]', js))
    assert used and used <= set(STRINGS["en"]), used - set(STRINGS["en"])
    note_keys = set(re.findall(r'key: "(\w+)"', js))
    assert note_keys and note_keys <= set(NOTES["en"]), note_keys - set(NOTES["en"])


def test_viz_cli_errors(model_dir, text_dir, tmp_path):
    def run(*args):
        return subprocess.run([sys.executable, "-m", "trtune", "nanogpt", "viz", *args],
                              capture_output=True, text=True)  # fmt: skip

    bad_lang = run("CBABBC", "--model", str(model_dir), "--out", str(tmp_path / "p.html"),
                   "--lang", "de")  # fmt: skip
    assert bad_lang.returncode == 2 and bad_lang.stderr.startswith("error:")
    bad_seq = run("CBXBBC", "--model", str(model_dir), "--out", str(tmp_path / "p.html"))
    assert bad_seq.returncode == 2 and len(bad_seq.stderr.strip().splitlines()) == 1
    bad_prompt = run("Ankara€", "--model", str(text_dir), "--out", str(tmp_path / "p.html"))
    assert bad_prompt.returncode == 2 and "vocabulary" in bad_prompt.stderr
    assert len(bad_prompt.stderr.strip().splitlines()) == 1
    good = run("--model", str(text_dir), "--out", str(tmp_path / "t.html"), "--lang", "en")
    assert good.returncode == 0, good.stderr
    data = _page_json((tmp_path / "t.html").read_text(encoding="utf-8"))
    assert data["kind"] == "text" and data["input"] == "Türkiye'nin " and data["lang"] == "en"
    assert not (tmp_path / "p.html").exists()
