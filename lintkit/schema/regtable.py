"""The regulatory-status table: YAML data (`table:`, `rows:`), one row a product or class, with its
status, the uses that status covers, what is true, and the source that says so.

A row: `product` (the name in messages), `names` (words and phrases that name it on a page, as in a
word vocabulary), `status` (one of STATUSES), `uses` (words naming the conditions or uses that
the status covers, or, in a row that is not approved, cleared or authorized, that an approved
member of the class covers; empty: none), `covers` and `note` (said in messages), `test` (true for
a test or assay: claims that it detects or identifies something are use claims), `source` (an
http(s) URL) and `checked` (the date the source was read, YYYY-MM-DD). The file is validated when
the rules are loaded; an error names the table file, the line and the key.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lintkit.errors import RuleError
from lintkit.schema.vocab import VocabError, Words, compile_words

STATUSES = ("approved", "cleared", "authorized", "registered", "not-approved", "warned")
MARKETED = frozenset({"approved", "cleared", "authorized"})  # statuses that cover some use
_REQUIRED = ("product", "names", "status", "covers", "note", "source", "checked")
_OPTIONAL = ("uses", "test")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")


@dataclass(frozen=True)
class Row:
    product: str
    names: Words
    status: str
    uses: Words | None  # None: the status covers no use
    covers: str
    note: str
    source: str
    checked: str
    test: bool
    line: int  # of the row in the table file


@dataclass(frozen=True)
class StatusTable:
    path: str
    rows: tuple[Row, ...]

    def first(self, status: str) -> Row | None:
        return next((r for r in self.rows if r.status == status), None)


def load_table(path: Path, forms: Any) -> StatusTable:
    """Read and validate a status table (`forms`: lemma -> forms, see vocab.lemma_forms)."""
    from lintkit.schema import yamlsrc

    where = str(path)
    try:
        data = yamlsrc.load(path.read_text(encoding="utf-8-sig"))
    except OSError as err:
        raise RuleError(where, 1, "", f"cannot read status table: {err.strerror or err}") from None
    except yamlsrc.YamlError as err:
        raise RuleError(where, err.line, "", str(err)) from None
    if not isinstance(data, dict) or not isinstance(data.get("table"), str):
        raise RuleError(where, getattr(data, "line", 1), "table", "a status table needs 'table: NAME'")
    if set(data) - {"table", "rows"}:
        key = sorted(set(data) - {"table", "rows"})[0]
        raise RuleError(where, data.lines[key], key, "unknown key (allowed: table, rows)")
    rows = data.get("rows")
    if not isinstance(rows, list) or not rows:
        raise RuleError(where, data.lines.get("rows", data.line), "rows", "must be a non-empty list of rows")
    out = []
    for n, raw in enumerate(rows):
        if not isinstance(raw, dict):
            raise RuleError(where, rows.lines[n], "rows", "each row must be a mapping")
        out.append(_row(where, raw, forms))
    return StatusTable(where, tuple(out))


def _row(where: str, raw: Any, forms: Any) -> Row:
    for key in raw:
        if key not in _REQUIRED and key not in _OPTIONAL:
            allowed = ", ".join(_REQUIRED + _OPTIONAL)
            raise RuleError(where, raw.lines[key], key, f"unknown row key (allowed: {allowed})")
    for key in _REQUIRED:
        if key not in raw:
            raise RuleError(where, raw.line, key, "missing required key")
    for key in ("product", "covers", "note", "source"):
        if not isinstance(raw[key], str) or not raw[key].strip():
            raise RuleError(where, raw.lines[key], key, "must be a non-empty string")
    if raw["status"] not in STATUSES:
        raise RuleError(
            where, raw.lines["status"], "status", f"{raw['status']!r} is not one of: {', '.join(STATUSES)}"
        )
    if not raw["source"].startswith(("https://", "http://")):
        raise RuleError(where, raw.lines["source"], "source", "must be an http(s) URL")
    checked = raw["checked"]
    checked = checked.isoformat() if isinstance(checked, datetime.date) else checked
    if not isinstance(checked, str) or not _DATE.match(checked):
        raise RuleError(where, raw.lines["checked"], "checked", "must be a date, YYYY-MM-DD")
    test = raw.get("test", False)
    if not isinstance(test, bool):
        raise RuleError(where, raw.lines["test"], "test", "must be true or false")
    names = _words(where, raw, "names", forms, required=True)
    uses = _words(where, raw, "uses", forms, required=False)
    return Row(
        raw["product"],
        names,
        raw["status"],
        uses,
        raw["covers"],
        raw["note"],
        raw["source"],
        checked,
        test,
        raw.line,
    )


def _words(where: str, raw: Any, key: str, forms: Any, required: bool) -> Words | None:
    items = raw.get(key)
    if items is None or items == []:
        if required:
            raise RuleError(where, raw.lines.get(key, raw.line), key, "must be a non-empty list of words")
        return None
    if not isinstance(items, list):
        raise RuleError(where, raw.lines[key], key, "must be a list of words or phrases")
    try:
        return compile_words([str(i) if isinstance(i, int | float) else i for i in items], {}, forms)
    except VocabError as err:
        at = items.lines[err.index] if 0 <= err.index < len(items) else raw.lines[key]
        raise RuleError(where, at, key, str(err)) from None
