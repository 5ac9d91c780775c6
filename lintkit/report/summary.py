"""The GitHub Actions job summary: under Actions (`GITHUB_STEP_SUMMARY` names a file), lintkit
appends a Markdown table of its findings by rule, shown on the run's summary page.

Appending is what GitHub documents (each step adds to the file); a file that cannot be written
costs a warning on standard error, never the run.
"""

from __future__ import annotations

from collections import Counter


def markdown(counts: Counter, n_files: int, n_errors: int = 0) -> str:
    """`counts` maps (rule id, severity) to a number of findings: a heading, a table, a total."""
    files = f"{n_files} file{'s' if n_files != 1 else ''}"
    lines = ["### lintkit", ""]
    total = sum(counts.values())
    if total:
        lines += ["| Rule | Severity | Findings |", "|---|---|---:|"]
        for (rule, sev), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            lines.append(f"| `{rule}` | {sev} | {n} |")
        lines += ["", f"{total} finding{'s' if total != 1 else ''} in {files}."]
    else:
        lines.append(f"No findings in {files}.")
    if n_errors:
        lines.append(f"{n_errors} input{'s' if n_errors != 1 else ''} could not be read (see the log).")
    return "\n".join(lines) + "\n\n"


def append(path: str, counts: Counter, n_files: int, n_errors: int = 0) -> str | None:
    """Append the summary to `path`; returns a warning for the user when it cannot be written."""
    try:
        with open(path, "a", encoding="utf-8") as f:
            f.write(markdown(counts, n_files, n_errors))
    except OSError as err:
        return f"cannot write the job summary to {path}: {err.strerror or err}"
    return None
