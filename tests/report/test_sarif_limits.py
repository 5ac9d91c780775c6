"""SARIF for GitHub code scanning: capped results (most severe kept, what was left out named on
stderr and in a notification), --max-results, and URIs relative to %SRCROOT% from any folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import TEST_RULE_YAML, run_lintkit

from lintkit.finding import Finding
from lintkit.report import FileResult, Report
from lintkit.report.sarif import MAX_RESULTS, to_sarif


def _finding(i: int, severity: str) -> Finding:
    return Finding("a.md", i + 1, 1, i + 1, 5, f"r.{severity}", "claim", severity, f"m{i}")


def test_default_cap_is_githubs_limit() -> None:
    findings = [_finding(i, "info") for i in range(MAX_RESULTS + 3)]
    report = Report([FileResult("a.md", findings)], {})
    run = to_sarif(report)["runs"][0]
    assert len(run["results"]) == MAX_RESULTS
    assert len(report.warnings) == 1 and "left out 3 (3 info)" in report.warnings[0]
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert [n["level"] for n in notes] == ["warning"]


def test_cap_keeps_the_most_severe_in_order() -> None:
    sevs = ["info", "error", "warning", "info", "error", "warning"]
    findings = [_finding(i, s) for i, s in enumerate(sevs)]
    report = Report([FileResult("a.md", findings)], {}, max_results=3)
    results = to_sarif(report)["runs"][0]["results"]
    assert [(r["level"], r["locations"][0]["physicalLocation"]["region"]["startLine"]) for r in results] == [
        ("error", 2),
        ("warning", 3),
        ("error", 5),
    ]
    assert "left out 3 (1 warning, 2 info)" in report.warnings[0]
    assert "r.info (2)" in report.warnings[0]


def test_fingerprints_do_not_depend_on_the_cap() -> None:
    findings = [
        Finding("a.md", i + 1, 1, i + 1, 5, "r.x", "claim", "error", "m", snippet="same") for i in range(4)
    ]
    full = to_sarif(Report([FileResult("a.md", findings)], {}))["runs"][0]["results"]
    capped = to_sarif(Report([FileResult("a.md", findings)], {}, max_results=2))["runs"][0]["results"]
    assert [r["partialFingerprints"] for r in capped] == [r["partialFingerprints"] for r in full[:2]]


def test_under_the_cap_no_warning() -> None:
    report = Report([FileResult("a.md", [_finding(0, "error")])], {}, max_results=1)
    assert len(to_sarif(report)["runs"][0]["results"]) == 1
    assert report.warnings == []


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()
    (tmp_path / "r").mkdir()
    (tmp_path / "r" / "w.yaml").write_text(TEST_RULE_YAML, encoding="utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "page.md").write_text("A miracle cure.\nAnother miracle cure.\n", encoding="utf-8")
    (tmp_path / "docs" / "b.md").write_text("A miracle cure.\n", encoding="utf-8")
    return tmp_path


def _uris(proc) -> list[str]:
    run = json.loads(proc.stdout)["runs"][0]
    return [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]]


def test_cli_max_results_warns_on_stderr(project: Path) -> None:
    proc = run_lintkit(
        "check",
        "--no-default-rules",
        "--rules",
        "r",
        "--format",
        "sarif",
        "--max-results",
        "1",
        ".",
        cwd=project,
    )
    assert proc.returncode == 1
    assert len(_uris(proc)) == 1
    assert proc.stderr.startswith("lintkit: warning: SARIF report capped at 1 results")
    assert "left out 2 (2 warning); most from spam.test-phrase (2)" in proc.stderr


def test_uris_relative_to_srcroot_from_a_subfolder(project: Path) -> None:
    args = ("check", "--no-default-rules", "--rules", "../r", "--format", "sarif")
    proc = run_lintkit(*args, "../page.md", "b.md", cwd=project / "docs")
    assert _uris(proc) == ["page.md", "page.md", "docs/b.md"]
    run = json.loads(proc.stdout)["runs"][0]
    assert {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uriBaseId"] for r in run["results"]
    } == {"%SRCROOT%"}


def test_uris_follow_github_workspace(project: Path) -> None:
    args = ("check", "--no-default-rules", "--rules", "r", "--format", "sarif", "docs/b.md")
    proc = run_lintkit(*args, cwd=project, GITHUB_WORKSPACE=str(project / "docs"))
    assert _uris(proc) == ["b.md"]
