"""The repros of issue #16 ("The command line and CI behave as ruff and Vale users expect"), run
as written there: on the shipped example page, with the default rules. One test per table row;
rows whose repro needs a setup of its own are tested where the behaviour lives:

- progress and streaming on a terminal: tests/app/test_progress.py
- house rules in `rules`/`explain`, a wrong `fail:` example: tests/rules/test_house_rules.py
- HTML `<pre><code>` linted as prose:
  tests/document/test_markup_code.py::test_template_leak_is_not_reported_in_code
- a bare `disable-next-line`, unused directives: tests/test_suppression.py
"""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import REPO, run_lintkit, run_on_tty

E = "examples/clinic-page.md"


@pytest.fixture
def clone(tmp_path: Path) -> Path:
    """A folder holding the example page at the path the issue names (a git checkout's root)."""
    (tmp_path / "examples").mkdir()
    shutil.copy(REPO / E, tmp_path / E)
    (tmp_path / ".git").mkdir()
    return tmp_path


def test_row_01_a_typo_in_an_id_is_exit_2_not_all_checks_passed(clone: Path) -> None:
    proc = run_lintkit("check", E, "--select", "clam", cwd=clone)
    assert proc.returncode == 2 and "All checks passed" not in proc.stdout
    assert "'clam'" in proc.stderr and "claim" in proc.stderr
    assert run_lintkit("check", E, "--ignore", "foo.bar", cwd=clone).returncode == 2
    (clone / ".lintkit.yaml").write_text("select: [clam]\n", encoding="utf-8")
    assert run_lintkit("check", E, cwd=clone).returncode == 2
    (clone / ".lintkit.yaml").unlink()
    page = clone / "c.md"
    page.write_text("<!-- lintkit: disable-next-line clam.cure -->\nKetamine cures depression.\n", "utf-8")
    proc = run_lintkit("check", "c.md", cwd=clone)
    assert proc.returncode == 2 and "c.md:1:" in proc.stderr and "clam.cure" in proc.stderr


def test_row_02_the_readmes_off_is_accepted(clone: Path) -> None:
    before = run_lintkit("check", E, "--format", "concise", cwd=clone)
    assert "readability.long-sentence" in before.stdout  # the page has some to turn off
    (clone / ".lintkit.yaml").write_text("severity: {readability.long-sentence: off}\n", encoding="utf-8")
    proc = run_lintkit("check", E, "--format", "concise", cwd=clone)
    assert proc.returncode == 1, proc.stderr
    assert "readability.long-sentence" not in proc.stdout
    assert len(proc.stdout.splitlines()) == len(before.stdout.splitlines()) - before.stdout.count(
        "readability.long-sentence"
    )


def test_row_03_exclude_applies_when_linting_dot(clone: Path) -> None:
    (clone / "x" / "drafts").mkdir(parents=True)
    shutil.copy(clone / E, clone / "x" / "drafts")
    (clone / "x" / ".lintkit.yaml").write_text('exclude: ["drafts/*"]\n', encoding="utf-8")
    proc = run_lintkit("check", cwd=clone / "x")
    assert proc.returncode == 0 and proc.stdout == "All checks passed (0 files).\n"


def test_row_04_a_bad_output_path_is_exit_2_without_traceback(clone: Path) -> None:
    proc = run_lintkit("check", E, "--format", "sarif", "-o", "/nonexistent/x.sarif", cwd=clone)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and "/nonexistent" in proc.stderr


def _shown(out: str) -> list[str]:
    return [line.rstrip("\r") for line in out.splitlines()]


def test_row_05_and_14_the_caret_sits_under_the_flagged_text_with_color_never(clone: Path) -> None:
    found = json.loads(
        run_lintkit("check", E, "--select", "claim.cure-promise", "--format", "json", cwd=clone).stdout
    )
    f = found["findings"][0]
    line = (clone / E).read_text(encoding="utf-8").splitlines()[f["line"] - 1]
    for color in ((), ("--color", "never")):
        shown = _shown(run_on_tty(clone, "check", E, "--select", "claim.cure-promise", *color, NO_COLOR="1"))
        src = next(s for s in shown if s.endswith(line))
        caret = shown[shown.index(src) + 1]
        gutter = len(src) - len(line)
        assert caret.index("^") == gutter + f["column"] - 1  # under the span's first character
        assert "\033[" not in src + caret


def test_row_06_a_long_line_is_cut_around_the_span(clone: Path) -> None:
    filler = "Our clinic offers care for every family in the valley. " * 300
    (clone / "min.html").write_text(
        f"<html><body><p>{filler}Ketamine cures depression. {filler}</p></body></html>", encoding="utf-8"
    )
    assert (clone / "min.html").stat().st_size > 30_000
    shown = _shown(run_on_tty(clone, "check", "min.html", "--select", "claim.cure-promise", NO_COLOR="1"))
    excerpt = [s for s in shown if not s.startswith("min.html:")]  # the message line aside
    assert any("cures depression" in s and s.count("…") == 2 for s in excerpt)
    assert excerpt and max(len(s) for s in excerpt) <= len("     1 | ") + 120


def test_row_08_sarif_is_capped_with_a_warning(clone: Path) -> None:
    for n in range(3):
        shutil.copy(clone / E, clone / "examples" / f"copy{n}.md")
    proc = run_lintkit("check", "examples", "--format", "sarif", "--max-results", "50", cwd=clone)
    assert proc.returncode == 1
    assert len(json.loads(proc.stdout)["runs"][0]["results"]) == 50
    assert proc.stderr.startswith("lintkit: warning: SARIF report capped at 50 results")
    assert "left out" in proc.stderr


def test_row_12_junit_failures_follow_fail_on(clone: Path) -> None:
    concise = run_lintkit("check", E, "--format", "concise", cwd=clone).stdout.splitlines()
    errors = sum(" error " in line for line in concise)
    assert 0 < errors < len(concise)
    proc = run_lintkit("check", E, "--format", "junit", "--fail-on", "error", cwd=clone)
    failures = ET.fromstring(proc.stdout).findall(".//failure")
    assert len(failures) == errors and proc.returncode == 1
    warnings_only = ("--select", "readability", "--fail-on", "error", "--format", "junit")
    proc = run_lintkit("check", E, *warnings_only, cwd=clone)
    assert proc.returncode == 0 and ET.fromstring(proc.stdout).findall(".//failure") == []
    assert "readability." in proc.stdout  # the findings are still in the report


def test_row_13_sarif_uris_from_a_subfolder_are_inside_srcroot(clone: Path) -> None:
    (clone / "sub").mkdir()
    proc = run_lintkit("check", f"../{E}", "--format", "sarif", cwd=clone / "sub")
    locations = [
        r["locations"][0]["physicalLocation"]["artifactLocation"]
        for r in json.loads(proc.stdout)["runs"][0]["results"]
    ]
    assert locations and {(a["uri"], a["uriBaseId"]) for a in locations} == {(E, "%SRCROOT%")}
