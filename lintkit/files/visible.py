"""Text a terminal, a CI log or GitHub Actions would interpret, made visible and inert.

A file name or message can hold control characters: ESC starts terminal escape sequences, a
newline followed by `::error` is a workflow command to GitHub Actions (which parses stderr too),
bidirectional overrides reorder what is shown. `visible` writes each such character as a Python
escape (TAB as `\\t`, ESC as `\\x1b`, U+202E as `\\u202e`); `blank` replaces each with one U+FFFD
(for a source excerpt, whose columns must stay where the carets point).
"""

from __future__ import annotations

import re

CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _show(m: re.Match[str]) -> str:
    c = m.group()
    return _NAMED.get(c) or (f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}")


def visible(text: str, lines: bool = False) -> str:
    """`text` with every control character written as an escape (`lines`: but CR and LF, for a
    format that escapes them itself: GitHub's workflow commands)."""
    if not CONTROL.search(text):
        return text
    return CONTROL.sub(lambda m: m.group() if lines and m.group() in "\r\n" else _show(m), text)


def blank(text: str) -> str:
    """`text` with every control character replaced by U+FFFD (same length)."""
    return CONTROL.sub("\ufffd", text)
