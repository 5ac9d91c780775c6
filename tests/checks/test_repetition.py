"""Kind `repetition`: a phrase used more often than allowed."""

from __future__ import annotations

from conftest import findings, flagged, make_rule, spots


def test_reports_first_use_beyond_the_limit():
    rule = make_rule(
        "kind: repetition\nmessage: '{match} x{count} (max {max})'\npatterns: ['ketamine clinic']\nmax: 2\n"
    )
    source = "Ketamine clinic.\n\nOur ketamine clinic.\n\nThe KETAMINE  CLINIC.\n\nA ketamine clinic.\n"
    found = findings(source, rule)
    assert [(f.line, f.column) for f in found] == [(5, 5)]
    assert found[0].message == "KETAMINE CLINIC x4 (max 2)"  # white space folded as in the prose


def test_at_the_limit_is_fine():
    rule = make_rule("kind: repetition\npatterns: [utah]\nmax: 3\n")
    assert spots("Utah. Utah. Utah.", rule) == []
    assert spots("Utah. Utah. Utah. Utah.", rule) == [(1, 19)]


def test_each_wording_counted_apart_unless_grouped():
    src = "Provo clinic. Orem clinic. Provo clinic. Orem clinic."
    apart = make_rule("kind: repetition\npatterns: ['(?:provo|orem) clinic']\nmax: 2\n")
    assert spots(src, apart) == []
    grouped = make_rule("kind: repetition\npatterns: ['(?:provo|orem) clinic']\nmax: 2\ngroup: true\n")
    assert flagged(src, grouped) == ["Provo clinic"]
    assert spots(src, grouped) == [(1, 28)]


def test_per_words_density():
    rule = make_rule("kind: repetition\npatterns: [utah]\nmax: 1\nper_words: 10\n")
    short = "Utah is here. Utah again."
    assert spots(short, rule) == [(1, 15)]
    long = "Utah is nice. " + "We have many good words in this long text today. " * 4 + "Utah again."
    assert spots(long, rule) == []
