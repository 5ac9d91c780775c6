"""Fast, exact scanning of a term list: find where a match may start, then let the pattern decide.

A term list compiles to one alternation `(?<![\\w])(?:t1|t2|...)(?![\\w])`. The `regex` engine
has no literal prefix to skip ahead with, so it tries every branch at every position (tens of ms
per MB per term). Instead, each term is reduced at compile time to the lower-cased first letters
(up to KEY characters) its matches must start with; a document's word starts are indexed by the
same key once; and the alternation is then only tried, with `match`, at those word starts, in
order. A term whose start cannot be read off (a class, `\\d`, a leading non-word character) is
"wild": it is scanned on its own with `overlapped=True`, which reports every position where it
can match. The candidate positions are thus a superset of the match starts, and trying the full
pattern at each of them, in order, yields exactly the matches `pattern.finditer` yields.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass

import regex

KEY = 3  # characters of a word start used as its key
MAX_VARIANTS = 64  # leading-group expansions per term before it is treated as wild
_WORD = regex.compile(r"(?<![\w])\w{1,%d}" % KEY, regex.VERSION0)
_ASCII_WORD = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")
_QUANT = "?*+{"
_LOOKAROUND = ("(?=", "(?!", "(?<=", "(?<!")
_GROUP = regex.compile(r"\((?:\?(?:-?i:|:|>|P<\w+>|<\w+>))?")


@dataclass(frozen=True)
class ScanPlan:
    """Keys every match of a term list starts with, and the terms that have no key (`wild`)."""

    keys: frozenset[str]
    wild: tuple[regex.Pattern, ...]


@dataclass
class WordIndex:
    """Word starts of one text by key, plus starts whose first letters are not ASCII (`odd`)."""

    text: str
    by_key: dict[str, list[int]]
    odd: list[int]
    starts: list[int]


_last: list[WordIndex] = []  # one-entry cache: the index of the document being linted


def word_index(text: str, timeout: float) -> WordIndex:
    """The WordIndex of `text` (cached for the most recent text)."""
    if _last and _last[0].text is text:
        return _last[0]
    by_key: dict[str, list[int]] = {}
    odd: list[int] = []
    starts: list[int] = []
    for m in _WORD.finditer(text, timeout=timeout):
        p, w = m.start(), m.group()
        starts.append(p)
        if w.isascii():
            by_key.setdefault(w.lower(), []).append(p)
        else:
            odd.append(p)
    _last[:] = [WordIndex(text, by_key, odd, starts)]
    return _last[0]


def plan(terms: list[str], flags: int) -> ScanPlan | None:
    """The ScanPlan of safe `terms` (compiled with `flags`), or None when a key cannot help."""
    keys: set[str] = set()
    wild: list[str] = []
    for t in terms:
        variants = _variants(t)
        if variants is None:
            wild.append(t)
            continue
        for v in variants:
            k = _key(v)
            if k is None:
                wild.append(v)
            else:
                keys.add(k)
    if not keys:
        return None
    try:
        compiled = tuple(regex.compile(rf"(?:(?<!\w)|(?!\w))(?:{w})(?:(?!\w)|(?<!\w))", flags) for w in dict.fromkeys(wild))
    except regex.error:
        return None
    return ScanPlan(frozenset(keys), compiled)


def finditer(full: regex.Pattern, sp: ScanPlan, text: str, pos: int, end: int, timeout: float) -> Iterator[regex.Match]:
    """Exactly `full.finditer(text, pos, end)`, trying `full` only where a match may start."""
    last = pos
    for p in candidates(sp, text, pos, end, timeout):
        if p < last:
            continue
        m = full.match(text, p, end, timeout=timeout)
        if m is None:
            continue
        if m.end() == m.start():  # an empty match: leave the bookkeeping to the engine
            yield from full.finditer(text, last, end, timeout=timeout)
            return
        yield m
        last = m.end()


def candidates(sp: ScanPlan, text: str, pos: int, end: int, timeout: float) -> list[int]:
    """Sorted positions in [pos, end) where a match of the term list may start."""
    idx = word_index(text, timeout)
    out: list[int] = []
    whole = pos == 0 and end >= len(text)
    for k in sp.keys:
        lst = idx.by_key.get(k)
        if lst:
            out.extend(lst if whole else lst[bisect.bisect_left(lst, pos) : bisect.bisect_left(lst, end)])
    odd = idx.odd
    out.extend(odd if whole else odd[bisect.bisect_left(odd, pos) : bisect.bisect_left(odd, end)])
    if end < len(text):  # a word cut by `end` has a shorter key inside the span than in the text
        i = bisect.bisect_left(idx.starts, end) - 1
        if i >= 0 and idx.starts[i] >= pos:
            out.append(idx.starts[i])
    for w in sp.wild:
        out.extend(m.start() for m in w.finditer(text, pos, end, overlapped=True, timeout=timeout))
    out = sorted(set(out))
    return out


def _variants(t: str) -> list[str] | None:
    """`t` with leading groups distributed: `(?:a|b)?c` -> [`ac`, `bc`, `c`]; None if too many."""
    done: list[str] = []
    todo = _split(t)
    while todo:
        v = _skip_lookarounds(todo.pop())
        if v is None:
            return None
        g = _GROUP.match(v)
        if not v.startswith("(") or g is None or g.end() == 1 and v.startswith("(?"):
            done.append(v)
        else:
            close = _close(v, 0)
            if close is None:
                return None
            body, rest = v[g.end() : close], v[close + 1 :]
            optional = rest[:1] == "?"
            if optional:  # `?`, lazy `??` or possessive `?+`: the group may be absent
                rest = rest[2:] if rest[1:2] in ("?", "+") and rest[1:2] else rest[1:]
            elif _is_quant(rest[:1]):
                return None
            todo.extend(alt + rest for alt in _split(body))
            if optional:
                todo.append(rest)
        if len(done) + len(todo) > MAX_VARIANTS:
            return None
    return done


def _skip_lookarounds(v: str) -> str | None:
    """Drop zero-width lookarounds at the start of `v` (they only narrow the matches)."""
    while v.startswith(_LOOKAROUND):
        close = _close(v, 0)
        if close is None:
            return None
        v = v[close + 1 :]
    return v


def _key(v: str) -> str | None:
    """The key every match of `v` starts with: its first KEY letters, or a whole shorter word."""
    word = ""
    i = 0
    while i < len(v) and len(word) < KEY:
        c = v[i]
        nxt = v[i + 1 : i + 2]
        if c in _ASCII_WORD and not _is_quant(nxt):
            word += c.lower()
            i += 1
            continue
        if word and not _is_quant(v[i + 2 : i + 3] if c == "\\" else nxt) and _non_word(v, i):
            return word  # a complete word: a non-word character must follow
        break
    if len(word) >= KEY or (word and i >= len(v)):
        return word
    return None


def _is_quant(c: str) -> bool:
    return c != "" and c in _QUANT


def _non_word(v: str, i: int) -> bool:
    """Does v[i] (not followed by a quantifier) certainly match one non-word character?"""
    c = v[i]
    if c == "\\":
        e = v[i + 1 : i + 2]
        return e in ("s", "W") or (e != "" and not e.isalnum() and e != "_")
    return c in " -'’,:;!/&" or c == '"'


def _close(s: str, i: int) -> int | None:
    """Index of the parenthesis closing the one at s[i] (escapes and classes skipped)."""
    depth = 0
    in_class = False
    j = i
    while j < len(s):
        c = s[j]
        if c == "\\":
            j += 2
            continue
        if in_class:
            in_class = c != "]" or s[j - 1] == "["
        elif c == "[":
            in_class = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return j
        j += 1
    return None


def _split(body: str) -> list[str]:
    """Top-level alternatives of a group body."""
    out, depth, start, j, in_class = [], 0, 0, 0, False
    while j < len(body):
        c = body[j]
        if c == "\\":
            j += 2
            continue
        if in_class:
            in_class = c != "]" or body[j - 1] == "["
        elif c == "[":
            in_class = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            out.append(body[start:j])
            start = j + 1
        j += 1
    out.append(body[start:])
    return out
