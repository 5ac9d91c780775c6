"""Markup readers: Markdown and HTML to prose blocks with an exact map back to the source."""

from __future__ import annotations

import html
from pathlib import Path

import pytest
from conftest import REPO, assert_offsets_exact, block_texts, findings, make_rule, sentence_texts

from lintkit.document.readers import format_of, parse
from lintkit.rules import default_rules_dir, load_rules


def md(source: str):
    doc = parse("t.md", source, "markdown")
    assert_offsets_exact(doc)
    return doc


def page(source: str):
    doc = parse("t.html", source, "html")
    assert_offsets_exact(doc)
    return doc


# ---- Markdown ---------------------------------------------------------------------------------


def test_md_atx_and_setext_headings():
    doc = md("# One\n\n## Two ##\n\nThree\n=====\n\nFour\n----\n\n###### Six\n\n#NotAHeading\n")
    heads = [(b.level, doc.text[b.start : b.end]) for b in doc.blocks if b.kind == "heading"]
    assert heads == [(1, "One"), (2, "Two"), (1, "Three"), (2, "Four"), (6, "Six")]
    assert block_texts(doc, "paragraph") == ["#NotAHeading"]


def test_md_lists():
    doc = md("- one\n- two\n  continued\n* three\n+ four\n\n1. first\n2) second\n   - nested *item*\n")
    assert block_texts(doc, "item") == [
        "one",
        "two continued",
        "three",
        "four",
        "first",
        "second",
        "nested item",
    ]


def test_md_list_interrupts_paragraph():
    doc = md("Paragraph text\n- an item\n")
    assert [(b.kind, doc.text[b.start : b.end]) for b in doc.blocks] == [
        ("paragraph", "Paragraph text"),
        ("item", "an item"),
    ]


def test_md_blockquotes():
    doc = md("> quoted line\n> more quoted\n\n> > nested quote\n\n> # Quoted heading\n")
    assert [(b.kind, doc.text[b.start : b.end]) for b in doc.blocks] == [
        ("quote", "quoted line more quoted"),
        ("quote", "nested quote"),
        ("heading", "Quoted heading"),
    ]


def test_md_emphasis_is_removed_but_literals_kept():
    doc = md(
        "Some *emph*, **bold**, _under_, __strong__, ~~gone~~ and ***both***.\n\n"
        "2 * 3 = 6 and snake_case_word.\n"
    )
    assert block_texts(doc) == [
        "Some emph, bold, under, strong, gone and both.",
        "2 * 3 = 6 and snake_case_word.",
    ]


def test_md_links_keep_text_drop_url_and_are_recorded():
    doc = md('See [the study](https://doi.org/10.1/x "Title") and <https://example.com/a>.\n')
    assert block_texts(doc) == ["See the study and https://example.com/a."]
    assert "doi.org" not in doc.text
    urls = [(doc.text[link.start : link.end], link.url) for link in doc.links]
    assert urls == [
        ("the study", "https://doi.org/10.1/x"),
        ("https://example.com/a", "https://example.com/a"),
    ]


def test_md_link_with_emphasis_inside():
    doc = md("Read [**our** guide](/guide) today.\n")
    assert block_texts(doc) == ["Read our guide today."]
    assert [(doc.text[x.start : x.end], x.url) for x in doc.links] == [("our guide", "/guide")]


def test_md_link_wrapped_over_two_lines():
    """Wrapped Markdown: a link whose text spans a line break still hides its URL and is recorded."""
    doc = md("Ketamine works, see [the\nstudy](https://doi.org/10.1/x) for details.\n")
    assert block_texts(doc) == ["Ketamine works, see the study for details."]
    assert [(doc.text[x.start : x.end], x.url) for x in doc.links] == [
        ("the study", "https://doi.org/10.1/x")
    ]


def test_md_inline_comment_wrapped_over_two_lines():
    doc = md("Visible text <!-- a hidden\nnote --> continues here.\n")
    assert block_texts(doc) == ["Visible text continues here."]


def test_md_reference_links_keep_text():
    doc = md("[ref]: https://example.com\n\nUse [the text][ref] here.\n")
    assert block_texts(doc) == ["Use the text here."]


def test_md_images_keep_alt_text():
    doc = md('![Smiling patient](img/p.png) after infusion.\n\n<img src="x.png" alt="Clinic front door">\n')
    assert block_texts(doc) == ["Smiling patient after infusion.", "Clinic front door"]


def test_md_code_is_skipped():
    source = (
        "Use `studies show` inline and ``a ` tick`` too.\n\n"
        "```python\nprint('studies show')\n```\n\n"
        "~~~\nfenced tilde\n~~~\n\n"
        "````\n```\nstill code\n```\n````\n\n"
        "    indented code block\n\n"
        "After code.\n"
    )
    doc = md(source)
    assert block_texts(doc) == ["Use inline and too.", "After code."]


def test_md_indented_line_after_paragraph_is_a_continuation():
    doc = md("Para line\n    continued line.\n")
    assert block_texts(doc) == ["Para line continued line."]


def test_md_tables():
    doc = md("| Treatment | Result |\n|---|:---:|\n| Ketamine | *Fast* relief |\n| TMS | Slow |\n\nAfter.\n")
    assert [(b.kind, doc.text[b.start : b.end]) for b in doc.blocks] == [
        ("cell", "Treatment"),
        ("cell", "Result"),
        ("cell", "Ketamine"),
        ("cell", "Fast relief"),
        ("cell", "TMS"),
        ("cell", "Slow"),
        ("paragraph", "After."),
    ]


def test_md_front_matter_is_skipped():
    doc = md("---\ntitle: Studies show things\ntags: [a]\n---\n# Real title\n\nBody.\n")
    assert block_texts(doc) == ["Real title", "Body."]
    assert doc.position(doc.blocks[0].start, doc.blocks[0].end)[:2] == (5, 3)


def test_md_html_comments_are_skipped():
    doc = md("Before.\n\n<!--\nstudies show\nhidden\n-->\n\nText <!-- inline --> after.\n")
    assert block_texts(doc) == ["Before.", "Text after."]


def test_md_entities_escapes_and_inline_html():
    doc = md("Fish &amp; chips \\*not emphasis\\* and <span class='x'>inline</span> html&nbsp;here.\n")
    assert block_texts(doc) == ["Fish & chips *not emphasis* and inline html here."]


def test_md_reference_definitions_and_rules_are_skipped():
    doc = md("Text.\n\n[1]: https://doi.org/x\n\n---\n\n***\n\nMore.\n")
    assert block_texts(doc) == ["Text.", "More."]


def test_md_hard_line_break_keeps_one_paragraph():
    doc = md("Line one  \nline two.\n")
    assert block_texts(doc) == ["Line one line two."]


def test_md_sentence_positions_point_into_the_source():
    source = "# Title\n\n- First item. It has *two* sentences.\n\n> Quoted **claim** here. Another one.\n"
    doc = md(source)
    lines = source.split("\n")
    got = []
    for s in doc.sentences:
        line, col, end_line, end_col = doc.position(s.start, s.end)
        got.append((line, lines[line - 1][col - 1 : end_col - 1]))
    assert got == [
        (1, "Title"),
        (3, "First item."),
        (3, "It has *two* sentences."),
        (5, "Quoted **claim** here."),
        (5, "Another one."),
    ]


# ---- HTML -------------------------------------------------------------------------------------


def test_html_skips_script_style_head_and_comments():
    doc = page(
        "<html><head><title>Studies show</title><style>p{color:red}</style></head>"
        "<body><script>var s = '<p>studies show</p>';</script><!-- hidden -->"
        "<noscript>Enable JS</noscript><p>Visible.</p></body></html>"
    )
    assert block_texts(doc) == ["Visible."]


def test_html_entities():
    doc = page("<p>Fish &amp; chips &mdash; it&rsquo;s &#x27;fine&#39; &lt;3&nbsp;now</p>")
    assert block_texts(doc) == ["Fish & chips — it’s 'fine' <3 now"]


def test_html_unknown_entity_and_bare_ampersand_stay_as_written():
    doc = page("<p>Our Q&A session &foo; and R&D today.</p>")
    assert block_texts(doc) == ["Our Q&A session &foo; and R&D today."]


def test_html_alt_text():
    doc = page(
        '<p>Before <img src="a.png" alt="Happy patient"> after.</p><img alt=\'Logo\' src=b><img src=c>'
    )
    assert block_texts(doc) == ["Before Happy patient after.", "Logo"]


def test_html_alt_text_with_entities_and_spaces_maps_exactly():
    doc = page('<p><img src="a.png" alt="  Fish &amp; chips "> and more.</p>')
    assert block_texts(doc) == ["Fish & chips and more."]
    i = doc.text.index("chips")
    assert doc.source[doc.offsets[i] : doc.offsets[i] + 5] == "chips"


def test_html_nested_blocks():
    doc = page(
        "<div><section><h2>Why <em>us</em></h2><div><p>First para.</p><div>Loose text "
        "in a div.</div></div><ul><li>One</li><li>Two <b>bold</b></li></ul>"
        "<table><tr><th>Head</th><td>Cell</td></tr></table><blockquote>Quote.</blockquote></section></div>"
    )
    assert [(b.kind, doc.text[b.start : b.end]) for b in doc.blocks] == [
        ("heading", "Why us"),
        ("paragraph", "First para."),
        ("paragraph", "Loose text in a div."),
        ("item", "One"),
        ("item", "Two bold"),
        ("cell", "Head"),
        ("cell", "Cell"),
        ("quote", "Quote."),
    ]
    assert doc.blocks[0].level == 2


def test_html_br_is_a_line_break_not_a_new_block():
    doc = page("<p>Call us today<br>for a consultation.<br/>We are open.</p>")
    assert block_texts(doc) == ["Call us today for a consultation. We are open."]


def test_html_links_are_recorded():
    doc = page(
        '<p>Read <a href="https://doi.org/10.1/x">the <b>study</b></a> and <a href="#top">top</a>.</p>'
    )
    assert block_texts(doc) == ["Read the study and top."]
    assert [(doc.text[x.start : x.end], x.url) for x in doc.links] == [
        ("the study", "https://doi.org/10.1/x"),
        ("top", "#top"),
    ]


def test_html_whitespace_and_newlines_fold():
    doc = page("<p>\n  One\n  sentence   across\tlines.\n</p>")
    assert block_texts(doc) == ["One sentence across lines."]
    i = doc.text.index("sentence")
    assert doc.position(i, i + 8)[:2] == (3, 3)


def test_html_deep_nesting_does_not_recurse():
    depth = 20_000
    doc = page("<div>" * depth + "Deep text." + "</div>" * depth)
    assert block_texts(doc) == ["Deep text."]


# ---- the acceptance case: a claim in emphasis, on line 3 --------------------------------------

SENTENCE = "Clinical trials have shown that ketamine cures depression."


@pytest.fixture(scope="module")
def establishment_rule():
    rules = [r for r in load_rules([default_rules_dir()]) if r.id == "claim.establishment-uncited"]
    assert rules, "the default rule claim.establishment-uncited is missing"
    return rules[0]


@pytest.mark.parametrize(
    ("fmt", "source", "column"),
    [
        (
            "html",
            "<html>\n<body>\n<p><b>Clinical trials have shown</b> that ketamine cures depression.</p>\n"
            "</body></html>\n",
            7,
        ),
        ("markdown", f"# Ketamine\n\n> **{SENTENCE}**\n", 5),
        ("markdown", f"# Ketamine\r\n\r\n> **{SENTENCE}**\r\n", 5),
        ("text", f"Ketamine\n\n{SENTENCE}\n", 1),
    ],
    ids=["html", "markdown", "markdown-crlf", "text"],
)
def test_claim_in_emphasis_is_reported_on_line_3(establishment_rule, fmt, source, column):
    found = findings(source, establishment_rule, fmt)
    assert [(f.rule, f.line, f.column) for f in found] == [("claim.establishment-uncited", 3, column)]
    line = source.split("\n")[2]
    f = found[0]
    assert line[f.column - 1 :].startswith("Clinical trials have shown")
    assert f.end_line == 3
    assert line[: f.end_column - 1].endswith("depression.")


# ---- directives and corpora -------------------------------------------------------------------


def test_md_directive_comments_are_not_prose():
    doc = md("<!-- lintkit: disable-next-line claim -- reviewed -->\nStudies show it works.\n")
    assert block_texts(doc) == ["Studies show it works."]


CORPUS = sorted(p for p in (REPO / "tests" / "corpus").glob("*") if format_of(p.name))


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_corpus_offsets_exact(path: Path):
    from lintkit.app.sources import read

    doc = parse(str(path), read(str(path)), format_of(path.name))
    assert doc.blocks, "no prose found"
    assert_offsets_exact(doc)
    assert sentence_texts(doc)


def test_pattern_positions_in_markdown_list_and_table():
    rule = make_rule("kind: pattern\npatterns: [miracle]\n")
    source = "- a *miracle* item\n\n| x | the miracle |\n|---|---|\n"
    found = findings(source, rule)
    assert [(f.line, f.column, f.end_column) for f in found] == [(1, 6, 13), (3, 11, 18)]


def test_inline_scan_equals_the_plain_regex_scan():
    """The inline scanner tries _INLINE only at characters that can open a construct; the matches
    are those of _INLINE.finditer (random strings of Markdown fragments)."""
    import random

    from lintkit.document import inline

    bits = [
        "`a`",
        "``b`",
        "![alt](x.png)",
        "[t](u)",
        "[r][1]",
        "<https://a.b>",
        "<!-- c -->",
        "<b>",
        "</i>",
        "&amp;",
        "&#x41;",
        "\\\n",
        "\\*",
        "**",
        "__",
        "~~",
        "_",
        "*",
        "a_b",
        " ",
        "  ",
        "\n",
        "word",
        "[",
        "<",
        "&",
        "!",
    ]
    rng = random.Random(3)
    for _ in range(500):
        s = "".join(rng.choice(bits) for _ in range(rng.randint(0, 12)))
        fast = [(m.span(), m.lastgroup) for m in inline._inline(s)]
        assert fast == [(m.span(), m.lastgroup) for m in inline._INLINE.finditer(s)], s


@pytest.mark.parametrize(
    ("fmt", "source"),
    [
        ("html", "<p>Safe &amp; effective, Tom&#39;s cure&hellip; &#x2014;</p>"),
        ("markdown", "Safe &amp; effective, Tom&#39;s cure&hellip; &#x2014;\n"),
    ],
)
def test_a_span_ending_at_an_entity_ends_after_the_whole_entity(fmt, source):
    """#18: a finding's end fell inside an entity (after its `&`), so the source span was cut."""
    from lintkit.document.readers import parse

    doc = parse("page", source, fmt)
    decoded = [i for i, c in enumerate(doc.text) if c in "&'…—"]
    assert len(decoded) == 4
    for i in decoded:
        start, end = doc.source_offset(i), doc.source_offset(i + 1, end=True)
        written = source[start:end]
        assert written.startswith("&") and written.endswith(";"), written
        assert html.unescape(written) == doc.text[i]


@pytest.mark.parametrize(
    ("source", "text"),
    [("<p>Tom &amp", "Tom &"), ("<p>Tom &#39", "Tom '"), ("<p>Tom &amp; Jerry &lt", "Tom & Jerry <")],
)
def test_entities_in_an_unclosed_tail_are_decoded(source, text):
    """#18: at the end of a page cut short, HTMLParser hands the tail over as raw data."""
    from lintkit.document.readers import parse

    doc = parse("page.html", source, "html")
    assert doc.text.strip() == text
    amp = doc.text.index(text[4])
    assert source[doc.source_offset(amp) :].startswith("&")
