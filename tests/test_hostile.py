"""Hostile input, hostile repositories, full disks (issue 18): nothing runs, hangs, leaks or is lost."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest
from conftest import TEST_RULE_YAML

from lintkit import cache
from lintkit import rules as rulesmod
from lintkit.rules import cached


def rule_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "rules"
    folder.mkdir(exist_ok=True)
    (folder / "r.yaml").write_text(TEST_RULE_YAML, encoding="utf-8")
    return folder


def entry_name(folder: Path) -> str:
    return f"rules-{cached.rules_key(rulesmod.rule_files([folder]))}.json"


class Boom:
    def __reduce__(self):
        return (os.system, ("touch PWNED",))


# C1: the rules cache cannot run code, and a wrong entry never switches rules off


@pytest.mark.parametrize(
    "content",
    [
        pickle.dumps(Boom()),
        b'{"format": FORMAT, "name": "NAME", "value": {"$list": []}}',
        b'{"format": FORMAT, "name": "NAME", "value": {"$list": [1, 2]}}',
        b'{"format": FORMAT, "name": "NAME", "value": {"$obj": "os:system", "fields": {}}}',
        b'{"format": FORMAT, "name": "NAME", "value": "rules"}',
        b'{"format": FORMAT, "name": "NAME", "value": {"$list": [{"$ref": 0}]}}',
        b'{"format": FORMAT, "name": "NAME", "value": {"$list": [{"$t": [[{"$obj": "os:system"}]]}]}}',
        b"\x00\xff garbage",
        b"[" * 100_000,
    ],
    ids=[
        "pickle",
        "empty",
        "ints",
        "foreign-class",
        "wrong-type",
        "dangling-ref",
        "object-in-tuple",
        "garbage",
        "deep",
    ],
)
def test_a_planted_or_wrong_cache_entry_is_ignored_with_a_warning(
    cache_dir, tmp_path, monkeypatch, capsys, content
):
    folder = rule_dir(tmp_path)
    monkeypatch.chdir(tmp_path)
    cache_dir.mkdir(mode=0o700)
    name = entry_name(folder)
    content = content.replace(b"NAME", name.encode()).replace(b"FORMAT", str(cache.FORMAT).encode())
    (cache_dir / name).write_bytes(content)
    loaded = cached.load_rules([folder])
    assert [r.id for r in loaded] == ["spam.test-phrase"]
    assert not (tmp_path / "PWNED").exists()
    assert f"warning: {cache_dir / name}" in capsys.readouterr().err
    assert [r.id for r in cached.load_rules([folder])] == ["spam.test-phrase"]  # rewritten: now valid
    assert capsys.readouterr().err == ""


def test_the_cache_holds_no_pickle(cache_dir, tmp_path):
    folder = rule_dir(tmp_path)
    cached.load_rules([folder])
    (entry,) = cache_dir.iterdir()
    assert entry.name == entry_name(folder)
    assert entry.read_bytes().startswith(b"{")  # JSON (lintkit.cache.codec)
    assert oct(entry.stat().st_mode & 0o777) == oct(0o600)


@pytest.mark.parametrize("problem", ["group-writable", "other-owner"])
def test_a_cache_in_a_folder_others_can_write_is_never_read(
    cache_dir, tmp_path, monkeypatch, capsys, problem
):
    folder = rule_dir(tmp_path)
    cached.load_rules([folder])
    if problem == "group-writable":
        cache_dir.chmod(0o775)
    else:
        uid = os.getuid()
        monkeypatch.setattr(cache.os, "getuid", lambda: uid + 1)
    calls = []
    real = rulesmod.load_rules
    monkeypatch.setattr(rulesmod, "load_rules", lambda paths: calls.append(1) or real(paths))
    assert [r.id for r in cached.load_rules([folder])] == ["spam.test-phrase"]
    assert calls == [1]
    err = capsys.readouterr().err
    assert "warning:" in err and str(cache_dir) in err


# C2/M3: every file lintkit writes is written whole or not at all; write errors exit 2


def lint_args(tmp_path: Path, *extra: str) -> list[str]:
    (tmp_path / "a.md").write_text("Our miracle cure works.\n" * 50, encoding="utf-8")
    return ["check", "--no-cache", "--no-default-rules", "--rules", str(rule_dir(tmp_path)), *extra]


def full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    from lintkit.files import safeio

    def no_space(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(safeio.os, "fsync", no_space)


@pytest.mark.parametrize("flag", ["--write-baseline", "--output"])
def test_a_full_disk_leaves_the_old_file_whole_and_exits_2(tmp_path, monkeypatch, capsys, flag):
    from lintkit.cli import main

    monkeypatch.chdir(tmp_path)
    target = tmp_path / "out.json"
    target.write_text('{"old": true}\n', encoding="utf-8")
    full_disk(monkeypatch)
    code = main([*lint_args(tmp_path, "--format", "json", flag, str(target)), "a.md"])
    err = capsys.readouterr().err
    assert code == 2
    assert f"cannot write {target}: No space left on device" in err and err.count("\n") == 1
    assert "Traceback" not in err
    assert target.read_text(encoding="utf-8") == '{"old": true}\n'
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md", "out.json", "rules"]


def test_output_over_the_file_size_limit_exits_2_without_a_partial_file(tmp_path):
    import resource
    import subprocess
    import sys

    args = lint_args(tmp_path, "--format", "json", "--output", "report.json", "a.md")

    def limit():
        resource.setrlimit(resource.RLIMIT_FSIZE, (2048, 2048))

    done = subprocess.run(
        [sys.executable, "-m", "lintkit", *args],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        preexec_fn=limit,
        timeout=60,
    )
    assert done.returncode == 2, done.stderr
    assert "cannot write report.json" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "report.json").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


class FailingStdout:
    def __init__(self, exc: OSError) -> None:
        self.exc = exc

    def write(self, s: str) -> int:
        raise self.exc

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False


def test_a_stdout_write_error_exits_2_with_a_message(tmp_path, monkeypatch, capsys):
    import errno
    import sys

    from lintkit.cli import main

    monkeypatch.chdir(tmp_path)
    args = lint_args(tmp_path, "--color", "never", "a.md")
    monkeypatch.setattr(sys, "stdout", FailingStdout(OSError(errno.ENOSPC, "No space left on device")))
    code = main(args)
    err = capsys.readouterr().err
    assert code == 2
    assert "lintkit: error: cannot write to standard output: No space left on device" in err


def test_a_closed_pipe_exits_2_quietly(tmp_path, monkeypatch, capsys):
    import sys

    from lintkit.cli import main

    monkeypatch.chdir(tmp_path)
    args = lint_args(tmp_path, "--color", "never", "a.md")
    monkeypatch.setattr(sys, "stdout", FailingStdout(BrokenPipeError(32, "Broken pipe")))
    code = main(args)
    assert code == 2
    assert capsys.readouterr().err == ""


# C3/C4: linear time on runs of punctuation and of numbers


def timed_check(tmp_path: Path, text: str) -> tuple[float, int]:
    import time

    from lintkit.cli import main

    (tmp_path / "d.txt").write_text(text, encoding="utf-8")
    start = time.monotonic()
    code = main(["check", "--color", "never", "-j", "1", str(tmp_path / "d.txt")])
    return time.monotonic() - start, code


@pytest.fixture(scope="module")
def default_rules_cached(tmp_path_factory):
    """The default rules loaded once (cached), so each timing below is the check alone."""
    folder = tmp_path_factory.mktemp("cache")
    mp = pytest.MonkeyPatch()
    mp.setenv("LINTKIT_CACHE_DIR", str(folder))
    mp.delenv("LINTKIT_NO_CACHE", raising=False)
    cached.load_rules([rulesmod.default_rules_dir()])
    yield
    mp.undo()


@pytest.mark.parametrize(
    "text",
    ["." * 80_000, "!?…" * 20_000, '."' * 40_000, "1," * 20_000, "1." * 20_000 + " patients"],
    ids=["dots", "mixed-punctuation", "dot-quote", "number-commas", "number-dots"],
)
def test_runs_of_punctuation_and_numbers_check_in_linear_time(default_rules_cached, tmp_path, capsys, text):
    seconds, code = timed_check(tmp_path, text)
    capsys.readouterr()
    assert code in (0, 1)
    assert seconds < 10, seconds


@pytest.mark.parametrize(
    "text",
    [
        'He left... Then "Stop!" she said. e.g. this one. No.) Next?! Yes',
        'a.b. c ."). x !?" \n…” y ...\t.. z).',
        '."' * 50 + " end. " + "!" * 30 + "\n",
    ],
)
def test_the_linear_boundary_pattern_finds_what_the_old_one_found(text):
    import re

    from lintkit.document import segment

    old = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s)")  # quadratic on a run with no space after it
    assert [m.span() for m in segment._BOUNDARY.finditer(text)] == [m.span() for m in old.finditer(text)]


# C5/M4/M8: YAML refuses aliases and tags; config values and templates are checked at load


def check_with_config(tmp_path: Path, monkeypatch, capsys, config: bytes, *extra: str) -> tuple[int, str]:
    from lintkit.cli import main

    monkeypatch.chdir(tmp_path)
    (tmp_path / ".lintkit.yaml").write_bytes(config)
    (tmp_path / "a.md").write_text("Our miracle cure works.\n", encoding="utf-8")
    code = main(
        ["check", "--no-cache", "--no-default-rules", "--rules", str(rule_dir(tmp_path)), *extra, "a.md"]
    )
    return code, capsys.readouterr().err


BOMB = (
    b"a: &a [x, x, x, x, x, x, x, x, x]\n"
    + b"".join(
        f"{c}: &{c} [{', '.join(['*' + p] * 9)}]\n".encode()
        for p, c in zip("abcdefgh", "bcdefghi", strict=True)
    )
    + b"select: *i\n"
)


@pytest.mark.parametrize(
    ("config", "expected"),
    [
        (BOMB, ".lintkit.yaml:1: anchors and aliases (& and *) are not allowed"),
        (b"select: [spam]\nignore: !!python/name:os.system x\n", ".lintkit.yaml:2: tags"),
        (b"select: !!str spam\n", ".lintkit.yaml:1: tags"),
        (b"select: [caf\xe9]\n", ".lintkit.yaml: not valid UTF-8"),
        (b"no-default-rules: 'no'\n", ".lintkit.yaml:1: no-default-rules: must be true or false"),
        (b"target-grade: .nan\n", ".lintkit.yaml:1: target-grade: must be a number from 0 to 100"),
        (b"target-grade: .inf\n", ".lintkit.yaml:1: target-grade: must be a number from 0 to 100"),
        (b"per-file-ignores: {'*.md': [1]}\n", "per-file-ignores: must map"),
    ],
    ids=["alias-bomb", "python-tag", "str-tag", "latin-1", "truthy-string", "nan", "inf", "int-id"],
)
def test_a_hostile_or_wrong_config_is_a_clear_error(tmp_path, monkeypatch, capsys, config, expected):
    code, err = check_with_config(tmp_path, monkeypatch, capsys, config)
    assert code == 2
    assert expected in err and "Traceback" not in err


def test_target_grade_nan_on_the_command_line_is_refused(tmp_path, monkeypatch, capsys):
    with pytest.raises(SystemExit) as exc:
        check_with_config(tmp_path, monkeypatch, capsys, b"{}\n", "--target-grade", "nan")
    assert exc.value.code == 2


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        ("message: '{match:>2000000000}'\n", "r.yaml:5: message: {match}: no format spec"),
        ("message: '{match!r}'\n", "no format spec or conversion"),
        ("tags: !!python/object/apply:os.system [ls]\n", "r.yaml:12: tags"),
        ("x: &a y\n", "r.yaml:12: anchors and aliases"),
    ],
    ids=["huge-width", "conversion", "python-tag", "anchor"],
)
def test_a_hostile_rule_file_is_a_clear_error(tmp_path, monkeypatch, capsys, extra, expected):
    from lintkit.cli import main

    folder = tmp_path / "bad"
    folder.mkdir()
    text = TEST_RULE_YAML
    if extra.startswith("message"):
        text = text.replace("message: \"Avoid '{match}'\"\n", extra)
    else:
        text += extra
    (folder / "r.yaml").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text("x\n", encoding="utf-8")
    code = main(["check", "--no-cache", "--no-default-rules", "--rules", str(folder), "a.md"])
    err = capsys.readouterr().err
    assert code == 2 and expected in err and "Traceback" not in err


def test_a_deep_lexicon_include_chain_is_a_clear_error(tmp_path, monkeypatch, capsys):
    from lintkit.cli import main

    folder = tmp_path / "lex"
    folder.mkdir()
    for i in range(3000):
        nxt = f"'@l{i + 1}'" if i < 2999 else "word"
        (folder / f"l{i:04}.yaml").write_text(f"lexicon: l{i}\nterms: [{nxt}]\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text("x\n", encoding="utf-8")
    code = main(["check", "--no-cache", "--no-default-rules", "--rules", str(folder), "a.md"])
    err = capsys.readouterr().err
    assert code == 2 and "levels deep" in err and "Traceback" not in err


# C6/C7/M5/M6: only regular files are read, each within a size limit; no symlink out of the tree


def check_folder(tmp_path: Path, monkeypatch, capsys, *extra: str) -> tuple[int, str, str]:
    from lintkit.cli import main

    monkeypatch.chdir(tmp_path)
    rules = str(rule_dir(tmp_path))
    code = main(["check", "--no-cache", "--no-default-rules", "--rules", rules, "--color", "never", *extra])
    out, err = capsys.readouterr()
    return code, out, err


def test_a_fifo_in_a_folder_is_skipped_with_a_message(tmp_path, monkeypatch, capsys):
    (tmp_path / "d").mkdir()
    os.mkfifo(tmp_path / "d" / "page.md")
    (tmp_path / "d" / "ok.md").write_text("Our miracle cure.\n", encoding="utf-8")
    code, out, err = check_folder(tmp_path, monkeypatch, capsys, "d")
    assert code == 1 and "ok.md" in out
    assert "d/page.md: not a regular file (a FIFO); skipped" in err


def test_a_named_fifo_is_an_error_not_a_hang(tmp_path, monkeypatch, capsys):
    os.mkfifo(tmp_path / "page.md")
    code, _, err = check_folder(tmp_path, monkeypatch, capsys, "page.md")
    assert code == 2 and "page.md: not a regular file (a FIFO)" in err


def test_devices_are_never_read(tmp_path, monkeypatch, capsys):
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "x.txt").symlink_to("/dev/zero")
    code, _, err = check_folder(tmp_path, monkeypatch, capsys, "--follow-symlinks", "d")
    assert code == 0 and "d/x.txt: not a regular file (a device); skipped" in err
    code, _, err = check_folder(tmp_path, monkeypatch, capsys, "d/x.txt")
    assert code == 2 and "not a regular file (a device)" in err


@pytest.mark.parametrize("special", ["fifo", "/dev/zero"])
def test_rules_paths_are_regular_files_only(tmp_path, monkeypatch, capsys, special):
    from lintkit.cli import main

    target = tmp_path / "fifo.yaml"
    if special == "fifo":
        os.mkfifo(target)
    else:
        target = Path(special)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text("x\n", encoding="utf-8")
    code = main(["check", "--no-default-rules", "--rules", str(target), "a.md"])
    err = capsys.readouterr().err
    assert code == 2 and "not a regular file" in err and "Traceback" not in err


def test_a_file_over_the_size_limit_is_refused_with_a_clear_message(tmp_path, monkeypatch, capsys):
    (tmp_path / ".lintkit.yaml").write_text("max-file-size: 1000\n", encoding="utf-8")
    (tmp_path / "big.md").write_text("word " * 300, encoding="utf-8")
    (tmp_path / "small.md").write_text("Our miracle cure.\n", encoding="utf-8")
    code, out, err = check_folder(tmp_path, monkeypatch, capsys, ".")
    assert code == 2 and "small.md" in out
    assert "big.md: larger than the size limit of 1,000 bytes" in err and "max-file-size" in err


def test_symlinks_out_of_the_tree_are_not_followed_unless_asked(tmp_path, monkeypatch, capsys):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text("Our miracle cure is secret.\n", encoding="utf-8")
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "p.md").symlink_to(outside / "secret.md")
    (tree / "sub").symlink_to(outside)
    (tree / "inside.md").symlink_to(tree / "real.md")
    (tree / "real.md").write_text("A miracle cure.\n", encoding="utf-8")
    code, out, err = check_folder(tmp_path, monkeypatch, capsys, "tree")
    assert "secret" not in out and "tree/p.md" not in out and "tree/sub" not in out
    assert "tree/inside.md" in out  # a symlink inside the tree is linted
    assert "tree/p.md: symlink to a file outside the folder" in err and "tree/sub: symlink" in err
    code, out, err = check_folder(tmp_path, monkeypatch, capsys, "--follow-symlinks", "tree")
    assert "tree/p.md" in out and "tree/sub/secret.md" in out


@pytest.mark.skipif(os.getuid() == 0, reason="root reads every folder")
def test_an_unreadable_folder_is_an_error(tmp_path, monkeypatch, capsys):
    sub = tmp_path / "sub"
    (sub / "inner").mkdir(parents=True)
    (sub / "inner").chmod(0)
    try:
        code, _, err = check_folder(tmp_path, monkeypatch, capsys, "sub")
    finally:
        (sub / "inner").chmod(0o700)
    assert code == 2 and "sub/inner: cannot read folder" in err


def test_an_unreadable_folder_is_an_error_even_as_root(tmp_path, monkeypatch, capsys):
    import errno

    from lintkit.app import sources

    sub = tmp_path / "sub"
    (sub / "inner").mkdir(parents=True)
    real_walk = os.walk

    def walk(top, onerror=None, followlinks=False):
        for root, dirs, files in real_walk(top, followlinks=followlinks):
            if root.endswith("inner"):
                onerror(PermissionError(errno.EACCES, "Permission denied", root))
                continue
            yield root, dirs, files

    monkeypatch.setattr(sources.os, "walk", walk)
    code, out, err = check_folder(tmp_path, monkeypatch, capsys, "sub")
    assert code == 2 and "sub/inner: cannot read folder: Permission denied" in err


# M1/M2: every format escapes what its consumer interprets

EVIL = "b\n::error file=evil.md::X\x1b[31m\tq.md"


def evil_tree(tmp_path: Path) -> None:
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / EVIL).write_text("Our miracle cure.\n", encoding="utf-8")
    (tmp_path / "t" / ("bad\n::error::Y\x1b.md")).write_bytes(b"\0")


@pytest.mark.parametrize("fmt", ["github", "text", "concise"])
def test_hostile_file_names_inject_no_workflow_command_or_escape(tmp_path, monkeypatch, capsys, fmt):
    evil_tree(tmp_path)
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    code, out, err = check_folder(tmp_path, monkeypatch, capsys, "--format", fmt, "t")
    assert code == 2
    for stream in (out, err):
        for line in stream.splitlines():
            assert not line.startswith("::") or line.startswith(("::warning ", "::error title=lintkit::"))
        assert "\x1b" not in stream and "\t" not in stream
    if fmt == "github":
        assert "file=t/b%0A%3A%3Aerror file=evil.md%3A%3AX" in out
    else:
        assert "t/b\\n::error file=evil.md::X\\x1b[31m\\tq.md:1:5:" in out
    assert "bad\\n::error::Y\\x1b.md: looks like a binary file" in err


def test_junit_is_well_formed_with_control_characters_in_a_path(tmp_path, monkeypatch, capsys):
    import xml.etree.ElementTree as ET

    evil_tree(tmp_path)
    code, out, _ = check_folder(tmp_path, monkeypatch, capsys, "--format", "junit", "t")
    assert code == 2
    root = ET.fromstring(out.encode("utf-8"))
    names = [s.get("name") for s in root.iter("testsuite")]
    assert names[0] == "t/b\n::error file=evil.md::X\ufffd[31m\tq.md"


def test_text_excerpts_blank_control_characters_and_keep_the_carets_aligned():
    from lintkit.document.readers import parse
    from lintkit.linter import lint
    from lintkit.report import FileResult
    from lintkit.report.text import file_lines
    from lintkit.schema import yamlsrc

    rule = rulesmod.build_rule("r.yaml", yamlsrc.load(TEST_RULE_YAML), {})

    def excerpt(source: str) -> list[str]:
        doc = parse("a.md", source, "markdown")
        return file_lines(FileResult("a.md", lint(doc, [rule]), doc))

    hostile, plain = excerpt("A \x1b[2J miracle cure.\n"), excerpt("A ?[2J miracle cure.\n")
    assert "\x1b" not in "".join(hostile)
    assert hostile[1] == plain[1].replace("?", "\ufffd") and hostile[2] == plain[2]


# M7: CR LF and lone CR are line breaks like LF


@pytest.mark.parametrize("fmt", ["markdown", "text", "html"])
@pytest.mark.parametrize("newline", ["\r", "\r\n"])
def test_cr_and_crlf_line_endings_give_the_same_findings_and_positions(default_rules_cached, newline, fmt):
    from conftest import REPO

    from lintkit.app.parallel import lint_source

    rules = cached.load_rules([rulesmod.default_rules_dir()])
    source = (REPO / "examples" / "clinic-page.md").read_text(encoding="utf-8")
    if fmt == "html":
        source = "".join(f"<p>{line}</p>\n" for line in source.split("\n"))

    def found(text: str) -> list[tuple]:
        findings, doc = lint_source("page", fmt, rules, None, text)
        for f in findings:
            assert (
                doc.line_text(f.line)
                == text.replace("\r\n", "\n").replace("\r", "\n").split("\n")[f.line - 1]
            )
        return [(f.rule, f.line, f.column, f.end_line, f.end_column) for f in findings]

    expected = found(source)
    assert len(expected) > 10
    assert found(source.replace("\n", newline)) == expected


# minors


@pytest.mark.parametrize("pattern", ["(?:miracle)?", "x*", "(?:cure|)"])
def test_a_term_that_matches_the_empty_string_is_refused(tmp_path, monkeypatch, capsys, pattern):
    from lintkit.cli import main

    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "r.yaml").write_text(
        TEST_RULE_YAML.replace('patterns: ["miracle cure"]', f'patterns: ["{pattern}"]'), encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text("A miracle cure.\n", encoding="utf-8")
    code = main(["check", "--no-cache", "--no-default-rules", "--rules", str(folder), "a.md"])
    err = capsys.readouterr().err
    assert code == 2 and "matches the empty string" in err and "r.yaml:" in err


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32", "utf-32-le"])
def test_utf16_and_utf32_files_with_a_bom_are_read(tmp_path, encoding):
    from lintkit.app.sources import read

    page = tmp_path / "a.md"
    bom = {"utf-16-be": b"\xfe\xff", "utf-32-le": b"\xff\xfe\x00\x00"}.get(encoding, b"")
    page.write_bytes(bom + "Our miracle cure, café.\n".encode(encoding))
    assert read(str(page)) == "Our miracle cure, café.\n"


def test_a_rule_file_name_cannot_inject_a_workflow_command_on_stderr(tmp_path, monkeypatch, capsys):
    from lintkit.cli import main

    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "r\n::error file=x::evil.yaml").write_text("id: [broken\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    (tmp_path / "a.md").write_text("x\n", encoding="utf-8")
    code = main(["check", "--no-cache", "--no-default-rules", "--rules", str(folder), "a.md"])
    err = capsys.readouterr().err
    assert code == 2 and "r\\n::error file=x::evil.yaml:" in err
    assert not any(line.startswith("::") for line in err.splitlines())


def test_reading_a_small_file_under_a_big_limit_sets_aside_only_its_size(tmp_path):
    import tracemalloc

    from lintkit.files.readsafe import read_regular

    page = tmp_path / "page.md"
    page.write_bytes(b"x" * 100_000)
    tracemalloc.start()
    try:
        data = read_regular(page, 1 << 30)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert data == b"x" * 100_000
    assert peak < 1_000_000  # (read(limit + 1) set aside the whole 1 GB limit)
