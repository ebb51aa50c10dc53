"""Test sentences as HTML with their entities in colour, gold above prediction, the worst
sentences (most missed or wrong entities) first: what the report shows of the errors.

Every type has its own colour (the same in every report of a run); a predicted entity that
is not in the gold is framed in red, a gold entity the model missed in a dashed frame.
Every word is escaped; the markup is made here and nowhere else.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from trtune.tasks.ner.metrics import sentence_errors
from trtune.tasks.ner.tags import Span, repair, spans

# Light colours that keep black text readable (Tableau 20, lightened).
PALETTE = (
    "#aec7e8",
    "#ffbb78",
    "#98df8a",
    "#ff9896",
    "#c5b0d5",
    "#c49c94",
    "#f7b6d2",
    "#dbdb8d",
    "#9edae5",
    "#c7c7c7",
    "#e6d3a3",
    "#b5cf6b",
    "#cedb9c",
    "#e7cb94",
    "#e7969c",
    "#de9ed6",
    "#a1d99b",
    "#9ecae1",
    "#fdd0a2",
    "#bcbddc",
)
STYLE = (
    "<style>.ner{line-height:2.1;margin:.2em 0}.ner mark{padding:.1em .3em;border-radius:4px;"
    "border:2px solid transparent}.ner mark sup{font-size:.65em;margin-left:.25em;opacity:.75}"
    ".ner mark.wrong{border-color:#d62728}.ner mark.missed{border:2px dashed #555}"
    ".ner .who{display:inline-block;width:6em;color:#667;font-size:.85em}"
    ".sent{border-bottom:1px solid #eee;padding:.3em 0}</style>"
)


def type_colours(types: Sequence[str]) -> dict[str, str]:
    """One colour per entity type (types sorted, palette in order, repeating after 20)."""
    return {kind: PALETTE[i % len(PALETTE)] for i, kind in enumerate(sorted(set(types)))}


def render_words(
    words: Sequence[str],
    entities: Sequence[Span],
    colours: dict[str, str],
    marked: set[Span],
    mark_class: str,
) -> str:
    """One line of ``words`` with ``entities`` highlighted; those in ``marked`` get
    ``mark_class`` (``wrong`` or ``missed``)."""
    starts = {span.start: span for span in entities}
    out, i = [], 0
    while i < len(words):
        span = starts.get(i)
        if span is None:
            out.append(html.escape(words[i]))
            i += 1
            continue
        text = html.escape(" ".join(words[span.start : span.end]))
        css = f' class="{mark_class}"' if span in marked else ""
        colour = colours.get(span.type, "#eee")
        out.append(
            f'<mark{css} style="background:{colour}">{text}<sup>{html.escape(span.type)}</sup>'
            "</mark>"
        )
        i = span.end
    return " ".join(out)


def worst_sentences_html(
    sentences: Sequence[Sequence[str]],
    gold: Sequence[Sequence[str]],
    predicted: Sequence[Sequence[str]],
    types: Sequence[str],
    labels: tuple[str, str],
    limit: int = 30,
) -> tuple[str, int]:
    """The ``limit`` sentences with the most errors (ties: file order), as HTML, and how many
    were shown.

    Args:
        sentences: the words of each test sentence.
        gold, predicted: their tags.
        types: every entity type (for the colours).
        labels: the words for "gold" and "predicted" in the report's language.
    """
    colours = type_colours(types)
    errors = [sentence_errors(g, p) for g, p in zip(gold, predicted, strict=True)]
    order = sorted(range(len(sentences)), key=lambda i: (-errors[i], i))[:limit]
    blocks = [STYLE]
    for i in order:
        gold_spans, found_spans = spans(gold[i]), spans(repair(predicted[i]))
        missed = set(gold_spans) - set(found_spans)
        wrong = set(found_spans) - set(gold_spans)
        blocks.append(
            '<div class="sent">'
            f'<div class="ner"><span class="who">{html.escape(labels[0])}</span>'
            f"{render_words(sentences[i], gold_spans, colours, missed, 'missed')}</div>"
            f'<div class="ner"><span class="who">{html.escape(labels[1])}</span>'
            f"{render_words(sentences[i], found_spans, colours, wrong, 'wrong')}</div></div>"
        )
    return "\n".join(blocks), len(order)
