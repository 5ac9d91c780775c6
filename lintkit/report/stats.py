"""`--statistics`: counts per rule instead of findings (like ruff --statistics)."""

from __future__ import annotations

from collections import Counter

from lintkit.report import Report


def render(report: Report, color: bool = False) -> str:
    """One line per rule: count, rule id, severity, category; most frequent first."""
    counts = Counter(f.rule for f in report.findings)
    lines = []
    for rule_id, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        rule = report.rules.get(rule_id)
        sev = rule.severity if rule else ""
        cat = rule.category if rule else ""
        lines.append(f"{n:>6}  {rule_id:<40} {sev:<8} {cat}")
    lines.append(f"{sum(counts.values()):>6}  total in {len(report.files)} files")
    return "\n".join(lines) + "\n"
