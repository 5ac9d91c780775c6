"""Run rules over a Document: findings with exact source positions, suppression, stable order."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

from lintkit.checks import KINDS
from lintkit.checks.base import Context, Hit
from lintkit.document import Document
from lintkit.finding import Finding
from lintkit.match import PatternTimeout
from lintkit.rules import Rule
from lintkit.rules.builtin import UNUSED_ID

_DIRECTIVE = re.compile(r"<!--\s*lintkit:\s*(disable-next-line|disable|enable)\b(.*?)-->", re.S)


class RuleRuntimeError(Exception):
    """A rule failed while running (e.g. its pattern exceeded the time limit)."""


class UnknownIdError(RuleRuntimeError):
    """A suppression comment names a rule id or prefix that no loaded rule has."""


def unknown_id(name: str, known: Iterable[str], allow_all: bool = True) -> str | None:
    """None when `name` is a loaded rule id, a prefix of one (whole dotted segments) or ALL; else a
    message naming it and the closest known ids and prefixes (a typo would turn a check off)."""
    names = {".".join(parts[:n]) for parts in (k.split(".") for k in known) for n in range(1, len(parts) + 1)}
    if name in names or (allow_all and name == "ALL"):
        return None
    close = difflib.get_close_matches(name.rstrip("."), sorted(names), n=3)
    hint = f"did you mean {', '.join(close)}?" if close else "`lintkit rules` lists the rule ids"
    return f"unknown rule id or prefix '{name}'; {hint}"


def make_finding(doc: Document, rule: Rule, hit: Hit) -> Finding:
    """Turn a Hit (text offsets) into a Finding (source positions, formatted message)."""
    line, col, end_line, end_col = doc.position(hit.start, hit.end)
    fields = {k: v for k, v in hit.fields.items()}
    message = rule.message.format_map(fields)
    return Finding(
        doc.path,
        line,
        col,
        end_line,
        end_col,
        rule.id,
        rule.category,
        rule.severity,
        message,
        hit.suggestion,
        hit.start,
        hit.end,
        doc.text[hit.start : hit.end],
        hit.document_level,
    )


def lint(doc: Document, rules: list[Rule], context: Context | None = None) -> list[Finding]:
    """All findings of `rules` on `doc`, suppression applied, sorted by position then rule."""
    ctx = context or Context()
    out: list[Finding] = []
    unused_rule = None
    for rule in rules:
        if rule.id == UNUSED_ID:  # not a check of the text: found by `suppress`
            unused_rule = rule
            continue
        try:
            hits = list(KINDS[rule.kind].check(doc, rule.options, ctx))
        except PatternTimeout:
            raise RuleRuntimeError(
                f"{rule.path}:{rule.line}: rule {rule.id}: a pattern ran longer than the time limit on "
                f"{doc.path}; simplify it (nested quantifiers such as (a+)+ backtrack without end)"
            ) from None
        out.extend(make_finding(doc, rule, h) for h in hits)
    doc.memo.clear()  # what the checks cached for this document
    ran = {r.id for r in rules if r is not unused_rule}
    out = absorb(suppress(doc, out, ctx.known_ids, unused_rule, ran))
    return sorted(out, key=lambda f: (f.path, f.line, f.column, f.rule, f.end_line, f.end_column))


def absorb(findings: list[Finding]) -> list[Finding]:
    """Drop a spam finding that lies inside a larger spam finding of another rule (a chrome line
    inside an off-topic block is one problem, reported once, by the block)."""
    spam = sorted((f for f in findings if f.category == "spam"), key=lambda f: (f.start, -f.end))
    if len(spam) < 2:
        return findings
    # One sweep by start (longest first): of the findings that start earlier (or as early and end
    # later), keep the furthest end and the furthest end of any other rule; a finding lies inside a
    # larger one of another rule when the right one of them reaches its end.
    inner: set[int] = set()
    end1, rule1, end2 = -1, "", -1
    i = 0
    while i < len(spam):
        j = i
        while j < len(spam) and (spam[j].start, spam[j].end) == (spam[i].start, spam[i].end):
            j += 1
        for f in spam[i:j]:  # one span: its findings do not hold each other
            if (end1 if f.rule != rule1 else end2) >= f.end:
                inner.add(id(f))
        for f in spam[i:j]:
            if f.rule == rule1:
                end1 = max(end1, f.end)
            elif f.end > end1:
                end1, rule1, end2 = f.end, f.rule, end1
            else:
                end2 = max(end2, f.end)
        i = j
    return [f for f in findings if id(f) not in inner] if inner else findings


def _ids(body: str) -> tuple[list[str], str]:
    ids, _, reason = body.partition("--")
    return [i for i in re.split(r"[\s,]+", ids.strip()) if i], reason.strip()


def _covers(ids: list[str], rule: str) -> bool:
    """Does a directive naming `ids` (none: every rule) cover `rule`?"""
    return not ids or any(rule == i or rule.startswith(i + ".") for i in ids)


def suppress(
    doc: Document,
    findings: list[Finding],
    known: frozenset[str] = frozenset(),
    unused_rule: Rule | None = None,
    ran: set[str] | frozenset[str] = frozenset(),
) -> list[Finding]:
    """Drop findings silenced by `<!-- lintkit: disable-next-line ID -- reason -->` and
    `<!-- lintkit: disable ID -->` ... `<!-- lintkit: enable ID -->`; without an id, a directive
    covers every rule (a bare `enable` ends every region). An id (or prefix) that names none of the
    `known` rule ids raises UnknownIdError (no check when `known` is empty). With `unused_rule`, a
    directive that silenced nothing is reported, when every id it names covers a rule that `ran`."""
    if "lintkit:" not in doc.source:
        return findings
    n_lines = doc.line_col(len(doc.source))[0]
    next_line: list[tuple[int, list[str], int]] = []  # (line, ids, directive)
    regions: list[tuple[int, int, list[str], int]] = []  # (first, last line, ids, directive)
    open_regions: list[tuple[int, list[str], int]] = []
    directives = []
    for m in _DIRECTIVE.finditer(doc.source):
        ids, _ = _ids(m.group(2))
        end_line = doc.line_col(m.end() - 1)[0]
        for i in ids if known else ():
            if msg := unknown_id(i, known, allow_all=False):
                line = doc.line_col(m.start())[0]
                raise UnknownIdError(f"{doc.path}:{line}: lintkit: {m.group(1)} comment: {msg}")
        if m.group(1) == "disable-next-line":
            target = end_line + 1
            while target <= n_lines and not doc.line_text(target).strip():
                target += 1
            next_line.append((target, ids, len(directives)))
        elif m.group(1) == "disable":
            open_regions.append((end_line, ids, len(directives)))
        else:
            for start, open_ids, k in list(open_regions):
                if not ids or set(open_ids) & set(ids):
                    regions.append((start, end_line, open_ids, k))
                    open_regions.remove((start, open_ids, k))
            continue  # an `enable` silences nothing itself
        directives.append((m, ids))
    regions.extend((start, 1 << 30, ids, k) for start, ids, k in open_regions)
    used: set[int] = set()
    keep = []
    for f in findings:
        hit = [k for line, ids, k in next_line if f.line == line and _covers(ids, f.rule)]
        hit += [k for a, b, ids, k in regions if a <= f.line <= b and _covers(ids, f.rule)]
        if hit:
            used.update(hit)
        else:
            keep.append(f)
    if unused_rule is not None:
        for k, (m, ids) in enumerate(directives):
            if k not in used and all(any(_covers([i], r) for r in ran) for i in ids):
                keep.append(_unused(doc, unused_rule, m, ids))
    return keep


def _unused(doc: Document, rule: Rule, m: re.Match, ids: list[str]) -> Finding:
    """The finding of a directive that silenced nothing, at the comment."""
    line, col = doc.line_col(m.start())
    end_line, end_col = doc.line_col(m.end())
    named = ", ".join(ids) if ids else "any rule"
    message = rule.message.format_map({"directive": m.group(1), "ids": named})
    return Finding(
        doc.path,
        line,
        col,
        end_line,
        end_col,
        rule.id,
        rule.category,
        rule.severity,
        message,
        "remove the comment (or fix the rule id it names)",
        snippet=m.group(0),
    )
