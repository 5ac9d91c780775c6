"""Kind `metric`: readability and counts per unit against limits."""

from __future__ import annotations

import pytest
from conftest import findings, make_rule, spots

from lintkit import readability
from lintkit.document.readers import parse

EASY = "The cat sat. The dog ran. We like it."
HARD = (
    "Pharmacological interventions utilizing glutamatergic modulation demonstrate considerable "
    "antidepressant efficacy notwithstanding methodological heterogeneity across investigations."
)


def grade_of(text: str) -> float:
    doc = parse("x.md", text, "markdown")
    return readability.grade(*readability.counts([doc.text[s.start : s.end] for s in doc.sentences]))


def test_formulas_against_known_counts():
    assert readability.grade(1, 10, 15) == pytest.approx(0.39 * 10 + 11.8 * 1.5 - 15.59)
    assert readability.reading_ease(2, 20, 30) == pytest.approx(206.835 - 1.015 * 10 - 84.6 * 1.5)
    assert readability.counts(["Two words.", "", "Three more words here."]) == (
        2,
        6,
        readability.counts(["Two words.", "Three more words here."])[2],
    )
    assert grade_of(EASY) < 3 < 15 < grade_of(HARD)


def test_document_grade_max():
    rule = make_rule(
        "kind: metric\nmessage: '{value} > {limit} in {where} ({words} words)'\nmeasure: grade\nmax: 10\n"
    )
    (f,) = findings(f"# Title\n\n{HARD}\n", rule)
    assert f.document_level and f.line == 1
    value = round(grade_of(HARD), 1)
    assert f.message == f"{value} > 10.0 in document (14 words)"
    assert findings(f"# Title\n\n{EASY}\n", rule) == []


def test_headings_are_left_out_of_the_formula():
    rule = make_rule("kind: metric\nmeasure: words\nmax: 9\n")
    assert spots(f"# Pharmacological interventions everywhere today\n\n{EASY}\n", rule) == []


def test_min_and_words_and_sentences():
    few = make_rule("kind: metric\nmeasure: words\nmin: 20\n")
    assert spots(EASY, few) == [(1, 1)]
    many = make_rule("kind: metric\nmeasure: sentences\nmax: 2\n")
    assert spots(EASY, many) == [(1, 1)]
    assert spots("One. Two.", many) == []


def test_sentence_scope_words_per_sentence():
    rule = make_rule("kind: metric\nmeasure: words\nscope: [sentence]\nmax: 12\n")
    source = f"Short one here.\n\n{HARD} Fine.\n"
    assert spots(source, rule) == [(3, 1)]


def test_paragraph_scope_min_words():
    rule = make_rule("kind: metric\nmeasure: grade\nscope: [paragraph]\nmax: 12\nmin_words: 10\n")
    source = f"{EASY}\n\n{HARD}\n\nAntidisestablishmentarianism notwithstanding.\n"
    assert spots(source, rule) == [(3, 1)]


def test_section_scope_names_the_heading():
    rule = make_rule("kind: metric\nmessage: '{where}'\nmeasure: grade\nscope: [section]\nmax: 12\n")
    source = f"# Easy part\n\n{EASY}\n\n## Hard part\n\n{HARD}\n"
    found = findings(source, rule)
    assert [(f.line, f.message) for f in found] == [(1, "section 'Easy part'"), (5, "section 'Hard part'")]


def test_words_per_sentence():
    rule = make_rule("kind: metric\nmeasure: words-per-sentence\nmax: 5\n")
    assert spots(EASY, rule) == []
    assert spots("One two three four five six seven.", rule) == [(1, 1)]


def test_reading_ease_min():
    rule = make_rule("kind: metric\nmeasure: reading-ease\nmin: 30\n")
    assert spots(HARD, rule) == [(1, 1)]
    assert spots(EASY, rule) == []


def test_use_target_grade():
    rule = make_rule("kind: metric\nmeasure: grade\nmax: 60\nuse_target: true\n")
    assert spots(HARD, rule) == []
    assert spots(HARD, rule, target_grade=8) == [(1, 1)]
    assert spots(EASY, rule, target_grade=8) == []


def test_needs_a_limit():
    import pytest as _pytest

    from lintkit.rules import RuleError

    with _pytest.raises(RuleError, match="needs 'max' or 'min'"):
        make_rule("kind: metric\nmeasure: grade\n")


def test_each_counts_equals_counts_of_each_sentence_alone():
    from pathlib import Path

    seeds = sorted(Path(__file__).resolve().parents[2].joinpath("tests", "corpus").glob("*.md"))
    docs = [parse(str(p), p.read_text(encoding="utf-8"), "markdown") for p in seeds[:4]]
    texts = [d.text[s.start : s.end] for d in docs for s in d.sentences]
    texts += ["", "  ", "—", "3.5 mg/kg, 1,200 people", "Don’t re-read it", "ketamine-assisted care."]
    assert len(texts) > 100
    assert readability.each_counts(texts) == [readability.counts([t]) for t in texts]
    assert readability.each_counts(["", "One two."]) == [(0, 0, 0), (1, 2, 2)]
