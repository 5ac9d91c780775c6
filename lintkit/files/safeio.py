"""Files lintkit writes (baseline, --output, cache): written whole or not at all.

`write_atomic` (and `open_atomic`, for text written in pieces) writes to a temporary file in the
target's folder, flushes and fsyncs it, then renames it over the target, so a full disk, a signal
or a crash never leaves a half-written file that the next run would read. Errors are raised as
`WriteError` with a message that names the path and says what to do, for the CLI to print and
exit 2. `stdout_error` words a failed write to standard output the same way.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO, TextIO


class WriteError(Exception):
    """A file could not be written; str(self) is a message for the user."""


def write_atomic(path: str | os.PathLike[str], data: str | bytes, *, mode: int | None = None) -> None:
    """Write `data` (text as UTF-8) to `path` atomically: a temporary file beside it, fsync, rename."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    with _atomic(path, mode) as f:
        f.write(raw)


@contextlib.contextmanager
def open_atomic(path: str | os.PathLike[str], *, mode: int | None = None) -> Iterator[TextIO]:
    """A UTF-8 text file that replaces `path` when the block ends without an error (and is
    removed, leaving `path` as it was, when it raises)."""
    import io

    with _atomic(path, mode) as raw:
        text = io.TextIOWrapper(raw, encoding="utf-8", errors="surrogatepass", newline="")
        try:
            yield text
            text.flush()
        finally:
            text.detach()


@contextlib.contextmanager
def _atomic(path: str | os.PathLike[str], mode: int | None) -> Iterator[BinaryIO]:
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix="." + target.name + ".", suffix=".tmp", dir=folder)
    except OSError as e:
        raise WriteError(
            f"cannot write {target}: {e.strerror or e} (check that {folder} exists and is writable)"
        ) from None
    try:
        with os.fdopen(fd, "wb") as f:
            yield f  # type: ignore[misc]
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
        ) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def stdout_error(err: OSError) -> WriteError:
    """The WriteError for a failed write to standard output."""
    return WriteError(f"cannot write to standard output: {err.strerror or err}")
