"""Files lintkit writes (baseline, --output, cache): written whole or not at all.

`write_atomic` writes to a temporary file in the target's folder, flushes and fsyncs it, then
renames it over the target, so a full disk, a signal or a crash never leaves a half-written file
that the next run would read. Errors are raised as `WriteError` with a message that names the path
and says what to do, for the CLI to print and exit 2.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


class WriteError(Exception):
    """A file could not be written; str(self) is a message for the user."""


def write_atomic(path: str | os.PathLike[str], data: str | bytes, *, mode: int | None = None) -> None:
    """Write `data` (text as UTF-8) to `path` atomically: a temporary file beside it, fsync, rename."""
    target = Path(path)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix="." + target.name + ".", suffix=".tmp", dir=folder)
    except OSError as e:
        raise WriteError(
            f"cannot write {target}: {e.strerror or e} (check that {folder} exists and is writable)"
        ) from e
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(raw)
            f.flush()
            os.fsync(f.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, target)
    except OSError as e:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise WriteError(
            f"cannot write {target}: {e.strerror or e} (is the disk full or the file too large?)"
        ) from e
