"""Rules built into lintkit rather than read from YAML: they are about lintkit's own comments.

`lintkit.unused-suppression` (as ruff's RUF100): a `lintkit: disable-next-line` or `disable`
comment that silenced no finding, so a stale comment cannot hide a future problem. The linter
applies it while suppressing (lintkit.linter.suppress); select, ignore and severity treat it like
any rule; like the default rules, --no-default-rules leaves it out. A comment naming only rules
that did not run (--select, --ignore) is not reported.
"""

from __future__ import annotations

from lintkit.rules import Rule

UNUSED_ID = "lintkit.unused-suppression"  # the built-in rule that lintkit.linter.suppress applies

UNUSED_SUPPRESSION = Rule(
    id=UNUSED_ID,
    category="lintkit",
    severity="warning",
    kind="suppression",
    message="unused `lintkit: {directive}` comment: it silences no finding of {ids}",
    description=(
        "A lintkit: disable-next-line or disable comment that silences no finding. Either the copy "
        "was fixed and the comment is stale, or it names the wrong rule id or line; a stale comment "
        "would hide a problem written there later. Remove it, or fix the rule id it names."
    ),
    references=(),
    examples_fail=("<!-- lintkit: disable-next-line -->\nOur office is closed on public holidays.",),
    examples_pass=("Our office is closed on public holidays.",),
    options=None,
    path="lintkit/rules/builtin.py (built in)",
    line=1,
)


def with_builtin(rules: list[Rule], no_default: bool = False) -> list[Rule]:
    """The loaded rules and the built-in ones, which come with the default rules (not with
    --no-default-rules) unless a rule file defines the same id."""
    if no_default:
        return rules
    ids = {r.id for r in rules}
    return rules + [r for r in (UNUSED_SUPPRESSION,) if r.id not in ids]
