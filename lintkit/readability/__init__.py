"""Readability formulas computed on lintkit's own sentences, with syllables counted as textstat
counts them (the first CMUdict pronunciation, else Pyphen), from lintkit's cached tables.

textstat's own sentence counter merges lines without end punctuation and breaks on abbreviations,
so lintkit uses its own sentence and word counts in the standard formulas (docs/architecture.md).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from lintkit.document.segment import WORD

# textstat 0.7.8's list_words(text, lowercase=True): drop apostrophes that do not start a
# contraction ending (its RE_NONCONTRACTION_APOSTROPHE), then other punctuation.
_NONCONTRACTION_APOSTROPHE = re.compile(r"\'(?![tsd]|ve|ll|re)")
_PUNCTUATION = re.compile(r"[^\w\s\']")


@lru_cache(maxsize=1 << 13)  # (bounded: memory stays flat over many files)
def syllables(word: str) -> int:
    """Syllables in one lower-case word, as textstat.syllable_count counts them: the first CMUdict
    pronunciation, else Pyphen. textstat reads all of CMUdict on first use (1-2 s); lintkit takes
    the same counts from a cached table (lintkit.readability.table.syllable_table)."""
    if word[0].isdigit():
        return 1
    text = _PUNCTUATION.sub("", _NONCONTRACTION_APOSTROPHE.sub("", word))
    count = 0
    for w in text.lower().split():
        n = _cmudict_count(w)
        count += n if n is not None else len(_pyphen().positions(w)) + 1
    return max(1, count)


def _cmudict_count(w: str) -> int | None:
    table, counts = _table()
    i = bisect.bisect_left(table, w)
    return counts[i] if i < len(table) and table[i] == w else None


@lru_cache(maxsize=1)
def _table() -> tuple[Sequence[str], bytes]:
    from lintkit.readability.table import syllable_table

    return syllable_table()


@lru_cache(maxsize=1)
def _pyphen():
    """Pyphen's en_US hyphenation, as textstat uses it (lintkit.readability.hyphen: same points, no pyphen
    import; the parsed patterns come from lintkit's cache)."""
    from lintkit.readability.hyphen import en_us

    return en_us()


@lru_cache(maxsize=1 << 13)  # (bounded: memory stays flat over many files)
def _word_syllables(word: str) -> int:
    return sum(syllables(part) for part in word.lower().replace("’", "'").split("-") if part)


def counts(sentences: list[str]) -> tuple[int, int, int]:
    """(sentences, words, syllables) over the given sentence strings; empty sentences ignored."""
    return total(each_counts(sentences))


def total(each: list[tuple[int, int, int]]) -> tuple[int, int, int]:
    """The sum of several sentences' (sentences, words, syllables)."""
    if not each:
        return 0, 0, 0
    n_sent, n_words, n_syll = map(sum, zip(*each, strict=True))
    return n_sent, n_words, n_syll


def each_counts(sentences: Iterable[str]) -> list[tuple[int, int, int]]:
    """(1, words, syllables) of each sentence string alone; (0, 0, 0) for one with no words."""
    find, syll = WORD.findall, _word_syllables
    return [(1, len(ws), sum(map(syll, ws))) if (ws := find(s)) else (0, 0, 0) for s in sentences]


def grade(n_sent: int, n_words: int, n_syll: int) -> float:
    """Flesch-Kincaid grade level."""
    if not n_sent or not n_words:
        return 0.0
    return 0.39 * n_words / n_sent + 11.8 * n_syll / n_words - 15.59


def reading_ease(n_sent: int, n_words: int, n_syll: int) -> float:
    """Flesch reading ease (higher is easier)."""
    if not n_sent or not n_words:
        return 100.0
    return 206.835 - 1.015 * n_words / n_sent - 84.6 * n_syll / n_words
