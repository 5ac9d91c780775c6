"""Sentence segmentation over extracted text, aware of abbreviations, decimals and initials."""

from __future__ import annotations

import re

from lintkit.document.parts import Block

ABBREVIATIONS = frozenset(
    "dr mr mrs ms prof st vs etc e.g i.e inc ltd jr sr no fig figs al approx u.s a.m p.m mt dept "
    "est ca cf vol ed eds pp ph.d m.d d.o r.n jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
# A boundary candidate: terminal punctuation, optional closing quotes/brackets, then whitespace.
# Linear in a run of punctuation with no space after it: a candidate starts only where a run
# starts, and neither run is given back (possessive), so each character is looked at once.
_BOUNDARY = re.compile(r"(?<![.!?…])[.!?…]++[\"'”’)\]]*+(?=\s)")
_WORD_BEFORE = re.compile(r"([\w.]+)$")
_STARTER = re.compile(r"\s+[\"'“‘(\[]*[A-Z0-9¿¡]")


def _is_boundary(text: str, dot: int, end: int) -> bool:
    """Is the punctuation run ending at `end` (starting at `dot`) a sentence end?"""
    if not _STARTER.match(text, end):
        return False
    if text[dot] != ".":
        return True
    m = _WORD_BEFORE.search(text, max(0, dot - 12), dot)
    if not m:
        return True
    word = m.group(1).lower()
    if word in ABBREVIATIONS:
        return False
    return not (len(word) == 1 and word.isalpha() and text[dot - 1].isupper())


def sentence_spans(text: str, blocks: list[Block]) -> list[tuple[int, int, int]]:
    """(start, end, block index) of every sentence of every block; a heading is one sentence."""
    out: list[tuple[int, int, int]] = []
    for bi, block in enumerate(blocks):
        if block.kind == "heading":
            out.append((block.start, block.end, bi))
            continue
        start = block.start
        for m in _BOUNDARY.finditer(text, block.start, block.end):
            if _is_boundary(text, m.start(), m.end()):
                out.append((start, m.end(), bi))
                start = m.end()
                while start < block.end and text[start].isspace():
                    start += 1
        if start < block.end:
            out.append((start, block.end, bi))
    return out


WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d,.]*")


def words(s: str) -> list[str]:
    """The words of `s` (letters with inner apostrophes/hyphens, or numbers)."""
    return WORD.findall(s)
