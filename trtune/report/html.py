"""A self-contained report.html: sections of text, tables, images (inlined) and JSON.

Every image is embedded as a base64 ``data:`` URI, so the file can be mailed or opened
anywhere without the folder beside it.
"""

from __future__ import annotations

import base64
import html
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from trtune.run.outdir import atomic_write_text

# Long words and tokens wrap anywhere, tables fit the window: no sideways scrolling at 400 px.
_STYLE = """
body{font-family:system-ui,sans-serif;max-width:980px;margin:2em auto;padding:0 1em;color:#222}
h1{border-bottom:2px solid #ccc;overflow-wrap:anywhere}h2{margin-top:1.6em;color:#234}
table{border-collapse:collapse;margin:.6em 0;max-width:100%}
td,th{border:1px solid #ccc;padding:.3em .7em;vertical-align:top;overflow-wrap:anywhere}
th{background:#f2f4f7;text-align:left}td.num{text-align:right;font-variant-numeric:tabular-nums}
img{max-width:100%;height:auto;margin:.4em .6em .4em 0}
pre{background:#f6f8fa;padding:.8em;white-space:pre-wrap;overflow-wrap:anywhere}
p{overflow-wrap:anywhere}.figs{display:flex;flex-wrap:wrap}
.notice{background:#fff4ce;border-left:4px solid #d9a400;padding:.6em .9em}
mark.gold{background:#c9f2d0}mark.pred{background:#fde2a7}mark.both{background:#b9dcff}
"""


@dataclass
class Section:
    """One part of a report.

    Attributes:
        title: the heading.
        paragraphs: plain-text paragraphs (escaped).
        table: rows of cells; the first row is the header.
        images: PNG files to inline.
        data: any JSON-ready value shown in a ``<pre>`` block.
        markup: HTML the task built itself, every user text in it already escaped with
            ``html.escape`` (e.g. highlighted entities, a context with its answer marked),
            inserted as it is after the table.
    """

    title: str
    paragraphs: Sequence[str] = ()
    table: Sequence[Sequence[Any]] = ()
    images: Sequence[str | Path] = ()
    data: Any = None
    markup: str = ""


def _cell(value: Any, tag: str) -> str:
    if isinstance(value, float):
        return f'<{tag} class="num">{value:.4f}</{tag}>'
    if isinstance(value, int) and not isinstance(value, bool):
        return f'<{tag} class="num">{value}</{tag}>'
    return f"<{tag}>{html.escape(str(value))}</{tag}>"


def _image(path: str | Path) -> str:
    data = base64.b64encode(Path(path).read_bytes()).decode("ascii")
    alt = html.escape(Path(path).stem)
    return f'<img alt="{alt}" src="data:image/png;base64,{data}">'


def render_section(section: Section) -> str:
    """The HTML of one section."""
    parts = [f"<h2>{html.escape(section.title)}</h2>"]
    parts += [f"<p>{html.escape(p)}</p>" for p in section.paragraphs]
    if section.table:
        header, *rows = section.table
        parts.append("<table><tr>" + "".join(_cell(c, "th") for c in header) + "</tr>")
        parts += ["<tr>" + "".join(_cell(c, "td") for c in row) + "</tr>" for row in rows]
        parts.append("</table>")
    if section.markup:
        parts.append(section.markup)
    if section.images:
        parts.append('<div class="figs">' + "".join(_image(p) for p in section.images) + "</div>")
    if section.data is not None:
        text = json.dumps(section.data, indent=2, ensure_ascii=False, default=str)
        parts.append(f"<pre>{html.escape(text)}</pre>")
    return "\n".join(parts)


def write_report(
    path: str | Path,
    title: str,
    sections: Sequence[Section],
    lang: str = "en",
    notice: str | None = None,
) -> Path:
    """Write a self-contained HTML report to ``path`` (atomically) and return the path.

    Args:
        notice: a sentence shown in a box under the title (e.g. that the model is a tiny
            random test model).
    """
    body = "\n".join(render_section(s) for s in sections)
    box = f'<p class="notice">{html.escape(notice)}</p>\n' if notice else ""
    page = (
        f'<!doctype html>\n<html lang="{html.escape(lang)}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)}</title><style>{_STYLE}</style></head>\n"
        f"<body><h1>{html.escape(title)}</h1>\n{box}{body}\n</body></html>\n"
    )
    return atomic_write_text(path, page)
