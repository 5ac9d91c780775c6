"""Word vocabularies: lists of lemmas and lemma phrases, matched by lookup over a page's words.

A YAML entry is one word or a phrase of words separated by spaces ("reduce", "clinical trial",
"side effect"). Each word is a lemma: it matches every inflected form the simplemma dictionary maps
to it (reduce: reduces, reduced, reducing; study: studies, studied), found once when the rules are
loaded, so a page is matched by one dictionary lookup a word. A word written `=word` matches only as
written (case-insensitively); a word ending in `*` matches every word that starts with it.

`tokens(text)` is the page's words (letters and digits, joined by inner hyphens or apostrophes);
`Words.hits(tokens)` the matches of a vocabulary as (first token, token count) pairs.
"""

from __future__ import annotations

import re
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
class Token:
    start: int
    end: int
    low: str


def tokens(text: str) -> list[Token]:
    """The words of `text`, lower-cased, with their offsets."""
    return [Token(m.start(), m.end(), m.group().lower().replace("’", "'")) for m in TOKEN.finditer(text)]


Word = frozenset[str] | str  # the forms a word may take, or a prefix (a str ending in '*')


@dataclass(frozen=True)
class Words:
    """A compiled vocabulary: entries keyed by the forms of their first word (`first`) plus entries
    whose first word is a prefix (`prefixed`). Each entry is (index, its remaining words)."""

    source: tuple[str, ...]
    first: Mapping[str, tuple[tuple[int, tuple[Word, ...]], ...]]
    prefixed: tuple[tuple[str, int, tuple[Word, ...]], ...] = ()

    def hits(self, toks: Sequence[Token]) -> list[tuple[int, int]]:
        """(first token index, number of tokens) of every match, in text order, longest first at a place."""
        out: list[tuple[int, int]] = []
        first, prefixed = self.first, self.prefixed
        for i, t in enumerate(toks):
            best = 0
            for _, rest in first.get(t.low, ()):
                if len(rest) + 1 > best and _rest_matches(toks, i + 1, rest):
                    best = len(rest) + 1
            for pre, _, rest in prefixed:
                if t.low.startswith(pre) and len(rest) + 1 > best and _rest_matches(toks, i + 1, rest):
                    best = len(rest) + 1
            if best:
                out.append((i, best))
        return out

    def entry_of(self, toks: Sequence[Token], i: int) -> str:
        """The YAML entry matched at token `i` (for messages)."""
        for n, rest in self.first.get(toks[i].low, ()):
            if _rest_matches(toks, i + 1, rest):
                return self.source[n]
        for pre, n, rest in self.prefixed:
            if toks[i].low.startswith(pre) and _rest_matches(toks, i + 1, rest):
                return self.source[n]
        return toks[i].low


def _rest_matches(toks: Sequence[Token], i: int, rest: tuple[Word, ...]) -> bool:
    if i + len(rest) > len(toks):
        return False
    for k, w in enumerate(rest):
        low = toks[i + k].low
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
