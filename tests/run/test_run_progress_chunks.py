"""Prediction over many texts reports progress as it goes, a chunk at a time."""

from __future__ import annotations

import io

from rich.console import Console

from trtune.run.progress import Reporter, map_in_chunks


def test_results_keep_order_and_every_item_is_done_once():
    seen: list[list[int]] = []

    def double(part):
        seen.append(list(part))
        return [2 * x for x in part]

    assert map_in_chunks(list(range(10)), double, None, "predicting", chunk=4) == [
        2 * x for x in range(10)
    ]
    assert seen == [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9]]


def test_a_pipe_gets_plain_progress_lines_with_the_count():
    out = io.StringIO()
    reporter = Reporter(Console(file=out, force_terminal=False, width=100), plain_every=0.0)
    map_in_chunks(list(range(6)), lambda part: list(part), reporter, "predicting", chunk=2)
    lines = out.getvalue().splitlines()
    assert any(line.startswith("predicting: 2/6") for line in lines)
    assert lines[-1].startswith("predicting: 6/6")
