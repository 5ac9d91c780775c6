"""Word vocabularies: lemmas matched by lookup over a page's words."""

from __future__ import annotations

import pytest

from lintkit.schema.vocab import VocabError, compile_words, lemma_forms, tokens

FORMS = lemma_forms()


def matches(entries, text):
    toks = tokens(text)
    words = compile_words(entries, {}, FORMS)
    return sorted(" ".join(toks.lows[i : i + n]) for i, n in words.hits(toks).items())


def test_a_lemma_matches_its_inflections():
    assert matches(["reduce", "study"], "It reduces, reduced and is reducing. Studies studied.") == [
        "reduced",
        "reduces",
        "reducing",
        "studied",
        "studies",
    ]


def test_phrases_prefixes_and_exact_words():
    assert matches(["side effect", "regenerat*", "=no"], "Side effects. Regenerative care. No. Nos.") == [
        "no",
        "regenerative",
        "side effects",
    ]


def test_longest_entry_wins_at_a_place():
    toks = tokens("clinically proven results")
    words = compile_words(["clinically", "clinically proven"], {}, FORMS)
    assert words.hits(toks) == {0: 2}


def test_lexicon_includes_and_bad_entries():
    with pytest.raises(VocabError, match="unknown lexicon"):
        compile_words(["@x"], {}, FORMS)
    with pytest.raises(VocabError, match="too short"):
        compile_words(["ab*"], {}, FORMS)
    assert compile_words(["@l"], {"l": ("pain",)}, FORMS).source == ("pain",)


def test_tokens_keep_offsets_and_fold_apostrophes():
    toks = tokens("NAD+ and BPC-157 don’t")
    assert toks.lows == ["nad+", "and", "bpc-157", "don't"]
    assert [(toks.starts[i], toks.ends[i]) for i in range(4)] == [(0, 4), (5, 8), (9, 16), (17, 22)]
