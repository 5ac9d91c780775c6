"""Finding input files and reading them safely (binary, undecodable, huge, looping folders)."""

from __future__ import annotations

import os
from dataclasses import dataclass

from lintkit.document.readers import format_of
from lintkit.files.readsafe import MAX_BYTES, InputError, kind_of, read_regular

__all__ = ["MAX_BYTES", "InputError", "Source", "discover", "read", "read_regular"]


@dataclass(frozen=True)
class Source:
    """A file to lint: its display path and markup format."""

    path: str
    fmt: str


def discover(
    paths: list[str],
    extensions: dict[str, str],
    exclude: list[str] | None = None,
    skip_path=None,
    follow_symlinks: bool = False,
    warnings: list[str] | None = None,
) -> tuple[list[Source], list[str]]:
    """Expand files and folders (recursively, following no symlinked folders twice), leaving out
    what `skip_path` (a lintkit.ignore.PathFilter) ignores: walked paths by `exclude` and
    .gitignore, named files by `exclude` only (globs as given, or on the name, without one).

    Returns the sources in a stable order and the errors (missing paths, unreadable folders, a
    named input that is not a regular file). In a folder, what is not a regular file (a FIFO,
    socket or device) is skipped, and so is a symlink that leads out of the folder unless
    `follow_symlinks`; each skip is told in `warnings`."""
    from fnmatch import fnmatch

    def excluded(path: str) -> bool:
        if skip_path is not None:
            return skip_path.excluded(path)
        return any(fnmatch(path, pat) or fnmatch(os.path.basename(path), pat) for pat in exclude or [])

    def walked_out(path: str, is_dir: bool) -> bool:
        return skip_path.ignored(path, is_dir) if skip_path is not None else excluded(path)

    found: list[Source] = []
    errors: list[str] = []
    warned = warnings if warnings is not None else []
    seen_dirs: set[tuple[int, int]] = set()
    skip = {".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__", ".tox"}

    def unreadable(err: OSError) -> None:
        errors.append(f"{err.filename}: cannot read folder: {err.strerror or err}")

    for p in paths:
        if p == "-":
            found.append(Source("-", "text"))
            continue
        if os.path.isdir(p):
            top = os.path.realpath(p)
            for root, dirs, files in os.walk(p, onerror=unreadable, followlinks=follow_symlinks):
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
                    if not fmt or walked_out(full, False):
                        continue
                    if why := _not_linted(full, top, follow_symlinks):
                        warned.append(f"{full}: {why}; skipped")
                    else:
                        found.append(Source(full, fmt))
                if not follow_symlinks:
                    for d in dirs:
                        full = os.path.join(root, d)
                        if os.path.islink(full) and not _inside(full, top):
                            warned.append(
                                f"{full}: symlink to a folder outside {p}; skipped (--follow-symlinks)"
                            )
        elif os.path.exists(p) or os.path.islink(p):
            if not excluded(p):
                found.append(Source(p, format_of(p, extensions) or "text"))
        else:
            errors.append(f"{p}: no such file or directory")
    return found, errors


def _inside(path: str, top: str) -> bool:
    real = os.path.realpath(path)
    return real == top or real.startswith(top.rstrip(os.sep) + os.sep)


def _not_linted(path: str, top: str, follow_symlinks: bool) -> str | None:
    """Why a file found in folder `top` is not linted (None: it is)."""
    import stat

    if os.path.islink(path) and not follow_symlinks and not _inside(path, top):
        return "symlink to a file outside the folder (--follow-symlinks follows it)"
    try:
        mode = os.stat(path).st_mode
    except OSError:  # a broken or looping symlink: reading it reports the error
        return None
    return None if stat.S_ISREG(mode) else f"not a regular file ({kind_of(mode)})"


def read(path: str, stdin_bytes: bytes | None = None, limit: int = MAX_BYTES) -> str:
    """Decode a file as UTF-8 (BOM allowed); raise InputError for binary or undecodable input,
    for anything but a regular file and for a file over `limit` bytes."""
    data = stdin_bytes if stdin_bytes is not None else read_regular(path, limit)
    import codecs

    for bom, encoding in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):  # (UTF-16 and UTF-32 text is full of NUL bytes: not binary)
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as err:
                raise InputError(f"{path}: not valid {encoding.upper()} (offset {err.start})") from None
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
