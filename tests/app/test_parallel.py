"""Batches of files sent to worker processes (lintkit.app.parallel.batches)."""

from __future__ import annotations

import os
from pathlib import Path

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


def _children(pid: int) -> list[int]:
    """The child processes of `pid` (Linux /proc; empty where it cannot be read)."""
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux /proc to see the workers")
@pytest.mark.parametrize(("sig", "code", "group"), [("SIGINT", 130, True), ("SIGTERM", 143, False)])
def test_a_signal_during_a_parallel_run_ends_it_quietly(tmp_path, sig, code, group):
    """#18: Ctrl-C (sent to the whole process group by a terminal) or SIGTERM (sent to lintkit by
    CI) while workers run: exit 128 + signal, no traceback from the parent or any worker."""
    import signal
    import subprocess
    import sys
    import time

    from conftest import REPO

    page = "Ketamine cures depression in one visit. Clinical trials have shown it is safe.\n\n" * 60
    for i in range(400):
        (tmp_path / f"p{i}.md").write_text(f"# Page {i}\n\n{page}", encoding="utf-8")
    env = {"LINTKIT_CACHE_DIR": str(tmp_path / "cache"), "PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"}
    run = [sys.executable, "-m", "lintkit", "check", "--jobs", "2", "--format", "json", str(tmp_path)]
    subprocess.run(run[:3] + ["rules"], env=env, capture_output=True, check=False)  # (fill the cache)
    proc = subprocess.Popen(
        run, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True
    )
    deadline = time.monotonic() + 30
    while len(_children(proc.pid)) < 2 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    time.sleep(0.3)  # (the workers have started on their batches)
    assert proc.poll() is None, "the run ended before the signal"
    number = getattr(signal, sig)
    os.killpg(proc.pid, number) if group else proc.send_signal(number)
    out, err = proc.communicate(timeout=60)
    assert "Traceback" not in err.decode(), err.decode()[-2000:]
    assert proc.returncode == code


def test_a_worker_ignores_ctrl_c_and_dies_at_once_on_sigterm():
    """The parent's SIGTERM handler must not be a worker's: the pool stops workers with SIGTERM, and
    a worker that raised SystemExit holding the result queue's lock hung the whole run."""
    import subprocess
    import sys

    from conftest import REPO

    code = (
        "import signal\n"
        "from lintkit.app import parallel\n"
        "signal.signal(signal.SIGTERM, parallel._terminated)\n"
        "parallel._init([], None, False, False, frozenset())\n"
        "assert signal.getsignal(signal.SIGTERM) == signal.SIG_DFL\n"
        "assert signal.getsignal(signal.SIGINT) == signal.SIG_IGN\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
