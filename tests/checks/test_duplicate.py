"""Kind `duplicate`: a repeated heading or block (extraction leftovers)."""

from __future__ import annotations

from conftest import findings, make_rule, spots


def test_repeated_heading_points_at_the_repeat():
    rule = make_rule("kind: duplicate\nmessage: 'Repeated: {match}'\n")
    source = "# Is Ketamine Addictive?\n\nText.\n\n## is ketamine   addictive\n\nMore.\n"
    found = findings(source, rule)
    assert [(f.line, f.column) for f in found] == [(5, 4)]
    assert found[0].message == "Repeated: is ketamine addictive"


def test_strip_location_suffix_in_plain_text():
    rule = make_rule("kind: duplicate\nstrip: ['- [A-Z][a-z]+, [A-Z]{2}$']\n")
    source = (
        "Is Ketamine Addictive When Used For Depression?\n\n"
        "Is Ketamine Addictive When Used For Depression? - Provo, UT\n\nBody text here.\n"
    )
    assert spots(source, rule, fmt="text") == [(3, 1)]
    assert spots(source, make_rule("kind: duplicate\n"), fmt="text") == []


def test_min_words():
    rule = make_rule("kind: duplicate\n")
    assert spots("# FAQ\n\n# FAQ\n", rule) == []
    assert spots("# FAQ\n\n# FAQ\n", make_rule("kind: duplicate\nmin_words: 1\n")) == [(3, 3)]


def test_block_scope():
    rule = make_rule("kind: duplicate\nscope: block\n")
    source = "Call us today for a consult.\n\n# Call us today for a consult\n\nCall us today for a consult!\n"
    assert spots(source, rule) == [(3, 3), (5, 1)]
    assert spots(source, make_rule("kind: duplicate\n")) == []


def test_strip_pattern_starting_with_white_space():
    rule = make_rule("kind: duplicate\nstrip: ['\\s[-–|]\\s(?-i:[A-Z])[\\w .]+,\\s?(?-i:[A-Z]{2})\\s*$']\n")
    source = "# Ketamine for Depression\n\n# Ketamine for Depression - Provo, UT\n\nText.\n"
    assert spots(source, rule) == [(3, 3)]
