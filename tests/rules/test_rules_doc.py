"""docs/rules.md is generated (scripts/gen_rules_doc.py): it must match the check kinds' docstrings
and the shipped rules."""

from __future__ import annotations

import subprocess
import sys

from conftest import REPO


def test_docs_rules_md_is_up_to_date():
    done = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "gen_rules_doc.py"), "--check"],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
    )
    assert done.returncode == 0, done.stderr
