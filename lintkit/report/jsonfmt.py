"""JSON report: {"version", "findings": [...], "summary": {...}}."""

from __future__ import annotations

import json
from collections import Counter

from lintkit import __version__
from lintkit.report import Report


def summary(report: Report) -> dict:
    """Counts by severity, category and rule, plus files checked and read errors."""
    fs = report.findings
    out = {
        "files": len(report.files),
        "findings": len(fs),
        "by_severity": dict(sorted(Counter(f.severity for f in fs).items())),
        "by_category": dict(sorted(Counter(f.category for f in fs).items())),
        "by_rule": dict(sorted(Counter(f.rule for f in fs).items())),
        "errors": list(report.errors),
    }
    if report.stale is not None:
        out["baseline_stale"] = report.stale
    return out


def render(report: Report, color: bool = False) -> str:
    """The report as indented JSON."""
    data = {
        "version": __version__,
        "findings": [f.to_json() for f in report.findings],
        "summary": summary(report),
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
