"""Hostile input, hostile repositories, full disks (issue 18): nothing runs, hangs, leaks or is lost."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest
from conftest import TEST_RULE_YAML

from lintkit import cache
from lintkit import rules as rulesmod


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("LINTKIT_CACHE_DIR", str(folder))
    monkeypatch.delenv("LINTKIT_NO_CACHE", raising=False)
    return folder


def rule_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "rules"
    folder.mkdir(exist_ok=True)
    (folder / "r.yaml").write_text(TEST_RULE_YAML, encoding="utf-8")
    return folder


def entry_name(folder: Path) -> str:
    return f"rules-{cache.rules_key(rulesmod.rule_files([folder]))}.json"


class Boom:
    def __reduce__(self):
        return (os.system, ("touch PWNED",))


# C1: the rules cache cannot run code, and a wrong entry never switches rules off


@pytest.mark.parametrize(
    "content",
    [
        pickle.dumps(Boom()),
        b'{"format": 7, "name": "NAME", "value": {"$list": []}}',
        b'{"format": 7, "name": "NAME", "value": {"$list": [1, 2]}}',
        b'{"format": 7, "name": "NAME", "value": {"$obj": "os:system", "fields": {}}}',
        b'{"format": 7, "name": "NAME", "value": "rules"}',
        b"\x00\xff garbage",
        b"[" * 100_000,
    ],
    ids=["pickle", "empty", "ints", "foreign-class", "wrong-type", "garbage", "deep"],
)
def test_a_planted_or_wrong_cache_entry_is_ignored_with_a_warning(
    cache_dir, tmp_path, monkeypatch, capsys, content
):
    folder = rule_dir(tmp_path)
    monkeypatch.chdir(tmp_path)
    cache_dir.mkdir(mode=0o700)
    name = entry_name(folder)
    (cache_dir / name).write_bytes(content.replace(b"NAME", name.encode()))
    loaded = cache.load_rules([folder])
    assert [r.id for r in loaded] == ["spam.test-phrase"]
    assert not (tmp_path / "PWNED").exists()
    assert f"warning: {cache_dir / name}" in capsys.readouterr().err
    assert [r.id for r in cache.load_rules([folder])] == ["spam.test-phrase"]  # rewritten: now valid
    assert capsys.readouterr().err == ""


def test_the_cache_holds_no_pickle(cache_dir, tmp_path):
    folder = rule_dir(tmp_path)
    cache.load_rules([folder])
    (entry,) = cache_dir.iterdir()
    assert entry.name == entry_name(folder)
    assert entry.read_bytes().startswith(b"{")  # JSON (lintkit.cachecodec)
    assert oct(entry.stat().st_mode & 0o777) == oct(0o600)


@pytest.mark.parametrize("problem", ["group-writable", "other-owner"])
def test_a_cache_in_a_folder_others_can_write_is_never_read(
    cache_dir, tmp_path, monkeypatch, capsys, problem
):
    folder = rule_dir(tmp_path)
    cache.load_rules([folder])
    if problem == "group-writable":
        cache_dir.chmod(0o775)
    else:
        uid = os.getuid()
        monkeypatch.setattr(cache.os, "getuid", lambda: uid + 1)
    calls = []
    real = rulesmod.load_rules
    monkeypatch.setattr(rulesmod, "load_rules", lambda paths: calls.append(1) or real(paths))
    assert [r.id for r in cache.load_rules([folder])] == ["spam.test-phrase"]
    assert calls == [1]
    err = capsys.readouterr().err
    assert "warning:" in err and str(cache_dir) in err
