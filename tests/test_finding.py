"""A Finding survives pickling (workers send findings back to the main process) field for field."""

from __future__ import annotations

import dataclasses
import pickle

from lintkit.linter import Finding


def test_a_finding_pickles_with_every_field():
    values = {}
    for n, f in enumerate(dataclasses.fields(Finding)):  # a value for each field that is not its default
        values[f.name] = {int: 10 + n, bool: True}.get(f.type if isinstance(f.type, type) else None, f"v{n}")
    values.update(line=3, column=4, end_line=5, end_column=6, start=7, end=8, document_level=True)
    finding = Finding(**values)
    back = pickle.loads(pickle.dumps(finding, pickle.HIGHEST_PROTOCOL))
    assert back == finding and dataclasses.asdict(back) == values
    assert Finding.__match_args__ == tuple(f.name for f in dataclasses.fields(Finding))
