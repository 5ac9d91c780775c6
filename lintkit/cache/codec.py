"""The rules cache's file format: plain JSON data, which loading can never run as code.

Values are JSON scalars, tuples (JSON arrays) and one-key tagged objects: {"$list": [...]},
{"$dict": [[key, value], ...]}, {"$frozenset": [...]}, {"$set": [...]}, {"$bytes": "base64"},
{"$re": [pattern, flags]} (a regex pattern, compiled from its source on first use: see
lazyregex.LazyPattern) and {"$obj": "module:Class", "fields": {...}} for the dataclasses given
to `dumps` and `loads` as `classes` only. Decoding calls no constructor and imports nothing: an
object is made with `object.__new__` of an allowed class and given exactly that class's fields.
Anything else in a file is a `CodecError`; anything else in a value to encode is a `TypeError`
(nothing is cached).
"""

from __future__ import annotations

import base64
import dataclasses
import json
from functools import cache
from typing import Any


class CodecError(ValueError):
    """The data is not a valid encoding (corrupt, planted, or from another format)."""


@cache
def _by_name(classes: tuple[type, ...]) -> dict[str, type]:
    return {f"{c.__module__}:{c.__qualname__}": c for c in classes}


def dumps(value: Any, classes: tuple[type, ...] = ()) -> str:
    """`value` as JSON text (TypeError for anything the format cannot hold); `classes` are the
    dataclasses it may hold."""
    return json.dumps(
        _enc(value, _by_name(classes)), ensure_ascii=False, separators=(",", ":"), allow_nan=False
    )


def loads(text: str | bytes, classes: tuple[type, ...] = ()) -> Any:
    """The value encoded in `text`; CodecError when it is not a valid encoding (or holds an object
    of a class not in `classes`)."""
    try:
        return _dec(json.loads(text), _by_name(classes))
    except CodecError:
        raise
    except (ValueError, TypeError, KeyError, RecursionError) as err:
        raise CodecError(f"not a lintkit cache ({type(err).__name__}: {err})") from None


def _enc(v: Any, allowed: dict[str, type]) -> Any:
    if v is None or isinstance(v, (bool, str)) or type(v) in (int, float):
        return v
    if type(v) is tuple:
        return [_enc(x, allowed) for x in v]
    if type(v) is list:
        return {"$list": [_enc(x, allowed) for x in v]}
    if type(v) is dict:
        return {"$dict": [[_enc(k, allowed), _enc(x, allowed)] for k, x in v.items()]}
    if type(v) in (frozenset, set):
        return {f"${type(v).__name__}": [_enc(x, allowed) for x in sorted(v, key=repr)]}
    if type(v) is bytes:
        return {"$bytes": base64.b64encode(v).decode("ascii")}
    if isinstance(v, int):  # an IntFlag such as regex.RegexFlag
        return int(v)
    if type(v).__name__ in ("Pattern", "LazyPattern"):
        if type(v).__name__ == "Pattern" and type(v).__module__ != "_regex":
            raise TypeError("only `regex` patterns can be cached")
        return {"$re": [v.pattern, int(v.flags)]}
    name = f"{type(v).__module__}:{type(v).__qualname__}"
    if name in allowed:
        fields = {f.name: _enc(getattr(v, f.name), allowed) for f in dataclasses.fields(v)}
        return {"$obj": name, "fields": fields}
    raise TypeError(f"cannot cache a {name}")


def _dec(v: Any, allowed: dict[str, type]) -> Any:
    if v is None or isinstance(v, (bool, int, float, str)):
        return v
    if isinstance(v, list):
        return tuple(_dec(x, allowed) for x in v)
    if not isinstance(v, dict) or not v:
        raise CodecError("unexpected JSON object")
    tag = next(iter(v))
    if tag == "$obj":
        return _obj(v, allowed)
    if len(v) != 1:
        raise CodecError(f"unexpected JSON object with keys {sorted(v)[:3]}")
    body = v[tag]
    if tag == "$bytes" and isinstance(body, str):
        return base64.b64decode(body, validate=True)
    if tag == "$re" and isinstance(body, list) and len(body) == 2:
        pattern, flags = body
        if not isinstance(pattern, str) or type(flags) is not int:
            raise CodecError("a pattern is [source, flags]")
        from lintkit.cache.lazyregex import LazyPattern

        return LazyPattern.from_source(pattern, flags)
    if not isinstance(body, list):
        raise CodecError(f"bad {tag}")
    items = [_dec(x, allowed) for x in body]
    if tag == "$list":
        return items
    if tag == "$frozenset":
        return frozenset(items)
    if tag == "$set":
        return set(items)
    if tag == "$dict":
        if not all(isinstance(p, tuple) and len(p) == 2 for p in items):
            raise CodecError("a dict is a list of [key, value] pairs")
        return dict(items)
    raise CodecError(f"unknown tag {tag!r}")


def _obj(v: dict[str, Any], allowed: dict[str, type]) -> Any:
    cls = allowed.get(v.get("$obj"))  # type: ignore[arg-type]
    fields = v.get("fields")
    if cls is None or set(v) != {"$obj", "fields"} or not isinstance(fields, dict):
        raise CodecError(f"unknown object {str(v.get('$obj'))[:80]!r}")
    names = {f.name for f in dataclasses.fields(cls)}
    if set(fields) != names:
        raise CodecError(f"wrong fields for {cls.__qualname__}")
    obj: Any = object.__new__(cls)
    for k, x in fields.items():
        object.__setattr__(obj, k, _dec(x, allowed))
    return obj
