"""The ``--dry-run`` plan of every ``train`` command as a few aligned, readable lines (data,
split, model, method, steps, time estimate) in the user's language.

One printer for every task: the shared parts of a plan (``model``, ``method``,
``split_sizes``, ``steps``, ``estimate``, ``settings``) read the same everywhere; each
task's data summary is read by its small part in :data:`DATA_PARTS`.
"""

from __future__ import annotations

from trtune.data.label_names import display_label
from trtune.error_text import translate
from trtune.i18n import say
from trtune.run.plan_messages import MESSAGES

Rows = list[tuple[str, str]]
_SEPARATORS = {",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe"}
_ENCODINGS = {"utf-8-sig": "UTF-8 (BOM)", "cp1254": "Windows-1254", "iso-8859-9": "ISO-8859-9"}
_TABLE_FORMATS = ("csv", "tsv", "json", "jsonl", "parquet", "txt", "conll")
SHOWN = 8  # labels or entity types listed before "+N"


def _t(key: str, lang: str, **fields) -> str:
    return say(MESSAGES, key, lang, **fields)


def number(n: float) -> str:
    """``22.7 M``, ``232,323``: a count people read at a glance."""
    if n >= 1e9:
        return f"{n / 1e9:.1f} B"
    return f"{n / 1e6:.1f} M" if n >= 1e6 else f"{round(n):,}"


def flops(n: float) -> str:
    """``9.1 GFLOP``: floating-point operations with an SI prefix."""
    for prefix, scale in (("P", 1e15), ("T", 1e12), ("G", 1e9), ("M", 1e6)):
        if n >= scale:
            return f"{n / scale:.1f} {prefix}FLOP"
    return f"{n:.0f} FLOP"


def duration(seconds: float, lang: str) -> str:
    """``40 s``, ``12 min``, ``3.5 h`` (two significant figures; an estimate is no finer)."""
    if seconds < 90:
        return _t("seconds", lang, n=max(1, round(float(f"{seconds:.2g}"))))
    if seconds < 90 * 60:
        return _t("minutes", lang, n=round(float(f"{seconds / 60:.2g}")))
    return _t("hours", lang, n=float(f"{seconds / 3600:.2g}"))


def reason_name(reason: str, lang: str) -> str:
    """A drop or repair reason in words (``boş metin`` for ``empty_text``; a reason with
    no words: its name, spaced)."""
    key = f"reason.{reason}"
    return _t(key, lang) if key in MESSAGES else reason.replace("_", " ")


def part_name(part: str, lang: str) -> str:
    """``eğitim`` for ``train``: a part of the split (train, validation, test) in words."""
    key = f"part.{part}"
    return _t(key, lang) if key in MESSAGES else part


def _reasons(counts: dict, lang: str) -> str:
    if not counts:
        return _t("no_drops", lang)
    named = []
    for reason, count in counts.items():
        named.append(f"{reason_name(reason, lang)} {count}")
    return _t("drops", lang, reasons=", ".join(named))


def _file_words(data: dict, lang: str) -> str:
    """``CSV, UTF-8, comma-separated, with a header row``."""
    fmt = str(data.get("format") or "")
    words = [fmt.upper() if fmt.lower() in _TABLE_FORMATS else fmt] if fmt else []
    encoding = data.get("encoding")
    if encoding:
        words.append(_ENCODINGS.get(str(encoding).lower(), str(encoding).upper()))
    separator = _SEPARATORS.get(data.get("delimiter") or "")
    if separator:
        words.append(_t("delimiter", lang, name=_t(f"sep.{separator}", lang)))
    if "header" in data and data.get("delimiter"):
        words.append(_t("header" if data["header"] else "no_header", lang))
    return ", ".join(words)


def _data_row(plan: dict, data: dict, lang: str) -> tuple[str, str]:
    files = plan.get("settings", {}).get("data") or data.get("paths") or data.get("path") or ""
    files = ", ".join(map(str, files)) if isinstance(files, list) else str(files)
    words = _file_words(data, lang)
    return _t("row.data", lang), f"{files} ({words})" if words else files


def _rows_row(
    read: int | None, kept: int, dropped: dict, lang: str, unit: str = "rows"
) -> tuple[str, str]:
    """``rows: 360 read, 358 kept; dropped: empty text 2`` (``unit``: what is counted)."""
    reasons, name = _reasons(dropped, lang), _t(f"row.{unit}", lang)
    if read is None:
        return name, _t("kept", lang, kept=kept, dropped=reasons)
    return name, _t("rows", lang, read=read, kept=kept, dropped=reasons)


def _listed(items: list[str]) -> str:
    extra = f", +{len(items) - SHOWN}" if len(items) > SHOWN else ""
    return ", ".join(items[:SHOWN]) + extra


def _drop_counts(report: dict) -> dict:
    """``{reason: count}`` of a :func:`~trtune.run.record.drop_report`."""
    return {k: v["count"] for k, v in (report.get("reasons") or {}).items()}


def _classify_data(plan: dict, lang: str) -> Rows:
    data = plan["data"]
    counts = data.get("label_counts") or {}
    labels = [f"{display_label(label, lang)} {counts.get(label, '')}".strip()
              for label in plan.get("labels", [])]  # fmt: skip
    return [
        _data_row(plan, data, lang),
        _rows_row(data.get("rows_read"), data.get("rows_kept"), data.get("dropped", {}), lang),
        (_t("row.labels", lang), _listed(labels)),
    ]


def _ner_data(plan: dict, lang: str) -> Rows:
    data = plan["data"]
    counts = data.get("entity_counts") or {}
    types = [f"{name} {count}" for name, count in counts.items()]
    return [
        _data_row(plan, data, lang),
        _rows_row(
            data.get("sentences_read"),
            data.get("sentences"),
            data.get("dropped"),
            lang,
            "sentences",
        ),
        (_t("row.tags", lang), _listed(types)),
    ]


def _qa_data(plan: dict, lang: str) -> Rows:
    report = plan["data"].get("train", {})
    return [
        _data_row(plan, {}, lang),
        _rows_row(None, report.get("kept"), _drop_counts(report), lang, "questions"),
    ]


def _seq2seq_data(plan: dict, lang: str) -> Rows:
    data = plan["data"]
    kind = ", ".join(str(plan[k]) for k in ("kind", "direction") if plan.get(k))
    rows = [
        _data_row(plan, data, lang),
        _rows_row(
            data.get("rows_read"), data.get("pairs_kept"), data.get("dropped"), lang, "pairs"
        ),
    ]
    return rows + ([(_t("row.kind", lang), kind)] if kind else [])


def _mask_data(plan: dict, lang: str) -> Rows:
    data = plan["data"]
    drops = data.get("drops", {})
    return [
        _data_row(plan, data, lang),
        _rows_row(None, drops.get("kept"), _drop_counts(drops), lang, "texts"),
    ]


def _lm_data(plan: dict, lang: str) -> Rows:
    data = plan["data"]
    return [
        _data_row(plan, data, lang),
        _rows_row(None, data["kept"], data["dropped"], lang, "examples"),
        (_t("row.template", lang), str(data["template"])),
    ]


DATA_PARTS = {
    "classify": _classify_data,
    "ner": _ner_data,
    "qa": _qa_data,
    "seq2seq": _seq2seq_data,
    "mask": _mask_data,
    "lm": _lm_data,
}


def _model_row(plan: dict, lang: str) -> str:
    model = plan["model"]
    params = (plan.get("estimate") or {}).get("parameters")
    words = [_t(f"kind.{model['kind']}", lang)]
    if params:
        total = ("≈ " if model["kind"] == "preset" else "") + number(params["total"])
        trained = params.get("trainable")
        words.append(
            _t("params_trained", lang, n=total, trained=number(trained))
            if trained is not None
            else _t("params", lang, n=total)
        )
    return f"{model['name']} ({', '.join(words)})"


def _method_row(plan: dict, lang: str) -> str:
    method = plan["method"]
    key = f"method.{method}"
    if key not in MESSAGES:
        return method
    r = plan.get("settings", {}).get("lora_r")
    return f"{method}: {_t(key, lang, r=r)}"


def _steps_row(plan: dict, lang: str) -> str:
    s = plan.get("schedule") or plan["steps"]  # lm: "steps" is the total, as before
    if plan["method"] == "features":
        return _t("steps_features", lang, epochs=f"{s['epochs']:g}")
    fields = {"per_epoch": s["per_epoch"], "total": s["total"], "batch": s["batch_size"]}
    if s.get("max_steps"):
        return _t("steps_max", lang, **fields)
    if s["epochs"] == 1:
        return _t("steps_one_epoch", lang, **fields)
    return _t("steps", lang, epochs=f"{s['epochs']:g}", **fields)


def _estimate_row(plan: dict, lang: str) -> str:
    e = plan["estimate"]
    if e.get("seconds") is None:
        return _t(f"estimate.{e.get('reason', 'model_offline')}", lang)
    return _t(
        "estimate",
        lang,
        time=duration(e["seconds"], lang),
        flops=flops(e["flops"]),
        speed=flops(e["probe_flops_per_s"]) + "/s",
        device=e["device"],
    )


def split_text(sizes: dict[str, int], lang: str) -> str:
    """``eğitim 243 / doğrulama 27 / test 90``: the parts of a split and their sizes (no
    test part when a run has none)."""
    if "test" not in sizes:
        return _t("split_two", lang, train=sizes["train"], validation=sizes["validation"])
    return _t("split", lang, **{k: sizes[k] for k in ("train", "validation", "test")})


def plan_rows(plan: dict, lang: str) -> Rows:
    """The plan's ``(name, value)`` rows in ``lang``: task, data, split, model, method,
    steps, estimate (and any data warnings)."""
    rows = [(_t("row.task", lang), _t(f"task.{plan['task']}", lang))]
    rows += DATA_PARTS[plan["task"]](plan, lang)
    rows.append((_t("row.split", lang), split_text(plan["split_sizes"], lang)))
    rows.append((_t("row.model", lang), _model_row(plan, lang)))
    rows.append((_t("row.method", lang), _method_row(plan, lang)))
    rows.append((_t("row.steps", lang), _steps_row(plan, lang)))
    rows.append((_t("row.estimate", lang), _estimate_row(plan, lang)))
    warnings = plan.get("warnings") or (plan.get("data") or {}).get("warnings") or []
    rows += [(_t("row.warning", lang), translate(str(w), lang)) for w in warnings]
    return rows


def plan_text(plan: dict, lang: str) -> str:
    """The plan as aligned lines (``name : value``)."""
    rows = plan_rows(plan, lang)
    width = max(len(name) for name, _ in rows)
    return "\n".join(f"{name.ljust(width)} : {value}" for name, value in rows)


def dry_run_done(lang: str) -> str:
    """The closing line of a dry run."""
    return _t("dry_run_done", lang)
