"""Terms searched for as written: the boundary is checked at each match's start, not by the engine."""

from __future__ import annotations

import time

import pytest
import regex

from lintkit import terms
from lintkit.termsearch import search
from lintkit.wordindex import word_index

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


def test_a_runaway_term_still_times_out():
    runaway = r"(?:a|aa)+$"  # (exponential on "aaa…b")
    sp = plan_of(runaway)
    text = "x" + "a" * 60 + "b"
    started = time.monotonic()
    with pytest.raises(TimeoutError):
        search(sp, word_index(text), 0, 0, len(text), 0.3)
    assert time.monotonic() - started < 10
