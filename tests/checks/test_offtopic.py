"""Kind `offtopic`: a block unrelated to the rest of the document (with its title lines)."""

from __future__ import annotations

import math
import random
from collections import Counter

from conftest import findings, make_rule, spots

from lintkit.checks.offtopic import _cosine_rest

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


def test_similarity_to_the_rest_equals_the_plain_cosine():
    """_cosine_rest(a, total, total_sq, minus) is the cosine of `a` and +(total - minus)."""

    def cosine(a: Counter, b: Counter) -> float:
        dot = sum(v * b.get(k, 0) for k, v in a.items())
        if not dot:
            return 0.0
        return dot / (math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values())))

    rng = random.Random(5)
    words = [f"w{i}" for i in range(12)]
    for _ in range(300):
        a = Counter(rng.choices(words, k=rng.randrange(1, 8)))
        minus = a + Counter(rng.choices(words, k=rng.randrange(0, 6)))  # the block and maybe its title
        total = minus + Counter(rng.choices(words, k=rng.randrange(0, 30)))
        if rng.random() < 0.3:  # (a title counted twice may exceed the rest: below zero is dropped)
            minus.update(rng.choices(words, k=3))
        total_sq = sum(v * v for v in total.values())
        assert _cosine_rest(a, total, total_sq, minus) == cosine(a, +(total - minus))


RELATED = "kind: offtopic\nmessage: '{match}'\nrelated_headings: ['recent posts', 'read next']\n"
TITLES = ["- Ketamine or Spravato: which one is for you?", "- Ten Best Golf Courses for Snowbirds in Arizona"]


def test_related_titles_under_a_related_heading_and_only_there():
    page = ["# Ketamine for depression", *ON_TOPIC]
    found = findings("\n\n".join([*page, "## Recent Posts", *TITLES]) + "\n", make_rule(RELATED))
    assert [f.message for f in found] == ["Ten Best Golf Courses for Snowbirds in Arizona"]
    # The same titles under another heading, or a page that names no related heading at all
    # (whose blocks are then not searched), are not judged as related posts.
    assert findings("\n\n".join([*page, "## Our Posts", *TITLES]) + "\n", make_rule(RELATED)) == []
    assert findings("\n\n".join([*page, "Recent posts are below.", *TITLES]) + "\n", make_rule(RELATED)) == []
