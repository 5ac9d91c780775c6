"""Batches of files sent to worker processes (lintkit.app.parallel.batches)."""

from __future__ import annotations

import pytest

from lintkit.app.parallel import MAX_BATCH, Job, batches


@pytest.mark.parametrize(("n", "workers"), [(1, 2), (7, 2), (300, 2), (1000, 2), (1000, 8), (33, 3)])
def test_batches_keep_order_and_shrink_to_single_files(n, workers):
    jobs = [Job(f"f{i}.md", "markdown") for i in range(n)]
    got = list(batches(jobs, workers))
    assert [j for b in got for j in b] == jobs  # every job once, in order
    sizes = [len(b) for b in got]
    assert all(1 <= s <= MAX_BATCH for s in sizes)
    assert sizes == sorted(sizes, reverse=True)  # large batches first
    assert sizes[-min(workers, n) :] == [1] * min(workers, n)  # the last ones are single files


def test_batches_send_few_messages():
    sizes = [len(b) for b in batches([Job(f"f{i}.md", "markdown") for i in range(300)], 2)]
    assert sizes[0] == MAX_BATCH
    assert len(sizes) == 39  # 300 files in 39 messages, not 300
