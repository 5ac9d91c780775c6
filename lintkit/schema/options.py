"""Kind options: YAML values -> a kind's frozen Options dataclass, checked against its type hints.

Field types understood: str, int, float, bool, Literal[...], X | None, tuple[str, ...],
tuple[Literal, ...], Terms (a term list, compiled), tuple[Terms, ...] (a list of term lists) and
Words (a word vocabulary: lemmas matched by lookup, see vocab) and StatusTable (a regulatory-status
table file, its path relative to the rule file, see regtable).
"""

from __future__ import annotations

import dataclasses
import types
import typing
from pathlib import Path
from typing import Any

from lintkit.errors import RuleError
from lintkit.match import Shared, TermError, Terms, compile_terms
from lintkit.schema import yamlsrc
from lintkit.schema.regtable import StatusTable, load_table
from lintkit.schema.vocab import VocabError, Words, compile_words, lemma_forms

_FORMS = ("\0lemma-forms",)  # key of the lemma table in `shared` (read once per rule load)


def build_options(
    path: str,
    raw: yamlsrc.LocatedDict,
    cls: type,
    lexicons: dict[str, tuple[str, ...]],
    shared: Shared | None = None,
) -> Any:
    """Validate the kind-specific keys of `raw` against the kind's Options dataclass and build it
    (`shared`: the term lists compiled so far, see terms.compile_terms)."""
    hints = typing.get_type_hints(cls)
    values: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        if f.name not in raw:
            if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                raise RuleError(path, raw.line, f.name, "missing required key")
            continue
        values[f.name] = _convert(path, raw, f.name, raw[f.name], hints[f.name], lexicons, shared)
    try:
        return cls(**values)
    except ValueError as err:
        raise RuleError(path, raw.line, "", str(err)) from None


def _convert(
    path: str, raw: yamlsrc.LocatedDict, key: str, value: Any, hint: Any, lexicons: Any, shared: Shared | None
) -> Any:
    line = raw.lines[key]
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is typing.Union or origin is types.UnionType:  # X | None
        if value is None:
            return None
        hint = next(a for a in args if a is not type(None))
        origin, args = typing.get_origin(hint), typing.get_args(hint)
    if hint is Terms:
        if not isinstance(value, list) or not value:
            raise RuleError(
                path, line, key, "must be a non-empty list of terms (regular expressions or @lexicon)"
            )
        try:
            return compile_terms(value, lexicons, shared)
        except TermError as err:
            at = value.lines[err.index] if err.index >= 0 else line
            raise RuleError(path, at, key, str(err)) from None
    if hint is StatusTable:
        if not isinstance(value, str) or not value.strip():
            raise RuleError(path, line, key, "must be the path of a status table file (relative to the rule)")
        target = Path(path).parent / value
        if not target.is_file():
            raise RuleError(path, line, key, f"no status table file {str(target)!r}")
        return load_table(target, _forms(shared))
    if hint is Words:
        if not isinstance(value, list) or not value:
            raise RuleError(path, line, key, "must be a non-empty list of words or phrases (or @lexicon)")
        try:
            return compile_words(value, lexicons, _forms(shared))
        except VocabError as err:
            at = value.lines[err.index] if 0 <= err.index < len(value) else line
            raise RuleError(path, at, key, str(err)) from None
    if origin is typing.Literal:
        if value not in args:
            raise RuleError(path, line, key, f"{value!r} is not one of: {', '.join(map(str, args))}")
        return value
    if origin is tuple:  # tuple[str, ...], tuple[Literal, ...] or tuple[Terms, ...]
        items = value if isinstance(value, list) else [value]
        inner = args[0]
        if inner is Terms:
            if not all(isinstance(group, list) and group for group in items):
                raise RuleError(path, line, key, "must be a list of term lists")
            out = []
            for n, group in enumerate(items):
                try:
                    out.append(compile_terms(group, lexicons, shared))
                except TermError as err:
                    at = group.lines[err.index] if err.index >= 0 else value.lines[n]
                    raise RuleError(path, at, key, str(err)) from None
            return tuple(out)
        allowed = typing.get_args(inner) if typing.get_origin(inner) is typing.Literal else None
        for item in items:
            if allowed is not None and item not in allowed:
                raise RuleError(path, line, key, f"{item!r} is not one of: {', '.join(map(str, allowed))}")
            if allowed is None and not isinstance(item, inner):
                raise RuleError(path, line, key, f"items must be {inner.__name__}")
        return tuple(items)
    if hint is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if not isinstance(value, hint) or (hint is int and isinstance(value, bool)):
        name = getattr(hint, "__name__", str(hint))
        raise RuleError(path, line, key, f"must be a {name}, not {type(value).__name__}")
    return value


def _forms(shared: Shared | None) -> Any:
    """The lemma table, read once per rule load (kept in `shared`)."""
    table: Any = shared if shared is not None else {}
    if _FORMS not in table:
        table[_FORMS] = lemma_forms()
    return table[_FORMS]
