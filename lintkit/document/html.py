"""HTML to prose blocks with the standard library's tokenizer (no recursion, so any nesting depth).

Skips script, style, head and other non-prose elements, and code (pre, code, kbd, samp: as Markdown
code is skipped); keeps image alt text; records links; marks the blocks of page-chrome regions
(nav, footer, share boxes: see regions).
"""

from __future__ import annotations

import html
import re
from dataclasses import replace
from html.parser import HTMLParser

from lintkit.document.model import Document, TextBuilder
from lintkit.document.parts import Link
from lintkit.document.regions import RegionStack

SKIP = frozenset(
    "script style noscript template head svg math iframe object embed select textarea button canvas"
    " pre code kbd samp".split()
)
HEADINGS = {f"h{n}": n for n in range(1, 7)}
BLOCKS = {
    **{h: "heading" for h in HEADINGS},
    "li": "item",
    "dt": "item",
    "dd": "item",
    "blockquote": "quote",
    "td": "cell",
    "th": "cell",
    "caption": "cell",
    "figcaption": "paragraph",
}
BREAKS = frozenset(
    "p div section article header footer nav aside main ul ol dl table tr tbody thead tfoot form "
    "fieldset address hr pre figure details summary body html center label".split()
)
_ALT = re.compile(r"""\balt\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\S+")
_ENTITY = re.compile(r"&(?:#\d{1,8}|#[xX][0-9a-fA-F]{1,8}|[A-Za-z][A-Za-z0-9]{1,31});?")


class _Extractor(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.tb = TextBuilder()
        self.skip = 0
        self.link: tuple[int, str] | None = None
        self.source = source
        self.regions = RegionStack()
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", source)]

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIP:
            if tag in BREAKS and not self.skip:  # <pre>: the text before it is a block of its own
                self.tb.close_block()
            self.skip += 1
            return
        if self.skip:
            return
        if self.regions.start(tag, dict(attrs)):
            self.tb.close_block()
            self.tb.region = self.regions.current
        if tag in BLOCKS:
            self.tb.open_block(BLOCKS[tag], HEADINGS.get(tag, 0))
        elif tag in BREAKS:
            self.tb.close_block()
        elif tag == "img":
            self._alt(self._offset())
        elif tag == "a":
            self.link = (self.tb.length, dict(attrs).get("href") or "")
        if tag == "br" and self.tb._block_start is not None:
            self.tb.add_space(self._offset())

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in SKIP:
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIP:
            self.skip = max(0, self.skip - 1)
            if tag in BREAKS and not self.skip:
                self.tb.close_block()
            return
        if self.skip:
            return
        if self.regions.end(tag):
            self.tb.close_block()
            self.tb.region = self.regions.current
        if tag in BLOCKS or tag in BREAKS:
            self.tb.close_block()
        elif tag == "a" and self.link is not None:
            start, url = self.link
            if self.tb.length > start:
                self.tb.links.append(Link(start, self.tb.length, url))
            self.link = None

    def _alt(self, at: int) -> None:
        raw = self.get_starttag_text() or ""
        m = _ALT.search(raw)
        if not m:
            return
        g = next(k for k in (1, 2, 3) if m.group(k) is not None)
        base = at + m.start(g)
        chars: list[str] = []
        where: list[int] = []
        i = 0
        for e in _ENTITY.finditer(m.group(g)):  # decode references, keeping each char's source index
            chars += m.group(g)[i : e.start()]
            where += range(base + i, base + e.start())
            value = html.unescape(e.group())
            chars += value
            where += [base + e.start()] * len(value)
            i = e.end()  # (alt text: a word's end is found from `where`, one past its last start)
        chars += m.group(g)[i:]
        where += range(base + i, base + len(m.group(g)))
        words = [w.span() for w in _WORD.finditer("".join(chars))]
        if not words:
            return
        self.tb.add_space(at)
        for k, n in words:
            self.tb.add_space(where[k])
            self.tb.add("".join(chars[k:n]), 0, where[k:n])
        self.tb.add_space(at + len(raw) - 1)

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        at = self._offset()
        if "&" in data:  # (only the tail of a page cut short: HTMLParser hands it over raw at close)
            self._decoded(data, at)
        else:
            self._plain(data, at)

    def _decoded(self, data: str, at: int) -> None:
        """`data` with its character references decoded, each standing for its whole source."""
        i = 0
        for e in _ENTITY.finditer(data):
            self._plain(data[i : e.start()], at + i)
            self._reference(e.group(), at + e.start(), len(e.group()))
            i = e.end()
        self._plain(data[i:], at + i)

    def _plain(self, data: str, at: int) -> None:
        i = 0
        for m in _SPACE.finditer(data):
            self.tb.add(data[i : m.start()], at + i)
            self.tb.add_space(at + m.start())
            i = m.end()
        self.tb.add(data[i:], at + i)

    def _char(self, raw: str) -> None:
        if self.skip:
            return
        at = self._offset()
        written = len(raw) if self.source.startswith(raw, at) else len(raw) - 1  # (the `;` is optional)
        self._reference(raw, at, written)

    def _reference(self, raw: str, at: int, length: int) -> None:
        """The character reference `raw`, written as the `length` source characters at `at`."""
        char = html.unescape(raw)
        if char == raw:  # not a character reference ("Q&A", "&foo;"): the text as written
            self.tb.add(raw[:length], at)
        elif char.isspace():
            self.tb.add_space(at)
        else:
            self.tb.add(char, at, [at] * len(char), at + length)

    def handle_entityref(self, name: str) -> None:
        self._char(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self._char(f"&#{name};")


def parse(path: str, source: str) -> Document:
    """Build a Document from HTML."""
    ex = _Extractor(source)
    ex.feed(source)
    ex.close()
    doc = ex.tb.build(path, source)
    doc.blocks[:] = [replace(b, region=ex.regions.resolve(b.region)) if b.region else b for b in doc.blocks]
    return doc
