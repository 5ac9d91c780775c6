"""The spans a document is read in: sentences, headings, paragraphs, blocks, sections, the whole
text (a rule's `scope`), and a one-line excerpt of a span for messages and reports."""

from __future__ import annotations

from lintkit.document.model import Document


def units(doc: Document, scope: str) -> list[tuple[int, int]]:
    """The (start, end) spans of Document.text that make up `scope`, in text order."""
    if scope == "sentence":
        return [(s.start, s.end) for s in doc.sentences]
    if scope == "heading":
        return [(b.start, b.end) for b in doc.blocks if b.kind == "heading"]
    if scope == "paragraph":
        return [(b.start, b.end) for b in doc.blocks if b.kind != "heading"]
    if scope == "block":
        return [(b.start, b.end) for b in doc.blocks]
    if scope == "section":
        return [(s, e) for _, s, e in sections(doc)]
    return [(0, len(doc.text))]


def sections(doc: Document) -> list[tuple[int | None, int, int]]:
    """(heading block index or None, start, end) for the text before the first heading and each section."""
    out: list[tuple[int | None, int, int]] = []
    heads = [i for i, b in enumerate(doc.blocks) if b.kind == "heading"]
    if not doc.blocks:
        return out
    first = heads[0] if heads else len(doc.blocks)
    if first > 0:
        out.append((None, doc.blocks[0].start, doc.blocks[first - 1].end))
    stops: list[int | None] = [None] * len(heads)  # the next heading of the same or a higher level
    waiting: list[int] = []
    for n in range(len(heads) - 1, -1, -1):
        while waiting and doc.blocks[heads[waiting[-1]]].level > doc.blocks[heads[n]].level:
            waiting.pop()
        stops[n] = heads[waiting[-1]] if waiting else None
        waiting.append(n)
    for n, hi in enumerate(heads):
        stop = stops[n]
        last = (stop - 1) if stop is not None else len(doc.blocks) - 1
        out.append((hi, doc.blocks[hi].start, doc.blocks[last].end))
    return out


def excerpt(text: str, limit: int = 60) -> str:
    """`text` on one line, cut to `limit` characters with an ellipsis."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"
