"""The ``classify`` step of ``trtune demo``: a tiny BERT fine-tuned on the sample reviews."""

from __future__ import annotations

from pathlib import Path

from trtune.data.label_names import display_label
from trtune.data.samples import SAMPLE_REVIEWS
from trtune.i18n import say
from trtune.infer.classify import load_classifier
from trtune.run.messages import MESSAGES as RUN_MESSAGES
from trtune.run.messages import random_init_notice
from trtune.run.progress import Reporter, silent_if_none
from trtune.tasks.classify.settings import ClassifySettings
from trtune.tasks.classify.train import train_classifier

SAMPLE_DATA = SAMPLE_REVIEWS
EXAMPLES = ["Ürün çok güzel, herkese tavsiye ederim", "Kargo çok geç geldi, hiç memnun değilim"]

_TEXT = {
    "en": {
        "start": "Fine-tuning the 'tiny' BERT (2 layers, hidden 64, WordPiece trained on the "
        "reviews; no download) on {data}, with the TF-IDF baseline beside it.",
        "result": "test accuracy {acc:.3f}, macro-F1 {f1:.3f} (TF-IDF: {bacc:.3f})",
        "predict": "predictions of the saved folder:",
    },
    "tr": {
        "start": "'tiny' BERT (2 katman, gizli boyut 64, yorumlarla eğitilmiş WordPiece; "
        "indirme yok) {data} üzerinde ince ayarlanıyor, yanında TF-IDF temel modeli.",
        "result": "test doğruluğu {acc:.3f}, makro-F1 {f1:.3f} (TF-IDF: {bacc:.3f})",
        "predict": "kaydedilen klasörün tahminleri:",
    },
}


def demo_tour(
    out_dir: Path, lang: str = "en", reporter: Reporter | None = None, data: Path | None = None
) -> list[Path]:
    """Train the tiny classifier on the sample reviews; return the report.html path."""
    reporter = silent_if_none(reporter)
    text = _TEXT.get(lang, _TEXT["en"])
    data = data or SAMPLE_DATA
    reporter.line(text["start"].format(data=data.name))
    settings = ClassifySettings(
        data=str(data),
        out=str(Path(out_dir) / "classify"),
        model="tiny",
        method="finetune",  # with the tiny preset's own defaults: 8 epochs at lr 1e-3
    )
    result = train_classifier(settings, overwrite=True, reporter=reporter)
    assert result is not None  # single process
    reporter.line(
        text["result"].format(
            acc=result.metrics["accuracy"],
            f1=result.metrics["macro_f1"],
            bacc=result.baseline["accuracy"],
        )
    )
    reporter.line(say(RUN_MESSAGES, "note", lang, text=random_init_notice(True, lang)))
    reporter.line(text["predict"])
    for prediction in load_classifier(result.out_dir).predict(EXAMPLES):
        score = prediction.probabilities[prediction.label]
        label = display_label(prediction.label, lang)
        reporter.line(f"  {label:8s} {score:.2f}  {prediction.text}")
    return [result.report]
