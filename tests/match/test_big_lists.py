"""Issue 18: a rule with 100,000 plain terms loads in seconds. Plain-text terms are not compiled one
by one to be checked, their own patterns are compiled when first tried, and a list of more than
BIG_LIST terms never compiles its whole alternation: matching goes through the scan plan."""

from __future__ import annotations

import random
import string

import regex

import lintkit.match as match
import lintkit.match.regexsource  # noqa: F401  (its own patterns compile on import, before counting)
from lintkit.match import BIG_LIST, compile_terms
from lintkit.match import plan as termplan


def _terms(n: int) -> list[str]:
    rnd = random.Random(7)
    out: set[str] = set()
    while len(out) < n:
        out.add(
            "".join(rnd.choices(string.ascii_lowercase, k=8))
            + " "
            + "".join(rnd.choices(string.ascii_lowercase, k=5))
        )
    return sorted(out)


def test_a_big_plain_list_compiles_no_pattern_until_it_matches(monkeypatch):
    calls = []
    real = regex.compile
    monkeypatch.setattr(match.regex, "compile", lambda *a, **k: calls.append(a[0]) or real(*a, **k))
    monkeypatch.setattr(termplan.regex, "compile", lambda *a, **k: calls.append(a[0]) or real(*a, **k))
    terms = _terms(BIG_LIST * 3)
    t = compile_terms(terms, {})
    assert calls == []  # (the plan's and the list's patterns are all lazy)
    text = f"Some words, then {terms[5]} and {terms[-1].upper()}, then the end of the text."
    assert [m.group() for m in t.finditer(text)] == [terms[5], terms[-1].upper()]
    assert t.occurs(text) and t.search(text).group() == terms[5]
    assert len(calls) <= 2  # only the terms tried where the text has their key


def test_a_big_list_finds_what_its_alternation_finds():
    terms = _terms(BIG_LIST + 10)
    t = compile_terms(terms, {})
    text = " ".join(terms[::500]) + ". " + terms[7][:-1] + " no"
    whole = regex.compile(t.pattern.pattern, t.pattern.flags)
    assert [m.span() for m in t.finditer(text)] == [m.span() for m in whole.finditer(text)]


def test_a_pattern_term_in_a_big_list_is_still_checked_at_load():
    import pytest

    with pytest.raises(match.TermError, match="bad regular expression"):
        compile_terms([*_terms(BIG_LIST + 1), "bad (term"], {})
