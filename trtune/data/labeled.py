"""The entry points for labelled data: :func:`load_labeled` and :func:`inspect_file`.

A source is a data file (its own text and label columns), a folder with one file or
sub-folder per label, or ``FILE:LABEL``; several sources are read as one data set (see
:mod:`trtune.data.layouts`). One plain file reads exactly as it always did.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

from trtune.data.layouts import Source, expand_sources, parse_spec, source_candidates
from trtune.data.read import read_table
from trtune.data.validate import (
    DROP_REASONS,
    MAX_TEXT_CHARS,
    REPAIR_REASONS,
    Example,
    InspectReport,
    LabeledData,
    Where,
    counted,
    examples_from_table,
    keep_unique,
    label_counts,
)
from trtune.errors import UserError

Sources = str | Path | Sequence[str | Path]


def source_list(sources: Sources) -> list[str | Path]:
    """``sources`` as a list (one path or spec becomes a list of one)."""
    return [sources] if isinstance(sources, (str, Path)) else list(sources)


def describe_sources(sources: Sources, names_only: bool = False) -> str:
    """How messages and reports name the data: the path, or the specs joined with ``+``.

    Args:
        sources: what was passed as ``--data``.
        names_only: file names without their folders (for a model card).
    """
    specs = [str(s) for s in source_list(sources)]
    if names_only:
        specs = [Path(s).name for s in specs]
    return " + ".join(specs)


def _found_how(sources: list[Source], specs: list[str | Path]) -> str:
    """Where the labels came from, for the report's ``columns_found``."""
    given = [parse_spec(spec)[1] is not None for spec in specs]
    if all(s.label is None for s in sources):
        return "per file"
    if all(given):
        return "labels given as FILE:LABEL"
    if not any(given) and all(s.label for s in sources):
        return "labels from file names"
    return "per file"


def _combined_report(name: str, how: str, entries: list[dict], kept, drops, repairs, warnings):
    """The report of several sources: totals, per-source entries, drops as ``file:row``."""
    dropped, dropped_rows = counted(drops, DROP_REASONS)
    repair_counts, repaired_rows = counted(repairs, REPAIR_REASONS)
    examples = [example for example, _ in kept]
    encodings = [e["encoding"] for e in entries if e.get("encoding")]
    return InspectReport(
        path=name,
        format="several files",
        encoding=", ".join(dict.fromkeys(encodings)),
        delimiter=None,
        quoting="none",
        header=False,
        columns=["text", "label"],
        text_column="text",
        label_column="label",
        columns_found=how,
        rows_read=sum(e["rows_read"] for e in entries),
        rows_kept=len(examples),
        repaired=len({where for wheres in repairs.values() for where in wheres}),
        dropped=dropped,
        dropped_rows=dropped_rows,
        label_counts=label_counts(examples),
        repairs=repair_counts,
        repaired_rows=repaired_rows,
        sources=entries,
        warnings=warnings,
    )


def read_sources(
    specs: list[str | Path],
    name: str,
    text_col: str | None,
    label_col: str | None,
    label_map: dict[str, str] | None,
    max_chars: int = MAX_TEXT_CHARS,
) -> tuple[list[Example], InspectReport]:
    """Read several sources (files, folders, ``FILE:LABEL``) as one labelled data set.

    Conflicting labels and duplicates are found across all the sources.

    Args:
        specs: the ``--data`` values.
        name: how messages and the report name the whole (see :func:`describe_sources`).

    Raises:
        UserError: a file cannot be read, a folder is no label layout, or ``--label-col``
            is given where labels come from file names.
    """
    warnings: list[str] = []
    sources = expand_sources(specs, warnings)
    if label_col is not None and any(s.label is not None for s in sources):
        raise UserError("--label-col has no meaning when the labels come from file names", name)
    drops: dict[str, list[Where]] = defaultdict(list)
    repairs: dict[str, list[Where]] = defaultdict(list)
    candidates, entries, owner = [], [], {}
    for index, source in enumerate(sources):
        found, entry = source_candidates(
            source, text_col, label_col, label_map, max_chars, drops, repairs
        )
        owner.update((where, index) for _, where in found)
        candidates += found
        entries.append(entry)
    kept = keep_unique(candidates, drops)
    per_source = Counter(owner[where] for _, where in kept)
    for index, entry in enumerate(entries):
        entry["rows_kept"] = per_source[index]
    how = _found_how(sources, specs)
    report = _combined_report(name, how, entries, kept, drops, repairs, warnings)
    return [example for example, _ in kept], report


def read_labeled(
    sources: Sources,
    text_col: str | None = None,
    label_col: str | None = None,
    label_map: dict[str, str] | None = None,
    max_chars: int = MAX_TEXT_CHARS,
) -> tuple[list[Example], InspectReport]:
    """Read labelled data from one or several sources; the examples and the report.

    Raises:
        UserError: nothing given, or a source cannot be read (see :func:`load_labeled`).
    """
    specs = source_list(sources)
    if not specs:
        raise UserError("no data given: pass --data FILE, --data FOLDER or --data FILE:LABEL")
    if len(specs) == 1:
        path, label = parse_spec(specs[0])
        if label is None and not path.is_dir():
            return examples_from_table(read_table(path), text_col, label_col, label_map, max_chars)
    name = describe_sources(specs)
    return read_sources(specs, name, text_col, label_col, label_map, max_chars)


def inspect_file(
    sources: Sources,
    text_col: str | None = None,
    label_col: str | None = None,
    label_map: dict[str, str] | None = None,
) -> InspectReport:
    """Read and validate ``sources``; return only the report (``data inspect``)."""
    return read_labeled(sources, text_col, label_col, label_map)[1]


def load_labeled(
    sources: Sources,
    text_col: str | None = None,
    label_col: str | None = None,
    label_map: dict[str, str] | None = None,
    min_classes: int = 2,
) -> LabeledData:
    """Read labelled texts: the function every training and evaluation command uses.

    Args:
        sources: a data file, a folder with one ``.txt`` file (one text per line) or one
            sub-folder (one text per file) per label, ``FILE:LABEL``, or a list of these.
        text_col: the text column of tables (found by name or content when None).
        label_col: the label column of tables (not with labels from file names).
        label_map: raw label -> name, e.g. ``{"0": "negative"}``.
        min_classes: refuse data with fewer labels than this.

    Raises:
        UserError: a file cannot be read or holds no usable rows, a column is wrong, or
            there are fewer than ``min_classes`` labels.
    """
    examples, report = read_labeled(sources, text_col, label_col, label_map)
    name = report.path
    if not examples:
        raise UserError("no usable rows (see `trtune data inspect` for what was dropped)", name)
    labels = sorted(report.label_counts)
    if len(labels) < min_classes:
        raise UserError(
            f"found {len(labels)} label(s) ({', '.join(labels)}); training needs at least "
            f"{min_classes} classes",
            name,
        )
    return LabeledData(Path(name), examples, labels, report)
