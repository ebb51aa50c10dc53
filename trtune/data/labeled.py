"""The entry points for labelled data: :func:`load_labeled` and :func:`inspect_file`.

A source is a data file (its own text and label columns), a folder with one file or
sub-folder per label, or ``FILE:LABEL``; several sources are read as one data set (see
:mod:`trtune.data.layouts`). One plain file reads exactly as it always did.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from trtune.data.layouts import parse_spec, read_sources
from trtune.data.read import read_table
from trtune.data.validate import (
    MAX_TEXT_CHARS,
    Example,
    InspectReport,
    LabeledData,
    examples_from_table,
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
