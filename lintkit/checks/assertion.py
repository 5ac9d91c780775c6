"""Kind `assertion`: a claim recognised from the parts of its sentence, not from a phrase list.

A sentence is a claim when it has
  who     a subject: a treatment word (`subjects`), one of the page's own topic words (title and
          headings words the page repeats), a reference to them (`anaphora`: it, this, our) before
          the predicate, or an implicit subject (a list item or label: "Sleep – Improves sleep.",
          a sentence opening with the predicate: "Reduces joint pain.");
  what    a predicate: a quality (`qualities`: safe, effective, lasting, no side effects) or a
          benefit verb (`benefits`: reduce, heal, promote) with a health outcome (`outcomes`) in the
          sentence; or an appeal to research (`research` noun + `reports` verb, or `shown`:
          "has been shown", "clinically proven");
  how     assertive: no hedge (`hedges`: may, might, suggests) unless a booster (`boosters`:
          proven, guaranteed) also stands there; an appeal to research is a claim even when hedged;
and it is not
  about   (when `targets` is set) a sentence that names one of the targets: the myth's object
          ("toxins", "immune system"), so one kind serves general myth rules;
  backed  by evidence (`evidence` term list, or a link) in the sentence or the next one;
  other   a question, a negated predicate (`negators` just before it), a risk disclosure
          (`disclosures`, unless a benefit verb acts on the risk: "reduces the risk of"), or a
          sentence that reports, intends or defines (`not_claims`: marketed as, aims to, whether).
Message fields: {parts} (what made it a claim), {sentence} (shortened), {match} (the predicate).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lintkit.checks import wordroles as roles
from lintkit.checks.base import Context, Hit
from lintkit.checks.claim import _occurs
from lintkit.checks.sentencewords import PageWords, SentenceWords, page_words
from lintkit.document import Document
from lintkit.document.units import excerpt
from lintkit.match import Terms
from lintkit.schema.vocab import Words

FIELDS = ("parts", "sentence", "match")
_DEONTIC = frozenset("should must need needs needed warrant warrants warranted merit merits required".split())
SUBJECT_REACH = 14  # words before the predicate where its subject may stand


@dataclass(frozen=True)
class Options:
    subjects: Words
    outcomes: Words
    qualities: Words | None = None
    benefits: Words | None = None
    research: Words | None = None
    reports: Words | None = None
    shown: Words | None = None
    targets: Words | None = None  # a predicate counts only in a sentence that names one of these
    topic_subjects: bool = True  # the page's topic words count as subjects
    anaphora: Words | None = None
    uses: Words | None = None  # using or giving it: "used to treat" states a use, not a benefit
    agents: Words | None = None  # people who act (we, doctors, patients): a subject that is not the treatment
    hedges: Words | None = None
    boosters: Words | None = None
    negators: Words | None = None
    disclosures: Words | None = None
    not_claims: Words | None = None
    stopwords: Words | None = None
    evidence: Terms | None = None
    research_only: bool = False  # report only appeals to research
    links_are_evidence: bool = True


def check(doc: Document, opts: Options, ctx: Context) -> Iterator[Hit]:
    """Yield one Hit per claim sentence (spanning the sentence)."""
    pw = page_words(doc, opts.stopwords, opts.outcomes)
    for i in _candidates(doc, pw, opts):
        s = doc.sentences[i]
        sw = pw.sentence(i)
        if (
            sw is None
            or doc.blocks[s.block].kind == "heading"
            or doc.text[s.start : s.end].rstrip().endswith("?")
        ):
            continue
        found = _judge(doc, sw, opts)
        if found is None or _has_evidence(doc, opts, i):
            continue
        parts, match = found
        yield Hit(
            s.start, s.end, {"parts": parts, "match": match, "sentence": excerpt(doc.text[s.start : s.end])}
        )


def _candidates(doc: Document, pw: PageWords, opts: Options) -> list[int]:
    """The sentences that hold a word a claim needs (a predicate, a research word; with `targets`,
    the myth's object), in order: the others cannot be claims, so they are not judged."""
    lists = [opts.targets] if opts.targets is not None else [opts.qualities, opts.benefits]
    if opts.targets is None:
        lists += [opts.disclosures, opts.shown, opts.research]
    starts = pw.toks.starts
    found = {doc.sentence_index(starts[k]) for w in lists if w is not None for k in pw.places(w)}
    return sorted(i for i in found if i < len(doc.sentences))


def _judge(doc: Document, sw: SentenceWords, opts: Options) -> tuple[str, str] | None:
    """(the parts that make the sentence a claim, the predicate as written), or None."""
    if opts.targets is not None and sw.first(opts.targets) is None:
        return None  # (a myth rule: only sentences that name the myth's object)
    if opts.not_claims is not None and sw.first(opts.not_claims) is not None:
        return None
    research = _research(sw, opts)
    if research is not None:
        return research
    if opts.research_only:
        return None
    found = next(
        ((at, kind, who) for at, kind in _predicates(sw, opts) if (who := _subject(sw, opts, at))), None
    )
    if found is None:
        return None
    at, kind, who = found
    hedged = opts.hedges is not None and sw.first(opts.hedges) is not None
    if hedged and (opts.boosters is None or sw.first(opts.boosters) is None):
        return None
    if opts.disclosures is not None and _discloses(sw, opts):
        return None
    strength = "boosted" if hedged else "stated as fact"
    said = sw.text_of(at, {"quality": opts.qualities, "benefit": opts.benefits}.get(kind, opts.disclosures))
    return f"{who} + {kind} '{said}', {strength}", said


def _research(sw: SentenceWords, opts: Options) -> tuple[str, str] | None:
    """An appeal to research: a research noun near a reporting verb, or a passive 'shown'."""
    at = sw.first(opts.shown)
    if at is None:
        noun = sw.first(opts.research)
        if noun is None:
            return None
        verbs = [
            v for v in sw.all(opts.reports) if noun < v <= noun + 12 and not _agent_between(sw, opts, noun, v)
        ]
        passive = [v for v in sw.all(opts.reports) if v + 2 == noun and sw.page.toks.lows[v + 1] == "by"]
        if not verbs and not passive:
            return None
        at = verbs[0] if verbs else passive[0]
        said = _promises(sw, opts, at) if verbs else _promises(sw, opts, sw.a - 1)
        if sw.negated(opts.negators, noun) or sw.negated(opts.negators, at) or not said:
            return None
        return f"appeal to research '{sw.text_of(noun)} … {sw.text_of(at)}'", sw.text_of(at)
    if sw.negated(opts.negators, at) or not _promises(sw, opts, at, any_outcome=True):
        return None
    return f"appeal to research '{sw.text_of(at, opts.shown)}'", sw.text_of(at, opts.shown)


def _agent_between(sw: SentenceWords, opts: Options, a: int, b: int) -> bool:
    return opts.agents is not None and any(sw.has(opts.agents, k) for k in range(a + 1, b))


def _promises(sw: SentenceWords, opts: Options, at: int, any_outcome: bool = False) -> bool:
    """What research is said to show promises a benefit: a quality, or a benefit verb with a health
    outcome, after the reporting verb (and with `any_outcome`, a health outcome alone); not a risk."""
    after = range(at + 1, sw.b)
    if opts.disclosures is not None and any(sw.has(opts.disclosures, k) for k in after):
        return False
    if any(sw.has(opts.qualities, k) or sw.page.toks.lows[k][:1].isdigit() for k in after):
        return True  # a quality, or a figure ("Research says 17% of teens ...")
    outcome = any(sw.has(opts.outcomes, k) for k in range(at, sw.b))
    return outcome and (any_outcome or any(sw.has(opts.benefits, k) for k in after))


def _predicates(sw: SentenceWords, opts: Options) -> list[tuple[int, str]]:
    """(token index, kind) of the predicates that are not negated, in sentence order."""
    cands = [(q, "quality") for q in sw.all(opts.qualities)]
    if opts.disclosures is not None:  # "no known risks", "without the risk of": a safety claim
        risks = sw.all(opts.disclosures)
        denied = _denied(sw, opts, risks)
        cands += [(d, "safety") for d in risks if d in denied]
    outcome = sw.first(opts.outcomes) is not None or opts.targets is not None  # (targets: checked named)
    cands += [
        (b, "benefit")
        for b in sw.all(opts.benefits)
        if not sw.noun_use(b)
        and not roles.purpose(sw, b, opts.uses)
        and not roles.helps_do_other(sw, b, opts.agents, opts.outcomes, opts.benefits)
        and (outcome or _named_just_before(sw, opts, b) is not None)
    ]
    return [(at, kind) for at, kind in sorted(cands) if kind == "safety" or not sw.negated(opts.negators, at)]


def _named_just_before(sw: SentenceWords, opts: Options, at: int) -> int | None:
    """A treatment or product named as the verb's subject right before it ("Semaglutide reduces
    appetite", "TZP-101 substantially reduced ..."): a benefit verb with such a subject is a claim
    whatever its object. The token index of the name, or None."""
    for k in range(at - 1, max(sw.a, at - 4) - 1, -1):
        if sw.modifier(k):
            continue
        named = _names_treatment(sw, opts, k) or (sw.product_name(k) and not sw.has(opts.outcomes, k))
        return k if named and not sw.after_preposition(k) else None
    return None


def _relative_subject(sw: SentenceWords, opts: Options, at: int) -> int | None:
    """In a relative clause ("supplements available that can support ..."), the treatment the clause
    is about: a treatment word among the three tokens before "that", "which" or "who"."""
    lows = sw.page.toks.lows
    for r in (at - 1, at - 2):
        if r > sw.a and lows[r] in ("that", "which"):
            for k in range(r - 1, max(sw.a, r - 4) - 1, -1):
                if _names_treatment(sw, opts, k):
                    return k
            return None
    return None


def _subject(sw: SentenceWords, opts: Options, at: int) -> str | None:
    """What the claim is about, before the predicate at token `at`, or None."""
    rel = _relative_subject(sw, opts, at)
    if rel is None:
        rel = _named_just_before(sw, opts, at)
    if rel is not None:
        return f"'{sw.text_of(rel)}'"
    for k in range(sw.clause_of(at), at):
        if sw.after_preposition(k):
            continue
        if opts.agents is not None and sw.has(opts.agents, k):
            return None
        if _names_treatment(sw, opts, k) and at - k <= SUBJECT_REACH:
            return f"'{sw.text_of(k)}'"
        if opts.anaphora is not None and sw.has(opts.anaphora, k) and _refers(sw, opts, k, at):
            return f"'{sw.text_of(k)}' (the treatment)"
    if sw.implicit_subject(at):
        return "implicit subject (list item or label)"
    return _cause(sw, opts, at)


def _cause(sw: SentenceWords, opts: Options, at: int) -> str | None:
    """Any other subject of a benefit verb whose object is a health outcome ("Regular exercise
    lowers blood pressure", "Food sensitivities cause bloating"): a causal health claim about
    something other than the treatment. The subject is the clause's first word that is not in a
    prepositional phrase."""
    if opts.benefits is None or not sw.has(opts.benefits, at):
        return None
    agent = (lambda k: sw.has(opts.agents, k)) if opts.agents is not None else (lambda k: False)
    if not any(sw.has(opts.outcomes, k) and not agent(k) for k in range(at + 1, sw.clause_end(at))):
        return None  # (people are no health outcome of something that is not the treatment)
    lows = sw.page.toks.lows
    if at + 1 < sw.b and lows[at + 1] in ("and", "or"):
        return None  # "support and follow-up care": a noun in a list, not the verb
    if (at > sw.a and lows[at - 1] == "to") or any(lows[k] in _DEONTIC for k in range(sw.a, sw.b)):
        return None  # a purpose ("needed to reduce") or a recommendation ("should be"), not a claim
    for k in range(sw.clause_of(at), at):
        if opts.agents is not None and sw.has(opts.agents, k):
            return None
        if roles.determiner_this(sw, k, at):
            continue  # "This neuronal rewiring enables ...": a determiner; its noun is the cause
        if not (sw.after_preposition(k) or sw.modifier(k) or sw.function_word(k)):
            refers = lows[k] in roles.BACK or (opts.anaphora is not None and sw.has(opts.anaphora, k))
            if lows[k].endswith("ing") or refers:
                return None  # a behaviour ("Eating a balanced diet can ..."): advice; a pronoun: see _refers
            return f"'{sw.text_of(roles.head_noun(sw, k, at))}' (a cause)"
    return None


def _names_treatment(sw: SentenceWords, opts: Options, k: int) -> bool:
    return sw.has(opts.subjects, k) or (opts.topic_subjects and sw.is_topic(k))


def _refers(sw: SentenceWords, opts: Options, k: int, at: int) -> bool:
    """A reference ("it", "this") to the treatment: used alone ("This helps", "It is safe"), with a
    treatment named before it in this sentence or the one before. A demonstrative before a noun
    ("these receptors", "this extra glutamate") names its own subject: a treatment word there
    ("this treatment") is found as the subject itself."""
    if roles.determiner_this(sw, k, at):
        return False
    prev = sw.previous()
    lo = prev.a if prev is not None else sw.a
    return any(_names_treatment(sw, opts, j) and not roles.in_phrase(sw, prev, j) for j in range(lo, k))


def _discloses(sw: SentenceWords, opts: Options) -> bool:
    """A risk word that no benefit verb just before it acts on ('reduces the risk of' is a claim) and
    that is not denied ('no known risks from fire or toxicity' is a safety claim)."""
    assert opts.disclosures is not None
    benefits = sw.all(opts.benefits)
    risks = sw.all(opts.disclosures)
    denied = _denied(sw, opts, risks)
    return any(not any(d - 4 <= b < d for b in benefits) and d not in denied for d in risks)


def _denied(sw: SentenceWords, opts: Options, risks: list[int]) -> set[int]:
    """The risk words under a negation: negated themselves, or listed just after one that is."""
    out: set[int] = set()
    for d in risks:
        if sw.negated(opts.negators, d) or any(0 < d - e <= 6 for e in out):
            out.add(d)
    return out


def _has_evidence(doc: Document, opts: Options, i: int) -> bool:
    s = doc.sentences[i]
    b = doc.sentences[i + 1].end if i + 1 < len(doc.sentences) else s.end
    if opts.evidence is not None and _occurs(doc, opts.evidence, s.start, b):
        return True
    return opts.links_are_evidence and doc.has_link(s.start, b)
