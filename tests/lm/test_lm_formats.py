"""Format detection, validation and the drop report."""

from __future__ import annotations

import json

import pytest

from trtune.errors import UserError
from trtune.tasks.lm.formats import load_records


def test_alpaca_csv_with_empty_output_dropped(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text(
        "instruction,input,output\nNe?,,Bir yanıt.\nBoş?,,\nİki?,girdi,İkinci yanıt.\n", "utf-8"
    )
    data = load_records(path)
    assert data.format == "alpaca"
    assert len(data.records) == 2
    assert data.drops.counts["empty output"] == 1
    assert data.drops.first_rows["empty output"] == [3]
    assert data.records[1].messages[0] == {"role": "user", "content": "İki?", "input": "girdi"}


def test_chat_and_sharegpt_jsonl(tmp_path):
    path = tmp_path / "c.jsonl"
    rows = [
        {
            "messages": [
                {"role": "user", "content": "Merhaba"},
                {"role": "assistant", "content": "Selam"},
            ]
        },
        {
            "conversations": [
                {"from": "human", "value": "Nasılsın"},
                {"from": "gpt", "value": "İyiyim"},
            ]
        },
        {"messages": [{"role": "user", "content": "Cevapsız"}]},
    ]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), "utf-8")
    data = load_records(path)
    assert data.format == "chat"
    assert [m["role"] for m in data.records[1].messages] == ["user", "assistant"]
    assert data.drops.counts == {"no assistant reply": 1}


def test_squad_json_becomes_qa(tmp_path):
    squad = {
        "data": [
            {
                "title": "t",
                "paragraphs": [
                    {
                        "context": "Ankara başkenttir.",
                        "qas": [
                            {
                                "question": "Başkent neresi?",
                                "id": 1,
                                "answers": [{"text": "Ankara", "answer_start": 0}],
                            },
                            {"question": "Boş?", "id": 2, "answers": []},
                        ],
                    }
                ],
            }
        ]
    }
    path = tmp_path / "q.json"
    path.write_text(json.dumps(squad, ensure_ascii=False), "utf-8")
    data = load_records(path)
    assert data.format == "qa"
    assert data.records[0].messages[0]["input"] == "Ankara başkenttir."
    assert data.records[0].messages[1]["content"] == "Ankara"
    assert data.drops.counts["empty question or answer"] == 1


def test_text_file_paragraphs(tmp_path):
    path = tmp_path / "t.txt"
    path.write_text("Birinci paragraf\nsürer.\n\nİkinci paragraf.\n", "utf-8")
    data = load_records(path)
    assert data.format == "text"
    assert [r.text for r in data.records] == ["Birinci paragraf\nsürer.", "İkinci paragraf."]
    assert [r.row for r in data.records] == [1, 4]


def test_bad_files_raise_user_error_with_row(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "iyi"}\n{bozuk\n', "utf-8")
    with pytest.raises(UserError) as exc:
        load_records(bad)
    assert exc.value.row == 2
    unknown = tmp_path / "u.csv"
    unknown.write_text("a,b\n1,2\n", "utf-8")
    with pytest.raises(UserError, match="cannot tell the format"):
        load_records(unknown)


def test_review_file_trains_as_text_and_huge_rows_are_dropped(tmp_path):
    path = tmp_path / "yorumlar.csv"
    rows = ["yorum;duygu", "Kargo hızlı geldi;olumlu", "x" * 25_000 + ";olumsuz"]
    path.write_bytes("\n".join(rows).encode("cp1254"))
    data = load_records(path)
    assert data.format == "text"
    assert [r.text for r in data.records] == ["Kargo hızlı geldi"]
    assert data.drops.counts == {"longer than 20,000 characters": 1}
