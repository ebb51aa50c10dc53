"""User files -> validated rows: read, find columns, validate, split."""

from trtune.data.columns import normalize_label, parse_label_map
from trtune.data.read import Table, read_table
from trtune.data.split import Split, stratified_split
from trtune.data.validate import (
    Example,
    InspectReport,
    LabeledData,
    inspect_file,
    load_labeled,
    load_texts,
)

__all__ = [
    "Example",
    "InspectReport",
    "LabeledData",
    "Split",
    "Table",
    "inspect_file",
    "load_labeled",
    "load_texts",
    "normalize_label",
    "parse_label_map",
    "read_table",
    "stratified_split",
]
