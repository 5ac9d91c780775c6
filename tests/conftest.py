"""Shared test helpers (yamllint-style): build a rule from YAML, lint a snippet, check offset maps.

`make_rule(yaml_text, lexicons=None)` writes the YAML (and any lexicons) to a temporary folder
and loads it with lintkit.rules.load_rules, so every test goes through the real loader.
`spots(source, rule, fmt="markdown")` lints `source` with that one rule and returns the
(line, column) of every finding.
"""

from __future__ import annotations

import html
import os
import pty
import re
import subprocess
import sys
import tempfile
import textwrap
from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest
import yaml

from lintkit.checks.base import Context
from lintkit.document import Document
from lintkit.document.readers import parse
from lintkit.finding import Finding
from lintkit.linter import lint
from lintkit.rules import Rule, load_rules

REPO = Path(__file__).resolve().parent.parent
# The shared data (seed pages, SARIF schema) sits beside the checkout as ../shared, or where
# LINTKIT_SHARED says. Tests that need it skip with SHARED_MISSING when it is absent, except under
# CI (CI=true), where pytest_sessionstart makes a missing ../shared a failure of the whole run.
SHARED = Path(os.environ.get("LINTKIT_SHARED") or REPO.parent / "shared")
SEEDS = SHARED / "corpus" / "seeds"
SARIF_SCHEMA = SHARED / "schemas" / "sarif-schema-2.1.0.json"
SHARED_MISSING = (
    f"shared test data missing ({SEEDS}/*.txt, {SARIF_SCHEMA}): put the shared folder beside the "
    "checkout as ../shared or set LINTKIT_SHARED to its path"
)


def shared_present() -> bool:
    """Are the seed pages and the SARIF schema there?"""
    return SEEDS.is_dir() and any(SEEDS.glob("*.txt")) and SARIF_SCHEMA.is_file()


def pytest_sessionstart(session: pytest.Session) -> None:
    """Under CI a missing ../shared fails the run instead of skipping the tests that need it."""
    if os.environ.get("CI", "").lower() == "true" and not shared_present():
        pytest.exit(f"CI=true and {SHARED_MISSING}", returncode=pytest.ExitCode.TESTS_FAILED)


# The common keys every rule needs; tests give only what matters to them.
_RULE_HEAD = {
    "id": "test.rule",
    "category": "claim",
    "severity": "warning",
    "message": "{match}",
    "description": "A rule under test.",
    "references": ["Test reference"],
}


def make_rule(yaml_text: str, lexicons: Mapping[str, Sequence[str]] | None = None) -> Rule:
    """Build one Rule from YAML through the real loader (a tmp file per rule, lexicons beside it).

    Keys missing from `yaml_text` (id, category, severity, message, description, references) get
    test defaults; `kind` and the kind's own keys must be given.
    """
    body = textwrap.dedent(yaml_text).strip("\n") + "\n"
    data = yaml.safe_load(body)
    assert isinstance(data, dict), "make_rule takes the YAML of one rule mapping"
    head = {k: v for k, v in _RULE_HEAD.items() if k not in data}
    if "message" in head:
        from lintkit.checks import KINDS

        fields = KINDS[data["kind"]].FIELDS
        head["message"] = "{" + fields[0] + "}"
    text = (yaml.safe_dump(head, sort_keys=False) if head else "") + body
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "rule.yaml").write_text(text, encoding="utf-8")
        for name, terms in (lexicons or {}).items():
            lex = {"lexicon": name, "terms": list(terms)}
            (folder / f"lexicon-{name}.yaml").write_text(yaml.safe_dump(lex), encoding="utf-8")
        rules = load_rules([folder])
    assert len(rules) == 1
    return rules[0]


def findings(source: str, rule: Rule | list[Rule], fmt: str = "markdown", target_grade: float | None = None):
    """All findings of `rule` (or rules) on `source` parsed as `fmt`."""
    doc = parse("test." + {"markdown": "md", "html": "html", "text": "txt"}[fmt], source, fmt)
    rules = rule if isinstance(rule, list) else [rule]
    return lint(doc, rules, Context(target_grade=target_grade))


def spots(
    source: str, rule: Rule, fmt: str = "markdown", target_grade: float | None = None
) -> list[tuple[int, int]]:
    """(line, column) of every finding of `rule` on `source`."""
    return [(f.line, f.column) for f in findings(source, rule, fmt, target_grade)]


def flagged(source: str, rule: Rule, fmt: str = "markdown") -> list[str]:
    """The source text each finding of `rule` spans (single-line findings)."""
    lines = source.splitlines()
    out = []
    for f in findings(source, rule, fmt):
        assert f.line == f.end_line, f"multi-line finding {f}"
        out.append(lines[f.line - 1][f.column - 1 : f.end_column - 1])
    return out


# ---- offset map ------------------------------------------------------------------------------

_ENTITY = re.compile(r"&(?:#\d{1,8}|#[xX][0-9a-fA-F]{1,8}|[A-Za-z][A-Za-z0-9]{1,31});?")


def source_char_matches(doc: Document, i: int) -> bool:
    """Does text[i] come from source[offsets[i]] (itself, or an entity that decodes to it)?"""
    c, at = doc.text[i], doc.offsets[i]
    if at >= len(doc.source):
        return False
    if doc.source[at] == c:
        return True
    m = _ENTITY.match(doc.source, at)
    return bool(m) and c in html.unescape(m.group())


def assert_offsets_exact(doc: Document) -> None:
    """Check the offset map character by character, and every block's and sentence's span.

    Text characters that are not white space (white space may be a synthesized separator) must
    be the source character at their offset; offsets never go backwards; Document.position of each
    block and sentence points at its first and last character in the original file.
    """
    assert len(doc.offsets) == len(doc.text)
    bad = [
        (i, doc.text[i], doc.source[doc.offsets[i] : doc.offsets[i] + 8])
        for i in range(len(doc.text))
        if not doc.text[i].isspace() and not source_char_matches(doc, i)
    ]
    assert not bad, f"text chars not at their source offsets: {bad[:8]}"
    backwards = [i for i in range(1, len(doc.offsets)) if doc.offsets[i] < doc.offsets[i - 1]]
    assert not backwards, f"offsets go backwards at text index {backwards[:5]}"
    lines = doc.source.split("\n")
    spans = [(b.start, b.end) for b in doc.blocks] + [(s.start, s.end) for s in doc.sentences]
    for start, end in spans:
        assert not doc.text[start].isspace() and not doc.text[end - 1].isspace(), (start, end)
        line, col, end_line, end_col = doc.position(start, end)
        first = lines[line - 1][col - 1]
        last = lines[end_line - 1][end_col - 2]
        assert first == doc.source[doc.offsets[start]]
        assert last == doc.source[doc.offsets[end - 1]]
        assert source_char_matches(doc, start) and source_char_matches(doc, end - 1)


def block_texts(doc: Document, kind: str | None = None) -> list[str]:
    """The text of every block (of one kind)."""
    return [doc.text[b.start : b.end] for b in doc.blocks if kind is None or b.kind == kind]


def sentence_texts(doc: Document) -> list[str]:
    """The text of every sentence."""
    return [doc.text[s.start : s.end] for s in doc.sentences]


# ---- command line ----------------------------------------------------------------------------


# Variables that change what lintkit writes (format, colour, SARIF root, job summary, progress).
CI_VARIABLES = (
    "GITHUB_ACTIONS",
    "NO_COLOR",
    "FORCE_COLOR",
    "GITHUB_STEP_SUMMARY",
    "GITHUB_WORKSPACE",
)


@pytest.fixture(autouse=True)
def _no_ci_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests that run lintkit in-process see no job summary or workspace of the CI running them."""
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    monkeypatch.delenv("GITHUB_WORKSPACE", raising=False)


def cli_env(**extra: str) -> dict[str, str]:
    """The environment for a lintkit subprocess: no CI-detection or colour variables leaking in."""
    env = {k: v for k, v in os.environ.items() if k not in CI_VARIABLES}
    env.update(extra)
    return env


def run_lintkit(
    *args: str | os.PathLike, cwd: Path, stdin: bytes | None = None, timeout: float = 120, **env: str
) -> subprocess.CompletedProcess:
    """Run `python -m lintkit ARGS` in `cwd`; returns the completed process with text output."""
    proc = subprocess.run(
        [sys.executable, "-m", "lintkit", *map(str, args)],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        timeout=timeout,
        env=cli_env(**env),
    )
    proc.stdout = proc.stdout.decode("utf-8", "replace")
    proc.stderr = proc.stderr.decode("utf-8", "replace")
    return proc


TEST_RULE_YAML = """\
id: spam.test-phrase
category: spam
severity: warning
kind: pattern
message: "Avoid '{match}'"
description: Test rule that flags the phrase 'miracle cure'.
references: [Test reference]
patterns: ["miracle cure"]
examples:
  fail: ["A miracle cure."]
  pass: ["A treatment."]
"""


@pytest.fixture
def test_rules(tmp_path: Path) -> Path:
    """A rules folder with two simple rules (spam.test-phrase warning, claim.test-info info)."""
    folder = tmp_path / "testrules"
    folder.mkdir()
    (folder / "phrase.yaml").write_text(TEST_RULE_YAML, encoding="utf-8")
    (folder / "info.yaml").write_text(
        TEST_RULE_YAML.replace("spam.test-phrase", "claim.test-info")
        .replace("category: spam", "category: claim")
        .replace("severity: warning", "severity: info")
        .replace("miracle cure", "guaranteed"),
        encoding="utf-8",
    )
    return folder


def finding_tuple(f: Finding) -> tuple:
    """(rule, line, column) of a finding."""
    return f.rule, f.line, f.column


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private rules-cache folder for the test (LINTKIT_CACHE_DIR), caching on."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("LINTKIT_CACHE_DIR", str(folder))
    monkeypatch.delenv("LINTKIT_NO_CACHE", raising=False)
    return folder


def on_tty(cwd: Path, args: Sequence[str], stderr_on_tty: bool = True, **env: str) -> str:
    """Run lintkit with stdout (and stderr, unless `stderr_on_tty` is false) on a pseudo-terminal;
    returns what the terminal showed."""
    main, follower = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "lintkit", *args],
        cwd=cwd,
        stdout=follower,
        stderr=follower if stderr_on_tty else subprocess.PIPE,
        env=cli_env(**env),
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            data = os.read(main, 4096)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=60)
    os.close(main)
    return b"".join(chunks).decode("utf-8", "replace")


def own(*args: str) -> list[str]:
    """Arguments that replace the default rules by the test rules."""
    return ["--no-default-rules", "--rules", "testrules", *args]


def run_on_tty(tmp_path: Path, *args: str, **env: str) -> str:
    """lintkit's stdout on a pseudo-terminal (stderr kept apart)."""
    return on_tty(tmp_path, args, stderr_on_tty=False, **env)
