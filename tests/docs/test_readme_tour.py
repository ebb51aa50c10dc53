"""The tour in README.md and README.tr.md runs as shown, on the bundled data, offline.

Every ``$ trtune ...`` line of the READMEs' ``console`` blocks is run (in a temporary folder
holding a copy of ``examples/``), in the README's language; the server block starts
``trtune serve`` and sends the README's ``curl`` requests. The conventions are in
``readme_tour.py``.
"""

from __future__ import annotations

import json
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from readme_tour import (
    MODEL_OUTPUT,
    READMES,
    REPO,
    Block,
    Step,
    TourRun,
    copy_examples,
    missing_lines,
    model_output_problems,
    normalize,
    run_steps,
    tour_blocks,
    tour_env,
)

NOT_TOURED = {"demo"}  # `make demo` runs it; the tour shows its parts one by one


def _check_step(step: Step, result: dict, workdir: Path) -> list[str]:
    """What is wrong with one command's run (empty: nothing)."""
    printed = result["stdout"] + result["stderr"]
    where = f"line {step.line}: $ {step.command}"
    if step.expects_error:
        if result["code"] == 0:
            return [f"{where}: was shown failing but exited 0"]
    elif result["code"] != 0:
        return [f"{where}: exit code {result['code']}\n{printed[-3000:]}"]
    if step.group in MODEL_OUTPUT:
        problems = model_output_problems(step, result["stdout"])
    else:
        problems = [f"not printed: {line!r}" for line in missing_lines(step, printed)]
    problems += _missing_files(step, workdir) if not step.expects_error else []
    return [f"{where}: {p}" + ("" if "\n" in p else f"\n{printed[-3000:]}") for p in problems]


def _missing_files(step: Step, workdir: Path) -> list[str]:
    """A command that names ``--out`` wrote it; a training command its metrics and report."""
    out = step.option("--out")
    if out is None:
        return []
    path = workdir / out
    if not path.exists() or (path.is_dir() and not any(path.iterdir())):
        return [f"{out} was not written"]
    if step.group[1] != "train":
        return []
    wanted = ["metrics.json"] + ([] if step.group[0] == "nanogpt" else ["report.html"])
    return [f"{out}/{name} missing" for name in wanted if not (path / name).is_file()]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for_health(url: str, server: subprocess.Popen, seconds: float = 120) -> dict:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(f"trtune serve exited with code {server.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                return json.loads(response.read())
        except OSError:
            time.sleep(0.5)
    raise AssertionError(f"{url} did not answer within {seconds} s")


def _json_shape(value):
    """The keys of a JSON value, nested (the values of a tiny random model vary)."""
    if isinstance(value, dict):
        return {key: _json_shape(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_json_shape(value[0])] if value else []
    return None


def _check_curl(step: Step, printed: str) -> list[str]:
    shown = [line for line in step.shown if line.strip()]
    try:
        expected = _json_shape(json.loads(shown[0])) if len(shown) == 1 else None
    except ValueError:
        expected = None
    if expected is not None:
        try:
            actual = _json_shape(json.loads(printed))
        except ValueError:
            return [f"not JSON: {printed[:500]!r}"]
        return [] if actual == expected else [f"JSON keys {actual} != shown {expected}"]
    if any(line.startswith("data: ") for line in shown):  # server-sent events
        return [] if "event: done" in printed else [f"no 'event: done' in {printed[:500]!r}"]
    return [f"not printed: {line!r}" for line in missing_lines(step, printed)]


def _run_server_block(block: Block, workdir: Path, lang: str) -> list[str]:
    serve, curls = block.steps[0], block.steps[1:]
    assert serve.argv[:2] == ["trtune", "serve"], "the server block starts with trtune serve"
    port = _free_port()
    log_path = workdir / f"serve-{lang}.log"
    with log_path.open("w", encoding="utf-8") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "trtune", *serve.argv[1:], "--port", str(port)],
            cwd=workdir,
            env=tour_env(lang),
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    problems = []
    try:
        health = _wait_for_health(f"http://127.0.0.1:{port}/health", server)
        for flag, key in (("--classifier", "classifier"), ("--lm", "lm"), ("--qa", "qa")):
            if serve.option(flag) and key not in health:
                problems.append(f"/health does not list the {key} that {flag} loaded")
        printed = log_path.read_text(encoding="utf-8")
        problems += [f"serve did not print {line!r}" for line in missing_lines(serve, printed)]
        for step in curls:
            argv = [arg.replace("localhost:8000", f"127.0.0.1:{port}") for arg in step.argv]
            done = subprocess.run(argv, capture_output=True, text=True, timeout=120)
            if done.returncode != 0:
                problems.append(f"line {step.line}: curl exit {done.returncode}: {done.stderr}")
                continue
            problems += [f"line {step.line}: {p}" for p in _check_curl(step, done.stdout)]
    finally:
        server.terminate()
        server.wait(timeout=60)
    return problems


def _same(a: Step, b: Step) -> bool:
    return a.command == b.command and a.shown == b.shown


def _covers(english: Step, result: dict, step: Step) -> bool:
    """Whether the English run of ``step``'s command printed all that ``step`` shows."""
    printed = result["stdout"] + result["stderr"]
    return (
        english.command == step.command and result["code"] == 0 and not missing_lines(step, printed)
    )


def _check_run(tour: TourRun, lang: str, run_server: bool = True) -> None:
    pairs = list(zip(tour.steps, tour.results, strict=True))
    problems = [p for step, result in pairs for p in _check_step(step, result, tour.workdir)]
    servers = [b for b in tour.blocks if b.serves]
    assert len(servers) == 1, "one console block starts the server"
    if shutil.which("curl") is None:
        servers[0].steps[1:] = []  # still start it and ask /health
    if run_server:
        problems += _run_server_block(servers[0], tour.workdir, lang)
    timings = ", ".join(f"{s.group[0]} {s.group[1]} {r['seconds']}s" for s, r in pairs)
    print(f"\n{lang} tour: {timings}")
    assert not problems, "\n\n".join(problems)


def test_the_english_tour_runs_as_shown(english_tour):
    assert len(english_tour.steps) >= 10, "the tour has its commands"
    _check_run(english_tour, "en")


def test_the_turkish_tour_runs_as_shown(english_tour, tmp_path):
    """In Turkish (``TRTUNE_LANG=tr``). A command of the English tour whose English run
    already printed every line the Turkish README shows (nanoGPT speaks English only) is not
    run twice: its folder is copied, so that the commands after it find it."""
    blocks = tour_blocks(READMES["tr"])
    workdir = copy_examples(tmp_path)
    english = list(zip(english_tour.steps, english_tour.results, strict=True))
    steps = [s for b in blocks if not b.serves for s in b.steps]
    reused = {}
    for step in steps:
        twin = next((r for e, r in english if _covers(e, r, step)), None)
        if twin is not None:
            reused[id(step)] = twin
            out = step.option("--out")
            if out is not None and (english_tour.workdir / out).exists():
                _copy(english_tour.workdir / out, workdir / out)
    again = [s for s in steps if id(s) not in reused]
    fresh = iter(run_steps(again, workdir, "tr") if again else [])
    results = [reused[id(s)] if id(s) in reused else next(fresh) for s in steps]
    server = next(b for b in blocks if b.serves).steps
    english_server = next(b for b in english_tour.blocks if b.serves).steps
    same_server = len(server) == len(english_server) and all(
        _same(a, b) for a, b in zip(server, english_server, strict=True)
    )
    _check_run(TourRun(blocks, steps, results, workdir), "tr", run_server=not same_server)


def _copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    if source.is_dir():
        shutil.copytree(source, target)
    else:
        shutil.copy2(source, target)


def _commands(lang: str) -> list[str]:
    """The tour's commands, with ``--lang`` left out (the Turkish tour may ask for Turkish)."""
    commands = []
    for block in tour_blocks(READMES[lang]):
        for step in block.steps:
            argv = step.argv
            if "--lang" in argv:
                at = argv.index("--lang")
                argv = argv[:at] + argv[at + 2 :]
            commands.append(" ".join(argv))
    return commands


def test_both_readmes_tour_the_same_commands():
    assert _commands("tr") == _commands("en")


def test_the_tour_visits_every_command_group():
    """Every group and command of ``trtune --help`` (read from the CLI's source, which names
    them in ``add_typer(..., name=...)`` and ``command(name=...)``) is in the tour."""
    source = (REPO / "trtune" / "cli" / "__init__.py").read_text(encoding="utf-8")
    groups = set(re.findall(r"app\.(?:add_typer\([^)]*|command\()name=\"([a-z0-9-]+)\"", source))
    assert {"data", "classify", "serve"} <= groups, groups  # the pattern still finds them
    toured = {step.group[0] for block in tour_blocks(READMES["en"]) for step in block.steps}
    assert groups - NOT_TOURED <= toured, sorted(groups - NOT_TOURED - toured)


def test_the_tour_reader_rejects_untested_commands(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text("```console\n$ rm -rf runs\n```\n", encoding="utf-8")
    with pytest.raises(ValueError, match="not a tour command"):
        tour_blocks(readme)


def test_shown_lines_match_apart_from_numbers():
    step = Step("trtune x", 1, ["epoch 1.00/8  step 16  loss 1.1047", "...", "saved: runs/a ..."])
    printed = "epoch 1.00/8  step 16  loss 0.9000\nsaved: runs/a  report: runs/a/report.html\n"
    assert missing_lines(step, printed) == []
    assert missing_lines(step, printed.replace("saved", "wrote")) == ["saved: runs/a ..."]
    assert normalize("│ rows read │ 13,832 │") == normalize("│ rows read │ 360    │")
