"""The word starts of a text, keyed by what a term's match must start with (see lintkit.match).

Made once per text and shared by every term list: each ASCII word start is keyed by its whole
word ("word "), its first KEY letters, and DIGIT when it starts with a digit; pairs of words
("word next ", "word nex") are found on demand. The term matcher's candidate tables read it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate

import regex

DIGITS = frozenset("0123456789")
DIGIT = "#"  # the key of word starts that are ASCII digits (terms starting with \\d)
KEY = 3  # letters of a word start used as its key when the first word is not complete
_SPLIT = regex.compile(r"(\w+)", regex.VERSION0)
_TWO_WORD_CHARS = regex.compile(r"\w\w", regex.VERSION0)
# The non-ASCII characters that match an ASCII letter case-insensitively (İ, ſ, K); a text with
# one of them can match a literal that its lower-case form does not contain (see termneeds).
FOLDS_TO_ASCII = frozenset("\u0130\u017f\u212a")


@dataclass
class WordIndex:
    """Word starts of one text by key, plus starts whose first letters are not ASCII (`odd`).

    Each ASCII word start is keyed by its whole word ("word "), its first KEY letters, and DIGIT
    when it starts with a digit; `pair` finds, on demand, the starts with the keys of a word and
    the next one ("word next ", "word nex"). A non-ASCII letter may match an ASCII one
    case-insensitively (K, ſ), so such words are `odd`."""

    text: str
    by_key: dict[str, list[int]]
    odd: list[int]
    starts: list[int]
    low: str | None  # text.lower() when that keeps every offset, else None
    literal_safe: bool  # `low` holds every case-insensitive match of an ASCII literal (see termneeds)
    _pair: dict[str, list[int]] = field(default_factory=dict)  # pair key -> word starts (on demand)
    _firsts: dict[str, set[int]] = field(default_factory=dict)  # word key -> its starts (on demand)
    # lintkit.match.index's tables, by id of the scan plan, each with the plan it was made for (an
    # index of an equal text may be reused for another run's rules: ids of freed plans come back)
    tables: dict[int, tuple[object, tuple[list[int], list]]] = field(default_factory=dict)
    live: dict[int, tuple[object, list[int]]] = field(default_factory=dict)

    def pair(self, word_key: str, key: str) -> list[int]:
        """The word starts keyed `word_key` ("word ") that one space and an ASCII word with the key
        `key[len(word_key):]` follow ("next " or "nex"): found from the next word's starts, so a
        common first word costs nothing where the next one is rare."""
        got = self._pair.get(key)
        if got is None:
            got = self._pair[key] = self._before(word_key, self.by_key.get(key[len(word_key) :], ()))
        return got

    def pair_odd(self, word_key: str) -> list[int]:
        """The word starts keyed `word_key` that one space and a non-ASCII word follow."""
        return self._before(word_key, self.odd)

    def _before(self, word_key: str, nexts: Sequence[int]) -> list[int]:
        n, text = len(word_key), self.text
        if not nexts or word_key not in self.by_key:
            return []
        firsts = self._firsts.get(word_key)
        if firsts is None:
            firsts = self._firsts[word_key] = set(self.by_key[word_key])
        return [q - n for q in nexts if q - n in firsts and text[q - 1] == " "]


def cuts_word(text: str, i: int) -> bool:
    """Does a cut of `text` before index i fall inside a word (between two word characters)?"""
    return 0 < i < len(text) and _TWO_WORD_CHARS.match(text, i - 1, i + 1) is not None


@lru_cache(maxsize=1)  # (the document being linted: its index is shared by every term list)
def word_index(text: str) -> WordIndex:
    """The WordIndex of `text`."""
    lowered = text.lower()
    low = lowered if len(lowered) == len(text) else None
    safe = low is not None and not any(c in text for c in FOLDS_TO_ASCII)
    # In a literal-safe text, lower case keeps every offset and every word character (İ, whose
    # lower case is longer, and K, whose lower case is ASCII, are not there): index it directly.
    words, starts = _words(lowered if safe else text)
    by_word: dict[str, list[int]] = defaultdict(list)
    for p, w in zip(starts, words, strict=True):
        by_word[w].append(p)
    by_key: dict[str, list[int]] = {}
    odd: list[int] = []
    merged: set[str] = set()  # keys of several words ("The", "the", "then"): sorted at the end
    for w, at in by_word.items():  # each distinct word once
        if not w.isascii():
            odd.extend(at)
            continue
        if not safe:
            w = w.lower()
        for k in (w + " ", w[:KEY] if len(w) >= KEY else None, DIGIT if w[0] in DIGITS else None):
            if k is None:
                continue
            got = by_key.get(k)
            if got is None:
                by_key[k] = at
            else:
                by_key[k] = got + at  # (a new list: `at` may be another key's list too)
                merged.add(k)
    for k in merged:
        by_key[k].sort()
    odd.sort()
    return WordIndex(text, by_key, odd, starts, low, safe)


def _words(text: str) -> tuple[list[str], list[int]]:
    """The runs of word characters in `text` and where each starts."""
    pieces = _SPLIT.split(text)  # non-word, word, non-word, ..., non-word (no timeout: linear)
    ends = list(accumulate(map(len, pieces)))
    words = pieces[1::2]
    return words, ends[0::2][: len(words)]
