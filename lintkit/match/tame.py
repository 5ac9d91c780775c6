"""Which terms cannot run away: a match attempt at one position is matched without a timeout.

A timeout costs the `regex` engine about 2 µs a call, more than most attempts. It is there for
the terms that can backtrack without end: a repeat of a group (`(a|aa)+`), or two repeats of
characters that may run across words (`.*x.*`). A term is tame when every repeat of a group is
small (at most MAX_GROUP_REPEAT, with no repeated group or long run inside), and at most one
repeat of a character that can match a space is long (`.*`, `[^.]{0,150}`). Only what is read
with certainty counts: anything unusual makes a term untame.
"""

from __future__ import annotations

import regex

from lintkit.match.parse import QUANTIFIER

MAX_GROUP_REPEAT = 5
MAX_WIDE_REPEAT = 16  # a longer repeat of a character that can match a space is a "long run"
_GROUP_OPEN = regex.compile(r"\(\?(?::|-?i:|[=!]|<[=!]|>)")  # (?: (?i: lookarounds (?>
_CLASS = regex.compile(r"\[\^?\]?(?:\\.|[^\]\\])*\]", regex.DOTALL)
# Single characters whose repeats stay inside a word (a run of them ends at a space).
_NARROW_ESCAPES = frozenset("wdS")
_SPACE_IN_CLASS = (" ", "\\s", "\\W", "\\D", "\\n", "\\t")  # a class with one of these is wide


def tame(t: str) -> bool:
    """Can a match attempt of term `t` at one position not run away? (See the module text.)"""
    long_runs = 0  # repeats of a character that can run over spaces, without a small limit
    stack: list[list[bool]] = []  # per open group: [has a repeated group, has a long run]
    i, n = 0, len(t)
    while i < n:
        end, kind = _atom(t, i)
        if kind is None:
            return False
        q = QUANTIFIER.match(t, end) if kind in ("close", "narrow", "wide") else None
        top = _upper(q) if q is not None else 1
        if kind == "open":
            stack.append([False, False])
        elif kind == "close":
            if not stack:
                return False
            repeated, long_run = stack.pop()
            repeat = top != 1  # (an optional group is not repeated)
            if repeat and (repeated or long_run or top is None or top > MAX_GROUP_REPEAT):
                return False
            if stack:
                stack[-1][0] |= repeated or repeat
                stack[-1][1] |= long_run
        elif kind == "wide" and (top is None or top > MAX_WIDE_REPEAT):
            long_runs += 1
            if stack:
                stack[-1][1] = True
        i = q.end() if q is not None else end
    return not stack and long_runs <= 1


def _upper(q: regex.Match) -> int | None:
    """The most repeats a quantifier (termparse.QUANTIFIER) allows (None: no limit)."""
    sym, (low, high) = q.group()[0], q.groups()
    if sym != "{":
        return 1 if sym == "?" else None
    if high is None:  # {n}
        return int(low) if low else None
    return int(high) if high else None


def _atom(t: str, i: int) -> tuple[int, str | None]:
    """(end, kind) of the atom at `i`: open, close, alt, narrow, wide; kind None when not read."""
    c = t[i]
    if c == "(":
        if t.startswith("(?", i):
            m = _GROUP_OPEN.match(t, i)
            if m is None:
                return i + 1, None  # named groups, flags, conditionals: not read
            return m.end(), "open"
        return i + 1, "open"
    if c == ")":
        return i + 1, "close"
    if c == "|":
        return i + 1, "alt"
    if c in "^$":
        return i + 1, "alt"  # an anchor repeats nothing
    if c == "\\":
        e = t[i + 1 : i + 2]
        if not e or e.isdigit() or e in "pPNxuUgGK":
            return i + 2, None  # backreferences and multi-character escapes: not read
        if e in "bBAZ":
            return i + 2, "alt"
        return i + 2, "narrow" if e in _NARROW_ESCAPES or not e.isalnum() and e != " " else "wide"
    if c == "[":
        m = _CLASS.match(t, i)
        if m is None:
            return i + 1, None
        body = m.group()
        narrow = not body.startswith("[^") and not any(x in body for x in _SPACE_IN_CLASS)
        return m.end(), "narrow" if narrow else "wide"
    if c in "*+?{":
        return i + 1, None  # a quantifier with nothing to repeat
    return i + 1, "wide" if c in ". \t\n" else "narrow"
