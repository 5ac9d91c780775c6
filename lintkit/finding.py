"""A finding: one problem, located in a source file. Made by the linter, read by every reporter."""

from __future__ import annotations

from dataclasses import dataclass
from operator import attrgetter

SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


@dataclass(frozen=True, order=True, slots=True)
class Finding:
    """One problem, located in the source file (1-based lines, columns in characters, end exclusive)."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    rule: str
    category: str
    severity: str
    message: str
    suggestion: str | None = None
    start: int = 0
    end: int = 0
    snippet: str = ""
    document_level: bool = False

    def __reduce__(self) -> tuple:
        """Pickled as its field values (workers send findings back): a third of the time of a
        dataclass's own state, which looks up the fields for every finding."""
        return (Finding, _values(self))

    def to_json(self) -> dict:
        """The finding as the JSON report shows it."""
        out = {
            "path": self.path,
            "rule": self.rule,
            "category": self.category,
            "severity": self.severity,
            "message": self.message,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
        }
        if self.suggestion:
            out["suggestion"] = self.suggestion
        if self.document_level:
            out["document"] = True
        return out


_values = attrgetter(*Finding.__match_args__)  # every field, in order
