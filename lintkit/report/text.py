"""Human-readable reports: `text` (with source line and caret on a terminal) and `concise`.

Both are line-oriented: `file_lines` renders one file's findings and `summary_lines` the closing
line, so `lintkit.report.stream` can write each file as it is linted; `render` joins the same lines.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from lintkit.report.excerpt import excerpt

if TYPE_CHECKING:
    from lintkit.finding import Finding
    from lintkit.report.model import FileResult, Report

COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
BOLD, DIM, RESET = "\033[1m", "\033[2m", "\033[0m"


def _paint(s: str, code: str, color: bool) -> str:
    return f"{code}{s}{RESET}" if color else s


def concise_line(f: Finding) -> str:
    """One finding as path:line:col: severity rule message."""
    from lintkit.files.visible import visible

    return visible(f"{f.path}:{f.line}:{f.column}: {f.severity} {f.rule} {f.message}")


def render_concise(report: Report, color: bool = False) -> str:
    """One line per finding: path:line:col: severity rule message."""
    lines = [concise_line(f) for f in report.findings]
    return "\n".join(lines) + ("\n" if lines else "")


def end_of(f: Finding) -> int | None:
    """The span's end column on its first line (None: it runs on past the line)."""
    return f.end_column if f.end_line == f.line else None


def _shown(line: str) -> str:
    """The line with control characters blanked; tabs are kept (the excerpt expands them)."""
    from lintkit.files.visible import blank

    return "\t".join(blank(part) for part in line.split("\t"))


def file_lines(result: FileResult, color: bool = False) -> list[str]:
    """The `text` lines of one file's findings (source excerpt and carets when it has a Document)."""
    from lintkit.files.visible import visible

    out: list[str] = []
    for f in result.findings:
        sev = _paint(f.severity, COLORS[f.severity], color)
        loc = _paint(visible(f"{f.path}:{f.line}:{f.column}:"), BOLD, color)
        out.append(f"{loc} {sev} {_paint(f.rule, BOLD, color)} {visible(f.message)}")
        if result.doc is not None and f.line <= f.end_line:
            src, pad, width = excerpt(_shown(result.doc.line_text(f.line)), f.column, end_of(f))
            gutter = f"{f.line:>4} |"  # the caret line's indent is as wide: "  " + gutter + " "
            out.append(f"  {_paint(gutter, DIM, color)} {src}")
            out.append(f"{' ' * (len(gutter) + 3 + pad)}{_paint('^' * width, COLORS[f.severity], color)}")
        if f.suggestion:
            out.append(f"  suggestion: {visible(f.suggestion)}")
    return out


def summary_lines(counts: Counter, n_files: int, n_errors: int, stale: int | None) -> list[str]:
    """The closing lines: findings by severity (`counts`), files checked, unreadable inputs, stale entries."""
    out: list[str] = []
    total = sum(counts.values())
    if total:
        parts = ", ".join(
            f"{counts[s]} {s}{'s' if counts[s] != 1 else ''}"
            for s in ("error", "warning", "info")
            if counts[s]
        )
        out.append(
            f"Found {total} problem{'s' if total != 1 else ''} ({parts})"
            f" in {n_files} file{'s' if n_files != 1 else ''}."
        )
    else:
        files = f"{n_files} file{'s' if n_files != 1 else ''}"
        if n_errors:
            inputs = f"{n_errors} input{'s' if n_errors != 1 else ''}"
            out.append(f"No problems found in {files}; {inputs} could not be read.")
        else:
            out.append(f"All checks passed ({files}).")
    if stale:
        out.append(f"{stale} baseline entr{'ies' if stale != 1 else 'y'} no longer match (stale).")
    return out


def render(report: Report, color: bool = False) -> str:
    """Findings with the source line and a caret under the span (when `color`, i.e. a terminal)."""
    out = [line for result in report.files for line in file_lines(result, color)]
    counts = Counter(f.severity for f in report.findings)
    out.extend(summary_lines(counts, len(report.files), len(report.errors), report.stale))
    return "\n".join(out) + "\n"
