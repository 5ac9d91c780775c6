"""Hyphenation points exactly as Pyphen finds them for en_US, without importing pyphen.

readability needs Pyphen only to count syllables of words CMUdict lacks. Importing pyphen lists
its ~70 dictionaries through importlib.resources on every start; lintkit instead keeps the parsed
en_US patterns (built once by pyphen itself) in its cache and runs Pyphen's own algorithm on them.
"""

from __future__ import annotations

from pathlib import Path

Patterns = dict[str, bytes]  # pattern -> its offset, then its values (compact: a fast cache load)
DICTIONARY = "dictionaries/hyph_en_US.dic"  # pyphen.LANGUAGES[language_fallback("en_US")]


class Hyphenator:
    """`pyphen.Pyphen(lang="en_US").positions` on a pattern table (left=2, right=2 as Pyphen's defaults)."""

    def __init__(self, patterns: Patterns, maxlen: int, left: int = 2, right: int = 2) -> None:
        self.patterns, self.maxlen, self.left, self.right = patterns, maxlen, left, right

    def positions(self, word: str) -> list[int]:
        """Where `word` can be hyphenated (Pyphen.positions, as plain ints)."""
        right = len(word) - self.right
        pointed = f".{word.lower()}."
        refs = [0] * (len(pointed) + 1)
        for i in range(len(pointed) - 1):
            stop = min(i + self.maxlen, len(pointed)) + 1
            for j in range(i + 1, stop):
                pattern = self.patterns.get(pointed[i:j])
                if not pattern:
                    continue
                offset, values = pattern[0], pattern[1:]
                part = slice(i + offset, i + offset + len(values))
                refs[part] = map(max, values, refs[part])
        return [i - 1 for i, ref in enumerate(refs) if ref % 2 and self.left <= i - 1 <= right]


def en_us() -> Hyphenator:
    """The en_US hyphenator, its patterns from lintkit's cache (parsed by pyphen on a cache miss)."""
    from lintkit.cache import memo, package_file

    try:
        path = package_file("pyphen", DICTIONARY)
        sources = [path, package_file("pyphen", "__init__.py")]
    except OSError:
        return Hyphenator(*_build(None))
    table = memo("pyphen", sources, lambda: _build(path), _valid)
    return Hyphenator(*table)


def _valid(v: object) -> bool:
    return (
        isinstance(v, tuple)
        and len(v) == 2
        and isinstance(v[0], dict)
        and type(v[1]) is int
        and all(isinstance(k, str) and isinstance(p, bytes) and p for k, p in v[0].items())
    )


def _build(path: Path | None) -> tuple[Patterns, int]:
    import pyphen

    if path is None or not path.is_file():
        path = pyphen.LANGUAGES[pyphen.language_fallback("en_US")]
    hd = pyphen.HyphDict(path)
    patterns = {k: bytes([int(o), *(int(v) for v in vs)]) for k, (o, vs) in hd.patterns.items()}
    return patterns, hd.maxlen
