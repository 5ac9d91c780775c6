"""Streamed reports (text, concise, github, --statistics) are byte-identical to rendering the
collected report; the rules cache's lazy regex patterns behave like the patterns they stand for;
lintkit's hyphenation equals Pyphen's."""

from __future__ import annotations

import io
import pickle
from pathlib import Path

import pytest
import regex

from lintkit.app.common import rule_paths
from lintkit.app.parallel import lint_source
from lintkit.cache.lazyregex import LazyPattern
from lintkit.document.readers import format_of, parse
from lintkit.report import FileResult, Report, formats
from lintkit.report import stats as statsmod
from lintkit.report.stream import CollectEmitter, emitter
from lintkit.rules.cached import load_rules

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


@pytest.fixture(scope="module")
def results() -> tuple[list, dict]:
    import argparse

    args = argparse.Namespace(no_default_rules=False, rules=[])
    rules = load_rules(rule_paths(args))
    out = []
    for path in sorted(CORPUS.iterdir()):
        fmt = format_of(path.name)
        if fmt:
            findings, doc = lint_source(str(path), fmt, rules, None)
            out.append(FileResult(str(path), findings, doc))
    assert sum(len(r.findings) for r in out) > 10
    return out, {r.id: r for r in rules}


@pytest.mark.parametrize("fmt", ["text", "concise", "github", "json", "sarif", "junit", "html", "stats"])
@pytest.mark.parametrize("color", [False, True])
@pytest.mark.parametrize(("errors", "stale"), [([], None), (["gone.md: no such file"], 2), ([], 1)])
def test_streamed_output_equals_collected(results, fmt, color, errors, stale) -> None:
    files, rules = results
    if not color:  # without a terminal the Documents are not kept
        files = [FileResult(r.path, r.findings, None) for r in files]
    for subset in (files, files[:1], []):
        report = Report(list(subset), rules, list(errors), stale=stale)
        render = statsmod.render if fmt == "stats" else formats()[fmt]
        expected = render(report, color)
        out = io.StringIO()
        sink = emitter("text" if fmt == "stats" else fmt, out, color, fmt == "stats", rules, None)
        if fmt in ("text", "concise", "github", "json", "stats"):
            assert not isinstance(sink, CollectEmitter)
        for result in subset:
            sink.add(result)
        sink.finish(list(errors), stale)
        assert out.getvalue() == expected


def test_cli_text_report_equals_render(results, capsys: pytest.CaptureFixture[str]) -> None:
    from lintkit.cli import main

    files, rules = results
    paths = [r.path for r in files]
    for fmt in ("text", "concise", "github"):
        code = main(["check", "--format", fmt, "--color", "never", "-j", "1", *paths])
        out = capsys.readouterr().out
        report = Report([FileResult(r.path, r.findings, None) for r in files], rules)
        assert out == formats()[fmt](report, False)
        assert code == 1


def test_lazy_pattern_matches_like_the_pattern() -> None:
    real = regex.compile(r"(?:(?<!\w)|(?!\w))(?:miracle cure|wonder drug)(?:(?!\w)|(?<!\w))", regex.I)
    lazy = pickle.loads(pickle.dumps(LazyPattern.of(real)))
    assert lazy._real is None  # nothing compiled until used
    text = "A Miracle Cure, a wonder drug, no miracle cures."
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in real.finditer(text)]
    assert lazy.search(text, 5).span() == real.search(text, 5).span()
    assert lazy.pattern == real.pattern and lazy.flags == real.flags
    assert repr(lazy) == repr(real)
    assert lazy == lazy.compiled() and hash(lazy) == hash(lazy.compiled())
    again = pickle.loads(pickle.dumps(lazy))  # e.g. sent to a worker process
    assert again._real is None and again.findall(text) == real.findall(text)


def test_cached_rules_hold_lazy_patterns(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import argparse

    monkeypatch.setenv("LINTKIT_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("LINTKIT_NO_CACHE", raising=False)
    paths = rule_paths(argparse.Namespace(no_default_rules=False, rules=[]))
    fresh, cached = load_rules(paths), load_rules(paths)
    lazy = [t.pattern for r in cached for t in vars(r.options).values() if hasattr(t, "plan")]
    assert lazy and all(isinstance(p, LazyPattern) for p in lazy)
    for path in sorted(CORPUS.iterdir()):
        fmt = format_of(path.name)
        if fmt:
            doc = parse(str(path), path.read_text(encoding="utf-8"), fmt)
            from lintkit.linter import lint

            assert lint(doc, cached) == lint(doc, fresh)


def test_hyphenation_equals_pyphen() -> None:
    pyphen = pytest.importorskip("pyphen")
    from lintkit.readability.hyphen import en_us

    ours, theirs = en_us(), pyphen.Pyphen(lang="en_US")
    words = {w for p in CORPUS.iterdir() for w in regex.findall(r"\w+", p.read_text(encoding="utf-8"))}
    words |= {"lettergrepen", "İstanbul", "ﬁnance", "a", "ab", "x" * 40, "neuroplasticity", "esketamine"}
    for w in sorted(words):
        assert ours.positions(w.lower()) == theirs.positions(w.lower()), w
        assert ours.positions(w) == theirs.positions(w), w


@pytest.mark.parametrize("limit", [0, 5, 1 << 20])
def test_spool_in_memory_or_on_disk_keeps_every_character(limit: int) -> None:
    from lintkit.report.stream import Spool

    parts = ["line one\n", "ünïcödé ✓\r\n", "lone surrogate \udcff\n", "x" * 100]
    spool = Spool(limit)
    for p in parts:
        spool.write(p)
    out = io.StringIO(newline="")
    spool.copy_to(out)
    spool.close()
    assert out.getvalue() == "".join(parts)
    assert (spool.file is not None) == (limit < 100)


def test_report_of_many_files_goes_through_the_disk_spool(
    results, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from lintkit.app import output as run
    from lintkit.cli import main

    files, rules = results
    paths = [r.path for r in files]
    main(["check", "--format", "json", "--color", "never", "-j", "1", *paths])
    expected = capsys.readouterr().out
    monkeypatch.setattr(run, "SPOOL_BYTES", 10)
    main(["check", "--format", "json", "--color", "never", "-j", "1", *paths])
    assert capsys.readouterr().out == expected
