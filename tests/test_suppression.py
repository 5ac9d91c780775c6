"""Suppression comments: a bare `disable-next-line` silences every rule on the next line, and a
comment that silences nothing is reported as `lintkit.unused-suppression` (as ruff's RUF100)."""

from __future__ import annotations

from pathlib import Path

from conftest import TEST_RULE_YAML, make_rule, run_lintkit

from lintkit.checks.base import Context
from lintkit.document.readers import parse
from lintkit.linter import lint
from lintkit.rules.builtin import UNUSED_SUPPRESSION

PHRASE = make_rule(TEST_RULE_YAML)
OTHER = make_rule(TEST_RULE_YAML.replace("spam.test-phrase", "claim.test-other").replace("spam", "claim"))
RULES = [PHRASE, OTHER, UNUSED_SUPPRESSION]
KNOWN = frozenset(r.id for r in RULES)


def _lint(source: str, rules=RULES, fmt: str = "markdown"):
    return lint(parse("p.md", source, fmt), rules, Context(known_ids=KNOWN))


def test_bare_disable_next_line_silences_every_rule_on_the_next_line() -> None:
    found = _lint("<!-- lintkit: disable-next-line -->\nA miracle cure.\n\nA miracle cure.\n")
    assert [(f.line, f.rule) for f in found] == [(4, "claim.test-other"), (4, "spam.test-phrase")]


def test_bare_disable_and_enable_region() -> None:
    src = "<!-- lintkit: disable -->\nA miracle cure.\n<!-- lintkit: enable -->\n\nA miracle cure.\n"
    assert {f.line for f in _lint(src)} == {5}


def test_unused_suppressions_are_reported_at_the_comment() -> None:
    src = (
        "<!-- lintkit: disable-next-line spam.test-phrase, claim -- used -->\n"
        "A miracle cure.\n"
        "\n"
        "<!-- lintkit: disable-next-line spam.test-phrase -- stale -->\n"
        "Nothing to see.\n"
        "\n"
        "<!-- lintkit: disable-next-line -->\n"
        "Nothing here either.\n"
        "\n"
        "<!-- lintkit: disable claim -->\n"
        "Quiet.\n"
        "<!-- lintkit: enable claim -->\n"
    )
    found = _lint(src)
    assert [(f.line, f.column, f.rule) for f in found] == [
        (4, 1, "lintkit.unused-suppression"),
        (7, 1, "lintkit.unused-suppression"),
        (10, 1, "lintkit.unused-suppression"),
    ]
    assert found[0].severity == "warning"
    assert "spam.test-phrase" in found[0].message and "any rule" in found[1].message
    assert found[0].end_line == 4 and found[0].end_column == len(src.split("\n")[3]) + 1


def test_not_reported_when_the_named_rule_did_not_run_or_the_rule_is_off() -> None:
    src = "<!-- lintkit: disable-next-line claim.test-other -->\nNothing.\n"
    assert _lint(src, [PHRASE, UNUSED_SUPPRESSION]) == []  # claim.test-other deselected
    assert _lint(src, [PHRASE, OTHER]) == []  # the unused-suppression rule itself not selected
    assert [f.rule for f in _lint(src)] == ["lintkit.unused-suppression"]


def test_html_comments_too() -> None:
    src = "<p>Hi</p>\n<!-- lintkit: disable-next-line -->\n<p>Fine.</p>\n"
    assert [(f.line, f.rule) for f in _lint(src, fmt="html")] == [(2, "lintkit.unused-suppression")]


def test_builtin_rule_examples() -> None:
    for text in UNUSED_SUPPRESSION.examples_fail:
        assert [f.rule for f in _lint(text)] == [UNUSED_SUPPRESSION.id]
    for text in UNUSED_SUPPRESSION.examples_pass:
        assert _lint(text) == []


def test_cli_reports_and_ignores_it(tmp_path: Path) -> None:
    (tmp_path / "p.md").write_text(
        "<!-- lintkit: disable-next-line -->\nOur office is open.\n", encoding="utf-8"
    )
    proc = run_lintkit("check", "--format", "concise", "p.md", cwd=tmp_path)
    assert proc.returncode == 1
    assert proc.stdout.startswith(
        "p.md:1:1: warning lintkit.unused-suppression unused `lintkit: disable-next-line`"
    )
    quiet = run_lintkit("check", "--ignore", "lintkit.unused-suppression", "p.md", cwd=tmp_path)
    assert quiet.returncode == 0, quiet.stdout + quiet.stderr
    explain = run_lintkit("explain", "lintkit.unused-suppression", cwd=tmp_path)
    assert explain.returncode == 0 and "silences no finding" in explain.stdout
    assert "lintkit.unused-suppression" in run_lintkit("rules", cwd=tmp_path).stdout
