"""Write a report while files are linted: line-oriented formats keep only the summary's counts.

`text`, `concise`, `github`, `json` and `--statistics` write (or count) each file's findings as its result
arrives and then forget them, so memory stays flat however many files are checked. The other
formats need the whole report (SARIF, JUnit and HTML documents) and collect it. Either way the
bytes written are exactly those of the format's `render(report)`.
"""

from __future__ import annotations

import io
from collections import Counter
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from lintkit.report.model import FileResult
    from lintkit.rules import Rule

STREAMED = ("text", "concise", "github", "json")


class Spool:
    """The report as it is written: in memory up to `limit` characters, then in a temporary file
    (lossless for any str), copied out by `copy_to` once the run has succeeded."""

    def __init__(self, limit: int) -> None:
        self.limit, self.size = limit, 0
        self.buf = io.StringIO()
        self.file: TextIO | None = None

    def write(self, s: str) -> int:
        """Append `s`."""
        if self.file is None and self.size + len(s) > self.limit:
            import tempfile

            self.file = tempfile.TemporaryFile(  # noqa: SIM115 (closed by close())
                "w+", encoding="utf-8", errors="surrogatepass", newline=""
            )
            self.file.write(self.buf.getvalue())
            self.buf = io.StringIO()
        self.size += len(s)
        return (self.file or self.buf).write(s)

    def copy_to(self, dest: TextIO) -> None:
        """Write everything spooled to `dest`."""
        if self.file is None:
            dest.write(self.buf.getvalue())
            return
        import shutil

        self.file.seek(0)
        shutil.copyfileobj(self.file, dest)

    def close(self) -> None:
        """Drop the temporary file, if any."""
        if self.file is not None:
            self.file.close()


class Emitter:
    """Receives each file's result in order, then the read errors and the baseline's stale count."""

    def __init__(self, out: TextIO, color: bool) -> None:
        self.out = out
        self.color = color
        self.n_files = 0
        self.warnings: list[str] = []  # for standard error, e.g. what a capped SARIF report left out

    def add(self, result: FileResult) -> None:
        """One file's findings (and Document, when the format shows source)."""
        self.n_files += 1
        self._file(result)

    def _file(self, result: FileResult) -> None:
        raise NotImplementedError

    def finish(self, errors: list[str], stale: int | None) -> None:
        """Write what remains: the summary, or the whole collected report."""
        raise NotImplementedError

    def _lines(self, lines: list[str]) -> None:
        for line in lines:
            self.out.write(line + "\n")


class TextEmitter(Emitter):
    """`text`: findings (with source excerpts when the results carry Documents), then a summary."""

    def __init__(self, out: TextIO, color: bool) -> None:
        super().__init__(out, color)
        self.counts: Counter = Counter()

    def _file(self, result: FileResult) -> None:
        from lintkit.report.text import file_lines

        self.counts.update(f.severity for f in result.findings)
        self._lines(file_lines(result, self.color))

    def finish(self, errors: list[str], stale: int | None) -> None:
        """Write the summary line(s)."""
        from lintkit.report.text import summary_lines

        self._lines(summary_lines(self.counts, self.n_files, len(errors), stale))


class ConciseEmitter(Emitter):
    """`concise`: one line per finding, no summary."""

    def _file(self, result: FileResult) -> None:
        from lintkit.report.text import concise_line

        self._lines([concise_line(f) for f in result.findings])

    def finish(self, errors: list[str], stale: int | None) -> None:
        """Nothing: concise has no summary."""


class GithubEmitter(Emitter):
    """`github`: one workflow command per finding, then one per unreadable input."""

    def _file(self, result: FileResult) -> None:
        from lintkit.report.github import annotation

        self._lines([annotation(f) for f in result.findings])

    def finish(self, errors: list[str], stale: int | None) -> None:
        """Write the `::error::` lines of unreadable inputs."""
        from lintkit.report.github import error_line

        self._lines([error_line(e) for e in errors])


class JsonEmitter(Emitter):
    """`json`: each finding written as it arrives; the summary's counts kept."""

    def __init__(self, out: TextIO, color: bool) -> None:
        from lintkit.report.jsonfmt import JsonWriter

        super().__init__(out, color)
        self.writer = JsonWriter(out)

    def _file(self, result: FileResult) -> None:
        self.writer.add(result.findings)

    def finish(self, errors: list[str], stale: int | None) -> None:
        """Close the findings list and write the summary."""
        self.writer.finish(errors, stale)


class StatsEmitter(Emitter):
    """`--statistics`: counts per rule only."""

    def __init__(self, out: TextIO, color: bool, rules: dict[str, Rule]) -> None:
        super().__init__(out, color)
        self.rules = rules
        self.counts: Counter = Counter()

    def _file(self, result: FileResult) -> None:
        self.counts.update(f.rule for f in result.findings)

    def finish(self, errors: list[str], stale: int | None) -> None:
        """Write the table."""
        from lintkit.report.stats import table

        self.out.write(table(self.counts, self.rules, self.n_files))


class CollectEmitter(Emitter):
    """Formats that need the whole report: keep every result, render once at the end."""

    def __init__(
        self,
        out: TextIO,
        color: bool,
        fmt: str,
        rules: dict[str, Rule],
        target: float | None,
        options: dict | None = None,
    ):
        super().__init__(out, color)
        self.fmt, self.rules, self.target = fmt, rules, target
        self.options = options or {}  # more Report fields: fail_on, max_results, root
        self.results: list[FileResult] = []

    def _file(self, result: FileResult) -> None:
        self.results.append(result)

    def finish(self, errors: list[str], stale: int | None) -> None:
        """Render the collected report."""
        from lintkit.report import Report, formats

        report = Report(
            self.results, self.rules, errors, stale=stale, target_grade=self.target, **self.options
        )
        self.out.write(formats()[self.fmt](report, self.color))
        self.warnings = report.warnings


def emitter(
    fmt: str,
    out: TextIO,
    color: bool,
    statistics: bool,
    rules: dict[str, Rule],
    target: float | None,
    options: dict | None = None,
) -> Emitter:
    """The emitter for a format (or for --statistics); `options` are more Report fields for the
    formats that render a whole report (fail_on, max_results, root)."""
    if statistics:
        return StatsEmitter(out, color, rules)
    if fmt == "text":
        return TextEmitter(out, color)
    if fmt == "concise":
        return ConciseEmitter(out, color)
    if fmt == "github":
        return GithubEmitter(out, color)
    if fmt == "json":
        return JsonEmitter(out, color)
    return CollectEmitter(out, color, fmt, rules, target, options)
