"""Kind `chrome`: a block that is website furniture, not article text, recognised by its build.

Article prose is made of sentences; headings are short capitalised titles. Chrome left in a copied or
scraped page is neither, and it has a shape of its own. A block is chrome when it is
  marked    inside a page region the reader marked as chrome (HTML `nav`, `footer`, `aside`, a
            share, related-posts, breadcrumb, comment, cookie or newsletter box, image alt text);
  code      script or style code: three or more kinds of code syntax (`;` `{}` ` = ` `()` `=>`,
            camelCase names, `object.member` calls);
  a widget  a short line that is not a sentence and opens with a widget cue (`cues`: watch, listen,
            read more, also read, see also) followed by a title, a colon or another interface word,
            or a "label: action" line whose label or action is all interface words ("Audio version:
            Listen Now");
  interface a short line made only of interface words (`interface`: login, share, top, page, menu,
            index) and function words ("top of page", "Currently set to Index");
  a nav bar a run of words with no sentence punctuation, mostly capitalised, with three or more
            interface words or a phone number ("Patient Login Become a Patient 813-... News About");
  a credit  an image credit: a short line, or one in parentheses, that opens with a credit word or
            names a stock library (`credits`: via, photo by, shutterstock);
  a caption a short lower-case fragment on its own line (image alt text: "purple melatonin pills"),
            not a list item;
  a counter a short capitalised line ending in a zero-padded number (a slider's "Our Clinic 02").
YAML keys: `interface`, `cues`, `credits`, `stopwords` (word vocabularies), `max_words` (longest
line judged as a widget, default 16). Message fields: {what}, {match}.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lintkit.checks.base import Context, Hit
from lintkit.document import Block, Document
from lintkit.document.units import excerpt
from lintkit.schema.vocab import Tokens, Words, tokens

FIELDS = ("what", "match")

_CODE = (
    re.compile(r";\s*(?:$|\S)"),
    re.compile(r"[{}]"),
    re.compile(r"\w\s*={1,3}\s*[\w'\"(\[]"),
    re.compile(r"\w\(\)"),
    re.compile(r"=>"),
    re.compile(r"\b[a-z]+[A-Z][a-z]\w*"),
    re.compile(r"\b[A-Za-z_]\w*\.[A-Za-z_]\w*\("),
)
_PHONE = re.compile(r"(?<!\d)(?:\+?1[ .-]?)?\(?\d{3}\)?[ .-]\d{3}[ .-]\d{4}(?!\d)")
_SENTENCE_END = frozenset(".!?")
_COUNTER = re.compile(r"\b0\d\s*$")
_FRAGMENT = re.compile(r"[a-z][a-z' -]*")
_FUNCTION = frozenset(
    """a an the of to in on at for with and or by from it its this that is are be you your our us we me
    my here there now more all""".split()
)


@dataclass(frozen=True)
class Options:
    interface: Words
    cues: Words
    credits: Words
    stopwords: Words | None = None
    max_words: int = 16


def check(doc: Document, opts: Options, ctx: Context) -> Iterator[Hit]:
    """Yield one Hit per chrome block (a run of marked blocks of one region is one Hit)."""
    blocks = doc.blocks
    i = 0
    while i < len(blocks):
        b = blocks[i]
        if b.region:
            j = i
            while j + 1 < len(blocks) and blocks[j + 1].region == b.region:
                j += 1
            yield _hit(doc, b.start, blocks[j].end, _REGIONS.get(b.region, "page furniture"))
            i = j + 1
            continue
        what = _judge(doc.text[b.start : b.end], b, opts)
        if what:
            yield _hit(doc, b.start, b.end, what)
        i += 1


_REGIONS = {
    "nav": "navigation menu",
    "footer": "page footer",
    "aside": "sidebar",
    "header": "site header",
    "share": "share buttons",
    "related": "related-posts list",
    "breadcrumb": "breadcrumb trail",
    "comment": "comment form",
    "cookie": "cookie notice",
    "subscribe": "newsletter box",
    "alt": "image alt text",
    "caption": "image caption",
    "widget": "page widget",
}


def _hit(doc: Document, start: int, end: int, what: str) -> Hit:
    text = doc.text[start:end]
    start += len(text) - len(text.lstrip())
    end -= len(text) - len(text.rstrip())
    return Hit(start, end, {"what": what, "match": excerpt(doc.text[start:end])})


def _judge(text: str, block: Block, opts: Options) -> str | None:
    if sum(1 for p in _CODE if p.search(text)) >= 3:
        return "script code"
    if len(text) > 400:
        return None
    toks = tokens(text)
    n = len(toks)
    if n == 0:
        return None
    sentence = text.rstrip()[-1:] in _SENTENCE_END or any(
        c in _SENTENCE_END and text[k + 1 : k + 2] == " " for k, c in enumerate(text)
    )
    if not sentence and n >= 5 and _nav_bar(text, toks, opts):
        return "navigation bar"
    if sentence and not text.rstrip().endswith("?") or n > opts.max_words:
        return None
    caps = _capitalised(text)
    covered = _covered(opts.interface.hits(toks))
    if _credit(text, toks, opts):
        return "image credit"
    cue = opts.cues.hits(toks).get(0, 0)
    if cue and n > cue and (":" in text or caps >= 0.5 or any(k >= cue for k in covered)):
        return "media or related-link widget"
    if ":" in text and not sentence:
        label, _, action = text.partition(":")
        if _all_interface(tokens(label), opts) or _all_interface(tokens(action), opts):
            return "media or related-link widget"
    if not sentence and n <= 10 and covered and all(k in covered or _minor(toks.lows[k]) for k in range(n)):
        return "interface text"
    if block.kind != "item" and 2 <= n <= 8 and _FRAGMENT.fullmatch(text.strip()):
        return "image alt text or caption"
    if not sentence and n <= 8 and caps >= 0.6 and _COUNTER.search(text):
        return "slider or section counter"
    return None


def _covered(hits: dict[int, int]) -> set[int]:
    return {k for at, size in hits.items() for k in range(at, at + size)}


def _minor(low: str) -> bool:
    return low in _FUNCTION or low.isdigit()


def _all_interface(toks: Tokens, opts: Options) -> bool:
    covered = _covered(opts.interface.hits(toks))
    return bool(covered) and all(k in covered or _minor(toks.lows[k]) for k in range(len(toks)))


def _capitalised(text: str) -> float:
    """The share of the words that start with a capital or a digit."""
    words = text.split()
    return sum(1 for w in words if w[:1].isupper() or w[:1].isdigit()) / len(words)


def _nav_bar(text: str, toks: Tokens, opts: Options) -> bool:
    if _capitalised(text) < 0.7:
        return False
    return len(opts.interface.hits(toks)) >= 3 or bool(_PHONE.search(text))


def _credit(text: str, toks: Tokens, opts: Options) -> bool:
    hits = opts.credits.hits(toks)
    if not hits or len(toks) > 8:
        return False
    stripped = text.strip()
    return 0 in hits or (stripped.startswith("(") and stripped.endswith(")")) or len(toks) <= 4
