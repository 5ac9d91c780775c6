"""`--exit-zero`, and an `--output` path that cannot be written (exit 2, a message, no traceback)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import run_lintkit

CLAIM = "Clinical trials have shown that ketamine cures depression.\n"


def test_exit_zero_with_findings(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(CLAIM, encoding="utf-8")
    plain = run_lintkit("check", "--format", "concise", "a.md", cwd=tmp_path)
    assert plain.returncode == 1
    proc = run_lintkit("check", "--format", "concise", "--exit-zero", "a.md", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == plain.stdout


def test_exit_zero_keeps_exit_2_for_errors(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(CLAIM, encoding="utf-8")
    proc = run_lintkit("check", "--exit-zero", "a.md", "missing.md", cwd=tmp_path)
    assert proc.returncode == 2


@pytest.mark.parametrize("target", ["/nonexistent/x.sarif", "sub/none/x.sarif", "."])
def test_unwritable_output_is_exit_2_without_traceback(tmp_path: Path, target: str) -> None:
    (tmp_path / "a.md").write_text(CLAIM, encoding="utf-8")
    proc = run_lintkit("check", "a.md", "--format", "sarif", "-o", target, cwd=tmp_path)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert proc.stderr.startswith("lintkit: error: --output ")
    assert proc.stdout == ""


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_read_only_folder_output_is_exit_2(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(CLAIM, encoding="utf-8")
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    try:
        proc = run_lintkit("check", "a.md", "-o", "ro/x.txt", cwd=tmp_path)
    finally:
        ro.chmod(0o700)
    assert proc.returncode == 2
    assert "not writable" in proc.stderr
    assert "Traceback" not in proc.stderr
