"""A Finding survives pickling (workers send findings back to the main process) field for field."""

from __future__ import annotations

import dataclasses
import pickle

from lintkit.finding import Finding


def test_a_finding_pickles_with_every_field():
    values = dict(
        path="a/b.md",
        line=3,
        column=4,
        end_line=5,
        end_column=6,
        rule="claim.x",
        category="claim",
        severity="error",
        message="m",
        suggestion="s",
        start=7,
        end=8,
        snippet="x",
        document_level=True,
    )
    assert set(values) == {f.name for f in dataclasses.fields(Finding)}  # (none left at its default)
    finding = Finding(**values)
    back = pickle.loads(pickle.dumps(finding, pickle.HIGHEST_PROTOCOL))
    assert back == finding and dataclasses.asdict(back) == values
    assert Finding.__match_args__ == tuple(f.name for f in dataclasses.fields(Finding))
