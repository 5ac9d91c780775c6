"""Kind `jargon`: technical terms not explained at first use, or jargon-dense sentences."""

from __future__ import annotations

from conftest import findings, flagged, make_rule, spots

JARGON = """
kind: jargon
message: "{match} ({count})"
terms: [NMDA, neuroplasticity, glutamate, 'synaptic plasticity']
"""


def test_first_use_only():
    rule = make_rule(JARGON)
    source = "Ketamine blocks NMDA receptors.\n\nNMDA again. It boosts neuroplasticity.\n"
    assert spots(source, rule) == [(1, 17), (3, 23)]
    assert flagged(source, rule) == ["NMDA", "neuroplasticity"]


def test_explained_after_or_before():
    rule = make_rule(JARGON + "explanations: ['which is', 'meaning', 'called', '\\(']\n")
    source = (
        "It blocks NMDA, which is a receptor for memory.\n\n"
        "The brain can change, called neuroplasticity.\n\n"
        "Glutamate (a chemical messenger) rises.\n\n"
        "Synaptic plasticity rises.\n"
    )
    assert flagged(source, rule) == ["Synaptic plasticity"]


def test_window_limits_the_explanation():
    rule = make_rule(JARGON + "explanations: ['which is']\nwindow: 10\n")
    assert spots("NMDA receptors in the brain, which is odd.", rule) == [(1, 1)]
    rule = make_rule(JARGON + "explanations: ['which is']\nwindow: 40\n")
    assert spots("NMDA receptors in the brain, which is odd.", rule) == []


def test_per_sentence_density():
    rule = make_rule(JARGON + "per_sentence: 3\n")
    source = "NMDA and glutamate matter.\n\nNMDA, glutamate and synaptic plasticity drive neuroplasticity.\n"
    found = findings(source, rule)
    assert [(f.line, f.column, f.end_column) for f in found] == [(3, 1, 63)]
    assert found[0].message == "NMDA, glutamate, synaptic plasticity, neuroplasticity (4)"


def test_punctuation_explanations_right_after_the_term():
    rule = make_rule(JARGON + "explanations: ['[(—:]']\n")
    source = (
        "It boosts neuroplasticity (the brain's ability to change).\n\n"
        "NMDA—a receptor—matters. Glutamate rises.\n"
    )
    assert flagged(source, rule) == ["Glutamate"]


def test_explanations_count_only_in_the_terms_own_sentence():
    rule = make_rule(JARGON + "explanations: ['\\(', 'which is']\nwindow: 60\n")
    source = "Ask us (we reply fast). NMDA matters.\n\nIt works, which is good.\n\nGlutamate rises.\n"
    assert flagged(source, rule) == ["NMDA", "Glutamate"]
