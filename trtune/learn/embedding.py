"""Word embeddings from a tiny next-word network (report §1.3.2, after StatQuest).

Each word enters as a one-hot vector; two linear activations without bias (identity
activation) turn it into two numbers, the word's 2-D embedding; a linear layer and a
softmax over the vocabulary predict the next word. Words that are followed by the same
words get the same gradients, so their embeddings move close together.

The training pairs are every (word, next word) of the corpus read as one running text that
wraps around: the last word of a sentence predicts the first word of the next one (the very
last word predicts the very first), so every word is an input at least once; otherwise its
embedding would stay where it started, at random.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import torch
from torch import nn
from torch.nn import functional as F

from trtune.learn.threads import torch_threads

# The report's corpus: "Troll2" and "Gymkata" are both followed by "is".
ENGLISH_CORPUS: tuple[str, ...] = ("Troll2 is great", "Gymkata is great")
# A Turkish corpus in which "harika" and "güzel" are used in exactly the same contexts.
TURKISH_CORPUS: tuple[str, ...] = (
    "bu film harika ve eğlenceli",
    "bu film güzel ve eğlenceli",
    "bu dizi harika ve sürükleyici",
    "bu dizi güzel ve sürükleyici",
    "bu yemek kötü ama ucuz",
)


@dataclass
class EmbeddingConfig:
    """How to train the word-embedding network.

    Attributes:
        dim: the embedding size (2 so that it can be drawn).
        steps: full-batch optimisation steps.
        lr: Adam learning rate.
        seed: seeds the initial weights.
        threads: CPU threads torch may use while training (one is fastest here).
    """

    dim: int = 2
    steps: int = 600
    lr: float = 0.05
    seed: int = 0
    threads: int = 1

    def __post_init__(self) -> None:
        for name in ("dim", "steps", "threads"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be at least 1, got {getattr(self, name)}")
        if not self.lr > 0:
            raise ValueError(f"lr must be positive, got {self.lr}")


class NextWordNetwork(nn.Module):
    """One-hot word -> ``dim`` linear activations (the embedding) -> softmax over next words.

    Args:
        vocab_size: V. dim: the embedding size.
    """

    def __init__(self, vocab_size: int, dim: int):
        super().__init__()
        self.to_embedding = nn.Linear(vocab_size, dim, bias=False)  # weights (dim, V)
        self.to_next_word = nn.Linear(dim, vocab_size, bias=False)

    def forward(self, one_hot: torch.Tensor) -> torch.Tensor:
        """(B, V) one-hot words -> (B, V) next-word logits (softmax is in the loss)."""
        return self.to_next_word(self.to_embedding(one_hot))

    def embeddings(self) -> torch.Tensor:
        """(V, dim): row i is word i's embedding, the activations a one-hot i produces."""
        return self.to_embedding.weight.detach().T.clone()


@dataclass(frozen=True)
class EmbeddingResult:
    """A trained network's words, embeddings and pairwise distances.

    Attributes:
        name: which corpus ("english" or "turkish").
        words: the vocabulary, in order of first appearance.
        embeddings: (V, dim).
        distances: (V, V) Euclidean distances between embeddings.
        final_loss: the last training loss.
    """

    name: str
    words: list[str]
    embeddings: torch.Tensor
    distances: torch.Tensor
    final_loss: float

    def distance(self, a: str, b: str) -> float:
        """The distance between words ``a`` and ``b``."""
        return float(self.distances[self.words.index(a), self.words.index(b)])

    def nearest(self, word: str) -> str:
        """The word whose embedding is closest to ``word``'s."""
        i = self.words.index(word)
        row = self.distances[i].clone()
        row[i] = float("inf")
        return self.words[int(row.argmin())]

    def closest_pair(self) -> tuple[str, str, float]:
        """The two different words with the smallest distance."""
        d = self.distances + torch.diag(torch.full((len(self.words),), float("inf")))
        i, j = divmod(int(d.argmin()), len(self.words))
        return self.words[i], self.words[j], float(d[i, j])

    def to_json(self) -> dict[str, object]:
        """Words, embeddings and distances as plain lists."""
        return {
            "words": self.words,
            "embeddings": self.embeddings.tolist(),
            "distances": self.distances.tolist(),
            "final_loss": self.final_loss,
        }


def training_pairs(corpus: tuple[str, ...]) -> tuple[list[str], list[tuple[int, int]]]:
    """The vocabulary and every (word, next word) pair of the corpus read as one text.

    The text wraps around, so its last word is followed by its first.
    """
    text = " ".join(corpus).split()
    words = list(dict.fromkeys(text))  # unique, in order of first appearance
    index = {word: i for i, word in enumerate(words)}
    following = text[1:] + text[:1]
    pairs = [(index[a], index[b]) for a, b in zip(text, following, strict=True)]
    return words, pairs


def train_embedding(corpus: tuple[str, ...], name: str, config: EmbeddingConfig) -> EmbeddingResult:
    """Train :class:`NextWordNetwork` on ``corpus`` and measure the embedding distances.

    Args:
        corpus: sentences, words separated by spaces.
        name: a label for the result.
        config: the training settings.
    """
    words, pairs = training_pairs(corpus)
    inputs = torch.tensor([a for a, _ in pairs])
    targets = torch.tensor([b for _, b in pairs])
    one_hot = F.one_hot(inputs, len(words)).float()  # (N, V)
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(config.seed)
        model = NextWordNetwork(len(words), config.dim)
    optimizer = torch.optim.Adam(model.parameters(), lr=config.lr)
    loss = torch.tensor(float("nan"))
    with torch_threads(config.threads):
        for _ in range(config.steps):
            loss = F.cross_entropy(model(one_hot), targets)
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            optimizer.step()
    embeddings = model.embeddings()  # (V, dim)
    distances = torch.cdist(embeddings, embeddings)  # (V, V)
    return EmbeddingResult(name, words, embeddings, distances, float(loss.item()))


def plot_embedding(result: EmbeddingResult, path: Path, title: str, lang: str = "en") -> Path:
    """Draw the 2-D embeddings as a labelled scatter plot and save it as a PNG.

    Args:
        result: a trained result with ``dim == 2``.
        path: the PNG file to write (its folder is created).
        title: the plot's title.
        lang: the language of the axis labels.
    """
    import matplotlib

    from trtune.report.figures import figure_text

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    points = result.embeddings.numpy()
    fig, ax = plt.subplots(figsize=(5.5, 4.5), dpi=120)
    ax.scatter(points[:, 0], points[:, 1], color="tab:blue")
    for label, (x, y) in _labels(result):
        ax.annotate(label, (x, y), textcoords="offset points", xytext=(5, 4), fontsize=10)
    ax.set_title(title, fontsize=9)
    ax.set_xlabel(figure_text("activation 1", lang))
    ax.set_ylabel(figure_text("activation 2", lang))
    ax.grid(alpha=0.3)
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path)
    plt.close(fig)
    return path


def _labels(result: EmbeddingResult, share: float = 0.04) -> list[tuple[str, tuple[float, float]]]:
    """One label per group of words whose points (almost) coincide, e.g. "harika, güzel".

    Points closer than ``share`` of the plot's extent get one label, which would otherwise
    be printed on top of each other.
    """
    points = result.embeddings
    extent = float((points.max(dim=0).values - points.min(dim=0).values).max()) or 1.0
    groups: list[list[int]] = []
    for i in range(len(result.words)):
        for group in groups:
            if float(result.distances[i, group[0]]) < share * extent:
                group.append(i)
                break
        else:
            groups.append([i])
    return [
        (", ".join(result.words[i] for i in group), tuple(points[group[0]].tolist()))
        for group in groups
    ]
