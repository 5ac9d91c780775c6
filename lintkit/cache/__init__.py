"""The on-disk cache that makes start-up cheap (used for compiled rules and CMUdict's syllable counts).

Rules: parsing the YAML and compiling the term patterns costs seconds; reading the result back
costs a fraction of that (patterns are compiled from their source when first used). Entries are
plain JSON data (lintkit.cache.codec), never pickles: a planted cache file cannot run code. An entry
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
from collections.abc import Callable
from pathlib import Path
from typing import Any

Classes = tuple[type, ...]  # the dataclasses an entry may hold (lintkit.cache.codec)

FORMAT = 8  # bump when the cached layout changes (lintkit.cache.codec)
KEEP = 8  # rule-cache entries kept (one per distinct set of rule files)


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


def bounded(path: Path, limit: int | None = None) -> bytes:
    """A regular file's bytes (never a FIFO or a device: see readsafe.read_regular)."""
    from lintkit.files.readsafe import MAX_BYTES, read_regular

    return read_regular(path, limit or MAX_BYTES)


def hasher(data: bytes) -> Any:
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
    h = hasher(f"{FORMAT}|{kind}|{sys.version}".encode())
    try:
        for src in sources:
            st = src.stat()
            h.update(f"{src}|{st.st_size}|{st.st_mtime_ns}\0".encode())
    except OSError:
        return build()
    name = f"{kind}-{h.hexdigest()[:32]}.json"
    value = read_entry(name, valid)
    if value is None:
        value = build()
        write_entry(name, value, prune=f"{kind}-*.json")
    return value


def package_file(package: str, rel: str) -> Path:
    """A file inside an installed package, found without importing it."""
    from importlib.util import find_spec

    spec = find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise OSError(f"package {package} not found")
    return Path(next(iter(spec.submodule_search_locations))) / rel


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


def read_entry(name: str, valid: Callable[[Any], bool], classes: Classes = ()) -> Any:
    """The value cached under `name`, or None: missing, unsafe or wrong (with a warning)."""
    import gc

    from lintkit.cache import codec

    folder = cache_dir()
    path = folder / name
    from lintkit.files.readsafe import InputError

    try:
        data = bounded(path, 1 << 30)
    except InputError:
        return None  # missing, unreadable or not a regular file: rebuild
    problem = _safe_folder(folder)
    if problem:
        _warn(problem)
        return None
    collecting = gc.isenabled()
    gc.disable()  # (collecting while loading finds nothing to free: every loaded object is in use)
    try:
        value = codec.loads(data, classes)
    except codec.CodecError as err:
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


def write_entry(name: str, value: Any, prune: str, classes: Classes = ()) -> None:
    """Write atomically (lintkit.files.safeio); keep the KEEP newest entries matching `prune`. A value the
    format cannot hold, or a folder that cannot be written, leaves the cache as it was."""
    from lintkit.cache import codec
    from lintkit.files.safeio import WriteError, write_atomic

    folder = cache_dir()
    try:
        text = codec.dumps({"format": FORMAT, "name": name, "value": value}, classes)
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if _safe_folder(folder):
            return
        write_atomic(folder / name, text, mode=0o600)
        entries = sorted(folder.glob(prune), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in entries[KEEP:]:
            old.unlink(missing_ok=True)
    except (OSError, WriteError, TypeError, ValueError):
        pass
