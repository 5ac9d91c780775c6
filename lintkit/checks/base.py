"""What every check kind shares: the Hit it yields, the run context, and scope units."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Literal, NamedTuple

from lintkit.document import Document
from lintkit.document.units import units
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


def locate(starts: list[int], ends: list[int], start: int, end: int) -> int:
    """Index of the unit that contains [start, end), or -1."""
    i = bisect.bisect_right(starts, start) - 1
    if i >= 0 and end <= ends[i]:
        return i
    return -1


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
