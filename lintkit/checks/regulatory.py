"""Kind `regulatory`: regulatory statements and use claims compared with a status table.

A sentence is read for
  statements  an approval (`approval` words near an `agency` word, or one word: "FDA-approved"),
              a registration or listing (`registration`: "FDA-registered pharmacy"), an endorsement
              (`endorsement`: "recommended by the FDA", "FDA-certified"), or a denial of regulation
              (`unregulated`: "not regulated by the FDA");
  use claims  a use phrase (`use_claims`: "used to treat", "useful for", "recommended for") or, for
              a test, a finding verb (`test_claims`: detects, identifies) with a condition
              (`conditions`) in the sentence;
  product     the table row named nearest the statement in the sentence, else the page's main
              product (the row named most often on the page, MAIN_MIN times or more);
and compared with the row (regtable.StatusTable): an approval claimed for a product that is not
approved, cleared or authorized, or for a use the row does not cover; "approved" said of a cleared
device; a registration presented as a credential; an agency said to recommend or certify a product;
"not regulated" said of a regulated product; a denial of approval for a covered use; a use claim for a
use the status does not cover. Sentences that report what others say (`reports`), questions, and
hedged use claims are left alone; a negated statement is flagged only when it contradicts the row.
Message fields: {problem}, {truth} (the row's note), {product}, {source}, {checked}, {sentence}.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lintkit.checks.base import Context, Hit
from lintkit.checks.sentencewords import PageWords, SentenceWords
from lintkit.document import Document
from lintkit.document.units import excerpt
from lintkit.schema.regtable import MARKETED, Row, StatusTable
from lintkit.schema.vocab import Words, tokens

FIELDS = ("problem", "truth", "product", "source", "checked", "sentence")
AGENCY_REACH = 6  # tokens between an agency word and an approval word
MAIN_MIN = 3  # times a row must be named on a page to be its main product
NEGATION_REACH = (
    8  # tokens before an approval word where a negator denies it ("does not go through FDA approval")
)


@dataclass(frozen=True)
class Options:
    table: StatusTable
    agency: Words
    approval: Words
    registration: Words
    endorsement: Words
    unregulated: Words
    negators: Words
    conditions: Words
    use_claims: Words | None = None
    test_claims: Words | None = None
    test_nouns: Words | None = None
    reports: Words | None = None
    hedges: Words | None = None


def check(doc: Document, opts: Options, ctx: Context) -> Iterator[Hit]:
    pw = _page(doc)
    main = _main_row(pw, opts.table)
    for i, s in enumerate(doc.sentences):
        sw = pw.sentence(i)
        if sw is None or doc.text[s.start : s.end].rstrip().endswith("?"):
            continue
        if opts.reports is not None and sw.first(opts.reports) is not None:
            continue
        found = _judge(sw, opts, main)
        if found is not None:
            problem, row = found
            yield Hit(
                s.start,
                s.end,
                {
                    "problem": problem,
                    "truth": row.note,
                    "product": row.product,
                    "source": row.source,
                    "checked": row.checked,
                    "sentence": excerpt(doc.text[s.start : s.end]),
                },
            )


def _page(doc: Document) -> PageWords:
    """The page's words: the sentence model's tokens when already made, with this kind's own matches."""
    got = doc.memo.get("regulatory-words")
    if isinstance(got, PageWords):
        return got
    shared = doc.memo.get("page-words")
    toks = shared.toks if isinstance(shared, PageWords) else tokens(doc.text)
    pw = doc.memo["regulatory-words"] = PageWords(doc, toks, frozenset(), {})
    return pw


def _main_row(pw: PageWords, table: StatusTable) -> Row | None:
    counts = [(len(pw.hits(r.names)), -n, r) for n, r in enumerate(table.rows) if r.status != "registered"]
    best = max(counts, key=lambda c: (c[0], c[1]), default=None)
    return best[2] if best is not None and best[0] >= MAIN_MIN else None


def _judge(sw: SentenceWords, opts: Options, main: Row | None) -> tuple[str, Row] | None:
    reg = sw.first(opts.registration)
    if reg is not None and not _any_negator(sw, opts):
        row = opts.table.first("registered")
        if row is not None:
            return (
                f"presents FDA registration or listing ('{sw.text_of(reg, opts.registration)}') "
                "as a credential",
                row,
            )
    end = sw.first(opts.endorsement)
    if end is not None and not sw.negated(opts.negators, end):
        row = _product(sw, opts, end) or main or opts.table.first("registered")
        if row is not None:
            said = sw.text_of(end, opts.endorsement)
            return f"says an agency recommends, endorses or certifies a product ('{said}'); FDA does not", row
    un = sw.first(opts.unregulated)
    if un is not None:
        row = _product(sw, opts, un)
        if row is not None and row.status != "registered":
            return f"says {row.product} is not regulated ('{sw.text_of(un, opts.unregulated)}')", row
    app = _approval(sw, opts)
    if app is not None:
        return _approval_problem(sw, opts, app, _product(sw, opts, app) or main)
    return _use_problem(sw, opts, main)


def _approval(sw: SentenceWords, opts: Options) -> int | None:
    agencies = sw.all(opts.agency)
    for at in sw.all(opts.approval):
        if sw.page.toks.lows[at].startswith("fda") or any(abs(at - g) <= AGENCY_REACH for g in agencies):
            return at
    return None


def _approval_problem(sw: SentenceWords, opts: Options, at: int, row: Row | None) -> tuple[str, Row] | None:
    if row is None or row.status == "registered":
        return None
    said = sw.text_of(at, opts.approval)
    negated = any(sw.has(opts.negators, k) for k in range(max(sw.a, at - NEGATION_REACH), at + 1))
    covered, named = _uses(sw, opts, row)
    if negated:
        if row.status in MARKETED and covered:
            return f"denies that {row.product} is approved for a use its status covers ('{said}')", row
        return None
    if row.status not in MARKETED:
        return f"says {row.product} is FDA-approved or cleared ('{said}'), but it is {row.status}", row
    if row.status == "cleared" and "approv" in said.lower():
        return (
            f"says {row.product} is FDA-approved ('{said}'); it is a cleared device, not an approved drug",
            row,
        )
    if named and not covered and row.uses is not None:
        return (
            f"says {row.product} is approved for a use outside its status ('{said}'; it covers {row.covers})",
            row,
        )
    return None


def _use_problem(sw: SentenceWords, opts: Options, main: Row | None) -> tuple[str, Row] | None:
    if sw.first(opts.use_claims) is None and sw.first(opts.test_claims) is None:
        return None  # no use or finding verb: nothing to compare (and no row lookups)
    named_rows = [r for r in opts.table.rows if r.status != "registered" and sw.first(r.names) is not None]
    tested = next((r for r in named_rows if r.test), main if main is not None and main.test else None)
    verbs = opts.test_claims if tested is not None else None
    at = sw.first(opts.use_claims)
    if at is None and verbs is not None and tested is not None:
        at = sw.first(verbs)
        if at is None or not any(k < at for k in sw.all(opts.test_nouns) + sw.all(tested.names)):
            return None  # a test's finding verb counts when the test is named before it
    if (
        at is None
        or sw.negated(opts.negators, at)
        or (opts.hedges is not None and sw.first(opts.hedges) is not None)
    ):
        return None
    if any(_uses(sw, opts, r)[0] for r in named_rows):
        return None  # some product named here covers the use
    row = _product(sw, opts, at) or main
    if row is None:
        return None
    covered, named = _uses(sw, opts, row)
    if covered or not (named or row.test):
        return None
    said = sw.text_of(at, opts.use_claims if sw.has(opts.use_claims, at) else verbs)
    if row.status in MARKETED:
        return (
            f"presents {row.product} as a treatment for a use its status does not cover "
            f"('{said}'; it covers {row.covers})",
            row,
        )
    return f"presents {row.product}, which is {row.status}, as a treatment or test ('{said}')", row


def _uses(sw: SentenceWords, opts: Options, row: Row) -> tuple[bool, bool]:
    """(a use the row covers is named in the sentence, a condition is named in it)."""
    covered = row.uses is not None and sw.first(row.uses) is not None
    return covered, covered or sw.first(opts.conditions) is not None


def _product(sw: SentenceWords, opts: Options, at: int) -> Row | None:
    """The row named nearest token `at` in the sentence (of two names that overlap, the longer:
    "compounded semaglutide" before "semaglutide")."""
    best: tuple[int, int, int, Row] | None = None
    for n, row in enumerate(opts.table.rows):
        if row.status == "registered":
            continue
        hits = sw.page.hits(row.names)
        for k in sw.all(row.names):
            last = k + hits[k] - 1
            cand = (at - last if last < at else abs(k - at), -hits[k], n, row)
            if best is None or cand[:3] < best[:3]:
                best = cand
    return best[3] if best is not None else None


def _any_negator(sw: SentenceWords, opts: Options) -> bool:
    return sw.first(opts.negators) is not None
