"""Searching for the terms of a scan plan that have no key (termscan): the ones searched for as written.

A term is only searched for in a text that contains one of the literals its matches need
(termneeds). `regex` checks a pattern's leading boundary at every position of the text, which made
a search for a term that starts with a capital letter (a place name, a citation's author) two to
five times slower; such a term is compiled without it (termplan._bare_start), and the boundary is
checked here, at the start of each match found; where it does not hold, the search goes on from
the next position. The first match where it holds is the first match of the pattern with the
boundary, and the same match: the boundary is zero-width. A term whose matches start with a
non-word character needs no check: the boundary always holds before one.
"""

from __future__ import annotations

import time

import regex

from lintkit.match.plan import ScanPlan
from lintkit.match.wordindex import WordIndex


def live(sp: ScanPlan, idx: WordIndex) -> list[int]:
    """The scanned terms that may match in the text: those whose needed literals it contains
    (worked out once per plan and text)."""
    if not sp.scans:
        return []
    found = idx.live.get(id(sp))
    if found is None:
        n = len(idx.text)
        found = idx.live[id(sp)] = [k for k, need in enumerate(sp.scan_needs) if needed_in(need, idx, 0, n)]
    return found


def needed_in(need: tuple[str, ...] | None, idx: WordIndex, pos: int, end: int) -> bool:
    """May a term whose matches all contain one of `need` match in text[pos:end]? (Yes when the
    literals are not known, or the lower-case text cannot vouch for them: see termneeds.)"""
    low = idx.low if idx.literal_safe else None
    return need is None or low is None or any(low.find(x, pos, end) >= 0 for x in need)


def search(sp: ScanPlan, idx: WordIndex, n: int, pos: int, end: int, timeout: float) -> regex.Match | None:
    """The first match of scanned term n in text[pos:end], boundary included (what the term's
    pattern with its leading boundary would find), within `timeout` seconds in all."""
    scan, text, boundary = sp.scans[n], idx.text, sp.scan_starts[n]
    if boundary is None:  # (the pattern has its boundary, or needs none)
        return scan.search(text, pos, end, None, False, timeout)
    deadline = time.monotonic() + timeout
    while (m := scan.search(text, pos, end, None, False, timeout)) is not None:
        if boundary.match(text, m.start(), end) is not None:
            return m
        pos = m.start() + 1
        timeout = deadline - time.monotonic()
        if timeout <= 0:
            raise TimeoutError("regex timed out")
    return None
