"""Compiling a term list's scan plan: the keys where each term's matches may start (see termscan)."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from lintkit.match.wordindex import DIGIT, DIGITS, KEY, WORD_CHAR

_WORD_ASCII = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_")


@dataclass(frozen=True)
class ScanPlan:
    """Per key, the terms (indices into `parts`, in alternation order) to try at a word start."""

    by_key: dict[str, tuple[int, ...]]  # keys of one word -> its terms (see _union), least specific first
    # Pair keys ("word next ", "word nex") by their second half, one table per level (2, then 3):
    # (first word, pair key, terms). A text's pair keys are found from the words it has.
    pair_nexts: tuple[dict[str, tuple[tuple[str, str, tuple[int, ...]], ...]], ...]
    pair_firsts: frozenset[str]  # the first words ("word ") of the pair keys
    prefixes: dict[int, tuple[str, ...]]  # keyed term -> lower-case literal starts of its variants
    longest: int  # the longest of them
    parts: tuple[regex.Pattern, ...]  # START(?:term)END|(?!) for every term, in alternation order
    scans: tuple[regex.Pattern, ...]  # terms without a key for every variant: searched for as written,
    scan_starts: tuple[regex.Pattern | None, ...]  # their leading boundary, if checked apart (termsearch)
    scan_term: tuple[int, ...]  # the index of each scanned term
    scan_needs: tuple[tuple[str, ...] | None, ...]  # literals one of which each one's matches contain
    tame: frozenset[int] = frozenset()  # terms whose match attempt at one position cannot run away
    whole: tuple[str, int] = ("(?!)", 0)  # the whole alternation's source and flags (see `anchored`)


Which = tuple[int, ...] | None  # the terms to try at a word start (None: the whole alternation)
_compiled: dict[tuple[str, int], regex.Pattern] = {}  # cache: term patterns shared by term lists


def level(k: str) -> int:
    """How specific a key is: -1 DIGIT, 0 first letters, 1 whole word, 2 word and the next one's
    first letters, 3 both whole words. A word start with a key has the keys of every lower level
    that applies to it."""
    return -1 if k == DIGIT else (2 if " " in k[:-1] else 0) + k.endswith(" ")


def pair_key(k: str, lit: str) -> str:
    """The most specific key of a variant whose key is `k` and literal start `lit`."""
    if level(k) != 1 or not lit.startswith(k):
        return k
    rest = lit[len(k) :]
    n = 0
    while n < len(rest) and rest[n] in _WORD_ASCII:
        n += 1
    if 0 < n < len(rest):
        return f"{k}{rest[:n]} "  # the next word is complete: a non-word character follows it
    return f"{k}{rest[:KEY]}" if n >= KEY else k


def plan(terms: list[str], flags: int, start: str, end: str) -> ScanPlan | None:
    """The ScanPlan of `terms`, in alternation order (each wrapped as start(?:t)end), or None.

    A term all of whose variants have a key is tried at those word starts; any other term is
    searched for as written. None when a term means something else alone (see `unsafe`)."""
    from lintkit.match import tame as termtame  # (compiling only: not loaded when rules come from the cache)
    from lintkit.match.needs import needs
    from lintkit.match.parse import key, literal, unsafe, variants

    if any(unsafe(t) for t in terms):
        return None
    by_key: dict[str, set[int]] = {}
    prefixes: dict[int, tuple[str, ...]] = {}
    scanned: list[int] = []
    for i, t in enumerate(terms):
        vs = variants(t)
        keys = [k for v in vs if (k := key(v))] if vs is not None else []
        if vs is not None and len(keys) == len(vs):
            for v, k in zip(vs, keys, strict=True):
                by_key.setdefault(pair_key(k, literal(v)), set()).add(i)
            prefixes[i] = tuple({literal(v) for v in vs})
        else:
            scanned.append(i)
    if not by_key:
        return None
    try:  # (`|(?!)` changes no match, but stops `regex` from first looking for a literal the
        # term needs all the way to the end of the text on every match attempt: quadratic)
        parts = tuple(_compile(f"{_start(t, start)}(?:{t}){end}|(?!)", flags) for t in terms)
        # (without its boundary where a match can only start at a capital or a non-word character:
        # see termsearch; elsewhere the boundary keeps the engine from trying every inner position)
        bare = [_bare_start(terms[i]) for i in scanned]
        scans = tuple(
            _compile(f"{'' if b else _start(terms[i], start)}(?:{terms[i]}){end}", flags)
            for i, b in zip(scanned, bare, strict=True)
        )
        scan_starts = tuple(
            _compile(_start(terms[i], start), flags) if b == CHECK else None
            for i, b in zip(scanned, bare, strict=True)
        )
    except regex.error:
        return None
    whole = "|".join(f"(?:{t})" for t in terms)
    shared: dict[tuple[int, ...], tuple[int, ...]] = {}  # one tuple per distinct list (a smaller cache)
    lists = {
        k: shared.setdefault(which, which)
        for k in sorted(by_key, key=level)
        if (which := tuple(sorted(_union(by_key, k))))
    }
    nexts: tuple[dict[str, list[tuple[str, str, tuple[int, ...]]]], ...] = ({}, {})
    for k in [k for k in lists if level(k) >= 2]:
        word = k[: k.index(" ") + 1]
        nexts[level(k) - 2].setdefault(k[len(word) :], []).append((word, k, lists.pop(k)))
    longest = max(len(x) for pre in prefixes.values() for x in pre)
    tame = frozenset(i for i, t in enumerate(terms) if termtame.tame(t))
    scan_needs = tuple(needs(terms[i]) for i in scanned)
    return ScanPlan(
        lists,
        tuple({n: tuple(v) for n, v in d.items()} for d in nexts),
        frozenset(word for d in nexts for entries in d.values() for word, _, _ in entries),
        prefixes,
        longest,
        parts,
        scans,
        scan_starts,
        tuple(scanned),
        scan_needs,
        tame,
        (f"{start}(?:{whole}){end}|(?!)", flags),
    )


def _union(by_key: dict[str, set[int]], k: str) -> set[int]:
    """The terms to try at a word start whose most specific key is `k`: those of `k` and of the
    less specific keys that word start also has (`_keyed` keeps the last, most specific, list)."""
    out = set(by_key.get(k, ()))
    lv = level(k)
    if lv >= 2:
        word = k[: k.index(" ") + 1]
        out |= _union(by_key, word)
        if lv == 3 and len(k) - len(word) - 1 >= KEY:
            out |= by_key.get(k[: len(word) + KEY], set())
    elif lv == 1 and len(k) > KEY:
        out |= _union(by_key, k[:KEY])
    elif lv >= 0 and k[0] in DIGITS:
        out |= by_key.get(DIGIT, set())
    return out


# A match that starts with a capital letter, case-sensitively: (?-i:[A-Z]…, (?-i:(?=[A-Z])…, (?=(?-i:[A-Z]))…
_CAPITAL = regex.compile(r"\(\?-i:\[A-Z\]|\(\?-i:\(\?=\[A-Z\]\)|\(\?=\(\?-i:\[A-Z\]\)\)")


KEEP, CHECK, HOLDS = 0, 1, 2  # a scanned term's leading boundary: see _bare_start


def _bare_start(t: str) -> int:
    """May `t` be searched for without its leading boundary? CHECK where a match can only start
    at a capital letter (few of them inside words): the boundary is checked at each match's start
    (termsearch); HOLDS where it starts with a non-word character (the boundary always holds there);
    KEEP otherwise."""
    from lintkit.match.needs import first_chars
    from lintkit.match.parse import variants

    if _CAPITAL.match(t):
        return CHECK
    vs = variants(t)
    if not vs:
        return KEEP
    for v in vs:
        chars = " " if v.startswith("\\s") and v[2:3] not in ("?", "*", "{") else first_chars(v)
        if chars is None or WORD_CHAR.search(chars):
            return KEEP
    return HOLDS


def is_bounded(t: str) -> bool:
    """Has term `t` no `*`, `+` or `{`? Then a match attempt cannot run away (only `?` repeats),
    and it is run without a timeout, which costs more than the attempt."""
    return not any(c in t for c in "*+{")


def anchored(sp: ScanPlan) -> regex.Pattern:
    """The whole alternation, for match attempts at one position (built when first needed)."""
    return _compile(*sp.whole)


def _start(t: str, start: str) -> str:
    """`start`, or the faster word boundary when every match of `t` starts with a word character."""
    from lintkit.match.parse import word_start

    return r"\b" if word_start(t) else start


def _compile(pattern: str, flags: int) -> regex.Pattern:
    key = (pattern, flags)
    if key not in _compiled:
        _compiled[key] = regex.compile(pattern, flags)
    return _compiled[key]
