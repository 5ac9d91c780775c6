"""What every check kind shares: the Hit it yields, the run context, and scope units."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

from lintkit.document import Document
from lintkit.document.words import cuts_word
from lintkit.match import Terms

Scope = Literal["sentence", "paragraph", "heading", "block", "section", "document"]


@dataclass(frozen=True)
class Hit:
    """A problem found by a check: a span of Document.text and the message fields."""

    start: int
    end: int
    fields: dict[str, object] = field(default_factory=dict)
    suggestion: str | None = None
    document_level: bool = False


@dataclass(frozen=True)
class Context:
    """Settings of the run that checks may read."""

    target_grade: float | None = None
    known_ids: frozenset[str] = frozenset()  # every loaded rule id, to check suppression comments


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


def locate(starts: list[int], ends: list[int], start: int, end: int) -> int:
    """Index of the unit that contains [start, end), or -1."""
    i = bisect.bisect_right(starts, start) - 1
    if i >= 0 and end <= ends[i]:
        return i
    return -1


def excerpt(text: str, limit: int = 60) -> str:
    """`text` on one line, cut to `limit` characters with an ellipsis."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


class Units(NamedTuple):
    """The units of a scope in one document: spans, their starts and ends, and whether one of them
    starts or ends inside a word."""

    spans: list[tuple[int, int]]
    starts: list[int]
    ends: list[int]
    cut_word: bool


def scope_units(doc: Document, scope: str) -> Units:
    """`units(doc, scope)` with its bounds, computed once per document and scope."""
    got = doc.memo.get(("units", scope))
    if not isinstance(got, Units):
        spans = units(doc, scope)
        text = doc.text
        cut = any(cuts_word(text, s) or cuts_word(text, e) for s, e in spans)
        got = doc.memo[("units", scope)] = Units(spans, [s for s, _ in spans], [e for _, e in spans], cut)
    return got


def may_all_occur(text: str, within: Units, lists: tuple[Terms, ...]) -> bool:
    """False when some term list cannot match inside any unit: it has no place in the text where a
    match may start, and no unit starts or ends inside a word (where a cut word may match)."""
    if within.cut_word:
        return True
    return not any(t.starts(text) == [] for t in lists)
