"""Inline Markdown (and inline HTML inside Markdown) to text with a per-character source map."""

from __future__ import annotations

import html
import re

from lintkit.document import Link, TextBuilder

_INLINE = re.compile(
    r"(?P<code>(?P<ticks>`+).+?(?P=ticks))"
    r"|(?P<img>!\[(?P<alt>[^\]]*)\]\([^)]*\))"
    r"|(?P<link>\[(?P<ltext>(?:[^\[\]]|\[[^\]]*\])*)\]\((?P<url>[^)\s]*)(?:\s+\"[^\"]*\")?\))"
    r"|(?P<reflink>\[(?P<rtext>[^\]^][^\]]*)\]\[[^\]]*\])"
    r"|(?P<auto><(?P<aurl>(?:https?|mailto):[^>\s]+)>)"
    r"|(?P<comment><!--.*?-->)"
    r"|(?P<imgtag><img\b[^>]*?\balt\s*=\s*(?P<q>[\"'])(?P<talt>.*?)(?P=q)[^>]*>)"
    r"|(?P<tag></?[A-Za-z][^>]*>)"
    r"|(?P<ent>&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z]{2,8});)"
    r"|(?P<esc>\\[\\`*_{}\[\]()#+\-.!|~<>])"
    r"|(?P<emph>\*+|_+|~~)",
    re.DOTALL,
)
_SPACE = re.compile(r"\s+")


def add_inline(tb: TextBuilder, s: str, at: int) -> None:
    """Append the prose of inline Markdown `s`, whose first character is at source index `at`."""
    i = 0
    for m in _INLINE.finditer(s):
        _add_plain(tb, s[i : m.start()], at + i)
        i = m.end()
        if m.group("code") is not None:
            continue
        if m.group("img") is not None:
            _add_plain(tb, m.group("alt"), at + m.start("alt"))
        elif m.group("link") is not None:
            start = tb.length
            add_inline(tb, m.group("ltext"), at + m.start("ltext"))
            tb.links.append(Link(start, tb.length, m.group("url")))
        elif m.group("reflink") is not None:
            add_inline(tb, m.group("rtext"), at + m.start("rtext"))
        elif m.group("auto") is not None:
            start = tb.length
            _add_plain(tb, m.group("aurl"), at + m.start("aurl"))
            tb.links.append(Link(start, tb.length, m.group("aurl")))
        elif m.group("imgtag") is not None:
            _add_plain(tb, m.group("talt"), at + m.start("talt"))
        elif m.group("ent") is not None:
            char = html.unescape(m.group("ent"))
            tb.add(" " if char.isspace() else char, at + m.start(), [at + m.start()] * len(char))
        elif m.group("esc") is not None:
            tb.add(m.group()[1], at + m.start() + 1)
        elif m.group("emph") is not None and not _is_delimiter(s, m.start(), m.end()):
            tb.add(m.group(), at + m.start())
    _add_plain(tb, s[i:], at + i)


def _is_delimiter(s: str, start: int, end: int) -> bool:
    """Is the run s[start:end] an emphasis delimiter (left- or right-flanking), not a literal?"""
    before = s[start - 1] if start > 0 else " "
    after = s[end] if end < len(s) else " "
    if s[start] == "_" and before.isalnum() and after.isalnum():
        return False
    return not (before.isspace() and after.isspace())


def _add_plain(tb: TextBuilder, s: str, at: int) -> None:
    """Add literal text, folding white space runs (including newlines) into one space."""
    i = 0
    for m in _SPACE.finditer(s):
        tb.add(s[i : m.start()], at + i)
        tb.add_space(at + m.start())
        i = m.end()
    tb.add(s[i:], at + i)
