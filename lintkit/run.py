"""`lintkit check`: configuration, rule selection, reading and linting files, reporting."""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import os
import sys
from collections import Counter
from fnmatch import fnmatch
from pathlib import Path
from typing import TYPE_CHECKING

from lintkit import config as configmod
from lintkit.builtin import with_builtin
from lintkit.cache import load_rules
from lintkit.cli import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, _csv, fail, rule_paths
from lintkit.linter import SEVERITY_RANK, Finding, lint, unknown_id
from lintkit.parallel import Job, default_jobs, lint_files
from lintkit.rules import Rule, RuleError
from lintkit.visible import visible

if TYPE_CHECKING:
    from lintkit.baseline import Baseline
    from lintkit.report.stream import Spool

# The report is spooled (lintkit.report.stream.Spool) and copied out at the end, so that a rule
# failing halfway leaves no partial report (as before streaming); past this size it is on disk.
SPOOL_BYTES = 1 << 20


def _matches(rule_id: str, ids: list[str]) -> bool:
    return any(rule_id == i or rule_id.startswith(i + ".") or i == "ALL" for i in ids)


def select_rules(rules: list[Rule], cfg: configmod.Config, args: argparse.Namespace) -> list[Rule]:
    """Apply select/ignore (CLI over config), severity overrides and --min-severity."""
    select = _csv(args.select) or cfg.select
    ignore = _csv(args.ignore) + cfg.ignore
    out = []
    for rule in rules:
        if not rule.enabled and not (select and any(rule.id == i for i in select)):
            continue
        if select and not _matches(rule.id, select):
            continue
        if ignore and _matches(rule.id, ignore):
            continue
        sev = next(
            (
                v
                for k, v in sorted(cfg.severity.items(), key=lambda kv: -len(kv[0]))
                if _matches(rule.id, [k])
            ),
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
        for name in _csv(getattr(args, flag)):
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


# The cyclic garbage collector's young-generation threshold while linting (Python's default: 700).
GC_THRESHOLD = (10_000, 50, 1000)


def settle_gc() -> None:
    """Keep the cyclic garbage collector out of the way of a run: the rules live until the end, so
    they are frozen out of its reach (gc.freeze, which the gc docs also advise before fork: the
    workers then share the rules' memory pages), and it runs less often. A document's objects are
    freed by reference counting; with the defaults it ran about twice per article, 0.6 ms of the
    14 ms an article takes (measured with gc.callbacks)."""
    import gc

    gc.freeze()
    gc.set_threshold(*GC_THRESHOLD)


def lint_source(
    path: str,
    fmt: str,
    rules: list[Rule],
    target_grade: float | None,
    text: str | None = None,
    known: frozenset[str] = frozenset(),
    limit: int | None = None,
):
    """Read, parse and lint one file (of at most `limit` bytes); returns (findings, doc) or raises
    InputError."""
    from lintkit.checks.base import Context
    from lintkit.markup import parse
    from lintkit.sources import read

    source = text if text is not None else read(path) if limit is None else read(path, limit=limit)
    doc = parse(path, source, fmt)
    return lint(doc, rules, Context(target_grade=target_grade, known_ids=known)), doc


def run_check(args: argparse.Namespace) -> int:
    """Run `lintkit check`; returns the exit code."""
    from lintkit.markup import EXTENSIONS
    from lintkit.sources import InputError, discover, read

    if args.statistics and args.format not in (None, "text", "concise"):
        return fail(
            f"--statistics prints a table of counts; it cannot be combined with --format {args.format}"
        )
    if args.output is not None:
        from lintkit.outpath import output_problem

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
    keep_doc = _show_source(args) or (args.format or "text") in ("html",)
    stdin_bytes = None
    jobs: list[Job] = []
    for src in sources:
        path, fmt = src.path, src.fmt
        if path == "-":  # standard input is read here; files are read where they are linted
            stdin_bytes = stdin_bytes if stdin_bytes is not None else sys.stdin.buffer.read()
            path = args.stdin_filename or "-"
            from lintkit.markup import format_of

            fmt = format_of(path, extensions) or "text"
            try:
                jobs.append(Job(path, fmt, read(path, stdin_bytes)))
            except InputError as err:
                jobs.append(Job(path, fmt, error=str(err)))
            continue
        jobs.append(Job(path, fmt, limit=cfg.max_file_size))
    return _lint_and_report(args, cfg, rules, jobs, errors, baseline, target, keep_doc, known)


def _lint_and_report(
    args: argparse.Namespace,
    cfg: configmod.Config,
    rules: list[Rule],
    jobs: list[Job],
    errors: list[str],
    baseline: Baseline | None,
    target: float | None,
    keep_doc: bool,
    known: frozenset[str] = frozenset(),
) -> int:
    """Lint `jobs`, writing each file's findings as it arrives; returns the exit code."""
    from lintkit.report import FileResult
    from lintkit.report.live import Live, Progress, streams, wanted
    from lintkit.report.stream import Spool, emitter

    fmt_name = args.format or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    fail_rank = SEVERITY_RANK[args.fail_on or cfg.fail_on]
    failing = False
    by_rule: Counter = Counter()  # (rule, severity) -> findings, for the GitHub job summary
    progress = Progress(sys.stderr, len(jobs), enabled=wanted(sys.stderr))
    live = streams(fmt_name, args.statistics, args.output, sys.stdout)
    with contextlib.closing(Live(sys.stdout, progress) if live else Spool(SPOOL_BYTES)) as spool:
        sink = emitter(
            fmt_name,
            spool,
            _color(args, bool(args.output)),
            args.statistics,
            {r.id: r for r in rules},
            target,
            _report_options(args, cfg, fmt_name),
        )
        outcomes = lint_files(
            jobs, rules, target, args.jobs or default_jobs(), keep_doc, baseline is not None, known
        )
        try:
            for path, findings, doc, text, error, fatal in outcomes:
                if error is not None:
                    errors.append(error)
                    progress.step(0)
                    continue
                if fatal is not None:
                    progress.clear()
                    return fail(fatal)
                findings = _per_file_ignores(
                    findings, path, cfg.per_file_ignores, cfg.path.parent if cfg.path else None
                )
                if baseline is not None:
                    findings = baseline.apply(path, findings, text)
                failing = failing or any(SEVERITY_RANK[f.severity] >= fail_rank for f in findings)
                by_rule.update((f.rule, f.severity) for f in findings)
                sink.add(FileResult(path, findings, doc))
                progress.step(len(findings))
        finally:
            progress.clear()  # (also on Ctrl-C: no half line left on the terminal)
        for e in errors:
            print(f"lintkit: error: {visible(e)}", file=sys.stderr)
        if baseline is not None and baseline.writing:
            from lintkit.baseline import write

            return write(baseline, args.write_baseline, errors)
        sink.finish(errors, baseline.stale() if baseline is not None else None)
        warnings = list(sink.warnings)
        if os.environ.get("GITHUB_STEP_SUMMARY"):
            from lintkit.report.summary import append

            problem = append(os.environ["GITHUB_STEP_SUMMARY"], by_rule, sink.n_files, len(errors))
            warnings += [problem] if problem else []
        for w in warnings:
            print(f"lintkit: warning: {visible(w)}", file=sys.stderr)
        from lintkit.safeio import WriteError

        try:
            _copy(spool, args.output)
        except WriteError as err:
            return fail(str(err))
    if errors:
        return EXIT_ERROR
    return EXIT_FINDINGS if failing and not getattr(args, "exit_zero", False) else EXIT_OK


def _report_options(args: argparse.Namespace, cfg: configmod.Config, fmt: str) -> dict:
    """Report fields of the whole-report formats: --fail-on, and SARIF's cap and %SRCROOT%."""
    options: dict = {"fail_on": args.fail_on or cfg.fail_on}
    if fmt == "sarif":
        from lintkit.report.sarif import source_root

        options.update(max_results=args.max_results, root=source_root(cfg.path))
    return options


def _per_file_ignores(
    findings: list[Finding], path: str, table: dict[str, list[str]], base: Path | None = None
) -> list[Finding]:
    """Drop findings of rules ignored for `path`; globs match the path as given, normalised
    ("./docs/a.md" is "docs/a.md"), relative to the config file's folder `base`, or the file name."""
    names = {path, os.path.normpath(path), os.path.basename(path)}
    if base is not None and path != "-":
        names.add(os.path.relpath(os.path.abspath(path), base))
    ids = [i for pat, lst in table.items() if any(fnmatch(n, pat) for n in names) for i in lst]
    return [f for f in findings if not _matches(f.rule, ids)] if ids else findings


def _copy(spool: Spool, output: str | None) -> None:
    """Write the spooled report to `output` (a file, atomically) or standard output; raises
    WriteError (and BrokenPipeError: the reader has gone, for cli.main to end quietly)."""
    from lintkit.safeio import open_atomic, stdout_error

    if output:
        with open_atomic(output) as f:
            spool.copy_to(f)
        return
    try:
        spool.copy_to(sys.stdout)
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as err:
        raise stdout_error(err) from None


def _show_source(args: argparse.Namespace) -> bool:
    """Source excerpts and carets: on a terminal (or --color always), never into a file or pipe;
    `--color never` (like NO_COLOR) only drops the colour."""
    if args.color == "always":
        return True
    return not args.output and sys.stdout.isatty()


def _color(args: argparse.Namespace, to_file: bool) -> bool:
    if args.color == "always":
        return True
    if args.color == "never" or to_file or os.environ.get("NO_COLOR"):
        return False
    return sys.stdout.isatty()
