"""User files -> validated rows: read, find columns, validate, split."""

from trtune.data.columns import normalize_label, parse_label_map
from trtune.data.labeled import describe_sources, inspect_file, load_labeled, source_list
from trtune.data.read import Table, read_table
from trtune.data.source import read_user_bytes, read_user_text
from trtune.data.split import Split, stratified_split
from trtune.data.validate import Example, InspectReport, LabeledData, load_texts

__all__ = [
    "Example",
    "InspectReport",
    "LabeledData",
    "Split",
    "Table",
    "describe_sources",
    "inspect_file",
    "load_labeled",
    "load_texts",
    "normalize_label",
    "parse_label_map",
    "read_table",
    "read_user_bytes",
    "read_user_text",
    "source_list",
    "stratified_split",
]
