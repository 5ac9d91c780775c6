"""Every default rule's own examples: `fail` examples are flagged by it, `pass` examples are not.

Rules are discovered from lintkit.rules.default_rules_dir() at collection time, so rules added to
rules/ are tested automatically. Examples are parsed as Markdown.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lintkit.document.readers import parse
from lintkit.linter import lint
from lintkit.rules import CATEGORIES, Rule, RuleError, default_rules_dir, load_rules

RULES_DIR = default_rules_dir()


def _load() -> tuple[list[Rule], str | None]:
    try:
        return load_rules([RULES_DIR]), None
    except RuleError as err:
        return [], str(err)


RULES, LOAD_ERROR = _load()
EXAMPLES = [
    pytest.param(rule, verdict, text, id=f"{rule.id}-{verdict}-{n}")
    for rule in RULES
    for verdict, texts in (("fail", rule.examples_fail), ("pass", rule.examples_pass))
    for n, text in enumerate(texts, 1)
]


def test_default_rules_load():
    assert LOAD_ERROR is None, LOAD_ERROR
    assert RULES, f"no rules found in {RULES_DIR}"


@pytest.mark.parametrize(("rule", "verdict", "text"), EXAMPLES)
def test_rule_example(rule: Rule, verdict: str, text: str):
    doc = parse("example.md", text, "markdown")
    found = [f for f in lint(doc, [rule]) if f.rule == rule.id]
    if verdict == "fail":
        assert found, f"{rule.id} ({rule.path}) does not flag its fail example: {text!r}"
    else:
        shown = [(f.line, f.column, f.snippet) for f in found]
        assert not found, f"{rule.id} ({rule.path}) flags its pass example {text!r}: {shown}"


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_rule_hygiene(rule: Rule):
    problems = []
    if not rule.examples_fail:
        problems.append("no fail example")
    if not rule.examples_pass:
        problems.append("no pass example")
    if not rule.description.strip():
        problems.append("no description")
    if not rule.references:
        problems.append("no reference")
    rel = Path(rule.path).resolve().relative_to(RULES_DIR.resolve())
    if len(rel.parts) != 2:
        problems.append(f"not in a category folder: {rel}")
    else:
        folder, stem = rel.parts[0], Path(rel.parts[1]).stem
        if rule.id != f"{folder}.{stem}":
            problems.append(f"id {rule.id!r} is not {folder}.{stem!r}")
        if rule.category != folder:
            problems.append(f"category {rule.category!r} is not the folder {folder!r}")
    assert rule.category in CATEGORIES
    assert not problems, f"{rule.path}: " + "; ".join(problems)


def test_rule_ids_are_unique_and_sorted():
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids))
    assert ids == sorted(ids)
