"""The pieces of a Document: blocks of prose, sentences and links (offsets into Document.text)."""

from __future__ import annotations

from dataclasses import dataclass

BLOCK_KINDS = ("heading", "paragraph", "item", "quote", "cell", "alt")


@dataclass(frozen=True)
class Block:
    """A run of prose: `kind` is one of BLOCK_KINDS; `start`/`end` are offsets into Document.text."""

    kind: str
    start: int
    end: int
    level: int = 0
    region: str = ""  # set by a reader when the block lies in page chrome (HTML nav, footer, share box)


@dataclass(frozen=True)
class Sentence:
    """A sentence: offsets into Document.text and the index of its block."""

    start: int
    end: int
    block: int


@dataclass(frozen=True)
class Link:
    """A hyperlink: the span of its visible text in Document.text and its target."""

    start: int
    end: int
    url: str
