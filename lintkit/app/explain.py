"""`lintkit rules` (a table of rules) and `lintkit explain RULE` (what, why, references, examples)."""

from __future__ import annotations

import argparse
import json
import textwrap

from lintkit.app.common import EXIT_ERROR, EXIT_OK, configured, fail
from lintkit.rules import Rule
from lintkit.schema.regtable import StatusTable


def _load(args: argparse.Namespace) -> list[Rule] | None:
    loaded = configured(args)
    return None if loaded is None else loaded[0]


def run_rules(args: argparse.Namespace) -> int:
    """Print every rule: id, category, severity, kind, first line of its description."""
    rules = _load(args)
    if rules is None:
        return EXIT_ERROR
    if args.test:
        from lintkit.app.ruletest import report

        return report(rules)
    if args.format == "json":
        data = [
            {
                "id": r.id,
                "category": r.category,
                "severity": r.severity,
                "kind": r.kind,
                "enabled": r.enabled,
                "summary": r.description.split("\n")[0],
            }
            for r in rules
        ]
        print(json.dumps(data, indent=2))
        return EXIT_OK
    width = max((len(r.id) for r in rules), default=10)
    print(f"{'RULE':<{width}}  {'CATEGORY':<11} {'SEVERITY':<8} {'KIND':<10} SUMMARY")
    for r in rules:
        summary = r.description.split(". ")[0].split("\n")[0]
        flag = "" if r.enabled else " (off by default)"
        print(f"{r.id:<{width}}  {r.category:<11} {r.severity:<8} {r.kind:<10} {summary[:70]}{flag}")
    return EXIT_OK


def render_rule(rule: Rule) -> str:
    """The explain page of one rule, straight from its YAML."""
    out = [f"{rule.id}  ({rule.category}, {rule.severity}, kind: {rule.kind})", ""]
    out += ["What it finds and why:", textwrap.indent(textwrap.fill(rule.description, 96), "  "), ""]
    if rule.references:
        out.append("References:")
        out += [f"  - {ref.title}" + (f" <{ref.url}>" if ref.url else "") for ref in rule.references]
        out.append("")
    if rule.examples_fail:
        out.append("Flagged (fail):")
        out += [f"  ✗ {' '.join(e.split())}" for e in rule.examples_fail]
        out.append("")
    if rule.examples_pass:
        out.append("Not flagged (pass):")
        out += [f"  ✓ {' '.join(e.split())}" for e in rule.examples_pass]
        out.append("")
    table = getattr(rule.options, "table", None)
    if isinstance(table, StatusTable):
        out.append(f"Status table ({len(table.rows)} rows, {table.path}):")
        for row in table.rows:
            out.append(f"  - {row.product}: {row.status}; covers {row.covers}")
            out.append(f"      source: {row.source} (checked {row.checked})")
        out.append("")
    out.append(f"Defined in {rule.path}")
    return "\n".join(out)


def run_explain(args: argparse.Namespace) -> int:
    """Print the explain page of one rule."""
    rules = _load(args)
    if rules is None:
        return EXIT_ERROR
    match = [r for r in rules if r.id == args.rule]
    if not match:
        close = [r.id for r in rules if args.rule in r.id][:8]
        hint = f"; did you mean: {', '.join(close)}" if close else "; `lintkit rules` lists them"
        return fail(f"no rule {args.rule!r}{hint}")
    print(render_rule(match[0]))
    return EXIT_OK
