"""Linting the files of a `lintkit check` and writing the report as findings arrive."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections import Counter
from fnmatch import fnmatch
from pathlib import Path
from typing import TYPE_CHECKING

from lintkit import config as configmod
from lintkit.app.common import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, fail, matches
from lintkit.app.parallel import Job, default_jobs, lint_files
from lintkit.files.visible import visible
from lintkit.finding import SEVERITY_RANK, Finding
from lintkit.rules import Rule

if TYPE_CHECKING:
    from lintkit.baseline import Baseline
    from lintkit.report.stream import Spool

# The report is spooled (lintkit.report.stream.Spool) and copied out at the end, so that a rule
# failing halfway leaves no partial report (as before streaming); past this size it is on disk.
SPOOL_BYTES = 1 << 20


def lint_and_report(
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
                findings = per_file_ignores(
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
        from lintkit.files.safeio import WriteError

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


def per_file_ignores(
    findings: list[Finding], path: str, table: dict[str, list[str]], base: Path | None = None
) -> list[Finding]:
    """Drop findings of rules ignored for `path`; globs match the path as given, normalised
    ("./docs/a.md" is "docs/a.md"), relative to the config file's folder `base`, or the file name."""
    names = {path, os.path.normpath(path), os.path.basename(path)}
    if base is not None and path != "-":
        names.add(os.path.relpath(os.path.abspath(path), base))
    ids = [i for pat, lst in table.items() if any(fnmatch(n, pat) for n in names) for i in lst]
    return [f for f in findings if not matches(f.rule, ids)] if ids else findings


def _copy(spool: Spool, output: str | None) -> None:
    """Write the spooled report to `output` (a file, atomically) or standard output; raises
    WriteError (and BrokenPipeError: the reader has gone, for cli.main to end quietly)."""
    from lintkit.files.safeio import open_atomic, stdout_error

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


def show_source(args: argparse.Namespace) -> bool:
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
