"""The one error a user's rule file can cause."""

from __future__ import annotations


class RuleError(Exception):
    """A problem in a rule or lexicon file, located by file, line and key."""

    def __init__(self, path: str, line: int, key: str, message: str) -> None:
        from lintkit.files.visible import visible  # (a file name is shown, never interpreted)

        shown = visible(path)
        super().__init__(f"{shown}:{line}: {key}: {message}" if key else f"{shown}:{line}: {message}")
        self.path, self.line, self.key = path, line, key
