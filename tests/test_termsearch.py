"""Terms searched for as written: the boundary is checked at each match's start, not by the engine."""

from __future__ import annotations

import time

import pytest
import regex

from lintkit.match import plan as termplan
from lintkit.match import terms
from lintkit.match.search import search
from lintkit.match.wordindex import word_index

CAPITAL = r"(?-i:[A-Z][a-z]+) (?:clinic|therapy)"  # no key: it starts with any capital letter
PUNCT = r"[(:]\s?(?:or|i\.e\.)"  # starts with a non-word character: the generic boundary


def plan_of(term: str):
    t = terms.compile_terms(["cure", term], {})  # (one keyed term, so that there is a plan)
    assert t.plan is not None and len(t.plan.scans) == 1
    return t.plan


def with_boundary(term: str) -> regex.Pattern:
    start = r"\b" if term == CAPITAL else terms.START
    return regex.compile(rf"{start}(?:{term}){terms.END}", terms.FLAGS)


@pytest.mark.parametrize("term", [CAPITAL, PUNCT])
@pytest.mark.parametrize(
    "text",
    [
        "McDenver clinic, then Denver clinic.",  # a match inside a word first ("Denver" in McDenver)
        "aDenver therapy and Boulder therapy (or not) x(or y): i.e. here",
        "No match at all in this one.",
        "Denver clinic",  # at the very start
    ],
)
def test_search_equals_the_pattern_with_its_boundary(term, text):
    sp, full = plan_of(term), with_boundary(term)
    idx = word_index(text)
    for pos in range(len(text) + 1):  # every start, including inside a word
        for end in (len(text), max(pos, len(text) - 3)):
            got = search(sp, idx, 0, pos, end, 5.0)
            want = full.search(text, pos, end)
            assert (got and got.span()) == (want and want.span()), (pos, end)


@pytest.mark.parametrize("runaway", [r"(?:a|aa)+$", r"(?-i:[A-Z])(?:a|aa)+$"])  # (exponential on "aaa…b")
def test_a_runaway_term_still_times_out(runaway):
    sp = plan_of(runaway)
    text = "x Aaa" + "a" * 60 + "b"
    started = time.monotonic()
    with pytest.raises(TimeoutError):
        search(sp, word_index(text), 0, 0, len(text), 0.3)
    assert time.monotonic() - started < 10


@pytest.mark.parametrize(
    ("term", "how"),
    [
        (r"(?-i:[A-Z][a-z]+) clinic", termplan.CHECK),  # a capital: checked after the engine
        (r"(?=(?-i:[A-Z]))(?<=\b[a-z] )x", termplan.CHECK),
        (r"(?-i:(?=[A-Z])(?!The )[A-Z]\w+)", termplan.CHECK),
        (r"[¹²³]+", termplan.HOLDS),  # a non-word character: the boundary always holds
        (r"\[\d+\]", termplan.HOLDS),
        (r"\s[-|]\s\w+", termplan.HOLDS),
        (r"\w+n't", termplan.KEEP),  # starts inside words as easily: the engine keeps the boundary
        (r"[a(]x", termplan.KEEP),
        (r"\(?x", termplan.KEEP),  # the non-word character may be absent
        (r"(?:©|copyright)", termplan.KEEP),
    ],
)
def test_which_boundaries_are_left_out_of_the_engine(term, how):
    assert termplan._bare_start(term) == how
