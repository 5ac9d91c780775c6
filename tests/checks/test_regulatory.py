"""Kind `regulatory` and its status table: every row sourced and dated, findings name the row."""

from __future__ import annotations

import datetime
import re
import subprocess
import sys
from pathlib import Path

import pytest

from lintkit.errors import RuleError
from lintkit.rules import default_rules_dir
from lintkit.schema.regtable import STATUSES, load_table
from lintkit.schema.vocab import lemma_forms

TABLE = default_rules_dir() / "regulatory" / "status.yaml"


@pytest.fixture(scope="module")
def table():
    return load_table(TABLE, lemma_forms())


def test_the_table_has_forty_rows_each_sourced_and_dated(table):
    assert len(table.rows) >= 40
    today = datetime.date.today()
    for row in table.rows:
        where = f"{TABLE}:{row.line} ({row.product})"
        assert row.product.strip() and row.covers.strip() and row.note.strip(), where
        assert row.status in STATUSES, where
        assert re.match(r"https?://[^\s/]+\.[^\s/]+/", row.source), where
        assert datetime.date.fromisoformat(row.checked) <= today, where
        assert row.names.source, where  # at least one name to find it on a page
    assert len({r.product for r in table.rows}) == len(table.rows)  # no product twice


def test_a_bad_row_names_file_line_and_key(tmp_path: Path):
    bad = tmp_path / "status.yaml"
    bad.write_text(
        "table: t\nrows:\n  - product: x\n    names: [x]\n    status: approvedish\n    uses: []\n"
        "    covers: c\n    note: n\n    source: https://www.fda.gov/x\n    checked: 2026-01-01\n",
        encoding="utf-8",
    )
    with pytest.raises(RuleError) as err:
        load_table(bad, lemma_forms())
    text = str(err.value)
    assert str(bad) in text and ":5" in text and "status" in text


def _concise(tmp_path: Path, text: str) -> list[str]:
    page = tmp_path / "page.txt"
    page.write_text(text, encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "lintkit", "check", "--no-cache", "--select", "misinfo.regulatory-status",
         "--format", "concise", str(page)],
        capture_output=True, text=True,
    )  # fmt: skip
    return [line for line in run.stdout.splitlines() if "misinfo.regulatory-status" in line]


def test_a_wrong_status_names_the_truth_and_the_rows_source(tmp_path, table):
    got = _concise(tmp_path, "Our ketamine infusions are FDA-approved for depression.\n")
    assert len(got) == 1
    row = next(r for r in table.rows if r.product == "ketamine")
    assert row.source in got[0] and "anesthetic" in got[0]


def test_statements_that_agree_with_the_table_are_not_flagged(tmp_path):
    assert _concise(tmp_path, "Ketamine is not FDA-approved for depression.\n") == []
    assert _concise(tmp_path, "Spravato is FDA-approved for treatment-resistant depression.\n") == []


def test_explain_shows_every_row_and_its_source(table):
    cmd = [sys.executable, "-m", "lintkit", "explain", "misinfo.regulatory-status"]
    run = subprocess.run(cmd, capture_output=True, text=True)
    assert run.returncode == 0
    for row in table.rows:
        assert row.source in run.stdout, row.product
