"""Rule loading: every mistake in a rule file is a RuleError naming the file, the line and the key."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from conftest import make_rule

from lintkit import match as terms
from lintkit.cli import main
from lintkit.document.readers import parse
from lintkit.linter import RuleRuntimeError, lint
from lintkit.rules import RuleError, load_rules

GOOD = """\
id: spam.test
category: spam
severity: warning
kind: pattern
message: "Found {match}"
description: A test rule.
references: [Test reference]
patterns: [foo]
examples:
  fail: [foo]
  pass: [bar]
"""


def load_text(tmp_path: Path, text: str, name: str = "rule.yaml") -> list:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load_rules([path])


def error_of(tmp_path: Path, text: str, name: str = "rule.yaml") -> RuleError:
    with pytest.raises(RuleError) as info:
        load_text(tmp_path, text, name)
    return info.value


def assert_located(err: RuleError, path: Path, line: int, key: str, *words: str) -> None:
    message = str(err)
    assert message.startswith(f"{path}:{line}: "), message
    assert (err.path, err.line, err.key) == (str(path), line, key)
    if key:
        assert f" {key}: " in message
    for w in words:
        assert w in message, message


def test_good_rule_loads(tmp_path):
    (rule,) = load_text(tmp_path, GOOD)
    assert (rule.id, rule.category, rule.severity, rule.kind) == ("spam.test", "spam", "warning", "pattern")
    assert rule.examples_fail == ("foo",) and rule.examples_pass == ("bar",)
    assert rule.references[0].title == "Test reference"
    assert rule.line == 1 and rule.path == str(tmp_path / "rule.yaml")


def test_unknown_key(tmp_path):
    err = error_of(tmp_path, GOOD + "colour: red\n")
    assert_located(err, tmp_path / "rule.yaml", 12, "colour", "unknown key", "patterns")


def test_wrong_type(tmp_path):
    err = error_of(tmp_path, GOOD.replace("patterns: [foo]\n", "patterns: [foo]\nfirst_only: yes please\n"))
    assert_located(err, tmp_path / "rule.yaml", 9, "first_only", "must be a bool")


def test_wrong_type_of_common_key(tmp_path):
    err = error_of(tmp_path, GOOD.replace("severity: warning", "severity: 3"))
    assert_located(err, tmp_path / "rule.yaml", 3, "severity", "must be a str")


def test_enabled_must_be_a_bool(tmp_path):
    err = error_of(tmp_path, GOOD + "enabled: maybe\n")
    assert_located(err, tmp_path / "rule.yaml", 12, "enabled", "bool")
    (rule,) = load_text(tmp_path, GOOD + "enabled: false\n")
    assert rule.enabled is False


def test_bad_choice(tmp_path):
    err = error_of(tmp_path, GOOD.replace("category: spam", "category: hype"))
    assert_located(err, tmp_path / "rule.yaml", 2, "category", "'hype'", "claim")
    err = error_of(tmp_path, GOOD + "scope: page\n")
    assert_located(err, tmp_path / "rule.yaml", 12, "scope", "'page'", "sentence")


def test_bad_regex_points_at_the_item(tmp_path):
    err = error_of(tmp_path, GOOD.replace("patterns: [foo]", "patterns:\n  - foo\n  - 'ba(r'"))
    assert_located(err, tmp_path / "rule.yaml", 10, "patterns", "bad regular expression", "ba(r")


def test_bad_regex_in_a_nested_term_list(tmp_path):
    err = error_of(tmp_path, GOOD + "requires:\n  - [a]\n  - [b, 'c[']\n")
    assert_located(err, tmp_path / "rule.yaml", 14, "requires", "bad regular expression")


def test_unknown_kind(tmp_path):
    err = error_of(tmp_path, GOOD.replace("kind: pattern", "kind: patern"))
    assert_located(err, tmp_path / "rule.yaml", 4, "kind", "unknown kind 'patern'", "pattern")


def test_unknown_lexicon(tmp_path):
    (tmp_path / "lex.yaml").write_text("lexicon: hype\nterms: [miracle]\n", encoding="utf-8")
    (tmp_path / "rule.yaml").write_text(
        GOOD.replace("patterns: [foo]", "patterns:\n  - '@hype'\n  - '@nosuch'")
    )
    with pytest.raises(RuleError) as info:
        load_rules([tmp_path])
    assert_located(info.value, tmp_path / "rule.yaml", 10, "patterns", "unknown lexicon '@nosuch'", "hype")


def test_known_lexicon_expands(tmp_path):
    (tmp_path / "lex.yaml").write_text("lexicon: hype\nterms: [miracle, wonder]\n", encoding="utf-8")
    (tmp_path / "rule.yaml").write_text(
        GOOD.replace("patterns: [foo]", "patterns: ['@hype']"), encoding="utf-8"
    )
    (rule,) = load_rules([tmp_path])
    assert rule.options.patterns.source == ("miracle", "wonder")


def test_rules_that_share_a_term_list_share_its_compiled_form(tmp_path):
    (tmp_path / "lex.yaml").write_text("lexicon: hype\nterms: [miracle, wonder]\n", encoding="utf-8")
    for name, rid in (("a.yaml", "spam.a"), ("b.yaml", "spam.b")):
        text = GOOD.replace("patterns: [foo]", "patterns: ['@hype']").replace("id: spam.test", f"id: {rid}")
        (tmp_path / name).write_text(text, encoding="utf-8")
    a, b = load_rules([tmp_path])
    assert a.options.patterns is b.options.patterns


def test_lexicon_includes_another(tmp_path):
    (tmp_path / "a.yaml").write_text("lexicon: conditions\nterms: [anxiety, ptsd]\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text("lexicon: health\nterms: ['@conditions', symptoms]\n", encoding="utf-8")
    (tmp_path / "rule.yaml").write_text(
        GOOD.replace("patterns: [foo]", "patterns: ['@health']"), encoding="utf-8"
    )
    (rule,) = load_rules([tmp_path])
    assert rule.options.patterns.source == ("anxiety", "ptsd", "symptoms")


def test_lexicon_includes_unknown_or_itself(tmp_path):
    (tmp_path / "a.yaml").write_text("lexicon: one\nterms:\n  - x\n  - '@two'\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text("lexicon: two\nterms: ['@nosuch']\n", encoding="utf-8")
    with pytest.raises(RuleError) as info:
        load_rules([tmp_path])
    assert_located(info.value, tmp_path / "b.yaml", 2, "terms", "unknown lexicon '@nosuch'", "one, two")
    (tmp_path / "b.yaml").write_text("lexicon: two\nterms: ['@one']\n", encoding="utf-8")
    with pytest.raises(RuleError) as info:
        load_rules([tmp_path])
    assert_located(info.value, tmp_path / "b.yaml", 2, "terms", "includes itself", "one -> two -> one")


def test_missing_key(tmp_path):
    err = error_of(tmp_path, GOOD.replace("severity: warning\n", ""))
    assert_located(err, tmp_path / "rule.yaml", 1, "severity", "missing required key")


def test_missing_kind_key(tmp_path):
    err = error_of(tmp_path, GOOD.replace("patterns: [foo]\n", ""))
    assert_located(err, tmp_path / "rule.yaml", 1, "patterns", "missing required key")


def test_duplicate_id_names_both_files(tmp_path):
    (tmp_path / "a.yaml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.yaml").write_text("# comment\n" + GOOD, encoding="utf-8")
    with pytest.raises(RuleError) as info:
        load_rules([tmp_path])
    assert_located(
        info.value, tmp_path / "b.yaml", 2, "id", "spam.test", "already defined", str(tmp_path / "a.yaml")
    )


def test_duplicate_id_in_one_file(tmp_path):
    second = "\n".join("    " + line if line else line for line in GOOD.splitlines())
    text = "rules:\n  - " + GOOD.replace("\n", "\n    ").rstrip() + "\n  - " + second.lstrip() + "\n"
    err = error_of(tmp_path, text)
    assert_located(err, tmp_path / "rule.yaml", 13, "id", "already defined")


def test_error_line_in_a_multi_rule_file(tmp_path):
    second = GOOD.replace("spam.test", "spam.other").replace("severity: warning", "severity: loud")
    text = (
        "rules:\n  - "
        + GOOD.replace("\n", "\n    ").rstrip()
        + "\n  - "
        + second.replace("\n", "\n    ").rstrip()
        + "\n"
    )
    err = error_of(tmp_path, text)
    assert_located(err, tmp_path / "rule.yaml", 15, "severity", "'loud'")


def test_bad_message_template_field(tmp_path):
    err = error_of(tmp_path, GOOD.replace("Found {match}", "Found {matched}"))
    assert_located(err, tmp_path / "rule.yaml", 5, "message", "{matched}", "match, unit")


def test_bad_message_template_syntax(tmp_path):
    err = error_of(tmp_path, GOOD.replace("Found {match}", "Found {match"))
    assert_located(err, tmp_path / "rule.yaml", 5, "message", "bad template")


def test_yaml_syntax_error(tmp_path):
    err = error_of(tmp_path, GOOD.replace("description: A test rule.", "description: A test: rule."))
    assert_located(err, tmp_path / "rule.yaml", 6, "", "invalid YAML")


def test_yaml_duplicate_key(tmp_path):
    err = error_of(tmp_path, GOOD + "severity: error\n")
    assert_located(err, tmp_path / "rule.yaml", 12, "", "duplicate key 'severity'")


def test_not_a_mapping(tmp_path):
    err = error_of(tmp_path, "- a\n- b\n")
    assert_located(err, tmp_path / "rule.yaml", 1, "", "mapping")


def test_examples_shape(tmp_path):
    err = error_of(tmp_path, GOOD.replace("  pass: [bar]", "  pass: bar"))
    assert_located(err, tmp_path / "rule.yaml", 11, "examples.pass", "list of strings")
    err = error_of(tmp_path, GOOD.replace("  pass: [bar]", "  passes: [bar]"))
    assert_located(err, tmp_path / "rule.yaml", 9, "examples", "'fail' and 'pass'")


def test_references_shape(tmp_path):
    err = error_of(tmp_path, GOOD.replace("references: [Test reference]", "references:\n  - {name: x}"))
    assert_located(err, tmp_path / "rule.yaml", 8, "references", "title")


def test_kind_options_invariant(tmp_path):
    metric = GOOD.replace("kind: pattern", "kind: metric").replace("patterns: [foo]", "measure: grade")
    metric = metric.replace("Found {match}", "{value}")
    err = error_of(tmp_path, metric)
    assert err.path == str(tmp_path / "rule.yaml") and err.line == 1
    assert "'max' or 'min'" in str(err)


def test_lexicon_file_errors(tmp_path):
    (tmp_path / "lex.yaml").write_text("lexicon: hype\nterms:\n  - miracle\n  - a: b\n", encoding="utf-8")
    with pytest.raises(RuleError) as info:
        load_rules([tmp_path])
    assert_located(info.value, tmp_path / "lex.yaml", 4, "terms", "not a string", "quote")


def test_not_utf8(tmp_path):
    path = tmp_path / "rule.yaml"
    path.write_bytes(GOOD.encode().replace(b"A test rule.", b"A t\xe9st rule."))
    with pytest.raises(RuleError) as info:
        load_rules([path])
    assert info.value.path == str(path) and "UTF-8" in str(info.value)


# ---- a runaway regular expression -------------------------------------------------------------

# `regex` optimises (a+)+$ away; (a|aa)+$ still backtracks exponentially on "aaaa…b".
RUNAWAY = GOOD.replace("patterns: [foo]", "patterns: ['(a|aa)+$']").replace(
    "id: spam.test", "id: spam.runaway"
)


def test_runaway_regex_is_an_error_about_its_rule(tmp_path, monkeypatch):
    monkeypatch.setattr(terms, "TIMEOUT", 0.3)
    (rule,) = load_text(tmp_path, RUNAWAY)
    doc = parse("doc.txt", "a" * 60 + "b\n", "text")
    started = time.monotonic()
    with pytest.raises(RuleRuntimeError) as info:
        lint(doc, [rule])
    assert time.monotonic() - started < 10
    message = str(info.value)
    assert "spam.runaway" in message and str(tmp_path / "rule.yaml") in message and "doc.txt" in message


def test_harmless_nested_quantifier_still_works(tmp_path):
    rule = make_rule("kind: pattern\npatterns: ['(a+)+$']\n")
    doc = parse("doc.txt", "a" * 5000 + "b\n", "text")
    assert lint(doc, [rule]) == []


def test_runaway_regex_cli_exit_2(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(terms, "TIMEOUT", 0.3)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "runaway.yaml").write_text(RUNAWAY, encoding="utf-8")
    (tmp_path / "doc.txt").write_text("a" * 60 + "b\n", encoding="utf-8")
    started = time.monotonic()
    code = main(["check", "doc.txt", "--no-default-rules", "--rules", "runaway.yaml"])
    assert time.monotonic() - started < 20
    err = capsys.readouterr().err
    assert code == 2
    assert "spam.runaway" in err and "runaway.yaml:1" in err and "time limit" in err
    assert "Traceback" not in err
