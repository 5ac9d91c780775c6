"""Reading an input safely: regular files only, never more than a size limit.

A FIFO would block a read for ever and a device (/dev/zero) never ends, so a file is opened without
blocking and checked with fstat before a byte is read; no more than `limit` + 1 bytes are read.
"""

from __future__ import annotations

import os

MAX_BYTES = 64 * 1024 * 1024  # the default size limit (max-file-size)


class InputError(Exception):
    """An input that cannot be linted; the message says why and what to do."""


def kind_of(mode: int) -> str:
    import stat

    for test, name in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a folder")):
        if test(mode):
            return name
    return "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "not a file"


def read_regular(path: str | os.PathLike[str], limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes. A FIFO, socket or device is never
    read (it is opened without blocking and refused), nor more than `limit` bytes of anything:
    raises InputError naming the path."""
    import stat

    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as err:
        raise InputError(f"{path}: cannot read: {err.strerror or err}") from None
    with os.fdopen(fd, "rb") as f:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise InputError(f"{path}: not a regular file ({kind_of(st.st_mode)}); lintkit reads files only")
        try:
            # (read(n) sets aside n bytes first: ask for the file's size, not the limit, then for
            # whatever a file that grew meanwhile has more, up to the limit)
            data = f.read(min(st.st_size, limit) + 1)
            if len(data) > st.st_size and len(data) <= limit:
                data += f.read(limit + 1 - len(data))
        except OSError as err:
            raise InputError(f"{path}: cannot read: {err.strerror or err}") from None
    if len(data) > limit:
        raise InputError(
            f"{path}: larger than the size limit of {_size(limit)}; split it, exclude it,"
            " or raise max-file-size in the config"
        )
    return data


def _size(n: int) -> str:
    return f"{n / (1024 * 1024):g} MB" if n >= 1024 * 1024 else f"{n:,} bytes"
