"""SARIF 2.1.0 report, as GitHub code scanning and other SARIF viewers read it.

Columns are Unicode code points (`columnKind: unicodeCodePoints`), 1-based, end exclusive, exactly
as lintkit counts them. `partialFingerprints.primaryLocationLineHash` is a hash of the rule and the
flagged text plus its occurrence number in the file, so alerts survive lines moving.

GitHub code scanning rejects a run of more than 25,000 results (MAX_RESULTS; it shows the 5,000
most severe) or 25,000 rules; a report past the cap (or `--max-results N`) keeps the most severe
results, in report order, says in a tool notification what it left out, and `report.warnings`
name it for standard error. URIs are relative to `%SRCROOT%`, the checkout's root (`source_root`),
whatever the working folder, so `../page.md` from a subfolder is `page.md`.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path
from urllib.parse import quote

from lintkit import __version__
from lintkit.baseline import norm_path, text_key
from lintkit.finding import Finding
from lintkit.report.model import Report
from lintkit.rules import Rule

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
PROBLEM_SEVERITY = {"error": "error", "warning": "warning", "info": "recommendation"}
MAX_RESULTS = 25_000  # GitHub code scanning: results per run
RANK = {"error": 0, "warning": 1, "info": 2}


def source_root(config: Path | None = None) -> str:
    """The folder %SRCROOT% stands for: $GITHUB_WORKSPACE under Actions, else the git checkout
    around the working folder, else the config file's folder, else the working folder."""
    if os.environ.get("GITHUB_WORKSPACE"):
        return os.path.abspath(os.environ["GITHUB_WORKSPACE"])
    cwd = Path.cwd()
    for folder in [cwd, *cwd.parents]:
        if (folder / ".git").exists():
            return str(folder)
    return str(config.parent.resolve() if config is not None else cwd)


def cap(findings: list[Finding], limit: int) -> tuple[list[Finding], list[Finding]]:
    """The `limit` most severe findings (in their order) and the ones left out."""
    if len(findings) <= limit:
        return findings, []
    order = sorted(range(len(findings)), key=lambda i: RANK.get(findings[i].severity, 1))
    keep = set(order[:limit])
    kept = [f for i, f in enumerate(findings) if i in keep]
    return kept, [f for i, f in enumerate(findings) if i not in keep]


def left_out_message(left: list[Finding], limit: int) -> str:
    """What a capped report left out: counts by severity and the rules most affected."""
    by_sev = Counter(f.severity for f in left)
    by_rule = Counter(f.rule for f in left).most_common(5)
    sev = ", ".join(f"{by_sev[s]} {s}" for s in ("error", "warning", "info") if by_sev[s])
    rules = ", ".join(f"{r} ({n})" for r, n in by_rule)
    return (
        f"SARIF report capped at {limit} results (GitHub code scanning's limit is {MAX_RESULTS}; "
        f"--max-results N sets it): left out {len(left)} ({sev}); most from {rules}"
    )


def _first_sentence(text: str) -> str:
    flat = " ".join(text.split())
    head, dot, _ = flat.partition(". ")
    return head + ("." if dot else "")


def _uri(path: str, root: str | None = None) -> dict:
    """artifactLocation for a path: relative to the checkout (%SRCROOT%, the folder `root`, or the
    working folder when None) or, outside it, an absolute file URI."""
    if root is not None and path != "-":
        full = os.path.abspath(path)
        rel = os.path.relpath(full, root)
        path = full if rel == ".." or rel.startswith(".." + os.sep) else rel
    p = norm_path(path)
    if p.startswith("/"):
        return {"uri": "file://" + quote(p, safe="/")}
    if len(p) > 1 and p[1] == ":":  # Windows drive letter
        return {"uri": "file:///" + quote(p, safe="/:")}
    return {"uri": quote(p, safe="/"), "uriBaseId": "%SRCROOT%"}


def rule_descriptor(rule_id: str, rule: Rule | None) -> dict:
    """A SARIF reportingDescriptor: id, descriptions, help with references, helpUri, default level."""
    if rule is None:
        return {
            "id": rule_id,
            "shortDescription": {"text": rule_id},
            "fullDescription": {"text": rule_id},
            "help": {"text": rule_id},
        }
    description = " ".join(rule.description.split()) or rule.id
    refs = [r for r in rule.references]
    help_text = description
    help_md = description
    if refs:
        help_text += "\n\nReferences:\n" + "\n".join(
            f"- {r.title}" + (f" <{r.url}>" if r.url else "") for r in refs
        )
        help_md += "\n\n**References**\n\n" + "\n".join(
            f"- [{r.title}]({r.url})" if r.url else f"- {r.title}" for r in refs
        )
    help_md += f"\n\nRun `lintkit explain {rule.id}` for examples."
    out: dict = {
        "id": rule.id,
        "name": rule.id.rsplit(".", 1)[-1],
        "shortDescription": {"text": _first_sentence(description)},
        "fullDescription": {"text": description},
        "help": {"text": help_text, "markdown": help_md},
    }
    url = next((r.url for r in refs if r.url), None)
    if url:
        out["helpUri"] = url
    out["defaultConfiguration"] = {"level": LEVELS[rule.severity], "enabled": rule.enabled}
    out["properties"] = {
        "tags": ["medical-copy", rule.category],
        "problem.severity": PROBLEM_SEVERITY[rule.severity],
    }
    if refs:
        out["properties"]["references"] = [
            {"title": r.title, "url": r.url} if r.url else {"title": r.title} for r in refs
        ]
    return out


def _region(f: Finding) -> dict:
    line, col = max(1, f.line), max(1, f.column)
    end_line = max(line, f.end_line)
    end_col = f.end_column if end_line > line else max(col, f.end_column)
    return {"startLine": line, "startColumn": col, "endLine": end_line, "endColumn": max(1, end_col)}


def to_sarif(report: Report) -> dict:
    """The report as a SARIF log (a dict ready for json.dumps)."""
    limit = report.max_results or MAX_RESULTS
    findings, left = cap(report.findings, limit)
    notes = [{"level": "error", "message": {"text": e}} for e in report.errors]
    if left:
        report.warnings.append(left_out_message(left, limit))
        notes.append({"level": "warning", "message": {"text": report.warnings[-1]}})
    ids = sorted(set(report.rules) | {f.rule for f in findings})
    index = {rid: i for i, rid in enumerate(ids)}
    seen: Counter = Counter()
    results = []
    kept = {id(f) for f in findings}
    for f in report.findings:  # all of them, so the occurrence numbers do not depend on the cap
        fp = text_key(f)
        seen[(f.path, fp)] += 1
        if id(f) not in kept:
            continue
        message = f.message + (f"\nSuggestion: {f.suggestion}" if f.suggestion else "")
        result = {
            "ruleId": f.rule,
            "ruleIndex": index[f.rule],
            "level": LEVELS.get(f.severity, "warning"),
            "message": {"text": message},
            "locations": [
                {"physicalLocation": {"artifactLocation": _uri(f.path, report.root), "region": _region(f)}}
            ],
            "partialFingerprints": {"primaryLocationLineHash": f"{fp}:{seen[(f.path, fp)]}"},
            "properties": {"category": f.category},
        }
        if f.document_level:
            result["properties"]["documentLevel"] = True
        results.append(result)
    run = {
        "tool": {
            "driver": {
                "name": "lintkit",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": [rule_descriptor(rid, report.rules.get(rid)) for rid in ids],
            }
        },
        "columnKind": "unicodeCodePoints",
        "invocations": [
            {
                "executionSuccessful": not report.errors,
                "toolExecutionNotifications": notes,
            }
        ],
        "results": results,
    }
    if report.stale is not None:
        run["properties"] = {"baselineStale": report.stale}
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def render(report: Report, color: bool = False) -> str:
    """The report as indented SARIF JSON."""
    return json.dumps(to_sarif(report), indent=2, ensure_ascii=False) + "\n"
