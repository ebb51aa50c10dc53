"""Entity tags: the schemes files use (IOB1, IOB2, BIOES/BILOU, bare types), all read into
IOB2, and entities read back out of IOB2 tags.

IOB2 (Tjong Kim Sang & Veenstra 1999; the CoNLL-2003 release uses IOB1): every entity starts
with ``B-TYPE`` and goes on with ``I-TYPE``; ``O`` is outside. IOB1 starts an entity with
``I-`` and uses ``B-`` only between two adjacent entities of one type. BIOES (also written
BILOU) adds ``E-``/``L-`` for an entity's last token and ``S-``/``U-`` for one-token
entities. Bare types (``PER``, the IO scheme) read as IOB1's ``I-``.

An ``I-X`` that follows ``O`` or another type is invalid in IOB2; read as IOB2 it is repaired
to ``B-X`` and counted. Predicted tags are decoded the same way (``repair``), which is how
``transformers.pipeline(..., aggregation_strategy="simple")`` groups them too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

OUTSIDE = "O"
_PREFIXED = re.compile(r"^([BIESLUbiuesl])[-_](\S+)$")
MAX_TYPES = 100  # more entity types than this: the tag column is not a tag column
SCHEMES = ("IOB2", "IOB1", "BIOES", "IO")


def parse_tag(tag: str) -> tuple[str, str | None]:
    """``"B-PER"`` -> ``("B", "PER")``; ``"O"`` -> ``("O", None)``; a bare ``"PER"`` ->
    ``("", "PER")``. Prefixes are read in either case (``b-per`` -> ``("B", "per")``)."""
    tag = tag.strip()
    if tag.upper() == OUTSIDE or tag == "":
        return OUTSIDE, None
    match = _PREFIXED.match(tag)
    if match:
        return match.group(1).upper(), match.group(2)
    return "", tag


def looks_like_tag(value: str) -> bool:
    """Whether ``value`` is ``O`` or a prefixed tag (``B-PER``, ``I_LOC``, ``S-ORG``)."""
    value = value.strip()
    return value.upper() == OUTSIDE or bool(_PREFIXED.match(value))


def detect_scheme(sequences: Sequence[Sequence[str]]) -> str:
    """The tag scheme of a file: ``BIOES`` when ``E-``/``S-``/``L-``/``U-`` occur, ``IO``
    for bare types only, ``IOB1`` when more entities start with ``I-`` than with ``B-``,
    else ``IOB2``."""
    prefixes: set[str] = set()
    b_starts = i_starts = 0
    for tags in sequences:
        previous: str | None = None
        for tag in tags:
            prefix, kind = parse_tag(tag)
            prefixes.add(prefix)
            if prefix == "B":
                b_starts += 1
            elif prefix in ("I", "") and kind != previous:
                i_starts += 1
            previous = kind
    if prefixes & {"E", "S", "L", "U"}:
        return "BIOES"
    if "" in prefixes and not prefixes & {"B", "I"}:
        return "IO"
    return "IOB1" if i_starts > b_starts else "IOB2"


def to_iob2(tags: Sequence[str], scheme: str) -> tuple[list[str], int]:
    """``tags`` of ``scheme`` as IOB2, and how many tags were invalid and repaired.

    For IOB1 and IO an ``I-X`` that starts an entity is the scheme, not an error; for IOB2
    and BIOES it is repaired to ``B-X`` and counted.
    """
    out: list[str] = []
    repaired = 0
    previous: str | None = None  # the entity type of the previous tag (None after O)
    for tag in tags:
        prefix, kind = parse_tag(tag)
        if kind is None:
            out.append(OUTSIDE)
            previous = None
            continue
        if prefix in ("S", "U", "B"):
            begins = True
        else:  # I, E, L or bare: goes on with the entity before, if it is of this type
            begins = kind != previous
            if begins and scheme in ("IOB2", "BIOES"):
                repaired += 1
        out.append(("B-" if begins else "I-") + kind)
        previous = kind
    return out, repaired


def repair(tags: Sequence[str]) -> list[str]:
    """IOB2 tags with every invalid ``I-X`` (after ``O`` or another type) read as ``B-X``:
    how predicted tags are decoded (as the transformers pipeline groups them)."""
    return to_iob2(tags, "IOB1")[0]


@dataclass(frozen=True)
class Span:
    """An entity over words ``start`` to ``end`` (exclusive) of a sentence."""

    type: str
    start: int
    end: int


def spans(tags: Sequence[str]) -> list[Span]:
    """The entities of IOB2 ``tags`` (an ``I-X`` that cannot continue starts one)."""
    found: list[Span] = []
    kind: str | None = None
    start = 0
    for i, tag in enumerate([*tags, OUTSIDE]):
        prefix, tag_kind = parse_tag(tag)
        continues = tag_kind is not None and tag_kind == kind and prefix not in ("B", "S", "U")
        if continues:
            continue
        if kind is not None:
            found.append(Span(kind, start, i))
        kind, start = tag_kind, i
    return found


def entity_type(tag: str) -> str:
    """The entity type of a tag, ``O`` for outside (``B-PER`` -> ``PER``)."""
    return parse_tag(tag)[1] or OUTSIDE


def tag_names(types: Sequence[str]) -> list[str]:
    """The model's label list: ``O``, then ``B-`` and ``I-`` of every type, types sorted."""
    names = [OUTSIDE]
    for kind in sorted(set(types)):
        names += [f"B-{kind}", f"I-{kind}"]
    return names


def inside(tag: str) -> str:
    """The tag a word's later sub-words carry: ``B-X`` -> ``I-X``; others unchanged."""
    return "I-" + tag[2:] if tag.startswith("B-") else tag
