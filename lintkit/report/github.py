"""GitHub Actions workflow commands: one `::error|warning|notice ...::message` line per finding.

Escaping follows `@actions/core`: in the message `%`, CR and LF become `%25`, `%0D`, `%0A`; in
property values `:` and `,` are escaped as well (`%3A`, `%2C`). Other control characters (ESC,
TAB, ...) are shown as escapes in messages (lintkit.files.visible) and as `%XX` in properties, so that
nothing lintkit prints is interpreted by the log viewer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lintkit.baseline import norm_path
from lintkit.files.visible import CONTROL, visible

if TYPE_CHECKING:
    from lintkit.finding import Finding
    from lintkit.report.model import Report

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    """Escape a workflow command's message."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """Escape a workflow command property value (file, title, ...)."""
    value = escape_data(value).replace(":", "%3A").replace(",", "%2C")
    return CONTROL.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode("utf-8", "replace")), value)


def annotation(f: Finding) -> str:
    """The workflow command for one finding."""
    props = {
        "file": norm_path(f.path),
        "line": f.line,
        "endLine": max(f.line, f.end_line),
        "col": f.column,
        "endColumn": f.end_column,
        "title": f.rule,
    }
    head = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items())
    message = visible(f.message, True)
    if f.suggestion:
        message += f"\nSuggestion: {visible(f.suggestion, True)}"
    return f"::{COMMANDS.get(f.severity, 'warning')} {head}::{escape_data(message)}"


def error_line(error: str) -> str:
    """The workflow command for one unreadable input."""
    return f"::error title=lintkit::{escape_data(visible(error, True))}"


def render(report: Report, color: bool = False) -> str:
    """One annotation per finding, then one `::error::` line per unreadable input."""
    lines = [annotation(f) for f in report.findings]
    lines.extend(error_line(e) for e in report.errors)
    return "\n".join(lines) + ("\n" if lines else "")
