"""Kind `chrome`: page furniture recognised by its build, in text and in HTML regions."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import findings, make_rule

from lintkit.document.readers import parse
from lintkit.document.units import excerpt

RULE = """
kind: chrome
message: "{what}: {match}"
interface: [login, share, top, page, menu, index, video, audio, listen, watch, version, about, news,
  article, contact, home, blog, "=here", "=now", currently set to, follow]
cues: [watch, listen, also read, read more]
credits: [via, photo by, shutterstock, getty images]
"""
PROSE = "Ketamine may help some people with depression that has not improved."


def flagged(text: str, fmt: str = "text") -> list[str]:
    return [f.message for f in findings(text, make_rule(RULE), fmt)]


@pytest.mark.parametrize(
    "line, what",
    [
        ("function est() { const w = document.getElementById('w').value; }", "script code"),
        ("Patient Login Become a Patient 813-555-0142 News and Health Articles About", "navigation bar"),
        ("Watch the video : What is ketamine therapy?", "media or related-link widget"),
        ("If you prefer a video version: Watch It Here", "media or related-link widget"),
        ("Also read about: 5 Classic Tricks for Sleeping Better", "media or related-link widget"),
        ("Read more about Mental Health", "media or related-link widget"),
        ("top of page", "interface text"),
        ("Currently set to Index", "interface text"),
        ("(via Shutterstock)", "image credit"),
        ("purple melatonin pills", "image alt text or caption"),
        ("Peptide Therapy Our Clinic 02", "slider or section counter"),
    ],
)
def test_chrome_lines(line, what):
    got = flagged(f"{PROSE}\n\n{line}\n\n{PROSE}\n")
    assert got == [f"{what}: {excerpt(line)}"]


@pytest.mark.parametrize(
    "line",
    [
        "Read more about the risks of ketamine in the FDA's warning.",
        "Watch for side effects such as nausea or dizziness",
        "Side Effects of Ketamine",
        "Our team will follow up with you after each session.",
        "Source: Journal of Clinical Psychiatry, 2021",
        "Call us at 813-555-0142 to book a visit.",
        "Top 10 Questions About Ketamine",
    ],
)
def test_prose_and_headings_are_not_chrome(line):
    assert flagged(f"{PROSE}\n\n{line}\n\n{PROSE}\n") == []


def test_lower_case_list_items_are_not_alt_text():
    assert flagged("# Benefits\n\n- reduces anxiety\n- better sleep\n", "markdown") == []


def test_html_regions_are_reported_at_their_source_position():
    src = (
        "<html><body><nav><ul><li><a href='/'>Home</a></li><li>Our Services</li></ul></nav>\n"
        "<article><h1>Ketamine care</h1><p>" + PROSE + "</p>\n"
        "<div class='share-buttons'><span>Share this:</span> <a>Facebook</a></div></article>\n"
        "<footer><p>Clinic Name, 1 Main Street</p></footer></body></html>\n"
    )
    found = findings(src, make_rule(RULE), "html")
    assert [f.message.split(":")[0] for f in found] == ["navigation menu", "share buttons", "page footer"]
    lines = src.splitlines()
    nav, share, foot = found
    assert lines[nav.line - 1][nav.column - 1 :].startswith("Home</a>")
    assert lines[share.line - 1][share.column - 1 :].startswith("Share this:")
    assert lines[foot.line - 1][foot.column - 1 :].startswith("Clinic Name, 1 Main Street</p>")
    assert (foot.end_line, lines[foot.end_line - 1][: foot.end_column - 1].endswith("Main Street")) == (
        4,
        True,
    )


def test_a_class_word_on_a_layout_wrapper_does_not_swallow_the_article():
    src = f"<div class='content-with-sidebar'><main><h1>Ketamine</h1><p>{PROSE}</p></main></div>"
    assert findings(src, make_rule(RULE), "html") == []
    doc = parse("x.html", src, "html")
    assert [b.region for b in doc.blocks] == ["", ""]


PAGES = Path(__file__).resolve().parent.parent / "pages" / "chrome"
NOT_TEXT = ("alt", "caption", "script")  # attributes, figure captions and code: not furniture in the text


def _page_results():
    from lintkit.rules import default_rules_dir, load_rules  # the shipped rules, as a user runs them

    rules = [r for r in load_rules([default_rules_dir()]) if r.category == "spam"]
    found = missed = 0
    prose_hits: list[str] = []
    for page in sorted(PAGES.glob("*.html")):
        src = page.read_text(encoding="utf-8")
        spans = [
            (_offset(src, f.line, f.column), _offset(src, f.end_line, f.end_column))
            for f in findings(src, rules, "html")
        ]
        for item in yaml.safe_load(page.with_suffix(".chrome.yaml").read_text()) or []:
            if item["kind"] in NOT_TEXT:
                continue
            a = src.index(item["text"])
            hit = any(s < a + len(item["text"]) and a < e for s, e in spans)
            found, missed = found + hit, missed + (not hit)
        for text in yaml.safe_load(page.with_suffix(".prose.yaml").read_text()) or []:
            a = src.index(text)
            prose_hits += [f"{page.name}: {text[:50]}" for s, e in spans if s < a + len(text) and a < e]
    return found, missed, prose_hits


def _offset(src: str, line: int, column: int) -> int:
    starts = [0]
    for text in src.splitlines(keepends=True):
        starts.append(starts[-1] + len(text))
    return starts[line - 1] + column - 1


def test_builder_pages_chrome_found_and_prose_untouched():
    found, missed, prose_hits = _page_results()
    assert prose_hits == []
    assert found / (found + missed) >= 0.85, (found, missed)
