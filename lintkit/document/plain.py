"""Plain text to prose blocks.

Real extracted pages come in two shapes: paragraphs separated by blank lines, or one paragraph per
line with headings as short lines without end punctuation. A line break starts a new block unless it
is a soft wrap (the line before does not end a sentence and the next line starts in lower case).
"""

from __future__ import annotations

import re

from lintkit.document.model import Document, TextBuilder

_BULLET = re.compile(r"^\s*(?:[-*•◦▪‣+]|\d{1,3}[.)])\s+")
_END_PUNCT = tuple('.!?:;"”’)')
_HEADING_END = tuple(".!,;")


def looks_like_heading(line: str) -> bool:
    """A short line without sentence-ending punctuation (or a short title-case question)."""
    words = line.split()
    if not words or len(words) > 14 or line.endswith(_HEADING_END):
        return False
    if line.endswith("?"):
        caps = sum(1 for w in words if w[:1].isupper())
        return caps >= 0.6 * len(words)
    return True


def parse(path: str, source: str) -> Document:
    """Build a Document from plain text."""
    tb = TextBuilder()
    from lintkit.document.offsetmap import source_lines

    prev: str | None = None
    for start, line in source_lines(source):
        stripped = line.strip()
        if not stripped:
            tb.close_block()
            prev = None
            continue
        lead = len(line) - len(line.lstrip())
        bullet = _BULLET.match(line)
        soft = prev is not None and not prev.endswith(_END_PUNCT) and stripped[0].islower() and not bullet
        if soft:
            if tb._block_kind == "heading":  # a short first line that wraps on is a paragraph
                tb._block_kind = "paragraph"
            tb.add(" ", start + lead - 1 if lead else start, [start + lead - 1 if lead else start])
        elif bullet:
            tb.open_block("item")
            lead = bullet.end()
        else:
            tb.open_block("heading" if looks_like_heading(stripped) else "paragraph", 2)
        content = line[lead:].rstrip()
        _add_line(tb, content, start + lead)
        prev = stripped
    return tb.build(path, source)


def _add_line(tb: TextBuilder, content: str, at: int) -> None:
    """Add a line, folding runs of white space (NBSP included) into single spaces."""
    i = 0
    for m in re.finditer(r"\s{2,}|[\u00a0\t]", content):
        tb.add(content[i : m.start()], at + i)
        tb.add(" ", at + m.start(), [at + m.start()])
        i = m.end()
    tb.add(content[i:], at + i)
