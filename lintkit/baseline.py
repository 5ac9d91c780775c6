"""Baselines: record today's findings, later report only new ones.

A finding is identified by its file, its rule and a fingerprint of the text it flagged
(Finding.snippet, whitespace-normalised), never by line numbers, so moved text keeps matching.
Each entry also carries a hash of a few words around the snippet: matching first uses
(rule, text, context), then falls back to (rule, text), so a duplicate sentence is told apart by
its neighbours but an edit next to a baselined finding does not bring it back. Document-level
findings (a missing disclaimer, a readability score) are identified by their rule alone, since
their figures change with every edit. Entries are counted (a multiset): two identical findings
need two entries.
"""

from __future__ import annotations

import argparse
import os
from collections import Counter
from pathlib import Path

from lintkit import __version__
from lintkit.finding import Finding

FORMAT_VERSION = 1
CONTEXT_WORDS = 3


class BaselineError(Exception):
    """The baseline file cannot be read or written; the message says why."""


def norm_path(path: str) -> str:
    """`path` with forward slashes, relative to the working directory when it lies inside it."""
    if os.path.isabs(path):
        try:
            rel = os.path.relpath(path)
        except ValueError:  # another drive (Windows)
            rel = path
        if not rel.startswith(".."):
            path = rel
    return path.replace(os.sep, "/")


def _hash(*parts: str) -> str:
    import hashlib

    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:20]


def text_key(finding: Finding) -> str:
    """Fingerprint of the rule and the flagged text (the rule alone for document-level findings)."""
    flagged = "" if finding.document_level else " ".join(finding.snippet.split())
    return _hash(finding.rule, flagged)


def context_key(finding: Finding, text: str) -> str:
    """Fingerprint of a few words before and after the flagged text in Document.text."""
    if finding.document_level or not text:
        return _hash("")
    before = text[max(0, finding.start - 200) : finding.start].split()[-CONTEXT_WORDS:]
    after = text[finding.end : finding.end + 200].split()[:CONTEXT_WORDS]
    return _hash(" ".join(before), " ".join(after))


class Baseline:
    """A multiset of (path, rule, text key, context key) with a write mode and a filter mode."""

    def __init__(self, entries: Counter | None = None, writing: bool = False) -> None:
        self.entries: Counter = entries if entries is not None else Counter()
        self.writing = writing
        self.excerpts: dict[tuple[str, str, str, str], str] = {}
        self._seen: set[str] = set()
        self._by_path: dict[str, list[tuple[str, str, str, str]]] | None = None

    @classmethod
    def load(cls, file: str) -> Baseline:
        """Read a baseline written by `save`; raises BaselineError."""
        import json

        try:
            data = json.loads(Path(file).read_text(encoding="utf-8"))
        except OSError as err:
            raise BaselineError(f"baseline {file}: cannot read: {err.strerror or err}") from None
        except (UnicodeDecodeError, json.JSONDecodeError) as err:
            raise BaselineError(f"baseline {file}: not a lintkit baseline (invalid JSON: {err})") from None
        if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
            raise BaselineError(f"baseline {file}: not a lintkit baseline (no 'entries' list)")
        if data.get("lintkit_baseline") != FORMAT_VERSION:
            raise BaselineError(f"baseline {file}: unsupported version {data.get('lintkit_baseline')!r}")
        entries: Counter = Counter()
        for i, e in enumerate(data["entries"]):
            try:
                key = (str(e["path"]), str(e["rule"]), str(e["fingerprint"]), str(e["context"]))
                entries[key] += int(e.get("count", 1))
            except (KeyError, TypeError, ValueError):
                raise BaselineError(f"baseline {file}: entry {i + 1} is malformed") from None
        return cls(entries)

    def apply(self, path: str, findings: list[Finding], text: str) -> list[Finding]:
        """Write mode: record `findings` and return them. Filter mode: return only new findings."""
        p = norm_path(path)
        self._seen.add(p)
        keyed = [(f, (p, f.rule, text_key(f), context_key(f, text))) for f in findings]
        if self.writing:
            for f, key in keyed:
                self.entries[key] += 1
                self.excerpts.setdefault(key, _excerpt(f))
            return findings
        pending = []
        for f, key in keyed:  # exact: same rule, text and surroundings
            if self.entries[key] > 0:
                self.entries[key] -= 1
            else:
                pending.append((f, key))
        if self._by_path is None:
            self._by_path = {}
            for key in self.entries:
                self._by_path.setdefault(key[0], []).append(key)
        loose: dict[tuple[str, str, str], list[tuple[str, str, str, str]]] = {}
        for key in self._by_path.get(p, []):
            loose.setdefault(key[:3], []).append(key)
        out = []
        for f, key in pending:  # same rule and text, surroundings edited
            spare = next((k for k in loose.get(key[:3], []) if self.entries[k] > 0), None)
            if spare is None:
                out.append(f)
            else:
                self.entries[spare] -= 1
        return out

    def stale(self) -> int:
        """Entries left unmatched in the files checked, or whose file no longer exists."""
        return sum(
            n for (p, *_), n in self.entries.items() if n > 0 and (p in self._seen or not os.path.exists(p))
        )

    def save(self, file: str) -> int:
        """Write the recorded entries as sorted, indented JSON; returns the number of findings."""
        rows = [
            {
                "path": k[0],
                "rule": k[1],
                "fingerprint": k[2],
                "context": k[3],
                "count": n,
                "excerpt": self.excerpts.get(k, ""),
            }
            for k, n in sorted(self.entries.items())
            if n > 0
        ]
        import json

        data = {"lintkit_baseline": FORMAT_VERSION, "lintkit_version": __version__, "entries": rows}
        from lintkit.files.safeio import WriteError, write_atomic

        try:
            write_atomic(file, json.dumps(data, indent=2, ensure_ascii=False) + "\n")
        except WriteError as err:
            raise BaselineError(f"baseline: {err}") from None
        return sum(r["count"] for r in rows)


def _excerpt(f: Finding, limit: int = 80) -> str:
    flat = " ".join(f.snippet.split())
    if f.document_level:
        return "(document)"
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def write(baseline: Baseline, file: str, errors: list[str]) -> int:
    """Save `baseline` for --write-baseline; exit 0, or 2 when it cannot be written or inputs failed."""
    import sys

    try:
        n = baseline.save(file)
    except BaselineError as err:
        print(f"lintkit: error: {err}", file=sys.stderr)
        return 2
    print(f"lintkit: wrote {n} finding{'s' if n != 1 else ''} to baseline {file}", file=sys.stderr)
    return 2 if errors else 0


def from_args(args: argparse.Namespace) -> Baseline | None:
    """The Baseline asked for by --baseline / --write-baseline, or None; raises BaselineError."""
    read, write = getattr(args, "baseline", None), getattr(args, "write_baseline", None)
    if read and write:
        raise BaselineError("use either --baseline or --write-baseline, not both")
    if write:
        return Baseline(writing=True)
    return Baseline.load(read) if read else None
