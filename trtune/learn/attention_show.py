"""Print the self-attention steps as rich tables, with the explanations in Turkish or English."""

from __future__ import annotations

import torch
from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from trtune.learn.attention import REPORT_SECOND_SCORE_ROW, AttentionSteps, report_example
from trtune.learn.messages import say


def _number(value: float) -> str:
    """Whole numbers as integers, tiny ones in scientific notation, others with 4 decimals."""
    if value == int(value) and abs(value) < 1e6:
        return str(int(value))
    if abs(value) < 1e-3:
        return f"{value:.4e}"
    return f"{value:.4f}".rstrip("0").rstrip(".")


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


def show_attention(steps: AttentionSteps, lang: str, console: Console) -> None:
    """Print every step of ``steps`` with its explanation.

    Args:
        steps: the computed steps (see :func:`trtune.learn.attention.report_example`).
        lang: ``"tr"`` or ``"en"``.
        console: where to print.
    """
    word, query, key = say("att.word", lang), say("att.query", lang), say("att.key", lang)
    console.rule(say("att.title", lang))
    console.print(matrix_table(say("att.inputs", lang), steps.inputs, word))
    console.print(matrix_table(say("att.keys", lang), steps.keys, key))
    console.print(matrix_table(say("att.queries", lang), steps.queries, query))
    console.print(matrix_table(say("att.values", lang), steps.values, say("att.value", lang)))
    if steps.scaled:
        title = say("att.scores_scaled", lang, d_k=steps.d_k, root=steps.d_k**0.5)
    else:
        title = say("att.scores", lang)
    console.print(matrix_table(title, steps.scores, query, key))
    console.print(matrix_table(say("att.weights", lang), steps.weights, query, key))
    # Step 6, one table per query: each row is weight_j · value_j.
    for i in range(steps.weighted_values.shape[0]):
        console.print(
            matrix_table(
                say("att.weighted", lang, query=i + 1),
                steps.weighted_values[i],
                say("att.value", lang),
            )
        )
    console.print(matrix_table(say("att.outputs", lang), steps.outputs, say("att.output", lang)))
    _show_report_notes(steps, lang, console)


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
