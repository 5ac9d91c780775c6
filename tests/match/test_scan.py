"""The fast path finds exactly what a straightforward run finds.

Fast: `lintkit check` with the rules cache (second run), worker processes (--jobs 2), term lists
scanned by their plans (lintkit.match.index) and syllables from the cached CMUdict table.
Reference: rules compiled afresh, one process, in-process lint, every term list scanned with its
one alternation pattern, syllables counted by textstat itself. Inputs: the shared seed pages and
the tests' corpus fixtures.
"""

from __future__ import annotations

import json
import random
import time
from pathlib import Path

import pytest
import regex
from conftest import REPO, SEEDS

from lintkit import config as configmod
from lintkit import match as terms
from lintkit import readability
from lintkit.app.check import select_rules
from lintkit.app.parallel import lint_source
from lintkit.cli import build_parser, main
from lintkit.document import words as wordindex
from lintkit.document.readers import format_of, parse
from lintkit.document.words import cuts_word, word_index
from lintkit.match import index as termscan
from lintkit.match import plan as termneeds  # (needs: what a term's matches contain)
from lintkit.match import plan as termplan
from lintkit.match.index import search
from lintkit.rules import default_rules_dir, load_rules

FIXTURES = REPO / "tests" / "corpus"
FILES = sorted(SEEDS.glob("*.txt")) + sorted(p for p in FIXTURES.iterdir() if format_of(p.name))


def all_terms(rules) -> list[terms.Terms]:
    import dataclasses

    out: dict[tuple[str, ...], terms.Terms] = {}
    for r in rules:
        for f in dataclasses.fields(r.options):
            v = getattr(r.options, f.name)
            for x in v if isinstance(v, tuple) else (v,):
                if isinstance(x, terms.Terms):
                    out.setdefault(x.source, x)
    return list(out.values())


@pytest.fixture(scope="module")
def default_rules():
    return load_rules([default_rules_dir()])


def reference_findings(files: list[Path], monkeypatch: pytest.MonkeyPatch) -> list[dict]:
    """Findings of a plain run: fresh rules, one process, no termscan, textstat's syllables."""
    textstat = pytest.importorskip("textstat")
    monkeypatch.setattr(terms, "SMALL_SPAN", 1 << 62)  # always the one alternation, no scan plan
    monkeypatch.setattr(
        readability, "syllables", lambda w: 1 if w[0].isdigit() else max(1, textstat.syllable_count(w))
    )
    readability._word_syllables.cache_clear()
    try:
        args = build_parser().parse_args(["check"])
        rules = select_rules(load_rules([default_rules_dir()]), configmod.Config(), args)
        out = []
        for path in files:
            findings, _ = lint_source(str(path), format_of(path.name) or "text", rules, None)
            out.extend(f.to_json() for f in findings)
        return out
    finally:
        readability._word_syllables.cache_clear()


@pytest.mark.skipif(not FILES, reason="no seed pages or fixtures")
def test_fast_path_equals_reference(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("LINTKIT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("LINTKIT_NO_CACHE", raising=False)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.chdir(tmp_path)
    argv = ["check", "--format", "json", "--color", "never", "--jobs", "2", *map(str, FILES)]
    main(argv)  # fills the rules cache
    capsys.readouterr()
    assert list((tmp_path / "cache").glob("rules-*.json"))
    main(argv)
    fast = json.loads(capsys.readouterr().out)["findings"]
    expected = reference_findings(FILES, monkeypatch)
    assert len(fast) == len(expected) and fast == expected


@pytest.mark.skipif(len(FILES) < 4, reason="needs a few files")
def test_jobs_output_identical_and_in_order(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("LINTKIT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.chdir(tmp_path)
    outs = []
    for jobs in ("1", "2", "3"):
        code = main(["check", "--color", "never", "--jobs", jobs, *map(str, FILES)])
        outs.append((code, capsys.readouterr().out))
    assert outs[0] == outs[1] == outs[2]
    paths = [line.split(":")[0] for line in outs[0][1].splitlines() if line.startswith("/")]
    assert paths == sorted(paths, key=lambda p: [str(f) for f in FILES].index(p))


def test_termscan_spans_equal_the_alternation(default_rules):
    """Every default term list, on real texts, whole and in random windows (cutting words)."""
    rng = random.Random(7)
    texts = []
    for path in FILES[:12]:
        source = path.read_text(encoding="utf-8-sig")
        texts.append(parse(str(path), source, format_of(path.name) or "text").text)
    texts.append(
        "ſtudies show KETAMINE cures ﬁbromyalgia. İt is 100% safe?! Spravato® (esketamine) can't fail; "
        "Dr. Smith (2019) et al. — “a miracle”. Our clinic in Provo, UT offers IV drips near me. " * 8
    )
    listed = all_terms(default_rules)
    assert sum(1 for t in listed if t.plan is not None) > len(listed) // 2  # the fast path is used
    for t in listed:  # index._keyed takes a plan's keys in their order: least specific first
        levels = [termplan.level(k) for k in t.plan.by_key] if t.plan is not None else []
        assert levels == sorted(levels), t.source[:3]
    for text in texts:
        for t in listed:
            starts = t.starts(text)
            if starts is not None:  # every match starts at one of them
                assert {m.start() for m in t.pattern.finditer(text)} <= set(starts), t.source[:3]
        windows = [(0, len(text))]
        windows += [tuple(sorted(rng.sample(range(len(text) + 1), 2))) for _ in range(2)]
        for _ in range(4):  # short spans (under terms.SMALL_SPAN), such as sentences
            a = rng.randrange(len(text))
            windows.append((a, min(len(text), a + rng.randrange(1, terms.SMALL_SPAN))))
        for t in listed:
            for a, b in windows:
                plain = [m.span() for m in t.pattern.finditer(text, a, b)]
                assert [m.span() for m in t.finditer(text, a, b)] == plain, (t.source[:3], a, b)
                first = t.pattern.search(text, a, b)
                got = t.search(text, a, b)
                assert (got and got.span()) == (first and first.span())
                assert t.occurs(text, a, b) is (first is not None)
                places = t.starts(text)
                if places is not None and not cuts_word(text, a) and not cuts_word(text, b):
                    # a span that cuts no word: each match in it starts at one of the places too
                    assert {s for s, _ in plain} <= set(places), (t.source[:3], a, b)


def test_word_boundary_equals_the_generic_one(default_rules):
    """Lists whose terms all start with a word character compile with `\\b` in front; the matches
    are those of the generic boundary, on real texts, whole and in random windows."""
    rng = random.Random(11)
    texts = [parse(str(p), p.read_text("utf-8-sig"), format_of(p.name) or "text").text for p in FILES[:8]]
    texts.append("ſtudies show 5x better results; İt is 1,000% safe (Smith 2019) — K-cure, x_y. " * 4)
    faster = [t for t in all_terms(default_rules) if not t.pattern.pattern.startswith(terms.START)]
    assert len(faster) > 100
    for t in faster:
        ordered = sorted(set(t.source), key=lambda x: (-len(x), x))
        body = "|".join(f"(?:{x})" for x in ordered)
        generic = regex.compile(rf"{terms.START}(?:{body}){terms.END}", terms.FLAGS)
        for text in texts:
            cuts = [tuple(sorted(rng.sample(range(len(text) + 1), 2))) for _ in range(2)]
            windows = [(0, len(text)), *cuts]
            for a, b in windows:
                got = [m.span() for m in t.pattern.finditer(text, a, b)]
                assert got == [m.span() for m in generic.finditer(text, a, b)], (t.source[:3], a, b)


@pytest.mark.parametrize(
    "items",
    [
        ["(?:the )?(?:safest|most effective|best) (?:treatment|option)", "best"],
        ["(?-i:FDA)[- ]approved", "approved by the (?-i:FDA)"],
        ["(?<!\\bat )(?<!outweighs? (?:the |its )?)risks?", "dangers?"],
        ["\\w+n['’]t (?:just|only)", "\\d[\\d,.]*\\s?%", "[A-Z][a-z]+ clinic"],
        ["x+", "cure"],  # (a term matching the empty string is refused at load: see test_hostile)
        ["cure|heal", "is", "e\\.g\\."],
        ["(\\w+) \\1", "miracle"],
        ["\\(?800\\)?[-. ]?273", "(?:1[-. ]?)?\\(?800"],
        ["is safe", "is (?:\\w+ ){0,2}safe", "not (?:just|only)", "studies (?:have )?show", "is"],
        ["\\d+ (?:out of|in) \\d+", "[0-9]+%", "it['’]s safe", "at[- ]home", "so[- ]called"],
        ["(?:(?:facebook|twitter)(?:-blank)?[\\s,|/]+){2,}twitter", "(?:ab|cd){0,2}e", "(?:a|b)*c", "safe"],
        ["x[\\s,|/]+y", "so +called", "x\\s+y", "xy"],
    ],
)
def test_termscan_on_hand_written_lists(items):
    t = terms.compile_terms(items, {})
    text = (
        "The safest treatment is best. FDA-approved, approved by the fda? Not at risks; outweighs the risk, "
        "dangers. Isn't just 50 % and 1,000% here. Provo clinic or Denver clinic. xx cure heal is e.g. "
        "isolated miracle miracle (800) 273-8255 and 1-800-273 ſafest K "
        "it is safe, it's safe and it’s safe at-home at home; is really very safe. not just, not only. "
        "Studies have show studies show 3 out of 10 and 45% facebook twitter facebook-blank, twitter "
        "cdcde abe bac c is ſafe is Safe is  safe is\nsafe so-called 7 in 9 x , y x\ty xy so   called "
    ) * 3
    rng = random.Random(len(items))
    for a, b in [(0, len(text))] + [tuple(sorted(rng.sample(range(len(text) + 1), 2))) for _ in range(20)]:
        assert [m.span() for m in termscan_or_plain(t, text, a, b)] == [
            m.span() for m in t.pattern.finditer(text, a, b)
        ], (items, a, b)
        if t.plan is not None:
            found = termscan.occurs(t.plan, text, a, b, 5.0)
            assert found is (t.pattern.search(text, a, b) is not None), (items, a, b)
    if t.plan is not None:  # short spans ending at every place, inside words and between them
        for b in range(1, 400):
            for a in (max(0, b - 9), max(0, b - 60)):
                found = termscan.occurs(t.plan, text, a, b, 5.0)
                assert found is (t.pattern.search(text, a, b) is not None), (items, a, b)


def termscan_or_plain(t: terms.Terms, text: str, a: int, b: int):
    """The termscan path even for short spans (plain when the list has no plan)."""
    if t.plan is None:
        return t.pattern.finditer(text, a, b)
    return termscan.finditer(t.pattern, t.plan, text, a, b, 5.0)


def test_needed_literals_are_in_every_match(default_rules):
    """A term without a key is not searched for in a text without one of its needed literals:
    every match of every default term contains one of them."""
    texts = [parse(str(p), p.read_text("utf-8-sig"), format_of(p.name) or "text").text for p in FILES]
    texts.append("Ketamine isn't habit-forming and isn't really ADDICTIVE. References:\nSources\n" * 3)
    texts.append("© 2024 Bright Clinic. Copyright © 2023 Clinic, LLC. (c) 2022 All rights reserved.\n")
    checked = 0
    for t in all_terms(default_rules):
        for term in t.source:
            need = termneeds.needs(term)
            if not need:
                continue
            pattern = regex.compile(rf"{terms.START}(?:{term}){terms.END}", terms.FLAGS)
            for text in texts:
                for m in pattern.finditer(text):
                    checked += 1
                    assert any(x in m.group().lower() for x in need), (term, m.group())
    assert checked > 50


def test_a_rare_character_is_a_better_need_than_a_short_literal():
    """`©` is rarer than "19": a copyright line's term is not searched for in a page with no
    ©, "copyright" or "(c)", though every page has years."""
    term = r"(?:©|copyright ©?|\(c\))\s?(?:19|20)\d\d"
    assert termneeds.needs(term) == ("(c)", "copyright ", "©")
    assert termneeds.needs(r"(?:a|b)x(?:19|20)") == ("19", "20")  # (no rare character: the longer)


def test_the_characters_that_fold_to_ascii_are_all_known():
    letter = regex.compile(r"[a-z0-9_]", terms.FLAGS)
    found = {chr(c) for c in range(128, 0x110000) if letter.match(chr(c))}
    assert found == set(wordindex.FOLDS_TO_ASCII)


@pytest.mark.parametrize(
    "text",
    [
        "Intro line\nSources:\nA cure here and there, and more words to fill the span.",
        "Intro line\nſources:\nA cure here and there, and more words to fill the span.",  # ſ matches s
        "Intro line\nNo list here.\nA cure here and there, and more words to fill the span.",
        "It isn't really addictive, they say; a cure, they say, and more words to fill it.",
    ],
)
def test_scans_are_skipped_only_where_they_cannot_match(text):
    t = terms.compile_terms(
        [r"^\s*(?:references|sources)\s*:?\s*$", r"\w+n't (?:\w+ ){0,2}addictive", "cure"], {}
    )
    assert t.plan is not None and len(t.plan.scans) == 2 and all(t.plan.scan_needs)
    text = text * 8  # long enough for the scan plan
    assert [m.span() for m in t.finditer(text)] == [m.span() for m in t.pattern.finditer(text)]
    assert t.occurs(text) is (t.pattern.search(text) is not None)


def test_rare_needed_characters_match_only_themselves(default_rules):
    """A needed literal that is not ASCII (© ★ ¹) is looked for as is: no other character may
    match it case-insensitively."""
    rare = set()
    for t in all_terms(default_rules):
        for term in t.source:
            rare |= {c for x in termneeds.needs(term) or () for c in x if not c.isascii()}
    assert {"©", "★", "¹"} <= rare
    for c in rare:
        one = regex.compile(regex.escape(c), terms.FLAGS)
        assert [chr(x) for x in range(0x110000) if one.fullmatch(chr(x))] == [c]


def test_a_bounded_list_is_searched_without_timeout_and_an_unbounded_one_with_it():
    seen = []

    def spy_of(t):
        class Spy:
            pattern = t.pattern.pattern

            def search(self, text, pos, end, concurrent=None, partial=False, timeout=None):
                seen.append(timeout)
                return t.pattern.search(text, pos, end, concurrent, partial, timeout)

        return terms.Terms(t.source, Spy(), None, t.bounded, t.tame)  # type: ignore[arg-type]

    bounded = terms.compile_terms(["cure", "is (?:very )?safe"], {})
    wild = terms.compile_terms([r"(a|aa)+$"], {})
    assert bounded.bounded and not wild.bounded and not wild.tame
    spy_of(bounded).occurs("it is safe " * 10)
    spy_of(wild).occurs("it is safe " * 10)
    assert seen[0] is None and seen[1] is not None


def test_the_runaway_term_still_times_out(monkeypatch):
    monkeypatch.setattr(terms, "TIMEOUT", 0.3)
    t = terms.compile_terms(["(a|aa)+$"], {})
    assert not t.bounded
    started = time.monotonic()
    with pytest.raises(terms.PatternTimeout):
        t.occurs("a" * 60 + "b")
    assert time.monotonic() - started < 10


@pytest.mark.parametrize(
    "listed",
    [
        ["cure (a|aa)+$"],  # keyed ("cure "): tried at word starts (index.try_at)
        ["cure", "x(a|aa)+$"],  # the second has no key: searched for as written (index.finditer's heap)
    ],
)
def test_a_runaway_term_times_out_in_a_long_text_too(monkeypatch, listed):
    """index passes the timeout to `regex` by position: it must still be the timeout."""
    monkeypatch.setattr(terms, "TIMEOUT", 0.3)
    t = terms.compile_terms(listed, {})
    assert t.plan is not None and not t.bounded
    text = "Some words here. " * 30 + "cure " + "a" * 60 + "b. x" + "a" * 60 + "b."
    assert len(text) >= terms.SMALL_SPAN
    started = time.monotonic()
    with pytest.raises(terms.PatternTimeout):
        list(t.finditer(text))
    assert time.monotonic() - started < 10


CAPITAL = r"(?-i:[A-Z][a-z]+) (?:clinic|therapy)"  # no key: it starts with any capital letter
PUNCT = r"[(:]\s?(?:or|i\.e\.)"  # starts with a non-word character: the generic boundary


def plan_of(term: str):
    t = terms.compile_terms(["cure", term], {})  # (one keyed term, so that there is a plan)
    assert t.plan is not None and len(t.plan.scans) == 1
    return t.plan


def with_boundary(term: str) -> regex.Pattern:
    start = r"\b" if term == CAPITAL else terms.START
    return regex.compile(rf"{start}(?:{term}){terms.END}", terms.FLAGS)


@pytest.mark.parametrize("term", [CAPITAL, PUNCT])
@pytest.mark.parametrize(
    "text",
    [
        "McDenver clinic, then Denver clinic.",  # a match inside a word first ("Denver" in McDenver)
        "aDenver therapy and Boulder therapy (or not) x(or y): i.e. here",
        "No match at all in this one.",
        "Denver clinic",  # at the very start
    ],
)
def test_search_equals_the_pattern_with_its_boundary(term, text):
    sp, full = plan_of(term), with_boundary(term)
    idx = word_index(text)
    for pos in range(len(text) + 1):  # every start, including inside a word
        for end in (len(text), max(pos, len(text) - 3)):
            got = search(sp, idx, 0, pos, end, 5.0)
            want = full.search(text, pos, end)
            assert (got and got.span()) == (want and want.span()), (pos, end)


@pytest.mark.parametrize("runaway", [r"(?:a|aa)+$", r"(?-i:[A-Z])(?:a|aa)+$"])  # (exponential on "aaa…b")
def test_a_runaway_scanned_term_still_times_out(runaway):
    sp = plan_of(runaway)
    text = "x Aaa" + "a" * 60 + "b"
    started = time.monotonic()
    with pytest.raises(TimeoutError):
        search(sp, word_index(text), 0, 0, len(text), 0.3)
    assert time.monotonic() - started < 10


def test_a_table_made_for_another_plan_under_the_same_id_is_not_used():
    """The word index of an equal text is shared (an lru_cache on the text); a candidate table made
    for a plan that is gone must not serve a new plan that got its id (two runs in one process gave
    different findings)."""
    a = terms.compile_terms(["cure", "safe and effective"], {})
    b = terms.compile_terms(["clinical trials", "proven"], {})
    text = "This cure is safe and effective; clinical trials have proven it. " * 20
    idx = word_index(text)
    want = termscan.table(b.plan, idx)
    stale = termscan.table(a.plan, idx)
    assert stale != want
    idx.tables[id(b.plan)] = (a.plan, stale)  # what a freed plan with b's id left behind
    idx.live[id(b.plan)] = (a.plan, [0])
    assert termscan.table(b.plan, idx) == want
    assert termscan.live(b.plan, idx) == []
