"""The report's self-attention example: golden numbers, the rounding and the score typo."""

from __future__ import annotations

import json

import pytest
import torch

from trtune.cli import main
from trtune.learn.attention import report_example, self_attention_steps, unscaled_second_score_row

GOLDEN_WEIGHTS = [
    [6.3379e-02, 4.6831e-01, 4.6831e-01],
    [6.0337e-06, 9.8201e-01, 1.7986e-02],
    [2.9539e-04, 8.8054e-01, 1.1917e-01],
]
GOLDEN_OUTPUTS = [[1.9366, 6.6831, 1.5951], [2.0000, 7.9640, 0.0540], [1.9997, 7.7599, 0.3584]]
GOLDEN_SCALED_OUTPUTS = [
    [1.8639, 6.3194, 1.7042],
    [1.9991, 7.8141, 0.2735],
    [1.9926, 7.4796, 0.7359],
]
REPORT_OUTPUTS = [[2.0, 7.0, 1.5], [2.0, 8.0, 0.0], [2.0, 7.8, 0.3]]


def _close(actual: torch.Tensor | list, expected: list, rtol: float = 1e-4, atol: float = 1e-4):
    torch.testing.assert_close(
        torch.as_tensor(actual, dtype=torch.float64),
        torch.tensor(expected, dtype=torch.float64),
        rtol=rtol,
        atol=atol,
    )


def test_keys_queries_values_scores() -> None:
    steps = report_example()
    _close(steps.keys, [[0, 1, 1], [4, 4, 0], [2, 3, 1]])
    _close(steps.queries, [[1, 0, 2], [2, 2, 2], [2, 1, 3]])
    _close(steps.values, [[1, 2, 3], [2, 8, 0], [2, 6, 3]])
    _close(steps.scores, [[2, 4, 4], [4, 16, 12], [4, 12, 10]])


def test_exact_softmax_and_outputs() -> None:
    steps = report_example()
    _close(steps.weights, GOLDEN_WEIGHTS, rtol=1e-4, atol=1e-9)
    _close(steps.weights.sum(dim=-1), [1.0, 1.0, 1.0], atol=1e-12)
    _close(steps.outputs, GOLDEN_OUTPUTS)
    _close(steps.weighted_values.sum(dim=1), GOLDEN_OUTPUTS)


def test_the_reports_outputs_come_from_the_rounded_softmax() -> None:
    steps = report_example()
    _close(steps.rounded_outputs, REPORT_OUTPUTS, atol=1e-12)
    # ... and they are not the exact outputs.
    assert (steps.outputs - steps.rounded_outputs).abs().max() > 0.2


def test_the_reports_second_score_row_is_a_typo() -> None:
    assert unscaled_second_score_row() == [4.0, 16.0, 12.0]


def test_scaled_outputs() -> None:
    steps = report_example(scaled=True)
    _close(steps.scores, (torch.tensor([[2, 4, 4], [4, 16, 12], [4, 12, 10]]) / 3**0.5).tolist())
    _close(steps.outputs, GOLDEN_SCALED_OUTPUTS)


def test_matches_torch_softmax() -> None:
    x, w = torch.randn(5, 4, dtype=torch.float64), torch.randn(3, 4, 3, dtype=torch.float64)
    steps = self_attention_steps(x, w[0], w[1], w[2], scaled=True)
    expected = torch.softmax((x @ w[1]) @ (x @ w[0]).T / 3**0.5, dim=-1) @ (x @ w[2])
    torch.testing.assert_close(steps.outputs, expected)


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    try:
        main(args)
    except SystemExit as exc:
        assert exc.code in (0, None)
    return capsys.readouterr().out


def test_cli_json(capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(_run(["learn", "attention", "--json"], capsys))
    for key in ("keys", "queries", "values", "scores", "weights", "outputs", "rounded_outputs"):
        assert key in data
    _close(data["weights"], GOLDEN_WEIGHTS, atol=1e-9)
    _close(data["outputs"], GOLDEN_OUTPUTS)
    _close(data["rounded_outputs"], REPORT_OUTPUTS, atol=1e-12)
    assert data["scores"][1] == [4.0, 16.0, 12.0]


def test_cli_json_scaled(capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(_run(["learn", "attention", "--scaled", "--json"], capsys))
    _close(data["outputs"], GOLDEN_SCALED_OUTPUTS)


def test_cli_turkish_for_a_turkish_locale(capsys, monkeypatch) -> None:
    for name in ("TRTUNE_LANG", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "tr_TR.UTF-8")
    out = _run(["learn", "attention"], capsys)
    assert "sorgu" in out and "anahtar" in out and "değer" in out
    assert "query 1" not in out  # the English term appears in brackets, the labels do not
    assert "[4, 18, 12]" in out and "[4, 16, 12]" in out
    assert "1.9366" in out and "7.8" in out


def test_cli_english(capsys: pytest.CaptureFixture[str]) -> None:
    out = _run(["learn", "attention", "--lang", "en", "--scaled"], capsys)
    assert "query" in out and "key" in out and "value" in out
    assert "sorgu 1" not in out
    assert "√d_k" in out and "6.3194" in out


def test_cli_rejects_unknown_language(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["learn", "attention", "--lang", "de"])
    assert exc.value.code == 2
    assert "--lang" in capsys.readouterr().err


def test_cli_english_for_other_locales(capsys, monkeypatch) -> None:
    for name in ("TRTUNE_LANG", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    out = _run(["learn", "attention"], capsys)
    assert "query 1" in out and "sorgu 1" not in out


def test_cli_prints_the_weight_matrices_so_keys_can_be_checked_by_hand(capsys) -> None:
    out = _run(["learn", "attention", "--lang", "en"], capsys)
    for name in ("W_key (4 × 3)", "W_query (4 × 3)", "W_value (4 × 3)"):
        assert name in out
    # one number format: no scientific notation, tiny weights read 0.0000
    assert "e-0" not in out and "0.0000" in out
    data = json.loads(_run(["learn", "attention", "--json"], capsys))
    keys = torch.tensor(data["inputs"]) @ torch.tensor(data["w_key"])
    assert keys.tolist() == data["keys"]


def test_cli_step_shows_one_step_and_what_it_is_computed_from(capsys) -> None:
    out = _run(["learn", "attention", "--lang", "en", "--step", "4"], capsys)
    assert "Step 4 is computed from:" in out
    assert "2. Queries" in out and "1. Keys" in out and "4. Attention scores" in out
    assert "5. Softmax" not in out and "W_key (4" not in out and "Inputs x" not in out
    first = _run(["learn", "attention", "--lang", "tr", "--step", "1"], capsys)
    assert "Girdiler x" in first and "W_key" in first and "1. Anahtarlar" in first
    assert "W_query (4" not in first and "2. Sorgular" not in first
    with pytest.raises(SystemExit) as exc:
        main(["learn", "attention", "--step", "9"])
    assert exc.value.code == 2
