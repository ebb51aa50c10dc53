"""User errors in Turkish: every reason the code can raise has a Turkish template with the
same fields, the table holds nothing stale, and the CLI prints ``hata: ...`` in Turkish."""

from __future__ import annotations

import string

import pytest

from tests.error_sites import error_templates
from trtune.error_text import template_pattern, translate, turkish_table


def _fields(text: str) -> list[str]:
    return [field for _, field, _, _ in string.Formatter().parse(text) if field is not None]


def test_every_raised_reason_reads_as_a_template():
    _, unread = error_templates()
    assert unread == [], "a UserError whose reason tests/error_sites.py cannot read"


def test_every_raised_reason_has_turkish():
    table = turkish_table()
    found, _ = error_templates()
    missing = sorted({f"{where}: {text}" for where, _, text in found if text not in table})
    assert missing == [], "no Turkish for (add it to trtune/error_text/tr_*.py):\n" + "\n".join(
        missing
    )


def test_no_stale_turkish():
    found = {text for _, _, text in error_templates()[0]}
    stale = sorted(set(turkish_table()) - found)
    assert stale == [], "Turkish for reasons no longer raised:\n" + "\n".join(stale)


@pytest.mark.parametrize("english, turkish", sorted(turkish_table().items()))
def test_turkish_has_the_same_fields(english, turkish):
    count = len(_fields(english))
    fields = _fields(turkish)
    assert len(fields) == count, (english, turkish)
    if any(fields):
        assert sorted(int(f) for f in fields) == list(range(count)), turkish
    values = [f"<{i}>" for i in range(count)]
    english_text = english.format(*values)
    assert template_pattern(english).fullmatch(english_text)
    filled = turkish.format(*values)
    assert all(v in filled for v in values) and filled != english_text


def test_translate_fills_fields_in_their_turkish_order():
    table = {"column {} not found in {}": "{1} içinde {0} sütunu yok"}
    assert translate("column 'x' not found in a.csv", "tr", table) == "a.csv içinde 'x' sütunu yok"
    assert translate("column 'x' not found in a.csv", "en", table).startswith("column")
    assert translate("something else", "tr", table) == "something else"


def test_the_table_translates_a_real_reason():
    found = next(t for _, _, t in error_templates()[0] if t == "no such file")
    assert translate(found, "tr") != found


def _cli(args: list[str], capsys, monkeypatch, lang: str) -> tuple[int, str]:
    """Exit code and standard error (standard output is kept in ``_cli.out``)."""
    from trtune.cli import main

    monkeypatch.setenv("TRTUNE_LANG", lang)
    try:
        main(args)
        code = 0
    except SystemExit as exc:
        code = int(exc.code or 0)
    captured = capsys.readouterr()
    _cli.out = captured.out
    return code, captured.err


def test_cli_user_error_in_turkish(tmp_path, capsys, monkeypatch):
    missing = str(tmp_path / "yok.csv")
    args = ["classify", "train", "--data", missing, "--model", "tiny", "--out", str(tmp_path)]
    code, err = _cli(args, capsys, monkeypatch, "tr")
    assert code == 2
    assert err.startswith(f"hata: {missing}: ") and "no such file" not in err
    code, err = _cli(args, capsys, monkeypatch, "en")
    assert code == 2 and err.strip() == f"error: {missing}: no such file"


@pytest.mark.parametrize(
    "args, turkish, english",
    [
        (["classify", "predict"], "eksik seçenek: '--model'", "Missing option '--model'"),
        (["classify", "train", "--epochs", "x"], "geçerli bir sayı", "Invalid value"),
        (["classify", "train", "--bogus"], "böyle bir seçenek yok: --bogus", "No such option"),
        (["classify", "frob"], "böyle bir komut yok: 'frob'", "No such command"),
    ],
)
def test_cli_usage_errors_in_turkish(args, turkish, english, capsys, monkeypatch):
    code, err = _cli(args, capsys, monkeypatch, "tr")
    assert code == 2
    assert err.startswith("Kullanım: ") and "Usage" not in err
    assert "Hata: " in err and turkish in err and english not in err
    code, err = _cli(args, capsys, monkeypatch, "en")
    assert code == 2 and "Usage: " in err and english in err


def test_turkish_help_says_kullanim(capsys, monkeypatch):
    code, err = _cli(["classify", "predict", "--help"], capsys, monkeypatch, "tr")
    assert code == 0 and "Kullanım:" in _cli.out and "Usage:" not in _cli.out + err
