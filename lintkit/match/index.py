"""Scanning a text with a scan plan (see lintkit.match): where its terms' matches may start,
and the matches, tried only there.

A plan's candidate table lists the word starts of the text (lintkit.document.words) that have one
of its keys and the literal start of one of its terms, with the terms to try at each, in the
alternation's order; it is made once per plan and text. Terms without a key are searched for as
written, in a text that has one of the literals their matches need.
"""

from __future__ import annotations

import bisect
import heapq
from collections.abc import Iterator, Sequence

import regex

from lintkit.document.words import WordIndex, cuts_word, word_index
from lintkit.match.plan import ScanPlan, Which

Table = tuple[list[int], list[Which]]  # candidate word starts, in order, and the terms to try at each


def live(sp: ScanPlan, idx: WordIndex) -> list[int]:
    """The scanned terms that may match in the text: those whose needed literals it contains
    (worked out once per plan and text)."""
    if not sp.scans:
        return []
    got = idx.live.get(id(sp))
    if got is not None and got[0] is sp:  # (the plan itself: an id is reused once its object is gone)
        return got[1]
    n = len(idx.text)
    found = [k for k, need in enumerate(sp.scan_needs) if needed_in(need, idx, 0, n)]
    idx.live[id(sp)] = (sp, found)
    return found


def needed_in(need: tuple[str, ...] | None, idx: WordIndex, pos: int, end: int) -> bool:
    """May a term whose matches all contain one of `need` match in text[pos:end]? (Yes when the
    literals are not known, or the lower-case text cannot vouch for them: see plan.needs.)"""
    low = idx.low if idx.literal_safe else None
    return need is None or low is None or any(low.find(x, pos, end) >= 0 for x in need)


def search(sp: ScanPlan, idx: WordIndex, n: int, pos: int, end: int, timeout: float) -> regex.Match | None:
    """The first match of scanned term n in text[pos:end]."""
    return sp.scans[n].search(idx.text, pos, end, None, False, timeout)


def try_at(
    sp: ScanPlan,
    idx: WordIndex,
    p: int,
    which: Sequence[int] | None,
    end: int,
    timeout: float,
) -> regex.Match | None:
    """The match at word start `p` of the first of the terms `which` (None: of the full pattern)."""
    text = idx.text
    if which is None:  # the whole alternation
        return sp.whole.match(text, p, end, None, False, timeout)
    parts, tame = sp.parts, sp.tame
    for j in which:
        # (a timeout costs the engine about 2 µs a call, more than an attempt that cannot run away)
        m = parts[j].match(text, p, end, None, False, None if j in tame else timeout)
        if m is not None:
            return m
    return None


def candidates(sp: ScanPlan, idx: WordIndex, pos: int, end: int) -> tuple[list[int], list[Which]]:
    """The word starts in [pos, end) where a keyed term may start, in order, and the terms to try
    at each (None: the full pattern). The whole text's table is made once per plan and text."""
    order, which, lo, hi, cut = span(sp, idx, pos, end)
    if lo == 0 and hi == len(order) and cut is None:
        return order, which
    order, which = order[lo:hi], which[lo:hi]
    if cut is not None:
        if order and order[-1] == cut:
            which[-1] = None
        else:  # (no candidate can lie after the span's last word start)
            order.append(cut)
            which.append(None)
    return order, which


def span(
    sp: ScanPlan, idx: WordIndex, pos: int, end: int
) -> tuple[list[int], list[Which], int, int, int | None]:
    """The whole text's table, the range [lo, hi) of its candidates in [pos, end), and the start of
    the span's last word when `end` cuts it (a cut word has a shorter key inside the span than in
    the text: the full pattern is tried there), else None."""
    order, which = table(sp, idx)
    lo, hi = bisect.bisect_left(order, pos), bisect.bisect_left(order, end)
    cut = None
    if cuts_word(idx.text, end):
        i = bisect.bisect_left(idx.starts, end) - 1
        if i >= 0 and idx.starts[i] >= pos:
            cut = idx.starts[i]
    return order, which, lo, hi, cut


def table(sp: ScanPlan, idx: WordIndex) -> Table:
    """The whole text's candidates, in order, and the terms to try at each: those with a key there
    whose literal start is there too (made once per plan and text)."""
    got = idx.tables.get(id(sp))
    if got is not None and got[0] is sp:  # (the plan itself: an id is reused once its object is gone)
        return got[1]
    # A term can only match where one of its literal starts is (checked in a literal-safe
    # text only: three non-ASCII letters match ASCII ones case-insensitively, FOLDS_TO_ASCII).
    pre, low = sp.prefixes, idx.low or ""  # (read only where the text is literal-safe)
    out: dict[int, Which] = {}
    for lst, which in _keyed(sp, idx):  # from the least specific key to the most: the last wins
        if which is None or not idx.literal_safe:
            out.update(dict.fromkeys(lst, which))
        elif len(which) == 1:  # (most often)
            start = pre[which[0]]
            out.update(dict.fromkeys([p for p in lst if low.startswith(start, p)], which))
        else:  # (a less specific key's terms are among these: if none is left, none was)
            for p in lst:
                if w := tuple([j for j in which if low.startswith(pre[j], p)]):
                    out[p] = w
    order = sorted(out)
    table = (order, [out[p] for p in order])
    idx.tables[id(sp)] = (sp, table)
    return table


def _keyed(sp: ScanPlan, idx: WordIndex) -> list[tuple[list[int], Which]]:
    """(word starts, the plan's terms to try there) for each key of the plan in the text, from the
    least specific key to the most (see plan._union), then the starts whose keys are not known
    (None: try the full pattern)."""
    lists = idx.by_key
    # (the plan lists its keys from the least specific to the most: plan.plan)
    found: list[tuple[list[int], Which]] = [(lists[k], which) for k, which in sp.by_key.items() if k in lists]
    for nexts in sp.pair_nexts:  # (level 2, then level 3: the more specific key last)
        for nxt in lists.keys() & nexts.keys():
            for word, k, which in nexts[nxt]:
                if word in lists and (got := idx.pair(word, k)):
                    found.append((got, which))
    if idx.odd:
        found.append((idx.odd, None))
        for word in sp.pair_firsts.intersection(lists.keys()):
            if lst := idx.pair_odd(word):
                found.append((lst, None))
    return found


def finditer(
    full: regex.Pattern, sp: ScanPlan, text: str, pos: int, end: int, timeout: float
) -> Iterator[regex.Match]:
    """The matches of `full.finditer(text, pos, end)` (same spans), trying terms only where they may start.

    Keyed terms are tried at the word starts with their key; each unkeyed variant's next match at
    or after the last match's end is kept in a heap (searched for again once passed); positions
    the keys cannot vouch for (non-ASCII word starts, a word cut by `end`) get the full pattern."""
    idx = word_index(text)
    order, whiches = candidates(sp, idx, pos, end)
    found = ((n, search(sp, idx, n, pos, end, timeout)) for n in live(sp, idx))
    heap = [(m.start(), n) for n, m in found if m is not None]
    if not heap:  # (most often: only keyed terms may match)
        yield from _keyed_only(full, sp, idx, order, whiches, pos, end, timeout)
        return
    heapq.heapify(heap)
    last, k, never = pos, 0, end + 1
    while True:
        while heap and heap[0][0] < last:
            n = heapq.heappop(heap)[1]
            m = search(sp, idx, n, last, end, timeout)
            if m is not None:
                heapq.heappush(heap, (m.start(), n))
        while k < len(order) and order[k] < last:
            k += 1
        p = min(order[k] if k < len(order) else never, heap[0][0] if heap else never)
        if p == never:
            return
        which = whiches[k] if k < len(order) and order[k] == p else ()
        if heap and heap[0][0] == p and which is not None:
            which = tuple(sorted({*which, *(sp.scan_term[n] for s, n in heap if s == p)}))
        m = try_at(sp, idx, p, which, end, timeout)
        if m is None:  # variants may match where their term does not (lookarounds dropped)
            while heap and heap[0][0] == p:
                n = heapq.heappop(heap)[1]
                if (m := search(sp, idx, n, p + 1, end, timeout)) is not None:
                    heapq.heappush(heap, (m.start(), n))
            k += k < len(order) and order[k] == p
            continue
        if m.end() == m.start():  # an empty match: leave the bookkeeping to the engine
            yield from full.finditer(text, last, end, timeout=timeout)
            return
        yield m
        last = m.end()


def _keyed_only(
    full: regex.Pattern,
    sp: ScanPlan,
    idx: WordIndex,
    order: list[int],
    whiches: list[Which],
    pos: int,
    end: int,
    timeout: float,
) -> Iterator[regex.Match]:
    """`finditer` where no term searched for as written may match: the candidates in order."""
    last = pos
    for p, which in zip(order, whiches, strict=True):
        if p < last:
            continue
        m = try_at(sp, idx, p, which, end, timeout)
        if m is None:
            continue
        if m.end() == m.start():  # an empty match: leave the bookkeeping to the engine
            yield from full.finditer(idx.text, last, end, timeout=timeout)
            return
        yield m
        last = m.end()


def occurs(sp: ScanPlan, text: str, pos: int, end: int, timeout: float) -> bool:
    """Does the plan's alternation match somewhere in text[pos:end]? Any candidate that matches answers it, so
    the keyed ones are tried first, in any order, and the terms searched for as written last."""
    idx = word_index(text)
    order, which, lo, hi, cut = span(sp, idx, pos, end)  # (the candidates read in place)
    for k in range(lo, hi):
        if try_at(sp, idx, order[k], which[k], end, timeout) is not None:
            return True
    if cut is not None and try_at(sp, idx, cut, None, end, timeout) is not None:
        return True
    return any(
        needed_in(sp.scan_needs[n], idx, pos, end) and search(sp, idx, n, pos, end, timeout) is not None
        for n in live(sp, idx)
    )


def starts(sp: ScanPlan, text: str) -> list[int] | None:
    """Sorted word starts of `text` where a match of the plan's terms may start, in any span (a
    span also lets a match start at its last word, which the span may cut); None when the plan has
    terms that are searched for as written."""
    idx = word_index(text)
    if live(sp, idx):
        return None
    return candidates(sp, idx, 0, len(text))[0]


def may_hold(sp: ScanPlan, text: str, pos: int, end: int) -> bool:
    """Can text[pos:end] hold a match of the plan's terms? False only when no word start in it
    has a key of the plan, the span has none of the needed literals of the terms searched for as
    written, and neither end of the span cuts a word (a cut word has other keys inside the span
    than in the text)."""
    idx = word_index(text)
    if any(needed_in(sp.scan_needs[n], idx, pos, end) for n in live(sp, idx)):
        return True  # a term searched for as written may match there
    order = table(sp, idx)[0]
    i = bisect.bisect_left(order, pos)
    if i < len(order) and order[i] < end:
        return True
    return cuts_word(text, pos) or cuts_word(text, end)
