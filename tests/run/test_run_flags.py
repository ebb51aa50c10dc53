"""One flag vocabulary: every `train` command of the CLI has the shared flags, with the same
types and help, and no option without help."""

from __future__ import annotations

import pytest
import typer

from trtune.cli import app

SHARED = (
    "--data --model --method --out --config --epochs --max-steps --batch-size --lr "
    "--max-length --seed --validation-size --warmup-ratio --weight-decay --patience --lora-r "
    "--lora-alpha --lora-dropout --lora-target-modules --resume --overwrite --dry-run "
    "--validation-data --test-data"
).split()


def _train_commands() -> dict[str, object]:
    root = typer.main.get_command(app)
    found = {}
    for name, group in root.commands.items():
        train = getattr(group, "commands", {}).get("train")
        if train is not None and name != "nanogpt":  # nanogpt trains the teaching model
            found[name] = train
    return found


def _options(command) -> dict[str, object]:
    return {opt: p for p in command.params for opt in getattr(p, "opts", [])}


def test_every_train_command_has_the_shared_flags_with_one_type_and_help():
    commands = _train_commands()
    assert {"classify", "lm"} <= set(commands)
    for flag in SHARED:
        seen = {}
        for name, command in commands.items():
            options = _options(command)
            assert flag in options, f"{name} train has no {flag}"
            param = options[flag]
            kind = str(param.type_descriptor.annotation)
            seen[name] = (kind, param.multiple, param.help.split(" (")[0])
        kinds = {(kind, multiple) for kind, multiple, _ in seen.values()}
        helps = {text for _, _, text in seen.values()}
        assert len(kinds) == 1, (flag, seen)
        assert flag in ("--method", "--data") or len(helps) == 1, (flag, seen)


def test_every_option_has_help_and_old_spellings_are_hidden():
    for name, command in _train_commands().items():
        for param in command.params:
            if getattr(param, "param_type_name", "") != "option":
                continue
            assert param.help, f"{name} train {param.opts} has no help"
            if param.hidden:
                assert param.opts[0] in ("--lora-rank", "--target-modules", "--val-fraction",
                                         "--warmup-fraction", "--steps"), param.opts  # fmt: skip


@pytest.mark.parametrize(
    ("old", "new", "value"),
    [("--lora-rank", "lora_r", 4), ("--val-fraction", "validation_size", 0.3),
     ("--target-modules", "lora_target_modules", ["c_attn"])],
)  # fmt: skip
def test_old_spellings_still_work_with_a_notice(old, new, value, tmp_path, capsys):
    from trtune.cli import main

    data = tmp_path / "d.txt"
    data.write_text("\n".join(f"satır {i} metin burada" for i in range(20)), "utf-8")
    args = ["lm", "train", "--data", str(data), "--out", str(tmp_path / "o"), "--dry-run",
            "--json", old, ",".join(value) if isinstance(value, list) else str(value)]  # fmt: skip
    with pytest.raises(SystemExit) as done:
        main(args)
        raise SystemExit(0)
    captured = capsys.readouterr()
    assert done.value.code in (0, None), captured.err
    assert f"note: {old} is now --{new.replace('_', '-')}" in captured.err
    import json

    assert json.loads(captured.out)["settings"][new] == value
