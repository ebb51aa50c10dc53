"""Print the self-attention steps as rich tables, with the explanations in Turkish or English."""

from __future__ import annotations

import torch
from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from trtune.learn.attention import REPORT_SECOND_SCORE_ROW, AttentionSteps, report_example
from trtune.learn.messages import say


def _number(value: float) -> str:
    """One format for every number: whole numbers as integers, others with 4 decimals
    (trailing zeros dropped; a value that rounds to zero keeps ``0.0000`` so it reads as
    rounded, not as exactly zero)."""
    if value == int(value) and abs(value) < 1e6:
        return str(int(value))
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return "0.0000" if text in ("0", "-0") else text


def _row_text(row: list[float]) -> str:
    return "[" + ", ".join(_number(v) for v in row) + "]"


def matrix_table(
    title: str, matrix: torch.Tensor, row_label: str, column_label: str | None = None
) -> Group:
    """A rich table of a 2-D tensor; rows are named ``row_label 1..T``.

    Args:
        title: the table's title.
        matrix: (rows, columns).
        row_label: the name of a row (e.g. "query").
        column_label: the name of a column (e.g. "key"); plain indices when None.
    """
    table = Table()
    table.add_column("", style="bold")
    for j in range(matrix.shape[1]):
        table.add_column(f"{column_label} {j + 1}" if column_label else f"[{j}]", justify="right")
    for i, row in enumerate(matrix.tolist()):
        table.add_row(f"{row_label} {i + 1}", *(_number(v) for v in row))
    # The title goes above the table rather than inside it, so that long titles do not wrap.
    return Group(Text(title, style="bold"), table)


# The numbered steps of the walk-through, as ``--step`` counts them.
STEPS = (1, 2, 3, 4, 5, 6, 7)


def show_attention(
    steps: AttentionSteps, lang: str, console: Console, step: int | None = None
) -> None:
    """Print every step of ``steps`` with its explanation, or only step ``step`` (1-7)
    preceded by the matrices it is computed from.

    Args:
        steps: the computed steps (see :func:`trtune.learn.attention.report_example`).
        lang: ``"tr"`` or ``"en"``.
        console: where to print.
        step: one step to show (1 keys, 2 queries, 3 values, 4 scores, 5 softmax,
            6 weighted values, 7 outputs); all of them when None.
    """
    tables = _tables(steps, lang)
    console.rule(say("att.title", lang))
    if step is None:
        for name in ("x", "w_key", "w_query", "w_value", *map(str, STEPS)):
            _print(console, tables[name])
        _show_report_notes(steps, lang, console)
        return
    console.print(say("att.step_given", lang, step=step))
    for name in _GIVEN[step]:
        _print(console, tables[name])
    _print(console, tables[str(step)])
    if step == 7:
        _show_report_notes(steps, lang, console)


# What each step is computed from (the tables shown before it with --step).
_GIVEN = {
    1: ("x", "w_key"),
    2: ("x", "w_query"),
    3: ("x", "w_value"),
    4: ("2", "1"),
    5: ("4",),
    6: ("5", "3"),
    7: ("6",),
}


def _print(console: Console, tables: list[Group]) -> None:
    for table in tables:
        console.print(table)


def _tables(steps: AttentionSteps, lang: str) -> dict[str, list[Group]]:
    """Every table of the walk-through by name: the inputs, the three weight matrices and
    steps ``"1"`` to ``"7"``."""
    word, query, key = say("att.word", lang), say("att.query", lang), say("att.key", lang)
    value, feature = say("att.value", lang), say("att.feature", lang)
    column = say("att.column", lang)
    if steps.scaled:
        score_title = say("att.scores_scaled", lang, d_k=steps.d_k, root=steps.d_k**0.5)
    else:
        score_title = say("att.scores", lang)
    weighted = [
        matrix_table(say("att.weighted", lang, query=i + 1), steps.weighted_values[i], value)
        for i in range(steps.weighted_values.shape[0])
    ]  # one table per query: each row is weight_j · value_j
    return {
        "x": [matrix_table(say("att.inputs", lang), steps.inputs, word)],
        "w_key": [matrix_table(say("att.w_key", lang), steps.w_key, feature, column)],
        "w_query": [matrix_table(say("att.w_query", lang), steps.w_query, feature, column)],
        "w_value": [matrix_table(say("att.w_value", lang), steps.w_value, feature, column)],
        "1": [matrix_table(say("att.keys", lang), steps.keys, key)],
        "2": [matrix_table(say("att.queries", lang), steps.queries, query)],
        "3": [matrix_table(say("att.values", lang), steps.values, value)],
        "4": [matrix_table(score_title, steps.scores, query, key)],
        "5": [matrix_table(say("att.weights", lang), steps.weights, query, key)],
        "6": weighted,
        "7": [matrix_table(say("att.outputs", lang), steps.outputs, say("att.output", lang))],
    }


def _show_report_notes(steps: AttentionSteps, lang: str, console: Console) -> None:
    """Explain the two places where the report's printed numbers differ from the exact ones."""
    rounded = "[" + ", ".join(_row_text(r) for r in steps.rounded_weights.tolist()) + "]"
    console.print(
        matrix_table(
            say("att.rounded", lang, weights=rounded),
            steps.rounded_outputs,
            say("att.output", lang),
        )
    )
    console.print(say("att.rounded_note", lang))
    # The typo is about the unscaled scores, whatever this run's scaling.
    exact = report_example(scaled=False)
    row = exact.scores[1].tolist()
    terms = " + ".join(
        f"{_number(q)}·{_number(k)}"
        for q, k in zip(exact.queries[1].tolist(), exact.keys[1].tolist(), strict=True)
    )
    detail = f"{terms} = {_number(row[1])}"
    report_row = _row_text(REPORT_SECOND_SCORE_ROW)
    console.print(say("att.typo", lang, report=report_row, computed=_row_text(row), detail=detail))
    if not steps.scaled:
        console.print(say("att.scaled_hint", lang))
