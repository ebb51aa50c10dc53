"""Loading, tokenizer training and generation say what they are doing: a spinner (or a
plain line every few seconds off a terminal), titled in the user's language."""

from __future__ import annotations

import io
import time
from contextlib import contextmanager

import pytest
from rich.console import Console

from trtune.infer.sampling import GenerationSettings
from trtune.infer.seq2seq import Seq2SeqGenerator
from trtune.run.models import load_model, load_tokenizer, resolve_model
from trtune.run.progress import Reporter

TEXTS = ["Kargo çok hızlı geldi.", "Ürün bozuk çıktı, iade ettim.", "Fiyatına göre iyi."] * 4


class RecordingReporter(Reporter):
    """A reporter that keeps the title of every spinner and progress bar."""

    def __init__(self, lang: str = "en") -> None:
        super().__init__(Console(file=io.StringIO()), lang=lang)
        self.titles: list[str] = []

    @contextmanager
    def waiting(self, title: str):
        self.titles.append(title)
        with super().waiting(title):
            yield

    @contextmanager
    def progress(self, title: str, total: int | None, start: int = 0):
        self.titles.append(title)
        with super().progress(title, total, start) as task:
            yield task


@pytest.fixture(scope="module")
def tiny_t5():
    reporter = RecordingReporter("tr")
    source = resolve_model("tiny-t5")
    tokenizer = load_tokenizer(source, TEXTS, reporter=reporter)
    model = load_model(source, "seq2seq-lm", tokenizer, reporter=reporter)
    return model, tokenizer, reporter.titles


def test_preset_tokenizer_training_and_model_building_are_titled(tiny_t5):
    *_, titles = tiny_t5
    assert titles == [
        "belirteçleyici 12 metin üzerinde eğitiliyor (tiny-t5)",
        "küçük model kuruluyor: tiny-t5",
    ]


def test_loading_a_folder_is_titled(tiny_t5, tmp_path):
    model, tokenizer, _ = tiny_t5
    model.save_pretrained(tmp_path)
    tokenizer.save_pretrained(tmp_path)
    reporter, source = RecordingReporter(), resolve_model(str(tmp_path))
    load_model(source, "seq2seq-lm", load_tokenizer(source, reporter=reporter), reporter=reporter)
    assert reporter.titles == [
        f"loading the tokenizer of {tmp_path}",
        f"loading the model {tmp_path}",
    ]


def test_generation_reports_each_batch(tiny_t5):
    model, tokenizer, _ = tiny_t5
    done: list[int] = []
    settings = GenerationSettings(max_new_tokens=2, num_beams=1)
    outputs = Seq2SeqGenerator(model, tokenizer).generate(TEXTS[:5], settings, 2, done.append)
    assert len(outputs) == 5 and done == [2, 4, 5]


def test_waiting_off_a_terminal_prints_a_line_every_few_seconds():
    printed = io.StringIO()
    reporter = Reporter(Console(file=printed, width=200), plain_every=0.05)
    with reporter.waiting("loading the model x"):
        time.sleep(0.3)
    lines = printed.getvalue().splitlines()
    assert len(lines) >= 2 and all(line.startswith("loading the model x: 0:00") for line in lines)
    quiet = io.StringIO()
    with Reporter(Console(file=quiet)).waiting("quick"):  # quick work prints nothing
        pass
    assert quiet.getvalue() == ""


def test_waiting_on_a_terminal_shows_a_spinner_with_the_title():
    printed = io.StringIO()
    reporter = Reporter(Console(file=printed, force_terminal=True, width=100))
    with reporter.waiting("model yükleniyor: x"):
        time.sleep(0.1)
    assert "model yükleniyor: x" in printed.getvalue()
