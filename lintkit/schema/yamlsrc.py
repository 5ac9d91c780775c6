"""YAML loading that remembers the line of every key and list item, for errors that name them."""

from __future__ import annotations

from typing import Any

import yaml

try:
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - libyaml missing
    from yaml import SafeLoader as _Loader


class LocatedDict(dict):
    """A mapping that knows its own line and the line of each key (1-based)."""

    line: int = 0
    lines: dict[str, int]


class LocatedList(list):
    """A sequence that knows its own line and the line of each item (1-based)."""

    line: int = 0
    lines: list[int]


class YamlError(Exception):
    """A YAML syntax error, with the 1-based line where it was found."""

    def __init__(self, message: str, line: int) -> None:
        super().__init__(message)
        self.line = line


def load(text: str) -> Any:
    """Parse one YAML document into LocatedDict/LocatedList/scalars. Anchors, aliases and tags
    are refused (YamlError at their line): rule and config files need none of them, an alias
    bomb expands to more than memory holds, and a tag would make the loader build objects."""
    try:
        _refuse_anchors_and_tags(text)
        node = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
        problem = getattr(err, "problem", None) or str(err)
        raise YamlError(f"invalid YAML: {problem}", mark.line + 1 if mark else 1) from None
    if node is None:
        return None
    return _convert(node, _Loader(""))


def _refuse_anchors_and_tags(text: str) -> None:
    for event in yaml.parse(text, Loader=_Loader):
        line = event.start_mark.line + 1 if event.start_mark else 1
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise YamlError("anchors and aliases (& and *) are not allowed", line)
        tag = getattr(event, "tag", None)  # (None unless the file writes one: !x, !!str)
        if tag:
            raise YamlError(f"tags ({tag}) are not allowed", line)


def _convert(node: yaml.Node, ctor: Any) -> Any:
    if isinstance(node, yaml.MappingNode):
        out = LocatedDict()
        out.line = node.start_mark.line + 1
        out.lines = {}
        for k, v in node.value:
            key = ctor.construct_object(k) if isinstance(k, yaml.ScalarNode) else str(k.value)
            key = str(key)
            if key in out:
                raise YamlError(f"duplicate key {key!r}", k.start_mark.line + 1)
            out[key] = _convert(v, ctor)
            out.lines[key] = k.start_mark.line + 1
        return out
    if isinstance(node, yaml.SequenceNode):
        seq = LocatedList(_convert(v, ctor) for v in node.value)
        seq.line = node.start_mark.line + 1
        seq.lines = [v.start_mark.line + 1 for v in node.value]
        return seq
    return ctor.construct_object(node)
