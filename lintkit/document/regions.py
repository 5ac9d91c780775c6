"""Page-chrome regions of an HTML page: navigation, footer, sidebar, share, related-posts, breadcrumb,
comment, cookie and newsletter boxes, recognised by element, ARIA role and class or id words.

`RegionStack` follows the open chrome elements while the tokenizer runs. A region found only by a
class or id word ("share-bar", "sidebar") that turns out to hold the article (an `article`, `main`
or `h1` inside it: a layout wrapper such as "content-with-sidebar") is cancelled, so its blocks are
article text again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

ELEMENTS = {"nav": "nav", "footer": "footer", "aside": "aside"}
ROLES = {
    "navigation": "nav",
    "contentinfo": "footer",
    "complementary": "aside",
    "banner": "header",
    "search": "widget",
}
CLASS_WORDS = {
    "share": "share",
    "sharing": "share",
    "sharedaddy": "share",
    "social": "share",
    "related": "related",
    "breadcrumb": "breadcrumb",
    "breadcrumbs": "breadcrumb",
    "comment": "comment",
    "comments": "comment",
    "respond": "comment",
    "sidebar": "aside",
    "widget": "widget",
    "cookie": "cookie",
    "consent": "cookie",
    "gdpr": "cookie",
    "newsletter": "subscribe",
    "subscribe": "subscribe",
    "signup": "subscribe",
    "menu": "nav",
    "navbar": "nav",
    "nav": "nav",
    "navigation": "nav",
    "footer": "footer",
    "masthead": "header",
    "meta": "meta",
    "byline": "meta",
    "toc": "toc",
    "tag": "meta",
    "tags": "meta",
    "category": "meta",
    "categories": "meta",
    "trending": "nav",
    "login": "nav",
    "ad": "widget",
    "ads": "widget",
    "advert": "widget",
    "advertisement": "widget",
    "sponsored": "widget",
    "promo": "widget",
    "announcement": "widget",
    "cta": "widget",
    "popup": "widget",
    "modal": "widget",
}
# class words written together with another ("jp-relatedposts", "sharebar", "commentlist")
PREFIXES = (
    "related",
    "share",
    "social",
    "comment",
    "breadcrumb",
    "newsletter",
    "cookie",
    "sidebar",
    "widget",
)
CONTENT = frozenset(["article", "main", "h1"])
VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_PARTS = re.compile(r"[-_\s]+")


def region_of(tag: str, attrs: dict[str, str | None], in_content: bool) -> tuple[str, bool]:
    """(region name or "", whether it is found by class or id words only)."""
    if tag in ELEMENTS:
        return ELEMENTS[tag], False
    if tag == "header" and not in_content:
        return "header", True  # (a page header that holds the title h1 is cancelled)
    role = (attrs.get("role") or "").strip().lower()
    if role in ROLES:
        return ROLES[role], False
    for name in (attrs.get("class") or "", attrs.get("id") or ""):
        for part in _PARTS.split(name.lower()):
            if part in CLASS_WORDS:
                return CLASS_WORDS[part], True
            pre = next((p for p in PREFIXES if part.startswith(p)), None)
            if pre is not None:
                return CLASS_WORDS.get(pre, pre if pre != "sidebar" else "aside"), True
    return "", False


@dataclass
class _Open:
    tag: str
    region: str
    ident: int
    by_class: bool
    depth: int = 0  # nested elements of the same tag inside it


@dataclass
class RegionStack:
    stack: list[_Open] = field(default_factory=list)
    cancelled: set[int] = field(default_factory=set)
    content_depth: int = 0  # open article/main elements
    count: int = 0

    @property
    def current(self) -> str:
        """The innermost open region as "name#id", or ""."""
        top = self.stack[-1] if self.stack else None
        return f"{top.region}#{top.ident}" if top else ""

    def start(self, tag: str, attrs: dict[str, str | None]) -> bool:
        """Track a start tag; True when it opens a new region (the caller closes its block first)."""
        if tag in VOID:
            return False
        if tag in CONTENT:
            for o in self.stack:
                if o.by_class:
                    self.cancelled.add(o.ident)
            if tag != "h1":
                self.content_depth += 1
        top = self.stack[-1] if self.stack else None
        name, by_class = region_of(tag, attrs, self.content_depth > 0)
        if name:
            self.count += 1
            self.stack.append(_Open(tag, name, self.count, by_class))
            return True
        if top is not None and top.tag == tag:
            top.depth += 1
        return False

    def end(self, tag: str) -> bool:
        """Track an end tag; True when it closes a region."""
        if tag in ("article", "main") and self.content_depth:
            self.content_depth -= 1
        top = self.stack[-1] if self.stack else None
        if top is None or top.tag != tag:
            return False
        if top.depth:
            top.depth -= 1
            return False
        self.stack.pop()
        return True

    def resolve(self, region: str) -> str:
        """A block's final region name: "" when its region was cancelled."""
        if not region:
            return ""
        name, _, ident = region.partition("#")
        return "" if int(ident) in self.cancelled else name
