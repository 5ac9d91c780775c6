"""`--output FILE` checked before any linting: a path that cannot be written is a usage error
(exit 2, a message naming it), found at once rather than after a long run, and never a traceback."""

from __future__ import annotations

import os


def output_problem(path: str) -> str | None:
    """Why `path` cannot receive the report, or None when it can (as far as can be told up front)."""
    if not path:
        return "--output: empty file name"
    if os.path.isdir(path):
        return f"--output {path}: is a folder; give a file name"
    folder = os.path.dirname(os.path.abspath(path))
    if not os.path.isdir(folder):
        return f"--output {path}: folder {folder} does not exist; create it first"
    if os.path.exists(path) and not os.access(path, os.W_OK):
        return f"--output {path}: file is not writable"
    if not os.path.exists(path) and not os.access(folder, os.W_OK | os.X_OK):
        return f"--output {path}: folder {folder} is not writable"
    return None
