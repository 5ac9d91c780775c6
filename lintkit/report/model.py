"""What every format reads: per-file results and the report of a whole run."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lintkit.document import Document
    from lintkit.finding import Finding
    from lintkit.rules import Rule


@dataclass
class FileResult:
    """The findings of one file (and its Document, kept only for formats that show the text)."""

    path: str
    findings: list[Finding]
    doc: Document | None = None


@dataclass
class Report:
    """Everything a format needs: per-file results in order, read errors, and the rules that ran."""

    files: list[FileResult]
    rules: dict[str, Rule]
    errors: list[str] = field(default_factory=list)
    stale: int | None = None
    target_grade: float | None = None
    fail_on: str = "warning"  # the lowest severity that fails the run (JUnit: a <failure>)
    max_results: int | None = None  # SARIF: most results in the run (None: GitHub's limit)
    root: str | None = None  # SARIF: the folder %SRCROOT% stands for (None: paths as given)
    warnings: list[str] = field(default_factory=list)  # a format's notes for standard error

    @property
    def findings(self) -> list[Finding]:
        """All findings, sorted by path, line, column."""
        return [f for r in self.files for f in r.findings]
