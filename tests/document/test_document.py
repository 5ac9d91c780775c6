"""The document model: offset map, positions, blocks, sentences, plain-text shapes, encodings."""

from __future__ import annotations

import pytest
from conftest import SEEDS, SHARED_MISSING, assert_offsets_exact, block_texts, sentence_texts

from lintkit.app.sources import read
from lintkit.document import TextBuilder
from lintkit.document.readers import format_of, parse

# ---- Document API -----------------------------------------------------------------------------


def test_line_col_and_line_text():
    doc = parse("a.txt", "First line here.\nSecond line here.\n\nThird.", "text")
    assert doc.line_col(0) == (1, 1)
    assert doc.line_col(6) == (1, 7)
    assert doc.line_col(17) == (2, 1)
    assert doc.line_text(2) == "Second line here."
    assert doc.line_text(3) == ""
    assert doc.line_text(4) == "Third."


def test_position_of_a_span_is_exact():
    source = "Intro line.\n\nThe clinic says studies show results.\n"
    doc = parse("a.txt", source, "text")
    start = doc.text.index("studies show")
    line, col, end_line, end_col = doc.position(start, start + len("studies show"))
    assert (line, col, end_line, end_col) == (3, 17, 3, 29)
    assert source.split("\n")[line - 1][col - 1 : end_col - 1] == "studies show"


def test_position_of_empty_span_and_end_of_text():
    doc = parse("a.txt", "One.\nTwo.", "text")
    assert doc.position(0, 0) == (1, 1, 1, 1)
    last = len(doc.text.rstrip())
    assert doc.source_offset(len(doc.text) + 5) == len(doc.source)
    assert doc.position(last - 4, last) == (2, 1, 2, 5)


def test_block_of_and_sentence_index():
    doc = parse("a.md", "# Head\n\nOne. Two.\n\nThree.\n", "markdown")
    two = doc.text.index("Two")
    assert doc.blocks[doc.block_of(two)].kind == "paragraph"
    assert sentence_texts(doc)[doc.sentence_index(two)] == "Two."
    assert doc.block_of(doc.text.index("Three")) == 2


def test_text_builder_separates_blocks_and_trims():
    tb = TextBuilder()
    tb.open_block("heading", 1)
    tb.add("Title", 2)
    tb.add_space(7)
    tb.open_block("paragraph")
    tb.add_space(8)  # a space at the start of a block is dropped
    tb.add("Body", 9)
    doc = tb.build("x", "# Title\n\nBody\n")
    assert doc.text == "Title\n\nBody\n\n"
    assert [(b.kind, b.level) for b in doc.blocks] == [("heading", 1), ("paragraph", 0)]
    assert list(doc.offsets[:5]) == [2, 3, 4, 5, 6]
    assert list(doc.offsets[7:11]) == [9, 10, 11, 12]
    assert_offsets_exact(doc)


def test_empty_document_has_no_blocks():
    for fmt in ("text", "markdown", "html"):
        doc = parse("e", "", fmt)
        assert doc.text == "" and doc.blocks == [] and doc.sentences == []
        doc = parse("e", "   \n\n  \n", fmt)
        assert doc.blocks == [] and doc.sentences == []


# ---- sentence splitting -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Dr. Smith saw 2.5 mg doses. Then Mr. Jones left.",
            ["Dr. Smith saw 2.5 mg doses.", "Then Mr. Jones left."],
        ),
        (
            "Results vary, e.g. with age. Ask first, i.e. call us.",
            ["Results vary, e.g. with age.", "Ask first, i.e. call us."],
        ),
        (
            "The U.S. Food and Drug Administration has not approved it. Ask your doctor.",
            ["The U.S. Food and Drug Administration has not approved it.", "Ask your doctor."],
        ),
        ("J. R. Smith wrote it in 2019. It was cited.", ["J. R. Smith wrote it in 2019.", "It was cited."]),
        (
            "Costs fell 3.5 percent. Prices are $1,200.50 now.",
            ["Costs fell 3.5 percent.", "Prices are $1,200.50 now."],
        ),
        ("Is it safe? Yes! Call now.", ["Is it safe?", "Yes!", "Call now."]),
        ("She said “It works.” Then she left.", ["She said “It works.”", "Then she left."]),
        (
            "See the results (Fig. 2). Approx. 40% improved.",
            ["See the results (Fig. 2).", "Approx. 40% improved."],
        ),
        (
            "He has a Ph.D. in chemistry. She is from Yale.",
            ["He has a Ph.D. in chemistry.", "She is from Yale."],
        ),
        ("Open at 9 a.m. on Monday. Closed Sunday.", ["Open at 9 a.m. on Monday.", "Closed Sunday."]),
        ("Wait... Really. Yes.", ["Wait...", "Really.", "Yes."]),
        (
            "version 2.0 is here. see www.example.com for more.",
            ["version 2.0 is here. see www.example.com for more."],
        ),
    ],
)
def test_sentence_splitting(text, expected):
    doc = parse("a.txt", text, "text")
    assert sentence_texts(doc) == expected
    assert_offsets_exact(doc)


def test_sentences_never_cross_blocks_and_headings_are_one_sentence():
    doc = parse("a.md", "# What is it? A drug.\n\nFirst. Second\n\n- Item one. Item two.\n", "markdown")
    assert sentence_texts(doc) == ["What is it? A drug.", "First.", "Second", "Item one.", "Item two."]
    for s in doc.sentences:
        block = doc.blocks[s.block]
        assert block.start <= s.start < s.end <= block.end


# ---- plain text: the two shapes of the seed pages ---------------------------------------------


def test_plain_blank_line_paragraphs():
    source = (
        "Clinic Logo\n\nIs Ketamine Addictive?\n\nKetamine has gained attention. It is used in clinics.\n"
        "This line is a soft wrap\ncontinued here.\n\nHow It Works\n\nShort answer.\n"
    )
    doc = parse("a.txt", source, "text")
    assert block_texts(doc) == [
        "Clinic Logo",
        "Is Ketamine Addictive?",
        "Ketamine has gained attention. It is used in clinics.",
        "This line is a soft wrap continued here.",
        "How It Works",
        "Short answer.",
    ]
    kinds = [b.kind for b in doc.blocks]
    assert kinds == ["heading", "heading", "paragraph", "paragraph", "heading", "paragraph"]
    assert_offsets_exact(doc)


def test_plain_one_paragraph_per_line_with_short_headings():
    source = (
        "Ketamine for Depression\n"
        "Ketamine is a dissociative anesthetic. It was approved in 1970.\n"
        "How Does It Work?\n"
        "It blocks NMDA receptors in the brain.\n"
        "- Fast relief\n"
        "- Few visits\n"
    )
    doc = parse("a.txt", source, "text")
    assert [(b.kind, doc.text[b.start : b.end]) for b in doc.blocks] == [
        ("heading", "Ketamine for Depression"),
        ("paragraph", "Ketamine is a dissociative anesthetic. It was approved in 1970."),
        ("heading", "How Does It Work?"),
        ("paragraph", "It blocks NMDA receptors in the brain."),
        ("item", "Fast relief"),
        ("item", "Few visits"),
    ]
    assert_offsets_exact(doc)


SEED_FILES = sorted(SEEDS.glob("*.txt"))


@pytest.mark.skipif(not SEED_FILES, reason=SHARED_MISSING)
@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.stem)
def test_seed_pages_offsets_exact(path):
    doc = parse(str(path), read(str(path)), "text")
    assert len(doc.blocks) > 5 and len(doc.sentences) > len(doc.blocks) // 2
    assert_offsets_exact(doc)
    # the last word of every line ends up in the text
    for line in path.read_text(encoding="utf-8").splitlines():
        words = line.split()
        if words:
            assert words[-1] in doc.text, line


def test_seed_shapes_both_present():
    """The seeds contain both shapes; each parses into headings and paragraphs."""
    if not SEED_FILES:
        pytest.skip(SHARED_MISSING)
    shapes = set()
    for path in SEED_FILES:
        source = read(str(path))
        shapes.add("blank-lines" if "\n\n" in source else "one-per-line")
        doc = parse(str(path), source, "text")
        kinds = {b.kind for b in doc.blocks}
        assert {"heading", "paragraph"} <= kinds, path.name
    assert shapes == {"blank-lines", "one-per-line"}


# ---- encodings and special characters ---------------------------------------------------------


def test_bom_is_dropped_by_read(tmp_path):
    p = tmp_path / "bom.md"
    p.write_bytes("\ufeff# Title\n\nBody text.\n".encode())
    source = read(str(p))
    assert not source.startswith("\ufeff")
    doc = parse(str(p), source, "markdown")
    assert block_texts(doc, "heading") == ["Title"]
    assert doc.position(doc.text.index("Body"), doc.text.index("Body") + 4) == (3, 1, 3, 5)


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_bom_in_a_string_is_not_text(fmt):
    """A BOM left in a decoded string (e.g. read with plain utf-8) is not prose and hides no heading."""
    body = {"text": "Title Line\n\nBody text.\n", "markdown": "# Title Line\n\nBody text.\n"}.get(
        fmt, "<h1>Title Line</h1>\n<p>Body text.</p>\n"
    )
    doc = parse("x", "\ufeff" + body, fmt)
    assert "\ufeff" not in doc.text
    assert block_texts(doc) == ["Title Line", "Body text."]
    assert doc.blocks[0].kind == "heading"
    assert_offsets_exact(doc)


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_crlf_positions(fmt):
    source = "Heading Here\r\n\r\nFirst sentence here. Studies show it works.\r\nNext line.\r\n"
    if fmt == "markdown":
        source = "# " + source
    doc = parse("x", source, fmt)
    assert "\r" not in doc.text
    assert_offsets_exact(doc)
    i = doc.text.index("Studies")
    line, col, _, _ = doc.position(i, i + 7)
    assert line == 3
    assert doc.line_text(3)[col - 1 :].startswith("Studies show")


def test_crlf_html_positions():
    source = "<html>\r\n<body>\r\n<p>One.\r\nStudies show it.</p>\r\n</body></html>\r\n"
    doc = parse("x.html", source, "html")
    assert_offsets_exact(doc)
    i = doc.text.index("Studies")
    assert doc.position(i, i + 7)[:2] == (4, 1)


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_curly_quotes_and_nbsp(fmt):
    body = "It’s “proven”\u00a0to work. Don’t wait."
    source = f"<p>{body}</p>" if fmt == "html" else body + "\n"
    doc = parse("x", source, fmt)
    assert_offsets_exact(doc)
    assert "“proven”" in doc.text and "It’s" in doc.text
    # the NBSP is white space in the prose (words split on it), and maps to the NBSP
    i = doc.text.index("”") + 1
    assert doc.text[i].isspace()
    assert doc.source[doc.offsets[i]] == "\u00a0"
    assert sentence_texts(doc) == [
        "It’s “proven”\u00a0to work.".replace("\u00a0", doc.text[i]),
        "Don’t wait.",
    ]


def test_format_of():
    assert format_of("a/b/page.MD") == "markdown"
    assert format_of("x.htm") == "html"
    assert format_of("notes.txt") == "text"
    assert format_of("image.png") is None
    assert format_of("README") is None
    assert format_of("x.copy", {".copy": "markdown"}) == "markdown"
