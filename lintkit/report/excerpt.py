"""The source excerpt of the `text` format: one source line and a caret line under the span.

Columns of a finding count characters; a terminal shows cells. A tab is expanded to the next tab
stop (TAB_SIZE), a wide East Asian character (unicodedata.east_asian_width W or F) takes two cells,
a combining mark or other zero-width character none, so the carets sit under the flagged
characters. A line wider than MAX_CELLS (a minified HTML page is one 30 KB line) is cut to a
window around the span, the cut ends marked with `…`.
"""

from __future__ import annotations

import unicodedata

TAB_SIZE = 4
MAX_CELLS = 120  # cells of source shown, the `…` marks included
CONTEXT = 40  # cells shown before the span when the line is cut
ELLIPSIS = "…"
_ZERO_WIDTH = frozenset(("Mn", "Me", "Cf"))


def _cells(line: str) -> tuple[list[str], list[int]]:
    """What each character shows as, and how many cells that takes."""
    shown: list[str] = []
    widths: list[int] = []
    col = 0
    for ch in line:
        if ch == "\t":
            s = " " * (TAB_SIZE - col % TAB_SIZE)
            w = len(s)
        elif unicodedata.category(ch) == "Cc":  # another control character: a visible stand-in
            s, w = "\ufffd", 1
        elif unicodedata.category(ch) in _ZERO_WIDTH or unicodedata.combining(ch):
            s, w = ch, 0
        else:
            s, w = ch, 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
        shown.append(s)
        widths.append(w)
        col += w
    return shown, widths


def _window(widths: list[int], c0: int, limit: int) -> tuple[int, int]:
    """Characters [lo, hi) to show: about CONTEXT cells before c0, then as far as `limit` allows."""
    n = len(widths)
    lo, w = min(c0, n), 0
    while lo > 0 and w + widths[lo - 1] <= CONTEXT:
        lo -= 1
        w += widths[lo]
    hi, w = lo, 0
    while hi < n and w + widths[hi] <= limit:
        w += widths[hi]
        hi += 1
    while lo > 0 and w + widths[lo - 1] <= limit:  # the span is near the end: show more before it
        lo -= 1
        w += widths[lo]
    return lo, hi


def excerpt(line: str, start: int, end: int | None) -> tuple[str, int, int]:
    """The line as shown, the caret's offset in cells and its width (at least 1), for the span of
    1-based character columns [start, end) (`end` None: to the end of the line)."""
    shown, widths = _cells(line)
    n = len(widths)
    c0 = min(max(0, start - 1), n)
    c1 = n if end is None else min(max(c0, end - 1), n)
    if sum(widths) <= MAX_CELLS:
        lo, hi = 0, n
    else:
        lo, hi = _window(widths, c0, MAX_CELLS - 2)
    head = ELLIPSIS if lo > 0 else ""
    tail = ELLIPSIS if hi < n else ""
    text = head + "".join(shown[lo:hi]) + tail
    pad = len(head) + sum(widths[lo:c0])
    width = sum(widths[max(c0, lo) : min(c1, hi)])
    return text, pad, max(1, width)
