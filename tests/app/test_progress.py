"""On a terminal: a progress line on stderr and findings written as files finish; nothing extra
in pipes or under CI."""

from __future__ import annotations

import io
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import TEST_RULE_YAML, cli_env, on_tty, run_lintkit

from lintkit.report.live import ERASE, Live, Progress, wanted


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_wanted_only_on_a_terminal_outside_ci() -> None:
    assert wanted(_Tty(), {})
    assert not wanted(io.StringIO(), {})
    assert not wanted(_Tty(), {"CI": "true"})
    assert not wanted(_Tty(), {"GITHUB_ACTIONS": "true"})
    assert wanted(_Tty(), {"CI": "false"})


def test_progress_line_counts_and_is_throttled() -> None:
    now = [0.0]
    out = _Tty()
    p = Progress(out, 3, clock=lambda: now[0])
    p.step(2)  # too soon after the start: not drawn
    assert out.getvalue() == ""
    now[0] = 0.5
    p.step(0)
    assert out.getvalue() == f"{ERASE}lintkit: 2/3 files, 2 findings, 0.5s"
    now[0] = 0.55
    p.step(1)  # the last file: always drawn
    assert out.getvalue().endswith(f"{ERASE}lintkit: 3/3 files, 3 findings, 0.6s")
    p.clear()
    assert out.getvalue().endswith(ERASE)


def test_a_disabled_progress_line_writes_nothing_but_counts() -> None:
    out = _Tty()
    p = Progress(out, 1, clock=lambda: 5.0, enabled=False)
    p.step(4)
    p.clear()
    assert out.getvalue() == "" and (p.files, p.findings) == (1, 4)


def test_live_writer_erases_the_progress_line_first() -> None:
    err, out = _Tty(), io.StringIO()
    p = Progress(err, 2, clock=lambda: 1.0)
    p.draw()
    live = Live(out, p)
    live.write("a.md:1:1: warning x y\n")
    assert out.getvalue() == "a.md:1:1: warning x y\n"
    assert err.getvalue().endswith(ERASE) and not p.shown
    live.copy_to(out)  # nothing left to copy
    assert out.getvalue() == "a.md:1:1: warning x y\n"


def _project(tmp_path: Path) -> list[str]:
    (tmp_path / "r").mkdir()
    (tmp_path / "r" / "w.yaml").write_text(TEST_RULE_YAML, encoding="utf-8")
    for n in range(3):
        (tmp_path / f"p{n}.md").write_text("A miracle cure.\n", encoding="utf-8")
    return ["check", "--no-default-rules", "--rules", "r", "-j", "1", "p0.md", "p1.md", "p2.md"]


def _on_tty(tmp_path: Path, args: list[str], **env: str) -> str:
    """Run lintkit with stdout and stderr on one pseudo-terminal; returns what it showed."""
    return on_tty(tmp_path, args, **env)


def test_progress_on_a_terminal(tmp_path: Path) -> None:
    shown = _on_tty(tmp_path, _project(tmp_path), CI="")
    assert "lintkit: 3/3 files, 3 findings, " in shown
    last_erase = shown.rindex(ERASE)
    assert "Found 3 problems" in shown[last_erase:]  # the line is erased before the summary
    assert shown.count("Avoid 'miracle cure'") == 3


def test_no_progress_under_ci_or_in_a_pipe(tmp_path: Path) -> None:
    args = _project(tmp_path)
    assert "files, " not in _on_tty(tmp_path, args, CI="true")
    proc = run_lintkit(*args, cwd=tmp_path, CI="")
    assert proc.stderr == ""
    assert "\033[K" not in proc.stdout


def _read_until(fd: int, want: str, timeout: float = 20) -> str:
    """Read the pseudo-terminal `fd` until `want` has been shown (or `timeout` seconds pass)."""
    import select
    import time

    shown, end = b"", time.monotonic() + timeout
    while want.encode() not in shown and time.monotonic() < end:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                shown += os.read(fd, 4096)
            except OSError:
                break
    return shown.decode("utf-8", "replace")


@pytest.mark.parametrize("fmt", ["text", "concise", "github"])
def test_findings_stream_on_a_terminal_as_files_finish(tmp_path: Path, fmt: str) -> None:
    """The first file's finding is on screen while later files are still being linted (a long
    queue of files after it; a FIFO can no longer hold a file back: lintkit reads regular files
    only)."""
    later = [f"q{n:04d}.md" for n in range(1500)]
    for name in later:
        (tmp_path / name).write_text("A miracle cure.\n" * 20, encoding="utf-8")
    args = _project(tmp_path)[:-2] + later + ["--format", fmt]
    main, follower = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "lintkit", *args],
        cwd=tmp_path,
        stdout=follower,
        stderr=follower,
        env=cli_env(CI=""),
    )
    os.close(follower)
    try:
        first = _read_until(main, "p0.md")
        assert "p0.md" in first and proc.poll() is None  # shown before the run ends
        rest = first + _read_until(main, later[-1], timeout=120)
        assert proc.wait(timeout=120) == 1
    finally:
        proc.kill()
        os.close(main)
    assert rest.index("p0.md") < rest.index(later[0]) < rest.index(later[-1])  # still in input order
