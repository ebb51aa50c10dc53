"""``--help`` speaks the user's language: TRTUNE_LANG, the locale, or ``--lang`` on the line."""

from __future__ import annotations

import typer.main
from typer.testing import CliRunner

from trtune.cli import app
from trtune.cli.help import Translator, lang_of_args
from trtune.cli.help_text import HELP

_NO_LANG = {"TRTUNE_LANG": None, "LC_ALL": None, "LC_MESSAGES": None, "LANG": None}


def _help(*args: str, **env: str) -> str:
    result = CliRunner().invoke(app, [*args, "--help"], env={**_NO_LANG, "COLUMNS": "200", **env})
    assert result.exit_code == 0, result.output
    return result.output


def test_classify_train_help_in_turkish_with_trtune_lang():
    text = _help("classify", "train", TRTUNE_LANG="tr")
    assert "Bir sınıflandırıcı (ve TF-IDF temel çizgisini) eğit" in text
    assert "eğitim yöntemi: features, finetune, lora, tfidf (varsayılan: finetune)" in text
    assert "küçük hazır modeller" in text and "Seçenekler" in text
    assert "--out klasörünün yerine yenisini yaz." in text  # a shared run flag
    assert "Bu yardımı göster ve çık." in text
    assert "Train a classifier" not in text and "Options" not in text


def test_english_by_default_and_after_a_turkish_call():
    _help("lm", "train", TRTUNE_LANG="tr")
    text = _help("lm", "train")
    assert "Fine-tune a causal LM" in text and "training method: lora, qlora, full" in text
    assert "Options" in text and "eğitim" not in text


def test_the_locale_and_a_lang_flag_choose_turkish():
    assert "Türkçe dil modellerini anlayın" in _help(LANG="tr_TR.UTF-8")
    assert "Nedensel bir DM'ye ince ayar yap" in _help("lm", "train", "--lang", "tr")
    assert lang_of_args(["x", "--lang=tr"], {}) == "tr"
    assert lang_of_args(["x"], {"TRTUNE_LANG": "xx"}) == "en"  # the command reports it


def _tree() -> list[tuple[str, bool, str]]:
    """(path, is a command or group, help) for every help string of the CLI."""
    found = []

    def walk(command, path: str) -> None:
        if command.help:
            found.append((path, True, command.help))
        for param in command.params:
            if getattr(param, "help", None) and not getattr(param, "hidden", False):
                found.append((f"{path} --{param.name}", False, param.help))
        for name, sub in getattr(command, "commands", {}).items():
            walk(sub, f"{path} {name}".strip())

    walk(typer.main.get_command(app), "")
    return found


def test_every_group_command_and_option_has_turkish_help():
    """A new or reworded English help string needs its entry in trtune/cli/help_text_*.py."""
    translate = Translator(HELP)
    missing = [f"{path}: {text!r}" for path, _, text in _tree() if translate(text) == text]
    where = "trtune/cli/help_text_*.py (by command group)"
    assert not missing, f"no Turkish in {where} for:\n" + "\n".join(missing)


def test_every_help_entry_is_used_and_its_english_is_unique():
    """An entry whose English no longer appears is stale; two entries with the same English
    would make the Turkish depend on their order."""
    english = [entry["en"] for entry in HELP.values()]
    assert len(english) == len(set(english))
    texts = "\n".join(text for _, _, text in _tree())
    stale = [key for key, entry in HELP.items() if entry["en"] not in texts]
    assert not stale


def test_every_command_takes_lang():
    """One language setting honoured everywhere: every command has ``--lang``."""
    import typer.main

    from trtune.cli import app

    missing = []

    def walk(command, path):
        subs = getattr(command, "commands", None)
        if subs:
            for name, sub in subs.items():
                walk(sub, [*path, name])
            return
        options = {o for p in command.params for o in getattr(p, "opts", [])}
        if "--lang" not in options:
            missing.append(" ".join(path))

    walk(typer.main.get_command(app), [])
    assert missing == []
