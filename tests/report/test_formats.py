"""Machine formats (sarif, github, junit), --output, --statistics: same findings as the JSON report."""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import conftest
import jsonschema
import pytest

from lintkit.cli import main
from lintkit.finding import Finding
from lintkit.report import FORMAT_NAMES, Report
from lintkit.report.github import annotation
from lintkit.report.junit import render as render_junit

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted(conftest.SEEDS.glob("*.txt"))
SCHEMA_PATH = conftest.SARIF_SCHEMA
CLEAN = "Our office is closed on public holidays. Call us to book a visit.\n"
ANNOTATION = re.compile(
    r"^::(error|warning|notice) file=([^,]+),line=(\d+),endLine=(\d+),col=(\d+),endColumn=(\d+),"
    r"title=([^,:]+)::(.*)$"
)
GH_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}
SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}

needs_seeds = pytest.mark.skipif(not SEEDS or not SCHEMA_PATH.is_file(), reason=conftest.SHARED_MISSING)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(["check", "--color", "never", *argv])
    return code, capsys.readouterr().out


@pytest.fixture
def pages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with two seed pages and a clean page; the working directory, so paths are relative."""
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.chdir(tmp_path)
    for seed in SEEDS[:2]:
        shutil.copy(seed, tmp_path / seed.name)
    (tmp_path / "clean.md").write_text(CLEAN, encoding="utf-8")
    return tmp_path


def json_findings(capsys: pytest.CaptureFixture[str], *paths: str) -> list[dict]:
    code, out = run(capsys, "--format", "json", *paths)
    assert code == 1
    return json.loads(out)["findings"]


def test_formats_are_registered() -> None:
    for name in ("text", "concise", "json", "sarif", "github", "junit"):
        assert name in FORMAT_NAMES


@needs_seeds
def test_sarif_validates_against_official_schema_and_matches_json(
    pages: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = SEEDS[0].name
    expected = json_findings(capsys, page)
    code, out = run(capsys, "--format", "sarif", page)
    assert code == 1
    log = json.loads(out)
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    validator = jsonschema.validators.validator_for(schema)
    validator.check_schema(schema)
    validator(schema, format_checker=validator.FORMAT_CHECKER).validate(log)

    assert log["version"] == "2.1.0"
    run_ = log["runs"][0]
    assert run_["columnKind"] == "unicodeCodePoints"
    rules = run_["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == sorted(r["id"] for r in rules)
    for r in rules:
        assert r["shortDescription"]["text"] and r["fullDescription"]["text"] and r["help"]["text"]
        assert r["defaultConfiguration"]["level"] in ("error", "warning", "note")
    efficacy = next(r for r in rules if r["id"] == "claim.efficacy-unsupported")
    assert efficacy["helpUri"].startswith("https://")
    assert "References" in efficacy["help"]["text"] and efficacy["properties"]["references"]

    results = run_["results"]
    got = [(r["ruleId"], *_region(r)) for r in results]
    want = [(f["rule"], f["line"], f["column"], f["end_line"], f["end_column"]) for f in expected]
    assert sorted(got) == sorted(want)
    for r, f in zip(results, expected, strict=True):  # same order as well
        assert rules[r["ruleIndex"]]["id"] == r["ruleId"] == f["rule"]
        assert r["level"] == SARIF_LEVEL[f["severity"]]
        assert r["message"]["text"].startswith(f["message"])
        assert r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == page
        assert re.fullmatch(r"[0-9a-f]{20}:\d+", r["partialFingerprints"]["primaryLocationLineHash"])


def _region(result: dict) -> tuple[int, int, int, int]:
    reg = result["locations"][0]["physicalLocation"]["region"]
    return reg["startLine"], reg["startColumn"], reg["endLine"], reg["endColumn"]


@needs_seeds
def test_sarif_fingerprints_survive_moved_lines(pages: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = pages / SEEDS[0].name
    before = json.loads(run(capsys, "--format", "sarif", page.name)[1])["runs"][0]["results"]
    page.write_text("\n\n\n" + page.read_text(encoding="utf-8"), encoding="utf-8")
    after = json.loads(run(capsys, "--format", "sarif", page.name)[1])["runs"][0]["results"]
    key = "primaryLocationLineHash"
    assert [r["partialFingerprints"][key] for r in before] == [r["partialFingerprints"][key] for r in after]
    assert len({r["partialFingerprints"][key] for r in before}) == len(before)  # unique within the run
    moved = [(a, b) for a, b in zip(before, after, strict=True) if _region(b)[0] == _region(a)[0] + 3]
    assert len(moved) >= len(before) - 3  # lines moved; document-level findings may stay at the top


def test_sarif_columns_count_code_points(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    line = "😀 Ketamine cures depression. Our office is open."
    Path("u.md").write_text(f"# Ketamine\n\n{line}\n", encoding="utf-8")
    log = json.loads(run(capsys, "--format", "sarif", "u.md")[1])
    spans = {}
    for r in log["runs"][0]["results"]:
        start_line, col, end_line, end_col = _region(r)
        assert start_line == end_line == 3
        spans[r["ruleId"]] = line[col - 1 : end_col - 1]
    assert spans["disclaimer.off-label"] == "depression"  # 18th code point, 19th UTF-16 unit
    assert "cures depression" in spans["claim.cure-promise"]


@needs_seeds
def test_github_one_valid_annotation_per_finding(pages: Path, capsys: pytest.CaptureFixture[str]) -> None:
    names = [s.name for s in SEEDS[:2]] + ["clean.md"]
    expected = json_findings(capsys, *names)
    code, out = run(capsys, "--format", "github", *names)
    assert code == 1
    lines = out.splitlines()
    assert len(lines) == len(expected)
    for text, f in zip(lines, expected, strict=True):
        m = ANNOTATION.match(text)
        assert m, text
        level, path, line, end_line, col, end_col, title, message = m.groups()
        assert level == GH_LEVEL[f["severity"]] and path == f["path"] and title == f["rule"]
        assert (int(line), int(col), int(end_line), int(end_col)) == (
            f["line"],
            f["column"],
            f["end_line"],
            f["end_column"],
        )
        unescaped = message.replace("%0A", "\n").replace("%0D", "\r").replace("%25", "%")
        assert unescaped.startswith(f["message"])
        assert "\n" not in message and "\r" not in message


def test_github_escaping() -> None:
    f = Finding(
        "dir,a/b:c.md", 2, 3, 2, 9, "claim.x", "claim", "info", "100% safe,\nreally: yes\r", "say: maybe"
    )
    assert annotation(f) == (
        "::notice file=dir%2Ca/b%3Ac.md,line=2,endLine=2,col=3,endColumn=9,title=claim.x::"
        "100%25 safe,%0Areally: yes%0D%0ASuggestion: say: maybe"
    )


@needs_seeds
def test_github_format_is_the_default_under_actions(pages: Path, monkeypatch, capsys) -> None:
    page = SEEDS[0].name
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    code, out = run(capsys, page)
    assert code == 1 and out and all(ANNOTATION.match(line) for line in out.splitlines())
    code, out = run(capsys, "--format", "concise", page)  # an explicit --format wins
    assert out.startswith(f"{page}:") and not out.startswith("::")


@needs_seeds
def test_junit_is_well_formed_with_findings_as_failures(
    pages: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    names = [s.name for s in SEEDS[:2]] + ["clean.md"]
    expected = json_findings(capsys, *names)
    code, out = run(capsys, "--format", "junit", "--fail-on", "info", *names)  # every finding fails
    assert code == 1
    root = ET.fromstring(out.encode("utf-8"))
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == names
    failures = root.findall("./testsuite/testcase/failure")
    assert len(failures) == len(expected) == int(root.get("failures"))
    got = []
    for suite in suites:
        cases = suite.findall("testcase")
        assert int(suite.get("tests")) == len(cases)
        assert int(suite.get("failures")) == len(suite.findall("testcase/failure"))
        for case in cases:
            failure = case.find("failure")
            if failure is None:
                continue
            rule, pos = re.fullmatch(r"(\S+) \((\d+:\d+)\)", case.get("name")).groups()
            got.append((case.get("classname"), rule, pos, failure.get("message"), failure.get("type")))
    want = [
        (f["path"], f["rule"], f"{f['line']}:{f['column']}", f["message"], f["severity"]) for f in expected
    ]
    assert got == want
    clean = suites[-1].findall("testcase")
    assert len(clean) == 1 and clean[0].find("failure") is None


def test_junit_survives_control_characters_and_read_errors() -> None:
    f = Finding("a.md", 1, 1, 1, 4, "r.x", "claim", "error", "bad \x0b char & <tag>")
    from lintkit.report import FileResult

    out = render_junit(Report([FileResult("a.md", [f])], {}, ["gone.md: no such file or directory"]))
    root = ET.fromstring(out)
    assert root.find("./testsuite/testcase/failure").get("message") == "bad \ufffd char & <tag>"
    assert root.get("errors") == "1" and root.find(".//error").get("message").startswith("gone.md")


@needs_seeds
def test_all_machine_formats_describe_the_same_findings(
    pages: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    names = [s.name for s in SEEDS[:2]] + ["clean.md"]
    want = Counter((f["path"], f["rule"], f["line"], f["column"]) for f in json_findings(capsys, *names))
    sarif = json.loads(run(capsys, "--format", "sarif", *names)[1])["runs"][0]["results"]
    from_sarif = Counter(
        (r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], r["ruleId"], *_region(r)[:2])
        for r in sarif
    )
    github = [
        ANNOTATION.match(line).groups() for line in run(capsys, "--format", "github", *names)[1].splitlines()
    ]
    from_github = Counter((g[1], g[6], int(g[2]), int(g[4])) for g in github)
    root = ET.fromstring(run(capsys, "--format", "junit", *names)[1])
    from_junit = Counter()
    for case in root.iter("testcase"):
        if case.find("failure") is not None or case.find("system-out") is not None:
            rule, line, col = re.fullmatch(r"(\S+) \((\d+):(\d+)\)", case.get("name")).groups()
            from_junit[(case.get("classname"), rule, int(line), int(col))] += 1
    assert want and from_sarif == want and from_github == want and from_junit == want


@needs_seeds
def test_sarif_with_read_errors_and_no_findings_is_valid(
    pages: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = run(capsys, "--format", "sarif", "clean.md", "missing.md")
    assert code == 2
    log = json.loads(out)
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.validators.validator_for(schema)(schema).validate(log)
    run_ = log["runs"][0]
    assert run_["results"] == [] and run_["tool"]["driver"]["rules"]
    invocation = run_["invocations"][0]
    assert invocation["executionSuccessful"] is False
    assert "missing.md" in invocation["toolExecutionNotifications"][0]["message"]["text"]


@needs_seeds
def test_output_file(pages: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "--format", "sarif", "--output", "out.sarif", SEEDS[0].name)
    assert code == 1 and out == ""
    assert json.loads((pages / "out.sarif").read_text(encoding="utf-8"))["runs"][0]["results"]


@needs_seeds
def test_statistics_counts_per_rule(pages: Path, capsys: pytest.CaptureFixture[str]) -> None:
    names = [s.name for s in SEEDS[:2]]
    findings = json_findings(capsys, *names)
    code, out = run(capsys, "--statistics", *names)
    assert code == 1
    lines = out.splitlines()
    counts = Counter(f["rule"] for f in findings)
    rows = [line.split() for line in lines[:-1]]
    assert {row[1]: int(row[0]) for row in rows} == dict(counts)
    assert [int(row[0]) for row in rows] == sorted((int(row[0]) for row in rows), reverse=True)
    assert lines[-1].split() == [str(len(findings)), "total", "in", "2", "files"]


@needs_seeds
def test_concise_one_line_per_finding(pages: Path, capsys: pytest.CaptureFixture[str]) -> None:
    findings = json_findings(capsys, SEEDS[0].name)
    code, out = run(capsys, "--format", "concise", SEEDS[0].name)
    assert code == 1
    assert out.splitlines() == [
        f"{f['path']}:{f['line']}:{f['column']}: {f['severity']} {f['rule']} {f['message']}" for f in findings
    ]


def test_junit_failures_follow_fail_on() -> None:
    from lintkit.report import FileResult

    warn = Finding("a.md", 1, 1, 1, 4, "r.warn", "claim", "warning", "a warning")
    err = Finding("a.md", 2, 1, 2, 4, "r.err", "claim", "error", "an error")
    info = Finding("a.md", 3, 1, 3, 4, "r.info", "claim", "info", "a note")
    files = [FileResult("a.md", [warn, err, info])]
    for fail_on, failing in (("error", {"r.err"}), ("warning", {"r.err", "r.warn"}), ("info", None)):
        root = ET.fromstring(render_junit(Report(files, {}, fail_on=fail_on)))
        want = failing if failing is not None else {"r.err", "r.warn", "r.info"}
        cases = root.findall("./testsuite/testcase")
        assert len(cases) == 3 and root.get("tests") == "3"
        got = {c.get("name").split()[0] for c in cases if c.find("failure") is not None}
        assert got == want
        assert root.get("failures") == root.find("testsuite").get("failures") == str(len(want))
        for c in cases:
            if c.find("failure") is None:
                assert "a.md:" in c.find("system-out").text


def test_junit_cli_fail_on_error_lists_warnings_as_passing(tmp_path: Path, monkeypatch, capsys) -> None:
    (tmp_path / "r").mkdir()
    (tmp_path / "r" / "w.yaml").write_text(conftest.TEST_RULE_YAML, encoding="utf-8")
    (tmp_path / "p.md").write_text("A miracle cure.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code = main(
        ["check", "--no-default-rules", "--rules", "r", "--format", "junit", "--fail-on", "error", "p.md"]
    )
    root = ET.fromstring(capsys.readouterr().out)
    assert code == 0
    assert root.get("failures") == "0" and root.get("tests") == "1"
    assert "spam.test-phrase" in root.find(".//system-out").text
