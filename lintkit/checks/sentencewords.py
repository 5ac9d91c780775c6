"""The words of a page, once per page: tokens, where each vocabulary matches, the page's topic words,
and a per-sentence view that the sentence-model kinds (assertion, ...) query.

The page's topic words are the words of its title and headings that the page repeats (three times
or more), less `stopwords` and health outcomes (the condition is not the treatment): "semaglutide",
"bpc-157", "retreats". They let a claim be recognised about the page's own product without listing
every product.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from lintkit.document import Document
from lintkit.schema.english import known
from lintkit.schema.vocab import Tokens, Words, tokens

TOPIC_MIN = 3  # times a title or heading word must occur on the page to be a topic word
_LABEL_MARKS = frozenset(":–—-|•")
# Closed word classes of English: a few dozen function words, not a vocabulary of claims.
_DETERMINERS = frozenset("a an the your their his her its some any each every no another".split())
_NOUN_VERBS = frozenset("seek seeking sought get getting find finding need needs needed ask".split())
_MEANS = frozenset(["by"])  # "works by raising serotonin": how it works, not what it promises
_PREPOSITIONS = frozenset(
    "of for with during about from between after before like than against among toward towards via".split()
)
_NOUN_ADJECTIVE_ENDS = ("ic", "al", "ive", "ous", "ful", "ary")
_GERUND_PREPOSITIONS = frozenset("on in at for of about to".split())
_CLAUSE_WORDS = frozenset("if when whether although though while because unless until whereas so".split())
_ADJECTIVE_ENDS = ("ful", "ive", "ous")
_OPENERS = frozenset("as since once after before".split())  # open a sentence with a clause
_AUXILIARIES = frozenset(
    "is are was were be been has have had can could will would may might must should does do did also "
    "really truly not just only".split()
)


@dataclass
class PageWords:
    doc: Document
    toks: Tokens
    topic: frozenset[str]
    _hits: dict[int, dict[int, int]]

    _places: dict[int, list[int]] = field(default_factory=dict)

    def hits(self, words: Words) -> dict[int, int]:
        """First token -> token count of the matches of `words` on the page (once per page)."""
        got = self._hits.get(id(words))
        if got is None:
            got = self._hits[id(words)] = words.hits(self.toks)
        return got

    def places(self, words: Words) -> list[int]:
        """The first tokens of the matches of `words`, in order (once per page)."""
        got = self._places.get(id(words))
        if got is None:
            got = self._places[id(words)] = sorted(self.hits(words))
        return got

    def sentence(self, i: int) -> SentenceWords | None:
        s = self.doc.sentences[i]
        a = bisect.bisect_left(self.toks.starts, s.start)
        b = bisect.bisect_left(self.toks.starts, s.end)
        return SentenceWords(self, a, b, i) if a < b else None


@dataclass
class SentenceWords:
    page: PageWords
    a: int  # first token of the sentence
    b: int  # one past its last token
    i: int  # its index in doc.sentences

    def previous(self) -> SentenceWords | None:
        return self.page.sentence(self.i - 1) if self.i > 0 else None

    def all(self, words: Words | None) -> list[int]:
        if words is None:
            return []
        places = self.page.places(words)
        return places[bisect.bisect_left(places, self.a) : bisect.bisect_left(places, self.b)]

    def first(self, words: Words | None) -> int | None:
        if words is None:
            return None
        places = self.page.places(words)
        n = bisect.bisect_left(places, self.a)
        return places[n] if n < len(places) and places[n] < self.b else None

    def has(self, words: Words, k: int) -> bool:
        return k in self.page.hits(words)

    def is_topic(self, k: int) -> bool:
        return self.page.toks.lows[k] in self.page.topic

    def negated(self, negators: Words | None, at: int) -> bool:
        """A negator among the three tokens before `at` ("not relieved", "no benefit"), but not
        "not only"."""
        if negators is None:
            return False
        hits = self.page.hits(negators)
        lows = self.page.toks.lows
        for k in range(max(self.a, at - 3), at + 1):
            if k in hits and not (k + 1 < len(lows) and lows[k + 1] == "only"):
                return True
        return False

    def text_of(self, k: int, words: Words | None = None) -> str:
        """The text of token `k`, or of the match of `words` that starts there."""
        toks = self.page.toks
        n = self.page.hits(words).get(k, 1) if words is not None else 1
        return self.page.doc.text[toks.starts[k] : toks.ends[min(k + n, len(toks)) - 1]]

    def noun_use(self, k: int) -> bool:
        """Token `k` follows a determiner, perhaps with an adjective between ("the support", "a
        healthy, balanced life"), or a verb that takes a noun ("seek help"): a noun or adjective, not
        the predicate."""
        lows = self.page.toks.lows
        if k > self.a and lows[k - 1] in _DETERMINERS | _NOUN_VERBS | _MEANS:
            return True
        if k > self.a and lows[k].endswith("ing") and lows[k - 1] in _GERUND_PREPOSITIONS:
            return True  # "focus on reducing cravings", "tools for improving sleep": a gerund
        if k > self.a and lows[k - 1].endswith(_NOUN_ADJECTIVE_ENDS) and lows[k - 1] not in _AUXILIARIES:
            return True  # "rapid symptomatic aid", "natural support": an adjective before a noun
        if k - 1 <= self.a or lows[k - 2] not in _DETERMINERS:
            return False
        toks, text = self.page.toks, self.page.doc.text
        listed = "," in text[toks.ends[k - 1] : toks.starts[k]]  # "a healthy, balanced life"
        return listed or lows[k - 1].endswith(_ADJECTIVE_ENDS)

    def modifier(self, k: int) -> bool:
        """Token `k` is an auxiliary or an adverb in -ly ("can", "also", "significantly")."""
        low = self.page.toks.lows[k]
        return low in _AUXILIARIES or (low.endswith("ly") and len(low) > 4)

    def function_word(self, k: int) -> bool:
        """Token `k` is a determiner or a preposition."""
        low = self.page.toks.lows[k]
        return low in _DETERMINERS or low in _PREPOSITIONS

    def product_name(self, k: int) -> bool:
        """Token `k` is not an English dictionary word ("alogliptin", "tzp-101", "sermorelin"): the
        name of a drug, device or product."""
        low = self.page.toks.lows[k]
        return len(low) >= 4 and low[:1].isalpha() and not _dictionary_word(low)

    def after_preposition(self, k: int) -> bool:
        """Token `k` is in the object of a preposition ("for ketamine addiction", "with plenty of
        fiber", "for depression treatment"), so not the subject of the clause."""
        lows = self.page.toks.lows
        for j in range(k - 1, max(self.a, k - 4) - 1, -1):
            if lows[j] in _PREPOSITIONS:
                return True
            if lows[j] in _AUXILIARIES:
                return False
        return False

    def clause_of(self, at: int) -> int:
        """The first token of the clause whose predicate is at `at`: after an opening subordinate
        clause ("If you notice these signs, it ...", "As more people use it, scientists ..."), or after
        a clause word inside the sentence ("... whether it helps")."""
        toks, text = self.page.toks, self.page.doc.text
        start = self.a
        for k in range(self.a, at):
            if toks.lows[k] in _CLAUSE_WORDS or (k == self.a and toks.lows[k] in _OPENERS):
                start = k + 1
                for j in range(k + 2, at):  # an opening clause ends at its comma
                    if "," in text[toks.ends[j - 1] : toks.starts[j]]:
                        start = j
                        break
        return start

    def clause_end(self, at: int) -> int:
        """One past the last token of the clause of the predicate at `at`: the next clause word
        ("... provide resting areas while focusing on ...") or the end of the sentence."""
        lows = self.page.toks.lows
        return next((k for k in range(at + 1, self.b) if lows[k] in _CLAUSE_WORDS), self.b)

    def pronoun_alone(self, k: int) -> bool:
        """The reference at `k` stands alone: an auxiliary or the end of the sentence follows."""
        lows = self.page.toks.lows
        return lows[k] == "it" or k + 1 >= self.b or lows[k + 1] in _AUXILIARIES

    def implicit_subject(self, at: int) -> bool:
        """The predicate opens the sentence ("Reduces joint pain.") or follows a short label
        ("Sleep – Improves sleep.", "Mood: reduces anxiety")."""
        toks, text = self.page.toks, self.page.doc.text
        if at == self.a:
            return toks.lows[at].endswith("s") and not toks.lows[at].endswith("ss")
        if at - self.a > 4:
            return False
        between = text[toks.ends[at - 1] : toks.starts[at]]
        return any(c in _LABEL_MARKS for c in between)


def _dictionary_word(w: str) -> bool:
    """A word of the English dictionary ("crucial", "ongoing", "understanding") rather than a product
    or brand name ("semaglutide", "bpc-157", "hbot"): only the latter become topic words by
    frequency; generic treatment words come from the treatments vocabulary."""
    return known(w)


def page_words(doc: Document, stopwords: Words | None, outcomes: Words | None = None) -> PageWords:
    """The page's PageWords (computed once per document)."""
    got = doc.memo.get("page-words")
    if isinstance(got, PageWords):
        return got
    toks = tokens(doc.text)
    starts = toks.starts
    stop = stopwords.hits(toks) if stopwords is not None else {}
    if outcomes is not None:  # a condition named in the title is what the page treats, not its treatment
        stop.update(outcomes.hits(toks))
    heads: set[str] = set()
    for n, blk in enumerate(doc.blocks):
        if blk.kind != "heading" and n > 0:
            continue
        a, b = bisect.bisect_left(starts, blk.start), bisect.bisect_left(starts, blk.end)
        heads.update(toks.lows[k] for k in range(a, b) if k not in stop and len(toks.lows[k]) >= 3)
    topic = frozenset(
        w for w in heads if len(toks.where[w]) >= TOPIC_MIN and not w.isdigit() and not _dictionary_word(w)
    )
    pw = PageWords(doc, toks, topic, {})
    doc.memo["page-words"] = pw
    return pw
