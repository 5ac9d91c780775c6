"""Report formats. Each module has `render(report, color) -> str`; the registry is explicit."""

from __future__ import annotations

from collections.abc import Callable

from lintkit.report.model import FileResult, Report

__all__ = ["FORMAT_NAMES", "FileResult", "Report", "formats"]


def formats() -> dict[str, Callable[[Report, bool], str]]:
    """Format name -> renderer (imported lazily so start-up stays fast)."""
    from lintkit.report import github, html, jsonfmt, junit, sarif, text

    return {
        "text": text.render,
        "json": jsonfmt.render,
        "concise": text.render_concise,
        "html": html.render,
        "sarif": sarif.render,
        "github": github.render,
        "junit": junit.render,
    }


FORMAT_NAMES = ("text", "concise", "json", "html", "sarif", "github", "junit")
