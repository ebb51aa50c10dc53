"""The TF-IDF + logistic-regression baseline every ``classify train`` reports beside its method.

Word 1-2 grams with sublinear term frequency, lower-cased the Turkish way (``I`` -> ``ı``).
The fitted model is saved without pickle: the vocabulary and settings in ``tfidf.json``,
the idf weights and the regression coefficients in ``tfidf.safetensors``; prediction is
rebuilt from those arrays alone.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from safetensors.numpy import load_file, save_file
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from trtune.data.turkish import normalize
from trtune.run.outdir import atomic_write_json

TFIDF_JSON = "tfidf.json"
TFIDF_WEIGHTS = "tfidf.safetensors"


def _preprocess(text: str) -> str:
    return normalize(text, casefold=True)


def _vectorizer(vocabulary: dict[str, int] | None = None) -> TfidfVectorizer:
    return TfidfVectorizer(
        preprocessor=_preprocess,
        ngram_range=(1, 2),
        sublinear_tf=True,
        min_df=1,
        vocabulary=vocabulary,
    )


@dataclass
class TfidfClassifier:
    """A fitted TF-IDF + logistic-regression classifier.

    Attributes:
        labels: class names, in the order of the probability columns.
        vocabulary: term -> column index.
        idf: ``(V,)`` inverse document frequencies.
        coef: ``(C, V)`` regression weights (``(1, V)`` for two classes).
        intercept: ``(C,)`` biases (``(1,)`` for two classes).
    """

    labels: list[str]
    vocabulary: dict[str, int]
    idf: np.ndarray
    coef: np.ndarray
    intercept: np.ndarray

    @classmethod
    def fit(
        cls,
        texts: Sequence[str],
        labels: Sequence[str],
        c: float = 10.0,
        seed: int = 42,
        class_weight: str = "none",
    ) -> TfidfClassifier:
        """Fit the vectoriser and a logistic regression on ``texts``
        (``class_weight``: ``"none"`` or ``"balanced"``, scikit-learn's weighting)."""
        vectorizer = _vectorizer()
        features = vectorizer.fit_transform(list(texts))  # (N, V) sparse
        regression = LogisticRegression(
            C=c,
            max_iter=2000,
            random_state=seed,
            class_weight="balanced" if class_weight == "balanced" else None,
        )
        regression.fit(features, list(labels))
        vocabulary = {term: int(i) for term, i in vectorizer.vocabulary_.items()}
        return cls(
            labels=[str(label) for label in regression.classes_],
            vocabulary=vocabulary,
            idf=vectorizer.idf_.astype(np.float32),
            coef=regression.coef_.astype(np.float32),
            intercept=regression.intercept_.astype(np.float32),
        )

    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:
        """``(N, C)`` class probabilities for ``texts``."""
        vectorizer = _vectorizer(self.vocabulary)
        vectorizer.fit(["_"])  # builds the analyser; the fixed vocabulary is kept
        vectorizer.idf_ = self.idf
        features = vectorizer.transform(list(texts))  # (N, V)
        scores = np.asarray(features @ self.coef.T) + self.intercept  # (N, C) or (N, 1)
        if scores.shape[1] == 1:
            positive = 1.0 / (1.0 + np.exp(-scores[:, 0]))
            return np.stack([1.0 - positive, positive], axis=1)
        scores = scores - scores.max(axis=1, keepdims=True)
        exp = np.exp(scores)
        return exp / exp.sum(axis=1, keepdims=True)

    def predict(self, texts: Sequence[str]) -> list[str]:
        """The most probable label name of each text."""
        return [self.labels[i] for i in self.predict_proba(texts).argmax(axis=1)]

    def save(self, folder: str | Path) -> None:
        """Write ``tfidf.json`` and ``tfidf.safetensors`` into ``folder``."""
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        terms = [""] * len(self.vocabulary)
        for term, index in self.vocabulary.items():
            terms[index] = term
        atomic_write_json(
            folder / TFIDF_JSON,
            {
                "type": "tfidf-logistic-regression",
                "labels": self.labels,
                "ngram_range": [1, 2],
                "sublinear_tf": True,
                "lowercase": "turkish",
                "terms": terms,
            },
        )
        tmp = folder / f".{TFIDF_WEIGHTS}.tmp"
        # safetensors writes raw memory: sklearn's coef_ is Fortran-ordered, so copy to C order.
        arrays = {"idf": self.idf, "coef": self.coef, "intercept": self.intercept}
        save_file({k: np.ascontiguousarray(v) for k, v in arrays.items()}, str(tmp))
        tmp.replace(folder / TFIDF_WEIGHTS)

    @classmethod
    def load(cls, folder: str | Path) -> TfidfClassifier:
        """Read a classifier written by :meth:`save`."""
        folder = Path(folder)
        meta = json.loads((folder / TFIDF_JSON).read_text(encoding="utf-8"))
        arrays = load_file(str(folder / TFIDF_WEIGHTS))
        return cls(
            labels=list(meta["labels"]),
            vocabulary={term: i for i, term in enumerate(meta["terms"])},
            idf=arrays["idf"],
            coef=arrays["coef"],
            intercept=arrays["intercept"],
        )
