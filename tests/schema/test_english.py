"""lintkit.schema.english answers what simplemma's is_known answers, without loading simplemma."""

from __future__ import annotations

import simplemma
from conftest import REPO

from lintkit.schema import english
from lintkit.schema.vocab import tokens

TRICKY = [
    "the",
    "The",
    "THE",
    "semaglutide",
    "Ozempic",
    "HBOT",
    "Hbot",
    "bpc-157",
    "patient's",
    "patient\u2019s",
    "IV",
    "iv",
    "crucial",
    "ongoing",
    "retreats",
    "caf\u00e9",
    "cafe\u0301",
]


def test_known_matches_simplemma_on_a_page_and_tricky_words():
    text = (REPO / "examples" / "clinic-page.md").read_text(encoding="utf-8")
    words = sorted(set(tokens(text).lows)) + TRICKY
    assert len(words) > 100
    differ = [w for w in words if english.known(w) != simplemma.is_known(w, lang="en")]
    assert differ == []
    assert english.known("") is False  # (simplemma raises ValueError on an empty string)


def test_the_list_is_the_dictionary():
    table = english._table()
    assert len(table) > 100_000
    assert "crucial" in table and "semaglutide" not in table
    first = [table[i] for i in range(1000)]
    assert first == sorted(first)
