"""Term matching, behind one door: YAML term lists compiled to `Terms`, matched fast and exactly.

A term list is a list of regex fragments; an entry `@name` expands to the terms of lexicon `name`.
Every term is matched on word boundaries, case-insensitively (write `(?-i:FDA)` for a
case-sensitive part), with a timeout, so that a runaway user pattern becomes an error about its
rule instead of a hang. The list compiles to one alternation `START(?:t1|t2|...)END`, and its
matches are exactly that pattern's; but the `regex` engine has no literal prefix to skip ahead
with and tries every branch at every position (tens of ms per MB per term). So each term is also
read (`regexsource`) for the key its matches must start with: a digit, the first KEY letters of
the first word, the whole first word, or that word and the next one; `plan` compiles a list's
keys, and `index` tries the terms only at the word starts of a text with their key
(lintkit.document.words), in the alternation's order, so the span is the alternation's. A term
with no key is searched for as written, only where the text has a literal its matches need.
tests/match/test_scan.py checks that the matches are those of `pattern.finditer`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

import regex

from lintkit.cache.lazyregex import LazyPattern
from lintkit.document.words import cuts_word
from lintkit.match import index
from lintkit.match.index import ScanPlan

__all__ = ["PatternTimeout", "Shared", "TermError", "Terms", "compile_terms", "cuts_word", "expand"]

TIMEOUT = 2.0  # seconds for one scan of one document by one pattern, plus PER_CHAR a character
PER_CHAR = 5e-6  # so that a big document or a busy machine does not turn a sound pattern into an error


def budget(text: str) -> float:
    """Seconds of matching allowed for one scan in `text` (the word index covers all of it)."""
    return TIMEOUT + PER_CHAR * len(text)


# Word boundaries, where the term's own edge is a word character: "cure" does not match inside
# "secure", but "®" matches in "Spravato®" and "\(" right before a word. (Never between two word chars.)
START = r"(?:(?<!\w)|(?!\w))"
END = r"(?:(?!\w)|(?<!\w))"
# The same boundary where every match of a term starts with a word character; the engine runs it
# several times faster than START.
WORD_START = r"\b"
FLAGS = regex.IGNORECASE | regex.MULTILINE | regex.VERSION0
# Spans shorter than this are scanned with the pattern alone; longer ones via the plan (same matches).
SMALL_SPAN = 400
# A list longer than this is never scanned with its whole alternation (compiling 100,000 terms
# takes the `regex` module seconds): the alternation is compiled only if ever needed.
BIG_LIST = 2000


class TermError(ValueError):
    """A term list that cannot be compiled; `index` is the offending item (or -1)."""

    def __init__(self, message: str, index: int = -1) -> None:
        super().__init__(message)
        self.index = index


class PatternTimeout(Exception):
    """A pattern ran longer than TIMEOUT on one document."""


@dataclass(frozen=True)
class Terms:
    """A compiled list of terms."""

    source: tuple[str, ...]
    pattern: regex.Pattern
    plan: ScanPlan | None = None  # where matches may start (None: scan with `pattern`)
    bounded: bool = False  # no term has * + or {: matching cannot run away, so it needs no timeout
    tame: bool = False  # no term can run away at one position (`tame`): a short span needs none

    def _budget(self, text: str, pos: int, end: int) -> float | None:
        """The timeout of one scan of text[pos:end] (None where matching cannot run away: the
        timeout alone slows the engine down by about a fifth, and costs 2 µs a call)."""
        return None if self.bounded or self.tame and end - pos < SMALL_SPAN else budget(text)

    def _planned(self, pos: int, end: int) -> bool:
        """Scan text[pos:end] with the plan (a long span, or a big list), not the alternation."""
        return self.plan is not None and (end - pos >= SMALL_SPAN or len(self.source) > BIG_LIST)

    def _may_hold(self, text: str, pos: int, end: int) -> bool:
        """False when the scan plan shows that text[pos:end] holds no match (see `_may_hold`; not
        for a short text, such as a match being checked: its word index would cost more)."""
        return self.plan is None or len(text) < SMALL_SPAN or index.may_hold(self.plan, text, pos, end)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[regex.Match]:
        """Matches in text[pos:endpos]."""
        end = endpos if endpos is not None else len(text)
        try:
            if self._planned(pos, end):
                yield from index.finditer(self.pattern, self.plan, text, pos, end, budget(text))  # type: ignore[arg-type]
            elif self._may_hold(text, pos, end):
                yield from self.pattern.finditer(text, pos, end, timeout=self._budget(text, pos, end))
        except TimeoutError:
            raise PatternTimeout(self.pattern.pattern[:80]) from None

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> regex.Match | None:
        """First match in text[pos:endpos], or None."""
        end = endpos if endpos is not None else len(text)
        try:
            if self._planned(pos, end):
                return next(index.finditer(self.pattern, self.plan, text, pos, end, budget(text)), None)  # type: ignore[arg-type]
            if not self._may_hold(text, pos, end):
                return None
            return self.pattern.search(text, pos, end, None, False, self._budget(text, pos, end))
        except TimeoutError:
            raise PatternTimeout(self.pattern.pattern[:80]) from None

    def occurs(self, text: str, pos: int = 0, endpos: int | None = None) -> bool:
        """Is there a match in text[pos:endpos]? (`search(...) is not None`, found faster.)"""
        end = endpos if endpos is not None else len(text)
        try:
            # (also a short span of a long text, a paragraph or a sentence: the document's word index
            # and the list's candidate table are made once and shared; matches are only tried)
            if self.plan is not None and (len(text) >= SMALL_SPAN or len(self.source) > BIG_LIST):
                return index.occurs(self.plan, text, pos, end, budget(text))
            # (no plan, or a short text: _may_hold has nothing to rule out)
            return self.pattern.search(text, pos, end, None, False, self._budget(text, pos, end)) is not None
        except TimeoutError:
            raise PatternTimeout(self.pattern.pattern[:80]) from None

    def starts(self, text: str) -> list[int] | None:
        """Sorted offsets where a match may start; in a span [a, b), at most one more match can
        start, at the span's last word. None when not known (the list has no scan plan)."""
        return None if self.plan is None else index.starts(self.plan, text)  # (no matching: no timeout)


Shared = dict[tuple[str, ...], "Terms"]  # term lists compiled so far, by their expanded terms


def expand(items: Sequence[object], lexicons: Mapping[str, Sequence[str]]) -> list[str]:
    """Replace `@name` entries by the lexicon's terms; check every entry is a non-empty string."""
    out: list[str] = []
    for i, item in enumerate(items):
        if isinstance(item, int | float) and not isinstance(item, bool):
            item = str(item)  # a bare number such as 988 or 741741
        if not isinstance(item, str) or not item.strip():
            hint = " (quote entries that contain ': ')" if isinstance(item, dict) else ""
            raise TermError(f"each term must be a non-empty string{hint}", i)
        if item.startswith("@"):
            name = item[1:]
            if name not in lexicons:
                known = ", ".join(sorted(lexicons)) or "none"
                raise TermError(f"unknown lexicon {item!r} (known: {known})", i)
            out.extend(lexicons[name])
        else:
            out.append(item)
    return out


def compile_terms(
    items: Sequence[object],
    lexicons: Mapping[str, Sequence[str]],
    shared: Shared | None = None,
) -> Terms:
    """Compile a YAML term list into Terms; raises TermError naming the bad entry. With `shared`, a
    list compiled before (the same terms, in the same order) is that same Terms object: rules that
    share a lexicon then share its compiled form and its per-document tables."""
    terms = expand(items, lexicons)
    if shared is not None and (known := shared.get(tuple(terms))) is not None:
        return known
    from lintkit.match.regexsource import is_literal

    for i, t in enumerate(terms):
        index = i if len(terms) == len(items) else -1
        if is_literal(t) and t.strip():
            continue  # (plain text compiles and never matches the empty string)
        try:
            empty = regex.compile(t, FLAGS).fullmatch("") is not None
        except regex.error as err:
            raise TermError(f"bad regular expression {t!r}: {err}", index) from None
        if empty:  # (it would flag nothing: a zero-width finding at every position)
            raise TermError(f"{t!r} matches the empty string; make it match at least one character", index)
    ordered = sorted(set(terms), key=lambda t: (-len(t), t))
    body = "|".join(f"(?:{t})" for t in ordered)
    from lintkit.match import plan as termplan  # (compiling only: not loaded when rules come from the cache)
    from lintkit.match.regexsource import word_start

    start = WORD_START if all(word_start(t) for t in ordered) else START
    source = rf"{start}(?:{body}){END}"
    big = len(ordered) > BIG_LIST
    pattern = LazyPattern.from_source(source, FLAGS) if big else regex.compile(source, FLAGS)
    bounded = all(termplan.is_bounded(t) for t in terms)
    tamed = frozenset(i for i, t in enumerate(ordered) if tame(t))
    plan = termplan.plan(ordered, FLAGS, START, END, tamed)
    compiled = Terms(tuple(terms), pattern, plan, bounded, len(tamed) == len(ordered))
    if shared is not None:
        shared[compiled.source] = compiled
    return compiled


MAX_GROUP_REPEAT = 5
MAX_WIDE_REPEAT = 16  # a longer repeat of a character that can match a space is a "long run"
_GROUP_OPEN = regex.compile(r"\(\?(?::|-?i:|[=!]|<[=!]|>)")  # (?: (?i: lookarounds (?>
_CLASS = regex.compile(r"\[\^?\]?(?:\\.|[^\]\\])*\]", regex.DOTALL)
# Single characters whose repeats stay inside a word (a run of them ends at a space).
_NARROW_ESCAPES = frozenset("wdS")
_SPACE_IN_CLASS = (" ", "\\s", "\\W", "\\D", "\\n", "\\t")  # a class with one of these is wide


def tame(t: str) -> bool:
    """Can a match attempt of term `t` at one position not run away? Then it runs without a
    timeout, which costs `regex` about 2 µs a call, more than most attempts. Tame: every repeat of a
    group is small (at most MAX_GROUP_REPEAT, with no repeated group or long run inside), and at
    most one repeat of a character that can match a space is long (`.*`, `[^.]{0,150}`). Anything
    not read with certainty (named groups, backreferences, \\p) makes a term untame."""
    from lintkit.match.regexsource import QUANTIFIER, is_literal

    if is_literal(t):
        return True
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
    """The most repeats a quantifier (regexsource.QUANTIFIER) allows (None: no limit)."""
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
