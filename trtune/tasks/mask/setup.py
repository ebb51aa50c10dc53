"""What a ``mask train`` run works with: the tokenizer, the model (its masked-LM head added
when the checkpoint lacks it), the encoded training texts and the evaluation parts, each
masked once with the run's seed and holding its fill-in probes."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from trtune.i18n import say
from trtune.run.models import ModelSource, resolve_model
from trtune.run.processes import is_main_process, shared_tokenizer
from trtune.run.progress import Reporter
from trtune.run.tokenizer_fold import folds_dotless_i
from trtune.tasks.mask.encode import encode_texts
from trtune.tasks.mask.evaluate import build_probes, single_token_words, unigram_counts
from trtune.tasks.mask.head import MaskedLM, load_masked_lm
from trtune.tasks.mask.masking import MaskingRule, fixed_masks
from trtune.tasks.mask.messages import MESSAGES
from trtune.tasks.mask.settings import MaskSettings
from trtune.tasks.mask.texts import TextSplit


@dataclass
class Part:
    """One evaluation part: its texts masked once, and its fill-in probes."""

    name: str
    items: list[dict]
    probes: list
    scores: dict[str, dict] = field(default_factory=dict)  # "before"/"after"/"baseline"
    outcomes: dict[str, list] = field(default_factory=dict)  # "before"/"after"


@dataclass
class Setup:
    """The model, tokenizer, data and evaluation parts of a run."""

    source: ModelSource
    tokenizer: object
    loaded: MaskedLM
    rule: MaskingRule
    train_items: list[dict]
    parts: list[Part]
    folds_dotless_i: bool
    word_counts: Counter = field(default_factory=Counter)  # one-token words of the training part
    token_counts: Counter = field(default_factory=Counter)  # tokens of the training part
    after_seconds: float = 0.0


def prepare_run(
    settings: MaskSettings, split: TextSplit, out_dir: Path, reporter: Reporter | None
) -> Setup:
    """Tokenizer, model (head added if missing), encoded texts, masked evaluation parts."""
    source = resolve_model(settings.model)
    shown = reporter if is_main_process() else None  # one spinner, not one per process
    tokenizer = shared_tokenizer(source, split.train, out_dir, settings.trust_remote_code, shown)
    folds = folds_dotless_i(tokenizer)
    loaded = load_masked_lm(source, tokenizer, settings.seed, settings.trust_remote_code)
    if reporter is not None:
        if folds:
            reporter.line(say(MESSAGES, "train.folds", reporter.lang))
        reporter.line(say(MESSAGES, f"head.{loaded.head}", reporter.lang))
        if not loaded.tied:
            reporter.warn(say(MESSAGES, "head.untied", reporter.lang))
    rule = MaskingRule(
        settings.mlm_probability, settings.whole_word_mask, tokenizer.mask_token_id, len(tokenizer)
    )

    def encode(texts: list[str]) -> list[dict]:
        return encode_texts(tokenizer, texts, settings.max_length, settings.pack)

    parts = []
    for name, texts in (("validation", split.validation), ("test", split.test)):
        if texts:
            items = fixed_masks(encode(texts), rule, settings.seed)
            probes = build_probes(
                texts, tokenizer, settings.fill_probes, settings.seed, settings.max_length
            )
            parts.append(Part(name, items, probes))
    train_items = encode(split.train)
    return Setup(
        source,
        tokenizer,
        loaded,
        rule,
        train_items,
        parts,
        folds,
        single_token_words(train_items),
        unigram_counts(train_items),
    )
