"""The offset map from Document.text back to the source, kept in the pieces the parser added.

A piece is a range (characters copied from one stretch of the source: most of a page) or an array
(characters gathered from several places: joined lines, entities), so parsing does no work per
character for the common case. A look-up finds the piece by bisection.
"""

from __future__ import annotations

import bisect
import re
from array import array
from collections.abc import Iterable, Iterator, Sequence
from typing import overload

_BREAK = re.compile(r"\r\n?|\n")  # the line breaks editors know: LF, CR LF and a lone CR


def line_starts(source: str) -> list[int]:
    """The index of each line's first character: after every LF, CR LF or lone CR."""
    return [0, *(m.end() for m in _BREAK.finditer(source))]


def source_lines(source: str) -> list[tuple[int, str]]:
    """(start index, text without its line break) of every line of `source`."""
    starts = line_starts(source)
    ends = [m.start() for m in _BREAK.finditer(source)] + [len(source)]
    return [(s, source[s:e]) for s, e in zip(starts, ends, strict=True)]


class OffsetMap(Sequence[int]):
    """`offsets[i]` is the source index of text character i (a sequence of ints)."""

    def __init__(self) -> None:
        self._pieces: list[Sequence[int]] = []
        self._starts: list[int] = []  # the text index of each piece's first character
        self._len = 0
        # The exclusive source end of a character that stands for more than one source character
        # (an entity such as `&amp;`), by text index; any other character ends one after its start.
        self._ends: dict[int, int] = {}

    def extend(self, source: Iterable[int]) -> None:
        """Append the source indices of the next characters (a range is kept as it is)."""
        if not isinstance(source, range):
            source = array("q", source)
            if len(source) == 1:  # (a space that stands for a run of white space, and the like)
                source = range(source[0], source[0] + 1)
        if not len(source):
            return
        last = self._pieces[-1] if self._pieces else None
        if (
            isinstance(source, range)
            and isinstance(last, range)
            and last.stop == source.start
            and last.step == source.step == 1
        ):
            self._pieces[-1] = range(last.start, source.stop)  # (the source runs on: one piece)
        else:
            self._starts.append(self._len)
            self._pieces.append(source)
        self._len += len(source)

    def set_end(self, i: int, source_end: int) -> None:
        """Text character i stands for the source up to `source_end` (exclusive)."""
        self._ends[i] = source_end

    def end(self, i: int) -> int:
        """The exclusive source end of text character i."""
        got = self._ends.get(i if i >= 0 else i + self._len)
        return got if got is not None else self[i] + 1

    def pop(self) -> int:
        """Remove and return the last entry."""
        if not self._len:
            raise IndexError("pop from an empty offset map")
        self._ends.pop(self._len - 1, None)
        last = self._pieces[-1]
        value = last[-1]
        if len(last) == 1:
            self._pieces.pop()
            self._starts.pop()
        else:
            self._pieces[-1] = last[:-1]
        self._len -= 1
        return value

    def __len__(self) -> int:
        return self._len

    @overload
    def __getitem__(self, i: int) -> int: ...
    @overload
    def __getitem__(self, i: slice) -> list[int]: ...
    def __getitem__(self, i: int | slice) -> int | list[int]:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(self._len))]
        if i < 0:
            i += self._len
        if not 0 <= i < self._len:
            raise IndexError("offset map index out of range")
        k = bisect.bisect_right(self._starts, i) - 1
        return self._pieces[k][i - self._starts[k]]

    def __iter__(self) -> Iterator[int]:
        for piece in self._pieces:
            yield from piece
