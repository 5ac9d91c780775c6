"""On a terminal: a progress line on standard error, and text findings written as files finish.

`Progress` is shown only when standard error is a terminal and not under CI (`CI` or
`GITHUB_ACTIONS` set): one line, redrawn at most every REDRAW seconds, "files done/total,
findings so far, elapsed", erased before anything else is written and at the end, so pipes, files
and CI logs get nothing extra. `Live` stands in for the report's Spool when standard output is a
terminal and the format is line-oriented (text, concise, github): each file's findings go out
at once, in input order (files finish in order: lintkit.app.parallel), so the screen shows what a pipe
would get, only sooner. Into a pipe or file the Spool stays: no partial report if a rule fails.

Standard library only: one line of text needs no tqdm or rich (README, "Progress").
"""

from __future__ import annotations

import os
import time
from typing import TextIO

REDRAW = 0.1  # seconds between redraws
ERASE = "\r\033[K"
LIVE_FORMATS = ("text", "concise", "github")


def streams(fmt: str, statistics: bool, output: str | None, out: TextIO) -> bool:
    """Write the report as files finish: a line-oriented format to a terminal."""
    try:
        tty = out.isatty()
    except (AttributeError, ValueError):
        tty = False
    return fmt in LIVE_FORMATS and not statistics and not output and tty


def wanted(stream: TextIO, env: dict[str, str] | os._Environ[str] = os.environ) -> bool:
    """Show a progress line on `stream`: a terminal, and not a CI run."""
    if env.get("CI", "").lower() not in ("", "0", "false") or env.get("GITHUB_ACTIONS") == "true":
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


class Progress:
    """The progress line of a run of `total` files (drawn only when `enabled`)."""

    def __init__(self, stream: TextIO, total: int, clock=time.monotonic, enabled: bool = True) -> None:
        self.stream, self.total, self.clock, self.enabled = stream, total, clock, enabled
        self.start = self.last = clock()
        self.files = self.findings = 0
        self.shown = False

    def step(self, findings: int) -> None:
        """One more file done, with `findings` findings."""
        self.files += 1
        self.findings += findings
        if not self.enabled:
            return
        now = self.clock()
        if now - self.last >= REDRAW or self.files == self.total:
            self.last = now
            self.draw(now)

    def draw(self, now: float | None = None) -> None:
        """Write the line (over the previous one)."""
        elapsed = (now if now is not None else self.clock()) - self.start
        found = f"{self.findings} finding{'s' if self.findings != 1 else ''}"
        self.stream.write(f"{ERASE}lintkit: {self.files}/{self.total} files, {found}, {elapsed:.1f}s")
        self.stream.flush()
        self.shown = True

    def clear(self) -> None:
        """Erase the line, if it is shown."""
        if self.shown:
            self.stream.write(ERASE)
            self.stream.flush()
            self.shown = False


class Live:
    """A report writer (in place of the Spool) that writes to `out` at once, the progress line
    erased first; `copy_to` has nothing left to copy."""

    def __init__(self, out: TextIO, progress: Progress | None = None) -> None:
        self.out, self.progress = out, progress

    def write(self, s: str) -> int:
        """Write `s` now."""
        if self.progress is not None:
            self.progress.clear()
        n = self.out.write(s)
        self.out.flush()
        return n

    def copy_to(self, dest: TextIO) -> None:
        """Nothing: everything was written already."""

    def close(self) -> None:
        """Nothing to release."""
