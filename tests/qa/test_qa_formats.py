"""Reading QA files: SQuAD v1/v2 JSON and tables, answers located, drops counted, hostile
files refused in one line."""

from __future__ import annotations

import json

import pytest
from qa_testdata import table_rows, write_csv, write_jsonl, write_squad

from tests.conftest import assert_one_line_error, run_cli, shared_file
from trtune.errors import UserError
from trtune.tasks.qa.examples import DropLog, build_example, hold_out_contexts, place_answer
from trtune.tasks.qa.formats import load_qa


def test_squad_v1_keeps_every_reference_and_reads_text_starts(tmp_path):
    data = load_qa(str(write_squad(tmp_path / "s.json", n=5)))
    assert data.format == "squad" and data.questions_read == 15 and len(data.examples) == 15
    year = data.examples[1]
    assert [a.text for a in year.answers] == [
        year.answers[0].text,
        f"{year.answers[0].text} yılında",
    ]
    for example in data.examples:
        for answer in example.answers:
            assert example.context[answer.start : answer.end] == answer.text
    assert data.report["dropped"] == 0 and data.report["repairs"] == {}


def test_squad_v2_unanswerable_questions_are_kept_without_answers(tmp_path):
    data = load_qa(str(write_squad(tmp_path / "v2.json", n=4, impossible=True)))
    assert data.impossible == 2
    assert [e.impossible for e in data.examples].count(True) == 2


@pytest.mark.parametrize("with_start", [True, False])
def test_tables_with_and_without_answer_start(tmp_path, with_start):
    rows = table_rows(5, with_start=with_start)
    for path in (write_jsonl(tmp_path / "t.jsonl", rows), write_csv(tmp_path / "t.csv", rows)):
        data = load_qa(str(path))
        assert len(data.examples) == 15
        assert all(e.context[e.answers[0].start : e.answers[0].end] == e.answers[0].text
                   for e in data.examples)  # fmt: skip
        located = data.report["repairs"].get("answer_located", {}).get("count", 0)
        assert located == (0 if with_start else 15)


def test_answers_are_never_guessed():
    context = "Ali Ankara'da doğdu. Ayşe de Ankara'da doğdu."
    assert place_answer(context, "Ankara", None) == (None, "ambiguous")
    assert place_answer(context, "Ankara", 30) == (29, "corrected")  # the hint picks one
    assert place_answer(context, "İzmir", None) == (None, "not_found")
    assert place_answer(context, "Ayşe", None) == (21, "located")
    log = DropLog()
    assert build_example("1", "Nerede?", context, [("Ankara", None)], False, 7, log) is None
    assert build_example("2", "Nerede?", context, [("İzmir", "3")], False, 8, log) is None
    assert build_example("3", "  ", context, [("Ali", 0)], False, 9, log) is None
    report = log.report(0)["reasons"]
    assert report == {
        "answer_ambiguous": {"count": 1, "first_rows": [7]},
        "answer_not_in_context": {"count": 1, "first_rows": [8]},
        "empty_question": {"count": 1, "first_rows": [9]},
    }


def test_bad_reference_is_left_out_and_counted_duplicates_dropped(tmp_path):
    rows = table_rows(3)
    rows[0]["answer"] = json.dumps(
        {"text": [rows[0]["answer"], "yok böyle"], "answer_start": [None, 3]}
    )
    rows.append(dict(rows[1]))  # an exact duplicate
    data = load_qa(str(write_jsonl(tmp_path / "d.jsonl", rows)))
    assert len(data.examples) == 9
    assert data.report["reasons"]["duplicate"]["count"] == 1
    assert data.report["repairs"]["answer_dropped"]["count"] == 1


def test_split_keeps_contexts_whole_and_is_seeded(tmp_path):
    examples = load_qa(str(write_squad(tmp_path / "s.json", n=30))).examples
    rest, held = hold_out_contexts(examples, 0.2, seed=1)
    assert {e.context for e in rest}.isdisjoint({e.context for e in held})
    assert 0.15 <= len(held) / len(examples) <= 0.3
    assert hold_out_contexts(examples, 0.2, seed=1)[1] == held
    assert hold_out_contexts(examples, 0.2, seed=2)[1] != held


@pytest.mark.parametrize(
    ("content", "fragment"),
    [
        ('{"data": [{"paragraphs": [{"context": 5, "qas": []}]}]}', "context must be a string"),
        ('{"data": [{"paragraphs": {"x": 1}}]}', "paragraphs must be a list"),
        ('{"data": [{"paragraphs": [{"context": "a", "qas": [{"question": "b", "answers": 3}]}]}]}',
         "answers must be a list"),
        ('{"data": [{"paragraphs": [ }', "invalid JSON"),
    ],
)  # fmt: skip
def test_hostile_squad_files_get_one_line(tmp_path, content, fragment):
    path = tmp_path / "bad.json"
    path.write_text(content, "utf-8")
    with pytest.raises(UserError) as caught:
        load_qa(str(path))
    assert fragment in str(caught.value) and "\n" not in str(caught.value)


@pytest.mark.slow
def test_hostile_tables_through_the_cli(tmp_path):
    no_question = write_csv(tmp_path / "nq.csv", [{"context": "Ali geldi.", "answer": "Ali"}] * 3)
    result = run_cli("qa", "train", "--data", str(no_question), "--out", str(tmp_path / "o"))
    assert_one_line_error(result, "no column for --question-col")
    assert not (tmp_path / "o").exists()
    nothing = write_csv(tmp_path / "n.csv", [{"context": "Ali geldi.", "question": "Kim?",
                                              "answer": "Veli"}] * 3)  # fmt: skip
    result = run_cli("qa", "eval", "--model", str(tmp_path), "--data", str(nothing))
    assert_one_line_error(result)
    binary = tmp_path / "b.json"
    binary.write_bytes(b"PK\x03\x04" + bytes(range(256)))
    result = run_cli("qa", "train", "--data", str(binary), "--out", str(tmp_path / "o2"))
    assert_one_line_error(result, "b.json")


@pytest.mark.realdata
def test_tquad_reads_whole():
    train = load_qa(str(shared_file("lm", "tquad_train.json")))
    dev = load_qa(str(shared_file("lm", "tquad_dev.json")))
    assert train.questions_read == 8308 and dev.questions_read == 892
    # TQuAD writes answer_start as text; every start matches. Only repeated
    # (context, question) pairs are dropped.
    assert train.report["repairs"] == {} and dev.report["repairs"] == {}
    assert set(train.report["reasons"]) == {"duplicate"}
    # dev lists three references per question, all identical (same text and start):
    # they are read as one answer, not three
    assert {len(e.answers) for e in dev.examples} == {1}
