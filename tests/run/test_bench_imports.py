"""Every ``from trtune... import name`` in the bench scripts names a module and a name that
exist: a refactor that renames a function must not leave a benchmark broken until someone
runs it (two were, after the run-layer change)."""

from __future__ import annotations

import ast
import importlib
import importlib.util
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"
SCRIPTS = sorted(BENCH.glob("*.py"))


def _imports(path: Path) -> list[tuple[str, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("trtune"):
            found += [(node.module, alias.name) for alias in node.names]
        elif isinstance(node, ast.Import):
            found += [(a.name, "") for a in node.names if a.name.startswith("trtune")]
    return found


@pytest.mark.parametrize("script", SCRIPTS, ids=[p.name for p in SCRIPTS])
def test_every_trtune_import_of_a_bench_script_exists(script):
    for module, name in _imports(script):
        loaded = importlib.import_module(module)
        assert not name or hasattr(loaded, name) or importlib.util.find_spec(f"{module}.{name}"), (
            f"{script.name}: {module}.{name} does not exist"
        )
