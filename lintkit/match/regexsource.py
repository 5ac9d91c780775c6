"""Reading a term's regex source: the key and literal text its matches must start with.

Only what is certain is read off; anything unusual gives "no key", and the term is then searched
for as written (see `scan`). `unsafe` finds terms that would mean something else compiled alone.
Only the public `regex` API is used: the source is read as text.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from lintkit.document.words import DIGIT, KEY

MAX_VARIANTS = 64  # leading-group expansions per term before it is treated as wild
_ASCII_WORD = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")
_QUANT = "?*+{"
_META = frozenset("\\.^$*+?()[]{}|")


def is_literal(t: str) -> bool:
    """Is term `t` plain text (no regex syntax): it compiles, and matches only itself?"""
    return not any(c in _META for c in t)


QUANTIFIER = regex.compile(r"(?:[?*+]|\{(\d*)(?:,(\d*))?\})[?+]?")  # groups: {low,high}
_LOOKAROUND = ("(?=", "(?!", "(?<=", "(?<!")
GROUP = regex.compile(r"\((?:\?(?:-?i:|:|>|P<\w+>|<\w+>))?")
_SPECIAL = regex.compile(r"P[=>]|&|R\)|[+-]?\d|\(|[a-zA-Z-]+\)")
_WORD_CHAR = regex.compile(r"\w", regex.VERSION0)
_WORD_CLASS = regex.compile(r"\\[wd]|\[(?:[A-Za-z0-9_](?:-[A-Za-z0-9_])?|\\[wd])+\]")


def syntax(s: str, start: int = 0) -> Iterator[tuple[int, str]]:
    """(index, char) of each character of regex `s` outside character classes, from `start`.
    An escape is yielded once, as its backslash; the escaped character is skipped."""
    i, in_class = start, False
    while i < len(s):
        c = s[i]
        if c == "\\":
            yield i, c
            i += 2
            continue
        if in_class:
            in_class = c != "]" or s[i - 1] == "["
        elif c == "[":
            in_class = True
        else:
            yield i, c
        i += 1


def unsafe(t: str) -> bool:
    """Does `t` change meaning when compiled alone: group references or calls, conditionals,
    global inline flags, \\G or \\K? (Escapes and character classes are skipped.)"""
    if is_literal(t):
        return False
    for i, c in syntax(t):
        if c == "\\" and t[i + 1 : i + 2] in tuple("123456789gGK"):
            return True
        if c == "(" and t[i + 1 : i + 2] == "?" and _SPECIAL.match(t, i + 2):
            return True
    return False


def word_start(t: str) -> bool:
    """Does every match of `t` start with a word character? (Then the term boundary before it is `\\b`.)"""
    vs = variants(t)
    return vs is not None and all(key(v) is not None for v in vs)


def variants(t: str) -> list[str] | None:
    """`t` with leading groups distributed: `(?:a|b)?c` -> [`ac`, `bc`, `c`]; None if too many."""
    if is_literal(t):
        return [t]
    done: list[str] = []
    todo = alternatives(t)
    while todo:
        v = _skip_lookarounds(todo.pop())
        if v is None:
            return None
        g = GROUP.match(v)
        if not v.startswith("(") or g is None or g.end() == 1 and v.startswith("(?"):
            done.append(v)
        else:
            close = close_group(v, 0)
            if close is None:
                return None
            body, rest = v[g.end() : close], v[close + 1 :]
            q = QUANTIFIER.match(rest)
            if q is None:
                todo.extend(alt + rest for alt in alternatives(body))
            else:  # a quantified group: a match starts with one of its alternatives...
                once = q.group().startswith("?")  # (at most once: what follows is `rest`; else
                after = rest[q.end() :]  # unknown, and "(?=)" ends the literal start there)
                todo.extend(alt + (after if once else "(?=)") for alt in alternatives(body))
                if once or q.group().startswith("*") or q.group(1) in ("", "0"):
                    todo.append(after)  # ...or, when it may be absent, with what follows
        if len(done) + len(todo) > MAX_VARIANTS:
            return None
    return _widen(done)


def _widen(vs: list[str]) -> list[str]:
    """Distribute the group that follows each variant's literal start (`is (?:safe|mild)` ->
    `is safe`, `is mild`), so that the literal starts are longer; as many rounds as MAX_VARIANTS allows."""
    for _ in range(4):
        out: list[str] = []
        for v in vs:
            at = len(_literal(v)[1])
            parts = _split_group(v, at) if v[at : at + 1] == "(" else _split_optional(v, at)
            out.extend(parts if parts is not None else [v])
        if out == vs or len(out) > MAX_VARIANTS:
            return vs
        vs = out
    return vs


def _split_group(v: str, at: int) -> list[str] | None:
    """v with the group at v[at] replaced by each of its alternatives (and by nothing when it is
    optional); None when it is a lookaround or has another quantifier."""
    g = GROUP.match(v, at)
    close = close_group(v, at)
    if g is None or close is None or g.end() == at + 1 and v.startswith("(?", at):
        return None
    body, rest = v[g.end() : close], v[close + 1 :]
    optional = rest[:1] == "?"
    if optional:
        rest = rest[2:] if rest[1:2] in ("?", "+") and rest[1:2] else rest[1:]
    elif _is_quant(rest[:1]):
        return None
    head = v[:at]
    return [head + alt + rest for alt in alternatives(body)] + ([head + rest] if optional else [])


def _split_optional(v: str, at: int) -> list[str] | None:
    """v with the optional literal character at v[at] (`cures?`) there and left out; None when
    v[at] is not an ASCII letter or digit followed by `?` (or `??`)."""
    c, q = v[at : at + 1], v[at + 1 : at + 3]
    if not (c.isascii() and c.isalnum()) or q[:1] != "?" or q[1:2] == "+":
        return None
    rest = v[at + (3 if q == "??" else 2) :]
    return [v[:at] + c + rest, v[:at] + rest]


def _skip_lookarounds(v: str) -> str | None:
    """Drop zero-width lookarounds at the start of `v` (they only narrow the matches)."""
    while v.startswith(_LOOKAROUND):
        close = close_group(v, 0)
        if close is None:
            return None
        v = v[close + 1 :]
    return v


def key(v: str) -> str | None:
    """The key every match of `v` starts with: its whole first word and a space when a non-word
    character must follow, else its first KEY letters; "" when it starts with some other word
    character; None if it may start with something else."""
    word = ""
    i = 0
    while i < len(v):
        c = v[i]
        nxt = v[i + 1 : i + 2]
        if c in _ASCII_WORD and not _is_quant(nxt):
            word += c.lower()
            i += 1
            continue
        if word and _non_word(v, i):
            return word + " "  # a complete word: a non-word character must follow
        break
    if word and i >= len(v):
        return word + " "  # the term's end: the boundary needs a non-word character next
    if len(word) >= KEY:
        return word[:KEY]
    if word:
        return ""
    m = _WORD_CLASS.match(v)
    if m is None or v[m.end() : m.end() + 1] in ("?", "*", "{"):
        return None
    return DIGIT if m.group() in (r"\d", "[0-9]") else ""


def literal(v: str) -> str:
    """The lower-cased ASCII literal text every match of `v` starts with (at least its key)."""
    return _literal(v)[0]


def _literal(v: str) -> tuple[str, str]:
    """(literal(v), the part of `v` it was read from)."""
    if v.isascii() and is_literal(v):
        return v.lower(), v
    out = []
    i = 0
    while i < len(v):
        c, step = v[i], 1
        if c == "\\":
            c, step = v[i + 1 : i + 2], 2
            if not c or not c.isascii() or c.isalnum() or c == "_":
                break
        elif c in ".^$*+?()[]{}|" or not c.isascii():
            break
        if _is_quant(v[i + step : i + step + 1]):
            break
        out.append(c.lower())
        i += step
    return "".join(out), v[:i]


def _is_quant(c: str) -> bool:
    return c != "" and c in _QUANT


def _non_word(v: str, i: int) -> bool:
    """Does the element at v[i] (a character, an escape or a class) certainly match a non-word
    character: no quantifier after it, or `+`?"""
    c = v[i]
    if c == "[":
        end = _class_end(v, i)
        return end is not None and v[end : end + 1] not in ("?", "*", "{")
    if (v[i + 2 : i + 3] if c == "\\" else v[i + 1 : i + 2]) in ("?", "*", "{"):
        return False
    if c == "\\":
        e = v[i + 1 : i + 2]
        return e in ("s", "W") or (e != "" and not e.isalnum() and e != "_")
    return c in " -'’,:;!/&" or c == '"'


def _class_end(v: str, i: int) -> int | None:
    """The index after the class at v[i] when every member is a non-word character (no ranges,
    no negation, escapes only of punctuation or \\s), else None."""
    j = i + 1
    if v[j : j + 1] in ("^", "]", ""):
        return None
    while j < len(v) and v[j] != "]":
        if v[j] == "\\":
            e = v[j + 1 : j + 2]
            if not (e == "s" or (e != "" and e.isascii() and not e.isalnum() and e != "_")):
                return None
            j += 2
            continue
        if v[j] == "-" and v[j + 1 : j + 2] not in ("]", "") and j > i + 1 or _WORD_CHAR.match(v[j]):
            return None  # a range, or a word character
        j += 1
    return j + 1 if j < len(v) else None


def close_group(s: str, i: int) -> int | None:
    """Index of the parenthesis closing the one at s[i] (escapes and classes skipped)."""
    depth = 0
    for j, c in syntax(s, i):
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return j
    return None


def alternatives(body: str) -> list[str]:
    """Top-level alternatives of a group body."""
    out, depth, start = [], 0, 0
    for j, c in syntax(body):
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            out.append(body[start:j])
            start = j + 1
    out.append(body[start:])
    return out
