"""Kind `metric`: a readability measure or a count per unit, against a maximum or minimum.

YAML keys:
  measure     grade (Flesch-Kincaid) | reading-ease (Flesch) | words | sentences
              | words-per-sentence
  scope       list of: sentence, paragraph, section, document (default [document])
  max, min    the limits (at least one)
  min_words   skip units with fewer words (formulas are unstable on short text; default 0)
  use_target  take `max` from the configured target grade when one is set (default false)
Grade formulas run on lintkit's own sentences; headings are left out of them.
Message fields: {value}, {limit}, {where} (document, or the section's heading), {words}.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from lintkit import readability
from lintkit.checks.base import Context, Hit
from lintkit.document import Document
from lintkit.document.units import excerpt, sections

FIELDS = ("value", "limit", "where", "words")
Measure = Literal["grade", "reading-ease", "words", "sentences", "words-per-sentence"]
UnitScope = Literal["sentence", "paragraph", "section", "document"]


@dataclass(frozen=True)
class Options:
    measure: Measure
    scope: tuple[UnitScope, ...] = ("document",)
    max: float | None = None
    min: float | None = None
    min_words: int = 0
    use_target: bool = False

    def __post_init__(self) -> None:
        if self.max is None and self.min is None:
            raise ValueError("a metric rule needs 'max' or 'min'")


def check(doc: Document, opts: Options, ctx: Context) -> Iterator[Hit]:
    """Yield a Hit for every unit whose measure is out of bounds."""
    limit_max = ctx.target_grade if opts.use_target and ctx.target_grade is not None else opts.max
    per_sentence = _sentence_counts(doc)
    for scope in opts.scope:
        for start, end, where, sents in _units(doc, scope):
            counts = (
                per_sentence[sents[0]]
                if len(sents) == 1
                else readability.total([per_sentence[i] for i in sents])
            )
            if counts[1] < max(1, opts.min_words):
                continue
            value = _measure(opts.measure, counts)
            if limit_max is not None and value > limit_max:
                limit = limit_max
            elif opts.min is not None and value < opts.min:
                limit = opts.min
            else:
                continue
            shown = round(value, 1) if isinstance(value, float) else value
            fields = {"value": shown, "limit": limit, "where": where, "words": counts[1]}
            yield Hit(start, end, fields, document_level=scope == "document")


def _measure(measure: str, counts: tuple[int, int, int]) -> float:
    n_sent, n_words, n_syll = counts
    if measure == "grade":
        return readability.grade(*counts)
    if measure == "reading-ease":
        return readability.reading_ease(*counts)
    if measure == "words":
        return n_words
    if measure == "sentences":
        return n_sent
    return n_words / n_sent if n_sent else 0.0


def _sentence_counts(doc: Document) -> list[tuple[int, int, int]]:
    """readability.counts of each sentence alone, computed once per document."""
    got = doc.memo.get("sentence_counts")
    if not isinstance(got, list):
        text = doc.text
        got = doc.memo["sentence_counts"] = readability.each_counts(
            text[s.start : s.end] for s in doc.sentences
        )
    return got


def _units(doc: Document, scope: str) -> Iterator[tuple[int, int, str, list[int]]]:
    """(start, end, where, indices of its body sentences) for each unit of `scope`."""
    text = doc.text
    body = [i for i, s in enumerate(doc.sentences) if doc.blocks[s.block].kind != "heading"]
    sents = doc.sentences
    by_block: dict[int, list[int]] = {}  # body sentences grouped once, not searched per unit
    if scope == "paragraph":
        for i in body:
            by_block.setdefault(sents[i].block, []).append(i)
    body_starts = [sents[i].start for i in body]  # sentences are in text order
    if scope == "sentence":
        for i in body:
            yield sents[i].start, sents[i].end, "sentence", [i]
    elif scope == "paragraph":
        for bi, b in enumerate(doc.blocks):
            if b.kind != "heading":
                yield b.start, b.end, "paragraph", by_block.get(bi, [])
    elif scope == "section":
        for head, start, end in sections(doc):
            if head is None:
                continue
            h = doc.blocks[head]
            where = f"section '{excerpt(text[h.start : h.end], 50)}'"
            lo, hi = bisect.bisect_left(body_starts, start), bisect.bisect_left(body_starts, end)
            yield h.start, h.end, where, body[lo:hi]
    elif body:
        first = doc.blocks[0] if doc.blocks else None
        start = first.start if first else 0
        yield start, first.end if first else 0, "document", body
