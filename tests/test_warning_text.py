"""Warnings in Turkish: each English warning written where a problem is found has Turkish
(trtune/error_text/warnings_tr.py), each template there is one the code writes, and a
Turkish reporter prints ``uyarı: ...``."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from rich.console import Console

from trtune.data.evaluation import check_evaluation_part
from trtune.data.layouts import _skipped
from trtune.data.validate import Example
from trtune.error_text import template_pattern, translate_warning
from trtune.error_text.warnings_tr import TR
from trtune.run.progress import Reporter


def _real_warnings(tmp_path: Path) -> list[str]:
    """The warnings the mask folder reader and the QA long-question filter write."""
    from types import SimpleNamespace

    from trtune.tasks.mask.texts import _folder_files
    from trtune.tasks.qa.examples import QaSplit
    from trtune.tasks.qa.finetune import without_long_questions
    from trtune.tasks.qa.settings import QaSettings

    for name in ("a.txt", "b.bin", "c.bin"):
        (tmp_path / name).write_text("metin", encoding="utf-8")
    found: list[str] = []
    _folder_files(tmp_path, found)
    out = io.StringIO()
    question = SimpleNamespace(question="soru " * 40)
    words = lambda texts, add_special_tokens: {"input_ids": [t.split() for t in texts]}  # noqa: E731
    settings = QaSettings(data=["x.json"], out="o", model="m", max_length=48, doc_stride=16)
    split = QaSplit([question] * 3, [question], [])
    without_long_questions(words, split, settings, Reporter(Console(file=out, width=300)))
    return found + [line.removeprefix("warning: ") for line in out.getvalue().splitlines()]


def _written() -> list[str]:
    """Every kind of warning the code writes in English (the f-strings, filled)."""
    labels = ["negative", "positive", "neutral"]
    one = [Example("güzel", "positive", 2)]
    few = [Example(f"iyi {i}", "positive", i + 2) for i in range(6)] + [
        Example("kötü", "negative", 9)
    ]
    found = []
    for what in ("the test part", "the data"):
        found += check_evaluation_part(one, labels, require_every_label=False, what=what)
        found += check_evaluation_part(few, labels, require_every_label=False, what=what)
    paths = [Path("a.bin"), Path("b.bin")]
    for kind in (("not a text file", "not text files"), ("not a label file", "not label files")):
        found += [_skipped(paths[:1], *kind), _skipped(paths, *kind)]
    return found


def test_every_written_warning_has_turkish_without_english_left(tmp_path):
    real = _real_warnings(tmp_path)
    assert len(real) == 3, real  # skipped files; long train and validation questions
    for text in _written() + real:
        turkish = translate_warning(text, "tr")
        assert turkish != text, text
        assert not re.search(r"\b(the|texts?|files?|skipped|questions)\b", turkish), turkish
        assert translate_warning(text, "en") == text


def test_every_template_is_one_the_code_writes(tmp_path):
    written = _written() + _real_warnings(tmp_path)
    unused = [t for t in TR if not any(template_pattern(t).fullmatch(w) for w in written)]
    assert unused == []


def test_fields_come_through_in_turkish():
    warning = next(w for w in _written() if w.startswith("the test part has only 1 "))
    assert translate_warning(warning, "tr") == (
        "test bölümünde yalnızca 1 metin var: doğruluğu ve F1'i pek bir şey söylemez "
        "(kabaca bir değer için en az 20 metin gerekir)"
    )


@pytest.mark.parametrize(
    "lang, expected",
    [("tr", "uyarı: .txt olmayan 2 dosya atlandı: a, b\n"),
     ("en", "warning: skipped 2 files that are not .txt files: a, b\n")],
)  # fmt: skip
def test_reporter_prefixes_and_translates(lang, expected):
    out = io.StringIO()
    Reporter(Console(file=out, width=200), lang=lang).warn(
        "skipped 2 files that are not .txt files: a, b"
    )
    assert out.getvalue() == expected
