"""`lintkit check-rules [PATH…]` (and `lintkit rules --test`): run rules' own examples.

Each `fail:` example must be flagged by its rule and each `pass:` example must not be, parsed as
Markdown exactly as tests/rules/test_rule_examples.py does for the shipped rules, so house rules get
the same guarantee. A rule without a fail or a pass example is reported too. Exit 0 when every
example behaves as it says, 1 naming each wrong one, 2 when the rules cannot be loaded.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from lintkit.app.common import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, fail
from lintkit.rules import Rule


def example_problems(rule: Rule) -> list[str]:
    """What is wrong with `rule`'s examples (empty: nothing)."""
    from lintkit.document.readers import parse
    from lintkit.linter import lint

    problems = [
        f"no {v} example" for v, ex in (("fail", rule.examples_fail), ("pass", rule.examples_pass)) if not ex
    ]
    for verdict, texts in (("fail", rule.examples_fail), ("pass", rule.examples_pass)):
        for n, text in enumerate(texts, 1):
            found = [f for f in lint(parse("example.md", text, "markdown"), [rule]) if f.rule == rule.id]
            shown = repr(" ".join(text.split()))
            if verdict == "fail" and not found:
                problems.append(f"fail example {n} is not flagged: {shown}")
            elif verdict == "pass" and found:
                problems.append(f"pass example {n} is flagged at {found[0].line}:{found[0].column}: {shown}")
    return problems


def _shown_path(path: str) -> str:
    """`path` relative to the working folder when it is inside it."""
    rel = os.path.relpath(os.path.abspath(path))
    return path if rel.startswith("..") else rel


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'s' if n != 1 else ''}"


def report(rules: list[Rule]) -> int:
    """Print each wrong example and a summary line; the exit code."""
    wrong = 0
    for rule in rules:
        for problem in example_problems(rule):
            print(f"{_shown_path(rule.path)}:{rule.line}: {rule.id}: {problem}")
            wrong += 1
    n_examples = sum(len(r.examples_fail) + len(r.examples_pass) for r in rules)
    head = f"{_count(len(rules), 'rule')}, {_count(n_examples, 'example')}"
    print(f"{head}: {wrong} wrong." if wrong else f"{head}: every example behaves as it says.")
    return EXIT_FINDINGS if wrong else EXIT_OK


def run_check_rules(args: argparse.Namespace) -> int:
    """Test the rules in `args.paths` (loaded beside the configured ones, for their lexicons), or,
    without paths, every rule the configuration loads."""
    from lintkit.app.common import configured

    if not args.paths:
        loaded = configured(args)
        return EXIT_ERROR if loaded is None else report(loaded[0])
    for p in args.paths:
        if not os.path.exists(p):
            return fail(f"{p}: no such file or directory")
    loaded = configured(args, [Path(p) for p in args.paths])
    if loaded is None:
        return EXIT_ERROR
    rules, wanted = loaded
    return report([r for r in rules if Path(r.path).resolve() in wanted])
