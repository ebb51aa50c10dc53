"""NER speed: trtune ``ner train``'s Trainer run and ``EntityTagger`` vs the plain
``transformers.Trainer`` token-classification recipe.

The plain recipe is the Hugging Face course's: words tokenized with
``is_split_into_words=True`` and ``padding="max_length"`` (128), the label on each word's
first sub-word, the default random sampler, evaluation and a checkpoint every epoch, and
``trainer.predict`` on test sentences padded the same way. trtune tokenizes without padding,
pads each batch to its longest sentence and on one CPU process runs each shuffled batch as
length-sorted micro-batches with the whole batch's gradient (token labels cut with the
inputs); its tagger sorts sentences by length. Same MiniLM-L6, seed, Wikipedia NER
sentences, epochs, batch size and learning rate; both sides' entity F1 on the same test
sentences is reported beside the speed (a few steps: not a quality figure).

ratio = trtune training samples/s / plain training samples/s (target 1.5); prediction
sentences/s are compared the same way (``predict_ratio``, must be above 1). Each side's
fastest of the alternating rounds is kept; every round is printed.

    python bench/bench_ner.py [--quick]
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import numpy as np
import torch
from benchdata import SHARED, minilm
from rounds import alternate
from transformers import AutoModelForTokenClassification, Trainer, TrainingArguments

from trtune.infer.ner import load_tagger
from trtune.run.models import load_tokenizer, resolve_model
from trtune.run.trainer import IGNORE_INDEX
from trtune.tasks.ner.data import load_ner_data
from trtune.tasks.ner.finetune import train_tagger
from trtune.tasks.ner.metrics import entity_metrics
from trtune.tasks.ner.settings import NerSettings
from trtune.tasks.ner.tags import tag_names

NER = SHARED / "ner"
MAX_LENGTH = 128
BATCH = 16
LR = 1e-4


class PaddedSentences(torch.utils.data.Dataset):
    """The course's dataset: words padded to ``max_length``, labels on first sub-words."""

    def __init__(self, tokenizer, sentences, label_ids: dict[str, int]):
        self.encoded = tokenizer(
            [list(s.words) for s in sentences],
            is_split_into_words=True,
            truncation=True,
            max_length=MAX_LENGTH,
            padding="max_length",
        )
        self.labels = []
        for i, sentence in enumerate(sentences):
            labels, previous = [], None
            for word in self.encoded.word_ids(i):
                first = word is not None and word != previous
                labels.append(label_ids[sentence.tags[word]] if first else IGNORE_INDEX)
                previous = word
            self.labels.append(labels)

    def __len__(self) -> int:
        return len(self.labels)

    def __getitem__(self, i: int) -> dict:
        item = {k: torch.tensor(v[i]) for k, v in self.encoded.items()}
        item["labels"] = torch.tensor(self.labels[i])
        return item


def plain_arguments(out: Path) -> TrainingArguments:
    return TrainingArguments(
        output_dir=str(out), num_train_epochs=1, per_device_train_batch_size=BATCH,
        per_device_eval_batch_size=BATCH * 2, learning_rate=LR, weight_decay=0.01,
        warmup_steps=0.1, eval_strategy="epoch", save_strategy="epoch", report_to="none",
        seed=42, disable_tqdm=True, use_cpu=True,
    )  # fmt: skip


def plain_predict(trainer: Trainer, dataset: PaddedSentences, names) -> list[list[str]]:
    """``trainer.predict`` and the first sub-word's tag of every word."""
    output = trainer.predict(dataset)
    predicted = np.argmax(output.predictions, axis=-1)
    return [
        [names[p] for p, y in zip(row, labels, strict=True) if y != IGNORE_INDEX]
        for row, labels in zip(predicted, dataset.labels, strict=True)
    ]


def _parts(quick: bool):
    n_train, n_test = (64, 64) if quick else (320, 400)
    train = load_ner_data(NER / "turkish_wiki_ner_train.conll").sentences[:n_train]
    test = load_ner_data(NER / "turkish_wiki_ner_test.conll").sentences[:n_test]
    validation = load_ner_data(NER / "turkish_wiki_ner_dev.conll").sentences[:32]
    return train, validation, test


def _train_ours(folder: Path, out: Path, train, validation, names, outs: list[Path]):
    outs.append(out)
    settings = NerSettings(
        data=["-"], out=str(out), model=str(folder), epochs=1, batch_size=BATCH, lr=LR,
        max_length=MAX_LENGTH, seed=42, patience=1,
    )  # fmt: skip
    fitted, _ = train_tagger(settings, train, validation, names, out, resume=False)
    return fitted.train_seconds


def _train_plain(folder: Path, out: Path, tokenizer, train, validation, names):
    label_ids = {n: i for i, n in enumerate(names)}
    torch.manual_seed(42)
    model = AutoModelForTokenClassification.from_pretrained(
        folder, num_labels=len(names), id2label=dict(enumerate(names)), label2id=label_ids
    )
    trainer = Trainer(
        model=model, args=plain_arguments(out), train_dataset=PaddedSentences(
            tokenizer, train, label_ids), eval_dataset=PaddedSentences(
            tokenizer, validation, label_ids),
    )  # fmt: skip
    start = time.perf_counter()
    trainer.train()
    return time.perf_counter() - start, trainer


def run(quick: bool = False) -> dict:
    if not (NER / "turkish_wiki_ner_train.conll").is_file():
        return {"name": "ner_throughput", "ratio": None, "target": 1.5, "missing": str(NER)}
    train, validation, test = _parts(quick)
    names = tag_names(sorted({t[2:] for s in train + validation + test for t in s.tags
                              if t != "O"}))  # fmt: skip
    _, folder = minilm()
    # The same tokenizer on both sides (trtune's: it also folds the dotless ı), so the
    # difference is padding and batching only.
    tokenizer = load_tokenizer(resolve_model(str(folder)))
    gold = [list(s.tags) for s in test]
    words = [list(s.words) for s in test]
    outs: list[Path] = []  # trtune's output folders, one per round
    with tempfile.TemporaryDirectory() as tmp:
        train_rounds = alternate(
            {
                "trtune": lambda: _train_ours(folder, Path(tmp) / f"o{len(outs)}", train,
                                              validation, names, outs),
                "plain": lambda: _train_plain(folder, Path(tmp) / f"p{len(outs)}", tokenizer,
                                              train, validation, names),
            },
            n=2,
            label="ner train",
            seconds_of=lambda side, wall, value: value if side == "trtune" else value[0],
        )  # fmt: skip
        trainer = train_rounds.results["plain"][1]
        tagger = load_tagger(outs[0], "cpu")
        test_set = PaddedSentences(tokenizer, test, {n: i for i, n in enumerate(names)})
        predict_rounds = alternate(
            {
                "trtune": lambda: tagger.tag_sentences(words),
                "plain": lambda: plain_predict(trainer, test_set, names),
            },
            n=2 if quick else 3,
            label="ner predict",
        )
    ours, plain = predict_rounds.results["trtune"], predict_rounds.results["plain"]
    best = {
        "train_ours": train_rounds.best("trtune"),
        "train_plain": train_rounds.best("plain"),
        "predict_ours": predict_rounds.best("trtune"),
        "predict_plain": predict_rounds.best("plain"),
    }
    train_ratio = best["train_plain"] / best["train_ours"]
    predict_ratio = best["predict_plain"] / best["predict_ours"]
    return {
        "name": "ner_throughput",
        "ratio": round(train_ratio, 2),
        "target": 1.5,
        "predict_ratio": round(predict_ratio, 2),
        "train_sentences": len(train),
        "test_sentences": len(test),
        "trtune_train_samples_per_second": round(len(train) / best["train_ours"], 2),
        "plain_train_samples_per_second": round(len(train) / best["train_plain"], 2),
        "trtune_predict_sentences_per_second": round(len(test) / best["predict_ours"], 1),
        "plain_predict_sentences_per_second": round(len(test) / best["predict_plain"], 1),
        "trtune_test_f1": round(entity_metrics(gold, ours)["f1"], 4),
        "plain_test_f1": round(entity_metrics(gold, plain)["f1"], 4),
        "rounds": {"train": train_rounds.to_dict(), "predict": predict_rounds.to_dict()},
        "conditions_met": predict_ratio > 1.0,
    }


if __name__ == "__main__":
    import json
    import sys

    print(json.dumps(run(quick="--quick" in sys.argv)))
