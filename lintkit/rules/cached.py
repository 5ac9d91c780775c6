"""Rules from the cache: `load_rules` reads the compiled rules back when no rule file and none of
the code that builds rules has changed (the key: a hash of both), else loads and caches them."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

from lintkit.cache import FORMAT, bounded, enabled, hasher, read_entry, write_entry

CODE = ("errors.py", "files", "schema", "match", "cache", "rules", "checks")  # under lintkit/: in the key


@cache
def classes() -> tuple[type, ...]:
    """The classes a rules entry holds."""
    from lintkit import match as terms
    from lintkit import rules
    from lintkit.checks import KINDS
    from lintkit.match import plan
    from lintkit.schema import regtable, vocab

    found = [rules.Rule, rules.Reference, terms.Terms, plan.ScanPlan, vocab.Words, vocab.Tokens]
    found += [regtable.Row, regtable.StatusTable]
    return (*found, *(m.Options for m in KINDS.values()))


def load_rules(paths: Iterable[Path], use_cache: bool = True) -> list[Any]:
    """`lintkit.rules.load_rules(paths)`, from the cache when the rule files are unchanged."""
    from lintkit import rules as rulesmod

    paths = list(paths)
    if not use_cache or not enabled():
        return rulesmod.load_rules(paths)
    from lintkit.files.readsafe import InputError

    try:
        key = rules_key(rulesmod.rule_files(paths))
    except (OSError, InputError):  # a missing, unreadable or special file: load_rules reports it
        return rulesmod.load_rules(paths)
    name = f"rules-{key}.json"
    cached = read_entry(name, _valid_rules, classes())
    if cached is not None:
        return cached
    rules = rulesmod.load_rules(paths)
    if rules:  # (no rules load in no time: an empty entry could only ever be mistaken)
        write_entry(name, rules, prune="rules-*.json", classes=classes())
    return rules


def _valid_rules(value: Any) -> bool:
    """A non-empty list of well-formed rules (each with its kind's options): an empty or wrong
    entry must never switch rules off."""
    from lintkit.checks import KINDS
    from lintkit.rules import Rule

    return (
        isinstance(value, list)
        and bool(value)
        and all(
            isinstance(r, Rule)
            and isinstance(r.id, str)
            and isinstance(r.message, str)
            and r.kind in KINDS
            and isinstance(r.options, KINDS[r.kind].Options)
            for r in value
        )
    )


def rules_key(files: list[Path]) -> str:
    """Hash of the rule files (paths and bytes, in load order) and of the code that compiles them."""
    import regex

    from lintkit import __version__

    h = hasher(f"{FORMAT}|{__version__}|{sys.version}|{regex.__version__}".encode())
    here = Path(__file__).resolve().parent.parent
    for name in CODE:
        p = here / name
        for q in sorted(p.glob("*.py")) if p.is_dir() else [p]:
            h.update(q.name.encode() + b"\0" + q.read_bytes() + b"\0")
    for f in files:
        h.update(str(f).encode() + b"\0" + bounded(f) + b"\0")
    return h.hexdigest()[:32]
