"""Kind `require`: a trigger makes a statement necessary; report its absence at the first trigger."""

from __future__ import annotations

from conftest import findings, make_rule, spots

REQUIRE = """
kind: require
message: "'{match}' ({count}) needs a disclaimer"
triggers: [ketamine, esketamine]
required: ['not (?:been )?approved by the FDA', 'off-label']
"""


def test_missing_statement_reported_at_first_trigger():
    rule = make_rule(REQUIRE)
    source = "# Care\n\nWe offer ketamine.\n\nKetamine helps. Esketamine too.\n"
    found = findings(source, rule)
    assert [(f.line, f.column, f.end_column) for f in found] == [(3, 10, 18)]
    assert found[0].message == "'ketamine' (3) needs a disclaimer"
    assert found[0].document_level


def test_present_statement_satisfies():
    rule = make_rule(REQUIRE)
    assert spots("We offer ketamine.\n\nIt is used off-label.\n", rule) == []
    assert spots("Ketamine has not been approved by the FDA for depression.\n", rule) == []


def test_no_trigger_no_finding():
    assert spots("We offer massages.\n", make_rule(REQUIRE)) == []


def test_min_count():
    rule = make_rule(REQUIRE + "min_count: 3\n")
    assert spots("Ketamine. Ketamine.\n", rule) == []
    assert spots("Ketamine. Ketamine. Ketamine.\n", rule) == [(1, 1)]


def test_also_condition():
    rule = make_rule(REQUIRE + "also: [depression]\nalso_min_count: 2\n")
    assert spots("Ketamine for depression.\n", rule) == []
    assert spots("Ketamine for depression. Depression is common.\n", rule) == [(1, 1)]


def test_within_paragraph():
    rule = make_rule(REQUIRE + "within: paragraph\n")
    assert spots("We offer ketamine.\n\nIt is off-label.\n", rule) == [(1, 10)]
    assert spots("We offer ketamine, used off-label.\n", rule) == []


def test_required_links():
    rule = make_rule(REQUIRE + "required_links: ['fda\\.gov']\n")
    assert spots("We offer ketamine. [Read this](https://www.fda.gov/ketamine).\n", rule) == []
    assert spots("We offer ketamine. [Read this](https://example.com).\n", rule) == [(1, 10)]


def test_count_in_message_counts_every_trigger_whatever_min_count():
    # Triggers are counted only up to min_count until the statement is known to be missing;
    # the message still gives all of them.
    page = "Ketamine. Esketamine. Ketamine. Ketamine. Ketamine.\n"
    for n in (0, 1, 2, 5):
        found = findings(page, make_rule(REQUIRE + f"min_count: {n}\n"))
        assert [f.message for f in found] == ["'Ketamine' (5) needs a disclaimer"]
    assert findings(page, make_rule(REQUIRE + "min_count: 6\n")) == []
    long_page = "Ketamine helps. " * 60 + "\n"  # long enough for the scan plan (termscan)
    found = findings(long_page, make_rule(REQUIRE + "min_count: 2\n"))
    assert [f.message for f in found] == ["'Ketamine' (60) needs a disclaimer"]
    assert findings(long_page + "\nIt is off-label.\n", make_rule(REQUIRE + "min_count: 2\n")) == []


def test_also_min_count_counts_matches():
    rule = make_rule(REQUIRE + "also: [depression]\nalso_min_count: 3\n")
    assert spots("Ketamine. Depression, depression.\n", rule) == []
    assert spots("Ketamine. Depression, depression, depression.\n", rule) == [(1, 1)]
