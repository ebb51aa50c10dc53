"""Check an ONNX export against the PyTorch model it came from, on sample texts.

Both models see the same length-sorted, padded batches; what is compared is what the task's
predictor reads: a classifier's label probabilities per text, a tagger's and a masked LM's
per token (the real tokens, not the padding), a QA model's start and end distributions over
the tokens of each window. The check reports the largest absolute probability difference
and the share of changed labels (the argmax of a text, a token, or a QA start or end).

Where the texts come from: ``--check-texts FILE`` (one a line), else the texts of the data
the folder's run recorded (classify), else :data:`BUILTIN_TEXTS`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import torch

from trtune.errors import UserError

CHECK_LIMIT = 512  # check texts at most
QA_QUESTION = "Bu metin neyi anlatıyor?"
BUILTIN_TEXTS = (
    "Ürün çok güzel, kargo da hızlı geldi, herkese tavsiye ederim.",
    "Berbat bir alışveriş deneyimiydi, paramı geri istiyorum.",
    "Fiyatına göre idare eder, ne iyi ne kötü.",
    "Mustafa Kemal Atatürk 1881 yılında Selanik'te doğdu.",
    "Ankara, Türkiye Cumhuriyeti'nin başkentidir ve İç Anadolu'da yer alır.",
    "Orhan Pamuk 2006 yılında Nobel Edebiyat Ödülü'nü kazandı.",
    "Toplantı yarın saat onda İstanbul ofisinde yapılacak.",
    "Kulaklığın ses kalitesi beklediğimden çok daha iyi çıktı.",
    "Telefonun şarjı bir günü zor çıkarıyor, hayal kırıklığı.",
    "Aselsan'ın yeni radar sistemi Türk Silahlı Kuvvetleri'ne teslim edildi.",
    "Kitap güzel ama çevirisi biraz özensiz olmuş.",
    "Ege Denizi'nin kıyısındaki İzmir, Türkiye'nin üçüncü büyük şehridir.",
    "Sipariş verdiğim ayakkabı iki numara küçük geldi.",
    "Bu kahve makinesi sabahlarımı kurtardı, çok memnunum.",
    "Galatasaray dün akşam Fenerbahçe'yi iki golle yendi.",
    "Ürün açıklamadaki gibi değil, iade etmek zorunda kaldım.",
    "Boğaziçi Üniversitesi'nde yapay zekâ üzerine bir konferans düzenlendi.",
    "Paketleme özenliydi, satıcıya teşekkürler.",
    "Ekranın parlaklığı yetersiz, güneş altında hiçbir şey görünmüyor.",
    "Türk Dil Kurumu yeni sözlüğünü geçen hafta yayımladı.",
    "Makine biraz gürültülü çalışıyor ama işini görüyor.",
    "Kapadokya'daki balon turu hayatımın en güzel deneyimlerinden biriydi.",
    "Ürün elime kırık ulaştı, kargo firması hiç ilgilenmedi.",
    "Ayşe Hanım yarın Bursa'dan Antalya'ya uçakla gidecek.",
)


@dataclass(frozen=True)
class CheckResult:
    """How far an export's outputs are from the PyTorch model's.

    Attributes:
        texts: the number of check texts.
        source: where they came from (a file, the recorded data, ``built-in``).
        max_prob_diff: the largest absolute difference of a probability.
        changed: labels that differ (texts, tokens, or QA starts and ends).
        compared: labels compared.
    """

    texts: int
    source: str
    max_prob_diff: float
    changed: int
    compared: int

    @property
    def changed_share(self) -> float:
        """The share of changed labels (0 to 1)."""
        return self.changed / self.compared if self.compared else 0.0

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (``trtune.json``)."""
        return {
            "texts": self.texts,
            "source": self.source,
            "max_prob_diff": self.max_prob_diff,
            "changed_labels": self.changed,
            "compared_labels": self.compared,
            "changed_share": self.changed_share,
        }


def check_texts(check_file: str | Path | None, record: dict) -> tuple[list[str], str]:
    """``(texts, source)``: the check texts (at most :data:`CHECK_LIMIT`).

    Raises:
        UserError: ``check_file`` cannot be read or holds no text.
    """
    if check_file is not None:
        from trtune.data.source import read_user_text

        texts = [line.strip() for line in read_user_text(check_file).text.splitlines()]
        texts = [t for t in texts if t]
        if not texts:
            raise UserError("the check texts file holds no text", file=check_file)
        return _spread(texts), str(check_file)
    recorded = _recorded_texts(record)
    if recorded:
        return _spread(recorded), "recorded data"
    return list(BUILTIN_TEXTS), "built-in"


def _spread(texts: list[str]) -> list[str]:
    """At most :data:`CHECK_LIMIT` texts, evenly spaced over the list."""
    if len(texts) <= CHECK_LIMIT:
        return texts
    step = len(texts) / CHECK_LIMIT
    return [texts[int(i * step)] for i in range(CHECK_LIMIT)]


def _recorded_texts(record: dict) -> list[str]:
    """The texts of a classify run's data file, when it is still there."""
    if record.get("task") != "classify":
        return []
    paths = record.get("data", {}).get("paths")
    paths = [paths] if isinstance(paths, str) else list(paths or [])
    if len(paths) != 1 or not Path(paths[0]).is_file():
        return []
    from trtune.data import load_texts

    try:
        return load_texts(paths[0], record.get("settings", {}).get("text_col"))
    except UserError:
        return []


def _encode(tokenizer, task: str, texts: Sequence[str], max_length: int) -> dict:
    if task == "qa":  # the question first, the text as its context, as qa predict does
        return tokenizer(
            [QA_QUESTION] * len(texts), list(texts), truncation="only_second", max_length=max_length
        )
    return tokenizer(list(texts), truncation=True, max_length=max_length)


def _probabilities(task: str, out, mask: torch.Tensor) -> list[torch.Tensor]:
    """``(N, C)`` rows of probabilities whose argmax is a label, per output."""
    if task == "classify":
        return [torch.softmax(out["logits"].float(), dim=-1)]  # (B, C)
    if task == "qa":
        rows = []
        for name in ("start_logits", "end_logits"):
            logits = out[name].float().masked_fill(mask == 0, float("-inf"))  # (B, T)
            rows.append(torch.softmax(logits, dim=-1))
        return rows
    probs = torch.softmax(out["logits"].float(), dim=-1)  # (B, T, C)
    return [probs[mask.bool()]]  # (real tokens, C)


def compare(
    model,
    exported,
    tokenizer,
    task: str,
    texts: Sequence[str],
    source: str,
    max_length: int = 128,
    batch_size: int = 16,
) -> CheckResult:
    """Run ``model`` (PyTorch) and ``exported`` (:class:`~trtune.infer.onnx_backend.OnnxModel`)
    on the same batches and compare what the task's predictor would read."""
    enc = _encode(tokenizer, task, texts, max_length)
    order = sorted(range(len(texts)), key=lambda i: -len(enc["input_ids"][i]))
    worst, changed, compared = 0.0, 0, 0
    with torch.inference_mode():
        for start in range(0, len(order), batch_size):
            rows = order[start : start + batch_size]
            batch = tokenizer.pad(
                {key: [values[i] for i in rows] for key, values in enc.items()},
                return_tensors="pt",
            )
            mask = batch["attention_mask"]  # (B, T)
            ours = _probabilities(task, model(**batch), mask)
            theirs = _probabilities(task, exported(**batch), mask)
            for a, b in zip(ours, theirs, strict=True):
                worst = max(worst, float((a - b).abs().max()))
                changed += int((a.argmax(-1) != b.argmax(-1)).sum())
                compared += a.shape[0]
    return CheckResult(len(texts), source, worst, changed, compared)
