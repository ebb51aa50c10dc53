"""``data inspect`` of QA, seq2seq, masked-LM and causal-LM files: read by the reader their
``train`` command uses (``--task``, or SQuAD JSON found by its shape), with its counts,
drops and decisions; a file of another task read as classification says ``--task``."""

import json

import pytest

from tests.conftest import REPO, assert_one_line_error, run_cli, shared_file

SAMPLES = REPO / "examples" / "data"


def _inspect(*args: str) -> dict:
    result = run_cli("data", "inspect", *args, "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_squad_json_is_read_as_qa_without_being_told():
    from trtune.tasks.qa.formats import load_qa

    found = _inspect(str(SAMPLES / "sorular.json"))
    data = load_qa(str(SAMPLES / "sorular.json"))
    assert found["task"] == "qa" and found["format"] == "squad"
    assert found["kept"] == len(data.examples) > 0
    assert found["read"] == found["kept"] + sum(d["count"] for d in found["dropped"].values())
    contexts = {example.context for example in data.examples}
    assert found["details"]["contexts"] == f"{len(contexts):,}"


def test_a_pairs_file_read_as_seq2seq_names_its_columns(tmp_path):
    found = _inspect(str(SAMPLES / "ceviri.tsv"), "--task", "seq2seq")
    assert (found["unit"], found["kept"]) == ("pairs", 112)
    assert found["details"]["source_target"] == "column_1 -> column_2"
    swapped = _inspect(
        str(SAMPLES / "ceviri.tsv"), "--source-col", "column_2", "--target-col", "column_1"
    )  # a seq2seq column option alone says the task
    assert swapped["task"] == "seq2seq"
    assert swapped["details"]["source_target"] == "column_2 -> column_1"
    pairs = tmp_path / "pairs.csv"
    pairs.write_text("kaynak,hedef\nbir,one\n,two\nüç,\nbir,one\n", encoding="utf-8")
    found = _inspect(str(pairs), "--task", "seq2seq")
    assert found["read"] == 4 and found["kept"] == 1
    assert {k: v["count"] for k, v in found["dropped"].items()} == {
        "empty_source": 1,
        "empty_target": 1,
        "duplicate": 1,
    }


def test_seq2seq_reader_notes_are_in_the_users_language(tmp_path):
    three = tmp_path / "three.tsv"
    three.write_text("I see.\tGörüyorum.\tx\nWe go.\tGidiyoruz.\ty\n", encoding="utf-8")
    english = run_cli("data", "inspect", str(three), "--task", "seq2seq")
    turkish = run_cli("data", "inspect", str(three), "--task", "seq2seq", "--lang", "tr")
    assert "3 columns: the first two are source and target" in english.stdout
    assert "3 sütun: ilk ikisi kaynak ve hedef" in turkish.stdout
    assert "görev" in turkish.stdout and "tutulan çift" in turkish.stdout


def test_seq2seq_note_templates_match_what_the_reader_writes():
    from trtune.tasks.seq2seq.messages import NOTES_TR, note_text
    from trtune.tasks.seq2seq.readers import ReadOptions, _two_columns

    class Table:
        path = "t.tsv"
        columns = ["a", "b", "c"]
        rows = [["I see the cat.", "Kediyi görüyorum.", "x"]] * 3

    notes: list[str] = []
    _two_columns(Table, ReadOptions(direction="en-tr"), notes)
    Table.rows = [["abc", "abd", "x"]] * 3
    _two_columns(Table, ReadOptions(direction="en-tr"), notes)
    assert len(notes) == 4  # three columns (twice), Turkish found, none stands out
    assert all(note_text(note, "tr") != note for note in notes)
    assert {note_text(n, "tr") for n in notes} >= {"2. sütun Türkçe (harflerinden)"}
    assert len(NOTES_TR) == 3


def test_texts_read_as_masked_lm_and_records_as_causal_lm(tmp_path):
    found = _inspect(str(SAMPLES / "yorumlar.csv"), "--task", "mask")
    assert found["unit"] == "texts" and 0 < found["kept"] <= found["read"]
    records = tmp_path / "talimat.jsonl"
    rows = [
        {"instruction": "Özetle", "output": "Kısa."},
        {"instruction": "Çevir", "output": ""},
        {"instruction": "Say", "output": "Bir iki."},
    ]
    records.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n")
    found = _inspect(str(records), "--task", "lm")
    assert (found["unit"], found["read"], found["kept"]) == ("examples", 3, 2)
    assert found["format"] == "alpaca"
    [(reason, drop)] = found["dropped"].items()
    assert drop == {"count": 1, "first_rows": [2]}, reason


def test_a_table_without_labels_read_as_classification_points_to_task():
    auto = run_cli("data", "inspect", str(SAMPLES / "ceviri.tsv"))
    assert_one_line_error(auto, "could not find a label column", "--task qa, seq2seq, mask or lm")
    told = run_cli("data", "inspect", str(SAMPLES / "ceviri.tsv"), "--task", "classify")
    assert_one_line_error(told, "could not find a label column; name it with --label-col")
    assert "--task" not in told.stderr
    turkish = run_cli("data", "inspect", str(SAMPLES / "ceviri.tsv"), "--lang", "tr")
    assert "--task qa, seq2seq, mask veya lm ile okuyun" in turkish.stderr


def test_plain_text_read_as_classification_points_to_mask_and_lm(tmp_path):
    texts = tmp_path / "metinler.txt"
    texts.write_text("Birinci metin.\nİkinci metin.\n", encoding="utf-8")
    auto = run_cli("data", "inspect", str(texts))
    assert_one_line_error(auto, "no delimiter found", "--task mask or lm")
    assert _inspect(str(texts), "--task", "mask")["kept"] == 2


@pytest.mark.parametrize(
    "args, fragment",
    [
        (["--task", "foo"], "--task must be one of auto, classify, ner, qa, seq2seq"),
        (["--task", "mask", "--source-col", "x"], "--source-col is for --task seq2seq"),
        (["--task", "qa", "--label-col", "x"], "--label-col is for --task classify, not"),
        (["--task", "lm", "--text-col", "x"], "--text-col is for --task classify|mask"),
        (["--task", "ner"], "not a NER file"),
        (["--task", "qa"], "no column for --context-col"),
    ],
)
def test_wrong_task_options_are_one_line_errors(args, fragment):
    assert_one_line_error(
        run_cli("data", "inspect", str(SAMPLES / "yorumlar.csv"), *args), fragment
    )


def test_lm_reads_one_file():
    two = [str(SAMPLES / "yorumlar.csv")] * 2
    assert_one_line_error(run_cli("data", "inspect", *two, "--task", "lm"), "--task lm reads one")


@pytest.mark.realdata
def test_real_qa_pairs_and_instruction_files():
    tquad = _inspect(str(shared_file("lm", "tquad_dev.json")))
    assert tquad["task"] == "qa" and tquad["kept"] > 800
    tatoeba = _inspect(str(shared_file("seq2seq", "tatoeba_en_tr.tsv")), "--task", "seq2seq")
    assert tatoeba["kept"] > 40_000
    alpaca = _inspect(str(shared_file("lm", "alpaca_tr_finans_ml.csv")), "--task", "lm")
    assert alpaca["format"] == "alpaca" and alpaca["kept"] > 500


@pytest.mark.parametrize(
    "task, needs",
    [
        ("seq2seq", "each row needs a source and a target"),
        ("qa", "each row needs a context, a question and an answer"),
        ("lm", "plain texts go in a .txt file"),
    ],
)
def test_a_file_of_one_column_is_refused_in_the_tasks_words(task, needs, tmp_path):
    one = tmp_path / "tek.csv"
    one.write_text("metin\nbir\niki\n", encoding="utf-8")
    result = run_cli("data", "inspect", str(one), "--task", task)
    assert_one_line_error(result, "could not find a delimiter", needs)
    assert "a text and a label" not in result.stderr
    train = run_cli(task, "train", "--data", str(one), "--out", str(tmp_path / "o"), "--dry-run")
    assert_one_line_error(train, needs)
