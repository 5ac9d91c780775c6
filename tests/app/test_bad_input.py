"""Bad input never crashes or hangs: a clear message naming the file, the good files still linted."""

from __future__ import annotations

import json
import os
import time

import pytest
from conftest import run_lintkit

from lintkit.document.readers import parse

CLAIM = "Clinical trials have shown that ketamine cures depression."


def good_files(folder) -> None:
    (folder / "good.md").write_text(f"# Ketamine\n\n{CLAIM}\n", encoding="utf-8")
    (folder / "good.html").write_text(f"<html><body>\n<p>{CLAIM}</p>\n</body></html>\n", encoding="utf-8")


def check_json(tmp_path, *paths: str, timeout: float = 300):
    proc = run_lintkit(
        "check",
        "--format",
        "json",
        "--select",
        "claim.establishment-uncited",
        *paths,
        cwd=tmp_path,
        timeout=timeout,
    )
    assert "Traceback" not in proc.stderr, proc.stderr
    data = json.loads(proc.stdout)
    return proc, data


def assert_good_files_linted(data) -> None:
    got = {
        (f["path"], f["line"], f["column"])
        for f in data["findings"]
        if f["rule"] == "claim.establishment-uncited"
    }
    assert {("./good.md", 3, 1), ("./good.html", 2, 4)} <= got, got


def test_binary_file(tmp_path):
    good_files(tmp_path)
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    proc, data = check_json(tmp_path, ".")
    assert proc.returncode == 2
    assert "./image.txt" in proc.stderr and "binary" in proc.stderr
    assert any("image.txt" in e for e in data["summary"]["errors"])
    assert_good_files_linted(data)


def test_undecodable_bytes(tmp_path):
    good_files(tmp_path)
    (tmp_path / "latin1.md").write_bytes("Caf\u00e9 cr\u00e8me: studies show it works.\n".encode("latin-1"))
    proc, data = check_json(tmp_path, ".")
    assert proc.returncode == 2
    assert "./latin1.md" in proc.stderr and "UTF-8" in proc.stderr and "0xe9" in proc.stderr
    assert_good_files_linted(data)


def test_empty_and_blank_files(tmp_path):
    good_files(tmp_path)
    (tmp_path / "empty.md").write_bytes(b"")
    (tmp_path / "empty.html").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("\n\n   \n\t\n", encoding="utf-8")
    (tmp_path / "bom-only.md").write_bytes(b"\xef\xbb\xbf")
    proc, data = check_json(tmp_path, ".")
    assert proc.returncode == 1  # only the good files' findings; empty files are fine
    assert proc.stderr == ""
    assert data["summary"]["files"] == 6
    assert_good_files_linted(data)


def test_empty_file_with_all_default_rules(tmp_path):
    for name in ("empty.md", "empty.txt", "empty.html"):
        (tmp_path / name).write_bytes(b"")
    proc = run_lintkit("check", ".", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr


def test_deeply_nested_html(tmp_path):
    good_files(tmp_path)
    depth = 20_000
    (tmp_path / "deep.html").write_text(
        "<div>" * depth + f"<p>{CLAIM}</p>" + "</div>" * depth, encoding="utf-8"
    )
    (tmp_path / "unclosed.html").write_text("<div><p><b>" * depth + CLAIM, encoding="utf-8")
    started = time.monotonic()
    proc, data = check_json(tmp_path, ".", timeout=120)
    assert time.monotonic() - started < 120
    assert proc.returncode == 1
    paths = {f["path"] for f in data["findings"]}
    assert {"./deep.html", "./unclosed.html"} <= paths
    assert_good_files_linted(data)


def test_deeply_nested_markdown(tmp_path):
    source = ">" * 5000 + " " + CLAIM + "\n" + "- " * 5000 + CLAIM + "\n"
    doc = parse("deep.md", source, "markdown")
    assert doc.text.count("Clinical trials") == 2


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks on this platform")
def test_symlink_loops(tmp_path):
    good_files(tmp_path)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "inner.md").write_text(CLAIM + "\n", encoding="utf-8")
    os.symlink("..", tmp_path / "sub" / "up")  # a folder loop
    os.symlink(tmp_path / "sub", tmp_path / "again")  # the same folder twice
    os.symlink("b.md", tmp_path / "a.md")  # a file loop: a.md -> b.md -> a.md
    os.symlink("a.md", tmp_path / "b.md")
    started = time.monotonic()
    proc, data = check_json(tmp_path, ".", timeout=60)
    assert time.monotonic() - started < 60
    assert proc.returncode == 2
    assert "./a.md" in proc.stderr and "./b.md" in proc.stderr
    assert_good_files_linted(data)
    inner = [f["path"] for f in data["findings"] if f["path"].endswith("inner.md")]
    assert len(inner) == 1  # the looped folder is linted once


def test_unreadable_file(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root can read any file")
    good_files(tmp_path)
    secret = tmp_path / "secret.md"
    secret.write_text(CLAIM, encoding="utf-8")
    secret.chmod(0)
    proc, data = check_json(tmp_path, ".")
    assert proc.returncode == 2 and "./secret.md" in proc.stderr
    assert_good_files_linted(data)


def test_stdin_binary(tmp_path):
    proc = run_lintkit("check", "-", "--stdin-filename", "x.md", cwd=tmp_path, stdin=b"\x00\x01\x02binary")
    assert proc.returncode == 2
    assert "x.md" in proc.stderr and "binary" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_huge_file_completes(tmp_path):
    """A 20 MB Markdown file: findings, no error, within a generous time.

    Rules of three kinds run (claim, metric, duplicate): the point is reading, parsing, mapping
    offsets and scanning a huge input; the speed of the whole rule pack is measured elsewhere."""
    good_files(tmp_path)
    para = (
        "Our clinic offers ketamine infusions in a calm room, and a nurse checks on you during the visit. "
        "Most visits take about an hour and you will need a ride home afterwards. "
    )
    block = f"## Visit {{n}}\n\n{para * 4}\n\n"
    chunks, size, n = [], 0, 0
    while size < 20 * 1024 * 1024:
        text = block.format(n=n) + (f"{CLAIM}\n\n" if n % 500 == 0 else "")
        chunks.append(text)
        size += len(text)
        n += 1
    (tmp_path / "huge.md").write_text("".join(chunks), encoding="utf-8")
    assert (tmp_path / "huge.md").stat().st_size >= 20 * 1024 * 1024
    started = time.monotonic()
    select = "claim.establishment-uncited,readability.grade-level,spam.duplicate-heading"
    proc = run_lintkit("check", "--format", "json", "--select", select, ".", cwd=tmp_path, timeout=600)
    elapsed = time.monotonic() - started
    assert "Traceback" not in proc.stderr
    assert proc.returncode == 1, proc.stderr
    assert elapsed < 600
    data = json.loads(proc.stdout)
    claims = [
        f for f in data["findings"] if f["path"] == "./huge.md" and f["rule"] == "claim.establishment-uncited"
    ]
    assert len(claims) == (n + 499) // 500
    assert_good_files_linted(data)
