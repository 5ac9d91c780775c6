"""Compiled `regex` patterns that are built only when first used.

The rules cache (lintkit.cache.codec) stores each pattern as its source and flags; there are about
1,900 for the default rules, though a short file only ever runs some of them. A `LazyPattern`
compiles its pattern on the first attribute access and forwards to it from then on. Sent to a
worker process (pickled in memory, never read from a file), it carries the data `regex` itself
would have pickled when it has been compiled, else its source.
"""

from __future__ import annotations

import copyreg
from typing import Any


class LazyPattern:
    """Stands in for a `regex.Pattern`: same methods and attributes, built on first use."""

    def __init__(self, data: tuple) -> None:
        # the arguments regex's own pickling passes to _regex.compile, or ("source", pattern, flags)
        self._data = data
        self._real: Any = None

    @classmethod
    def from_source(cls, pattern: str, flags: int) -> LazyPattern:
        """A pattern compiled from its source (by `regex.compile`) when first used."""
        return cls(("source", pattern, flags))

    @classmethod
    def of(cls, pattern: Any) -> LazyPattern:
        """The lazy form of a compiled pattern (from regex's own reduction of it)."""
        reduced: Any = copyreg.dispatch_table[type(pattern)](pattern)  # (callable, args)
        return cls(reduced[1])

    def source(self) -> tuple[str, int]:
        """(pattern, flags), without compiling when the pattern was made from its source."""
        if self._data[0] == "source" and len(self._data) == 3:
            return self._data[1], int(self._data[2])
        return self.pattern, int(self.flags)

    def compiled(self) -> Any:
        """The real `regex.Pattern` (built once)."""
        if self._real is None:
            if self._data[0] == "source" and len(self._data) == 3:
                import regex

                self._real = regex.compile(self._data[1], self._data[2])
            else:
                from regex import _regex  # the call regex makes when it unpickles a pattern

                self._real = _regex.compile(*self._data)
        return self._real

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or name in ("_data", "_real"):
            raise AttributeError(name)
        value = getattr(self.compiled(), name)
        self.__dict__[name] = value  # later look-ups find it directly, without this method
        return value

    def __reduce__(self) -> tuple:
        if self._real is not None:
            return LazyPattern.of(self._real).__reduce__()
        return LazyPattern, (self._data,)

    def __repr__(self) -> str:
        return repr(self.compiled())

    def __eq__(self, other: object) -> bool:
        other = other.compiled() if isinstance(other, LazyPattern) else other
        return self.compiled() == other

    def __hash__(self) -> int:
        return hash(self.compiled())

    def __copy__(self) -> LazyPattern:
        return self

    def __deepcopy__(self, memo: dict) -> LazyPattern:
        return self
