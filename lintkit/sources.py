"""Finding input files and reading them safely (binary, undecodable, huge, looping folders)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from lintkit.markup import format_of

MAX_BYTES = 64 * 1024 * 1024


class InputError(Exception):
    """An input that cannot be linted; the message says why and what to do."""


@dataclass(frozen=True)
class Source:
    """A file to lint: its display path and markup format."""

    path: str
    fmt: str


def discover(
    paths: list[str], extensions: dict[str, str], exclude: list[str] | None = None, skip_path=None
) -> tuple[list[Source], list[str]]:
    """Expand files and folders (recursively, following no symlinked folders twice), leaving out
    what `skip_path` (a lintkit.ignore.PathFilter) ignores: walked paths by `exclude` and
    .gitignore, named files by `exclude` only (globs as given, or on the name, without one).

    Returns the sources in a stable order and the errors (missing paths)."""
    from fnmatch import fnmatch

    def excluded(path: str) -> bool:
        if skip_path is not None:
            return skip_path.excluded(path)
        return any(fnmatch(path, pat) or fnmatch(os.path.basename(path), pat) for pat in exclude or [])

    def walked_out(path: str, is_dir: bool) -> bool:
        return skip_path.ignored(path, is_dir) if skip_path is not None else excluded(path)

    found: list[Source] = []
    errors: list[str] = []
    seen_dirs: set[tuple[int, int]] = set()
    skip = {".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__", ".tox"}
    for p in paths:
        if p == "-":
            found.append(Source("-", "text"))
            continue
        if os.path.isdir(p):
            for root, dirs, files in os.walk(p, followlinks=True):
                st = os.stat(root)
                if (st.st_dev, st.st_ino) in seen_dirs:
                    dirs[:] = []
                    continue
                seen_dirs.add((st.st_dev, st.st_ino))
                dirs[:] = sorted(
                    d
                    for d in dirs
                    if d not in skip and not d.startswith(".") and not walked_out(os.path.join(root, d), True)
                )
                for name in sorted(files):
                    fmt = format_of(name, extensions)
                    full = os.path.join(root, name)
                    if fmt and not walked_out(full, False):
                        found.append(Source(full, fmt))
        elif os.path.exists(p) or os.path.islink(p):
            if not excluded(p):
                found.append(Source(p, format_of(p, extensions) or "text"))
        else:
            errors.append(f"{p}: no such file or directory")
    return found, errors


def read(path: str, stdin_bytes: bytes | None = None) -> str:
    """Decode a file as UTF-8 (BOM allowed); raise InputError for binary or undecodable input."""
    if stdin_bytes is not None:
        data = stdin_bytes
    else:
        try:
            if os.path.getsize(path) > MAX_BYTES:
                raise InputError(
                    f"{path}: larger than {MAX_BYTES // (1024 * 1024)} MB; split it or exclude it"
                )
            data = Path(path).read_bytes()
        except OSError as err:
            raise InputError(f"{path}: cannot read: {err.strerror or err}") from None
    if b"\x00" in data[:8192]:
        raise InputError(
            f"{path}: looks like a binary file (NUL bytes); lintkit reads text, Markdown and HTML"
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(
            f"{path}: not valid UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start});"
            " re-save the file as UTF-8"
        ) from None
