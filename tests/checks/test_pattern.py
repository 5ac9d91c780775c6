"""Kind `pattern`: terms that should not appear, with scope, requires, unless, exceptions."""

from __future__ import annotations

from conftest import findings, flagged, make_rule, spots


def test_finds_every_match_with_exact_positions():
    rule = make_rule("kind: pattern\npatterns: [miracle cure, 'guarantee[sd]?']\n")
    source = "# Title\n\nA miracle cure, guaranteed.\nNo issue here.\n\n- We guarantee a MIRACLE CURE.\n"
    assert spots(source, rule) == [(3, 3), (3, 17), (6, 6), (6, 18)]
    assert flagged(source, rule) == ["miracle cure", "guaranteed", "guarantee", "MIRACLE CURE"]


def test_whole_words_only():
    rule = make_rule("kind: pattern\npatterns: [cure]\n")
    assert spots("Curettage is not a cure-all. Secure it. A cure.", rule) == [(1, 20), (1, 43)]


def test_case_sensitive_part():
    rule = make_rule("kind: pattern\npatterns: ['(?-i:FDA)']\n")
    assert spots("The fda said. The FDA said.", rule) == [(1, 19)]


def test_message_fields_and_suggestion():
    rule = make_rule(
        """
        kind: pattern
        message: "Avoid '{match}' in: {unit}"
        patterns: [miracle]
        suggestion: "Say what it does."
        """
    )
    (f,) = findings("It is a miracle treatment.", rule)
    assert f.message == "Avoid 'miracle' in: It is a miracle treatment."
    assert f.suggestion == "Say what it does."
    assert (f.rule, f.category, f.severity) == ("test.rule", "claim", "warning")


def test_code_and_urls_are_not_matched():
    rule = make_rule("kind: pattern\npatterns: [miracle]\n")
    source = "Use `miracle` and [a link](https://miracle.example).\n\n```\nmiracle\n```\n"
    assert spots(source, rule) == []


def test_scope_heading():
    rule = make_rule("kind: pattern\nscope: heading\npatterns: [free]\n")
    assert spots("# Free consult\n\nIt is free.\n", rule) == [(1, 3)]


def test_requires_all_lists_in_the_same_unit():
    rule = make_rule(
        """
        kind: pattern
        patterns: ['cures?']
        requires:
          - [cancer, diabetes]
          - [ketamine]
        """
    )
    source = "Ketamine cures cancer. It cures diabetes.\n\nKetamine cures cancer and diabetes too.\n"
    # sentence scope: only sentences with both a disease and "ketamine"
    assert spots(source, rule) == [(1, 10), (3, 10)]


def test_requires_with_paragraph_scope():
    rule = make_rule("kind: pattern\nscope: paragraph\npatterns: ['cures?']\nrequires: [[ketamine]]\n")
    source = "Ketamine helps. It cures pain.\n\nIt cures pain.\n"
    assert spots(source, rule) == [(1, 20)]


def test_unless_cancels_in_unit():
    rule = make_rule("kind: pattern\npatterns: [cure]\nunless: ['no cure', 'not a cure']\n")
    assert spots("There is no cure. A cure exists.", rule) == [(1, 21)]


def test_exceptions_match_whole_match_only():
    rule = make_rule("kind: pattern\npatterns: ['\\w+ free']\nexceptions: [gluten free, sugar free]\n")
    assert flagged("Gluten free food. Pain free life. Sugar free gum.", rule) == ["Pain free"]


def test_whole_unit():
    rule = make_rule("kind: pattern\nscope: block\nwhole_unit: true\npatterns: ['[\\w ]+ logo']\n")
    source = "Catalyst Clinic Logo\n\nOur logo is blue and the clinic logo is nice.\n\n**Share this logo**\n"
    assert flagged(source, rule) == ["Catalyst Clinic Logo", "Share this logo"]


def test_first_only():
    rule = make_rule("kind: pattern\nfirst_only: true\npatterns: [miracle]\n")
    assert spots("A miracle.\n\nAnother miracle.\n", rule) == [(1, 3)]


def test_lexicon_reference():
    rule = make_rule(
        "kind: pattern\npatterns: ['@hype', 'best ever']\n", lexicons={"hype": ["miracle", "breakthrough"]}
    )
    assert flagged("A breakthrough, the best ever, a miracle.", rule) == [
        "breakthrough",
        "best ever",
        "miracle",
    ]


def test_html_and_text_positions():
    rule = make_rule("kind: pattern\npatterns: [miracle cure]\n")
    assert spots("<div>\n  <p>A <em>miracle</em> cure.</p>\n</div>", rule, fmt="html") == [(2, 12)]
    assert spots("Heading\n\nThis is a miracle cure.\n", rule, fmt="text") == [(3, 11)]


def test_terms_with_punctuation_at_their_edges():
    """Word boundaries apply only where the term itself starts or ends with a word character."""
    rule = make_rule("kind: pattern\npatterns: ['®', '\\(sic\\)', '!!+', '#1']\n")
    source = "Spravato® works (sic). Call now!! The #1 clinic.\n"
    assert flagged(source, rule) == ["®", "(sic)", "!!", "#1"]
    words = make_rule("kind: pattern\npatterns: [cure, 'the \\w+']\n")
    assert flagged("Secure them. Curettage. A cure.", words) == ["cure"]


def test_requires_that_cannot_occur_skips_the_rule_but_not_a_cut_word():
    from lintkit.checks.base import Units, may_all_occur
    from lintkit.match import compile_terms

    def within(*spans, cut=False):
        return Units(list(spans), [a for a, _ in spans], [b for _, b in spans], cut)

    stem = compile_terms(["stem cells?"], {})
    text = "Stemming the steps heals. Other text here."
    assert stem.starts(text) == []  # the key "ste" is there, but not the words "stem cell"...
    assert stem.starts(text) == []
    assert may_all_occur(text, within((0, 25), (26, len(text))), (stem,)) is False
    assert may_all_occur(text, within((0, 4), cut=True), (stem,)) is True  # ...and "Stem|ming" is cut
    assert may_all_occur(text, within((0, 25)), (compile_terms(["heals?"], {}),)) is True
    assert may_all_occur(text, within((0, 25)), (compile_terms([r"\w+ing"], {}),)) is True  # unknown


def test_requires_in_another_sentence_do_not_count():
    rule = make_rule("kind: pattern\npatterns: ['cures?']\nrequires: [['stem cells?']]\n")
    source = "Stem cells are studied. This cures it.\n\nStem cells cure it.\n"
    assert flagged(source, rule) == ["cure"]


def test_units_that_cut_a_word_are_noticed():
    from lintkit.checks.base import scope_units
    from lintkit.document.readers import parse

    doc = parse("t.txt", "One sentence here. Another one.", "text")
    assert scope_units(doc, "sentence").cut_word is False
    doc.sentences[0] = type(doc.sentences[0])(0, 5, 0)  # "One s|entence": a unit ending inside a word
    doc.memo.clear()
    assert scope_units(doc, "sentence").cut_word is True
