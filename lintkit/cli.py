"""Command line: `lintkit check`, `rules`, `explain`, `check-rules`. Exit 0 clean, 1 findings, 2 errors."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys

from lintkit import __version__
from lintkit.app.common import EXIT_ERROR, fail


def _jobs(value: str) -> int:
    n = int(value)
    if n < 0:
        raise argparse.ArgumentTypeError("must be 0 (the number of cores) or more")
    return n


def _positive(value: str) -> int:
    n = int(value)
    if n < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return n


def _grade(value: str) -> float:
    import math

    n = float(value)
    if not math.isfinite(n) or not 0 <= n <= 100:
        raise argparse.ArgumentTypeError("must be a number from 0 to 100")
    return n


def version_text() -> str:
    """`lintkit --version`: the version, and whether the matching modules are compiled (setup.py)."""
    from importlib.util import find_spec

    spec = find_spec("lintkit.match.index")
    compiled = spec is not None and spec.origin is not None and not spec.origin.endswith(".py")
    return f"lintkit {__version__} ({'compiled with mypyc' if compiled else 'pure Python'})"


class _Version(argparse.Action):
    """--version, worked out only when asked for (not on every run)."""

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        print(version_text())
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (also used to document the CLI)."""
    from lintkit.report import FORMAT_NAMES

    p = argparse.ArgumentParser(prog="lintkit", description="Lint medical marketing copy.")
    p.add_argument(
        "--version", action=_Version, nargs=0, help="show the version (and whether it is compiled) and exit"
    )
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    c = sub.add_parser("check", help="lint files or folders (default: .)")
    c.add_argument("paths", nargs="*", metavar="PATH", help="files, folders, or - for standard input")
    c.add_argument("--format", choices=FORMAT_NAMES, help="output format (default: text)")
    c.add_argument("--output", "-o", metavar="FILE", help="write the report to FILE instead of stdout")
    c.add_argument(
        "--rules", action="append", default=[], metavar="PATH", help="extra rule file or folder (repeatable)"
    )
    c.add_argument("--no-default-rules", action="store_true", help="do not load the built-in rules")
    c.add_argument(
        "--select", action="append", metavar="IDS", help="only these rule ids or prefixes (comma-separated)"
    )
    c.add_argument(
        "--ignore", action="append", metavar="IDS", help="skip these rule ids or prefixes (comma-separated)"
    )
    c.add_argument(
        "--min-severity",
        choices=("info", "warning", "error"),
        help="report only findings at or above this level",
    )
    c.add_argument(
        "--fail-on",
        choices=("info", "warning", "error"),
        help="lowest severity that makes the exit code 1 (default: warning)",
    )
    c.add_argument(
        "--exit-zero", action="store_true", help="exit 0 even with findings (2 still means an error)"
    )
    c.add_argument(
        "--config", metavar="FILE", help="config file (default: nearest .lintkit.yaml or pyproject.toml)"
    )
    c.add_argument(
        "--stdin-filename", metavar="NAME", help="name (and format, by extension) for input read from -"
    )
    c.add_argument(
        "--target-grade", type=_grade, metavar="N", help="reading grade target for readability rules"
    )
    c.add_argument(
        "--color", choices=("auto", "always", "never"), default="auto", help="colour and source excerpts"
    )
    c.add_argument(
        "--max-results",
        type=_positive,
        metavar="N",
        help="SARIF: keep the N most severe results (default 25000, GitHub code scanning's limit)",
    )
    c.add_argument("--statistics", action="store_true", help="print counts per rule instead of findings")
    c.add_argument("--baseline", metavar="FILE", help="report only findings not recorded in baseline FILE")
    c.add_argument("--write-baseline", metavar="FILE", help="record the current findings in FILE and exit 0")
    c.add_argument(
        "--jobs", "-j", type=_jobs, metavar="N", help="processes for linting (default: one per core)"
    )
    c.add_argument(
        "--no-respect-gitignore",
        action="store_true",
        help="also lint files that .gitignore leaves out (default: skip them, as ruff does)",
    )
    c.add_argument("--no-cache", action="store_true", help="do not read or write the compiled-rules cache")
    c.add_argument(
        "--follow-symlinks",
        action="store_true",
        help="in folders, follow symlinks that lead out of the folder (default: skip them)",
    )
    r = sub.add_parser("rules", help="list the rules (those the config loads too)")
    _rule_options(r)
    r.add_argument("--format", choices=("text", "json"), default="text")
    r.add_argument("--test", action="store_true", help="run every rule's pass/fail examples instead")
    e = sub.add_parser("explain", help="show a rule's description, references and examples")
    e.add_argument("rule", metavar="RULE")
    _rule_options(e)
    t = sub.add_parser("check-rules", help="run the pass/fail examples of rule files (default: all loaded)")
    t.add_argument("paths", nargs="*", metavar="PATH", help="rule files or folders to test")
    _rule_options(t)
    return p


def _rule_options(p: argparse.ArgumentParser) -> None:
    """The options that choose the rules, as in `check`."""
    p.add_argument("--rules", action="append", default=[], metavar="PATH", help="extra rule file or folder")
    p.add_argument("--no-default-rules", action="store_true", help="do not load the built-in rules")
    p.add_argument(
        "--config", metavar="FILE", help="config file (default: nearest .lintkit.yaml or pyproject.toml)"
    )


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the exit code."""
    args = build_parser().parse_args(argv)
    try:
        if args.command == "check":
            from lintkit.app.check import run_check

            return run_check(args)
        if args.command in ("rules", "explain"):
            from lintkit.app.explain import run_explain, run_rules

            return run_rules(args) if args.command == "rules" else run_explain(args)
        if args.command == "check-rules":
            from lintkit.app.ruletest import run_check_rules

            return run_check_rules(args)
        build_parser().print_help()
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader has gone (`lintkit check | head`): nothing to say to it
        with contextlib.suppress(OSError, ValueError, AttributeError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_ERROR


def run() -> None:
    """The `lintkit` command: `main()`, then exit at once with its code once the output is flushed,
    skipping the interpreter's teardown of the loaded rules (about 10 ms of a short run)."""
    code = main()
    try:
        sys.stdout.flush()
    except BrokenPipeError:  # the reader has gone: nothing more can be shown
        code = EXIT_ERROR
    except OSError as err:
        from lintkit.files.safeio import stdout_error

        code = fail(str(stdout_error(err)))
    with contextlib.suppress(OSError):
        sys.stderr.flush()
    os._exit(code)
