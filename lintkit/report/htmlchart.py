"""The reading-grade chart of the HTML report: one bar per section against the target grade (SVG)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from html import escape

from lintkit import readability
from lintkit.document import Document
from lintkit.document.units import excerpt, sections
from lintkit.report.htmlassets import OVER, UNDER

ROW, LABEL_W, PLOT_W, TOP, BOTTOM = 24, 290, 400, 30, 34


@dataclass(frozen=True)
class SectionGrade:
    """The Flesch-Kincaid grade of one section's body text (headings are left out, as in the rules)."""

    label: str
    depth: int
    grade: float
    words: int
    block: int | None


def _body(doc: Document, start: int, end: int) -> list[str]:
    return [
        doc.text[s.start : s.end]
        for s in doc.sentences
        if start <= s.start < end and doc.blocks[s.block].kind != "heading"
    ]


def document_grade(doc: Document) -> tuple[float, int]:
    """(grade, words) of the whole document's body text."""
    counts = readability.counts(_body(doc, 0, len(doc.text)))
    return readability.grade(*counts), counts[1]


def section_grades(doc: Document) -> list[SectionGrade]:
    """Grade per section (lintkit.document.units.sections), sections without body text left out."""
    levels = [b.level for b in doc.blocks if b.kind == "heading"]
    top = min(levels) if levels else 0
    out = []
    for head, start, end in sections(doc):
        counts = readability.counts(_body(doc, start, end))
        if not counts[1]:
            continue
        if head is None:
            label, depth = "Introduction (before the first heading)", 0
        else:
            h = doc.blocks[head]
            label, depth = excerpt(doc.text[h.start : h.end], 200), max(0, h.level - top)
        out.append(SectionGrade(label, depth, readability.grade(*counts), counts[1], head))
    return out


def grade_chart(doc: Document, target: float, anchor: str) -> str:
    """A <figure> with an inline SVG bar chart of section grades and a line at `target`."""
    rows = section_grades(doc)
    if not rows:
        return '<p class="meta">No body text to measure a reading grade on.</p>'
    top_grade = max(max(r.grade for r in rows), target)
    scale_max = max(12, 2 * math.ceil((top_grade + 1) / 2))
    x = lambda g: LABEL_W + PLOT_W * max(0.0, min(g, scale_max)) / scale_max  # noqa: E731
    height = TOP + ROW * len(rows) + BOTTOM
    width = LABEL_W + PLOT_W + 60
    over = sum(r.grade > target for r in rows)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" fill="#1f2328" role="img" aria-labelledby="{anchor}-chart-t">'
        f'<title id="{anchor}-chart-t">Reading grade per section; target grade {target:g}; '
        f"{over} of {len(rows)} sections above it</title>",
        f'<text x="{LABEL_W}" y="16" font-size="12" fill="#59636e">Flesch-Kincaid grade</text>',
    ]
    for g in range(0, scale_max + 1, 2):
        gx = x(g)
        parts.append(
            f'<line x1="{gx:.1f}" y1="{TOP - 6}" x2="{gx:.1f}" y2="{height - BOTTOM + 4}" stroke="#e3e8ee"/>'
            f'<text x="{gx:.1f}" y="{height - BOTTOM + 18}" font-size="11" text-anchor="middle" '
            f'fill="#59636e">{g}</text>'
        )
    for i, r in enumerate(rows):
        y = TOP + i * ROW
        color = OVER if r.grade > target else UNDER
        label = r.label if len(r.label) <= 38 - 2 * r.depth else r.label[: 36 - 2 * r.depth].rstrip() + "…"
        tip = f"{r.label}: grade {r.grade:.1f} ({r.words} words)" + (
            " - above target" if r.grade > target else ""
        )
        bar = max(1.5, x(r.grade) - LABEL_W)
        link = f'<a href="#{anchor}-b{r.block}">' if r.block is not None else "<a>"
        parts.append(
            f"{link}<title>{escape(tip)}</title>"
            f'<text x="{8 + 12 * r.depth}" y="{y + 15}" font-size="12.5">{escape(label)}</text>'
            f'<rect x="{LABEL_W}" y="{y + 4}" width="{bar:.1f}" height="14" rx="2" fill="{color}"/>'
            f'<text x="{LABEL_W + bar + 5:.1f}" y="{y + 15}" font-size="11.5">{r.grade:.1f}</text></a>'
        )
    tx = x(target)
    parts.append(
        f'<line x1="{tx:.1f}" y1="{TOP - 8}" x2="{tx:.1f}" y2="{height - BOTTOM + 4}" stroke="#1f2328" '
        f'stroke-width="2" stroke-dasharray="5 3"/>'
        f'<text x="{tx + 4:.1f}" y="{TOP - 12}" font-size="12" font-weight="600">'
        f"target {target:g}</text></svg>"
    )
    caption = (
        f'<figcaption><span class="sw" style="--c:{OVER};--t:{OVER}"></span>above the target grade '
        f'<span class="sw" style="--c:{UNDER};--t:{UNDER}"></span>at or below it. '
        f"{over} of {len(rows)} sections need simpler wording. Click a bar to jump to its section."
        "</figcaption>"
    )
    return f'<figure class="chart">{"".join(parts)}{caption}</figure>'
