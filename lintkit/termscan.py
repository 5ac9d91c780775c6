"""Fast, exact scanning of a term list: find where a match may start, then let the terms decide.

A term list compiles to one alternation `START(?:t1|t2|...)END`. The `regex` engine has no literal
prefix to skip ahead with, so it tries every branch at every position (tens of ms per MB per
term). Instead, each term is reduced at compile time to the lower-cased first letters (up to KEY
characters) its matches must start with; a document's word starts are indexed by the same key
once; and at each word start only the terms with that key are tried, each with its own pattern,
in the alternation's order: the first that matches is the branch the alternation would take, so
the span is the same. A term led by a word-character class (`\\w`, `\\d`, `[A-Z]`) is tried at
every word start. Any other term is "wild": it is scanned on its own with `overlapped=True`, which
reports every position where it can match, and the full alternation is tried there. Together the
candidates are a superset of the match starts, so the matches are exactly `pattern.finditer`'s.
"""

from __future__ import annotations

import bisect
import heapq
from collections.abc import Iterator
from dataclasses import dataclass

import regex

KEY = 3  # characters of a word start used as its key
MAX_VARIANTS = 64  # leading-group expansions per term before it is treated as wild
_RUN = regex.compile(r"\w+", regex.VERSION0)
_ASCII_WORD = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")
_QUANT = "?*+{"
_LOOKAROUND = ("(?=", "(?!", "(?<=", "(?<!")
_GROUP = regex.compile(r"\((?:\?(?:-?i:|:|>|P<\w+>|<\w+>))?")
_SPECIAL = regex.compile(r"P[=>]|&|R\)|[+-]?\d|\(|[a-zA-Z-]+\)")
_WORD_CLASS = regex.compile(r"\\[wd]|\[(?:[A-Za-z0-9_](?:-[A-Za-z0-9_])?|\\[wd])+\]")


@dataclass(frozen=True)
class ScanPlan:
    """Per key, the terms (indices into `parts`, in alternation order) to try at a word start."""

    by_key: dict[str, tuple[int, ...]]
    parts: tuple[regex.Pattern, ...]  # START(?:term)END for every term, in alternation order
    scans: tuple[regex.Pattern, ...]  # terms without a key for every variant: searched for as written
    scan_term: tuple[int, ...]  # the index of each scanned term


@dataclass
class WordIndex:
    """Word starts of one text by key, plus starts whose first letters are not ASCII (`odd`)."""

    text: str
    by_key: dict[str, list[int]]
    odd: list[int]
    starts: list[int]


_last: list[WordIndex] = []  # one-entry cache: the index of the document being linted
_compiled: dict[tuple[str, int], regex.Pattern] = {}  # cache: term patterns shared by term lists


def word_index(text: str, timeout: float) -> WordIndex:
    """The WordIndex of `text` (cached for the most recent text)."""
    if _last and _last[0].text is text:
        return _last[0]
    by_key: dict[str, list[int]] = {}
    odd: list[int] = []
    starts: list[int] = []
    for m in _RUN.finditer(text, timeout=timeout):
        p, w = m.start(), m.group()[:KEY]
        starts.append(p)
        if w.isascii():
            by_key.setdefault(w.lower(), []).append(p)
        else:
            odd.append(p)
    _last[:] = [WordIndex(text, by_key, odd, starts)]
    return _last[0]


def plan(terms: list[str], flags: int, start: str, end: str) -> ScanPlan | None:
    """The ScanPlan of `terms`, in alternation order (each wrapped as start(?:t)end), or None.

    A term all of whose variants have a key is tried at those word starts; any other term is
    searched for as written. None when a term means something else alone (see `unsafe`)."""
    if any(unsafe(t) for t in terms):
        return None
    by_key: dict[str, set[int]] = {}
    scanned: list[int] = []
    for i, t in enumerate(terms):
        variants = _variants(t)
        keys = [_key(v) for v in variants] if variants is not None else [None]
        if all(keys):
            for k in keys:
                by_key.setdefault(k, set()).add(i)
        else:
            scanned.append(i)
    if not by_key:
        return None
    try:
        parts = tuple(_compile(f"{start}(?:{t}){end}", flags) for t in terms)
    except regex.error:
        return None
    lists = {k: tuple(sorted(v)) for k, v in by_key.items()}
    return ScanPlan(lists, parts, tuple(parts[i] for i in scanned), tuple(scanned))


def unsafe(t: str) -> bool:
    """Does `t` change meaning when compiled alone: group references or calls, conditionals,
    global inline flags, \\G or \\K? (Escapes and character classes are skipped.)"""
    i, in_class = 0, False
    while i < len(t):
        c = t[i]
        if c == "\\":
            if t[i + 1 : i + 2] in tuple("123456789gGK"):
                return True
            i += 2
            continue
        if in_class:
            in_class = c != "]" or t[i - 1] == "["
        elif c == "[":
            in_class = True
        elif c == "(" and t[i + 1 : i + 2] == "?" and _SPECIAL.match(t, i + 2):
            return True
        i += 1
    return False


def _compile(pattern: str, flags: int) -> regex.Pattern:
    key = (pattern, flags)
    if key not in _compiled:
        _compiled[key] = regex.compile(pattern, flags)
    return _compiled[key]


def finditer(
    full: regex.Pattern, sp: ScanPlan, text: str, pos: int, end: int, timeout: float
) -> Iterator[regex.Match]:
    """The matches of `full.finditer(text, pos, end)` (same spans), trying terms only where they may start.

    Keyed terms are tried at the word starts with their key; each unkeyed variant's next match at
    or after the last match's end is kept in a heap (searched for again once passed); positions
    the keys cannot vouch for (non-ASCII word starts, a word cut by `end`) get the full pattern."""
    keyed = _keyed(sp, text, pos, end, timeout)
    order = sorted(keyed)
    parts, scans = sp.parts, sp.scans
    heap = [(m.start(), n) for n, w in enumerate(scans) if (m := w.search(text, pos, end, timeout=timeout))]
    heapq.heapify(heap)
    last, k, never = pos, 0, end + 1
    while True:
        while heap and heap[0][0] < last:
            n = heapq.heappop(heap)[1]
            m = scans[n].search(text, last, end, timeout=timeout)
            if m is not None:
                heapq.heappush(heap, (m.start(), n))
        while k < len(order) and order[k] < last:
            k += 1
        p = min(order[k] if k < len(order) else never, heap[0][0] if heap else never)
        if p == never:
            return
        which = keyed.get(p, ())
        if heap and heap[0][0] == p and which is not None:
            which = tuple(sorted({*which, *(sp.scan_term[n] for s, n in heap if s == p)}))
        if which is None:
            m = full.match(text, p, end, timeout=timeout)
        else:
            m = next((x for j in which if (x := parts[j].match(text, p, end, timeout=timeout))), None)
        if m is None:  # variants may match where their term does not (lookarounds dropped)
            while heap and heap[0][0] == p:
                n = heapq.heappop(heap)[1]
                if (m := scans[n].search(text, p + 1, end, timeout=timeout)) is not None:
                    heapq.heappush(heap, (m.start(), n))
            k += k < len(order) and order[k] == p
            continue
        if m.end() == m.start():  # an empty match: leave the bookkeeping to the engine
            yield from full.finditer(text, last, end, timeout=timeout)
            return
        yield m
        last = m.end()


def _keyed(sp: ScanPlan, text: str, pos: int, end: int, timeout: float) -> dict[int, tuple[int, ...] | None]:
    """Word starts in [pos, end) with a key of the plan -> its terms; None: try the full pattern."""
    idx = word_index(text, timeout)
    out: dict[int, tuple[int, ...] | None] = {}
    whole = pos == 0 and end >= len(text)

    def span(lst: list[int]) -> list[int]:
        return lst if whole else lst[bisect.bisect_left(lst, pos) : bisect.bisect_left(lst, end)]

    for k, which in sp.by_key.items():
        lst = idx.by_key.get(k)
        if lst:
            out.update(dict.fromkeys(span(lst), which))
    out.update(dict.fromkeys(span(idx.odd)))
    if end < len(text):  # a word cut by `end` has a shorter key inside the span than in the text
        i = bisect.bisect_left(idx.starts, end) - 1
        if i >= 0 and idx.starts[i] >= pos:
            out[idx.starts[i]] = None
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
    """The key every match of `v` starts with: its first KEY letters or a whole shorter word; ""
    when it starts with some word character (tried at every word start); None if it may not."""
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
    if word:
        return ""
    m = _WORD_CLASS.match(v)
    return "" if m is not None and v[m.end() : m.end() + 1] not in ("?", "*", "{") else None


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
