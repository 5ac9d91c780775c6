"""Markup readers: each turns a source string into a Document (prose + offset map + blocks)."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lintkit.document.model import Document

# format -> module with parse(path, source); imported on first use (HTML needs html.parser)
PARSERS: dict[str, str] = {
    "text": "lintkit.document.plain",
    "markdown": "lintkit.document.markdown",
    "html": "lintkit.document.html",
}
EXTENSIONS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdx": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}


def format_of(path: str, extensions: dict[str, str] | None = None) -> str | None:
    """The markup format for a file name, or None when the extension is not one lintkit reads."""
    table = extensions or EXTENSIONS
    dot = path.rfind(".")
    return table.get(path[dot:].lower()) if dot != -1 else None


def parse(path: str, source: str, fmt: str) -> Document:
    """Parse `source` (already decoded) in markup format `fmt`; a leading BOM is dropped, as on read."""
    if source.startswith("\ufeff"):
        source = source[1:]
    return import_module(PARSERS[fmt]).parse(path, source)
