"""Kind `offtopic`: a block unrelated to the rest of the document (with its title lines)."""

from __future__ import annotations

from conftest import findings, make_rule, spots

ON_TOPIC = [
    "Ketamine infusion therapy treats depression when other depression treatments have failed patients.",
    "Our ketamine clinic monitors every patient during each infusion session for depression symptoms.",
    "Depression patients often notice ketamine infusion effects within hours of their first session.",
    "Ask our clinic team whether ketamine infusion therapy suits your depression treatment plan today.",
]
BLURB = (
    "Roofing contractors install asphalt shingles quickly, gutters cleaned annually, "
    "free estimates for homeowners nationwide."
)


def test_off_topic_block_with_its_heading():
    rule = make_rule("kind: offtopic\nmessage: '{match} ({similarity})'\n")
    source = "\n\n".join(["# Ketamine for depression", *ON_TOPIC, "## Roof Repair Deals", BLURB]) + "\n"
    found = findings(source, rule)
    assert [(f.line, f.column, f.end_line) for f in found] == [(11, 4, 13)]
    assert found[0].message.startswith("Roofing contractors install")
    assert found[0].message.endswith("(0.0)")


def test_all_on_topic_is_clean():
    rule = make_rule("kind: offtopic\n")
    assert spots("\n\n".join(["# Ketamine", *ON_TOPIC]) + "\n", rule) == []


def test_domain_terms_keep_a_block():
    rule = make_rule("kind: offtopic\ndomain: [shingles]\n")
    assert spots("\n\n".join([*ON_TOPIC, BLURB]) + "\n", rule) == []


def test_short_blocks_and_short_documents_are_not_judged():
    rule = make_rule("kind: offtopic\n")
    assert spots("\n\n".join([*ON_TOPIC, "Roofing deals today."]) + "\n", rule) == []
    assert spots("\n\n".join([ON_TOPIC[0], BLURB]) + "\n", rule) == []


def test_threshold_and_min_words():
    blurb = (
        "Ketamine roofing contractors install asphalt shingles quickly "
        "with gutters cleaned annually for homeowners."
    )
    source = "\n\n".join([*ON_TOPIC, blurb]) + "\n"
    assert spots(source, make_rule("kind: offtopic\n")) == []
    assert spots(source, make_rule("kind: offtopic\nthreshold: 0.3\n")) == [(9, 1)]
    assert spots(source, make_rule("kind: offtopic\nthreshold: 0.3\nmin_words: 50\n")) == []


def test_stopwords():
    blurb = (
        "Ketamine ketamine ketamine roofing contractors install asphalt shingles quickly with gutters yearly."
    )
    source = "\n\n".join([*ON_TOPIC, blurb]) + "\n"
    assert spots(source, make_rule("kind: offtopic\nthreshold: 0.2\n")) == []
    assert spots(source, make_rule("kind: offtopic\nthreshold: 0.2\nstopwords: [ketamine]\n")) == [(9, 1)]


def test_the_blocks_own_title_does_not_make_it_on_topic():
    """A scraped blurb under its own heading ("## Kitchen appliances") shares words with that heading;
    the heading is the blurb's title, so it must not count as the document's topic."""
    rule = make_rule("kind: offtopic\n")
    blurb = (
        "Kitchen appliances are essential tools that make cooking easier, "
        "from refrigerators to slow cookers and air fryers."
    )
    source = (
        "\n\n".join(["# Ketamine for depression", *ON_TOPIC, "## Choosing kitchen appliances", blurb]) + "\n"
    )
    assert spots(source, rule) == [(11, 4)]
