"""The cache's JSON format: plain tuples in one pass, equal objects written once and loaded as one."""

from __future__ import annotations

import json
from dataclasses import dataclass

import pytest

from lintkit.cache import codec


@dataclass(frozen=True)
class Leaf:
    words: tuple
    name: str


@dataclass(frozen=True)
class Pair:
    left: Leaf
    right: Leaf


def test_round_trip_keeps_types_and_shares_equal_objects():
    value = [Pair(Leaf(("a", (1, 2.5, None, True)), "x"), Leaf(("a", (1, 2.5, None, True)), "x")), {"k": [1]}]
    text = codec.dumps(value, (Leaf, Pair))
    assert text.count('"$obj"') == 2 and '"$ref":0' in text  # the second leaf is a reference
    back = codec.loads(text, (Leaf, Pair))
    assert back == value
    assert back[0].left is back[0].right
    assert type(back[0].left.words[1]) is tuple and type(back[1]["k"]) is list


def test_plain_tuples_are_one_tagged_array():
    text = codec.dumps(((1, ("a", "b")), (2, ())))
    assert json.loads(text) == {"$t": [[1, ["a", "b"]], [2, []]]}
    assert codec.loads(text) == ((1, ("a", "b")), (2, ()))


@pytest.mark.parametrize(
    "text",
    ['{"$ref": 0}', '[{"$ref": -1}]', '{"$t": [{"$list": []}]}', '{"$t": [[{"$ref": 0}]]}', '{"$ref": "0"}'],
)
def test_bad_references_and_objects_inside_plain_tuples_are_rejected(text):
    with pytest.raises(codec.CodecError):
        codec.loads(text, (Leaf,))
