"""Kind `assertion`: a claim recognised from who, what, how strongly and what backs it."""

from __future__ import annotations

import pytest
from conftest import findings, make_rule

RULE = """
kind: assertion
message: "{parts}"
subjects: [therapy, infusion, supplement]
qualities: [safe, effective, lasting]
benefits: [reduce, improve, heal, help]
outcomes: [pain, sleep, mood]
research: [study, research]
reports: [show, find]
shown: [be show to, clinically proven]
anaphora: ["=it", "=this"]
hedges: [may, might]
boosters: [proven]
negators: [not, "=no"]
disclosures: [side effect, risk]
not_claims: [marketed as, whether]
agents: ["=we", doctor, professional, scientist, child]
uses: [use, prescribe]
evidence: ['\\(\\w+ et al\\., \\d{4}\\)']
"""


def flagged(text: str) -> list[str]:
    return [f.message for f in findings(text + "\n", make_rule(RULE))]


@pytest.mark.parametrize(
    "text, part",
    [
        ("The infusion reduces pain in most people.", "'infusion' + benefit 'reduces'"),
        ("Our therapy is safe.", "'therapy' + quality 'safe'"),
        ("The therapy is new. It improves sleep.", "'It' (the treatment) + benefit 'improves'"),
        ("Heals joint pain.", "implicit subject"),
        ("Sleep – Improves the quality of sleep.", "implicit subject"),
        ("Studies show the infusion may improve mood.", "appeal to research 'Studies … show'"),
        ("Magnesium is shown to improve mood.", "appeal to research 'is shown to'"),
        ("The infusion may bring proven lasting relief.", "boosted"),
        ("The infusion carries no known risk.", "'infusion' + safety 'risk'"),  # a denied risk
        ("There are supplements available that reduce pain.", "'supplements' + benefit"),  # relative clause
        ("Improved mood was found by studies.", "appeal to research"),  # passive report
        ("Research shows 17% of users heal faster.", "appeal to research"),  # a figure
        ("Rest improves sleep.", "'Rest' (a cause) + benefit"),  # a causal health claim
        ("TZP-101 substantially reduced nausea.", "'TZP-101' + benefit"),  # a product name as subject
        ("Sermorelin improves growth hormone release.", "'Sermorelin' + benefit"),  # no outcome word
        ("The therapy is new. This improves sleep.", "'This' (the treatment)"),  # a pronoun before its verb
        ("The therapy is new. This includes steps that reduce pain.", "'This' (the treatment)"),
        ("This gentle therapy reduces pain.", "'therapy' + benefit"),  # "this" + a treatment word
        ("This better sleep routine reduces pain.", "'routine' (a cause)"),  # a determiner before its noun
        ("The therapy is new. This extra glutamate improves mood.", "'glutamate' (a cause)"),  # not 'This'
        ("Rest often improves sleep.", "'Rest' (a cause)"),
        ("The therapy helps reduce pain.", "'therapy' + benefit"),  # help + a benefit verb
        ("The therapy helps young children with pain.", "'therapy' + benefit 'helps'"),  # help + people
        ("The therapy is shown to reduce pain.", "appeal to research"),  # a promise after "to"
    ],
)
def test_claims_and_the_parts_that_made_them(text, part):
    got = flagged(text)
    assert len(got) == 1 and part in got[0], got


@pytest.mark.parametrize(
    "text",
    [
        "The infusion may reduce pain.",  # hedged
        "Does the infusion reduce pain?",  # a question
        "The infusion does not reduce pain for everyone.",  # negated
        "The infusion can raise the risk of side effects.",  # a risk disclosure
        "The supplement is marketed as a safe cure.",  # reported speech
        "The study tests whether the infusion improves mood.",  # an aim, not a finding
        "The infusion reduces pain (Li et al., 2020).",  # cited
        "Getting enough rest improves sleep.",  # a behaviour (gerund subject): advice
        "Rest should improve sleep.",  # a recommendation
        "We use rest to improve sleep.",  # a purpose  # no treatment named
        "It improves sleep.",  # a reference with nothing before it to refer to
        "Reduce pain by resting.",  # an instruction (base form), not an implicit subject
        "During the infusion, doctors can reduce noise to improve your mood.",  # people act, not the product
        "As more people try the therapy, scientists will find the best dose.",  # opening clause, then people
        "Seeking help for the therapy is important to improve your mood.",  # 'help' as a noun
        "Studies show the infusion changes brain receptors.",  # research, but nothing promised
        "Studies show the infusion can cause side effects.",  # research about a risk
        "The infusion may reduce pain and shows promise.",  # hedged
        "During the therapy, staff dim the lights. This can improve your mood.",  # named in a phrase
        "The therapy has been used for decades to reduce pain in surgery.",  # a use, not a promise
        "Doctors prescribe the supplement to improve sleep.",  # a use (and people act)
        "Options include psychotherapy to improve mood.",  # a purpose after a noun
        "Regular check-ins can help identify pain early.",  # help + a verb that is no benefit
        "Such rapid relief can help reduce pain.",  # "such": what came before, not a cause
        "The therapy focuses on reducing pain.",  # a gerund after a preposition
        "The new cushions improve seating while we sleep.",  # the outcome is in another clause
        "The therapy gives rapid symptomatic improve to pain.",  # an adjective before the word: a noun
    ],
)
def test_not_claims(text):
    assert flagged(text) == []


def test_reduces_the_risk_is_a_claim_not_a_disclosure():
    assert flagged("The therapy reduces the risk of pain returning.")


def test_dictionary_words_in_headings_are_not_topic_words():
    page = (
        "# Understanding sleep\n\nUnderstanding is key. Understanding helps.\n\nUnderstanding improves sleep."
    )
    assert findings(page + "\n", make_rule(RULE)) == []


def test_page_topic_words_are_subjects():
    page = "# Zorbex drops for better sleep\n\nZorbex is new. Zorbex is cheap.\n\nZorbex improves sleep."
    assert [f.line for f in findings(page + "\n", make_rule(RULE))] == [5]


def test_finding_spans_the_sentence():
    (f,) = findings("Intro here.\n\nThe infusion reduces pain fast.\n", make_rule(RULE))
    assert (f.line, f.column, f.end_line, f.end_column) == (3, 1, 3, 32)
