"""examples/trtune_tour.ipynb, the Colab entry point, runs top to bottom and shows the tour.

The notebook is executed with nbclient in a Jupyter kernel, in a temporary folder holding a
copy of ``examples/`` and of the folders the README's English tour trained (the notebook's
training commands are the tour's, checked below, and its ``trtune(...)`` helper reuses a
finished folder, as it does when a Colab user runs a cell twice). One folder is left out, so
that one training command runs in the kernel too. trtune is importable here, so the install
cell only says where it works; its install branch (a checkout without trtune installed, or
Colab with ``TRTUNE_REPO``) is run with pip and git replaced by a recorder.
"""

from __future__ import annotations

import importlib.util
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient
from readme_tour import READMES, REPO, TourRun, copy_examples, tour_blocks, tour_env

NOTEBOOK = REPO / "examples" / "trtune_tour.ipynb"
TRAINED_IN_THE_KERNEL = "runs/lm"  # not copied: the kernel trains it


def _printed(cell) -> str:
    """Everything a code cell showed: streams and the plain-text form of displays."""
    parts = []
    for output in cell.get("outputs", []):
        if output["output_type"] == "stream":
            parts.append(output["text"])
        elif output["output_type"] in ("display_data", "execute_result"):
            parts.append(output.get("data", {}).get("text/plain", ""))
        elif output["output_type"] == "error":
            parts.append("\n".join(output["traceback"]))
    return "".join(parts)


def _cell_showing(cells: list[tuple[str, str]], source_fragment: str) -> str:
    """What the code cell whose source contains ``source_fragment`` printed."""
    matches = [printed for source, printed in cells if source_fragment in source]
    assert len(matches) == 1, f"{len(matches)} cells run {source_fragment!r}"
    return matches[0]


def _notebook_commands(notebook) -> list[str]:
    """The ``trtune("...")`` commands of the notebook's code cells, as written."""
    commands = []
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        joined = re.sub(r'"\s*\n\s*"', "", re.sub(r"'\s*\n\s*'", "", cell.source))
        for quote in ('"""', '"', "'"):
            pattern = rf"trtune\(\s*{quote}(.+?){quote}\s*\)"
            commands += [m.strip() for m in re.findall(pattern, joined, re.DOTALL)]
            joined = re.sub(pattern, "", joined, flags=re.DOTALL)
    return commands


def test_the_notebook_trains_what_the_readme_tour_trains():
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    trains = [c for c in _notebook_commands(notebook) if shlex.split(c)[1:2] == ["train"]]
    toured = {
        shlex.join(step.argv[1:]) for block in tour_blocks(READMES["en"]) for step in block.steps
    }
    assert len(trains) >= 7, trains
    for command in trains:
        assert shlex.join(shlex.split(command)) in toured, command


def test_the_notebook_runs_the_tour(english_tour: TourRun, tmp_path, monkeypatch):
    workdir = copy_examples(tmp_path)
    shutil.copytree(english_tour.workdir / "runs", workdir / "runs")
    shutil.rmtree(workdir / TRAINED_IN_THE_KERNEL)
    for name, value in tour_env("en").items():
        monkeypatch.setenv(name, value)  # the kernel inherits this environment
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    assert all(not c.get("outputs") for c in notebook.cells if c.cell_type == "code"), (
        "the notebook is committed without outputs"
    )
    NotebookClient(
        notebook, timeout=600, kernel_name="python3", resources={"metadata": {"path": workdir}}
    ).execute()
    cells = [(c.source, _printed(c)) for c in notebook.cells if c.cell_type == "code"]

    assert f"working in {workdir}" in _cell_showing(cells, "TRTUNE_REPO")  # no install here
    assert re.search(r"trtune \d+\.\d+", _cell_showing(cells, 'trtune("--version")'))
    assert "rows kept" in _cell_showing(cells, "data inspect")
    assert "it should be [4, 16, 12]" in _cell_showing(cells, "learn attention")
    nanogpt = _cell_showing(cells, "nanogpt sort")
    assert "runs/sort holds a finished run: reusing it" in nanogpt and "ABBBCC" in nanogpt
    classify = _cell_showing(cells, "classify train")
    assert re.search(r"^positive .*Ürün çok güzel", classify, re.MULTILINE), classify
    api = _cell_showing(cells, "load_classifier")
    assert len([line for line in api.splitlines() if line.strip()]) == 2, api
    lm = _cell_showing(cells, "lm train")
    assert "perplexity" in lm and f"wrote {TRAINED_IN_THE_KERNEL}" in lm, lm  # trained here
    assert re.search(r"\[\d+:\d+ ", _cell_showing(cells, "qa train"))
    assert "Orhan Pamuk 2006'da Stockholm'e gitti." in _cell_showing(cells, "ner train")
    assert "Kargo çok [MASK] geldi." in _cell_showing(cells, "mask train")
    assert _cell_showing(cells, "seq2seq train").strip()
    assert (workdir / TRAINED_IN_THE_KERNEL / "report.html").is_file()
    assert (workdir / "runs" / "nanogpt.html").is_file()


def _run_install_cell(monkeypatch, cwd: Path) -> list[list[str]]:
    """Run the install cell as if trtune were not installed, in ``cwd``, without TRTUNE_REPO;
    return the commands it ran (recorded, not run)."""
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    cell = next(
        c.source for c in notebook.cells if c.cell_type == "code" and "TRTUNE_REPO" in c.source
    )
    ran: list[list[str]] = []
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *args: None)
    monkeypatch.setattr(subprocess, "run", lambda command, **kwargs: ran.append(command))
    monkeypatch.setattr(sys, "path", list(sys.path))
    monkeypatch.delenv("TRTUNE_REPO", raising=False)
    monkeypatch.chdir(cwd)  # restored afterwards, as the cell moves to the checkout
    exec(compile(cell, "install-cell", "exec"), {"__name__": "__main__"})
    return ran


def test_the_install_cell_installs_the_checkout_it_sits_in(monkeypatch):
    """Opened from examples/ of a clone (on Windows too, where there is no make), with no
    TRTUNE_REPO: the cell installs that checkout, clones nothing, and moves to its root."""
    ran = _run_install_cell(monkeypatch, REPO / "examples")
    assert ran == [[sys.executable, "-m", "pip", "install", "-q", "-e", f"{REPO}[serve]"]]
    assert Path.cwd() == REPO


def test_the_install_cell_outside_a_checkout_asks_for_trtune_repo(monkeypatch, tmp_path):
    with pytest.raises(SystemExit, match="TRTUNE_REPO"):
        _run_install_cell(monkeypatch, tmp_path)
