"""`lintkit check`: configuration, rule selection, reading and linting files, reporting."""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path

from lintkit import config as configmod
from lintkit.app.common import csv_list, fail, matches, rule_paths
from lintkit.app.output import lint_and_report, show_source
from lintkit.app.parallel import Job, settle_gc
from lintkit.files.visible import visible
from lintkit.finding import SEVERITY_RANK
from lintkit.linter import unknown_id
from lintkit.rules import Rule, RuleError
from lintkit.rules.builtin import with_builtin
from lintkit.rules.cached import load_rules


def select_rules(rules: list[Rule], cfg: configmod.Config, args: argparse.Namespace) -> list[Rule]:
    """Apply select/ignore (CLI over config), severity overrides and --min-severity."""
    select = csv_list(args.select) or cfg.select
    ignore = csv_list(args.ignore) + cfg.ignore
    out = []
    for rule in rules:
        if not rule.enabled and not (select and any(rule.id == i for i in select)):
            continue
        if select and not matches(rule.id, select):
            continue
        if ignore and matches(rule.id, ignore):
            continue
        sev = next(
            (v for k, v in sorted(cfg.severity.items(), key=lambda kv: -len(kv[0])) if matches(rule.id, [k])),
            None,
        )
        if sev == "off":
            continue
        if sev:
            rule = dataclasses.replace(rule, severity=sev)
        if args.min_severity and SEVERITY_RANK[rule.severity] < SEVERITY_RANK[args.min_severity]:
            continue
        out.append(rule)
    return out


def check_ids(cfg: configmod.Config, args: argparse.Namespace, known: frozenset[str]) -> str | None:
    """A message for the first rule id or prefix in --select/--ignore or the config's select,
    ignore, severity or per-file-ignores that names no loaded rule; None when all are known."""
    for flag in ("select", "ignore"):
        for name in csv_list(getattr(args, flag)):
            if msg := unknown_id(name, known):
                return f"--{flag}: {msg}"
    where = str(cfg.path) if cfg.path else "config"
    table = {
        "select": cfg.select,
        "ignore": cfg.ignore,
        "severity": list(cfg.severity),
        "per-file-ignores": [i for ids in cfg.per_file_ignores.values() for i in ids],
    }
    for key, names in table.items():
        for name in names:
            if msg := unknown_id(name, known):
                line = f":{cfg.lines[key]}" if key in cfg.lines else ""
                return f"{where}{line}: {key}: {msg}"
    return None


def run_check(args: argparse.Namespace) -> int:
    """Run `lintkit check`; returns the exit code."""
    from lintkit.app.sources import InputError, discover, read
    from lintkit.document.readers import EXTENSIONS

    if args.statistics and args.format not in (None, "text", "concise"):
        return fail(
            f"--statistics prints a table of counts; it cannot be combined with --format {args.format}"
        )
    if args.output is not None:
        from lintkit.files.outpath import output_problem

        if problem := output_problem(args.output):
            return fail(problem)
    try:
        cfg_path = Path(args.config) if args.config else configmod.find(Path.cwd())
        if args.config and not cfg_path.is_file():
            return fail(f"config file {args.config} not found")
        cfg = configmod.load(cfg_path)
    except configmod.ConfigError as err:
        return fail(str(err))
    try:
        paths = rule_paths(args, cfg.rules, cfg.no_default_rules)
        rules = load_rules(paths, use_cache=not args.no_cache)
        rules = with_builtin(rules, args.no_default_rules or cfg.no_default_rules)
    except RuleError as err:
        return fail(f"{err}\n  fix the rule file, or leave it out of --rules / the config's 'rules' list")
    known = frozenset(r.id for r in rules)
    if problem := check_ids(cfg, args, known):
        return fail(problem)
    rules = select_rules(rules, cfg, args)
    settle_gc()
    baseline = None
    if getattr(args, "baseline", None) or getattr(args, "write_baseline", None):
        from lintkit import baseline as baselinemod  # (only then: it needs hashlib)

        try:
            baseline = baselinemod.from_args(args)
        except baselinemod.BaselineError as err:
            return fail(str(err))
    target = args.target_grade if args.target_grade is not None else cfg.target_grade
    extensions = {**EXTENSIONS, **cfg.extensions}
    from lintkit.ignore import PathFilter

    gitignore = cfg.respect_gitignore and not getattr(args, "no_respect_gitignore", False)
    skip = PathFilter(cfg.path.parent if cfg.path else Path.cwd(), cfg.exclude, gitignore)
    warnings: list[str] = []
    sources, errors = discover(
        args.paths or ["."],
        extensions,
        cfg.exclude,
        skip,
        follow_symlinks=getattr(args, "follow_symlinks", False),
        warnings=warnings,
    )
    for w in warnings:
        print(f"lintkit: warning: {visible(w)}", file=sys.stderr)
    keep_doc = show_source(args) or (args.format or "text") in ("html",)
    stdin_bytes = None
    jobs: list[Job] = []
    for src in sources:
        path, fmt = src.path, src.fmt
        if path == "-":  # standard input is read here; files are read where they are linted
            stdin_bytes = stdin_bytes if stdin_bytes is not None else sys.stdin.buffer.read()
            path = args.stdin_filename or "-"
            from lintkit.document.readers import format_of

            fmt = format_of(path, extensions) or "text"
            try:
                jobs.append(Job(path, fmt, read(path, stdin_bytes)))
            except InputError as err:
                jobs.append(Job(path, fmt, error=str(err)))
            continue
        jobs.append(Job(path, fmt, limit=cfg.max_file_size))
    return lint_and_report(args, cfg, rules, jobs, errors, baseline, target, keep_doc, known)
