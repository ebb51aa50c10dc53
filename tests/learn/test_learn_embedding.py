"""Word embeddings: the four-word network, the Turkish variant, the CLI and the plots."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import torch

from trtune.cli import main
from trtune.learn.embedding import (
    ENGLISH_CORPUS,
    TURKISH_CORPUS,
    EmbeddingConfig,
    NextWordNetwork,
    train_embedding,
    training_pairs,
)


def test_training_pairs_of_the_report() -> None:
    words, pairs = training_pairs(ENGLISH_CORPUS)
    assert words == ["Troll2", "is", "great", "Gymkata"]
    named = [(words[a], words[b]) for a, b in pairs]
    assert named == [
        ("Troll2", "is"),
        ("is", "great"),
        ("great", "Gymkata"),
        ("Gymkata", "is"),
        ("is", "great"),
        ("great", "Troll2"),  # the text wraps around
    ]


def test_network_is_one_hot_times_weights() -> None:
    net = NextWordNetwork(4, 2)
    assert net.to_embedding.bias is None and net.to_next_word.bias is None
    one_hot = torch.eye(4)
    torch.testing.assert_close(net.to_embedding(one_hot), net.embeddings())


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_words_in_the_same_context_end_up_closest(seed: int) -> None:
    config = EmbeddingConfig(seed=seed)
    english = train_embedding(ENGLISH_CORPUS, "english", config)
    assert english.nearest("Troll2") == "Gymkata" and english.nearest("Gymkata") == "Troll2"
    assert english.closest_pair()[:2] in {("Troll2", "Gymkata"), ("Gymkata", "Troll2")}
    turkish = train_embedding(TURKISH_CORPUS, "turkish", config)
    assert turkish.nearest("harika") == "güzel" and turkish.nearest("güzel") == "harika"
    assert turkish.distance("harika", "güzel") < 0.3 < turkish.distance("harika", "kötü")


def test_golden_seed_0() -> None:
    english = train_embedding(ENGLISH_CORPUS, "english", EmbeddingConfig(seed=0))
    assert english.final_loss == pytest.approx(0.2311, abs=2e-3)  # = 2/6 · ln 2 ("is" → ?)
    assert english.distance("Troll2", "Gymkata") == pytest.approx(0.513, abs=0.05)
    distances = english.distances
    torch.testing.assert_close(distances, distances.T)
    assert distances.diag().abs().max() < 1e-5


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    try:
        main(args)
    except SystemExit as exc:
        assert exc.code in (0, None)
    return capsys.readouterr().out


def test_cli_json_and_plots(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "plots"
    data = json.loads(_run(["learn", "embedding", "--out", str(out), "--json"], capsys))
    english, turkish = data["english"], data["turkish"]
    assert english["words"] == ["Troll2", "is", "great", "Gymkata"]
    d = english["distances"]
    assert d[0][3] == min(d[0][1:])  # Troll2 is nearest to Gymkata
    i, j = turkish["words"].index("harika"), turkish["words"].index("güzel")
    row = turkish["distances"][i]
    assert row[j] == min(v for k, v in enumerate(row) if k != i)
    for name in ("english", "turkish"):
        png = out / f"embedding-{name}.png"
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 5000


def test_cli_languages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    turkish = _run(["learn", "embedding", "--out", str(tmp_path), "--lang", "tr"], capsys)
    assert "uzaklıkları" in turkish and "harika→güzel" in turkish
    english = _run(["learn", "embedding", "--out", str(tmp_path), "--lang", "en"], capsys)
    assert "Euclidean distances" in english and "Troll2→Gymkata" in english


def test_cli_rejects_a_file_as_out(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "file.txt"
    target.write_text("x")
    with pytest.raises(SystemExit) as exc:
        main(["learn", "embedding", "--out", str(target)])
    assert exc.value.code == 2
    assert "file.txt" in capsys.readouterr().err
