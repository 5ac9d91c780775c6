"""JUnit XML report for GitLab, Jenkins and Azure Pipelines test views.

Layout (ruff's and ESLint's): `<testsuites>` holds one `<testsuite>` per file; each finding is a
`<testcase>` (name = rule id and position, classname = file) with one `<failure>` when its severity
is at or above `--fail-on` (as the exit code counts it), else passing with the finding as its
`<system-out>` (`--fail-on error`: warnings are listed, not failures); a file without
findings gets one passing testcase, so the test view lists every file checked. Unreadable inputs
become testcases with an `<error>` in a suite named `lintkit`. No timestamps: output is deterministic.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from lintkit.baseline import norm_path
from lintkit.finding import SEVERITY_RANK, Finding
from lintkit.report.model import Report

_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _clean(text: str) -> str:
    """`text` without the characters XML 1.0 cannot hold (control characters, lone surrogates)."""
    return _INVALID_XML.sub("\ufffd", text)


def _case(suite: ET.Element, name: str, classname: str, **attrs: str) -> ET.Element:
    return ET.SubElement(suite, "testcase", {"name": name, "classname": classname, "time": "0", **attrs})


def _failure(case: ET.Element, f: Finding, path: str, failing: bool) -> None:
    if failing:
        el = ET.SubElement(case, "failure", {"message": _clean(f.message), "type": f.severity})
    else:
        el = ET.SubElement(case, "system-out")
    lines = [f"{path}:{f.line}:{f.column}: {f.severity} {f.rule} {f.message}"]
    if f.suggestion:
        lines.append(f"Suggestion: {f.suggestion}")
    el.text = _clean("\n".join(lines))


def to_xml(report: Report) -> ET.Element:
    """The report as a <testsuites> element."""
    root = ET.Element("testsuites", {"name": "lintkit"})
    total = failures = errors = 0
    fail_rank = SEVERITY_RANK[report.fail_on]
    for result in report.files:
        path = _clean(norm_path(result.path))
        suite = ET.SubElement(root, "testsuite", {"name": path})
        failed = 0
        for f in result.findings:
            case = _case(suite, f"{f.rule} ({f.line}:{f.column})", path, file=path, line=str(f.line))
            failing = SEVERITY_RANK[f.severity] >= fail_rank
            _failure(case, f, path, failing)
            failed += failing
        if not result.findings:
            _case(suite, "lintkit", path, file=path)
        n = max(1, len(result.findings))
        suite.attrib.update(tests=str(n), failures=str(failed), errors="0", skipped="0", time="0")
        total += n
        failures += failed
    if report.errors:
        suite = ET.SubElement(root, "testsuite", {"name": "lintkit"})
        for e in report.errors:
            case = _case(suite, _clean("read " + e.split(": ", 1)[0]), "lintkit")
            ET.SubElement(case, "error", {"message": _clean(e), "type": "input"}).text = _clean(e)
        n = len(report.errors)
        suite.attrib.update(tests=str(n), failures="0", errors=str(n), skipped="0", time="0")
        total += n
        errors += n
    root.attrib.update(tests=str(total), failures=str(failures), errors=str(errors), time="0")
    return root


def render(report: Report, color: bool = False) -> str:
    """The report as an indented JUnit XML document."""
    root = to_xml(report)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
