"""Kind `duplicate`: the same heading or line appears again (an extraction or template leftover).

YAML keys:
  scope     heading | block (default heading): which units are compared
  strip     terms removed before comparing (e.g. a trailing " - City, ST" location suffix)
  min_words shortest unit compared (default 3)
The finding points at the repeat.
Message fields: {match}.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from lintkit.checks.base import Context, Hit
from lintkit.document import Document
from lintkit.document.units import excerpt
from lintkit.match import Terms

FIELDS = ("match",)


@dataclass(frozen=True)
class Options:
    scope: Literal["heading", "block"] = "heading"
    strip: Terms | None = None
    min_words: int = 3


def check(doc: Document, opts: Options, ctx: Context) -> Iterator[Hit]:
    """Yield a Hit for each unit equal (after normalising) to an earlier one."""
    seen: set[str] = set()
    for b in doc.blocks:
        if opts.scope == "heading" and b.kind != "heading":
            continue
        raw = doc.text[b.start : b.end]
        if opts.strip is not None:
            raw = opts.strip.pattern.sub(" ", raw)
        key = " ".join(raw.casefold().replace("’", "'").split()).strip(" .:?!-–|")
        if len(key.split()) < opts.min_words:
            continue
        if key in seen:
            yield Hit(b.start, b.end, {"match": excerpt(doc.text[b.start : b.end])})
        seen.add(key)
