"""Without ../shared the tests that need it skip saying what to set; under CI=true the run fails."""

from __future__ import annotations

import subprocess
import sys

from conftest import REPO, cli_env


def run_pytest(tmp_path, **env: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in cli_env().items() if k != "CI"} | env  # CI only when the test sets it
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-rs", "-p", "no:cacheprovider", "tests/test_baseline.py"],
        cwd=REPO,
        env={**env, "LINTKIT_SHARED": str(tmp_path / "no-shared")},
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_missing_shared_skips_with_what_to_set(tmp_path):
    proc = run_pytest(tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "SKIPPED" in proc.stdout
    assert "set LINTKIT_SHARED" in proc.stdout and str(tmp_path / "no-shared") in proc.stdout


def test_missing_shared_fails_under_ci(tmp_path):
    proc = run_pytest(tmp_path, CI="true")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "CI=true and shared test data missing" in proc.stdout + proc.stderr
    assert " passed" not in proc.stdout
