"""CLI behaviours added after review: explicit file names honour `exclude`; the summary line
does not claim success when an input could not be read."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CLAIM = "Clinical trials have shown that ketamine cures depression.\n"


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "NO_COLOR")}
    env["PYTHONPATH"] = str(ROOT)
    return subprocess.run(
        [sys.executable, "-m", "lintkit", *args], cwd=cwd, capture_output=True, text=True, env=env
    )


def test_exclude_applies_to_file_names_passed_explicitly(tmp_path: Path) -> None:
    (tmp_path / ".lintkit.yaml").write_text('exclude: ["drafts/*"]\n', encoding="utf-8")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "a.md").write_text(CLAIM, encoding="utf-8")
    (tmp_path / "b.md").write_text(CLAIM, encoding="utf-8")
    proc = _run(["check", "--format", "concise", "drafts/a.md", "b.md"], tmp_path)
    assert proc.returncode == 1
    assert "b.md:1:1:" in proc.stdout
    assert "drafts/a.md" not in proc.stdout


def test_summary_does_not_claim_success_when_an_input_is_missing(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text("Our office is closed on public holidays.\n", encoding="utf-8")
    proc = _run(["check", "--color", "never", "missing.md", "ok.txt"], tmp_path)
    assert proc.returncode == 2
    assert "All checks passed" not in proc.stdout
    assert "1 input could not be read" in proc.stdout
    assert "missing.md: no such file or directory" in proc.stderr


def test_statistics_refuses_a_structured_format(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(CLAIM, encoding="utf-8")
    proc = _run(["check", "--statistics", "--format", "html", "--output", "r.html", "a.md"], tmp_path)
    assert proc.returncode == 2
    assert "--statistics" in proc.stderr and "Traceback" not in proc.stderr
    assert not (tmp_path / "r.html").exists()
    table = _run(["check", "--statistics", "a.md"], tmp_path)
    assert table.returncode == 1
    assert "claim.establishment-uncited" in table.stdout
