"""How well a masked LM fills blanks in held-out text, and what a model that ignores the
context would score on the same blanks.

Two measures, each beside a context-free baseline:

- **masked-token perplexity** (what Hugging Face's ``run_mlm`` reports as perplexity):
  ``exp`` of the mean cross-entropy of the masked tokens of the validation texts, masked once
  with the run's seed (:func:`~trtune.tasks.mask.masking.fixed_masks`), so the numbers before
  and after training score exactly the same blanks. Baseline: the unigram model of the
  training tokens (add-one smoothed), which guesses every blank from token frequency alone.
  (Salazar et al. 2020's pseudo-log-likelihood masks each token in turn instead; it costs one
  forward pass per token.)
- **fill-in accuracy**: held-out sentences with one word hidden (a word that is a single
  token, so one blank can hold it); a hit when the hidden word is the model's first (top-1)
  or among its five most probable fillers (top-5). Baselines: chance (5 of the vocabulary)
  and the five most frequent one-token words of the training texts.
"""

from __future__ import annotations

import math
import random
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass

import torch
from transformers import PreTrainedTokenizerBase

from trtune.infer.mask import MaskFiller
from trtune.run.microbatch import inference_rows
from trtune.tasks.mask.head import STAT_COLUMNS, masked_lm_stats, summarise
from trtune.tasks.mask.masking import PaddingCollator
from trtune.tasks.mask.words import (
    NO_WORD,
    char_word_index,
    is_letter_word,
    token_word_ids,
    word_spans,
)

TOP_K = 5


@dataclass(frozen=True)
class Probe:
    """A held-out sentence with one word hidden.

    Attributes:
        text: the sentence as written.
        masked: the sentence with the word replaced by the model's mask token.
        answer: the hidden word.
        answer_id: its token id.
    """

    text: str
    masked: str
    answer: str
    answer_id: int


def build_probes(
    texts: Sequence[str], tokenizer: PreTrainedTokenizerBase, n: int, seed: int, max_length: int
) -> list[Probe]:
    """Up to ``n`` probes from ``texts`` (taken in a seeded order): in each text, one word
    chosen at random among those that are letters and a single token."""
    rng = random.Random(seed)
    order = list(range(len(texts)))
    rng.shuffle(order)
    probes: list[Probe] = []
    for index in order:
        if len(probes) >= n:
            break
        text = texts[index]
        spans = word_spans(text)
        encoded = tokenizer(
            text,
            truncation=True,
            max_length=max_length,
            return_offsets_mapping=True,
            return_special_tokens_mask=True,
        )
        if len(encoded["input_ids"]) >= max_length:
            continue  # cut off: a blank near the end might fall outside what the model reads
        words = token_word_ids(
            encoded["offset_mapping"], char_word_index(text, spans), encoded["special_tokens_mask"]
        )
        counts = Counter(w for w in words if w != NO_WORD)
        single = [
            (w, encoded["input_ids"][words.index(w)])
            for w, c in sorted(counts.items())
            if c == 1 and is_letter_word(text[spans[w][0] : spans[w][1]])
        ]
        if not single:
            continue
        word, token_id = rng.choice(single)
        start, end = spans[word]
        masked = text[:start] + tokenizer.mask_token + text[end:]
        probes.append(Probe(text, masked, text[start:end], int(token_id)))
    return probes


def single_token_words(items: Sequence[dict]) -> Counter:
    """How often each token id is a whole word on its own in the encoded ``items``."""
    counts: Counter = Counter()
    for item in items:
        per_word = Counter(w for w in item["word_ids"] if w != NO_WORD)
        for token_id, word in zip(item["input_ids"], item["word_ids"], strict=True):
            if word != NO_WORD and per_word[word] == 1:
                counts[token_id] += 1
    return counts


def unigram_counts(items: Sequence[dict]) -> Counter:
    """Token counts of the encoded ``items`` (special tokens left out)."""
    counts: Counter = Counter()
    for item in items:
        counts.update(t for t, w in zip(item["input_ids"], item["word_ids"], strict=True) if w >= 0)
    return counts


@torch.inference_mode()
def score_masked(model, items: Sequence[dict], pad_id: int, batch_size: int) -> dict[str, float]:
    """Perplexity and top-1 accuracy of ``model`` on the masked tokens of ``items`` (already
    masked: ``{"input_ids", "labels"}``), token-weighted."""
    model.eval()
    device = next(model.parameters()).device
    collate = PaddingCollator(pad_id)
    lengths = [len(item["input_ids"]) for item in items]
    totals = torch.zeros(STAT_COLUMNS)
    # on a CPU a batch of mixed lengths runs as parts, each padded to its own longest
    for rows in inference_rows(lengths, batch_size, device):
        batch = collate([items[i] for i in rows])
        _, stats = masked_lm_stats(model, {k: v.to(device) for k, v in batch.items()})
        totals += stats.sum(dim=0).cpu()
    return summarise(totals)


def unigram_scores(counts: Counter, vocab_size: int, items: Sequence[dict]) -> dict[str, float]:
    """The context-free baseline on the same masked tokens: add-one smoothed token
    frequencies of the training part."""
    total = sum(counts.values()) + vocab_size
    best = counts.most_common(1)[0][0] if counts else -1
    nll, tokens, correct = 0.0, 0, 0
    for item in items:
        for label in item["labels"]:
            if label >= 0:
                nll -= math.log((counts.get(label, 0) + 1) / total)
                tokens += 1
                correct += label == best
    return summarise(torch.tensor([nll, tokens, correct], dtype=torch.float64))


@dataclass
class ProbeOutcome:
    """What a model put in one probe's blank (its ``TOP_K`` best, with probabilities)."""

    tokens: list[str]
    probabilities: list[float]
    rank: int | None  # 1-based rank of the hidden word among them, None if absent

    def to_dict(self) -> dict:
        """JSON-ready form."""
        return asdict(self)


def probe_outcomes(filler: MaskFiller, probes: Sequence[Probe]) -> list[ProbeOutcome]:
    """The model's ``TOP_K`` fillers for each probe."""
    if not probes:
        return []
    found = filler.top_ids([p.masked for p in probes], TOP_K)
    outcomes = []
    for probe, blanks in zip(probes, found, strict=True):
        ids, probs = blanks[0]
        rank = ids.index(probe.answer_id) + 1 if probe.answer_id in ids else None
        tokens = [filler.tokenizer.decode([i]).strip() for i in ids]
        outcomes.append(ProbeOutcome(tokens, probs, rank))
    return outcomes


def fill_accuracy(outcomes: Sequence[ProbeOutcome]) -> dict[str, float]:
    """``fill_top1`` and ``fill_top5``: shares of probes with the hidden word first / in the
    top five."""
    n = max(len(outcomes), 1)
    return {
        "fill_top1": sum(o.rank == 1 for o in outcomes) / n,
        "fill_top5": sum(o.rank is not None for o in outcomes) / n,
    }


def frequency_fill_accuracy(words: Counter, probes: Sequence[Probe]) -> dict[str, float]:
    """The fill-in accuracy of always answering the most frequent one-token words."""
    ranked = [token_id for token_id, _ in words.most_common(TOP_K)]
    n = max(len(probes), 1)
    return {
        "fill_top1": sum(bool(ranked) and p.answer_id == ranked[0] for p in probes) / n,
        "fill_top5": sum(p.answer_id in ranked for p in probes) / n,
    }
