"""Is a word in simplemma's English dictionary? Answered from a cached sorted list of the
dictionary's words: simplemma reads its whole dictionary (about 180,000 forms, 0.3-0.6 s) on its
first lookup, and importing it costs about 80 ms more; the list is keyed by the dictionary's data
file and this module, like CMUdict's syllables (lintkit.readability.table), and loads in
milliseconds. The answer is simplemma's `is_known(word, lang="en")`."""

from __future__ import annotations

import unicodedata
from functools import cache
from pathlib import Path

from lintkit.cache import memo, package_file
from lintkit.cache.wordlist import SortedWords, pack, valid_packed

_DATA = ("simplemma", "strategies/dictionaries/data/en.plzma")
_APOSTROPHES = ("'", "\u2019", "\u02bc")  # simplemma tries spelling variants of these: ask it


def known(word: str) -> bool:
    """simplemma.is_known(word, lang="en"): the word, or the word with its first letter's case
    swapped as simplemma does, is a form in the English dictionary."""
    w = unicodedata.normalize("NFC", word)
    if any(a in w for a in _APOSTROPHES):
        import simplemma

        return simplemma.is_known(w, lang="en")
    table = _table()
    return w in table or (w.lower() if w[:1].isupper() else w.capitalize()) in table


@cache  # (read-only after it is built: one list per process, shared by forked workers)
def _table() -> SortedWords:
    try:
        sources = [package_file(*_DATA), Path(__file__)]
    except OSError:
        sources = []
    packed = memo("english", sources, _build, valid_packed) if sources else None
    if packed is None:
        packed = _build()
    return SortedWords(*packed)


def warm() -> None:
    """Read the list now (before forking workers, so that they share it)."""
    _table()


def _build() -> tuple[str, bytes]:
    from simplemma.strategies.dictionaries import DefaultDictionaryFactory

    forms = DefaultDictionaryFactory().get_dictionary("en").keys()
    return pack(f for f in forms if "\n" not in f)
