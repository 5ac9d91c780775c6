"""`--statistics`: counts per rule instead of findings (like ruff --statistics)."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lintkit.report.model import Report
    from lintkit.rules import Rule


def table(counts: Counter, rules: dict[str, Rule], n_files: int) -> str:
    """One line per rule (count, id, severity, category), most frequent first, then the total."""
    lines = []
    for rule_id, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        rule = rules.get(rule_id)
        sev = rule.severity if rule else ""
        cat = rule.category if rule else ""
        lines.append(f"{n:>6}  {rule_id:<40} {sev:<8} {cat}")
    lines.append(f"{sum(counts.values()):>6}  total in {n_files} files")
    return "\n".join(lines) + "\n"


def render(report: Report, color: bool = False) -> str:
    """One line per rule: count, rule id, severity, category; most frequent first."""
    return table(Counter(f.rule for f in report.findings), report.rules, len(report.files))
