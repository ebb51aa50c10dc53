"""The `trtune ner` commands: train, predict (arguments, --file, stdin, --json), eval, the
four layouts, LoRA, --resume, and one-line errors for hostile input."""

from __future__ import annotations

import json

import pytest

from tests.conftest import assert_one_line_error, run_cli
from trtune.cli import main

pytestmark = pytest.mark.slow  # trains tiny models


def call(args: list[str], capsys, stdin: str | None = None, monkeypatch=None):
    """``trtune ARGS`` in-process: (exit code, stdout, stderr)."""
    if stdin is not None:
        import io

        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = 0
    try:
        main(args)
    except SystemExit as exc:
        code = int(exc.code or 0)
    out = capsys.readouterr()
    return code, out.out, out.err


QUICK = ["--model", "tiny", "--epochs", "2"]


@pytest.fixture(scope="module")
def trained(conll_file, tmp_path_factory):
    """`ner train` through the CLI (Turkish output), a few epochs."""
    out = tmp_path_factory.mktemp("cli") / "model"
    result = run_cli("ner", "train", "--data", str(conll_file), "--out", str(out), "--lang",
                     "tr", "--model", "tiny", "--epochs", "6")  # fmt: skip
    assert result.returncode == 0, result.stderr
    return out, result


def test_train_prints_the_score_beside_the_baseline_in_turkish(trained):
    out, result = trained
    assert "varlık F1" in result.stdout and "en sık etiket tabanı" in result.stdout
    assert "veri: 124 cümle" in result.stderr
    assert (out / "report.html").read_text().startswith('<!doctype html>\n<html lang="tr">')


def test_predict_arguments_file_stdin_and_json(trained, tmp_path, capsys, monkeypatch):
    out = str(trained[0])
    code, stdout, _ = call(["ner", "predict", "--model", out, "--json",
                            "Ali Yılmaz Samsun'a gitti.", "Zeynep geldi."], capsys)  # fmt: skip
    assert code == 0
    rows = [json.loads(line) for line in stdout.splitlines()]
    assert [r["text"] for r in rows] == ["Ali Yılmaz Samsun'a gitti.", "Zeynep geldi."]
    for row in rows:
        for entity in row["entities"]:
            assert set(entity) == {"type", "start", "end", "text", "score"}
            assert row["text"][entity["start"] : entity["end"]] == entity["text"]
    texts = tmp_path / "metinler.txt"
    texts.write_text("\ufeffAli Yılmaz Samsun'a gitti.\n\nZeynep geldi.\n", encoding="utf-8")
    code, from_file, _ = call(["ner", "predict", "--model", out, "--json", "--file",
                               str(texts)], capsys)  # fmt: skip
    assert code == 0 and from_file == stdout
    code, plain, _ = call(["ner", "predict", "--model", out, "-"], capsys,
                          stdin="Zeynep geldi.\n", monkeypatch=monkeypatch)  # fmt: skip
    assert code == 0 and plain.splitlines()[0] == "Zeynep geldi."


def test_eval_on_a_file(trained, conll_file, capsys):
    code, stdout, _ = call(["ner", "eval", "--model", str(trained[0]), "--data",
                            str(conll_file), "--json"], capsys)  # fmt: skip
    assert code == 0
    metrics = json.loads(stdout)
    assert metrics["n"] == 124 and metrics["unknown_types"] == []
    assert 0 <= metrics["f1"] <= 1 and "PERSON" in metrics["per_type"]
    code, stdout, _ = call(["ner", "eval", "--model", str(trained[0]), "--data",
                            str(conll_file), "--lang", "en"], capsys)  # fmt: skip
    assert code == 0 and "entity F1" in stdout and "(124 sentences)" in stdout


def _layouts(tmp_path, sentences):
    """The same sentences written in each of the four layouts."""
    conll = tmp_path / "a.conll"
    conll.write_text("\n\n".join("\n".join(f"{w} {t}" for w, t in s) for s in sentences) + "\n")
    table = tmp_path / "b.csv"
    rows = ["sentence_id;word;tag"]
    for i, s in enumerate(sentences):
        rows += [f"{i + 1 if j == 0 else ''};{w};{t}" for j, (w, t) in enumerate(s)]
    table.write_text("\n".join(rows) + "\n", encoding="utf-8")
    tokens = tmp_path / "c.jsonl"
    tokens.write_text("\n".join(json.dumps({"tokens": [w for w, _ in s], "tags": [t for _, t in s]},
                                           ensure_ascii=False) for s in sentences))  # fmt: skip
    spans = tmp_path / "d.json"
    records = []
    for s in sentences:
        text, entities = "", []
        for w, t in s:
            start = len(text) + (1 if text else 0)
            text = f"{text} {w}" if text else w
            if t.startswith("B-"):
                entities.append([start, len(text), t[2:]])
            elif t.startswith("I-"):
                entities[-1][1] = len(text)
        records.append({"text": text, "entities": entities})
    spans.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    return {"conll": conll, "token-table": table, "jsonl-tokens": tokens, "json-spans": spans}


def test_train_eval_predict_on_all_four_layouts(tmp_path, capsys):
    from ner_testdata import tagged_sentences

    sentences = tagged_sentences(30, seed=3)
    files = _layouts(tmp_path, sentences)
    for layout, path in files.items():
        out = tmp_path / f"out-{layout}"
        code, stdout, err = call(["ner", "train", "--data", str(path), "--out", str(out),
                                  *QUICK, "--lang", "en"], capsys)  # fmt: skip
        assert code == 0, (layout, err)
        assert f"({layout}, IOB2)" in err and "entity F1" in stdout
        record = json.loads((out / "trtune.json").read_text())
        assert record["data"]["format"] == layout
        assert record["data"]["drops"]["kept"] == len(sentences)
        code, stdout, _ = call(["ner", "eval", "--model", str(out), "--data", str(path),
                                "--json"], capsys)  # fmt: skip
        assert code == 0 and json.loads(stdout)["n"] == len(sentences)
        code, stdout, _ = call(["ner", "predict", "--model", str(out), "Ali geldi."], capsys)
        assert code == 0 and stdout.startswith("Ali geldi.")


def test_lora_adapter_and_merged_folders(conll_file, tmp_path, capsys):
    from transformers import pipeline

    from trtune.infer.ner import load_tagger

    adapter, merged = tmp_path / "lora", tmp_path / "merged"
    for out, extra in ((adapter, []), (merged, ["--merge"])):
        code, _, err = call(["ner", "train", "--data", str(conll_file), "--out", str(out),
                             "--method", "lora", "--model", "tiny", "--epochs", "3", *extra],
                            capsys)  # fmt: skip
        assert code == 0, err
    assert (adapter / "adapter_config.json").is_file() and (adapter / "base_model").is_dir()
    assert (merged / "config.json").is_file() and (merged / "adapter").is_dir()
    texts = ["Orhan Pamuk Ankara'ya gitti.", "Ankara Gücü kazandı.", "Zeynep 2020'de geldi."]
    assert all(len(r.tags) >= 3 for r in load_tagger(adapter).predict(texts))
    kept_adapter = load_tagger(merged / "adapter").predict(texts)  # the adapter --merge keeps
    from_merged = load_tagger(merged).predict(texts)
    assert [r.tags for r in kept_adapter] == [r.tags for r in from_merged]  # merging is exact
    ner = pipeline("token-classification", model=str(merged), aggregation_strategy="simple")
    types = {"PERSON", "GPE", "DATE", "ORG"}
    assert all(e["entity_group"] in types for e in ner(texts[0]))  # a plain transformers folder


def test_resume_continues_and_a_changed_split_is_refused(tmp_path, capsys):
    from ner_testdata import write_conll

    data = write_conll(tmp_path / "d.conll", 40)
    out = tmp_path / "run"
    args = ["ner", "train", "--data", str(data), "--out", str(out), *QUICK]
    assert call(args, capsys)[0] == 0
    steps = json.loads((out / "trtune.json").read_text())["steps"]
    code, _, err = call(args, capsys)
    assert code == 2 and "--resume" in err and "--overwrite" in err
    code, _, err = call([*args, "--resume", "--epochs", "3"], capsys)
    assert code == 0, err
    record = json.loads((out / "trtune.json").read_text())
    assert record["resumed_from"].endswith(f"checkpoint-{steps}")  # the last epoch's
    assert record["steps"] == steps * 3 // 2
    write_conll(data, 40, seed=5)  # other sentences: the split differs
    code, _, err = call([*args, "--resume", "--epochs", "4"], capsys)
    assert code == 2 and "data split differs" in err


def test_dry_run_plan(conll_file, tmp_path, capsys):
    code, stdout, _ = call(["ner", "train", "--data", str(conll_file), "--out",
                            str(tmp_path / "x"), "--dry-run", "--json"], capsys)  # fmt: skip
    assert code == 0 and not (tmp_path / "x").exists()
    plan = json.loads(stdout)
    assert plan["task"] == "ner" and plan["split_sizes"] == {"train": 99, "validation": 12,
                                                             "test": 13}  # fmt: skip
    assert plan["tags"] == ["O", "B-DATE", "I-DATE", "B-GPE", "I-GPE", "B-ORG", "I-ORG",
                            "B-PERSON", "I-PERSON"]  # fmt: skip


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (["ner", "train", "--data", "{missing}", "--out", "{out}"], "no such file"),
        (["ner", "train", "--data", "{bad}", "--out", "{out}"], "not a NER file"),
        (["ner", "train", "--data", "{conll}", "--out", "{out}", "--subword-labels", "some"],
         "unknown subword_labels"),
        (["ner", "train", "--data", "{tiny}", "--out", "{out}"], "too few sentences"),
        (["ner", "predict", "--model", "{conll}", "Ali"], "model folder not found"),
        (["ner", "eval", "--model", "{tmp}"], "--data is required"),
    ],
)  # fmt: skip
def test_hostile_input_is_one_line(args, fragment, conll_file, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("bir cümle\n", encoding="utf-8")
    tiny = tmp_path / "tiny.conll"
    tiny.write_text("Ali B-PER\n\nVeli B-PER\n", encoding="utf-8")
    values = {"missing": tmp_path / "yok.conll", "out": tmp_path / "o", "bad": bad,
              "conll": conll_file, "tiny": tiny, "tmp": tmp_path}  # fmt: skip
    result = run_cli(*[a.format(**values) for a in args])
    assert_one_line_error(result, fragment)
    assert not (tmp_path / "o").exists()  # a failed start leaves no folder
