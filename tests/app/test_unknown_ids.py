"""Unknown rule ids and prefixes are a usage error (exit 2) naming the id and the closest known
ones, wherever they are written: a typo must never turn a check off (issue 16)."""

from __future__ import annotations

import pytest
from conftest import run_lintkit

PAGE = "A miracle cure, guaranteed.\n"


def _check(tmp_path, test_rules, *args):
    (tmp_path / "page.md").write_text(PAGE, encoding="utf-8")
    return run_lintkit(
        "check",
        "page.md",
        "--no-default-rules",
        "--rules",
        test_rules,
        "--format",
        "json",
        *args,
        cwd=tmp_path,
    )


@pytest.mark.parametrize(
    ("args", "bad", "close"),
    [
        (["--select", "spam.test-phrse"], "spam.test-phrse", "spam.test-phrase"),
        (["--select", "spa"], "spa", "spam"),  # a prefix is a whole id segment
        (["--select", "spam,clam"], "clam", "claim"),
        (["--ignore", "spam.test-phrasee"], "spam.test-phrasee", "spam.test-phrase"),
        (["--select", "spam."], "spam.", "spam"),
    ],
)
def test_unknown_cli_ids_exit_2(tmp_path, test_rules, args, bad, close):
    proc = _check(tmp_path, test_rules, *args)
    assert proc.returncode == 2, proc.stderr
    assert f"'{bad}'" in proc.stderr
    assert close in proc.stderr.split("did you mean", 1)[1]
    assert "Traceback" not in proc.stderr
    assert proc.stdout == ""


@pytest.mark.parametrize(
    ("name", "text", "line"),
    [
        (".lintkit.yaml", "select: [spam]\nignore: [clam]\n", 2),
        (".lintkit.yaml", "select: [spam.test-phrse]\n", 1),
        (".lintkit.yaml", "severity:\n  spam.tst-phrase: error\n", 1),
        (".lintkit.yaml", "per-file-ignores:\n  '*.md': [spm]\n", 1),
        ("pyproject.toml", "[tool.lintkit]\nselect = ['clam']\n", None),
    ],
)
def test_unknown_config_ids_exit_2(tmp_path, test_rules, name, text, line):
    (tmp_path / name).write_text(text, encoding="utf-8")
    proc = _check(tmp_path, test_rules)
    assert proc.returncode == 2, proc.stderr
    assert name in proc.stderr
    if line is not None:
        assert f"{name}:{line}:" in proc.stderr
    assert "did you mean" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_known_ids_and_all_still_work(tmp_path, test_rules):
    (tmp_path / ".lintkit.yaml").write_text("severity: {ALL: error, spam: warning}\n", encoding="utf-8")
    proc = _check(tmp_path, test_rules, "--select", "ALL", "--ignore", "claim")
    assert proc.returncode == 1, proc.stderr
    assert '"spam.test-phrase"' in proc.stdout


def test_unquoted_off_in_severity_is_off(tmp_path, test_rules):
    (tmp_path / ".lintkit.yaml").write_text("severity: {spam.test-phrase: off}\n", encoding="utf-8")
    proc = _check(tmp_path, test_rules)
    assert proc.returncode == 0, proc.stderr
    assert "spam.test-phrase" not in proc.stdout


@pytest.mark.parametrize(
    "directive",
    [
        "<!-- lintkit: disable-next-line spam.test-phrse -- typo -->",
        "<!-- lintkit: disable clam -->",
        "<!-- lintkit: enable spam.tst -->",
    ],
)
def test_unknown_id_in_suppression_comment_exit_2(tmp_path, test_rules, directive):
    (tmp_path / "page.md").write_text(f"Intro.\n\n{directive}\n{PAGE}", encoding="utf-8")
    proc = run_lintkit(
        "check", "page.md", "--no-default-rules", "--rules", test_rules, "--format", "json", cwd=tmp_path
    )
    assert proc.returncode == 2, proc.stderr
    assert "page.md:3:" in proc.stderr
    assert "did you mean" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_known_id_in_suppression_comment_suppresses(tmp_path, test_rules):
    body = f"<!-- lintkit: disable-next-line spam -- reviewed -->\n{PAGE}"
    (tmp_path / "page.md").write_text(body, encoding="utf-8")
    proc = run_lintkit(
        "check", "page.md", "--no-default-rules", "--rules", test_rules, "--format", "json", cwd=tmp_path
    )
    assert proc.returncode == 0, proc.stderr
    assert "spam.test-phrase" not in proc.stdout


def test_suppressing_a_deselected_rule_is_not_an_error(tmp_path, test_rules):
    body = f"<!-- lintkit: disable-next-line claim.test-info -- reviewed -->\n{PAGE}"
    (tmp_path / "page.md").write_text(body, encoding="utf-8")
    proc = run_lintkit(
        "check", "page.md", "--no-default-rules", "--rules", test_rules, "--select", "spam", cwd=tmp_path
    )
    assert proc.returncode == 1, proc.stderr
