"""Every reason a ``UserError`` (or ``NumericalFault``, ``Interrupted``) can be raised with,
read from the source as English templates (``{}`` for each f-string field).

Used by ``tests/test_error_text.py`` (every template has Turkish) and, as a script, to print
the templates that still lack it: ``python tests/error_sites.py``.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "trtune"
RAISED = ("UserError", "NumericalFault", "Interrupted")
# Reasons made elsewhere and already in the user's language, or passed through unchanged.
LOCALISED_CALLS = ("say",)
PASSED_THROUGH = ("str",)


def template(node: ast.AST) -> str | None:
    """The English template of a string expression, or None when it is not one."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value.replace("{", "{{").replace("}", "}}")
    if isinstance(node, ast.JoinedStr):
        out = ""
        for value in node.values:
            if isinstance(value, ast.Constant):
                out += value.value.replace("{", "{{").replace("}", "}}")
            else:
                out += "{}"
        return out
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = template(node.left), template(node.right)
        if left is not None and right is not None:
            return left + right
    return None


def _module_constants(tree: ast.Module) -> dict[str, ast.AST]:
    values = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
            if isinstance(target, ast.Name):
                values[target.id] = node.value
    return values


def _functions(tree: ast.Module) -> dict[str, ast.FunctionDef]:
    return {n.name: n for n in tree.body if isinstance(n, ast.FunctionDef)}


def _sentences(function: ast.AST) -> list[str]:
    """The string templates of a function that read as sentences (a reason kept in a local
    variable, such as a list of checks and their messages)."""
    inner = {
        id(part)
        for node in ast.walk(function)
        if isinstance(node, ast.JoinedStr)
        for part in ast.walk(node)
        if part is not node
    }
    docstring = getattr(function, "body", [None])[0]
    if isinstance(docstring, ast.Expr):
        inner.add(id(docstring.value))
    found = []
    for node in ast.walk(function):
        if id(node) in inner or not isinstance(node, ast.Constant | ast.JoinedStr):
            continue
        text = template(node)
        if text and " " in text.strip():
            found.append(text)
    return found


class _Reader:
    def __init__(self, path: Path, imported: dict[str, ast.AST]):
        self.path = path
        self.tree = ast.parse(path.read_text(encoding="utf-8"))
        self.constants = {**imported, **_module_constants(self.tree)}
        self.functions = _functions(self.tree)
        self.templates: list[tuple[str, int, str]] = []
        self.unknown: list[tuple[str, int, str]] = []

    def read(self) -> None:
        for outer in ast.walk(self.tree):
            if not isinstance(outer, ast.FunctionDef | ast.AsyncFunctionDef | ast.Module):
                continue
            for node in ast.iter_child_nodes(outer):
                self._visit(node, outer)

    def _visit(self, node: ast.AST, function: ast.AST) -> None:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            if isinstance(node, ast.ClassDef):
                for child in ast.iter_child_nodes(node):
                    self._visit(child, node)
            return
        if isinstance(node, ast.Call):
            name = getattr(node.func, "id", getattr(node.func, "attr", None))
            if name in RAISED:
                reason = node.args[0] if node.args else None
                for keyword in node.keywords:
                    if keyword.arg in ("reason", "message"):
                        reason = keyword.value
                if reason is not None:
                    self._reason(reason, function, node.lineno)
        for child in ast.iter_child_nodes(node):
            self._visit(child, function)

    def _reason(self, node: ast.AST, function: ast.AST, line: int) -> None:
        where = f"{self.path.relative_to(ROOT.parent)}:{line}"
        text = template(node)
        if text is not None:
            self.templates.append((where, line, text))
        elif isinstance(node, ast.IfExp):
            self._reason(node.body, function, line)
            self._reason(node.orelse, function, line)
        elif isinstance(node, ast.Name) and node.id in self.constants:
            self._reason(self.constants[node.id], function, line)
        elif isinstance(node, ast.Name):
            self.templates.extend((where, line, t) for t in _sentences(function))
        elif isinstance(node, ast.Call) and getattr(node.func, "id", None) in self.functions:
            for ret in ast.walk(self.functions[node.func.id]):
                if isinstance(ret, ast.Return) and ret.value is not None:
                    self._reason(ret.value, function, line)
        elif isinstance(node, ast.Call) and getattr(node.func, "id", None) in (
            LOCALISED_CALLS + PASSED_THROUGH
        ):
            return
        else:
            self.unknown.append((where, line, ast.unparse(node)))


def error_templates() -> tuple[list[tuple[str, int, str]], list[tuple[str, int, str]]]:
    """(where, line, template) for every reason found, and the reasons that could not be
    read as templates."""
    templates, unknown = [], []
    paths = sorted(ROOT.rglob("*.py"))
    imported: dict[str, ast.AST] = {}  # string constants any module may import by name
    for path in paths:
        constants = _module_constants(ast.parse(path.read_text(encoding="utf-8")))
        for name, value in constants.items():
            if template(value) is not None and name.isupper():
                imported.setdefault(name, value)
    for path in paths:
        reader = _Reader(path, imported)
        reader.read()
        templates += reader.templates
        unknown += reader.unknown
    return templates, unknown


if __name__ == "__main__":
    import json
    import sys

    sys.path.insert(0, str(ROOT.parent))
    from trtune.error_text import turkish_table

    table = turkish_table()
    found, unread = error_templates()
    missing = {}
    for where, _, text in found:
        if text not in table:
            missing.setdefault(text, where)
    print(json.dumps({"missing": missing, "unread": unread}, ensure_ascii=False, indent=1))
