"""Recurrent cells written out by hand: the Elman RNN, the GRU and the LSTM.

A recurrent network reads a sequence one position at a time and carries a hidden state
``h`` from each step to the next; that loop is what makes it slow on long sequences (step
t cannot start before step t-1 is done) and what makes old information fade (every step
multiplies the state by the same weights again). The gated cells add paths along which the
state can pass unchanged: the GRU's update gate z (Cho et al., 2014) and the LSTM's cell
state c with its forget gate f (Hochreiter & Schmidhuber, 1997).

The cells keep their weights under the names and in the layout of ``torch.nn.RNN``,
``torch.nn.GRU`` and ``torch.nn.LSTM`` (gates stacked along the first axis), so
:func:`copy_from_torch` can give them the same weights and the tests can check that they
compute the same numbers. The input half of every gate (``x · W_ihᵀ + b_ih``) does not
depend on the state, so :func:`run` computes it for all positions at once; only the
state half runs in the loop.

Shape letters: B batch, T positions, I input size, H hidden size.
"""

from __future__ import annotations

import math

import torch
from torch import nn

State = tuple[torch.Tensor, ...]  # (h,) for RNN and GRU, (h, c) for the LSTM


class _Cell(nn.Module):
    """Weights shared by the three cells: ``gates`` blocks of H rows, as torch stores them."""

    gates = 1

    def __init__(self, input_size: int, hidden_size: int):
        super().__init__()
        self.input_size = input_size
        self.hidden_size = hidden_size
        rows = self.gates * hidden_size
        self.weight_ih = nn.Parameter(torch.empty(rows, input_size))  # (gates·H, I)
        self.weight_hh = nn.Parameter(torch.empty(rows, hidden_size))  # (gates·H, H)
        self.bias_ih = nn.Parameter(torch.empty(rows))
        self.bias_hh = nn.Parameter(torch.empty(rows))
        bound = 1.0 / math.sqrt(hidden_size)  # torch's initialisation
        for weight in self.parameters():
            nn.init.uniform_(weight, -bound, bound)

    def input_projection(self, x: torch.Tensor) -> torch.Tensor:
        """The input half of every gate for all positions at once: (B, T, I) -> (B, T, gates·H)."""
        return x @ self.weight_ih.T + self.bias_ih

    def initial_state(self, batch: int, device: torch.device | None = None) -> State:
        """Zeros, as torch starts when no state is given."""
        return (torch.zeros(batch, self.hidden_size, device=device),)

    def step(self, x_proj: torch.Tensor, state: State) -> State:  # pragma: no cover
        raise NotImplementedError


class RNNCell(_Cell):
    """Elman RNN: ``h' = tanh(W_ih·x + b_ih + W_hh·h + b_hh)``."""

    gates = 1

    def step(self, x_proj: torch.Tensor, state: State) -> State:
        """One position: x_proj (B, H) and state (h,) -> (h',)."""
        (h,) = state
        return (torch.tanh(x_proj + h @ self.weight_hh.T + self.bias_hh),)  # (B, H)


class GRUCell(_Cell):
    """Gated recurrent unit: gates r (reset), z (update) and the candidate n.

    ``r = σ(x_r + h_r)``, ``z = σ(x_z + h_z)``, ``n = tanh(x_n + r ⊙ h_n)``,
    ``h' = (1 − z) ⊙ n + z ⊙ h``, where ``x_*`` and ``h_*`` are the input and state
    projections of each gate. With z near 1 the state passes through unchanged.
    """

    gates = 3

    def step(self, x_proj: torch.Tensor, state: State) -> State:
        """One position: x_proj (B, 3H) and state (h,) -> (h',)."""
        (h,) = state
        h_proj = h @ self.weight_hh.T + self.bias_hh  # (B, 3H)
        x_r, x_z, x_n = x_proj.chunk(3, dim=1)  # (B, H) each
        h_r, h_z, h_n = h_proj.chunk(3, dim=1)  # (B, H) each
        r = torch.sigmoid(x_r + h_r)
        z = torch.sigmoid(x_z + h_z)
        n = torch.tanh(x_n + r * h_n)
        return ((1 - z) * n + z * h,)  # (B, H)


class LSTMCell(_Cell):
    """Long short-term memory: input gate i, forget gate f, candidate g, output gate o.

    ``c' = f ⊙ c + i ⊙ g`` is a sum, not a product of weights, so with f near 1 the
    memory c (and its gradient) survives many steps; ``h' = o ⊙ tanh(c')``.
    """

    gates = 4

    def initial_state(self, batch: int, device: torch.device | None = None) -> State:
        """Zeros for both h and c."""
        zeros = torch.zeros(batch, self.hidden_size, device=device)
        return (zeros, zeros.clone())

    def step(self, x_proj: torch.Tensor, state: State) -> State:
        """One position: x_proj (B, 4H) and state (h, c) -> (h', c')."""
        h, c = state
        gates = x_proj + h @ self.weight_hh.T + self.bias_hh  # (B, 4H)
        i, f, g, o = gates.chunk(4, dim=1)  # torch's order; (B, H) each
        c = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.tanh(g)
        h = torch.sigmoid(o) * torch.tanh(c)
        return (h, c)


CELLS: dict[str, type[_Cell]] = {"rnn": RNNCell, "gru": GRUCell, "lstm": LSTMCell}


def run(cell: _Cell, x: torch.Tensor, state: State | None = None) -> tuple[torch.Tensor, State]:
    """Read a sequence with a cell, one position after the other.

    Args:
        cell: an :class:`RNNCell`, :class:`GRUCell` or :class:`LSTMCell`.
        x: (B, T, I) inputs.
        state: the starting state; zeros when None.

    Returns:
        The hidden state after every position (B, T, H) and the final state.
    """
    if state is None:
        state = cell.initial_state(x.shape[0], x.device)
    x_proj = cell.input_projection(x)  # (B, T, gates·H): every position at once
    outputs = []
    for t in range(x.shape[1]):  # the sequential part: step t needs step t-1's state
        state = cell.step(x_proj[:, t], state)
        outputs.append(state[0])
    return torch.stack(outputs, dim=1), state  # (B, T, H)


@torch.no_grad()
def copy_from_torch(cell: _Cell, module: nn.RNNBase) -> _Cell:
    """Give ``cell`` the weights of layer 0 of a ``torch.nn.RNN``, ``GRU`` or ``LSTM``.

    Args:
        cell: our cell, of the matching kind and sizes.
        module: the torch module (one layer, one direction, with biases, tanh for RNN).

    Returns:
        ``cell``, for chaining.

    Raises:
        ValueError: the two do not describe the same computation.
    """
    kinds = {RNNCell: nn.RNN, GRUCell: nn.GRU, LSTMCell: nn.LSTM}
    if not isinstance(module, kinds[type(cell)]):
        raise ValueError(f"{type(cell).__name__} takes its weights from {kinds[type(cell)]}")
    if module.num_layers != 1 or module.bidirectional or not module.bias:
        raise ValueError("only one layer, one direction, with biases")
    if getattr(module, "nonlinearity", "tanh") != "tanh" or getattr(module, "proj_size", 0):
        raise ValueError("only tanh RNNs and LSTMs without projection")
    for name in ("weight_ih", "weight_hh", "bias_ih", "bias_hh"):
        source = getattr(module, f"{name}_l0")
        target = getattr(cell, name)
        if source.shape != target.shape:
            raise ValueError(f"{name}: torch has {tuple(source.shape)}, ours {tuple(target.shape)}")
        target.copy_(source)
    return cell
