"""Lint many files on several cores: a process pool, rules sent to each worker once, results in order.

Each worker receives the compiled rules once (pool initializer) and then batches of (path,
format, text) jobs, large ones first and single files at the end (`batches`: guided
self-scheduling), so that few messages cross and the workers finish together. It sends back only
what the main process needs: the findings, plus the document's text when a baseline must match
against it, and the whole Document only for formats that show the source. Results stream back in
input order, so the report is identical to a sequential run. For a few files no pool is started:
starting workers costs more than it saves.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from lintkit.rules import Rule

MIN_FILES_PER_WORKER = 2  # fewer files than this per worker: lint in this process
MAX_BATCH = 32  # files sent to a worker at once, at most
GUIDE = 4  # a batch is at most 1/(workers * GUIDE) of the files not yet handed out


class Job(NamedTuple):
    """One input: display path, markup format, text already read (stdin) and a read error."""

    path: str
    fmt: str
    text: str | None = None
    error: str | None = None
    limit: int | None = None  # the size limit of a file (None: sources.MAX_BYTES)


class Outcome(NamedTuple):
    """The result for one Job: findings (None on error), what else was asked for, and errors."""

    path: str
    findings: list[Any] | None
    doc: Any = None
    text: str | None = None
    error: str | None = None  # the input could not be read (lintkit reports it and goes on)
    fatal: str | None = None  # a rule failed (lintkit stops)


_state: dict[str, Any] = {}  # in a worker process: the rules and options, set once by _init


def default_jobs() -> int:
    """Cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def lint_files(
    jobs: Sequence[Job],
    rules: list[Any],
    target: float | None,
    workers: int,
    keep_doc: bool,
    keep_text: bool,
    known: frozenset[str] = frozenset(),
) -> Iterator[Outcome]:
    """Outcomes of `jobs`, in order; with workers > 1 and enough files, linted in a process pool."""
    workers = min(workers, len(jobs) // MIN_FILES_PER_WORKER)
    if workers <= 1:
        for job in jobs:
            yield lint_job(job, rules, target, keep_doc, keep_text, known)
        return
    import multiprocessing

    if any(r.kind in ("assertion", "regulatory") for r in rules):
        from lintkit.schema.english import warm

        warm()  # once here, so forked workers share the dictionary's word list instead of each reading it
    ctx = multiprocessing.get_context()
    previous = _on_sigterm(_terminated)
    try:
        state = (rules, target, keep_doc, keep_text, known)
        with ctx.Pool(workers, initializer=_init, initargs=state) as pool:
            try:
                for outcomes in pool.imap(_lint_batch, batches(jobs, workers)):
                    yield from outcomes
            finally:
                pool.terminate()  # (also on Ctrl-C and SIGTERM: no worker is left writing to a dead pipe)
    finally:
        _on_sigterm(previous)


def _terminated(signum: int, frame: object) -> None:
    """SIGTERM while workers run: leave through the pool's clean-up, exit 128 + 15, no traceback."""
    raise SystemExit(128 + signum)


def _on_sigterm(handler: Any) -> Any:
    """Install `handler` for SIGTERM (in the main thread only); the one it replaces."""
    import signal
    import threading

    if handler is None or threading.current_thread() is not threading.main_thread():
        return None
    return signal.signal(signal.SIGTERM, handler)


def batches(jobs: Sequence[Job], workers: int) -> Iterator[list[Job]]:
    """`jobs` in order, cut into batches that shrink as the work runs out: each is 1/(workers *
    GUIDE) of what is left (at most MAX_BATCH, at least one file). A batch costs one message each
    way; ending with single files means no worker waits long for another's last batch."""
    i = 0
    while i < len(jobs):
        size = max(1, min(MAX_BATCH, (len(jobs) - i) // (workers * GUIDE)))
        yield list(jobs[i : i + size])
        i += size


def _init(
    rules: list[Any], target: float | None, keep_doc: bool, keep_text: bool, known: frozenset[str]
) -> None:
    """A worker's start: the run's rules and options; Ctrl-C is the parent's to handle (a terminal
    sends it to every process of the group: each worker would print a traceback)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # The parent's SIGTERM handler (`_terminated`) is inherited by a forked worker; the pool stops
    # its workers with SIGTERM, and one that raised SystemExit while holding the result queue's lock
    # left the run hanging. A worker dies at once, as by default.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _state.update(rules=rules, target=target, keep_doc=keep_doc, keep_text=keep_text, known=known)
    settle_gc()


def _lint_batch(batch: list[Job]) -> list[Outcome]:
    return [lint_job(job, **_state) for job in batch]


def lint_job(
    job: Job,
    rules: list[Any],
    target: float | None,
    keep_doc: bool,
    keep_text: bool,
    known: frozenset[str] = frozenset(),
) -> Outcome:
    """Read, parse and lint one input (the sequential path, and each worker's)."""
    from lintkit.app.sources import InputError
    from lintkit.linter import RuleRuntimeError

    if job.error is not None:
        return Outcome(job.path, None, error=job.error)
    try:
        findings, doc = lint_source(job.path, job.fmt, rules, target, job.text, known, job.limit)
    except InputError as err:
        return Outcome(job.path, None, error=str(err))
    except RuleRuntimeError as err:
        return Outcome(job.path, None, fatal=str(err))
    return Outcome(job.path, findings, doc if keep_doc else None, doc.text if keep_text else None)


# The cyclic garbage collector's young-generation threshold while linting (Python's default: 700).
GC_THRESHOLD = (10_000, 50, 1000)


def settle_gc() -> None:
    """Keep the cyclic garbage collector out of the way of a run: the rules live until the end, so
    they are frozen out of its reach (gc.freeze, which the gc docs also advise before fork: the
    workers then share the rules' memory pages), and it runs less often. A document's objects are
    freed by reference counting; with the defaults it ran about twice per article, 0.6 ms of the
    14 ms an article takes (measured with gc.callbacks)."""
    import gc

    gc.freeze()
    gc.set_threshold(*GC_THRESHOLD)


def lint_source(
    path: str,
    fmt: str,
    rules: list[Rule],
    target_grade: float | None,
    text: str | None = None,
    known: frozenset[str] = frozenset(),
    limit: int | None = None,
):
    """Read, parse and lint one file (of at most `limit` bytes); returns (findings, doc) or raises
    InputError."""
    from lintkit.app.sources import read
    from lintkit.checks.base import Context
    from lintkit.document.readers import parse
    from lintkit.linter import lint

    source = text if text is not None else read(path) if limit is None else read(path, limit=limit)
    doc = parse(path, source, fmt)
    return lint(doc, rules, Context(target_grade=target_grade, known_ids=known)), doc
