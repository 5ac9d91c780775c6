"""Fuzzing the readers and the whole check path (hypothesis, bounded): no exception, every
position inside the source, every span's source text what it flags (issue 18)."""

from __future__ import annotations

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from lintkit import rules as rulesmod  # noqa: E402
from lintkit.document.offsetmap import line_starts  # noqa: E402
from lintkit.document.readers import parse  # noqa: E402
from lintkit.rules import cached  # noqa: E402

PIECES = [
    "miracle cure",
    "100% of patients",
    "1,000 people",
    "FDA approved",
    "Clinical trials show",
    "cures cancer",
    "guaranteed",
    "(NIMH, 2021)",
    "https://a.example/x",
    "e.g.",
    "Dr.",
    "3.5",
    " ",
    "  ",
    "\n",
    "\r",
    "\r\n",
    "\n\n",
    "\t",
    "\x1b",
    "\u00a0",
    "\u2026",
    "\u202e",
    "é",
    "\U0001f600",
    ".",
    "...",
    "!",
    "?",
    ",",
    ";",
    ":",
    '"',
    "'",
    "(",
    ")",
    "[",
    "]",
    "*",
    "_",
    "`",
    "```",
    "#",
    "## ",
    "> ",
    "- ",
    "1. ",
    "|",
    "---",
    "<",
    ">",
    "&",
    "&amp;",
    "&#x41;",
    "&#99999999;",
    "&nbsp",
    "<p>",
    "</p>",
    "<b>",
    "<script>",
    "</script>",
    "<a href='x'>",
    "</a>",
    "<!--",
    "-->",
    "<br/>",
    "<h1>",
    "</h1>",
    "<li>",
    "word",
    "Word",
    "the",
    "and",
]
SOURCES = st.one_of(
    st.lists(st.sampled_from(PIECES), max_size=60).map("".join),
    st.text(max_size=200),
)
FORMATS = st.sampled_from(["text", "markdown", "html"])
BOUNDED = settings(
    max_examples=300, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)


def check_doc(source: str, doc) -> None:
    assert len(doc.offsets) == len(doc.text)
    for i, j in enumerate(doc.offsets):
        assert 0 <= j <= len(source)  # (a block's closing separator maps to the end of its source)
        if j < len(source) and doc.text[i].isalnum():
            assert doc.text[i] == source[j] or source[j] == "&", (i, j)  # (or an entity's start)
    for s in doc.sentences:
        assert 0 <= s.start <= s.end <= len(doc.text)


@BOUNDED
@given(source=SOURCES, fmt=FORMATS)
def test_readers_map_every_character_into_the_source(source, fmt):
    doc = parse("fuzz", source, fmt)
    check_doc(source, doc)


@pytest.fixture(scope="module")
def default_rules(tmp_path_factory):
    mp = pytest.MonkeyPatch()
    mp.setenv("LINTKIT_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    mp.delenv("LINTKIT_NO_CACHE", raising=False)
    rules = cached.load_rules([rulesmod.default_rules_dir()])
    yield rules
    mp.undo()


def test_the_whole_check_path_on_fuzzed_documents(default_rules):
    from lintkit.app.parallel import lint_source

    @settings(max_examples=300, deadline=None, derandomize=True)
    @given(source=SOURCES, fmt=FORMATS)
    def run(source, fmt):
        findings, doc = lint_source("fuzz", fmt, default_rules, None, source)
        starts = line_starts(source)
        for f in findings:
            assert 1 <= f.line <= f.end_line <= len(starts)
            start = starts[f.line - 1] + f.column - 1
            end = starts[f.end_line - 1] + f.end_column - 1
            assert 0 <= start <= end <= len(source), f
            assert 0 <= f.start <= f.end <= len(doc.text), f
            if not f.document_level:
                assert doc.source_offset(f.start) == start, f
                assert doc.position(f.start, f.end) == (f.line, f.column, f.end_line, f.end_column)
                assert f.snippet == doc.text[f.start : f.end]
                for i in range(f.start, f.end):  # every character flagged comes from the span
                    assert start <= doc.offsets[i] < max(end, start + 1), (f, i)

    run()
