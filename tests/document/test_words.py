"""The word index against a plain reference: every word start, by every key."""

from __future__ import annotations

import random
from collections import defaultdict

import pytest
import regex
from conftest import SEEDS

from lintkit.document.readers import format_of, parse
from lintkit.document.words import DIGIT, DIGITS, KEY, word_index


def reference(text: str) -> tuple[dict[str, list[int]], list[int], list[int]]:
    """by_key, odd and starts, one word at a time, as wordindex documents them."""
    by_key: dict[str, list[int]] = defaultdict(list)
    odd: list[int] = []
    starts: list[int] = []
    for m in regex.finditer(r"\w+", text, regex.VERSION0):
        w, p = m.group(), m.start()
        starts.append(p)
        if not w.isascii():
            odd.append(p)
            continue
        w = w.lower()
        by_key[w + " "].append(p)
        if len(w) >= KEY:
            by_key[w[:KEY]].append(p)
        if w[0] in DIGITS:
            by_key[DIGIT].append(p)
    return dict(by_key), odd, starts


TEXTS = [
    "The cure, the CURE and then THEM: 100% of 3 clinics in Provo, UT (2019).",
    "It’s “safe” — café, naïve and résumé; Ketamine® 10mg, x_y and __init__.",
    "\u017ftudies with \u017f, \u0130stanbul with \u0130 (lower case moves offsets), the Kelvin sign \u212a.",
    "Only the Kelvin sign: \u212aelvin, \u212a and \u212a-cure (its lower case is ASCII).",
    "ÀÉÎ ΣΊΣΥΦΟΣ straße STRASSE ǅemal ǆ ﬁbromyalgia ½ ² ٣ digits",
    # Characters that `regex` and `re` disagree on (\w in one engine only): the index uses `regex`.
    "m² area, a ½-dose, x²y, café (a combining accent), été, a‿b and ⅷ",
    "It’s “safe” — naïve café, no character the two engines disagree on",
    "",
    "   \n\n  ",
    "word",
]


@pytest.mark.parametrize("text", TEXTS)
def test_word_index_equals_the_reference(text):
    idx = word_index(text)
    assert (idx.by_key, idx.odd, idx.starts) == reference(text)


def test_word_index_of_real_pages_and_random_cuts():
    rng = random.Random(3)
    for path in sorted(SEEDS.iterdir())[:6]:
        fmt = format_of(path.name)
        if fmt is None:
            continue
        text = parse(str(path), path.read_text("utf-8-sig"), fmt).text
        for cut in [text, *(text[rng.randrange(len(text)) :] for _ in range(3))]:
            idx = word_index(cut + " ")  # (a new string: not the cached index)
            assert (idx.by_key, idx.odd, idx.starts) == reference(cut + " ")
