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
from itertools import islice
from typing import Literal

from lintkit.checks.base import Context, Hit
from lintkit.document import Document
from lintkit.match import Terms

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
    """Yield one Hit at the first trigger when the required statement is missing. Triggers are
    counted only as far as `min_count` until the statement is known to be missing (then all of
    them, for the message): most pages that trigger a rule also have its statement."""
    text = doc.text
    triggers = opts.triggers.finditer(text)
    first = next(triggers, None)
    if first is None or not _at_least(triggers, opts.min_count - 1):
        return
    if opts.also is not None and not _at_least(opts.also.finditer(text), opts.also_min_count):
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
    count = max(opts.min_count, 1) + sum(1 for _ in triggers)
    yield Hit(first.start(), first.end(), {"match": first.group(), "count": count}, document_level=True)


def _at_least(matches: Iterator[object], n: int) -> bool:
    """Does `matches` yield at least n more items? (Takes no more than n of them.)"""
    return n <= 0 or next(islice(matches, n - 1, None), None) is not None
