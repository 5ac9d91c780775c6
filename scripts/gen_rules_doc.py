#!/usr/bin/env python3
"""Write docs/rules.md: how to write a rule, then the reference of every check kind (each kind's
module docstring, its YAML contract) and the shipped rules by category (from `lintkit rules`' data).

    python scripts/gen_rules_doc.py          # rewrite docs/rules.md
    python scripts/gen_rules_doc.py --check  # exit 1 when docs/rules.md is not what it would write
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "rules.md"
INTRO = ROOT / "docs" / "rules-intro.md"  # the hand-written part: writing a rule, house rules


def render() -> str:
    from lintkit.checks import KINDS
    from lintkit.rules import CATEGORIES, default_rules_dir, load_rules

    out = [INTRO.read_text(encoding="utf-8").rstrip(), "", "## Check kinds", ""]
    out.append("Generated from the docstrings of `lintkit/checks/` by `scripts/gen_rules_doc.py`.")
    for name in sorted(KINDS):
        doc = (KINDS[name].__doc__ or "").strip()
        out += ["", f"### `{name}`", "", "```text", doc, "```"]
    rules = load_rules([default_rules_dir()])
    out += [
        "",
        "## Shipped rules",
        "",
        "`lintkit explain ID` shows a rule's description, references and examples.",
        "",
    ]
    for category in CATEGORIES:
        of = sorted((r for r in rules if r.category == category), key=lambda r: r.id)
        if not of:
            continue
        out += [f"### {category} ({len(of)})", "", "| id | severity | kind |", "|---|---|---|"]
        out += [f"| `{r.id}` | {r.severity} | {r.kind} |" for r in of]
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def main() -> int:
    sys.path.insert(0, str(ROOT))
    text = render()
    if "--check" in sys.argv:
        if OUT.read_text(encoding="utf-8") != text:
            print("docs/rules.md is out of date: run python scripts/gen_rules_doc.py", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
