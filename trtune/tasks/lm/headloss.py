"""The causal LM's loss without the full logits: the output layer runs on trained tokens only,
in chunks, with its gradients computed on the way (a fused linear cross-entropy).

A plain loss builds logits for every position, ``(B, T, V)`` floats, and keeps them (and
their softmax) for the backward pass: 16 rows of 512 tokens over a 4,000-token vocabulary
are 131 MB each time, over a 32,000-token one a gigabyte. Instruction data trains on the
response only (often a few percent of the tokens), so most of those logits serve nothing.
Here the model body runs as usual; the input of its output layer is captured (a forward
pre-hook that lets the layer itself compute one position only), the positions with a label
are selected, and :class:`LinearCrossEntropy` computes their summed loss chunk by chunk,
with the gradients for the hidden states and the output weights computed in the same pass
(so no logits are stored). The value and gradients equal the plain loss's
(``tests/lm/test_lm_headloss.py``).

Models whose logits are changed after the output layer (soft-capping, logit scales) or
whose output layer is not a plain bias-free ``Linear`` use the plain loss. Under several
processes (``accelerate launch``) the model is wrapped in ``DistributedDataParallel``: its
layers are the model's own, so the fused loss serves it too; wrappers that shard the
weights (FSDP, DeepSpeed) keep the plain loss.
"""

from __future__ import annotations

import torch
import torch.nn.functional as F

# Models that rescale logits after the output layer: the captured input would not give them.
LOGIT_CHANGES = ("final_logit_softcapping", "logit_scale", "logits_scaling", "output_multiplier")
CHUNK_ELEMENTS = 1 << 24  # logits per chunk (64 MiB of float32)


class LinearCrossEntropy(torch.autograd.Function):
    """Summed cross-entropy of ``hidden @ weight.T`` against ``targets`` (all valid).

    The forward pass walks chunks of rows; each chunk's logits live only inside the loop,
    and the gradients for ``hidden`` and ``weight`` are computed there and saved (an
    ``(N, H)`` and a ``(V, H)`` tensor instead of ``(N, V)`` logits).
    """

    @staticmethod
    def forward(ctx, hidden, weight, targets, chunk, need_hidden, need_weight):  # noqa: D102
        # hidden (N, H), weight (V, H), targets (N,)
        total = torch.zeros((), dtype=torch.float32, device=hidden.device)
        grad_hidden = torch.empty_like(hidden) if need_hidden else None
        grad_weight = torch.zeros_like(weight, dtype=torch.float32) if need_weight else None
        for start in range(0, hidden.size(0), chunk):
            h = hidden[start : start + chunk]  # (n, H)
            t = targets[start : start + chunk]  # (n,)
            logits = (h @ weight.t()).float()  # (n, V)
            lse = torch.logsumexp(logits, dim=-1)  # (n,)
            total += (lse - logits.gather(1, t[:, None]).squeeze(1)).sum()
            if not (need_hidden or need_weight):
                continue
            grad = logits.sub_(lse[:, None]).exp_()  # softmax, in place: (n, V)
            grad[torch.arange(t.numel(), device=t.device), t] -= 1.0
            grad = grad.to(h.dtype)
            if need_hidden:
                grad_hidden[start : start + chunk] = grad @ weight  # (n, H)
            if need_weight:
                grad_weight += (grad.t() @ h).float()  # (V, H)
        ctx.save_for_backward(grad_hidden, grad_weight)
        ctx.has = (need_hidden, need_weight)
        ctx.weight_dtype = weight.dtype
        return total

    @staticmethod
    def backward(ctx, grad_total):  # noqa: D102
        grad_hidden, grad_weight = ctx.saved_tensors
        need_hidden, need_weight = ctx.has
        gh = grad_hidden * grad_total.to(grad_hidden.dtype) if need_hidden else None
        gw = (grad_weight * grad_total).to(ctx.weight_dtype) if need_weight else None
        return gh, gw, None, None, None, None


def linear_cross_entropy(
    hidden: torch.Tensor, weight: torch.Tensor, targets: torch.Tensor
) -> torch.Tensor:
    """Summed cross-entropy of ``hidden @ weight.T`` (float32 logits) against ``targets``.

    Args:
        hidden: ``(N, H)`` hidden states of the positions that have a label.
        weight: ``(V, H)`` the output layer's weight.
        targets: ``(N,)`` token ids, none ignored.
    """
    chunk = max(1, CHUNK_ELEMENTS // weight.size(0))
    grad = torch.is_grad_enabled()
    need_hidden = grad and hidden.requires_grad
    need_weight = grad and weight.requires_grad
    return LinearCrossEntropy.apply(hidden, weight, targets, chunk, need_hidden, need_weight)


def output_layer(model: torch.nn.Module) -> torch.nn.Linear | None:
    """The model's output layer when the fused loss can replace it, else None."""
    if isinstance(model, torch.nn.parallel.DistributedDataParallel):
        model = model.module  # the forward still runs through the wrapper (gradient sync)
    head = model.get_output_embeddings() if hasattr(model, "get_output_embeddings") else None
    if type(head) is not torch.nn.Linear or head.bias is not None:
        return None
    config = getattr(model, "config", None)
    if config is not None and any(getattr(config, k, None) for k in LOGIT_CHANGES):
        return None
    return head


def body_hidden(
    model: torch.nn.Module, head: torch.nn.Linear, inputs: dict[str, torch.Tensor]
) -> torch.Tensor:
    """Run ``model`` and return the input of its output layer, ``(B, T, H)``.

    The output layer itself then computes the first position only (its logits are unused).
    """
    captured: list[torch.Tensor] = []

    def keep_input(module, args):
        captured.append(args[0])
        return (args[0][..., :1, :],)

    handle = head.register_forward_pre_hook(keep_input)
    try:
        model(**inputs, use_cache=False)
    finally:
        handle.remove()
    if len(captured) != 1:
        raise RuntimeError(f"the output layer ran {len(captured)} times in one forward pass")
    return captured[0]


def plain_loss_sum(logits: torch.Tensor, labels: torch.Tensor, ignore: int) -> torch.Tensor:
    """The reference: summed next-token cross-entropy over full ``(B, T, V)`` logits."""
    shift_logits = logits[:, :-1].float()  # (B, T-1, V)
    shift_labels = labels[:, 1:]  # (B, T-1)
    return F.cross_entropy(
        shift_logits.reshape(-1, shift_logits.size(-1)),
        shift_labels.reshape(-1),
        ignore_index=ignore,
        reduction="sum",
    )
