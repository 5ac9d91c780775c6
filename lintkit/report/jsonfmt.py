"""JSON report: {"version", "findings": [...], "summary": {...}}."""

from __future__ import annotations

import json
from collections import Counter
from typing import TYPE_CHECKING, TextIO

from lintkit import __version__

if TYPE_CHECKING:
    from lintkit.finding import Finding
    from lintkit.report.model import Report


class Tally:
    """What the summary counts: files, and findings by severity, category and rule."""

    def __init__(self) -> None:
        self.files = 0
        self.by_severity: Counter = Counter()
        self.by_category: Counter = Counter()
        self.by_rule: Counter = Counter()

    def add(self, findings: list[Finding]) -> None:
        """Count one file and its findings."""
        self.files += 1
        for f in findings:
            self.by_severity[f.severity] += 1
            self.by_category[f.category] += 1
            self.by_rule[f.rule] += 1

    def summary(self, errors: list[str], stale: int | None) -> dict:
        """The report's "summary" object."""
        out = {
            "files": self.files,
            "findings": sum(self.by_severity.values()),
            "by_severity": dict(sorted(self.by_severity.items())),
            "by_category": dict(sorted(self.by_category.items())),
            "by_rule": dict(sorted(self.by_rule.items())),
            "errors": list(errors),
        }
        if stale is not None:
            out["baseline_stale"] = stale
        return out


def summary(report: Report) -> dict:
    """Counts by severity, category and rule, plus files checked and read errors."""
    tally = Tally()
    for result in report.files:
        tally.add(result.findings)
    return tally.summary(report.errors, report.stale)


class JsonWriter:
    """Writes the report as findings arrive: the same bytes as `render`, without keeping them."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.tally = Tally()
        self.any = False
        out.write('{\n  "version": ' + json.dumps(__version__, ensure_ascii=False) + ',\n  "findings": [')

    def add(self, findings: list[Finding]) -> None:
        """One file's findings."""
        self.tally.add(findings)
        for f in findings:
            item = json.dumps(f.to_json(), indent=2, ensure_ascii=False).replace("\n", "\n    ")
            self.out.write(("," if self.any else "") + "\n    " + item)
            self.any = True

    def finish(self, errors: list[str], stale: int | None) -> None:
        """Close the findings list and write the summary."""
        summ = json.dumps(self.tally.summary(errors, stale), indent=2, ensure_ascii=False)
        self.out.write(
            ("\n  ]" if self.any else "]") + ',\n  "summary": ' + summ.replace("\n", "\n  ") + "\n}\n"
        )


def render(report: Report, color: bool = False) -> str:
    """The report as indented JSON."""
    data = {
        "version": __version__,
        "findings": [f.to_json() for f in report.findings],
        "summary": summary(report),
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
