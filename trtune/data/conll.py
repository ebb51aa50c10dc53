"""CoNLL files: one token and its tag per line, a blank line between sentences.

The format of CoNLL-2002/2003 and of most token-tagging corpora (NER, part of speech): the
token is the first field, the tag the last (fields separated by a tab, or by spaces when
the line has no tab, so a tab-separated token may hold spaces); other columns in between are
ignored. ``-DOCSTART-`` lines are document separators, not tokens. Reading never fails on a
line: a line with a single field has no tag and is reported with its line number, so the
caller decides whether to drop its sentence or refuse the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

DOCSTART = "-DOCSTART-"
# "token tag", "token POS chunk tag", "token<TAB>tag": at least two fields, the tag last.
_TAG_FIELD = re.compile(r"^\S+$")


@dataclass
class TaggedLines:
    """One sentence as written: its tokens, their tags and where it stands in the file.

    Attributes:
        tokens: the tokens, in order.
        tags: one tag per token (``""`` where a line had no tag).
        row: the 1-based line of the first token.
        untagged_rows: lines that held a token but no tag.
    """

    tokens: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    row: int = 0
    untagged_rows: list[int] = field(default_factory=list)


def split_conll_line(line: str) -> tuple[str, str | None]:
    """``"İngiltere'de\\tB-GPE"`` -> ``("İngiltere'de", "B-GPE")``; a line of one field ->
    ``(token, None)``. Tabs separate fields when there are any, else runs of spaces."""
    stripped = line.strip()
    fields = stripped.split("\t") if "\t" in stripped else stripped.split()
    fields = [f.strip() for f in fields if f.strip()]
    if len(fields) < 2:
        return stripped, None
    return fields[0], fields[-1]


def read_conll(text: str) -> list[TaggedLines]:
    """The sentences of CoNLL ``text``, in order (blank lines and ``-DOCSTART-`` lines
    separate them; several blank lines in a row make no empty sentence)."""
    sentences: list[TaggedLines] = []
    current = TaggedLines()
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.strip().split()[0] == DOCSTART:
            if current.tokens:
                sentences.append(current)
            current = TaggedLines()
            continue
        token, tag = split_conll_line(line)
        if not current.tokens:
            current.row = number
        current.tokens.append(token)
        current.tags.append(tag or "")
        if tag is None:
            current.untagged_rows.append(number)
    if current.tokens:
        sentences.append(current)
    return sentences


def looks_like_conll(text: str, is_tag, sample_lines: int = 2000) -> bool:
    """Whether ``text`` reads as CoNLL: most non-blank lines (of the first
    ``sample_lines``) end in a field ``is_tag`` accepts, and some line is blank or the file
    is one sentence.

    Args:
        text: the decoded file.
        is_tag: tells whether a field is a tag of the scheme the caller reads (``O``,
            ``B-PER``, ...).
    """
    lines = text.splitlines()[:sample_lines]
    filled = [ln for ln in lines if ln.strip() and ln.strip().split()[0] != DOCSTART]
    if not filled:
        return False
    tagged = 0
    for line in filled:
        _, tag = split_conll_line(line)
        tagged += tag is not None and bool(_TAG_FIELD.match(tag)) and is_tag(tag)
    return tagged >= 0.9 * len(filled)
