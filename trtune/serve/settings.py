"""Settings of `trtune serve`: what to load, where to listen, how to batch, what to refuse.

One typed dataclass, validated once in ``__post_init__``; the CLI flags map onto its fields.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path

from trtune.errors import UserError

# The model folders serve can load, one option each.
MODEL_FIELDS = ("classifier", "ner", "qa", "seq2seq", "mask", "lm")


@dataclass
class ServeSettings:
    """Everything `trtune serve` needs; paths are fixed here, never taken from a request."""

    classifier: Path | None = field(
        default=None, metadata={"help": "Folder of a sequence classifier (classify train)."}
    )
    lm: Path | None = field(default=None, metadata={"help": "Folder of a causal LM (lm train)."})
    qa: Path | None = field(
        default=None, metadata={"help": "Folder of an extractive QA model (qa train)."}
    )
    seq2seq: Path | None = field(
        default=None, metadata={"help": "Folder of an encoder-decoder (seq2seq train)."}
    )
    mask: Path | None = field(
        default=None,
        metadata={"help": "Folder of a masked LM (mask train, or any ...ForMaskedLM): fill-mask."},
    )
    ner: Path | None = field(
        default=None, metadata={"help": "Folder of a named-entity tagger (ner train)."}
    )
    host: str = field(default="127.0.0.1", metadata={"help": "Address to bind (loopback)."})
    port: int = field(default=8000, metadata={"help": "TCP port."})
    max_batch_size: int = field(default=32, metadata={"help": "Texts per forward pass, at most."})
    max_wait_ms: float = field(
        default=2.0, metadata={"help": "How long the first text of a batch waits for company."}
    )
    nanogpt_page: Path | None = field(
        default=None, metadata={"help": "HTML page from `trtune nanogpt viz`, served at /nanogpt."}
    )
    max_texts: int = field(default=64, metadata={"help": "Texts per /v1/classify request."})
    max_chars: int = field(default=2000, metadata={"help": "Characters per text or prompt."})
    max_body_bytes: int = field(default=1_000_000, metadata={"help": "Request body size limit."})
    max_new_tokens: int = field(default=256, metadata={"help": "Upper bound on max_new_tokens."})
    device: str = field(
        default="auto", metadata={"help": "auto (a CUDA GPU when there is one), cpu, cuda, cuda:N."}
    )
    dtype: str = field(
        default="auto",
        metadata={
            "help": "auto (bfloat16 on a GPU; on a CPU with AMX, bfloat16 for the classifier "
            "and float32 for the LM; else float32), float32, bfloat16, float16 (GPU only)."
        },
    )
    backend: str = field(
        default="auto",
        metadata={
            "help": "auto (onnxruntime for an ONNX export from `trtune export onnx`, else "
            "torch), torch or onnx: how the classifier, NER and QA models run."
        },
    )
    attention_max_tokens: int = field(
        default=64, metadata={"help": "Tokens shown in the attention heat map, at most."}
    )
    lang: str | None = field(
        default=None,
        metadata={"help": "Language of the messages and of the web page at first: tr or en."},
    )

    def __post_init__(self) -> None:
        for name in (*MODEL_FIELDS, "nanogpt_page"):
            value = getattr(self, name)
            if value is not None:
                setattr(self, name, Path(value))
        from trtune.i18n import resolve_lang

        try:
            self.lang = resolve_lang(self.lang)
        except ValueError as exc:
            raise UserError(f"--lang: {exc}") from None
        if all(getattr(self, name) is None for name in MODEL_FIELDS):
            folders = ", ".join(f"--{name} DIR" for name in MODEL_FIELDS)
            raise UserError(f"give {folders} or several")
        for name in MODEL_FIELDS:
            folder = getattr(self, name)
            if folder is not None and not folder.is_dir():
                raise UserError(f"--{name}: not a folder", file=folder)
        if self.nanogpt_page is not None and not self.nanogpt_page.is_file():
            raise UserError("--nanogpt-page: no such file", file=self.nanogpt_page)
        from trtune.run.devices import resolve_device, resolve_dtype  # torch: only when built

        resolve_dtype(self.dtype, resolve_device(self.device))  # fail at start, not later
        if not 0 <= self.port <= 65535:
            raise UserError(f"--port must be between 0 and 65535, got {self.port}")
        if self.max_wait_ms < 0:
            raise UserError(f"--max-wait-ms must be >= 0, got {self.max_wait_ms}")
        for name in (
            "max_batch_size",
            "max_texts",
            "max_chars",
            "max_body_bytes",
            "max_new_tokens",
            "attention_max_tokens",
        ):
            if getattr(self, name) < 1:
                raise UserError(f"{name} must be >= 1, got {getattr(self, name)}")

    def to_dict(self) -> dict:
        """JSON-ready form (paths as strings)."""
        return {k: str(v) if isinstance(v, Path) else v for k, v in asdict(self).items()}
