"""--write-baseline / --baseline: move-tolerant fingerprints, multiset counts, stale entries, errors."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import conftest
import pytest

from lintkit.cli import main

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted(conftest.SEEDS.glob("*.txt"))
NEW_CLAIM = "Clinical trials have shown that ketamine cures depression."
CLAIM = "Ketamine cures depression."

# Small, fixed rules for the unit-level tests, so they do not move with the shipped rule set: two
# phrase rules and a document-level rule whose message figure ({count}) changes with every mention.
RULES = """
rules:
  - id: test.cure
    category: claim
    severity: error
    kind: pattern
    message: "Cure claim: '{match}'"
    description: Cure claims.
    patterns: ["cures depression"]
  - id: test.safe
    category: claim
    severity: warning
    kind: pattern
    message: "Safety claim: '{match}'"
    description: Safety claims.
    patterns: ["100% safe"]
  - id: test.disclaimer
    category: disclaimer
    severity: warning
    kind: require
    message: "{count} mentions of ketamine and no disclaimer"
    description: Disclaimer required.
    triggers: ["ketamine"]
    required: ["not medical advice"]
"""

needs_seeds = pytest.mark.skipif(not SEEDS, reason=conftest.SHARED_MISSING)


@pytest.fixture(autouse=True)
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "test-rules.yaml").write_text(RULES, encoding="utf-8")
    return tmp_path


def check(capsys: pytest.CaptureFixture[str], *argv: str, own_rules: bool = True) -> tuple[int, str, str]:
    """Run `lintkit check` in-process; with `own_rules`, only the test rules above."""
    rules = ["--no-default-rules", "--rules", "test-rules.yaml"] if own_rules else []
    code = main(["check", "--color", "never", *rules, *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def findings(capsys: pytest.CaptureFixture[str], *argv: str, own_rules: bool = True) -> tuple[int, dict]:
    code, out, _ = check(capsys, "--format", "json", *argv, own_rules=own_rules)
    return code, json.loads(out)


def write(path: str, text: str) -> None:
    Path(path).write_text(text, encoding="utf-8")


@needs_seeds
def test_seed_page_baseline_survives_inserted_lines_and_catches_a_new_claim(capsys) -> None:
    shutil.copy(SEEDS[0], "page.txt")
    code, before = findings(capsys, "page.txt", own_rules=False)
    assert code == 1 and before["findings"]
    code, out, err = check(capsys, "--write-baseline", "base.json", "page.txt", own_rules=False)
    assert code == 0 and out == "" and "wrote" in err
    entries = json.loads(Path("base.json").read_text(encoding="utf-8"))["entries"]
    assert sum(e["count"] for e in entries) == len(before["findings"])
    assert not any("line" in e for e in entries)  # no line numbers in the fingerprints

    text = Path("page.txt").read_text(encoding="utf-8")
    write("page.txt", "\n\n\n" + text)
    code, out, _ = check(capsys, "--baseline", "base.json", "page.txt", own_rules=False)
    assert code == 0, out
    assert "All checks passed" in out

    write("page.txt", "\n\n\n" + text.rstrip("\n") + "\n\n" + NEW_CLAIM + "\n")
    new_line = ("\n\n\n" + text.rstrip("\n")).count("\n") + 3
    code, report = findings(capsys, "--baseline", "base.json", "page.txt", own_rules=False)
    assert code == 1
    reported = report["findings"]
    local = [f for f in reported if not f.get("document")]
    assert local and all(f["line"] == new_line for f in local)
    assert any(f["category"] == "claim" for f in local)
    assert len(reported) - len(local) <= 3  # document-level findings whose figures changed
    assert report["summary"]["baseline_stale"] <= len(reported) - len(local)


def test_duplicates_are_counted(capsys) -> None:
    pad = "Call us now."  # same words around each copy: one entry with count 2
    write("p.md", f"# Ketamine\n\n{pad} {CLAIM} {pad} {CLAIM} {pad}\n")
    assert check(capsys, "--write-baseline", "b.json", "p.md")[0] == 0
    entries = json.loads(Path("b.json").read_text(encoding="utf-8"))["entries"]
    assert [e["count"] for e in entries if e["rule"] == "test.cure"] == [2]
    assert check(capsys, "--baseline", "b.json", "p.md")[0] == 0
    write("p.md", f"# Ketamine\n\n{pad} {CLAIM} {pad} {CLAIM} {pad} {CLAIM} {pad}\n")
    code, report = findings(capsys, "--baseline", "b.json", "p.md")
    assert code == 1
    cures = [f for f in report["findings"] if f["rule"] == "test.cure"]
    assert len(cures) == 1


def test_context_tells_identical_claims_apart(capsys) -> None:
    write("p.md", f"# Ketamine\n\nWe are open on weekdays. {CLAIM} Call us today.\n")
    assert check(capsys, "--write-baseline", "b.json", "p.md")[0] == 0
    write(
        "p.md",
        f"# Ketamine\n\nNew paragraph here. {CLAIM}\n\nWe are open on weekdays. {CLAIM} Call us today.\n",
    )
    code, report = findings(capsys, "--baseline", "b.json", "p.md")
    cures = [f for f in report["findings"] if f["rule"] == "test.cure"]
    assert code == 1 and [f["line"] for f in cures] == [3]  # the new copy, not the recorded one


def test_edited_neighbours_do_not_bring_a_finding_back(capsys) -> None:
    write("p.md", f"# Ketamine\n\nWe are open on weekdays. {CLAIM} Call us today.\n")
    assert check(capsys, "--write-baseline", "b.json", "p.md")[0] == 0
    write("p.md", f"# Ketamine\n\nThe clinic opened in 2019 downtown.\n{CLAIM}\nBook a visit online.\n")
    code, out, _ = check(capsys, "--baseline", "b.json", "p.md")
    assert code == 0, out


def test_stale_entries_are_reported(capsys) -> None:
    write("p.md", f"# Ketamine\n\n{CLAIM}\n\nOur treatment is 100% safe with no side effects.\n")
    assert check(capsys, "--write-baseline", "b.json", "p.md")[0] == 0
    code, full = findings(capsys, "p.md")
    safety = [f for f in full["findings"] if f["rule"] == "test.safe"]
    assert len(safety) == 1
    write("p.md", f"# Ketamine\n\n{CLAIM}\n")
    code, report = findings(capsys, "--baseline", "b.json", "p.md")
    assert code == 0 and report["findings"] == []
    assert report["summary"]["baseline_stale"] == len(safety)
    code, out, _ = check(capsys, "--baseline", "b.json", "p.md")
    assert f"{len(safety)} baseline entr" in out and "no longer match" in out


def test_baseline_applies_to_every_format_and_absolute_paths(capsys) -> None:
    write("p.md", f"# Ketamine\n\n{CLAIM}\n")
    assert check(capsys, "--write-baseline", "b.json", "p.md")[0] == 0
    write("p.md", f"# Ketamine\n\n{CLAIM}\n\n{NEW_CLAIM}\n")
    absolute = str(Path("p.md").resolve())
    code, out, _ = check(capsys, "--baseline", "b.json", "--format", "sarif", absolute)
    results = json.loads(out)["runs"][0]["results"]
    assert code == 1 and results
    assert {r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in results} == {5}
    assert {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results} == {"p.md"}


def test_baseline_file_is_deterministic(capsys) -> None:
    write("p.md", f"# Ketamine\n\n{CLAIM}\n\n{NEW_CLAIM}\n")
    check(capsys, "--write-baseline", "a.json", "p.md")
    check(capsys, "--write-baseline", "b.json", "p.md")
    assert Path("a.json").read_bytes() == Path("b.json").read_bytes()
    data = json.loads(Path("a.json").read_text(encoding="utf-8"))
    assert data["lintkit_baseline"] == 1
    keys = [(e["path"], e["rule"], e["fingerprint"], e["context"]) for e in data["entries"]]
    assert keys == sorted(keys)


@pytest.mark.parametrize(
    ("content", "argv", "message"),
    [
        (None, ["--baseline", "missing.json"], "cannot read"),
        ("{not json", ["--baseline", "b.json"], "invalid JSON"),
        ('{"entries": [{"rule": "x"}], "lintkit_baseline": 1}', ["--baseline", "b.json"], "malformed"),
        ("[]", ["--baseline", "b.json"], "not a lintkit baseline"),
        ("{}", ["--baseline", "b.json", "--write-baseline", "c.json"], "not both"),
    ],
)
def test_bad_baseline_is_a_usage_error(capsys, content: str | None, argv: list[str], message: str) -> None:
    write("p.md", f"# Ketamine\n\n{CLAIM}\n")
    if content is not None:
        write("b.json", content)
    code, out, err = check(capsys, *argv, "p.md")
    assert code == 2 and out == ""
    assert "lintkit: error: " in err and message in err


def test_unwritable_baseline_is_an_error(capsys) -> None:
    write("p.md", f"# Ketamine\n\n{CLAIM}\n")
    code, _, err = check(capsys, "--write-baseline", "no/such/dir/b.json", "p.md")
    assert code == 2 and "cannot write" in err
