"""examples/trtune_tour.ipynb, the Colab entry point, runs top to bottom and shows the tour.

The notebook is executed with nbclient in a Jupyter kernel, in a temporary folder holding a
copy of ``examples/``; trtune is importable there, so the install cell only says where it
works (on Colab it clones and installs).
"""

from __future__ import annotations

import re
import shutil

import nbformat
from nbclient import NotebookClient
from readme_tour import REPO, tour_env

NOTEBOOK = REPO / "examples" / "trtune_tour.ipynb"


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


def test_the_notebook_runs_the_tour(tmp_path, monkeypatch):
    shutil.copytree(REPO / "examples", tmp_path / "examples")
    for name, value in tour_env("en").items():
        monkeypatch.setenv(name, value)  # the kernel inherits this environment
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    assert all(not c.get("outputs") for c in notebook.cells if c.cell_type == "code"), (
        "the notebook is committed without outputs"
    )
    NotebookClient(
        notebook, timeout=600, kernel_name="python3", resources={"metadata": {"path": tmp_path}}
    ).execute()
    cells = [(c.source, _printed(c)) for c in notebook.cells if c.cell_type == "code"]

    assert f"working in {tmp_path}" in _cell_showing(cells, "TRTUNE_REPO")  # no install here
    assert re.search(r"trtune \d+\.\d+", _cell_showing(cells, 'trtune("--version")'))
    assert "rows kept" in _cell_showing(cells, "data inspect")
    assert "it should be [4, 16, 12]" in _cell_showing(cells, "learn attention")
    assert "ABBBCC" in _cell_showing(cells, "nanogpt sort")
    classify = _cell_showing(cells, "classify train")
    assert "finetune: accuracy" in classify and "tfidf baseline" in classify
    assert re.search(r"^positive .*Ürün çok güzel", classify, re.MULTILINE), classify
    api = _cell_showing(cells, "load_classifier")
    assert len([line for line in api.splitlines() if line.strip()]) == 2, api
    assert "perplexity" in _cell_showing(cells, "lm train")
    assert re.search(r"\[\d+:\d+ ", _cell_showing(cells, "qa train"))
    assert _cell_showing(cells, "seq2seq train").strip()
    for folder in ("sort", "yorumlar", "lm", "sorular", "ceviri"):
        assert (tmp_path / "runs" / folder / "metrics.json").is_file(), folder
    assert (tmp_path / "runs" / "nanogpt.html").is_file()
