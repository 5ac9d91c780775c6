"""OffsetMap behaves as the list of source indices it stands for."""

from __future__ import annotations

import random

import pytest

from lintkit.document.offsetmap import OffsetMap


def test_equals_a_plain_list_under_random_edits():
    rng = random.Random(3)
    for _ in range(200):
        om, plain = OffsetMap(), []
        at = 0
        for _ in range(rng.randrange(1, 15)):
            step = rng.random()
            if step < 0.4:  # a stretch of the source, often right after the last one
                at += rng.choice([0, 0, 1, 5])
                n = rng.randrange(0, 6)
                om.extend(range(at, at + n))
                plain.extend(range(at, at + n))
                at += n
            elif step < 0.8:  # scattered characters (joined lines, an entity, one space)
                chunk = [rng.randrange(0, 50) for _ in range(rng.randrange(0, 4))]
                om.extend(chunk)
                plain.extend(chunk)
            elif plain:
                assert om.pop() == plain.pop()
            assert len(om) == len(plain)
        assert list(om) == plain
        assert [om[i] for i in range(len(plain))] == plain
        assert om[1:4] == plain[1:4] and om[::2] == plain[::2]
        if plain:
            assert om[-1] == plain[-1]


def test_contiguous_stretches_are_one_piece():
    om = OffsetMap()
    om.extend(range(0, 5))
    om.extend([5])
    om.extend(range(6, 9))
    assert list(om) == list(range(9)) and len(om._pieces) == 1


def test_out_of_range():
    om = OffsetMap()
    with pytest.raises(IndexError):
        om.pop()
    om.extend(range(3))
    with pytest.raises(IndexError):
        om[3]
