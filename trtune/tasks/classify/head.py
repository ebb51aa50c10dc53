"""The report's classification head on frozen features, and its training loop.

Architecture (as in the report): Dense 128 ReLU, Dropout 0.5, BatchNorm, Dense 64 ReLU,
BatchNorm, Dense 32 ReLU, BatchNorm, Dense n_classes. Trained with Adam (lr 1e-3) and
cross-entropy for up to 500 epochs; early stopping watches the validation loss (patience
50) and the weights kept are those of the epoch with the best validation accuracy.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import torch
from torch import nn

from trtune.run.guard import check_finite

HEAD_JSON = "head.json"
HEAD_WEIGHTS = "head.safetensors"
ENCODER_DIR = "encoder"  # a preset's random encoder is saved here beside the head


class FeatureHead(nn.Sequential):
    """The report's MLP: ``(B, H)`` features -> ``(B, n_classes)`` logits."""

    def __init__(self, in_features: int, n_classes: int, dropout: float = 0.5):
        super().__init__(
            nn.Linear(in_features, 128),
            nn.ReLU(),
            nn.Dropout(dropout),
            nn.BatchNorm1d(128),
            nn.Linear(128, 64),
            nn.ReLU(),
            nn.BatchNorm1d(64),
            nn.Linear(64, 32),
            nn.ReLU(),
            nn.BatchNorm1d(32),
            nn.Linear(32, n_classes),
        )


@dataclass
class HeadHistory:
    """Per-epoch curves and where the kept weights come from."""

    train_loss: list[float] = field(default_factory=list)
    train_accuracy: list[float] = field(default_factory=list)
    val_loss: list[float] = field(default_factory=list)
    val_accuracy: list[float] = field(default_factory=list)
    best_epoch: int = 0
    stopped_epoch: int = 0
    steps: int = 0


def _evaluate(
    head: nn.Module, x: torch.Tensor, y: torch.Tensor, weight: torch.Tensor | None = None
) -> tuple[float, float]:
    head.eval()
    with torch.no_grad():
        logits = head(x)  # (N, C)
        loss = nn.functional.cross_entropy(logits, y, weight=weight).item()
        accuracy = (logits.argmax(dim=1) == y).float().mean().item()
    return loss, accuracy


def train_head(
    train_x: torch.Tensor,
    train_y: torch.Tensor,
    val_x: torch.Tensor,
    val_y: torch.Tensor,
    n_classes: int,
    epochs: int = 500,
    lr: float = 1e-3,
    batch_size: int = 32,
    patience: int = 50,
    seed: int = 42,
    on_epoch: Callable[[int, HeadHistory], None] | None = None,
    class_weights: Sequence[float] | None = None,
) -> tuple[FeatureHead, HeadHistory]:
    """Train a :class:`FeatureHead` on ``train_x`` ``(N, H)`` / ``train_y`` ``(N,)``.

    Args:
        train_x, train_y: training features and class indices.
        val_x, val_y: validation features and class indices (early stopping, selection).
        n_classes: number of classes.
        epochs: upper bound on epochs.
        lr: Adam learning rate.
        batch_size: mini-batch size.
        patience: stop after this many epochs without a lower validation loss.
        seed: seeds the initialisation and the shuffling.
        on_epoch: called as ``on_epoch(epoch, history)`` after every epoch.
        class_weights: loss weight per class (training and validation loss); None: equal.

    Returns:
        The head with the best-validation-accuracy weights, and the history.

    Raises:
        NumericalFault: a training loss became NaN or infinite.
    """
    weight = None if class_weights is None else torch.tensor(class_weights, dtype=torch.float32)
    generator = torch.Generator().manual_seed(seed)
    torch.manual_seed(seed)
    head = FeatureHead(train_x.shape[1], n_classes)
    optimizer = torch.optim.Adam(head.parameters(), lr=lr)
    history = HeadHistory()
    best_state = copy.deepcopy(head.state_dict())
    best_accuracy, best_loss, since_best_loss = -1.0, float("inf"), 0
    for epoch in range(1, epochs + 1):
        order = torch.randperm(train_x.shape[0], generator=generator)
        _train_epoch(head, optimizer, train_x, train_y, order, batch_size, weight, history)
        val_loss, val_accuracy = _evaluate(head, val_x, val_y, weight)
        history.val_loss.append(val_loss)
        history.val_accuracy.append(val_accuracy)
        if val_accuracy > best_accuracy:
            best_accuracy, history.best_epoch = val_accuracy, epoch
            best_state = copy.deepcopy(head.state_dict())
        if val_loss < best_loss:
            best_loss, since_best_loss = val_loss, 0
        else:
            since_best_loss += 1
        history.stopped_epoch = epoch
        if on_epoch is not None:
            on_epoch(epoch, history)
        if since_best_loss >= patience:
            break
    head.load_state_dict(best_state)
    head.eval()
    return head, history


def _train_epoch(
    head: FeatureHead,
    optimizer: torch.optim.Optimizer,
    train_x: torch.Tensor,
    train_y: torch.Tensor,
    order: torch.Tensor,
    batch_size: int,
    weight: torch.Tensor | None,
    history: HeadHistory,
) -> None:
    """One pass over the training features in ``order``; appends the epoch's loss and
    accuracy to ``history``."""
    head.train()
    n = train_x.shape[0]
    total_loss, correct = 0.0, 0
    for start in range(0, n, batch_size):
        index = order[start : start + batch_size]
        if len(index) < 2:  # BatchNorm needs two samples to compute batch statistics
            continue
        logits = head(train_x[index])  # (B, C)
        loss = nn.functional.cross_entropy(logits, train_y[index], weight=weight)
        history.steps += 1
        check_finite(loss, history.steps)
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        optimizer.step()
        total_loss += loss.item() * len(index)
        correct += (logits.argmax(dim=1) == train_y[index]).sum().item()
    history.train_loss.append(total_loss / n)
    history.train_accuracy.append(correct / n)
