"""A sorted word list packed into one string (for the on-disk cache): no list of a hundred
thousand strings to build at start-up or to keep in every worker; looked up by bisection."""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Iterable, Sequence
from typing import Any


class SortedWords(Sequence):
    """Sorted words read out of one string on demand: word i is joined[starts[i] : starts[i + 1] - 1]."""

    def __init__(self, joined: str, starts: bytes) -> None:
        self.joined = joined
        self.starts = array("I")
        self.starts.frombytes(starts)

    def __len__(self) -> int:
        return len(self.starts) - 1

    def __getitem__(self, i: int) -> str:  # type: ignore[override]
        return self.joined[self.starts[i] : self.starts[i + 1] - 1]

    def index_of(self, word: str) -> int:
        """The index of `word`, or -1 when it is not in the list."""
        i = bisect.bisect_left(self, word)
        return i if i < len(self) and self[i] == word else -1

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self.index_of(word) >= 0


def pack(words: Iterable[str]) -> tuple[str, bytes]:
    """(joined, starts) of the sorted distinct `words` (none may hold a newline)."""
    ordered = sorted(set(words))
    starts = array("I", [0])
    for w in ordered:
        starts.append(starts[-1] + len(w) + 1)
    return "\n".join(ordered), starts.tobytes()


def valid_packed(v: Any, n: int = 2) -> bool:
    """Is `v` a tuple whose first two items are a (joined, starts) pair (cache entries are checked)?"""
    return (
        isinstance(v, tuple)
        and len(v) == n
        and isinstance(v[0], str)
        and isinstance(v[1], bytes)
        and len(v[1]) % array("I").itemsize == 0
        and len(v[1]) >= array("I").itemsize
    )
