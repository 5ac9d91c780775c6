"""Human-readable reports: `text` (with source line and caret on a terminal) and `concise`."""

from __future__ import annotations

from collections import Counter

from lintkit.report import Report

COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
BOLD, DIM, RESET = "\033[1m", "\033[2m", "\033[0m"


def _paint(s: str, code: str, color: bool) -> str:
    return f"{code}{s}{RESET}" if color else s


def render_concise(report: Report, color: bool = False) -> str:
    """One line per finding: path:line:col: severity rule message."""
    lines = [f"{f.path}:{f.line}:{f.column}: {f.severity} {f.rule} {f.message}" for f in report.findings]
    return "\n".join(lines) + ("\n" if lines else "")


def render(report: Report, color: bool = False) -> str:
    """Findings with the source line and a caret under the span (when `color`, i.e. a terminal)."""
    out: list[str] = []
    for result in report.files:
        for f in result.findings:
            sev = _paint(f.severity, COLORS[f.severity], color)
            loc = _paint(f"{f.path}:{f.line}:{f.column}:", BOLD, color)
            out.append(f"{loc} {sev} {_paint(f.rule, BOLD, color)} {f.message}")
            if result.doc is not None and f.line <= f.end_line:
                src = result.doc.line_text(f.line).replace("\t", " ")
                end = f.end_column if f.end_line == f.line else len(src) + 1
                width = max(1, end - f.column)
                carets = "^" * min(width, max(1, len(src) - f.column + 1))
                out.append(f"  {_paint(f'{f.line:>4} |', DIM, color)} {src}")
                out.append(f"       {' ' * (f.column - 1)}{_paint(carets, COLORS[f.severity], color)}")
            if f.suggestion:
                out.append(f"  suggestion: {f.suggestion}")
    counts = Counter(f.severity for f in report.findings)
    n_files = len(report.files)
    if report.findings:
        parts = ", ".join(
            f"{counts[s]} {s}{'s' if counts[s] != 1 else ''}"
            for s in ("error", "warning", "info")
            if counts[s]
        )
        out.append(
            f"Found {len(report.findings)} problem{'s' if len(report.findings) != 1 else ''} ({parts})"
            f" in {n_files} file{'s' if n_files != 1 else ''}."
        )
    else:
        files = f"{n_files} file{'s' if n_files != 1 else ''}"
        if report.errors:
            n_err = len(report.errors)
            out.append(
                f"No problems found in {files}; {n_err} input{'s' if n_err != 1 else ''} could not be read."
            )
        else:
            out.append(f"All checks passed ({files}).")
    if report.stale:
        out.append(
            f"{report.stale} baseline entr{'ies' if report.stale != 1 else 'y'} no longer match (stale)."
        )
    return "\n".join(out) + "\n"
