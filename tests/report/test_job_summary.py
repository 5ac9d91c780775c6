"""Under GitHub Actions (GITHUB_STEP_SUMMARY set) lintkit appends a Markdown table of counts by rule."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from conftest import TEST_RULE_YAML, run_lintkit

from lintkit.report.summary import markdown


def _project(tmp_path: Path) -> None:
    (tmp_path / "r").mkdir()
    (tmp_path / "r" / "w.yaml").write_text(TEST_RULE_YAML, encoding="utf-8")
    (tmp_path / "a.md").write_text("A miracle cure.\nAnother miracle cure.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("Fine.\n", encoding="utf-8")


def test_summary_is_appended_with_counts_by_rule(tmp_path: Path) -> None:
    _project(tmp_path)
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    args = ("check", "--no-default-rules", "--rules", "r", "--format", "concise", "a.md", "b.md")
    proc = run_lintkit(*args, cwd=tmp_path, GITHUB_STEP_SUMMARY=str(summary))
    assert proc.returncode == 1 and proc.stderr == ""
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n### lintkit\n")
    assert "| `spam.test-phrase` | warning | 2 |" in text
    assert "2 findings in 2 files." in text
    assert proc.stdout.splitlines() == [  # the report itself is unchanged
        "a.md:1:3: warning spam.test-phrase Avoid 'miracle cure'",
        "a.md:2:9: warning spam.test-phrase Avoid 'miracle cure'",
    ]


def test_no_summary_without_the_variable(tmp_path: Path) -> None:
    _project(tmp_path)
    proc = run_lintkit("check", "--no-default-rules", "--rules", "r", "a.md", cwd=tmp_path)
    assert proc.returncode == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md", "b.md", "r"]


def test_unwritable_summary_is_a_warning_only(tmp_path: Path) -> None:
    _project(tmp_path)
    args = ("check", "--no-default-rules", "--rules", "r", "a.md")
    proc = run_lintkit(*args, cwd=tmp_path, GITHUB_STEP_SUMMARY=str(tmp_path / "no" / "such.md"))
    assert proc.returncode == 1
    assert proc.stderr.startswith("lintkit: warning: cannot write the job summary to ")


def test_markdown_table_order_and_clean_run() -> None:
    counts = Counter({("b.rule", "info"): 1, ("a.rule", "error"): 3, ("c.rule", "warning"): 1})
    md = markdown(counts, 4, 1)
    rows = [line for line in md.splitlines() if line.startswith("| `")]
    assert rows == ["| `a.rule` | error | 3 |", "| `b.rule` | info | 1 |", "| `c.rule` | warning | 1 |"]
    assert "5 findings in 4 files." in md and "1 input could not be read" in md
    assert "No findings in 1 file." in markdown(Counter(), 1)
