"""The on-disk caches: location by platform, content-keyed rules cache, never stale, --no-cache,
corrupt or unwritable caches ignored, and the syllable counts equal to textstat's."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import TEST_RULE_YAML, finding_tuple

from lintkit import cache, readability
from lintkit import rules as rulesmod
from lintkit.cli import main
from lintkit.document.readers import parse
from lintkit.rules import cached


def rule_dir(tmp_path: Path, pattern: str = "miracle cure") -> Path:
    folder = tmp_path / "rules"
    folder.mkdir(exist_ok=True)
    (folder / "r.yaml").write_text(TEST_RULE_YAML.replace("miracle cure", pattern), encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    ("platform", "env", "expected"),
    [
        ("linux", {"XDG_CACHE_HOME": "/xdg"}, "/xdg/lintkit"),
        ("linux", {}, "HOME/.cache/lintkit"),
        ("linux", {"XDG_CACHE_HOME": "relative"}, "HOME/.cache/lintkit"),
        ("darwin", {}, "HOME/Library/Caches/lintkit"),
        ("win32", {"LOCALAPPDATA": "/appdata"}, "/appdata/lintkit/Cache"),
        ("linux", {"LINTKIT_CACHE_DIR": "/override", "XDG_CACHE_HOME": "/xdg"}, "/override"),
    ],
)
def test_cache_dir_follows_platform(monkeypatch, tmp_path, platform, env, expected):
    for name in ("LINTKIT_CACHE_DIR", "XDG_CACHE_HOME", "LOCALAPPDATA"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(cache.sys, "platform", platform)
    monkeypatch.setattr(Path, "home", classmethod(lambda cls: tmp_path))
    assert cache.cache_dir() == Path(expected.replace("HOME", str(tmp_path)))


def test_second_load_comes_from_cache(cache_dir, tmp_path, monkeypatch):
    folder = rule_dir(tmp_path)
    first = cached.load_rules([folder])
    assert len(list(cache_dir.glob("rules-*.json"))) == 1

    def no_yaml(paths):
        raise AssertionError("rules were compiled again")

    monkeypatch.setattr(rulesmod, "load_rules", no_yaml)
    second = cached.load_rules([folder])
    assert [r.id for r in second] == [r.id for r in first]
    doc = parse("a.md", "Our miracle cure works.\n", "markdown")
    from lintkit.linter import lint

    assert [finding_tuple(f) for f in lint(doc, second)] == [finding_tuple(f) for f in lint(doc, first)]


def test_edited_rule_file_is_never_read_stale(cache_dir, tmp_path):
    folder = rule_dir(tmp_path)
    cached.load_rules([folder])
    rule_dir(tmp_path, pattern="wonder drug")  # same path, new content
    (loaded,) = cached.load_rules([folder])
    assert loaded.options.patterns.source == ("wonder drug",)


def test_no_cache_option_writes_nothing(cache_dir, tmp_path, monkeypatch, capsys):
    folder = rule_dir(tmp_path)
    (tmp_path / "a.md").write_text("Our miracle cure works.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    args = ["--no-default-rules", "--rules", str(folder), "--color", "never", "a.md"]
    code = main(["check", "--no-cache", *args])
    assert code == 1 and "spam.test-phrase" in capsys.readouterr().out
    assert not list(cache_dir.glob("rules-*"))
    main(["check", *args])
    assert len(list(cache_dir.glob("rules-*"))) == 1


def test_corrupt_cache_entry_is_rebuilt(cache_dir, tmp_path):
    folder = rule_dir(tmp_path)
    cached.load_rules([folder])
    (entry,) = cache_dir.glob("rules-*.json")
    entry.write_bytes(b"not a cache entry")
    (loaded,) = cached.load_rules([folder])
    assert loaded.id == "spam.test-phrase"
    assert isinstance(cache.read_entry(entry.name, cached._valid_rules, cached.classes()), list)


def test_unwritable_cache_dir_is_ignored(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("LINTKIT_CACHE_DIR", str(blocker / "cache"))  # a folder under a file
    (loaded,) = cached.load_rules([rule_dir(tmp_path)])
    assert loaded.id == "spam.test-phrase"


def test_rule_errors_are_not_cached(cache_dir, tmp_path):
    folder = rule_dir(tmp_path)
    (folder / "r.yaml").write_text("id: [broken\n", encoding="utf-8")
    with pytest.raises(rulesmod.RuleError):
        cached.load_rules([folder])
    assert not list(cache_dir.glob("rules-*"))


def test_old_entries_are_pruned(cache_dir, tmp_path):
    for n in range(cache.KEEP + 3):
        cached.load_rules([rule_dir(tmp_path, pattern=f"cure number {n}")])
    assert len(list(cache_dir.glob("rules-*.json"))) == cache.KEEP


def test_syllables_equal_textstat(cache_dir):
    textstat = pytest.importorskip("textstat")
    words = " ".join(
        (
            "the ketamine infusion therapy depression semaglutide esketamine neuroplasticity glutamate",
            "don't it's patients' o'clock 'tis rock'n'roll a i hour every business colonel fire",
        )
    ).split(" ")
    readability.syllables.cache_clear()
    readability._table.cache_clear()
    readability._pyphen.cache_clear()
    for w in words:
        assert readability.syllables(w) == max(1, textstat.syllable_count(w)), w
    assert list(cache_dir.glob("syllables-*.json")) and list(cache_dir.glob("pyphen-*.json"))


def test_syllable_regex_is_textstats():
    constants = pytest.importorskip("textstat.backend.utils.constants")
    assert readability._NONCONTRACTION_APOSTROPHE.pattern == constants.RE_NONCONTRACTION_APOSTROPHE


def test_the_cache_key_covers_the_code_that_builds_rules():
    """Every lintkit module that runs while rules are compiled, or whose classes are in the cached
    rules, is part of the key: editing one must never leave a stale cache in use."""
    import subprocess
    import sys

    from conftest import REPO

    code = (
        "import sys\n"
        "import lintkit.checks\n"
        "before = set(sys.modules)\n"
        "from lintkit import rules\n"
        "loaded = rules.load_rules([rules.default_rules_dir()])\n"
        "from lintkit.cache import codec\n"
        "from lintkit.rules import cached\n"
        "seen = {c.__module__ for c in cached.classes()}\n"
        "codec.dumps(loaded, cached.classes())\n"
        "print(' '.join(sorted((set(sys.modules) - before) | seen)))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True)
    used = {m for m in done.stdout.split() if m.startswith("lintkit.")}
    assert {
        "lintkit.rules",
        "lintkit.match.plan",
        "lintkit.match.regexsource",
        "lintkit.schema.lexicons",
    } <= used
    covered = {name.removesuffix(".py") for name in cached.CODE}
    missing = [m for m in used if m.split(".")[1] not in covered]
    assert not missing
