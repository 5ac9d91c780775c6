"""The document model: extracted prose, an offset map back to the source, blocks and sentences.

`Document.text` is the prose a reader sees (markup, code and URLs removed). `offsets[i]` is the
index in `source` of `text[i]`, so every finding maps back to an exact line and column of the
original file. Blocks (headings, paragraphs, list items) are separated by a blank line in `text`.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

from lintkit.document.offsetmap import OffsetMap
from lintkit.document.parts import Block, Link, Sentence


@dataclass
class Document:
    """A source file turned into prose with an exact map back to the source."""

    path: str
    source: str
    text: str
    offsets: Sequence[int]  # an OffsetMap: source ranges and arrays, not an int object a character
    blocks: list[Block]
    links: list[Link] = field(default_factory=list)
    directives: list[tuple[int, str]] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    _line_starts: list[int] = field(default_factory=list, repr=False)
    memo: dict[object, object] = field(
        default_factory=dict, repr=False, compare=False
    )  # per-document cache for checks

    def __post_init__(self) -> None:
        from lintkit.document.offsetmap import line_starts
        from lintkit.document.segment import sentence_spans

        self._line_starts = line_starts(self.source)
        if not self.sentences:
            self.sentences = [Sentence(*span) for span in sentence_spans(self.text, self.blocks)]

    def source_offset(self, i: int, end: bool = False) -> int:
        """Source index of text offset `i`; with `end`, the exclusive end after text[i-1]."""
        if end and i > 0:
            last = min(i, len(self.offsets)) - 1
            ends = getattr(self.offsets, "end", None)  # (an OffsetMap knows where an entity ends)
            return ends(last) if ends is not None else self.offsets[last] + 1
        if i >= len(self.offsets):
            return len(self.source)
        return self.offsets[i]

    def line_col(self, source_index: int) -> tuple[int, int]:
        """1-based (line, column) of a source index; columns count characters."""
        line = bisect.bisect_right(self._line_starts, source_index) - 1
        return line + 1, source_index - self._line_starts[line] + 1

    def position(self, start: int, end: int) -> tuple[int, int, int, int]:
        """(line, column, end_line, end_column) in the source of the text span [start, end)."""
        s = self.source_offset(start)
        e = self.source_offset(end, end=True) if end > start else s
        return (*self.line_col(s), *self.line_col(e))

    def line_text(self, line: int) -> str:
        """The source line `line` (1-based), without its newline."""
        start = self._line_starts[line - 1]
        stop = self._line_starts[line] if line < len(self._line_starts) else len(self.source)
        return self.source[start:stop].rstrip("\r\n")

    def block_of(self, offset: int) -> int:
        """Index of the block containing text offset `offset` (or the nearest one before it)."""
        return max(0, bisect.bisect_right(self.block_starts, offset) - 1)

    def sentence_index(self, offset: int) -> int:
        """Index of the sentence containing text offset `offset` (or the nearest before it)."""
        return max(0, bisect.bisect_right(self.sentence_starts, offset) - 1)

    @cached_property
    def block_starts(self) -> list[int]:
        """Start offsets of the blocks (computed once: blocks do not change after parsing)."""
        return [b.start for b in self.blocks]

    @cached_property
    def sentence_starts(self) -> list[int]:
        """Start offsets of the sentences, in order."""
        return [s.start for s in self.sentences]

    @cached_property
    def link_starts(self) -> list[int]:
        """Start offsets of the links, sorted (a link inside another's text is recorded first)."""
        return sorted(link.start for link in self.links)

    def has_link(self, start: int, end: int) -> bool:
        """Does a link start in the text span [start, end)?"""
        i = bisect.bisect_left(self.link_starts, start)
        return i < len(self.link_starts) and self.link_starts[i] < end


class TextBuilder:
    """Accumulates extracted text with a source index for every character."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.offsets = OffsetMap()
        self.blocks: list[Block] = []
        self.links: list[Link] = []
        self.length = 0
        self._block_start: int | None = None
        self._block_kind = "paragraph"
        self._block_level = 0
        self.region = ""  # the page-chrome region new blocks lie in ("" for the article), set by a reader
        self._block_region = ""

    def add(
        self, s: str, source_start: int, mapping: Sequence[int] | None = None, source_end: int | None = None
    ) -> None:
        """Append `s`; its characters come from source_start onward, or from `mapping` one by one.
        With `source_end`, they stand for the source up to there (an entity: `&amp;` is one `&`)."""
        if not s:
            return
        if self._block_start is None:
            self.open_block("paragraph")
        self.parts.append(s)
        self.offsets.extend(mapping if mapping is not None else range(source_start, source_start + len(s)))
        if source_end is not None:
            for k in range(self.length, self.length + len(s)):
                self.offsets.set_end(k, source_end)
        self.length += len(s)

    def add_space(self, source_index: int) -> None:
        """Append one separating space (mapped to `source_index`) unless the text already ends in one."""
        if self._block_start is None or self.length == self._block_start:
            return
        if self.parts and self.parts[-1][-1:].isspace():
            return
        self.add(" ", source_index, [source_index])

    def open_block(self, kind: str, level: int = 0) -> None:
        """Start a new block of `kind`, closing the current one."""
        self.close_block()
        self._block_start = self.length
        self._block_kind = kind
        self._block_level = level
        self._block_region = self.region

    def close_block(self) -> None:
        """Finish the current block: trim trailing spaces, record it, separate it by a blank line."""
        if self._block_start is None:
            return
        start, self._block_start = self._block_start, None
        while self.length > start and self.parts[-1][-1:].isspace():
            last = self.parts[-1]
            self.parts[-1] = last[:-1]
            self.offsets.pop()
            self.length -= 1
            if not self.parts[-1]:
                self.parts.pop()
        if self.length == start:
            return
        self.blocks.append(Block(self._block_kind, start, self.length, self._block_level, self._block_region))
        sep_at = self.offsets.end(len(self.offsets) - 1)
        self.parts.append("\n\n")
        self.offsets.extend((sep_at, sep_at))
        self.length += 2

    def build(self, path: str, source: str, directives: list[tuple[int, str]] | None = None) -> Document:
        """Close the last block and return the Document."""
        self.close_block()
        text = "".join(self.parts)
        return Document(path, source, text, self.offsets, self.blocks, self.links, directives or [])
