"""House rules (loaded by the config's `rules:`) are seen by `lintkit rules` and `lintkit explain`,
and `lintkit check-rules` (or `lintkit rules --test`) runs their pass/fail examples."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from conftest import TEST_RULE_YAML, run_lintkit

HOUSE_ID = "spam.test-phrase"


def _house(tmp_path: Path, rule_yaml: str = TEST_RULE_YAML, config: bool = True) -> Path:
    (tmp_path / "house").mkdir()
    (tmp_path / "house" / "phrase.yaml").write_text(rule_yaml, encoding="utf-8")
    if config:
        (tmp_path / ".lintkit.yaml").write_text("rules: [house/]\n", encoding="utf-8")
    return tmp_path / "house" / "phrase.yaml"


def test_rules_lists_the_rules_the_config_loads(tmp_path: Path) -> None:
    _house(tmp_path)
    proc = run_lintkit("rules", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert any(line.startswith(HOUSE_ID + " ") for line in proc.stdout.splitlines())
    assert "claim.cure-promise" in proc.stdout  # and the default rules
    listed = json.loads(run_lintkit("rules", "--format", "json", cwd=tmp_path).stdout)
    assert HOUSE_ID in [r["id"] for r in listed]


def test_rules_follows_the_configs_no_default_rules_and_config_flag(tmp_path: Path) -> None:
    _house(tmp_path, config=False)
    (tmp_path / "other.yaml").write_text("rules: [house/]\nno-default-rules: true\n", encoding="utf-8")
    listed = json.loads(
        run_lintkit("rules", "--format", "json", "--config", "other.yaml", cwd=tmp_path).stdout
    )
    assert [r["id"] for r in listed] == [HOUSE_ID]


def test_explain_finds_a_house_rule(tmp_path: Path) -> None:
    _house(tmp_path)
    proc = run_lintkit("explain", HOUSE_ID, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith(f"{HOUSE_ID}  (spam, warning, kind: pattern)")
    assert "A miracle cure." in proc.stdout and "house/phrase.yaml" in proc.stdout


def test_a_bad_config_is_exit_2_for_rules_and_explain(tmp_path: Path) -> None:
    (tmp_path / ".lintkit.yaml").write_text("rules: [missing/]\n", encoding="utf-8")
    for args in (["rules"], ["explain", HOUSE_ID], ["check-rules"]):
        proc = run_lintkit(*args, cwd=tmp_path)
        assert proc.returncode == 2 and "missing" in proc.stderr and "Traceback" not in proc.stderr


def test_check_rules_passes_a_good_rule_file(tmp_path: Path) -> None:
    path = _house(tmp_path, config=False)
    proc = run_lintkit("check-rules", str(path), cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.strip() == "1 rule, 2 examples: every example behaves as it says."


def test_check_rules_names_a_fail_example_that_does_not_fail(tmp_path: Path) -> None:
    bad = TEST_RULE_YAML.replace('fail: ["A miracle cure."]', 'fail: ["A miracle cure.", "A wonder drug."]')
    path = _house(tmp_path, bad, config=False)
    proc = run_lintkit("check-rules", "house", cwd=tmp_path)
    assert proc.returncode == 1
    assert f"{path.relative_to(tmp_path)}:1: {HOUSE_ID}: fail example 2 is not flagged: 'A wonder drug.'" in (
        proc.stdout
    )
    assert "fail example 1" not in proc.stdout
    assert proc.stdout.splitlines()[-1] == "1 rule, 3 examples: 1 wrong."


def test_check_rules_names_a_pass_example_that_is_flagged(tmp_path: Path) -> None:
    bad = TEST_RULE_YAML.replace('pass: ["A treatment."]', 'pass: ["A treatment.", "No miracle cure here."]')
    _house(tmp_path, bad, config=False)
    proc = run_lintkit("check-rules", "house/phrase.yaml", cwd=tmp_path)
    assert proc.returncode == 1
    assert f"{HOUSE_ID}: pass example 2 is flagged at 1:4: 'No miracle cure here.'" in proc.stdout


def test_check_rules_reports_a_rule_without_examples(tmp_path: Path) -> None:
    bare = TEST_RULE_YAML.split("examples:")[0]
    _house(tmp_path, bare, config=False)
    proc = run_lintkit("check-rules", "house", cwd=tmp_path)
    assert proc.returncode == 1
    assert f"{HOUSE_ID}: no fail example" in proc.stdout and f"{HOUSE_ID}: no pass example" in proc.stdout


def test_check_rules_without_a_path_tests_the_configs_rules(tmp_path: Path) -> None:
    bad = TEST_RULE_YAML.replace('fail: ["A miracle cure."]', 'fail: ["A wonder drug."]')
    _house(tmp_path, bad)
    (tmp_path / ".lintkit.yaml").write_text("rules: [house/]\nno-default-rules: true\n", encoding="utf-8")
    for args in (["check-rules"], ["rules", "--test"]):
        proc = run_lintkit(*args, cwd=tmp_path)
        assert proc.returncode == 1, args
        assert f"{HOUSE_ID}: fail example 1 is not flagged: 'A wonder drug.'" in proc.stdout


def test_check_rules_on_a_path_tests_only_that_path_with_the_shipped_lexicons(tmp_path: Path) -> None:
    """A house rule naming a shipped lexicon (@addiction) loads beside the default rules, and only
    the named file's rules are tested."""
    lexicon_rule = TEST_RULE_YAML.replace('patterns: ["miracle cure"]', 'patterns: ["@addiction"]')
    lexicon_rule = lexicon_rule.replace('fail: ["A miracle cure."]', 'fail: ["We treat heroin addiction."]')
    _house(tmp_path, lexicon_rule, config=False)
    proc = run_lintkit("check-rules", "house", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.strip() == "1 rule, 2 examples: every example behaves as it says."


def test_check_rules_on_a_missing_path_is_exit_2(tmp_path: Path) -> None:
    proc = run_lintkit("check-rules", "nothing-here.yaml", cwd=tmp_path)
    assert proc.returncode == 2 and "nothing-here.yaml" in proc.stderr


def test_check_rules_reports_a_broken_rule_file_as_exit_2(tmp_path: Path) -> None:
    _house(tmp_path, "id: [unclosed\n", config=False)
    proc = run_lintkit("check-rules", "house", cwd=tmp_path)
    assert proc.returncode == 2 and "house/phrase.yaml" in proc.stderr and "Traceback" not in proc.stderr


def test_the_built_in_rule_passes_its_own_examples() -> None:
    from lintkit.app.ruletest import example_problems
    from lintkit.rules.builtin import UNUSED_SUPPRESSION

    assert example_problems(UNUSED_SUPPRESSION) == []
    broken = dataclasses.replace(UNUSED_SUPPRESSION, examples_fail=("Nothing to silence here.",))
    assert example_problems(broken) == ["fail example 1 is not flagged: 'Nothing to silence here.'"]
