"""Inline Markdown (and inline HTML inside Markdown) to text with a per-character source map."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from lintkit.document.model import TextBuilder
from lintkit.document.parts import Link

_INLINE = re.compile(
    r"(?P<code>(?P<ticks>`+).+?(?P=ticks))"
    r"|(?P<img>!\[(?P<alt>[^\]]*)\]\([^)]*\))"
    r"|(?P<link>\[(?P<ltext>(?:[^\[\]]|\[[^\]]*\])*)\]\((?P<url>[^)\s]*)(?:\s+\"[^\"]*\")?\))"
    r"|(?P<reflink>\[(?P<rtext>[^\]^][^\]]*)\]\[[^\]]*\])"
    r"|(?P<auto><(?P<aurl>(?:https?|mailto):[^>\s]+)>)"
    r"|(?P<comment><!--.*?-->)"
    r"|(?P<imgtag><img\b[^>]*?\balt\s*=\s*(?P<q>[\"'])(?P<talt>.*?)(?P=q)[^>]*>)"
    r"|(?P<htmlcode><(?P<ctag>(?i:code|kbd|samp))\b[^>]*>.*?</(?i:(?P=ctag))\s*>)"
    r"|(?P<tag></?[A-Za-z][^>]*>)"
    r"|(?P<ent>&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z]{2,8});)"
    r"|(?P<hardbr>\\\n)"
    r"|(?P<esc>\\[\\`*_{}\[\]()#+\-.!|~<>])"
    r"|(?P<emph>\*+|_+|~~)",
    re.DOTALL,
)
_OPENER = re.compile(r"[`!\[<&\\*_~]")  # the first characters of _INLINE's alternatives
_SPACE = re.compile(r"\s+")
_FOLD = re.compile(r"\s\s|[^\S ]")  # white space that folding would change


def add_inline(tb: TextBuilder, s: str, at: int, mapping: Sequence[int] | None = None) -> None:
    """Append the prose of inline Markdown `s`, whose first character is at source index `at`.

    With `mapping`, s[k] comes from source index mapping[k] instead (several source lines joined).
    """
    mp = mapping if mapping is not None else range(at, at + len(s))
    i = 0
    for m in _inline(s):
        _add_plain(tb, s[i : m.start()], mp[i : m.start()])
        i = m.end()
        if m.group("code") is not None or m.group("htmlcode") is not None:
            continue
        if m.group("img") is not None:
            _add_plain(tb, m.group("alt"), mp[m.start("alt") : m.end("alt")])
        elif m.group("link") is not None:
            start = tb.length
            add_inline(tb, m.group("ltext"), 0, mp[m.start("ltext") : m.end("ltext")])
            tb.links.append(Link(start, tb.length, m.group("url")))
        elif m.group("reflink") is not None:
            add_inline(tb, m.group("rtext"), 0, mp[m.start("rtext") : m.end("rtext")])
        elif m.group("auto") is not None:
            start = tb.length
            _add_plain(tb, m.group("aurl"), mp[m.start("aurl") : m.end("aurl")])
            tb.links.append(Link(start, tb.length, m.group("aurl")))
        elif m.group("imgtag") is not None:
            _add_plain(tb, m.group("talt"), mp[m.start("talt") : m.end("talt")])
        elif m.group("ent") is not None:
            from html import unescape  # (imported when needed: html.entities is a large table)

            char = unescape(m.group("ent"))
            tb.add(" " if char.isspace() else char, 0, [mp[m.start()]] * len(char), mp[m.end() - 1] + 1)
        elif m.group("hardbr") is not None:
            tb.add_space(mp[m.start()])
        elif m.group("esc") is not None:
            tb.add(m.group()[1], 0, mp[m.start() + 1 : m.end()])
        elif m.group("emph") is not None and not _is_delimiter(s, m.start(), m.end()):
            tb.add(m.group(), 0, mp[m.start() : m.end()])
    _add_plain(tb, s[i:], mp[i:])


def _inline(s: str) -> Iterator[re.Match[str]]:
    """`_INLINE.finditer(s)`, tried only where one of its alternatives can start (faster)."""
    i = 0
    for c in _OPENER.finditer(s):
        if c.start() >= i and (m := _INLINE.match(s, c.start())) is not None:
            yield m
            i = m.end()


def _is_delimiter(s: str, start: int, end: int) -> bool:
    """Is the run s[start:end] an emphasis delimiter (left- or right-flanking), not a literal?"""
    before = s[start - 1] if start > 0 else " "
    after = s[end] if end < len(s) else " "
    if s[start] == "_" and before.isalnum() and after.isalnum():
        return False
    return not (before.isspace() and after.isspace())


def _add_plain(tb: TextBuilder, s: str, mp: Sequence[int]) -> None:
    """Add literal text (s[k] from source index mp[k]), folding white space runs into one space."""
    if s[:1] != " " and _FOLD.search(s) is None:  # only single spaces between words: nothing to fold
        tb.add(s, 0, mp)
        return
    i = 0
    for m in _SPACE.finditer(s):
        tb.add(s[i : m.start()], 0, mp[i : m.start()])
        tb.add_space(mp[m.start()])
        i = m.end()
    tb.add(s[i:], 0, mp[i:])
