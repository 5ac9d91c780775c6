"""The command line, run as `python -m lintkit` in a temporary folder."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from conftest import SEEDS, SHARED_MISSING, own, run_lintkit, run_on_tty

from lintkit import __version__

NEUTRAL = "Our office is closed on public holidays.\nCall us to book a visit.\n"
KEYS = {"path", "rule", "category", "severity", "message", "line", "column", "end_line", "end_column"}
TEXT_LINE = re.compile(
    r"^(?P<path>[^:\n]+):(?P<line>\d+):(?P<col>\d+): "
    r"(?P<sev>error|warning|info) (?P<rule>[\w.-]+) (?P<msg>.+)$"
)


def json_findings(proc: subprocess.CompletedProcess) -> list[dict]:
    data = json.loads(proc.stdout)
    return data["findings"]


# ---- exit codes --------------------------------------------------------------------------------


def test_neutral_text_exits_0(tmp_path):
    (tmp_path / "hours.txt").write_text(NEUTRAL, encoding="utf-8")
    proc = run_lintkit("check", "hours.txt", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.strip() == "All checks passed (1 file)."
    assert proc.stderr == ""


SEED_PAGES = sorted(SEEDS.glob("*.txt"))


@pytest.fixture(scope="module")
def seed_report(tmp_path_factory):
    if not SEED_PAGES:
        pytest.skip(SHARED_MISSING)
    cwd = tmp_path_factory.mktemp("seeds")
    proc = run_lintkit("check", "--format", "json", *SEED_PAGES, cwd=cwd)
    return proc


def test_seed_pages_exit_1_with_json(seed_report):
    assert seed_report.returncode == 1, seed_report.stderr
    assert "Traceback" not in seed_report.stderr
    data = json.loads(seed_report.stdout)
    assert data["version"] == __version__
    findings = data["findings"]
    assert findings
    for f in findings:
        assert set(f) >= KEYS, f
        assert f["line"] >= 1 and f["column"] >= 1
        assert (f["end_line"], f["end_column"]) >= (f["line"], f["column"])
        assert f["severity"] in ("error", "warning", "info")
    assert {f["path"] for f in findings} == {str(p) for p in SEED_PAGES}
    assert data["summary"]["findings"] == len(findings)
    assert data["summary"]["files"] == len(SEED_PAGES)


@pytest.mark.parametrize("category", ["claim", "spam", "disclaimer", "readability"])
def test_seed_pages_have_category(seed_report, category):
    from lintkit.rules import default_rules_dir

    if not any((default_rules_dir() / category).glob("*.yaml")):
        pytest.skip(f"no default rules in category {category!r} yet (rule pack being written)")
    categories = {f["category"] for f in json_findings(seed_report)}
    assert category in categories


def test_seed_finding_points_at_the_quoted_text(seed_report):
    """The establishment claim in the first seed is reported where it is in the file."""
    page = SEEDS / "000_ec370328dc6141dd.txt"
    lines = page.read_text(encoding="utf-8").split("\n")
    hits = [
        f
        for f in json_findings(seed_report)
        if f["path"] == str(page) and f["rule"] == "claim.establishment-uncited"
    ]
    starts = [lines[f["line"] - 1][f["column"] - 1 :] for f in hits]
    assert any(s.startswith("Clinical trials have shown that ketamine") for s in starts), starts


def test_missing_file_exits_2(tmp_path):
    proc = run_lintkit("check", "nope.md", cwd=tmp_path)
    assert proc.returncode == 2
    assert "nope.md" in proc.stderr and "no such file" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_missing_file_beside_good_file(tmp_path, test_rules):
    (tmp_path / "good.md").write_text("A miracle cure.\n", encoding="utf-8")
    proc = run_lintkit("check", "good.md", "missing.md", *own("--format", "json"), cwd=tmp_path)
    assert proc.returncode == 2
    assert "missing.md" in proc.stderr
    assert [(f["path"], f["rule"]) for f in json_findings(proc)] == [("good.md", "spam.test-phrase")]


def test_malformed_rule_file_exits_2(tmp_path):
    (tmp_path / "bad.yaml").write_text(
        "id: spam.bad\ncategory: spam\nseverity: warning\nkind: pattern\nmessage: x\n"
        "description: d\nreferences: [r]\npatterns: ['a(b']\n",
        encoding="utf-8",
    )
    (tmp_path / "page.md").write_text("Text.\n", encoding="utf-8")
    proc = run_lintkit("check", "page.md", "--rules", "bad.yaml", cwd=tmp_path)
    assert proc.returncode == 2
    assert "bad.yaml:8:" in proc.stderr and "patterns" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert proc.stdout == ""


def test_yaml_syntax_error_in_rule_file_exits_2(tmp_path):
    (tmp_path / "bad.yaml").write_text("id: spam.bad\nkind: [pattern\n", encoding="utf-8")
    (tmp_path / "page.md").write_text("Text.\n", encoding="utf-8")
    proc = run_lintkit("check", "page.md", "--rules", "bad.yaml", cwd=tmp_path)
    assert proc.returncode == 2
    assert re.search(r"bad\.yaml:[23]: invalid YAML", proc.stderr), proc.stderr
    assert "Traceback" not in proc.stderr


def test_no_command_prints_help_and_exits_2(tmp_path):
    proc = run_lintkit(cwd=tmp_path)
    assert proc.returncode == 2
    assert "usage:" in proc.stdout


# ---- input from stdin -------------------------------------------------------------------------


def test_stdin_with_filename(tmp_path, test_rules):
    source = "# Title\n\nUse `miracle cure` here.\n\n> A **miracle cure** today.\n"
    proc = run_lintkit(
        "check",
        "-",
        "--stdin-filename",
        "x.md",
        *own("--format", "json"),
        cwd=tmp_path,
        stdin=source.encode(),
    )
    assert proc.returncode == 1, proc.stderr
    found = [(f["path"], f["rule"], f["line"], f["column"]) for f in json_findings(proc)]
    assert found == [("x.md", "spam.test-phrase", 5, 7)]  # the code span is not prose


def test_stdin_without_filename_is_text(tmp_path, test_rules):
    proc = run_lintkit(
        "check", "-", *own("--format", "json"), cwd=tmp_path, stdin=b"Use `miracle cure` here.\n"
    )
    assert proc.returncode == 1
    assert [(f["path"], f["column"]) for f in json_findings(proc)] == [("-", 6)]


def test_stdin_html(tmp_path, test_rules):
    source = "<html>\n<body>\n<p>A <b>miracle</b> cure.</p>\n</body></html>\n"
    proc = run_lintkit(
        "check",
        "-",
        "--stdin-filename",
        "page.html",
        *own("--format", "json"),
        cwd=tmp_path,
        stdin=source.encode(),
    )
    assert [(f["path"], f["line"], f["column"]) for f in json_findings(proc)] == [("page.html", 3, 9)]


# ---- selecting rules --------------------------------------------------------------------------

PAGE = "A miracle cure, guaranteed.\n"


def findings_for(
    tmp_path: Path, *args: str, config: str | None = None, name: str = "page.md"
) -> list[tuple[str, str]]:
    (tmp_path / name).write_text(PAGE, encoding="utf-8")
    proc = run_lintkit("check", name, *own("--format", "json", *args), cwd=tmp_path)
    assert proc.returncode in (0, 1), proc.stderr
    return sorted((f["rule"], f["severity"]) for f in json_findings(proc))


def test_all_test_rules_fire(tmp_path, test_rules):
    assert findings_for(tmp_path) == [("claim.test-info", "info"), ("spam.test-phrase", "warning")]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--select", "spam.test-phrase"], ["spam.test-phrase"]),
        (["--select", "spam"], ["spam.test-phrase"]),
        (["--select", "claim,spam"], ["claim.test-info", "spam.test-phrase"]),
        (["--select", "claim", "--select", "spam"], ["claim.test-info", "spam.test-phrase"]),
        (["--ignore", "claim.test-info"], ["spam.test-phrase"]),
        (["--ignore", "claim"], ["spam.test-phrase"]),
        (["--select", "spam", "--ignore", "spam.test-phrase"], []),
        (["--min-severity", "warning"], ["spam.test-phrase"]),
        (["--min-severity", "error"], []),
        (["--min-severity", "info"], ["claim.test-info", "spam.test-phrase"]),
    ],
)
def test_select_ignore_min_severity(tmp_path, test_rules, args, expected):
    assert [r for r, _ in findings_for(tmp_path, *args)] == expected


def test_info_findings_alone_exit_0(tmp_path, test_rules):
    (tmp_path / "page.md").write_text("Results guaranteed.\n", encoding="utf-8")
    proc = run_lintkit("check", "page.md", *own(), cwd=tmp_path)
    assert proc.returncode == 0
    assert "claim.test-info" in proc.stdout
    proc = run_lintkit("check", "page.md", *own("--fail-on", "info"), cwd=tmp_path)
    assert proc.returncode == 1


# ---- rules, explain, version ------------------------------------------------------------------


def test_rules_command(tmp_path):
    proc = run_lintkit("rules", cwd=tmp_path)
    assert proc.returncode == 0
    lines = proc.stdout.splitlines()
    assert lines[0].split() == ["RULE", "CATEGORY", "SEVERITY", "KIND", "SUMMARY"]
    row = next(line for line in lines if line.startswith("claim.establishment-uncited "))
    assert row.split()[1:4] == ["claim", "warning", "claim"]


def test_rules_command_json_and_extra_rules(tmp_path, test_rules):
    proc = run_lintkit("rules", "--format", "json", *own(), cwd=tmp_path)
    assert proc.returncode == 0
    data = json.loads(proc.stdout)
    assert [r["id"] for r in data] == ["claim.test-info", "spam.test-phrase"]
    assert data[1] == {
        "id": "spam.test-phrase",
        "category": "spam",
        "severity": "warning",
        "kind": "pattern",
        "enabled": True,
        "summary": "Test rule that flags the phrase 'miracle cure'.",
    }


def test_explain(tmp_path):
    from lintkit.rules import default_rules_dir, load_rules

    rule = next(r for r in load_rules([default_rules_dir()]) if r.id == "claim.establishment-uncited")
    proc = run_lintkit("explain", "claim.establishment-uncited", cwd=tmp_path)
    assert proc.returncode == 0
    out = proc.stdout
    assert out.startswith("claim.establishment-uncited  (claim, warning, kind: claim)")
    assert "What it finds and why:" in out and " ".join(rule.description.split()[:6]) in " ".join(out.split())
    assert "References:" in out
    for ref in rule.references:
        assert ref.title in out and ref.url in out
    assert "Flagged (fail):" in out and "Not flagged (pass):" in out
    for example in rule.examples_fail + rule.examples_pass:
        assert " ".join(example.split()) in out


def test_explain_unknown_rule(tmp_path):
    proc = run_lintkit("explain", "claim.establishment", cwd=tmp_path)
    assert proc.returncode == 2
    assert "no rule 'claim.establishment'" in proc.stderr and "claim.establishment-uncited" in proc.stderr


def test_version(tmp_path):
    import lintkit.match.index

    proc = run_lintkit("--version", cwd=tmp_path)
    assert proc.returncode == 0
    # (the compiled build, setup.py, has no .py file for its compiled modules)
    compiled = not lintkit.match.index.__file__.endswith(".py")
    how = "compiled with mypyc" if compiled else "pure Python"
    assert proc.stdout.strip() == f"lintkit {__version__} ({how})"


# ---- configuration ----------------------------------------------------------------------------


def write_config(tmp_path: Path, kind: str, body: dict) -> None:
    if kind == "yaml":
        import yaml

        (tmp_path / ".lintkit.yaml").write_text(yaml.safe_dump(body), encoding="utf-8")
    else:
        lines = ["[project]", 'name = "x"', "", "[tool.lintkit]"]
        tables = []
        for key, value in body.items():
            if isinstance(value, dict):
                tables.append(f"\n[tool.lintkit.{key}]")
                tables += [f'"{k}" = {json.dumps(v)}' for k, v in value.items()]
            else:
                lines.append(f"{key} = {json.dumps(value)}")
        (tmp_path / "pyproject.toml").write_text("\n".join(lines + tables) + "\n", encoding="utf-8")


@pytest.mark.parametrize("kind", ["yaml", "toml"])
def test_config_select_and_ignore(tmp_path, test_rules, kind):
    write_config(tmp_path, kind, {"ignore": ["claim"]})
    assert findings_for(tmp_path) == [("spam.test-phrase", "warning")]
    write_config(tmp_path, kind, {"select": ["claim.test-info"]})
    assert findings_for(tmp_path) == [("claim.test-info", "info")]
    # the command line's --select replaces the config's
    assert findings_for(tmp_path, "--select", "spam") == [("spam.test-phrase", "warning")]


@pytest.mark.parametrize("kind", ["yaml", "toml"])
def test_config_severity_override(tmp_path, test_rules, kind):
    write_config(tmp_path, kind, {"severity": {"spam.test-phrase": "error", "claim": "off"}})
    assert findings_for(tmp_path) == [("spam.test-phrase", "error")]
    write_config(tmp_path, kind, {"severity": {"spam": "info", "spam.test-phrase": "error"}})
    assert findings_for(tmp_path) == [("claim.test-info", "info"), ("spam.test-phrase", "error")]


@pytest.mark.parametrize("kind", ["yaml", "toml"])
def test_config_per_file_ignores(tmp_path, test_rules, kind):
    write_config(tmp_path, kind, {"per-file-ignores": {"*.md": ["spam.test-phrase"], "docs/*": ["claim"]}})
    (tmp_path / "docs").mkdir()
    for name in ("a.md", "b.txt", "docs/c.txt"):
        (tmp_path / name).write_text(PAGE, encoding="utf-8")
    proc = run_lintkit("check", ".", *own("--format", "json"), cwd=tmp_path)
    got = sorted((f["path"], f["rule"]) for f in json_findings(proc))
    assert got == [
        ("./a.md", "claim.test-info"),
        ("./b.txt", "claim.test-info"),
        ("./b.txt", "spam.test-phrase"),
        ("./docs/c.txt", "spam.test-phrase"),
    ]
    # run from the sub-folder: globs are relative to the config file's folder
    proc = run_lintkit(
        "check",
        "c.txt",
        "--no-default-rules",
        "--rules",
        "../testrules",
        "--format",
        "json",
        cwd=tmp_path / "docs",
    )
    assert [f["rule"] for f in json_findings(proc)] == ["spam.test-phrase"]


GRADE_RULE = """\
id: readability.test-grade
category: readability
severity: warning
kind: metric
message: "grade {value} > {limit}"
description: Test grade rule.
references: [Test reference]
measure: grade
max: 30
use_target: true
"""
EASY_HARD = (
    "The cat sat on the mat. We like it here. It is a good day.\n\n"
    "Comprehensive pharmacological characterization necessitates considerable "
    "methodological sophistication.\n"
)


@pytest.mark.parametrize("kind", ["yaml", "toml"])
def test_config_target_grade(tmp_path, test_rules, kind):
    (test_rules / "grade.yaml").write_text(GRADE_RULE, encoding="utf-8")
    (tmp_path / "page.md").write_text(EASY_HARD, encoding="utf-8")

    def grade_findings(*args: str) -> list[str]:
        proc = run_lintkit(
            "check", "page.md", *own("--format", "json", "--select", "readability", *args), cwd=tmp_path
        )
        return [f["message"] for f in json_findings(proc)]

    assert grade_findings() == []
    write_config(tmp_path, kind, {"target-grade": 6})
    (message,) = grade_findings()
    assert message.endswith("> 6.0")
    # the command line's --target-grade wins
    assert grade_findings("--target-grade", "40") == []


@pytest.mark.parametrize("kind", ["yaml", "toml"])
def test_config_extensions(tmp_path, test_rules, kind):
    write_config(tmp_path, kind, {"extensions": {".copy": "markdown", "tpl": "html"}})
    (tmp_path / "a.copy").write_text("Use `miracle cure` or a **miracle cure**.\n", encoding="utf-8")
    (tmp_path / "b.tpl").write_text(
        "<p><script>miracle cure</script>A miracle <i>cure</i></p>\n", encoding="utf-8"
    )
    (tmp_path / "c.unknown").write_text("A miracle cure.\n", encoding="utf-8")
    proc = run_lintkit("check", ".", *own("--format", "json"), cwd=tmp_path)
    got = sorted((f["path"], f["line"], f["column"]) for f in json_findings(proc))
    assert got == [("./a.copy", 1, 27), ("./b.tpl", 1, 35)]


def test_config_found_in_a_parent_folder(tmp_path, test_rules):
    write_config(tmp_path, "yaml", {"ignore": ["claim"]})
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "page.md").write_text(PAGE, encoding="utf-8")
    proc = run_lintkit(
        "check", "page.md", "--no-default-rules", "--rules", "../testrules", "--format", "json", cwd=sub
    )
    assert [f["rule"] for f in json_findings(proc)] == ["spam.test-phrase"]


def test_bad_config_exits_2(tmp_path, test_rules):
    (tmp_path / ".lintkit.yaml").write_text("select: [spam]\ncolour: red\n", encoding="utf-8")
    (tmp_path / "page.md").write_text(PAGE, encoding="utf-8")
    proc = run_lintkit("check", "page.md", *own(), cwd=tmp_path)
    assert proc.returncode == 2
    assert ".lintkit.yaml:2: colour: unknown key" in proc.stderr
    assert "Traceback" not in proc.stderr


# ---- suppression comments ---------------------------------------------------------------------

SUPPRESS_MD = """\
# Page

<!-- lintkit: disable-next-line spam.test-phrase -- quoted from a complaint -->
A miracle cure.

A miracle cure.

<!-- lintkit: disable-next-line -- no rule id: suppresses every rule -->
A miracle cure.

<!-- lintkit: disable spam -->
A miracle cure.

A miracle cure.
<!-- lintkit: enable spam -->
A miracle cure.

<!-- lintkit: disable-next-line claim -- other rule -->
A miracle cure.
"""
SUPPRESS_HTML = """\
<html><body>
<!-- lintkit: disable-next-line spam.test-phrase -- quoted -->
<p>A miracle cure.</p>
<p>A miracle cure.</p>
<!-- lintkit: disable-next-line -->
<p>A miracle cure.</p>
<!-- lintkit: disable spam.test-phrase -->
<p>A miracle cure.</p>
<p>A miracle cure.</p>
<!-- lintkit: enable spam.test-phrase -->
<p>A miracle cure.</p>
</body></html>
"""


@pytest.mark.parametrize(
    ("name", "source", "lines"),
    [("page.md", SUPPRESS_MD, [6, 16, 19]), ("page.html", SUPPRESS_HTML, [4, 11])],
)
def test_suppression_comments(tmp_path, test_rules, name, source, lines):
    (tmp_path / name).write_text(source, encoding="utf-8")
    proc = run_lintkit("check", name, *own("--format", "json", "--select", "spam"), cwd=tmp_path)
    assert [f["line"] for f in json_findings(proc)] == lines
    # the same file with every directive removed: one finding per line with the phrase
    bare = "\n".join("" if "lintkit:" in line else line for line in source.split("\n"))
    (tmp_path / name).write_text(bare, encoding="utf-8")
    proc = run_lintkit("check", name, *own("--format", "json", "--select", "spam"), cwd=tmp_path)
    expected = [n for n, line in enumerate(bare.split("\n"), 1) if "miracle cure" in line]
    assert [f["line"] for f in json_findings(proc)] == expected


# ---- output -----------------------------------------------------------------------------------


def test_text_output_format_and_summary(tmp_path, test_rules):
    (tmp_path / "page.md").write_text("# T\n\nA miracle cure, guaranteed.\n", encoding="utf-8")
    (tmp_path / "clean.md").write_text("Nothing here.\n", encoding="utf-8")
    proc = run_lintkit("check", "page.md", "clean.md", *own(), cwd=tmp_path)
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    assert lines == [
        "page.md:3:3: warning spam.test-phrase Avoid 'miracle cure'",
        "page.md:3:17: info claim.test-info Avoid 'guaranteed'",
        "Found 2 problems (1 warning, 1 info) in 2 files.",
    ]
    for line in lines[:-1]:
        assert TEXT_LINE.match(line)
    assert "\033[" not in proc.stdout


def test_concise_output(tmp_path, test_rules):
    (tmp_path / "page.md").write_text("A miracle cure.\n", encoding="utf-8")
    proc = run_lintkit("check", "page.md", *own("--format", "concise"), cwd=tmp_path)
    assert proc.stdout == "page.md:1:3: warning spam.test-phrase Avoid 'miracle cure'\n"


def test_output_to_file(tmp_path, test_rules):
    (tmp_path / "page.md").write_text("A miracle cure.\n", encoding="utf-8")
    proc = run_lintkit("check", "page.md", *own("--format", "json", "-o", "out.json"), cwd=tmp_path)
    assert proc.returncode == 1 and proc.stdout == ""
    data = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert [f["rule"] for f in data["findings"]] == ["spam.test-phrase"]


def test_colour_on_a_terminal_and_no_color(tmp_path, test_rules):
    (tmp_path / "page.md").write_text("A miracle cure.\n", encoding="utf-8")
    coloured = run_on_tty(tmp_path, "check", "page.md", *own())
    assert "\033[" in coloured and "miracle cure" in coloured
    plain = run_on_tty(tmp_path, "check", "page.md", *own(), NO_COLOR="1")
    assert "\033[" not in plain
    assert "page.md:1:3: warning spam.test-phrase Avoid 'miracle cure'" in plain
    assert "\033[" not in run_on_tty(tmp_path, "check", "page.md", *own("--color", "never"))
