"""Reading a term's start: the variants and keys termscan looks its matches up by."""

from __future__ import annotations

import pytest
import regex

from lintkit.match.regexsource import key, literal, variants


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("cures?", ["cures", "cure"]),  # an optional letter: the word with it and without it
        ("treatments? near me", ["treatments near me", "treatment near me"]),
        ("cures?? now", ["cures now", "cure now"]),  # (lazy: the same texts)
        ("is (?:very )?safe", ["is very safe", "is safe"]),
        ("ab?+c", ["ab?+c"]),  # possessive: left as it is
        (r"\d+s?", [r"\d+s?"]),  # not after a literal start
        ("(?:a|b)?c", ["c", "bc", "ac"]),
    ],
)
def test_variants(term, expected):
    assert variants(term) == expected


def test_an_optional_letter_gives_whole_word_keys():
    assert [key(v) for v in variants("treatments? near me")] == ["treatments ", "treatment "]
    assert [literal(v) for v in variants("cures?")] == ["cures", "cure"]


@pytest.mark.parametrize(
    "term", ["cures?", "treatments? near me", "cures?? now", "stud(?:y|ies) (?:show|prove)s?"]
)
def test_every_match_starts_with_a_variant_literal(term):
    text = "Cure, cures, cure now, cures now. Treatment near me; treatments near me. "
    text += "Study shows, studies prove."
    starts = tuple(literal(v) for v in variants(term))
    found = list(regex.finditer(rf"\b(?:{term})\b", text, regex.I))
    assert found
    for m in found:
        assert m.group().lower().startswith(starts), m.group()
