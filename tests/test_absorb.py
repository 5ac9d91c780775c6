"""linter.absorb: a spam finding inside a larger spam finding of another rule is dropped."""

from __future__ import annotations

import random
import time

from lintkit.finding import Finding
from lintkit.linter import absorb


def finding(rule: str, start: int, end: int, category: str = "spam") -> Finding:
    return Finding("doc.md", 1, 1, 1, 1, rule, category, "warning", "m", start=start, end=end)


def brute_force(findings: list[Finding]) -> list[Finding]:
    """The definition, pair by pair."""
    spam = [f for f in findings if f.category == "spam"]
    inner = {
        id(f)
        for f in spam
        for g in spam
        if g.rule != f.rule and g.start <= f.start and f.end <= g.end and g.end - g.start > f.end - f.start
    }
    return [f for f in findings if id(f) not in inner]


def test_a_chrome_line_inside_an_offtopic_block_is_reported_once():
    block = finding("spam.offtopic-block", 100, 400)
    chrome = finding("spam.page-chrome", 150, 170)
    claim = finding("claim.hype", 160, 180, category="claim")
    same_span = finding("spam.keyword-pile", 100, 400)
    assert absorb([block, chrome, claim, same_span]) == [block, claim, same_span]
    same_rule = finding("spam.offtopic-block", 120, 130)
    assert absorb([block, same_rule]) == [block, same_rule]


def test_equals_the_definition_on_random_findings():
    rng = random.Random(5)
    rules = ["spam.a", "spam.b", "spam.c", "claim.d"]
    for _ in range(300):
        findings = []
        for _ in range(rng.randrange(0, 12)):
            a = rng.randrange(0, 30)
            rule = rng.choice(rules)
            category = "claim" if rule == "claim.d" else "spam"
            findings.append(finding(rule, a, a + rng.randrange(0, 12), category))
        assert absorb(findings) == brute_force(findings)


def test_many_findings_take_linear_time():
    """A 10 MB page can have tens of thousands of spam findings: no pair-by-pair comparison."""
    findings = [finding(f"spam.r{i % 7}", i * 10, i * 10 + 5) for i in range(40_000)]
    started = time.monotonic()
    assert len(absorb(findings)) == len(findings)
    assert time.monotonic() - started < 2
