"""What the commands share: exit codes, the error line, and the rules a command loads."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from lintkit import config as configmod
from lintkit.rules import Rule, RuleError, rule_files
from lintkit.rules.builtin import with_builtin
from lintkit.rules.cached import load_rules

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def fail(message: str) -> int:
    """Print an error for the user (no traceback) and return exit code 2."""
    print(f"lintkit: error: {message}", file=sys.stderr)
    return EXIT_ERROR


def csv_list(values: list[str] | None) -> list[str]:
    """The items of repeated, comma-separated option values (`--select A,B --select C`)."""
    return [v.strip() for item in values or [] for v in item.split(",") if v.strip()]


def rule_paths(
    args: argparse.Namespace, extra: list[Path] | None = None, no_default: bool = False
) -> list[Path]:
    """Default rules (unless disabled), then config rule paths, then --rules paths."""
    from lintkit.rules import default_rules_dir

    paths = [] if (args.no_default_rules or no_default) else [default_rules_dir()]
    return paths + list(extra or []) + [Path(p) for p in args.rules]


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


def matches(rule_id: str, ids: list[str]) -> bool:
    """Is `rule_id` one of `ids`, or under one of them (a prefix of whole dotted segments, or ALL)?"""
    return any(rule_id == i or rule_id.startswith(i + ".") or i == "ALL" for i in ids)
