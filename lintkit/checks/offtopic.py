"""Kind `offtopic`: a block that does not belong to the document's own topic.

The topic is learned from the document itself: the content words of every other block, with
headings counted twice. A paragraph (or list item) is off-topic when the cosine similarity of its
content words to that topic is below `threshold` and it names none of the `domain` terms. Headings
directly before an off-topic block (the blurb's title) and short lines right after it ("Read More",
a date) are included in the finding.
YAML keys:
  threshold   similarity below which a block is off-topic (default 0.08)
  min_words   shortest block judged (default 12)
  domain      terms that mark a block as on-topic whatever its words (e.g. health vocabulary)
  stopwords   extra words to ignore
  related_headings  headings that open a "related posts" list ("You may also like", "Recent
              Posts"); each title in the list (4+ words) is judged on its own, with the same test
Message fields: {match} (the block's first words), {similarity}.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from lintkit.checks.base import Context, Hit, scope_units
from lintkit.document import Document
from lintkit.document.units import excerpt
from lintkit.match import Terms

FIELDS = ("match", "similarity")
STOP = frozenset(
    """a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each even ever every few for from
    further had has have having he her here hers him his how however i if in into is it its itself just
    like made make many may me might more most much must my no nor not now of off on once one only or
    other our ours out over own per rather same she should so some such than that the their them then
    there these they this those through to too under until up upon us very was we were what when where
    which while who whom why will with within without would you your yours new use used using get
    well way ways also often including include includes first two three time times day days year years
    read more post posts""".split()
)
_TOKEN = re.compile(r"[a-z][a-z'’-]{2,}")


@dataclass(frozen=True)
class Options:
    threshold: float = 0.08
    min_words: int = 12
    domain: Terms | None = None
    stopwords: tuple[str, ...] = ()
    related_headings: Terms | None = None


@lru_cache(maxsize=1 << 13)  # (bounded: memory stays flat over many files)
def _stem(w: str) -> str:
    w = w.replace("’", "'").split("'")[0]
    for suffix in ("ies", "es", "s"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            return w[: -len(suffix)] + ("y" if suffix == "ies" else "")
    return w


def _stems(text: str, stop: frozenset[str]) -> list[str]:
    return list(map(_stem, [w for w in _TOKEN.findall(text.lower()) if w not in stop]))


def check(doc: Document, opts: Options, ctx: Context) -> Iterator[Hit]:
    """Yield a Hit for each off-topic block (with its title lines)."""
    if len(doc.blocks) < 4:
        return
    stop = STOP | frozenset(opts.stopwords)
    text = doc.text
    # The document's topic (headings count twice), one block at a time (a big page's words are not
    # all listed at once); a block's own words are counted apart only where the block is judged.
    total: Counter = Counter()
    for b in doc.blocks:
        words = _stems(text[b.start : b.end], stop)
        total.update(words * 2 if b.kind == "heading" else words)
    bags = _Bags(text, doc, stop)
    total_sq = sum(v * v for v in total.values())
    yield from _related_titles(doc, opts, bags, total, total_sq)
    claimed = -1
    for i, b in enumerate(doc.blocks):
        if b.kind == "heading" or i <= claimed or len(text[b.start : b.end].split()) < opts.min_words:
            continue
        if opts.domain is not None and opts.domain.occurs(text, b.start, b.end):
            continue
        if bags.words(i) < opts.min_words // 2:
            continue
        start = b.start
        minus = Counter(bags[i])  # the rest of the document is total - minus (no copy of total)
        j = i - 1
        while (
            j >= 0
            and j > claimed
            and doc.blocks[j].kind == "heading"
            and (opts.domain is None or not opts.domain.occurs(text, doc.blocks[j].start, doc.blocks[j].end))
        ):  # the block's own title: part of the finding, not of the document's topic
            start = doc.blocks[j].start
            for k, v in bags[j].items():
                minus[k] += 2 * v
            j -= 1
        sim = _cosine_rest(bags[i], total, total_sq, minus)
        if sim >= opts.threshold:
            continue
        end, k = b.end, i + 1
        while k < len(doc.blocks) and _is_trailer(doc, opts, k):
            end, k = doc.blocks[k].end, k + 1
        claimed = k - 1
        yield Hit(start, end, {"match": excerpt(text[b.start : b.end], 50), "similarity": round(sim, 2)})


class _Bags:
    """Each block's content words (stems) counted, worked out for a block when first asked for."""

    def __init__(self, text: str, doc: Document, stop: frozenset[str]) -> None:
        self.text, self.blocks, self.stop = text, doc.blocks, stop
        self.got: dict[int, Counter] = {}

    def __getitem__(self, i: int) -> Counter:
        bag = self.got.get(i)
        if bag is None:
            b = self.blocks[i]
            bag = self.got[i] = Counter(_stems(self.text[b.start : b.end], self.stop))
        return bag

    def words(self, i: int) -> int:
        """How many content words block i has."""
        return sum(self[i].values())


def _is_trailer(doc: Document, opts: Options, k: int) -> bool:
    """A short line after an off-topic block ("Read More", a date, a footer label) that joins it."""
    b = doc.blocks[k]
    if len(doc.text[b.start : b.end].split()) >= opts.min_words // 2:
        return False
    after = doc.blocks[k + 1] if k + 1 < len(doc.blocks) else None
    if after is not None and len(doc.text[after.start : after.end].split()) >= opts.min_words:
        return False  # the title of the next block, not a trailer of this one
    return opts.domain is None or not opts.domain.occurs(doc.text, b.start, b.end)


def _off_topic(
    doc: Document, opts: Options, bags: _Bags, total: Counter, total_sq: int, i: int
) -> float | None:
    """The block's similarity to the rest of the document if it is off-topic, else None."""
    b = doc.blocks[i]
    if opts.domain is not None and opts.domain.occurs(doc.text, b.start, b.end):
        return None
    sim = _cosine_rest(bags[i], total, total_sq, bags[i])
    return sim if sim < opts.threshold else None


def _cosine_rest(a: Counter, total: Counter, total_sq: int, minus: Counter) -> float:
    """The cosine similarity of `a` and `total - minus` (counts below zero dropped), without
    copying `total` (the vocabulary of the whole document) for every block. The counts are
    integers, so the sums are exact (tests/checks/test_offtopic.py compares it with the copy)."""
    dot = sum(v * max(total[k] - minus[k], 0) for k, v in a.items())
    if not dot:
        return 0.0
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(total_sq + sum(max(total[k] - m, 0) ** 2 - total[k] ** 2 for k, m in minus.items()))
    return dot / (na * nb)


def _related_titles(
    doc: Document, opts: Options, bags: _Bags, total: Counter, total_sq: int
) -> Iterator[Hit]:
    """Off-topic titles in a list that follows a related-posts heading."""
    if opts.related_headings is None:
        return
    text = doc.text
    if not scope_units(doc, "block").cut_word and opts.related_headings.starts(text) == []:
        return  # no block can be such a heading (most pages): none is searched
    for h, head in enumerate(doc.blocks):
        m = opts.related_headings.search(text, head.start, head.end)
        if m is None or text[head.start : head.end].strip(" :.") != m.group():
            continue
        for i in range(h + 1, len(doc.blocks)):
            b = doc.blocks[i]
            n_words = len(text[b.start : b.end].split())
            if b.kind == "paragraph" and n_words >= opts.min_words:
                break
            if n_words < 4 or n_words >= opts.min_words:
                continue
            sim = _off_topic(doc, opts, bags, total, total_sq, i)
            if sim is not None:
                yield Hit(
                    b.start, b.end, {"match": excerpt(text[b.start : b.end], 50), "similarity": round(sim, 2)}
                )
