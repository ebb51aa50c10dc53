"""Templates, label masking, truncation and packing."""

from __future__ import annotations

import torch

from trtune.run.models import load_model, resolve_model
from trtune.tasks.lm.encode import IGNORE_INDEX, encode_records, encode_segments, make_batches
from trtune.tasks.lm.formats import DropReport, Record
from trtune.tasks.lm.templates import Segment, render_prompt, render_record


def _record(instruction="Faiz nedir?", inp="", output="Paranın kirasıdır."):
    user = {"role": "user", "content": instruction}
    if inp:
        user["input"] = inp
    return Record(row=1, messages=[user, {"role": "assistant", "content": output}])


def test_turkish_template_renders(tokenizer):
    segments = render_record(_record(inp="Kısaca."), "turkish", tokenizer)
    text = "".join(s.text for s in segments)
    assert (
        text == "### Talimat:\nFaiz nedir?\n\n### Girdi:\nKısaca.\n\n### Yanıt:\nParanın kirasıdır."
    )
    assert [s.train for s in segments] == [False, True]
    prompt = render_prompt([{"role": "user", "content": "Faiz nedir?"}], "turkish", tokenizer)
    assert prompt == "### Talimat:\nFaiz nedir?\n\n### Yanıt:\n"


def test_chat_template_used_when_present(tokenizer):
    chat_tok = tokenizer.__class__(tokenizer_object=tokenizer.backend_tokenizer)
    chat_tok.eos_token, chat_tok.pad_token = tokenizer.eos_token, tokenizer.pad_token
    chat_tok.chat_template = (
        "{% for m in messages %}<{{ m.role }}>{{ m.content }}\n{% endfor %}"
        "{% if add_generation_prompt %}<assistant>{% endif %}"
    )
    segments = render_record(_record(), "chat", chat_tok)
    assert segments[0].text == "<user>Faiz nedir?\n<assistant>"
    assert segments[1] == Segment("Paranın kirasıdır.\n", train=True)


def test_prompt_tokens_masked_response_tokens_kept(tokenizer):
    encoded = encode_records([_record()], tokenizer, "turkish", max_length=128)[0]
    prompt_ids = tokenizer("### Talimat:\nFaiz nedir?\n\n### Yanıt:\n")["input_ids"]
    n = len(prompt_ids)
    assert encoded.labels[:n] == [IGNORE_INDEX] * n
    response = tokenizer.decode([t for t in encoded.labels if t != IGNORE_INDEX])
    assert response.startswith("Paranın kirasıdır.")
    assert encoded.labels[-1] == tokenizer.eos_token_id == encoded.input_ids[-1]


def test_eos_survives_truncation_and_cut_responses_are_dropped(tokenizer):
    long = _record(output="Enflasyon verileri beklentilerin üzerinde geldi. " * 20)
    encoded = encode_records([long], tokenizer, "turkish", max_length=40)[0]
    assert len(encoded.input_ids) == 40
    assert encoded.input_ids[-1] == tokenizer.eos_token_id
    assert encoded.labels[-1] == tokenizer.eos_token_id
    drops = DropReport(kept=1)
    long_prompt = _record(instruction="Borsa İstanbul hisseler yükseldi. " * 30)
    assert encode_records([long_prompt], tokenizer, "turkish", 40, drops) == []
    assert drops.counts == {"response truncated away (raise --max-length)": 1}
    assert drops.kept == 0
    assert encode_segments([Segment("yalnız istem", train=False)], tokenizer, 40) is None


def test_packing_fills_blocks_and_keeps_examples_apart(tokenizer):
    records = [_record(output=f"Yanıt {i}" + " faiz" * (3 * i)) for i in range(6)]
    examples = encode_records(records, tokenizer, "turkish", max_length=64)
    padded = make_batches(examples, 8, 64, tokenizer.pad_token_id, pack=False)
    packed = make_batches(examples, 8, 160, tokenizer.pad_token_id, pack=True)
    assert len(packed[0].input_ids) == 2  # six examples in two blocks
    assert packed[0].tokens == padded[0].tokens == sum(len(e.input_ids) for e in examples)
    assert packed[0].input_ids.numel() < padded[0].input_ids.numel()
    # Same trained tokens, except nothing extra is trained in the packed block.
    assert packed[0].trained_tokens == padded[0].trained_tokens
    # The packed second example gives the same logits as alone: attention kept apart.
    model = load_model(resolve_model("tiny-gpt"), "causal-lm", tokenizer, seed=0).eval()
    batch = packed[0]
    starts = (batch.position_ids[0] == 0).nonzero().flatten().tolist()
    a, b = starts[1], starts[2]
    with torch.no_grad():
        together = model(**batch.model_inputs(), use_cache=False).logits[0, a:b]  # (n, V)
        alone = model(input_ids=batch.input_ids[:1, a:b]).logits[0]  # (n, V)
    assert torch.allclose(together, alone, atol=1e-4)


def test_drop_report_names_the_lowest_rows_in_order():
    drops = DropReport()
    for row in (40, 7, 93, 12, 3, 88, 15, 2):  # found in shuffled split order
        drops.drop("response truncated away (raise --max-length)", row)
    reason = "response truncated away (raise --max-length)"
    assert drops.first_rows[reason] == [2, 3, 7, 12, 15]
    assert drops.counts[reason] == 8
    assert "(rows 2, 3, 7, 12, 15)" in drops.summary()
