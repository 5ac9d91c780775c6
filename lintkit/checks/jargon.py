"""Kind `jargon`: a technical term not explained where it is first used.

YAML keys:
  terms         the technical terms
  explanations  cues that explain a term when they follow it closely ("which is", "meaning",
                "(", "a type of", an em dash) or precede it ("called", "known as")
  window        characters after (and before) the term searched for an explanation (default 40)
  per_sentence  if set, report a sentence that packs at least this many terms instead (density)
Message fields: {match}, {count}.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass

from lintkit.checks.base import Context, Hit
from lintkit.document import Document
from lintkit.match import Terms

FIELDS = ("match", "count")


@dataclass(frozen=True)
class Options:
    terms: Terms
    explanations: Terms | None = None
    window: int = 40
    per_sentence: int = 0


def check(doc: Document, opts: Options, ctx: Context) -> Iterator[Hit]:
    """Yield Hits for unexplained first uses (or for jargon-dense sentences)."""
    text = doc.text
    if opts.per_sentence:
        may = opts.terms.starts(text)
        for s in doc.sentences:
            places = bisect_left(may, s.end) - bisect_left(may, s.start) + 1 if may is not None else None
            if places is not None and places < opts.per_sentence:
                continue  # too few places where a term may start
            found = list(opts.terms.finditer(text, s.start, s.end))
            if len(found) >= opts.per_sentence:
                names = ", ".join(dict.fromkeys(m.group() for m in found))
                yield Hit(s.start, s.end, {"match": names, "count": len(found)})
        return
    seen: set[str] = set()
    for m in opts.terms.finditer(text):
        key = m.group().casefold()
        if key in seen:
            continue
        seen.add(key)
        if opts.explanations is not None:  # the explanation must be in the term's own sentence
            s = doc.sentences[doc.sentence_index(m.start())] if doc.sentences else None
            lo, hi = (s.start, s.end) if s is not None else (0, len(text))
            after = opts.explanations.search(text, m.end(), max(m.end(), min(hi, m.end() + opts.window)))
            before = opts.explanations.search(text, max(lo, m.start() - opts.window), m.start())
            if after is not None or before is not None:
                continue
        yield Hit(m.start(), m.end(), {"match": m.group(), "count": 1})
