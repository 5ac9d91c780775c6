"""Fast, exact scanning of a term list: find where a match may start, then let the terms decide.

A term list compiles to one alternation `START(?:t1|t2|...)END`. The `regex` engine has no literal
prefix to skip ahead with, so it tries every branch at every position (tens of ms per MB per term).
Instead (see termparse), each term's variants are reduced at compile time to the key their matches
must start with: the whole first word when a non-word character must follow it, else its first
KEY letters. A document's word starts are indexed by both keys once; at a word start only the
terms with its key are tried, each with its own pattern, in the alternation's order (after a check
of their literal start), so the first that matches is the branch the alternation would take and
the span is the same. A term without a key for every variant is searched for as written (a heap
keeps each one's next match); a word start with non-ASCII letters, or cut by the end of the span,
gets the whole alternation. The positions tried are a superset of where matches start, so the
matches found are exactly those of `pattern.finditer` (tests/test_fast_path.py checks this).
"""

from __future__ import annotations

import bisect
import heapq
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from lintkit.termparse import KEY, key, literal, unsafe, variants

_RUN = regex.compile(r"\w+", regex.VERSION0)


@dataclass(frozen=True)
class ScanPlan:
    """Per key, the terms (indices into `parts`, in alternation order) to try at a word start."""

    by_key: dict[str, tuple[int, ...]]
    prefixes: dict[int, tuple[str, ...]]  # keyed term -> lower-case literal starts of its variants
    longest: int  # the longest of them
    parts: tuple[regex.Pattern, ...]  # START(?:term)END for every term, in alternation order
    scans: tuple[regex.Pattern, ...]  # terms without a key for every variant: searched for as written
    scan_term: tuple[int, ...]  # the index of each scanned term
    bounded: frozenset[int] = frozenset()  # terms without * + {: a match attempt cannot run away


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
        p, w = m.start(), m.group()
        starts.append(p)
        if w.isascii():  # keyed twice: the whole word ("word ") and its first KEY letters
            w = w.lower()
            by_key.setdefault(w + " ", []).append(p)
            if len(w) >= KEY:
                by_key.setdefault(w[:KEY], []).append(p)
        else:  # (a non-ASCII letter may match an ASCII one case-insensitively: K, ſ)
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
    prefixes: dict[int, tuple[str, ...]] = {}
    scanned: list[int] = []
    for i, t in enumerate(terms):
        vs = variants(t)
        keys = [key(v) for v in vs] if vs is not None else [None]
        if vs is not None and all(keys):
            for k in keys:
                by_key.setdefault(k, set()).add(i)
            prefixes[i] = tuple({literal(v) for v in vs})
        else:
            scanned.append(i)
    if not by_key:
        return None
    try:
        parts = tuple(_compile(f"{start}(?:{t}){end}", flags) for t in terms)
    except regex.error:
        return None
    # A word start has two keys, its whole word and its first letters: a whole-word list also holds
    # the terms of its prefix, and comes after the prefixes, so that it is the one kept (_keyed).
    lists = {k: tuple(sorted(v)) for k, v in by_key.items() if not k.endswith(" ")}
    for k, v in by_key.items():
        if k.endswith(" "):
            lists[k] = tuple(sorted(v | by_key.get(k[:KEY], set()) if len(k) > KEY else v))
    longest = max(len(x) for pre in prefixes.values() for x in pre)
    bounded = frozenset(i for i, t in enumerate(terms) if not any(c in t for c in "*+{"))
    scans = tuple(parts[i] for i in scanned)
    return ScanPlan(lists, prefixes, longest, parts, scans, tuple(scanned), bounded)


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
            seg = text[p : p + sp.longest]
            if seg.isascii():  # a term can only match where one of its literal starts is
                low, pre = seg.lower(), sp.prefixes
                which = [j for j in which if j not in pre or low.startswith(pre[j])]
            m = None
            for j in which:  # (the timeout costs more than a bounded attempt: only `?` repeats)
                m = parts[j].match(text, p, end, timeout=None if j in sp.bounded else timeout)
                if m is not None:
                    break
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
