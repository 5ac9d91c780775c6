"""Compiled `regex` patterns and scan plans that are rebuilt from the rules cache only when first used.

`regex` pickles a pattern as its compiled code; unpickling rebuilds every pattern (about 1,900 for
the default rules), though a short file only ever runs a few of them. The rules cache stores each
pattern as a `LazyPattern` holding exactly the data `regex` would have pickled; the first attribute
access rebuilds the pattern the same way unpickling would have, and forwards to it from then on.
"""

from __future__ import annotations

import copyreg
from typing import Any


class LazyPattern:
    """Stands in for a `regex.Pattern`: same methods and attributes, built on first use."""

    def __init__(self, data: tuple) -> None:
        self._data = data  # the arguments regex's own pickling passes to _regex.compile
        self._real: Any = None

    @classmethod
    def of(cls, pattern: Any) -> LazyPattern:
        """The lazy form of a compiled pattern (from regex's own reduction of it)."""
        _, data = copyreg.dispatch_table[type(pattern)](pattern)
        return cls(data)

    def compiled(self) -> Any:
        """The real `regex.Pattern` (built once)."""
        if self._real is None:
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


class LazyPlan:
    """Stands in for a termplan.ScanPlan in the rules cache: its pickled form is loaded on first
    use (a run on one short file uses about half the plans). The plan's fields then become this
    object's own attributes, so later look-ups cost what they cost on the plan itself."""

    def __init__(self, blob: bytes) -> None:
        self._blob = blob

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or name == "_blob":
            raise AttributeError(name)
        import pickle

        plan = pickle.loads(self._blob)
        self.__dict__.update(vars(plan))
        return getattr(plan, name)

    def __reduce__(self) -> tuple:
        return LazyPlan, (self._blob,)
