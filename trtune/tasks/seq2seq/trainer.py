"""Validation that watches the real metric: generate for a sample of validation pairs at every
evaluation and score it (chrF, ROUGE-L), as ``Seq2SeqTrainer``'s ``predict_with_generate``
does, so that early stopping and the best checkpoint follow what users will see rather than
the loss.

The loss is computed on the whole validation part as usual (``prediction_loss_only``: the
``(B, T, vocabulary)`` logits are never gathered); the generated metric is added to the
evaluation's metrics before the callbacks see them. Under ``accelerate launch`` every process
generates the same sample (decoding is deterministic), so each holds the metric early
stopping reads.
"""

from __future__ import annotations

from dataclasses import dataclass

from trtune.infer.seq2seq import GenerationSettings, Seq2SeqGenerator
from trtune.run.trainer import TrtuneTrainer
from trtune.tasks.seq2seq.metrics import score
from trtune.tasks.seq2seq.pairs import Pair


@dataclass
class ValidationGeneration:
    """What is generated at each evaluation and how.

    Attributes:
        pairs: the validation sample.
        prefix: the task prefix.
        max_source_length: sources are cut to this many tokens.
        settings: the generation settings (those of the test scoring).
        batch_size: sources per ``generate`` call.
    """

    pairs: list[Pair]
    prefix: str
    max_source_length: int
    settings: GenerationSettings
    batch_size: int = 32

    def scores(self, model, tokenizer) -> dict[str, float]:
        """The metrics of ``model``'s outputs on the sample."""
        generator = Seq2SeqGenerator(model, tokenizer, self.prefix, self.max_source_length)
        outputs = generator.generate([p.source for p in self.pairs], self.settings, self.batch_size)
        return score(outputs, [p.target for p in self.pairs])


class Seq2SeqTrtuneTrainer(TrtuneTrainer):
    """:class:`TrtuneTrainer` whose evaluations also generate and score a validation sample."""

    def __init__(self, *args, validation_generation: ValidationGeneration | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.validation_generation = validation_generation

    def evaluation_loop(  # noqa: D102
        self,
        dataloader,
        description,
        prediction_loss_only=None,
        ignore_keys=None,
        metric_key_prefix="eval",
    ):
        output = super().evaluation_loop(
            dataloader, description, prediction_loss_only, ignore_keys, metric_key_prefix
        )
        if self.validation_generation is not None and metric_key_prefix == "eval":
            found = self.validation_generation.scores(self.model, self.processing_class)
            output.metrics.update({f"{metric_key_prefix}_{k}": v for k, v in found.items()})
        return output
