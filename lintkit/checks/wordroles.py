"""What a word does in its sentence, read from its neighbours: the closed-class tests (English
function words, not a vocabulary of claims) that the assertion kind asks of a predicate or a subject.

- a benefit infinitive after a noun or a use is a purpose ("psychotherapy to address", "used for
  decades to treat"), after "helps", "shown", "able" a promise;
- "help" before a verb that is no benefit helps someone do something ("can help identify symptoms");
- "this" or "these" before a noun is a determiner ("this extra glutamate"), before a verb or alone a
  pronoun ("This helps", "This includes ...");
- a treatment named in a prepositional phrase ("During ketamine administration, ...", "between
  ketamine and depression") is not what a later "it" refers to.
"""

from __future__ import annotations

from lintkit.checks.sentencewords import SentenceWords
from lintkit.schema.vocab import Words

DEMONSTRATIVES = frozenset(["this", "these"])
BACK = frozenset(["such", "that", "those"])  # "Such rapid relief ...": what came before, not a cause
HELP = frozenset("help helps helped helping".split())
# Words before "to" that make the infinitive a promise ("helps to reduce", "shown to relieve")
TO_PROMISE = frozenset(
    "help helps helped helping shown proven able designed known found work works worked seem seems "
    "appear appears likely guaranteed continue continues ability power capacity used".split()
)
OFTEN = frozenset("often usually always sometimes typically".split())  # adverbs, not a subject's noun
USE_REACH = 9  # words before "to" where the use ("used", "the use of") may stand
_NOT_VERBS = ("ss", "us", "is")  # words in -s that are no verb ("process", "stimulus", "analysis")


def purpose(sw: SentenceWords, at: int, uses: Words | None) -> bool:
    """The benefit verb at `at` is an infinitive of purpose: after a noun ("psychotherapy to address
    challenges", "the best way to reduce") or after a use ("has been used for decades to treat pain",
    "the use of benzodiazepines to relieve anxiety"): what something is for, not a promise."""
    lows = sw.page.toks.lows
    if at - 1 <= sw.a or lows[at - 1] != "to":
        return False
    if lows[at - 2] not in TO_PROMISE and not sw.modifier(at - 2):
        return True
    return uses is not None and any(sw.has(uses, j) for j in range(max(sw.a, at - USE_REACH), at - 1))


def helps_do_other(
    sw: SentenceWords, at: int, agents: Words | None, outcomes: Words, benefits: Words | None
) -> bool:
    """ "help" before a verb that is no benefit ("can help identify symptoms", "helps inform
    decisions", "can help break the cycle"): it helps someone do something, it does not promise a
    health benefit ("helps relieve pain", "helps the body heal", "helps with anxiety" do)."""
    lows = sw.page.toks.lows
    if lows[at] not in HELP or at + 1 >= sw.b:
        return False
    k = at + 1
    if sw.function_word(k) or sw.modifier(k) or lows[k] in ("to", "you", "your", "them", "people"):
        return False
    if agents is not None and any(sw.has(agents, j) for j in range(k, min(k + 2, sw.b))):
        return False  # "helps patients recover", "help young children with night terrors"
    if sw.has(outcomes, k):
        return False
    return not (benefits is not None and sw.has(benefits, k)) and lows[k].isalpha()


def pronoun(sw: SentenceWords, k: int, at: int) -> bool:
    """The demonstrative at `k` stands for something said before: alone, or right before its verb
    (the predicate at `at`, an auxiliary, or a verb in -s after "this": "This includes")."""
    lows = sw.page.toks.lows
    nxt = lows[k + 1] if k + 1 < len(lows) else ""
    verb = lows[k] == "this" and nxt.endswith("s") and not nxt.endswith(_NOT_VERBS)
    return k + 1 == at or sw.pronoun_alone(k) or verb


def determiner_this(sw: SentenceWords, k: int, at: int) -> bool:
    """ "this" or "these" before a noun ("these receptors", "this extra glutamate"): the noun, not
    something said before, is the subject."""
    return sw.page.toks.lows[k] in DEMONSTRATIVES and not pronoun(sw, k, at)


def head_noun(sw: SentenceWords, k: int, at: int) -> int:
    """The last word of a subject that runs from `k` to the predicate at `at` ("Regular exercise
    often lowers ..." -> exercise): auxiliaries and adverbs skipped."""
    lows = sw.page.toks.lows
    return next((j for j in range(at - 1, k - 1, -1) if not (sw.modifier(j) or lows[j] in OFTEN)), k)


def in_phrase(sw: SentenceWords, prev: SentenceWords | None, j: int) -> bool:
    """Token `j` (in this sentence or `prev`) is in a prepositional phrase."""
    where = sw if j >= sw.a or prev is None else prev
    return where.after_preposition(j)
