"""Kind `pattern`: words, phrases or regular expressions that should not appear.

YAML keys:
  patterns     terms to find (regex fragments or @lexicon); the finding is the match
  scope        sentence | paragraph | heading | block | section | document (default sentence):
               where a match must lie, and the unit `requires`/`unless` look in
  requires     list of term lists; each list must also match somewhere in the same unit
  unless       terms that, anywhere in the same unit, cancel the finding
  exceptions   terms that, matching the whole matched text, cancel the finding
  whole_unit   the match must be the whole unit (apart from punctuation), e.g. a line of page chrome
  first_only   report only the first match in the document
  suggestion   text offered as the fix
Message fields: {match}, {unit} (the unit's text, shortened).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lintkit.checks.base import Context, Hit, Scope, locate, may_all_occur, scope_units
from lintkit.document import Document
from lintkit.document.units import excerpt
from lintkit.match import Terms

FIELDS = ("match", "unit")
_PUNCT = " \t\n.,;:!?-–—*•|\"'“”‘’()[]"


@dataclass(frozen=True)
class Options:
    patterns: Terms
    scope: Scope = "sentence"
    requires: tuple[Terms, ...] = ()
    unless: Terms | None = None
    exceptions: Terms | None = None
    whole_unit: bool = False
    first_only: bool = False
    suggestion: str | None = None


def check(doc: Document, opts: Options, ctx: Context) -> Iterator[Hit]:
    """Yield a Hit for every match that passes the unit conditions."""
    within = scope_units(doc, opts.scope)
    spans, starts, ends = within.spans, within.starts, within.ends
    if not spans:
        return
    text = doc.text
    if opts.requires and not may_all_occur(text, within, opts.requires):
        return
    for m in opts.patterns.finditer(text):
        i = locate(starts, ends, m.start(), m.end())
        if i < 0:
            continue
        us, ue = spans[i]
        if opts.whole_unit and text[us:ue].strip(_PUNCT) != m.group().strip(_PUNCT):
            continue
        if opts.exceptions is not None and _full(opts.exceptions, m.group()):
            continue
        if any(not t.occurs(text, us, ue) for t in opts.requires):
            continue
        if opts.unless is not None and opts.unless.occurs(text, us, ue):
            continue
        yield Hit(m.start(), m.end(), {"match": m.group(), "unit": excerpt(text[us:ue])}, opts.suggestion)
        if opts.first_only:
            return


def _full(terms: Terms, s: str) -> bool:
    m = terms.search(s)
    return m is not None and m.start() == 0 and m.end() == len(s)
