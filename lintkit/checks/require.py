"""Kind `require`: when a trigger occurs, a required statement must occur too.

YAML keys:
  triggers        terms whose presence makes the statement necessary
  min_count       how many trigger matches it takes (default 1)
  also            a second condition: terms that must also occur in the document
  also_min_count  how many `also` matches it takes (default 1)
  required        the statement(s) that satisfy the rule (any one is enough)
  required_links  link targets (URLs) that also satisfy it
  within          document | paragraph: where the required statement must be, relative to the
                  first trigger (default document)
The finding points at the first trigger and is document-level.
Message fields: {match} (first trigger), {count} (trigger matches).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from lintkit.checks.base import Context, Hit
from lintkit.document import Document
from lintkit.terms import Terms

FIELDS = ("match", "count")


@dataclass(frozen=True)
class Options:
    triggers: Terms
    required: Terms
    min_count: int = 1
    also: Terms | None = None
    also_min_count: int = 1
    required_links: Terms | None = None
    within: Literal["document", "paragraph"] = "document"


def check(doc: Document, opts: Options, ctx: Context) -> Iterator[Hit]:
    """Yield one Hit at the first trigger when the required statement is missing."""
    text = doc.text
    first = None
    count = 0
    for m in opts.triggers.finditer(text):
        first = first or m
        count += 1
    if first is None or count < opts.min_count:
        return
    if opts.also is not None and opts.also.count(text) < opts.also_min_count:
        return
    a, b = 0, len(text)
    if opts.within == "paragraph":
        block = doc.blocks[doc.block_of(first.start())]
        a, b = block.start, block.end
    if opts.required.occurs(text, a, b):
        return
    if opts.required_links is not None and any(
        opts.required_links.occurs(link.url) for link in doc.links if a <= link.start < b
    ):
        return
    yield Hit(first.start(), first.end(), {"match": first.group(), "count": count}, document_level=True)
