"""Readability formulas computed on lintkit's own sentences (textstat counts syllables).

textstat's own sentence counter merges lines without end punctuation and breaks on abbreviations
(see docs), so lintkit passes its own sentence and word counts into the standard formulas and only
asks textstat for syllables, one distinct word at a time.
"""

from __future__ import annotations

from functools import lru_cache

from lintkit.segment import words


@lru_cache(maxsize=1 << 16)
def syllables(word: str) -> int:
    """Syllables in one lower-case word (CMUdict, then Pyphen, via textstat)."""
    if word[0].isdigit():
        return 1
    import textstat  # lazy: keeps start-up fast for runs that never measure

    return max(1, textstat.syllable_count(word))


@lru_cache(maxsize=1 << 16)
def _word_syllables(word: str) -> int:
    return sum(syllables(part) for part in word.lower().replace("’", "'").split("-") if part)


def counts(sentences: list[str]) -> tuple[int, int, int]:
    """(sentences, words, syllables) over the given sentence strings; empty sentences ignored."""
    n_sent = n_words = n_syll = 0
    for s in sentences:
        ws = words(s)
        if not ws:
            continue
        n_sent += 1
        n_words += len(ws)
        n_syll += sum(_word_syllables(w) for w in ws)
    return n_sent, n_words, n_syll


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
