"""Load the models `trtune serve` answers with: a text classifier and a causal LM.

A plain Hugging Face sequence-classification folder (``config.json`` with ``id2label``)
is loaded here with ``AutoModelForSequenceClassification`` and eager attention, so that
``/v1/attention`` can return the attention weights. Any other folder `trtune classify`
writes (the ``features`` head, a LoRA adapter, TF-IDF) goes through
``trtune.classify.predict.load_classifier`` when that module is installed; it answers
``/v1/classify`` but has no attention to show. The models run on the device of ``--device``
(a CUDA GPU when there is one); TF-IDF always on the CPU.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch

from trtune.errors import UserError


@dataclass(frozen=True)
class AttentionMap:
    """The attention weights of one text: ``weights`` is ``(L, H, T, T)``, rows sum to 1."""

    tokens: list[str]
    weights: torch.Tensor  # (layers, heads, T, T)
    probabilities: list[float]  # (C,) the prediction from the same forward pass


class TextClassifier:
    """Labels and probabilities for a batch of texts; attention when the model has it.

    Args:
        labels: label names in logit order.
        predict_proba: texts -> ``(N, C)`` probabilities.
        model: the transformers model, when there is one (for attention).
        tokenizer: its tokenizer.
        max_length: tokens per text.
    """

    def __init__(
        self,
        labels: list[str],
        predict_proba: Callable[[Sequence[str]], np.ndarray],
        model=None,
        tokenizer=None,
        max_length: int = 128,
    ):
        self.labels = labels
        self._predict_proba = predict_proba
        self.model = model
        self.tokenizer = tokenizer
        self.max_length = max_length

    @property
    def has_attention(self) -> bool:
        """Whether :meth:`attention` can answer."""
        return self.model is not None

    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:
        """Probabilities ``(N, C)`` for ``texts`` in one forward pass."""
        return self._predict_proba(list(texts))

    def classify(self, texts: Sequence[str]) -> list[dict]:
        """``{"label", "probabilities"}`` per text, in input order."""
        probs = self.predict_proba(texts)  # (N, C)
        return [
            {
                "label": self.labels[int(row.argmax())],
                "probabilities": {name: float(p) for name, p in zip(self.labels, row, strict=True)},
            }
            for row in probs
        ]

    def attention(self, text: str, max_tokens: int) -> AttentionMap:
        """Tokens and attention weights of every layer and head for one text."""
        if self.model is None:
            raise ValueError("this classifier has no attention weights")
        enc = self.tokenizer(
            text, truncation=True, max_length=min(max_tokens, self.max_length), return_tensors="pt"
        )
        enc = enc.to(next(self.model.parameters()).device)
        with torch.inference_mode():
            out = self.model(**enc, output_attentions=True)
        weights = torch.stack([a[0] for a in out.attentions]).float()  # (L, H, T, T)
        tokens = self.tokenizer.convert_ids_to_tokens(enc["input_ids"][0].tolist())
        probs = torch.softmax(out.logits[0].float(), dim=-1).tolist()  # (C,)
        return AttentionMap(tokens=tokens, weights=weights, probabilities=probs)


def _is_plain_hf_classifier(folder: Path) -> bool:
    config = folder / "config.json"
    if not config.is_file():
        return False
    try:
        return "id2label" in json.loads(config.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError):
        return False


def hf_classifier(model, tokenizer, max_length: int = 128) -> TextClassifier:
    """Wrap an already loaded sequence-classification model and its tokenizer (predictions
    through :class:`~trtune.classify.predict.TransformersClassifier`)."""
    from trtune.classify.predict import TransformersClassifier

    predictor = TransformersClassifier(model, tokenizer, max_length)
    return TextClassifier(predictor.labels, predictor.predict_proba, model, tokenizer, max_length)


def load_text_classifier(
    folder: str | Path,
    max_length: int = 128,
    device: torch.device | str = "cpu",
    dtype: torch.dtype = torch.float32,
) -> TextClassifier:
    """Load the classifier in ``folder`` (see the module docstring for which folders) onto
    ``device``, its network in ``dtype`` (TF-IDF stays as it is).

    Raises:
        UserError: the folder holds no classifier this server can load.
    """
    folder = Path(folder)
    if _is_plain_hf_classifier(folder):
        from transformers import AutoModelForSequenceClassification, AutoTokenizer

        try:
            tokenizer = AutoTokenizer.from_pretrained(folder)
            model = AutoModelForSequenceClassification.from_pretrained(
                folder, attn_implementation="eager"
            )
        except (OSError, ValueError) as exc:
            raise UserError(f"cannot load the classifier: {exc}", file=folder) from exc
        return hf_classifier(model.to(device=device, dtype=dtype), tokenizer, max_length)
    try:
        from trtune.classify.predict import load_classifier
    except ImportError as exc:
        reason = "no config.json with id2label: not a classifier folder"
        raise UserError(reason, file=folder) from exc
    predictor = load_classifier(folder, device, dtype)
    return TextClassifier(list(predictor.labels), predictor.predict_proba)


class CausalLM:
    """A causal language model that writes a continuation, whole or token by token.

    One generation runs at a time (a lock): on a CPU two at once only halve each other.
    """

    def __init__(self, model, tokenizer, template: str | None = None):
        self.model = model.eval()
        self.tokenizer = tokenizer
        self.template = template  # the training template of an instruction-tuned model
        self._lock = threading.Lock()

    def _generate_kwargs(
        self, prompt: str, max_new_tokens: int, temperature: float, top_k: int, top_p: float
    ) -> dict:
        if self.template is not None:  # ask the way the model was trained to be asked
            from trtune.lm.templates import render_prompt

            messages = [{"role": "user", "content": prompt}]
            prompt = render_prompt(messages, self.template, self.tokenizer)
            enc = self.tokenizer(prompt, add_special_tokens=False, return_tensors="pt")
        else:
            enc = self.tokenizer(prompt, return_tensors="pt")
        enc = enc.to(next(self.model.parameters()).device)
        pad_id = self.tokenizer.pad_token_id
        if pad_id is None:
            pad_id = self.tokenizer.eos_token_id
        kwargs = dict(**enc, max_new_tokens=max_new_tokens, pad_token_id=pad_id)
        if temperature > 0:
            kwargs.update(do_sample=True, temperature=temperature, top_k=top_k, top_p=top_p)
        else:
            kwargs.update(do_sample=False)
        return kwargs

    def generate(
        self, prompt: str, max_new_tokens: int, temperature: float, top_k: int, top_p: float
    ) -> str:
        """The new text after ``prompt`` (greedy when ``temperature`` is 0)."""
        kwargs = self._generate_kwargs(prompt, max_new_tokens, temperature, top_k, top_p)
        prompt_len = kwargs["input_ids"].shape[1]
        with self._lock, torch.inference_mode():
            out = self.model.generate(**kwargs)  # (1, prompt_len + new)
        return self.tokenizer.decode(out[0, prompt_len:], skip_special_tokens=True)

    def stream(
        self, prompt: str, max_new_tokens: int, temperature: float, top_k: int, top_p: float
    ) -> Iterator[str]:
        """Yield pieces of the new text as they are generated (a thread runs ``generate``)."""
        from transformers import TextIteratorStreamer

        kwargs = self._generate_kwargs(prompt, max_new_tokens, temperature, top_k, top_p)
        streamer = TextIteratorStreamer(
            self.tokenizer, skip_prompt=True, skip_special_tokens=True, timeout=120.0
        )

        def work() -> None:
            with self._lock, torch.inference_mode():
                self.model.generate(**kwargs, streamer=streamer)

        thread = threading.Thread(target=work, daemon=True)
        thread.start()
        try:
            yield from (piece for piece in streamer if piece)
        finally:
            thread.join(timeout=120.0)


def load_causal_lm(
    folder: str | Path, device: torch.device | str = "cpu", dtype: torch.dtype = torch.float32
) -> CausalLM:
    """Load a causal-LM folder the way ``trtune lm generate`` does: a full model, or a LoRA
    adapter over the base its run recorded (inside the folder for tiny presets), with the
    prompt template it was trained with.

    Raises:
        UserError: nothing loadable in ``folder``.
    """
    from trtune.lm.generate import load_trained

    folder = Path(folder)
    if not (folder / "config.json").is_file() and not (folder / "adapter_config.json").is_file():
        raise UserError("no config.json or adapter_config.json: not a model folder", file=folder)
    try:
        lm = load_trained(folder)
    except (OSError, ValueError) as exc:
        raise UserError(f"cannot load the language model: {exc}", file=folder) from exc
    return CausalLM(lm.model.to(device=device, dtype=dtype), lm.tokenizer, lm.template)
