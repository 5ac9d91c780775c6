"""`lintkit rules` (a table of rules) and `lintkit explain RULE` (what, why, references, examples)."""

from __future__ import annotations

import argparse
import json
import textwrap
from pathlib import Path

from lintkit import config as configmod
from lintkit.builtin import with_builtin
from lintkit.cache import load_rules
from lintkit.cli import EXIT_ERROR, EXIT_OK, fail, rule_paths
from lintkit.regtable import StatusTable
from lintkit.rules import Rule, RuleError, rule_files


def configured(
    args: argparse.Namespace, extra: list[Path] | None = None
) -> tuple[list[Rule], set[Path]] | None:
    """Every rule `lintkit check` would load here (the default rules, the config's `rules:`, then
    --rules, and the built-in ones), plus the rule files under `extra` (loaded once even when the
    config names them too); returns (rules, resolved files of `extra`), or None after printing
    the error."""
    try:
        cfg_path = Path(args.config) if args.config else configmod.find(Path.cwd())
        if args.config and not cfg_path.is_file():
            fail(f"config file {args.config} not found")
            return None
        cfg = configmod.load(cfg_path)
    except configmod.ConfigError as err:
        fail(str(err))
        return None
    paths = rule_paths(args, cfg.rules, cfg.no_default_rules)
    no_default = args.no_default_rules or cfg.no_default_rules
    try:
        if not extra:
            return with_builtin(load_rules(paths), no_default), set()
        files, seen = [], set()
        for f in rule_files([*paths, *extra]):
            if f.resolve() not in seen:
                seen.add(f.resolve())
                files.append(f)
        return with_builtin(load_rules(files), no_default), {f.resolve() for f in rule_files(extra)}
    except RuleError as err:
        fail(f"{err}\n  fix the rule file, or leave it out of --rules / the config's 'rules' list")
        return None


def _load(args: argparse.Namespace) -> list[Rule] | None:
    loaded = configured(args)
    return None if loaded is None else loaded[0]


def run_rules(args: argparse.Namespace) -> int:
    """Print every rule: id, category, severity, kind, first line of its description."""
    rules = _load(args)
    if rules is None:
        return EXIT_ERROR
    if args.test:
        from lintkit.ruletest import report

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
