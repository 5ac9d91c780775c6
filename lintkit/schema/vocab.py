"""Word vocabularies: lists of lemmas and lemma phrases, matched by lookup over a page's words.

A YAML entry is one word or a phrase of words separated by spaces ("reduce", "clinical trial",
"side effect"). Each word is a lemma: it matches every inflected form the simplemma dictionary maps
to it (reduce: reduces, reduced, reducing; study: studies, studied), found once when the rules are
loaded, so a page is matched by one dictionary lookup a word. A word written `=word` matches only as
written (case-insensitively); a word ending in `*` matches every word that starts with it.

`tokens(text)` is the page's words (letters and digits, joined by inner hyphens or apostrophes);
`Words.hits(toks)` the matches of a vocabulary as (first token, token count) pairs, found from the
page's distinct words (`Tokens.where`), so a vocabulary costs a set intersection, not a pass over
every word.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

TOKEN = re.compile(r"\w+(?:[-'’+]\w+)*\+?")


class VocabError(ValueError):
    """A bad vocabulary entry; `index` is its position in the YAML list."""

    def __init__(self, message: str, index: int = -1) -> None:
        super().__init__(message)
        self.index = index


@dataclass(frozen=True)
class Tokens:
    """The words of a text: their offsets, lower-cased forms, and where each form occurs.

    Offsets and places are arrays of machine integers and each distinct form is one string, so a
    page of 300,000 words costs a few MB, not a hundred (Python ints and strings are 28-60 bytes)."""

    starts: Sequence[int]
    ends: Sequence[int]
    lows: list[str]
    where: dict[str, Sequence[int]]

    def __len__(self) -> int:
        return len(self.lows)


def tokens(text: str) -> Tokens:
    """The words of `text`, lower-cased, with their offsets."""
    code = "I" if len(text) < 1 << 32 else "Q"
    starts, ends = array(code), array(code)
    lows: list[str] = []
    where: dict[str, Any] = {}
    low_text = text.lower().replace("’", "'")
    same = len(low_text) == len(text)  # (lower() keeps every offset: almost always)
    for n, m in enumerate(TOKEN.finditer(low_text if same else text)):
        low = m.group() if same else m.group().lower().replace("’", "'")
        got = where.get(low)
        if got is None:
            where[low] = array(code, [n])
            lows.append(low)
        else:
            got.append(n)
            lows.append(lows[got[0]])  # (the first occurrence's string: one string a form)
        s, e = m.span()
        starts.append(s)
        ends.append(e)
    return Tokens(starts, ends, lows, where)


Word = frozenset[str] | str  # the forms a word may take, or a prefix (a str ending in '*')


@dataclass(frozen=True)
class Words:
    """A compiled vocabulary: entries keyed by the forms of their first word (`first`) plus entries
    whose first word is a prefix (`prefixed`). Each entry is (index, its remaining words)."""

    source: tuple[str, ...]
    first: Mapping[str, tuple[tuple[int, tuple[Word, ...]], ...]]
    prefixed: tuple[tuple[str, int, tuple[Word, ...]], ...] = ()

    def hits(self, toks: Tokens) -> dict[int, int]:
        """First token index -> number of tokens of every match (the longest at a place)."""
        out: dict[int, int] = {}
        lows, where = toks.lows, toks.where
        tails = [(self.first[w], where[w]) for w in self.first.keys() & where.keys()]
        for pre, _, rest in self.prefixed:
            tails += [(((0, rest),), where[w]) for w in where if w.startswith(pre)]
        for entries, places in tails:
            for _, rest in entries:
                n = len(rest) + 1
                for i in places:
                    if n > out.get(i, 0) and (not rest or _rest_matches(lows, i + 1, rest)):
                        out[i] = n
        return out


def _rest_matches(lows: Sequence[str], i: int, rest: tuple[Word, ...]) -> bool:
    if i + len(rest) > len(lows):
        return False
    for k, w in enumerate(rest):
        low = lows[i + k]
        if isinstance(w, str):
            if not low.startswith(w):
                return False
        elif low not in w:
            return False
    return True


def compile_words(items: Sequence[object], lexicons: Mapping[str, Sequence[str]], forms: Any) -> Words:
    """Compile a YAML vocabulary (entries and `@lexicon` includes). `forms(lemma)` gives the forms
    of a lemma (see `lemma_forms`). Raises VocabError naming the bad entry."""
    entries: list[str] = []
    for n, item in enumerate(items):
        if not isinstance(item, str) or not item.strip():
            raise VocabError(f"item {n + 1} must be a non-empty string", n)
        if item.startswith("@"):
            if item[1:] not in lexicons:
                raise VocabError(f"unknown lexicon {item!r} (known: {', '.join(sorted(lexicons))})", n)
            entries.extend(lexicons[item[1:]])
        else:
            entries.append(item)
    first: dict[str, list[tuple[int, tuple[Word, ...]]]] = {}
    prefixed: list[tuple[str, int, tuple[Word, ...]]] = []
    for n, entry in enumerate(entries):
        words = [_word(w, forms, n) for w in entry.lower().split()]
        head, rest = words[0], tuple(words[1:])
        if isinstance(head, str):
            prefixed.append((head, n, rest))
            continue
        for f in sorted(head):
            first.setdefault(f, []).append((n, rest))
    frozen = {k: tuple(v) for k, v in first.items()}
    return Words(tuple(entries), frozen, tuple(prefixed))


def _word(w: str, forms: Any, n: int) -> Word:
    if w.endswith("*"):
        if len(w) < 4:
            raise VocabError(f"prefix {w!r} is too short (at least three letters before '*')", n)
        return w[:-1]
    if w.startswith("="):
        return frozenset([w[1:]])
    return frozenset(forms(w))


def lemma_forms() -> Any:
    """A function lemma -> its forms, from simplemma's English dictionary (read once per call of
    this function: call it once per rule load)."""
    from simplemma.strategies.dictionaries import DefaultDictionaryFactory

    table: dict[str, set[str]] = {}
    for form, lemma in DefaultDictionaryFactory().get_dictionary("en").items():
        low = form.lower()
        table.setdefault(lemma.lower(), set()).add(low)

    def forms(lemma: str) -> Iterable[str]:
        return table.get(lemma, set()) | {lemma}

    return forms
