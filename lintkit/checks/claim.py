"""Kind `claim`: a sentence that states a claim with no evidence nearby.

A sentence is reported when it has a claim cue and all of the conditions below hold.
YAML keys:
  cues               claim cues (establishment phrases, efficacy verbs, safety assurances, numbers)
  subjects           if set, the sentence (or, with subject_window: previous, the sentence before it)
                     must name one: the claim must be about the advertised thing
  predicates         if set, the sentence must also contain one (e.g. a benefit word)
  hedges             a hedge cue ("may", "suggests", "preliminary") makes the sentence not a claim...
  boosters           ...unless it also has a booster ("immediate", "proven", "dramatic")
  not_claims         cues of risk disclosure, definition or uncertainty: not a claim
  evidence           citation patterns (DOI, PMID, [1], author-year, named journal + year)
  evidence_window    sentence | next | paragraph: where evidence counts (default next: this
                     sentence and the one after it)
  links_are_evidence a hyperlink in the window counts as evidence (default true)
Message fields: {match} (the cue), {sentence} (shortened).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from lintkit.checks.base import Context, Hit
from lintkit.document import Document
from lintkit.document.units import excerpt
from lintkit.match import Terms

FIELDS = ("match", "sentence")


@dataclass(frozen=True)
class Options:
    cues: Terms
    subjects: Terms | None = None
    subject_window: Literal["sentence", "previous"] = "sentence"
    predicates: Terms | None = None
    hedges: Terms | None = None
    boosters: Terms | None = None
    not_claims: Terms | None = None
    evidence: Terms | None = None
    evidence_window: Literal["sentence", "next", "paragraph"] = "next"
    links_are_evidence: bool = True


def check(doc: Document, opts: Options, ctx: Context) -> Iterator[Hit]:
    """Yield one Hit per claim sentence (spanning the sentence)."""
    text = doc.text
    sents = doc.sentences
    seen: set[int] = set()
    for m in opts.cues.finditer(text):
        i = doc.sentence_index(m.start())
        s = sents[i] if sents else None
        if s is None or i in seen or m.start() < s.start or m.end() > s.end:
            continue
        if not _is_claim(doc, opts, i):
            continue
        if _has_evidence(doc, opts, i):
            continue
        seen.add(i)
        yield Hit(s.start, s.end, {"match": m.group(), "sentence": excerpt(text[s.start : s.end])})


def _is_claim(doc: Document, opts: Options, i: int) -> bool:
    s = doc.sentences[i]
    a, b = s.start, s.end
    if opts.subjects is not None and not _occurs(doc, opts.subjects, a, b):
        prev = doc.sentences[i - 1] if i > 0 else None
        if not (opts.subject_window == "previous" and prev and prev.block == s.block):
            return False
        if not _occurs(doc, opts.subjects, prev.start, prev.end):
            return False
    if opts.predicates is not None and not _occurs(doc, opts.predicates, a, b):
        return False
    if opts.not_claims is not None and _occurs(doc, opts.not_claims, a, b):
        return False
    hedged = opts.hedges is not None and _occurs(doc, opts.hedges, a, b)
    return not hedged or (opts.boosters is not None and _occurs(doc, opts.boosters, a, b))


def _has_evidence(doc: Document, opts: Options, i: int) -> bool:
    s = doc.sentences[i]
    if opts.evidence_window == "paragraph":
        block = doc.blocks[s.block]
        a, b = block.start, block.end
    elif opts.evidence_window == "next" and i + 1 < len(doc.sentences):
        a, b = s.start, doc.sentences[i + 1].end
    else:
        a, b = s.start, s.end
    if opts.evidence is not None and _occurs(doc, opts.evidence, a, b):
        return True
    return opts.links_are_evidence and doc.has_link(a, b)


def _occurs(doc: Document, terms: Terms, a: int, b: int) -> bool:
    """`terms.occurs(doc.text, a, b)`, remembered for the document: the claim rules share word
    lists (evidence, hedges, subjects) and test the same sentences."""
    key = ("occurs", terms.source, a, b)
    got = doc.memo.get(key)
    if got is None:
        got = doc.memo[key] = terms.occurs(doc.text, a, b)
    return bool(got)
