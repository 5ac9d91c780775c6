"""Which inputs to leave out: the config's `exclude` globs and `.gitignore` files (as ruff does).

`exclude` globs are matched against the path relative to the config file's folder (`base`), so
`drafts/*` leaves out `./drafts/a.md` and `site/../drafts/a.md` alike; as before, a glob also
matches the path as given or the file name. A folder whose relative path matches is not walked.

`.gitignore` files are read with `pathspec` (git's own pattern rules, negation included): the one
in `base`, and those in the folders walked below it, each applying to the paths beneath it.
"""

from __future__ import annotations

import os
from fnmatch import fnmatch
from pathlib import Path


class PathFilter:
    """`ignored(path, is_dir)` for walked and explicitly named paths."""

    def __init__(self, base: Path, exclude: list[str], gitignore: bool = True) -> None:
        self.base = os.path.abspath(base)
        self.exclude = list(exclude)
        self.gitignore = gitignore
        self._specs: dict[str, object | None] = {}  # folder -> its .gitignore spec (None: none)

    def _rel(self, path: str, base: str) -> str | None:
        rel = os.path.relpath(os.path.abspath(path), base)
        return None if rel == ".." or rel.startswith(".." + os.sep) else rel.replace(os.sep, "/")

    def excluded(self, path: str) -> bool:
        """Does an `exclude` glob match the path (relative to base, as given, or its name)?"""
        if not self.exclude:
            return False
        names = {path, os.path.normpath(path), os.path.basename(os.path.normpath(path))}
        rel = self._rel(path, self.base)
        if rel is not None:
            names.add(rel)
        return any(fnmatch(n, pat) for n in names for pat in self.exclude)

    def _spec(self, folder: str):
        if folder not in self._specs:
            spec = None
            file = os.path.join(folder, ".gitignore")
            if os.path.isfile(file):
                from pathspec import GitIgnoreSpec

                with open(file, encoding="utf-8", errors="replace") as f:
                    spec = GitIgnoreSpec.from_lines(f.read().splitlines())
            self._specs[folder] = spec
        return self._specs[folder]

    def git_ignored(self, path: str, is_dir: bool = False) -> bool:
        """Is the path ignored by a .gitignore in base or in a folder between base and it?"""
        if not self.gitignore:
            return False
        rel = self._rel(path, self.base)
        if rel is None or rel == ".":
            return False
        parts = rel.split("/")
        folder = self.base
        for i in range(len(parts)):
            spec = self._spec(folder)
            if spec is not None:
                sub = "/".join(parts[i:]) + ("/" if is_dir else "")
                if spec.match_file(sub):  # type: ignore[attr-defined]
                    return True
            folder = os.path.join(folder, parts[i])
        return False

    def ignored(self, path: str, is_dir: bool = False) -> bool:
        """Leave `path` out (an exclude glob or a .gitignore pattern matches)?"""
        return self.excluded(path) or self.git_ignored(path, is_dir)
