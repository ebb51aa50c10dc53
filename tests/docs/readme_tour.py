"""The README's tour as data: its commands, what they are shown to print, and how to check a run.

The convention (written for the READMEs' authors):

- The tour is every fenced ```` ```console ```` block of ``README.md`` and ``README.tr.md``.
  In those blocks a line starting with ``$ `` is a command (a trailing ``\\`` continues it on
  the next line); the lines after it, up to the next command, are what it printed. Only
  ``trtune ...`` commands may appear, and ``curl ...`` in the block that starts the server.
- Paths are relative to the repository root; the test runs the commands in a temporary folder
  holding a copy of ``examples/``, so ``--out runs/...`` lands there.
- ``...`` on a line of its own stands for lines left out; a line ending in ``...`` was cut
  there. Numbers are compared as "a number" (timings, losses and tokens/s vary), so a shown
  line matches a printed line whose text is the same apart from its numbers.
- A command shown printing an ``error:`` line must fail; every other one must exit 0.
- What a tiny random model writes (generated text, answers, predicted labels) differs from
  one CPU to the next, so for the commands in :data:`MODEL_OUTPUT` the test checks the shape
  (output present, the inputs echoed where they were shown echoed), not the words.
- The block holding ``$ trtune serve`` is run differently: the server is started in the
  background on a free port, the test waits for ``/health``, runs the block's ``curl``
  commands against it (``localhost:8000`` rewritten) and stops the server.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
READMES = {"en": REPO / "README.md", "tr": REPO / "README.tr.md"}
RUNNER = Path(__file__).with_name("tour_runner.py")

# Commands whose words come from a tiny random model: checked for shape, not words.
MODEL_OUTPUT = {
    ("classify", "predict"),
    ("lm", "generate"),
    ("lm", "chat"),
    ("nanogpt", "sample"),
    ("qa", "predict"),
    ("seq2seq", "generate"),
    ("ner", "predict"),
    ("mask", "predict"),
}
_NUMBER = re.compile(r"[-+]?\d[\d,]*(?:\.\d+)?(?:[eE][-+]?\d+)?")
_RULE = re.compile(r"[─━═]+")
_FENCE_OPEN = re.compile(r"^```console\s*$")


@dataclass
class Step:
    """One ``$`` command of the tour and the output shown under it."""

    command: str
    line: int
    shown: list[str] = field(default_factory=list)

    @property
    def argv(self) -> list[str]:
        return shlex.split(self.command)

    @property
    def group(self) -> tuple[str, str]:
        """``("classify", "train")`` for ``trtune classify train ...``."""
        words = [a for a in self.argv[1:] if not a.startswith("-")]
        return (words[0], words[1]) if len(words) > 1 else (words[0], "") if words else ("", "")

    @property
    def expects_error(self) -> bool:
        return any(line.startswith(("error:", "hata:")) for line in self.shown)

    def option(self, name: str) -> str | None:
        """The value of ``--name VALUE`` in the command, if given."""
        argv = self.argv
        for i, arg in enumerate(argv[:-1]):
            if arg == name:
                return argv[i + 1]
        return None


@dataclass
class Block:
    """A ``console`` block of the tour."""

    steps: list[Step]
    line: int

    @property
    def serves(self) -> bool:
        return any(s.argv[:2] == ["trtune", "serve"] for s in self.steps)


def tour_blocks(readme: Path) -> list[Block]:
    """The ``console`` blocks of ``readme``, each a list of steps.

    Raises:
        ValueError: a ``$`` line that is neither ``trtune`` nor ``curl`` (untested commands
            do not go into the tour), or ``curl`` outside the server's block.
    """
    blocks: list[Block] = []
    lines = readme.read_text(encoding="utf-8").splitlines()
    i = 0
    while i < len(lines):
        if not _FENCE_OPEN.match(lines[i]):
            i += 1
            continue
        block, i = Block([], i + 1), i + 1
        while i < len(lines) and not lines[i].startswith("```"):
            text = lines[i]
            if text.startswith("$ "):
                start = i + 1
                command = text[2:]
                while command.endswith("\\") and i + 1 < len(lines):
                    i += 1
                    command = command[:-1].rstrip() + " " + lines[i].strip()
                block.steps.append(Step(command, start))
            elif block.steps:
                block.steps[-1].shown.append(text)
            i += 1
        _check_commands(block, readme)
        blocks.append(block)
        i += 1
    return blocks


def _check_commands(block: Block, readme: Path) -> None:
    for step in block.steps:
        program = step.argv[0]
        if program == "trtune" or (program == "curl" and block.serves):
            continue
        raise ValueError(f"{readme.name}:{step.line}: not a tour command: {step.command}")


@dataclass
class TourRun:
    """The steps of one README's tour, what each printed, and the folder they ran in."""

    blocks: list[Block]
    steps: list[Step]
    results: list[dict]
    workdir: Path


def copy_examples(folder: Path) -> Path:
    """``folder`` with a copy of the repository's ``examples/``: where a tour runs."""
    shutil.copytree(REPO / "examples", folder / "examples")
    return folder


def run_english_tour(folder: Path) -> TourRun:
    """Run README.md's tour (all but the server) in ``folder``."""
    blocks = tour_blocks(READMES["en"])
    steps = [s for b in blocks if not b.serves for s in b.steps]
    workdir = copy_examples(folder)
    return TourRun(blocks, steps, run_steps(steps, workdir, "en"), workdir)


def normalize(line: str) -> str:
    """A line with every number as ``#``, rules and spaces collapsed (widths follow numbers)."""
    line = _NUMBER.sub("#", line)
    line = _RULE.sub("─", line)
    return re.sub(r"\s+", " ", line).strip()


def missing_lines(step: Step, printed: str) -> list[str]:
    """The lines shown under ``step`` that its run did not print (numbers aside)."""
    actual = [normalize(line) for line in printed.splitlines()]
    missing = []
    for shown in step.shown:
        text = shown.strip()
        if not text or text == "...":
            continue
        wanted = normalize(text[:-3] if text.endswith("...") else text)
        if not any(wanted in line for line in actual):
            missing.append(shown)
    return missing


def model_output_problems(step: Step, printed: str) -> list[str]:
    """Shape checks for a command whose words come from a model (see :data:`MODEL_OUTPUT`)."""
    problems = []
    if not printed.strip():
        problems.append("printed nothing")
    shown = "\n".join(step.shown)
    words = [a for a in step.argv[1:] if not a.startswith("-")]
    for arg in words[2:]:
        if len(arg) > 8 and arg in shown and arg not in printed:
            problems.append(f"did not echo {arg!r}")
    return problems


def tour_env(lang: str) -> dict[str, str]:
    """The environment the tour runs in: offline, one thread, fixed width, ``lang``."""
    env = dict(os.environ)
    env.update(
        PYTHONPATH=str(REPO),
        COLUMNS="100",
        TRTUNE_LANG=lang,
        HF_HUB_OFFLINE="1",
        TRANSFORMERS_OFFLINE="1",
        OMP_NUM_THREADS="1",  # tiny models gain nothing from more; the machine is shared
        PYTHONIOENCODING="utf-8",
    )
    return env


def run_steps(steps: list[Step], workdir: Path, lang: str, timeout: float = 900) -> list[dict]:
    """Run ``steps`` (``trtune`` commands) one after another in one Python process.

    One process: importing trtune's libraries takes seconds, training a tiny model less.
    Each command still goes through :func:`trtune.cli.main`, as on the command line.

    Returns:
        One ``{"code", "stdout", "stderr", "seconds"}`` per step.
    """
    results = workdir / f".tour-{lang}.json"
    commands = json.dumps([s.argv[1:] for s in steps])
    subprocess.run(
        [sys.executable, str(RUNNER), str(results)],
        input=commands,
        text=True,
        cwd=workdir,
        env=tour_env(lang),
        timeout=timeout,
        check=True,
    )
    return json.loads(results.read_text(encoding="utf-8"))
