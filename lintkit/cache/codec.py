"""The rules cache's file format: plain JSON data, which loading can never run as code.

Values are JSON scalars, tuples (JSON arrays) and one-key tagged objects: {"$t": [...]} (a tuple of
scalars and such tuples only, nested JSON arrays all: decoded in one tight pass, as most of an entry
is plain nested tuples), {"$list": [...]},
{"$dict": [[key, value], ...]}, {"$frozenset": [...]}, {"$set": [...]}, {"$bytes": "base64"},
{"$re": [pattern, flags]} (a regex pattern, compiled from its source on first use: see
lazyregex.LazyPattern) and {"$obj": "module:Class", "fields": {...}} for the dataclasses given
to `dumps` and `loads` as `classes` only; an object with no object inside (a vocabulary, a scan
plan) equal to one written before is {"$ref": n}, the n-th object written (counted as each is
finished), and loads as that same (frozen) object.
Decoding calls no constructor and imports nothing: an object is made with `object.__new__` of an
allowed class and given exactly that class's fields.
Anything else in a file is a `CodecError`; anything else in a value to encode is a `TypeError`
(nothing is cached).
"""

from __future__ import annotations

import base64
import dataclasses
import json
from dataclasses import dataclass, field
from functools import cache
from typing import Any


class CodecError(ValueError):
    """The data is not a valid encoding (corrupt, planted, or from another format)."""


@cache
def _by_name(classes: tuple[type, ...]) -> dict[str, type]:
    return {f"{c.__module__}:{c.__qualname__}": c for c in classes}


@dataclass
class _Objects:
    """The classes allowed, and the objects written (JSON text -> number) or read (in order)."""

    allowed: dict[str, type]
    written: dict[str, int] = field(default_factory=dict)  # a leaf object's JSON -> its number
    count: int = 0  # objects written out so far
    refs: list[int] = field(default_factory=list)  # the references written
    read: list[Any] = field(default_factory=list)


def dumps(value: Any, classes: tuple[type, ...] = ()) -> str:
    """`value` as JSON text (TypeError for anything the format cannot hold); `classes` are the
    dataclasses it may hold."""
    return _json(_enc(value, _Objects(_by_name(classes))))


def _json(v: Any) -> str:
    return json.dumps(v, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def loads(text: str | bytes, classes: tuple[type, ...] = ()) -> Any:
    """The value encoded in `text`; CodecError when it is not a valid encoding (or holds an object
    of a class not in `classes`)."""
    try:
        return _dec(json.loads(text), _Objects(_by_name(classes)))
    except CodecError:
        raise
    except (ValueError, TypeError, KeyError, RecursionError) as err:
        raise CodecError(f"not a lintkit cache ({type(err).__name__}: {err})") from None


def _enc(v: Any, objs: _Objects) -> Any:
    if v is None or isinstance(v, (bool, str)) or type(v) in (int, float):
        return v
    if type(v) is tuple:
        if _plain(v):
            return {"$t": _raw(v)}
        return [_enc(x, objs) for x in v]
    if type(v) is list:
        return {"$list": [_enc(x, objs) for x in v]}
    if type(v) is dict:
        return {"$dict": [[_enc(k, objs), _enc(x, objs)] for k, x in v.items()]}
    if type(v) in (frozenset, set):
        return {f"${type(v).__name__}": [_enc(x, objs) for x in sorted(v, key=repr)]}
    if type(v) is bytes:
        return {"$bytes": base64.b64encode(v).decode("ascii")}
    if isinstance(v, int):  # an IntFlag such as regex.RegexFlag
        return int(v)
    if type(v).__name__ == "LazyPattern":
        return {"$re": list(v.source())}  # (not compiled to be written)
    if type(v).__name__ == "Pattern":
        if type(v).__module__ != "_regex":
            raise TypeError("only `regex` patterns can be cached")
        return {"$re": [v.pattern, int(v.flags)]}
    name = f"{type(v).__module__}:{type(v).__qualname__}"
    if name in objs.allowed:
        inside = objs.count + len(objs.refs)
        fields = {f.name: _enc(getattr(v, f.name), objs) for f in dataclasses.fields(v)}
        out = {"$obj": name, "fields": fields}
        if objs.count + len(objs.refs) == inside:  # a leaf (no object inside): shared when equal
            text = _json(out)
            n = objs.written.get(text)
            if n is not None:
                objs.refs.append(n)
                return {"$ref": n}
            objs.written[text] = objs.count
        objs.count += 1
        return out
    raise TypeError(f"cannot cache a {name}")


_SCALARS = (type(None), bool, str, int, float)


def _plain(v: Any) -> bool:
    """A tuple of scalars and plain tuples only."""
    return all((type(x) in _SCALARS and x == x) or (type(x) is tuple and _plain(x)) for x in v)


def _raw(v: tuple) -> list:
    return [_raw(x) if type(x) is tuple else x for x in v]


def _tuples(v: list) -> tuple:
    """A "$t" body as nested tuples (CodecError for a JSON object inside)."""
    out = []
    for x in v:
        if type(x) is list:
            out.append(_tuples(x))
        elif type(x) is dict:
            raise CodecError("a JSON object inside a plain tuple")
        else:
            out.append(x)
    return tuple(out)


def _dec(v: Any, objs: _Objects) -> Any:
    if v is None or isinstance(v, (bool, int, float, str)):
        return v
    if isinstance(v, list):
        return tuple([x if type(x) in _SCALARS else _dec(x, objs) for x in v])
    if not isinstance(v, dict) or not v:
        raise CodecError("unexpected JSON object")
    tag = next(iter(v))
    if tag == "$obj":
        return _obj(v, objs)
    if len(v) != 1:
        raise CodecError(f"unexpected JSON object with keys {sorted(v)[:3]}")
    body = v[tag]
    if tag == "$ref" and type(body) is int:
        if not 0 <= body < len(objs.read):
            raise CodecError("a reference to no object")
        return objs.read[body]
    if tag == "$t" and isinstance(body, list):
        return _tuples(body)
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
    if tag == "$dict":
        return _dict(body, objs)
    plain = all(type(x) in _SCALARS for x in body)
    items = body if plain else [_dec(x, objs) for x in body]
    if tag == "$list":
        return items
    if tag == "$frozenset":
        return frozenset(items)
    if tag == "$set":
        return set(items)
    raise CodecError(f"unknown tag {tag!r}")


def _dict(body: list, objs: _Objects) -> dict:
    out = {}
    for p in body:
        if type(p) is not list or len(p) != 2:
            raise CodecError("a dict is a list of [key, value] pairs")
        k, x = p
        out[k if type(k) is str else _dec(k, objs)] = x if type(x) in _SCALARS else _dec(x, objs)
    return out


def _obj(v: dict[str, Any], objs: _Objects) -> Any:
    cls = objs.allowed.get(v.get("$obj"))  # type: ignore[arg-type]
    fields = v.get("fields")
    if cls is None or set(v) != {"$obj", "fields"} or not isinstance(fields, dict):
        raise CodecError(f"unknown object {str(v.get('$obj'))[:80]!r}")
    names = {f.name for f in dataclasses.fields(cls)}
    if set(fields) != names:
        raise CodecError(f"wrong fields for {cls.__qualname__}")
    obj: Any = object.__new__(cls)
    for k, x in fields.items():
        object.__setattr__(obj, k, _dec(x, objs))
    objs.read.append(obj)
    return obj
