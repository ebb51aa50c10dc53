"""`trtune export gguf` on tiny GPT-2 and Llama folders: round trips (f16 logits, q8_0 greedy
answers), the tokenizer and chat template inside the file, the Modelfile, refusals, LoRA."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import torch
from transformers import AutoModelForCausalLM, BertConfig, BertForSequenceClassification

from trtune.cli import main
from trtune.export.gguf import MODELFILE, export_gguf
from trtune.export.gguf_check import F16_LOGIT_TOLERANCE, load_gguf
from trtune.export.gguf_templates import turkish_chat_template
from trtune.export.gguf_tensors import GGUF_ARCHITECTURES
from trtune.infer.kinds import save_preset_base, save_trained
from trtune.run.models import resolve_model
from trtune.run.presets import build_preset_model, preset_config, train_bpe_tokenizer
from trtune.tasks.lm.templates import render_prompt

gguf = pytest.importorskip("gguf")

TEXTS = [
    "Kripto para piyasasında fiyatlar hızla değişir.",
    "Borsa İstanbul'da işlem gören hisseler yükseldi.",
    "Merkez bankası faiz oranlarını sabit tuttu.",
    "Öğrenciler ışıklı çarşıda güzel bir gün geçirdi.",
] * 10
TURKISH = "Şişli'de ılık bir güz günü: İğde ağacının altında çocuklar ödev yapıyor, üzüm yiyor."
RECORD = {"task": "lm", "model": {"template": "turkish", "instruction_tuned": True}}


@pytest.fixture(scope="module", autouse=True)
def _one_thread():
    """One torch thread: tiny models gain nothing from more, and the machine is shared."""
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(threads)


def _tiny_lm(preset: str, seed: int = 0):
    tokenizer = train_bpe_tokenizer(TEXTS, vocab_size=400, max_length=256)
    model = build_preset_model(preset, preset_config(preset, tokenizer), AutoModelForCausalLM, seed)
    return model.eval(), tokenizer


def _lm_folder(root: Path, preset: str) -> Path:
    """A full causal-LM folder as ``lm train`` writes one (instruction-tuned, Turkish)."""
    model, tokenizer = _tiny_lm(preset)
    folder = root / preset
    save_trained(model, tokenizer, folder, merge=False, base=resolve_model(preset))
    (folder / "trtune.json").write_text(json.dumps(RECORD), "utf-8")
    return folder


@pytest.fixture(scope="module")
def folders(tmp_path_factory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("gguf")
    return {
        arch: _lm_folder(root, preset)
        for arch, preset in (("gpt2", "tiny-gpt"), ("llama", "tiny-llama"))
    }


@pytest.fixture(scope="module")
def exports(folders, tmp_path_factory):
    """Every (architecture, type) exported once; the tests below read the results."""
    root = tmp_path_factory.mktemp("out")
    return {
        (arch, kind): export_gguf(folder, root / arch / f"{kind}.gguf", kind)
        for arch, folder in folders.items()
        for kind in ("f16", "q8_0")
    }


@pytest.mark.parametrize("arch", ["gpt2", "llama"])
def test_f16_round_trip_keeps_the_logits(exports, arch):
    result = exports[(arch, "f16")]
    assert result.path.is_file() and result.size_bytes == result.path.stat().st_size
    assert result.check.same_ids and result.check.prompts == 3
    assert 0 < result.check.max_logit_diff <= F16_LOGIT_TOLERANCE


@pytest.mark.parametrize("arch", ["gpt2", "llama"])
def test_q8_0_round_trip_keeps_the_greedy_answers(exports, arch):
    f16, q8 = exports[(arch, "f16")], exports[(arch, "q8_0")]
    assert q8.check.same_greedy and q8.check.greedy_matches == 3
    # Q8_0 is smaller and moves the logits more than f16.
    assert q8.size_bytes < 0.7 * f16.size_bytes
    assert q8.check.max_logit_diff > f16.check.max_logit_diff


def test_q8_0_accepts_a_parting_only_at_a_near_tie():
    """Greedy answers may part where the original model itself barely prefers its token
    (any rounding flips that); parting where it is sure fails the q8_0 check."""
    from trtune.export.gguf_check import NEAR_TIE_GAP, CheckResult, parts_at_near_tie

    steps = [torch.tensor([0.0, 5.0, 1.0]), torch.tensor([2.0, 2.0 - NEAR_TIE_GAP / 2, 0.0])]
    assert parts_at_near_tie([1, 0], [1, 1], steps)  # step 2: 2.0 vs 1.95
    assert not parts_at_near_tie([1, 0], [2, 0], steps)  # step 1: 5.0 vs 1.0
    tie = CheckResult(3, True, 0.02, False, greedy_matches=2, near_ties=1)
    sure = CheckResult(3, True, 0.02, False, greedy_matches=2, near_ties=0)
    assert tie.passed("q8_0") and not sure.passed("q8_0")
    assert not CheckResult(3, False, 0.0, True, 3).passed("q8_0")  # other token ids


@pytest.mark.parametrize("arch", ["qwen2", "mistral"])
def test_qwen2_and_mistral_round_trip(tmp_path, arch):
    """Grouped-query attention (2 key/value heads for 4 query heads; Mistral's keys are
    reordered per key/value head) and Qwen2's attention biases survive the export."""
    from transformers import MistralConfig, Qwen2Config

    tokenizer = train_bpe_tokenizer(TEXTS, vocab_size=400, max_length=256)
    shape = dict(
        vocab_size=len(tokenizer),
        hidden_size=64,
        intermediate_size=128,
        num_hidden_layers=2,
        num_attention_heads=4,
        num_key_value_heads=2,
        eos_token_id=tokenizer.eos_token_id,
    )
    config = Qwen2Config(**shape) if arch == "qwen2" else MistralConfig(**shape)
    torch.manual_seed(0)
    model = AutoModelForCausalLM.from_config(config)
    with torch.no_grad():
        for name, param in model.named_parameters():
            if name.endswith(".bias"):
                param.normal_(0, 0.5)  # zero biases would hide a misplaced one
    save_trained(model, tokenizer, tmp_path / arch, merge=False, base=resolve_model("tiny-gpt"))
    result = export_gguf(tmp_path / arch, tmp_path / "out.gguf", "f16")
    assert result.check.same_ids and result.check.same_greedy
    assert 0 < result.check.max_logit_diff <= F16_LOGIT_TOLERANCE
    reader = gguf.GGUFReader(result.path)
    assert reader.fields["general.architecture"].contents() == GGUF_ARCHITECTURES[arch]
    assert reader.fields[f"{GGUF_ARCHITECTURES[arch]}.attention.head_count_kv"].contents() == 2
    assert result.template is None and "chat_template" not in str(list(reader.fields))


@pytest.mark.parametrize("arch", ["gpt2", "llama"])
def test_metadata_says_what_llama_cpp_needs(exports, folders, arch):
    reader = gguf.GGUFReader(exports[(arch, "f16")].path)

    def value(key):
        return reader.fields[key].contents()

    assert value("general.architecture") == arch
    assert value("tokenizer.ggml.model") == "gpt2" and value("tokenizer.ggml.pre") == "gpt2"
    assert value("tokenizer.ggml.eos_token_id") == 0  # <|endoftext|>
    assert value("tokenizer.ggml.padding_token_id") == 1
    assert value("tokenizer.ggml.add_bos_token") is False
    assert value("tokenizer.chat_template") == turkish_chat_template()
    types = value("tokenizer.ggml.token_type")
    assert types[:2] == [3, 3] and set(types[2:]) == {1}  # control specials, normal rest
    names = {t.name for t in reader.tensors}
    if arch == "gpt2":
        assert {"blk.0.attn_qkv.weight", "position_embd.weight", "output.weight"} <= names
    else:
        assert {"blk.1.attn_q.weight", "blk.1.ffn_gate.weight"} <= names
        assert "output.weight" not in names  # tied: llama.cpp reads token_embd


def test_turkish_tokenizer_round_trip(exports, folders):
    """The GGUF's tokenizer cuts a Turkish sentence (ş ğ ı İ ö ü ç) into the same ids and
    gives the text back."""
    from transformers import AutoTokenizer

    original = AutoTokenizer.from_pretrained(str(folders["gpt2"]))
    _, rebuilt = load_gguf(exports[("gpt2", "q8_0")].path)
    ids = original(TURKISH, add_special_tokens=False)["input_ids"]
    assert rebuilt(TURKISH, add_special_tokens=False)["input_ids"] == ids
    assert rebuilt.decode(ids) == TURKISH
    assert rebuilt.eos_token == "<|endoftext|>"


def test_chat_template_renders_the_training_template(exports, folders):
    """The Jinja template in the file writes a conversation exactly as training did."""
    from transformers import AutoTokenizer

    original = AutoTokenizer.from_pretrained(str(folders["llama"]))
    _, rebuilt = load_gguf(exports[("llama", "f16")].path)
    messages = [
        {"role": "system", "content": "Kısa yanıt ver."},
        {"role": "user", "content": "Faiz nedir?"},
        {"role": "assistant", "content": "Paranın bedeli."},
        {"role": "user", "content": "Ya enflasyon?"},
    ]
    rendered = rebuilt.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
    assert rendered == render_prompt(messages, "turkish", original)
    assert rendered.endswith("### Yanıt:\n") and "Paranın bedeli.<|endoftext|>" in rendered


def test_modelfile_has_the_template_and_the_stop_token(exports):
    result = exports[("llama", "q8_0")]
    text = result.modelfile.read_text("utf-8")
    assert result.modelfile == result.path.parent / MODELFILE
    assert "FROM ./q8_0.gguf\n" in text
    assert 'PARAMETER stop "<|endoftext|>"' in text
    template = text.split('TEMPLATE """', 1)[1].split('"""', 1)[0]
    for header in (r'"### Sistem:\n"', r'"### Talimat:\n"', r'"### Yanıt:\n"'):
        assert header in template
    assert "range .Messages" in template and "{{ .Content }}<|endoftext|>" in template


def test_modelfile_for_chatml_and_plain_text_models():
    """A ChatML-trained model (``--template chat``) stops at <|im_end|> too; a plain-text
    model gets its prompt as it is."""
    from types import SimpleNamespace

    from trtune.export.gguf_templates import modelfile_text

    chatml = SimpleNamespace(eos_token="<|endoftext|>", chat_template="<|im_start|>{{ x }}")
    text = modelfile_text("m.gguf", "chat", chatml)
    assert "<|im_start|>assistant" in text and 'PARAMETER stop "<|im_end|>"' in text
    assert 'PARAMETER stop "<|endoftext|>"' in text
    plain = modelfile_text("m.gguf", None, SimpleNamespace(eos_token="</s>", chat_template=None))
    assert 'TEMPLATE """{{ .Prompt }}"""' in plain and 'PARAMETER stop "</s>"' in plain


def _run(args, capsys):
    with pytest.raises(SystemExit) as exc:
        main(args)
    return exc.value.code, capsys.readouterr()


def _one_line_error(code, io, *fragments):
    lines = [line for line in io.err.splitlines() if line.strip()]
    assert code == 2 and len(lines) == 1 and lines[0].startswith("error: "), io.err
    for fragment in fragments:
        assert fragment in lines[0]


def test_encoder_folder_is_refused_in_one_line(tmp_path, capsys):
    folder = tmp_path / "classifier"
    config = BertConfig(vocab_size=50, hidden_size=32, num_hidden_layers=1, num_attention_heads=2)
    BertForSequenceClassification(config).save_pretrained(folder)
    capsys.readouterr()  # the save's own progress bar
    out = tmp_path / "out" / "model.gguf"
    code, io = _run(["export", "gguf", "--model", str(folder), "--out", str(out)], capsys)
    _one_line_error(code, io, "classify model", "export onnx", "Llama, Qwen2, Mistral, GPT-2")
    assert not out.parent.exists()


def test_unsupported_architecture_is_refused_in_one_line(tmp_path, capsys):
    folder = tmp_path / "neox"
    folder.mkdir()
    config = {"model_type": "gpt_neox", "architectures": ["GPTNeoXForCausalLM"]}
    (folder / "config.json").write_text(json.dumps(config), "utf-8")
    out = tmp_path / "out" / "model.gguf"
    code, io = _run(["export", "gguf", "--model", str(folder), "--out", str(out)], capsys)
    _one_line_error(code, io, "gpt_neox", "Llama, Qwen2, Mistral, GPT-2")
    assert not out.parent.exists()


def test_existing_file_needs_overwrite(exports, folders, capsys):
    out = exports[("gpt2", "f16")].path
    before = out.stat().st_mtime_ns
    code, io = _run(["export", "gguf", "--model", str(folders["gpt2"]), "--out", str(out)], capsys)
    _one_line_error(code, io, "--overwrite")
    assert out.stat().st_mtime_ns == before


def test_failed_check_removes_the_file(folders, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("trtune.export.gguf_check.F16_LOGIT_TOLERANCE", -1.0)
    out = tmp_path / "new" / "model.gguf"
    args = ["export", "gguf", "--model", str(folders["gpt2"]), "--out", str(out), "--lang", "en"]
    code, io = _run(args, capsys)
    _one_line_error(code, io, "check failed", "file was removed")
    assert list(tmp_path.iterdir()) == []  # no GGUF, staging file, Modelfile or new folder


def test_lora_adapter_folder_is_merged(tmp_path):
    """An adapter folder is folded into its base: the GGUF holds the merged weights."""
    from peft import LoraConfig, get_peft_model

    base, tokenizer = _tiny_lm("tiny-gpt", seed=1)
    folder = tmp_path / "adapter"
    save_preset_base(base, tokenizer, folder)
    lora = LoraConfig(
        task_type="CAUSAL_LM", target_modules=["c_attn"], r=4, lora_alpha=8, fan_in_fan_out=True
    )
    model = get_peft_model(base, lora)
    with torch.no_grad():
        for name, param in model.named_parameters():
            if "lora_B" in name:
                param.normal_(0, 0.5)  # a trained adapter changes the answers
    save_trained(model, tokenizer, folder, merge=False, base=resolve_model("tiny-gpt"))
    (folder / "trtune.json").write_text(json.dumps(RECORD), "utf-8")
    merged = model.merge_and_unload().eval()
    base_only = AutoModelForCausalLM.from_pretrained(str(folder / "base_model")).eval()

    result = export_gguf(folder, tmp_path / "merged.gguf", "f16")
    assert result.check.max_logit_diff <= F16_LOGIT_TOLERANCE
    exported, _ = load_gguf(result.path)
    ids = torch.tensor([tokenizer("Faiz nedir?", add_special_tokens=False)["input_ids"]])
    with torch.no_grad():
        logits = exported(ids).logits  # (1, T, V)
        assert (logits - merged(ids).logits).abs().max() <= F16_LOGIT_TOLERANCE
        assert (logits - base_only(ids).logits).abs().max() > 0.1


def test_llama_cpp_generates_and_stops_at_the_end_token(exports, folders):
    """llama.cpp itself (where llama-cpp-python installs; not on the development machine)
    reads the file: the same token ids and greedy answer as transformers, and it stops
    where the model writes <|endoftext|>."""
    llama_cpp = pytest.importorskip("llama_cpp")
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(str(folders["llama"]))
    model = AutoModelForCausalLM.from_pretrained(str(folders["llama"])).eval()
    llm = llama_cpp.Llama(str(exports[("llama", "f16")].path), n_ctx=256, verbose=False)
    prompt = render_prompt([{"role": "user", "content": "Faiz nedir?"}], "turkish", tokenizer)
    ids = tokenizer(prompt, add_special_tokens=False)["input_ids"]
    assert llm.tokenize(prompt.encode(), add_bos=False, special=True) == ids
    assert llm.token_eos() == tokenizer.eos_token_id
    new = model.generate(
        torch.tensor([ids]), do_sample=False, max_new_tokens=24, eos_token_id=0, pad_token_id=1
    )[0, len(ids) :].tolist()
    done = llm.create_completion(prompt, max_tokens=24, temperature=0.0)["choices"][0]
    ended = 0 in new
    answer = new[: new.index(0)] if ended else new
    assert done["text"] == tokenizer.decode(answer)
    assert done["finish_reason"] == ("stop" if ended else "length")
