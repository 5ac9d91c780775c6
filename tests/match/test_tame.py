"""Which terms are matched without a timeout at one position (lintkit.match.tame)."""

from __future__ import annotations

import pytest

from lintkit import match as terms
from lintkit.match import tame

TAME = [
    "cure",
    r"(?:\w+ ){0,2}safe",
    r"cur\w*|revers\w*",
    r"popular searches\s*:",
    r"(?<=toxins[^.\n]{0,150})(?:they|these) (?:\w+ ){0,2}x",
    r"\d[\d,.]*\s?%",
    "x{2,}",
    "(?:ab|cd){0,2}e",
    "[a-z]+ [A-Z]+",
    "(?-i:FDA)[- ]approved",
    "no (?:such thing as (?:a )?)?(?:miracle|magic)",
    r"((?:\w+ ){0,2})?x",
    r"doi:\s*10\.\S+",
]
WILD = [
    "(a|aa)+$",  # a repeated group: exponential
    "(a+)+$",
    ".*x.*",  # two long runs: quadratic at one position
    r"(?:(?:facebook|twitter)(?:-blank)?[\s,|/]+){2,}twitter",
    "(?:.{0,100} ){0,3}",  # a long run inside a repeated group
    "[^.]{0,150}x[^.]{0,150}",
    r"(\w+) \1",  # not read: backreferences, named groups, \p
    "(?P<a>x)",
    r"\p{L}+",
    "(?:a|b)*c",
    "((?:a|b){0,2}){0,2}",  # a repeated group inside a repeated group
    "(?:(?:a|aa)+)?",
    r"[\w\n]*x.*",
    "x)",  # unbalanced
]


@pytest.mark.parametrize("term", TAME)
def test_tame(term):
    assert tame(term)


@pytest.mark.parametrize("term", WILD)
def test_not_tame(term):
    assert not tame(term)


def test_a_tame_list_is_searched_without_timeout_in_short_spans_only(monkeypatch):
    t = terms.compile_terms([r"cur\w*", r"(?:\w+ ){0,2}safe"], {})
    assert t.tame and not t.bounded
    seen = []

    class Spy:
        pattern = t.pattern.pattern

        def search(self, text, pos, end, concurrent=None, partial=False, timeout=None):
            seen.append(timeout)
            return t.pattern.search(text, pos, end, concurrent, partial, timeout)

    spy = terms.Terms(t.source, Spy(), None, t.bounded, t.tame)  # type: ignore[arg-type]
    spy.occurs("it is safe " * 10)
    spy.occurs("it is safe " * 100)
    assert seen[0] is None and seen[1] is not None
