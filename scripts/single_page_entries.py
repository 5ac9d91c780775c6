"""List the rule entries that match only one page of the annotated corpora (issue 13's check).

An entry tuned to one page's wording is not a general rule: every regex term that is a pattern
(a character class or wildcard) or a phrase of three or more words, and every vocabulary phrase of three
or more words, is matched on each page of the corpora (as lintkit reads the page), and those that
match exactly one page are printed, with the rule and the page. Entries listed in
scripts/single-page-entries.yaml (in groups, each with why its entries are general) are marked.

usage: python scripts/single_page_entries.py [CORPUS_DIR ...] [--json]
  default corpora: ../shared/corpus/seeds and ../shared/corpus/dev
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path

import regex
import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from lintkit.document.readers import format_of, parse  # noqa: E402
from lintkit.match import END, FLAGS, START, Terms  # noqa: E402
from lintkit.rules import default_rules_dir, load_rules  # noqa: E402
from lintkit.schema.vocab import Words, compile_words, tokens  # noqa: E402

ALLOWED = REPO / "scripts" / "single-page-entries.yaml"
_SUFFIX = regex.compile(r"\\w[*+]|\[- \]\??")
_WILD = regex.compile(r"\\[wdsSWD]|(?<!\\)[.\[]")  # a class or any-character: a pattern, not a word


def counted(t: str) -> bool:
    """Is term `t` a phrase of three or more words or a pattern (a class, a wildcard)? One or two
    words with spelling alternatives ("cur(?:e|es|ed)", "hair (?:loss|growth)") are words."""
    word = _SUFFIX.sub("", t)  # "avoid\\w*", "at[- ]home": one word with its endings
    return len(t.split()) >= 3 or _WILD.search(word) is not None


def entries(rules: list) -> dict[tuple[str, str], set[str]]:
    """(kind, entry) -> the ids of the rules that hold it: 'term' regex entries, 'word' phrases."""
    out: dict[tuple[str, str], set[str]] = {}

    def walk(v: object, rule: str) -> None:
        if isinstance(v, Terms):
            for t in v.source:
                if counted(t):
                    out.setdefault(("term", t), set()).add(rule)
        elif isinstance(v, Words):
            for t in v.source:
                if len(t.split()) >= 3:
                    out.setdefault(("word", t), set()).add(rule)
        elif dataclasses.is_dataclass(v) and not isinstance(v, type):
            for f in dataclasses.fields(v):
                walk(getattr(v, f.name), rule)
        elif isinstance(v, (tuple, list, frozenset, set)):
            for x in v:
                walk(x, rule)
        elif isinstance(v, dict):
            for x in v.values():
                walk(x, rule)

    for r in rules:
        walk(r.options, r.id)
    return out


def pages(corpora: list[Path]) -> dict[str, str]:
    """Page name -> its text as lintkit reads it."""
    out = {}
    for c in corpora:
        for p in sorted(c.iterdir()):
            fmt = format_of(str(p))
            if fmt is None or not p.with_name(p.stem + ".expect.yaml").exists():
                continue  # (only annotated pages: not the corpus's README)
            out[f"{c.name}/{p.name}"] = parse(str(p), p.read_text(encoding="utf-8"), fmt).text
    return out


def single_page(corpora: list[Path]) -> list[dict[str, object]]:
    rules = load_rules([default_rules_dir()])
    texts = pages(corpora)
    toks = {name: tokens(t) for name, t in texts.items()}
    from lintkit.schema.vocab import lemma_forms

    forms = lemma_forms()
    found = []
    for (kind, entry), ids in sorted(entries(rules).items()):
        if kind == "term":
            pat = regex.compile(rf"{START}(?:{entry}){END}", FLAGS)
            where = [n for n, t in texts.items() if pat.search(t, timeout=5)]
        else:
            words = compile_words([entry], {}, forms)
            where = [n for n, t in toks.items() if words.hits(t)]
        if len(where) == 1:
            found.append({"kind": kind, "entry": entry, "rules": sorted(ids), "page": where[0]})
    return found


def allowed() -> dict[str, str]:
    """Entry -> the group that says why it is general (scripts/single-page-entries.yaml)."""
    data = yaml.safe_load(ALLOWED.read_text(encoding="utf-8")) or {}
    return {e: g["group"] for g in data.get("groups", []) for e in g["entries"]}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpora", nargs="*", type=Path)
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    corpora = a.corpora or [REPO.parent / "shared" / "corpus" / s for s in ("seeds", "dev")]
    found = single_page(corpora)
    ok = allowed()
    if a.json:
        print(json.dumps(found, indent=1))
        return 0
    for f in found:
        mark = "general: " + ok[str(f["entry"])] if f["entry"] in ok else "UNEXPLAINED"
        print(f"{f['page']}: {f['kind']} {f['entry']!r} ({', '.join(f['rules'])})  [{mark}]")
    bad = [f for f in found if f["entry"] not in ok]
    print(f"{len(found)} entries match one page only; {len(bad)} unexplained", file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
