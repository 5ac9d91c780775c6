"""Markdown to prose blocks: headings, paragraphs, list items, quotes and table cells.

Code (fenced, indented, inline, and raw HTML `<pre>`, `<script>`, `<style>`, `<textarea>` blocks and
inline `<code>`, `<kbd>`, `<samp>`), front matter, link-reference definitions and HTML comments are
skipped; link text and image alt text are kept; link targets are recorded as Document.links.
"""

from __future__ import annotations

import re

from lintkit.document.inline import add_inline
from lintkit.document.model import Document, TextBuilder

_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_ATX = re.compile(r"^\s{0,3}(#{1,6})(?:[ \t]+|$)(.*?)(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_RULE = re.compile(r"^\s{0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_QUOTE = re.compile(r"^\s{0,3}>[ ]?")
_ITEM = re.compile(r"^(\s*)(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)")
_REFDEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S")
_TABLE_SEP = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_COMMENT_OPEN = re.compile(r"^\s{0,3}<!--")
_CELL = re.compile(r"[^|]+")
# CommonMark's HTML block of type 1: it runs to the line holding the closing tag, blank lines and all.
_RAW_OPEN = re.compile(r"^ {0,3}<(?:pre|script|style|textarea)(?:\s|>|$)", re.I)
_RAW_CLOSE = re.compile(r"</(?:pre|script|style|textarea)\s*>", re.I)


def _lines(source: str) -> list[tuple[int, str]]:
    from lintkit.document.offsetmap import source_lines

    return source_lines(source)


class _Builder(TextBuilder):
    """A TextBuilder that holds the lines of a paragraph, item or quote until the block ends, so
    inline markup (links, emphasis, comments) may span line breaks."""

    def __init__(self) -> None:
        super().__init__()
        self.pending: list[tuple[str, int]] = []

    def add_line(self, s: str, at: int) -> None:
        """Queue one line of the open block; `at` is the source index of s[0]."""
        self.pending.append((s, at))

    def flush(self) -> None:
        """Add the queued lines as one inline run, each line break mapped to the end of its line."""
        lines, self.pending = self.pending, []
        if not lines:
            return
        if len(lines) == 1:  # (most blocks: the source positions are one range, no list to build)
            add_inline(self, *lines[0])
            return
        parts: list[str] = []
        mapping: list[int] = []
        end = 0
        for k, (s, at) in enumerate(lines):
            if k:
                parts.append("\n")
                mapping.append(end)
            parts.append(s)
            mapping.extend(range(at, at + len(s)))
            end = at + len(s)
        add_inline(self, "".join(parts), 0, mapping)

    def open_block(self, kind: str, level: int = 0) -> None:
        self.flush()
        super().open_block(kind, level)

    def close_block(self) -> None:
        self.flush()
        super().close_block()


def parse(path: str, source: str) -> Document:
    """Build a Document from Markdown."""
    tb = _Builder()
    lines = _lines(source)
    i, n = 0, len(lines)
    if lines and lines[0][1].strip() == "---":  # front matter
        j = next((k for k in range(1, n) if lines[k][1].strip() in ("---", "...")), None)
        if j is not None:
            i = j + 1
    fence: str | None = None
    current: str | None = None  # kind of the open block: paragraph, item, quote, cell
    prev_blank = True
    while i < n:
        at, line = lines[i]
        i += 1
        if fence is not None:
            closing = line.strip()
            if closing.startswith(fence) and not closing.strip(fence[0]):
                fence = None
            continue
        m = _FENCE.match(line)
        if m:
            tb.close_block()
            current, fence = None, m.group(1)
            continue
        if not line.strip():
            tb.close_block()
            current, prev_blank = None, True
            continue
        if _RAW_OPEN.match(line):
            tb.close_block()
            current = None
            while not _RAW_CLOSE.search(line) and i < n:
                line = lines[i][1]
                i += 1
            continue
        if _COMMENT_OPEN.match(line) and "-->" not in line:
            while i < n and "-->" not in lines[i - 1][1]:
                i += 1
            continue
        if prev_blank and current is None and (line.startswith("    ") or line.startswith("\t")):
            continue  # indented code block
        prev_blank = False
        q = _QUOTE.match(line)
        quoted = False
        while q:  # strip (nested) blockquote markers
            at, line, quoted = at + q.end(), line[q.end() :], True
            q = _QUOTE.match(line)
        if m := _ATX.match(line):
            tb.open_block("heading", len(m.group(1)))
            add_inline(tb, m.group(2), at + m.start(2))
            tb.close_block()
            current = None
            continue
        if _RULE.match(line) and not (current and _SETEXT.match(line)):
            tb.close_block()
            current = None
            continue
        if _REFDEF.match(line):
            continue
        if "|" in line and i < n and _TABLE_SEP.match(lines[i][1]) or current == "cell" and "|" in line:
            if _TABLE_SEP.match(line):
                continue
            for c in _CELL.finditer(line):
                if c.group().strip():
                    tb.open_block("cell")
                    lead = len(c.group()) - len(c.group().lstrip())
                    add_inline(tb, c.group().strip(), at + c.start() + lead)
            current = "cell"
            continue
        if current == "paragraph" and (s := _SETEXT.match(line)):
            _retag_heading(tb, 1 if s.group(1)[0] == "=" else 2)
            current = None
            continue
        if m := _ITEM.match(line):
            tb.open_block("item")
            current = "item"
            tb.add_line(line[m.end() :].strip(), at + m.end() + _lead(line[m.end() :]))
            continue
        kind = "quote" if quoted else "paragraph"
        if current not in ("paragraph", "item", "quote"):
            tb.open_block(kind)
            current = kind
        tb.add_line(line.strip(), at + _lead(line))
    return tb.build(path, source)


def _lead(s: str) -> int:
    return len(s) - len(s.lstrip())


def _retag_heading(tb: _Builder, level: int) -> None:
    """Turn the open paragraph into a heading (setext underline seen)."""
    tb._block_kind, tb._block_level = "heading", level
    tb.close_block()
