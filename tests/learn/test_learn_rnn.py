"""learn rnn: hand-written cells against torch.nn, the recall task, the comparison, the CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import torch
from rich.console import Console

from tests.conftest import REPO
from trtune.cli import main
from trtune.learn.recall_task import RecallTask
from trtune.learn.rnn import GRUCell, LSTMCell, RNNCell, copy_from_torch, run
from trtune.learn.rnn_compare import MODEL_NAMES, RnnConfig, build_model
from trtune.learn.rnn_show import rnn_lesson

PAIRS = [(RNNCell, torch.nn.RNN), (GRUCell, torch.nn.GRU), (LSTMCell, torch.nn.LSTM)]


def _pair(cell_type, module_type, seed: int = 0):
    torch.manual_seed(seed)
    module = module_type(5, 7, batch_first=True)
    return copy_from_torch(cell_type(5, 7), module), module


@pytest.mark.parametrize(("cell_type", "module_type"), PAIRS)
def test_cells_match_torch_outputs_and_states(cell_type, module_type) -> None:
    cell, module = _pair(cell_type, module_type)
    x = torch.randn(3, 13, 5, generator=torch.Generator().manual_seed(1))
    theirs, their_state = module(x)
    ours, our_state = run(cell, x)
    assert ours.shape == theirs.shape == (3, 13, 7)
    torch.testing.assert_close(ours, theirs, atol=1e-5, rtol=0)
    if module_type is torch.nn.LSTM:
        torch.testing.assert_close(our_state[0], their_state[0][0], atol=1e-5, rtol=0)
        torch.testing.assert_close(our_state[1], their_state[1][0], atol=1e-5, rtol=0)
    else:
        torch.testing.assert_close(our_state[0], their_state[0], atol=1e-5, rtol=0)


@pytest.mark.parametrize(("cell_type", "module_type"), PAIRS)
def test_cells_match_torch_from_a_given_state_and_in_gradients(cell_type, module_type) -> None:
    cell, module = _pair(cell_type, module_type, seed=2)
    gen = torch.Generator().manual_seed(3)
    x = torch.randn(2, 9, 5, generator=gen)
    h0 = torch.randn(2, 7, generator=gen)
    c0 = torch.randn(2, 7, generator=gen)
    is_lstm = module_type is torch.nn.LSTM
    theirs, _ = module(x, (h0[None], c0[None]) if is_lstm else h0[None])
    ours, _ = run(cell, x, (h0, c0) if is_lstm else (h0,))
    torch.testing.assert_close(ours, theirs, atol=1e-5, rtol=0)
    weights = torch.randn(2, 9, 7, generator=gen)  # a loss that weighs every output
    (theirs * weights).sum().backward()
    (ours * weights).sum().backward()
    for name in ("weight_ih", "weight_hh", "bias_ih", "bias_hh"):
        torch.testing.assert_close(
            getattr(cell, name).grad, getattr(module, f"{name}_l0").grad, atol=1e-5, rtol=0
        )


def test_copy_from_torch_refuses_what_it_cannot_represent() -> None:
    with pytest.raises(ValueError, match="nn.LSTM"):
        copy_from_torch(LSTMCell(5, 7), torch.nn.GRU(5, 7))
    with pytest.raises(ValueError, match="one layer"):
        copy_from_torch(GRUCell(5, 7), torch.nn.GRU(5, 7, num_layers=2))
    with pytest.raises(ValueError, match="tanh"):
        copy_from_torch(RNNCell(5, 7), torch.nn.RNN(5, 7, nonlinearity="relu"))
    with pytest.raises(ValueError, match="weight_ih"):
        copy_from_torch(RNNCell(4, 7), torch.nn.RNN(5, 7))


def test_the_loop_reads_left_to_right() -> None:
    cell = GRUCell(4, 6)
    x = torch.randn(1, 10, 4, generator=torch.Generator().manual_seed(0))
    changed = x.clone()
    changed[0, 6] += 1.0
    before, _ = run(cell, x)
    after, _ = run(cell, changed)
    assert torch.equal(before[:, :6], after[:, :6])  # earlier states never see later inputs
    assert not torch.allclose(before[:, 6:], after[:, 6:])


def test_recall_task_puts_the_symbol_distance_steps_before_the_question_mark() -> None:
    task = RecallTask()
    for distance in (1, 5, 30):
        tokens, symbols = task.batch(64, distance, torch.Generator().manual_seed(distance))
        assert (tokens[:, -1] == task.query).all()
        assert torch.equal(tokens[:, -1 - distance], symbols)
        is_symbol = tokens < task.n_symbols
        assert (is_symbol.sum(dim=1) == 1).all()  # the only symbol in the sequence
        assert distance + 1 <= tokens.shape[1] <= task.max_length(distance)
    assert len(set(symbols.tolist())) > 4
    with pytest.raises(ValueError, match="distance"):
        task.batch(4, 0, torch.Generator())


def test_config_validation_and_models() -> None:
    with pytest.raises(ValueError, match="steps"):
        RnnConfig(steps=0)
    with pytest.raises(ValueError, match="distances"):
        RnnConfig(distances=(0, 5))
    config = RnnConfig.quick()
    assert config.distances == (2, 8, 32) and config.max_length() >= 32 + 1
    tokens, _ = config.task.batch(3, 8, torch.Generator().manual_seed(0))
    for name in MODEL_NAMES:
        model = build_model(name, config)
        assert model(tokens).shape == (3, config.task.n_symbols), name
    same = build_model("lstm", config).state_dict()
    for key, value in build_model("lstm", config).state_dict().items():
        assert torch.equal(value, same[key])  # the seed fixes the weights


def test_lesson_prints_tables_and_writes_plot_in_both_languages(tmp_path: Path) -> None:
    config = RnnConfig(steps=3, distances=(2, 3), eval_size=8, lengths=(4, 6), timing_repeats=1)
    console = Console(record=True, width=120)
    lesson = rnn_lesson(config, tmp_path / "tr", "tr", console)
    text = console.export_text()
    assert "Uzaklığa göre test doğruluğu" in text and "N=3" in text and "T=6" in text
    assert lesson.plot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert json.loads(lesson.numbers.read_text(encoding="utf-8")) == lesson.payload
    assert set(lesson.payload["models"]) == set(MODEL_NAMES)
    english = Console(record=True, width=120)
    rnn_lesson(config, tmp_path / "en", "en", english)
    assert "Test accuracy by distance" in english.export_text()
    assert not list(tmp_path.glob("*/.*.tmp"))  # no temporary files left behind


@pytest.mark.slow
def test_quick_run_shows_attention_recalling_further_than_the_rnn(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    try:
        main(["learn", "rnn", "--quick", "--json", "--out", str(tmp_path)])
    except SystemExit as exc:
        assert exc.code in (0, None)
    data = json.loads(capsys.readouterr().out)
    models = data["models"]
    assert set(models) == set(MODEL_NAMES)
    for name, numbers in models.items():
        assert numbers["accuracy"]["2"] >= 0.9, name  # everyone recalls 2 steps back
    assert models["transformer"]["accuracy"]["32"] >= 0.9
    assert models["rnn"]["accuracy"]["32"] < 0.5
    # the step times are measured and shown, not asserted: a loaded machine bends them
    # (an RNN's 32/8 time ratio read 1.18 once in a full test run)
    for numbers in models.values():
        assert numbers["ms_per_step"]["8"] > 0 and numbers["ms_per_step"]["32"] > 0
    assert (tmp_path / "rnn.png").stat().st_size > 20_000
    assert json.loads((tmp_path / "rnn.json").read_text(encoding="utf-8")) == data


def test_cli_rejects_bad_language_and_a_file_as_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["learn", "rnn", "--lang", "de", "--out", str(tmp_path)])
    assert exc.value.code == 2 and "--lang" in capsys.readouterr().err
    target = tmp_path / "file.txt"
    target.write_text("x")
    with pytest.raises(SystemExit) as exc:
        main(["learn", "rnn", "--out", str(target)])
    assert exc.value.code == 2 and "file.txt" in capsys.readouterr().err


def test_the_lesson_does_not_load_transformers() -> None:
    code = "import sys, trtune.learn.rnn_show; sys.exit('transformers' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], cwd=REPO).returncode == 0
