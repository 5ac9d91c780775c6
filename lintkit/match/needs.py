"""What every match of a term must contain: literal strings to look for before searching for a
term that has no key (termscan), so that the search is skipped in a text that has none of them."""

from __future__ import annotations

import regex

from lintkit.match.parse import GROUP, QUANTIFIER, alternatives, close_group, literal, syntax, variants

MIN_NEED = 1  # (a short literal is in almost every text, but not in every sentence: see termscan.may_hold)
RARE = 4  # a rare character is about as selective as a literal this long ("©" rather than "19")


def needs(t: str) -> tuple[str, ...] | None:
    """Lower-case strings, one of which every match of `t` contains; None if unknown. They are
    ASCII, or rare characters that match only themselves whatever the case (© ★ ¹)."""
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
