"""Kind `repetition`: a phrase used more often than a reader will tolerate.

YAML keys:
  patterns   the phrases to count (each distinct wording, case-folded, is counted on its own
             unless group is true)
  group      count all matches of `patterns` together (default false)
  max        the most uses allowed per document (default 3)
  per_words  if set, `max` is per this many words of the document (density)
The finding points at the first use beyond the limit.
Message fields: {match}, {count}, {max}.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lintkit.checks.base import Context, Hit
from lintkit.document import Document
from lintkit.document.segment import words
from lintkit.match import Terms

FIELDS = ("match", "count", "max")


@dataclass(frozen=True)
class Options:
    patterns: Terms
    group: bool = False
    max: int = 3
    per_words: int = 0


def check(doc: Document, opts: Options, ctx: Context) -> Iterator[Hit]:
    """Yield one Hit per over-used phrase, at its first use beyond the limit."""
    limit = opts.max
    if opts.per_words:
        limit = max(opts.max, round(opts.max * len(words(doc.text)) / opts.per_words))
    found: dict[str, list] = {}
    for m in opts.patterns.finditer(doc.text):
        key = "" if opts.group else " ".join(m.group().casefold().split())
        found.setdefault(key, []).append(m)
    for matches in found.values():
        if len(matches) > limit:
            m = matches[limit]
            yield Hit(m.start(), m.end(), {"match": m.group(), "count": len(matches), "max": limit})
