"""Lexicon files: named term lists (`lexicon:`, `terms:`) that rules and other lexicons include
with `@name`. Read before the rules; an include is expanded here, once."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from lintkit.errors import RuleError

if TYPE_CHECKING:  # (YAML is loaded only when the compiled rules are not cached)
    from lintkit.schema import yamlsrc

Lexicons = dict[str, tuple[str, ...]]
MAX_DEPTH = 50  # lexicons included within lexicons
MAX_TERMS = 200_000  # terms of one lexicon, included ones counted


def read_lexicons(docs: list[tuple[Path, Any]]) -> Lexicons:
    """The lexicons among the parsed rule files, with `@name` entries expanded. Raises RuleError
    for a bad lexicon file, a name defined twice, an unknown name or a lexicon that includes itself."""
    raw: Raw = {}
    for f, data in docs:
        if isinstance(data, dict) and "lexicon" in data:
            name = _check(str(f), data)
            if name in raw:
                message = f"lexicon {name!r} is defined twice"
                raise RuleError(str(f), data.lines["lexicon"], "lexicon", message)
            raw[name] = (str(f), data)
    out: Lexicons = {}
    for name in raw:
        _expand(name, raw, out, [])
    return out


Raw = dict[str, tuple[str, Any]]  # name -> (file, its parsed mapping: a yamlsrc.LocatedDict)


def _expand(name: str, raw: Raw, out: Lexicons, chain: list[str]) -> None:
    """Fill out[name], expanding included lexicons first (`chain`: the lexicons being expanded)."""
    if name in out:
        return
    path, data = raw[name]
    terms: list[str] = []
    for i, t in enumerate(data["terms"]):
        if not t.startswith("@"):
            terms.append(t)
            continue
        ref, line = t[1:], data["terms"].lines[i]
        if ref not in raw:
            known = ", ".join(sorted(raw))
            raise RuleError(path, line, "terms", f"unknown lexicon {t!r} (known: {known})")
        if ref in chain or ref == name:
            start = chain.index(ref) if ref in chain else len(chain)
            loop = " -> ".join([*chain[start:], name, ref])
            raise RuleError(path, line, "terms", f"lexicon {name!r} includes itself ({loop})")
        if len(chain) >= MAX_DEPTH:
            raise RuleError(path, line, "terms", f"lexicons include each other over {MAX_DEPTH} levels deep")
        _expand(ref, raw, out, [*chain, name])
        terms.extend(out[ref])
        if len(terms) > MAX_TERMS:
            raise RuleError(path, line, "terms", f"lexicon {name!r} expands to over {MAX_TERMS:,} terms")
    out[name] = tuple(terms)


def _check(path: str, data: yamlsrc.LocatedDict) -> str:
    """The name of a lexicon file, after checking its keys and terms."""
    unknown = set(data) - {"lexicon", "description", "terms"}
    if unknown:
        key = sorted(unknown)[0]
        expected = "unknown key in a lexicon file (expected: lexicon, description, terms)"
        raise RuleError(path, data.lines[key], key, expected)
    terms = data.get("terms")
    if not isinstance(terms, list) or not terms:
        line = data.lines.get("terms", data.line)
        raise RuleError(path, line, "terms", "must be a non-empty list of strings")
    for i, t in enumerate(terms):
        if not isinstance(t, str):
            hint = " (quote entries that contain ': ')" if isinstance(t, dict) else ""
            raise RuleError(path, terms.lines[i], "terms", f"item {i + 1} is not a string{hint}")
    return str(data["lexicon"])
