"""The text format's excerpt: carets under the flagged characters (tabs, wide and combining
characters), long lines cut around the span, and `--color never` keeping the excerpt."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from conftest import TEST_RULE_YAML, make_rule, own, run_on_tty

from lintkit.checks.base import Context
from lintkit.document.readers import parse
from lintkit.linter import lint
from lintkit.report import FileResult
from lintkit.report.excerpt import MAX_CELLS, excerpt
from lintkit.report.text import file_lines


def _cells(s: str) -> int:
    return sum(
        0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s
    )


def _excerpt_lines(source: str, fmt: str = "text") -> list[str]:
    rules = [make_rule(TEST_RULE_YAML)]
    doc = parse("p.txt", source, fmt)
    findings = lint(doc, rules, Context())
    assert findings
    return file_lines(FileResult("p.txt", findings, doc))


def _under(lines: list[str]) -> str:
    """The characters of the shown source line whose cells lie above the carets, on the screen:
    both whole lines, gutters included (so a gutter of another width shows)."""
    src, caret = lines[1], lines[2]
    start = len(caret) - len(caret.lstrip(" "))
    stop = start + caret.count("^")
    out, cell = [], 0
    for ch in src:
        if start <= cell < stop:
            out.append(ch)
        cell += _cells(ch)
    return "".join(out)


def test_caret_under_span_in_a_plain_line() -> None:
    """The issue's repro: the caret sat two columns left of the flagged text."""
    assert _under(_excerpt_lines("A miracle cure.\n")) == "miracle cure"
    assert _under(_excerpt_lines("x\n" * 1200 + "Try a miracle cure.\n")) == "miracle cure"  # line 1201


def test_caret_under_span_after_a_tab() -> None:
    lines = _excerpt_lines("\tA\tmiracle cure.\n")
    assert _under(lines) == "miracle cure"


def test_caret_under_span_after_wide_characters() -> None:
    lines = _excerpt_lines("診療所のお知らせ: a miracle cure.\n")
    assert _under(lines) == "miracle cure"


def test_caret_under_span_after_combining_marks() -> None:
    lines = _excerpt_lines("Cafe\u0301 re\u0301sume\u0301: a miracle cure.\n")
    assert _under(lines) == "miracle cure"


def test_excerpt_widths_directly() -> None:
    assert excerpt("ab\tcd", 4, 5) == ("ab  cd", 4, 1)
    assert excerpt("日本x", 3, 4) == ("日本x", 4, 1)
    assert excerpt("e\u0301x", 3, 4) == ("e\u0301x", 1, 1)
    assert excerpt("abc", 4, None) == ("abc", 3, 1)  # at the end of the line: one caret


def test_long_line_is_cut_around_the_span() -> None:
    body = "<p>" + "filler words here " * 1700 + "a miracle cure." + " more text" * 100 + "</p>"
    assert len(body) > 30_000
    lines = _excerpt_lines(body + "\n", "html")
    src = lines[1].split("| ", 1)[1]
    assert len(src) <= MAX_CELLS
    assert src.startswith("…") and src.endswith("…")
    assert _under(lines) == "miracle cure"


def test_span_longer_than_the_window_is_clamped() -> None:
    text, pad, width = excerpt("x" * 50 + "y" * 500, 51, 551)
    assert len(text) <= MAX_CELLS
    assert pad + width <= len(text)
    assert text[pad : pad + width] == "y" * width


def test_color_never_keeps_the_excerpt_on_a_terminal(tmp_path: Path, test_rules) -> None:
    (tmp_path / "page.md").write_text("A miracle cure.\n", encoding="utf-8")
    out = run_on_tty(tmp_path, "check", "page.md", *own("--color", "never"))
    assert "\033[" not in out
    assert "   1 | A miracle cure." in out
    shown = [line.rstrip("\r") for line in out.splitlines()]
    src = next(line for line in shown if "| A miracle cure." in line)
    caret = shown[shown.index(src) + 1]
    assert caret.index("^") == src.index("miracle") and caret.count("^") == len("miracle cure")
