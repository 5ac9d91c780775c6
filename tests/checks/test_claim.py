"""Kind `claim`: a claim cue in a sentence with no evidence nearby."""

from __future__ import annotations

from conftest import findings, make_rule, spots

CLAIM = """
kind: claim
message: "{match} | {sentence}"
cues: ['studies show', 'clinically proven', 'cures?']
"""


def test_one_finding_per_claim_sentence_spanning_it():
    rule = make_rule(CLAIM)
    source = "Intro.\n\nStudies show it works. Clinically proven and it cures, studies show.\n"
    found = findings(source, rule)
    assert [(f.line, f.column, f.end_line, f.end_column) for f in found] == [(3, 1, 3, 23), (3, 24, 3, 69)]
    assert found[0].message == "Studies show | Studies show it works."
    assert found[1].message.startswith("Clinically proven | ")


def test_cue_inside_code_is_ignored():
    assert spots("We say `studies show` often.\n", make_rule(CLAIM)) == []


def test_evidence_in_sentence_or_next():
    rule = make_rule(CLAIM + "evidence: ['\\(\\w+ et al\\., \\d{4}\\)', 'doi:\\S+']\n")
    source = (
        "Studies show it works (Li et al., 2010).\n\n"
        "Studies show it works. See doi:10.1/x for the trial.\n\n"
        "Studies show it works. Then more. See doi:10.1/x.\n"
    )
    assert spots(source, rule) == [(5, 1)]


def test_evidence_window_sentence_and_paragraph():
    base = CLAIM + "evidence: ['\\[\\d+\\]']\n"
    source = "Studies show it works. Ours is new. See [1].\n"
    assert spots(source, make_rule(base + "evidence_window: sentence\n")) == [(1, 1)]
    assert spots(source, make_rule(base + "evidence_window: next\n")) == [(1, 1)]
    assert spots(source, make_rule(base + "evidence_window: paragraph\n")) == []


def test_links_count_as_evidence_unless_disabled():
    source = "Studies show [it works](https://doi.org/10.1/x).\n"
    assert spots(source, make_rule(CLAIM)) == []
    assert spots(source, make_rule(CLAIM + "links_are_evidence: false\n")) == [(1, 1)]
    html = '<p>Studies show <a href="https://pubmed.example/1">it works</a>.</p>'
    assert spots(html, make_rule(CLAIM), fmt="html") == []


def test_hedges_and_boosters():
    rule = make_rule(CLAIM + "hedges: [may, might, 'suggests?']\nboosters: [immediately, proven]\n")
    source = "Studies show it may help.\n\nStudies show it may immediately help.\n\nStudies show it helps.\n"
    assert spots(source, rule) == [(3, 1), (5, 1)]


def test_not_claims():
    rule = make_rule(CLAIM + "not_claims: ['side effects?', 'risks?']\n")
    assert spots("Studies show side effects are common. Studies show it works.", rule) == [(1, 39)]


def test_subjects_and_previous_window():
    rule = make_rule(CLAIM + "subjects: [ketamine]\n")
    source = "Ketamine is a drug. It cures pain.\n\nKetamine cures pain.\n"
    assert spots(source, rule) == [(3, 1)]
    rule = make_rule(CLAIM + "subjects: [ketamine]\nsubject_window: previous\n")
    assert spots(source, rule) == [(1, 21), (3, 1)]
    # the previous sentence must be in the same block
    assert spots("Ketamine is a drug.\n\nIt cures pain.\n", rule) == []


def test_predicates_required():
    rule = make_rule(CLAIM + "predicates: [relief, recovery]\n")
    assert spots("Studies show fast relief. Studies show it is blue.", rule) == [(1, 1)]


def test_claim_in_a_heading():
    assert spots("# Ketamine cures depression\n\nBody.\n", make_rule(CLAIM)) == [(1, 3)]


def test_html_positions():
    source = "<html>\n<body>\n<p><b>Studies show</b> it works.</p>\n</body></html>\n"
    assert spots(source, make_rule(CLAIM), fmt="html") == [(3, 7)]
