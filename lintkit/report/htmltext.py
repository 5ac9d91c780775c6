"""The page text of the HTML report: Document blocks with every span finding highlighted.

Overlaps: highlights nest when one span lies inside another. When spans cross (or a span runs over
a block boundary), the element that would have to close early is closed and reopened as a
continuation piece (`mark.cont`, same `data-f`, no `data-rule`). So every span finding has exactly
one `mark[data-rule]` element, the one holding the start of its span; continuation pieces only
colour the rest. Span findings that touch no block are listed separately, still as one
`mark[data-rule]` each.
"""

from __future__ import annotations

from collections import defaultdict
from html import escape

from lintkit.document import Block, Document
from lintkit.finding import Finding
from lintkit.report.htmlassets import CATEGORY_COLORS, SEVERITIES

Numbered = tuple[int, Finding]  # (finding number in the report, finding)


def classes(f: Finding) -> str:
    """CSS classes of a finding's category and severity (unknown values fall back to safe ones)."""
    cat = f.category if f.category in CATEGORY_COLORS else "other"
    sev = f.severity if f.severity in SEVERITIES else "info"
    return f"c-{cat} s-{sev}"


def finding_attrs(n: int, f: Finding, rdoc: dict[str, str]) -> str:
    """The attributes that make an element *the* element of finding `n` (focusable, described)."""
    described = f"d-{n} {rdoc[f.rule]}" if f.rule in rdoc else f"d-{n}"
    return (
        f'tabindex="0" data-f="{n}" data-rule="{escape(f.rule)}" data-severity="{escape(f.severity)}" '
        f'data-category="{escape(f.category)}" aria-describedby="{described}"'
    )


def mark(n: int, f: Finding, rdoc: dict[str, str], primary: bool, extra: str = "") -> str:
    """Opening tag of a highlight: the finding's own element, or a continuation piece."""
    if primary:
        return f'<mark class="hl {classes(f)}{extra}" {finding_attrs(n, f, rdoc)}>'
    return f'<mark class="hl cont {classes(f)}{extra}" data-f="{n}" data-part-of="{n}">'


def _overlaps(b: Block, f: Finding) -> bool:
    if f.end > f.start:
        return f.start < b.end and b.start < f.end
    return b.start <= f.start <= b.end


def _block_inner(text: str, b: Block, pieces: list[tuple[int, int, int]], tag) -> str:
    """Escaped text of block `b` with highlight elements for `pieces` (start, end, number)."""
    starts: dict[int, list[tuple[int, int]]] = defaultdict(list)
    ends: dict[int, set[int]] = defaultdict(set)
    points: dict[int, list[int]] = defaultdict(list)
    for s, e, n in pieces:
        if s == e:
            points[s].append(n)
        else:
            starts[s].append((e, n))
            ends[e].add(n)
    bounds = sorted({b.start, b.end, *(p for s, e, _ in pieces for p in (s, e))})
    out: list[str] = []
    stack: list[int] = []
    for i, pos in enumerate(bounds):
        closing = ends.get(pos, set())
        reopen: list[int] = []
        while any(n in closing for n in stack):
            n = stack.pop()
            out.append("</mark>")
            if n not in closing:
                reopen.append(n)
        for n in reversed(reopen):
            out.append(tag(n))
            stack.append(n)
        out.extend(tag(n, " pt") + "</mark>" for n in points.get(pos, ()))
        for _, n in sorted(starts.get(pos, ()), key=lambda en: (-en[0], en[1])):
            out.append(tag(n))
            stack.append(n)
        if i + 1 < len(bounds):
            out.append(escape(text[pos : bounds[i + 1]]))
    out.extend("</mark>" for _ in stack)
    return "".join(out)


def _wrap(b: Block, inner: str, anchor: str) -> str:
    if b.kind == "heading":
        h = min(5, 3 + max(0, b.level - 2)) if b.level else 3
        return f'<h{h} id="{anchor}">{inner}</h{h}>'
    if b.kind == "item":
        return f"<li>{inner}</li>"
    if b.kind == "quote":
        return f"<blockquote>{inner}</blockquote>"
    if b.kind in ("cell", "alt"):
        return f'<p class="{b.kind}">{inner}</p>'
    return f"<p>{inner}</p>"


def render_text(
    doc: Document, spans: list[Numbered], anchor: str, rdoc: dict[str, str]
) -> tuple[str, list[Numbered]]:
    """HTML of the document's blocks with `spans` highlighted, and the spans no block holds."""
    by_n = dict(spans)
    opened: set[int] = set()

    def tag(n: int, extra: str = "") -> str:
        primary = n not in opened
        opened.add(n)
        return mark(n, by_n[n], rdoc, primary, extra)

    out: list[str] = []
    in_list = False
    for bi, b in enumerate(doc.blocks):
        pieces = [(max(f.start, b.start), min(f.end, b.end), n) for n, f in spans if _overlaps(b, f)]
        if (b.kind == "item") != in_list:
            out.append("<ul>" if not in_list else "</ul>")
            in_list = not in_list
        out.append(_wrap(b, _block_inner(doc.text, b, pieces, tag), f"{anchor}-b{bi}"))
    if in_list:
        out.append("</ul>")
    return "".join(out), [(n, f) for n, f in spans if n not in opened]


def render_unplaced(spans: list[Numbered], rdoc: dict[str, str]) -> str:
    """Span findings that could not be placed in the text: one highlight each, with its location."""
    if not spans:
        return ""
    items = "".join(
        f"<li>{mark(n, f, rdoc, True, ' pt' if not f.snippet else '')}{escape(f.snippet)}</mark> "
        f'<span class="meta">line {f.line}, column {f.column}</span></li>'
        for n, f in spans
    )
    return f'<h3 class="sub">Findings outside the extracted text</h3><ul class="unplaced">{items}</ul>'
