"""Compiling a term list's scan plan: the keys where each term's matches may start (see `index`),
and the literals one of which every match of a term without a key contains (`needs`: the search
for such a term is skipped in a text, or a span, that has none of them)."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from lintkit.cache.lazyregex import LazyPattern
from lintkit.document.words import DIGIT, DIGITS, KEY


@dataclass(frozen=True)
class ScanPlan:
    """Per key, the terms (indices into `parts`, in alternation order) to try at a word start."""

    by_key: dict[str, tuple[int, ...]]  # keys of one word -> its terms (see _union), least specific first
    # Pair keys ("word next ", "word nex") by their second half, one table per level (2, then 3):
    # (first word, pair key, terms). A text's pair keys are found from the words it has.
    pair_nexts: tuple[dict[str, tuple[tuple[str, str, tuple[int, ...]], ...]], ...]
    pair_firsts: frozenset[str]  # the first words ("word ") of the pair keys
    prefixes: dict[int, tuple[str, ...]]  # keyed term -> lower-case literal starts of its variants
    parts: tuple[regex.Pattern, ...]  # START(?:term)END|(?!) for every term, in alternation order
    scans: tuple[regex.Pattern, ...]  # terms without a key for every variant: searched for as written,
    scan_term: tuple[int, ...]  # the index of each scanned term
    scan_needs: tuple[tuple[str, ...] | None, ...]  # literals one of which each one's matches contain
    tame: frozenset[int]  # terms whose attempt at one position cannot run away (tame): no timeout
    whole: regex.Pattern  # the whole alternation, for attempts at one position (compiled on first use)


def _part(source: str, term: str, flags: int) -> regex.Pattern:
    """A term's own pattern: compiled now when the term is a pattern (so that an error shows at
    load), else (a literal: it compiles) when first tried, so that a list of 100,000 words loads
    in seconds and a text compiles only the terms it has candidates for."""
    from lintkit.match.regexsource import is_literal

    if is_literal(term):
        return LazyPattern.from_source(source, flags)  # type: ignore[return-value]
    return regex.compile(source, flags)


Which = tuple[int, ...] | None  # the terms to try at a word start (None: the whole alternation)
_WORD_ASCII = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_")


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


def plan(
    terms: list[str], flags: int, start: str, end: str, tame: frozenset[int] = frozenset()
) -> ScanPlan | None:
    """The ScanPlan of `terms`, in alternation order (each wrapped as start(?:t)end), or None.

    A term all of whose variants have a key is tried at those word starts; any other term is
    searched for as written. None when a term means something else alone (see `unsafe`)."""
    from lintkit.match.regexsource import key, literal, unsafe, variants  # (compiling only)

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
        parts = tuple(_part(f"{_start(t, start)}(?:{t}){end}|(?!)", t, flags) for t in terms)
        scans = tuple(regex.compile(f"{_start(terms[i], start)}(?:{terms[i]}){end}", flags) for i in scanned)
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
    scan_needs = tuple(needs(terms[i]) for i in scanned)
    return ScanPlan(
        lists,
        tuple({n: tuple(v) for n, v in d.items()} for d in nexts),
        frozenset(word for d in nexts for entries in d.values() for word, _, _ in entries),
        prefixes,
        parts,
        scans,
        tuple(scanned),
        scan_needs,
        tame,
        LazyPattern.from_source(f"{start}(?:{whole}){end}|(?!)", flags),
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


def is_bounded(t: str) -> bool:
    """Has term `t` no `*`, `+` or `{`? Then a match attempt cannot run away (only `?` repeats),
    and it is run without a timeout, which costs more than the attempt."""
    return not any(c in t for c in "*+{")


def _start(t: str, start: str) -> str:
    """`start`, or the faster word boundary when every match of `t` starts with a word character."""
    from lintkit.match.regexsource import word_start  # (compiling only)

    return r"\b" if word_start(t) else start


MIN_NEED = 1  # (a short literal is in almost every text, but not in every sentence: see scan.may_hold)
RARE = 4  # a rare character is about as selective as a literal this long ("©" rather than "19")


def needs(t: str) -> tuple[str, ...] | None:
    """Lower-case strings, one of which every match of `t` contains; None if unknown. They are
    ASCII, or rare characters that match only themselves whatever the case (© ★ ¹)."""
    from lintkit.match.regexsource import alternatives  # (compiling only)

    alts = alternatives(t)
    if len(alts) > 1:
        found = [needs(a) for a in alts]
        if any(f is None for f in found):
            return None
        return tuple(sorted({x for f in found if f for x in f}))
    runs = [r for r in _top_literals(t) if len(r) >= MIN_NEED]
    best: tuple[str, ...] | None = (max(runs, key=len),) if runs else _rare_start(t)
    for body in _required_groups(t):
        for option in (_literals(body), needs(body) if len(alternatives(body)) == 1 else None):
            if option and (best is None or _selectivity(option) > _selectivity(best)):
                best = option
    return best


def _selectivity(option: tuple[str, ...]) -> int:
    """How rarely the least rare of `option` may be expected in a text: its length, a rare
    character (© ★ ¹) counting as RARE letters."""
    return min(len(x) + (RARE - 1) * sum(map(_rare, x)) for x in option)


def _literals(body: str) -> tuple[str, ...] | None:
    """The literal starts of a group's alternatives, if each is long enough."""
    from lintkit.match.regexsource import alternatives, literal, variants  # (compiling only)

    out: set[str] = set()
    for alt in alternatives(body):
        vs = variants(alt)
        if vs is None:
            return None
        for v in vs:
            lit = literal(v)
            if len(lit) < MIN_NEED:
                rare = _rare_start(v)
                if rare is None:
                    return None
                out.update(rare)
            else:
                out.add(lit)
    return tuple(sorted(out))


# One character, an escaped punctuation character or a simple class, not made optional.
_FIRST = regex.compile(r"(?:\[([^\]\[\\^-]+)\]|\\([^\w\s])|([^\\.^$*+?()\[\]{}|]))(?![?*]|\{0)")


def first_chars(t: str) -> str | None:
    """The characters one of which every match of `t` starts with, when its first element is one
    character, an escaped punctuation character or a class of plain characters; else None."""
    m = _FIRST.match(t)
    return None if m is None else m.group(1) or m.group(2) or m.group(3)


def _rare_start(t: str) -> tuple[str, ...] | None:
    """The characters one of which every match of `t` starts with, when they are all rare: not
    ASCII, and matching only themselves whatever the case (© ★ ¹; a letter never is)."""
    chars = first_chars(t)
    if chars is None or not all(_rare(c) for c in chars):
        return None
    return tuple(sorted(set(chars)))


def _rare(c: str) -> bool:
    return not c.isascii() and not c.isalpha() and c.lower() == c.upper() == c.casefold() == c


def _required_groups(t: str) -> list[str]:
    """Bodies of the top-level groups of `t` that every match goes through (not lookarounds, not
    optional)."""
    from lintkit.match.regexsource import GROUP, QUANTIFIER, close_group, syntax  # (compiling only)

    out: list[str] = []
    skip_to = -1
    for i, c in syntax(t):
        if i <= skip_to:
            continue
        if c == "(":
            g, end = GROUP.match(t, i), close_group(t, i)
            if end is None:
                return out
            skip_to = end
            q = QUANTIFIER.match(t, end + 1)
            optional = q is not None and (q.group().startswith(("?", "*")) or q.group(1) in ("", "0"))
            lookaround = g is None or g.end() == i + 1 and t.startswith("(?", i)
            if not optional and not lookaround:
                out.append(t[g.end() : end])
    return out


def _top_literals(t: str) -> list[str]:
    """Runs of literal ASCII characters outside groups and classes, each in every match of `t`."""
    from lintkit.match.regexsource import QUANTIFIER, close_group, syntax  # (compiling only)

    runs, run, last, skip_to = [], "", -1, -1
    for i, c in syntax(t):
        if i <= skip_to:
            continue
        char = None
        if c == "(":
            skip_to = close_group(t, i) or len(t)
        elif c == "{" and (q := QUANTIFIER.match(t, i)) is not None:
            skip_to = q.end() - 1
        elif c == "\\":
            e = t[i + 1 : i + 2]
            char = e if e.isascii() and not e.isalnum() and e != "_" else None
        elif c.isascii() and c not in ".^$*+?{}|)":
            char = c
        step = 2 if c == "\\" else 1
        quant = t[i + step : i + step + 1]
        if char is None or i != last + 1 and last >= 0 and run or quant in ("?", "*", "{"):
            runs.append(run)
            run = ""
        if char is not None and quant not in ("?", "*", "{"):
            run += char.lower()
            if quant == "+":
                runs.append(run)
                run = ""
        last = i + step - 1
    runs.append(run)
    return [r for r in runs if r]
