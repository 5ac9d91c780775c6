#!/usr/bin/env python3
"""Benchmark lintkit against proselint 0.16.0, side by side, in the same run.

    .venv/bin/python bench/run.py [--work DIR] [--repeat 3] [--big] [--no-proselint] [--in-place]

Generates the corpora with shared/bench/gen_corpus.py (seed 1: one short file, 100, 300 and
1,000 articles), installs this checkout (`pip install .`, as a user would: compiled with mypyc
where it can be, see setup.py) and proselint==0.16.0
into virtual environments of their own under the work folder (pip reaches PyPI), then times one
process per tool and case: the median wall time of --repeat runs, files/s, MB/s and peak memory.
Peak memory is sampled every 20 ms as the summed RSS of the process and all its children
(lintkit's worker processes included); "max proc" is the largest single process (from wait4).
lintkit runs once before timing so that its rules cache is filled. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# ../shared beside the checkout, or where LINTKIT_SHARED says.
SHARED = Path(os.environ.get("LINTKIT_SHARED") or ROOT.parent / "shared")
GEN_CANDIDATES = (SHARED / "bench" / "gen_corpus.py",)
HEADER = (
    "| case | files | MB | tool | wall (median) | files/s | MB/s | peak RSS, all processes | max proc "
    "| vs proselint |"
)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--work", type=Path, help="folder for corpora and proselint's venv (default: temporary)")
    ap.add_argument("--repeat", type=int, default=3, help="runs per case; the median is shown (default 3)")
    ap.add_argument("--proselint-repeat-1000", type=int, default=1, help="proselint runs on 1,000 files")
    ap.add_argument("--big", action="store_true", help="also time one 1 MB and one 10 MB file (linearity)")
    ap.add_argument("--no-proselint", action="store_true", help="time lintkit only")
    ap.add_argument("--gen", type=Path, help="path of gen_corpus.py")
    ap.add_argument(
        "--in-place",
        action="store_true",
        help="time lintkit from this Python (e.g. an editable install) instead of a fresh `pip install .`",
    )
    args = ap.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="lintkit-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    gen = args.gen or next((p for p in GEN_CANDIDATES if p.is_file()), GEN_CANDIDATES[0])
    corpora = make_corpora(work, gen)
    if args.big:
        corpora.update(make_big(work, corpora))
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["LINTKIT_CACHE_DIR"] = str(work / "lintkit-cache")
    exe = [sys.executable, "-m", "lintkit"] if args.in_place else [str(install_lintkit(work))]
    lintkit = [*exe, "check", "--color", "never"]
    proselint = None if args.no_proselint else [str(install_proselint(work)), "check"]
    run(lintkit + [str(corpora["short"])], env)  # fill the rules cache, byte-compile lintkit
    rows: list[dict] = []
    cases = [
        ("1 short file", "short", args.repeat),
        ("100 articles", "100", args.repeat),
        ("300 articles", "300", args.repeat),
        ("1,000 articles", "1000", args.repeat),
    ]
    cases += [("1 MB, one file", "1mb", 1), ("10 MB, one file", "10mb", 1)] if args.big else []
    for label, key, n in cases:
        path = corpora[key]
        size, files = corpus_size(path)
        row = {"case": label, "files": files, "mb": size / 1e6}
        row["lintkit"] = measure(lintkit + [str(path)], env, n)
        if key == "1000":
            row["lintkit -j1"] = measure(lintkit + ["--jobs", "1", str(path)], env, n)
        if key == "short":
            row["lintkit --no-cache"] = measure(lintkit + ["--no-cache", str(path)], env, n)
        if proselint and key in ("short", "300", "1000"):
            reps = args.proselint_repeat_1000 if key == "1000" else n
            row["proselint"] = measure(proselint + [str(path)], env, reps)
        rows.append(row)
        print(f"  measured {label}", file=sys.stderr)
    print_table(rows)
    if args.work is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0


def make_corpora(work: Path, gen: Path) -> dict[str, Path]:
    """The seed-1 corpora (reused when already generated in `work`)."""
    out = {}
    for key, argv in (
        ("short", ["-n", "1", "--words", "150"]),
        ("100", ["-n", "100"]),
        ("300", ["-n", "300"]),
        ("1000", ["-n", "1000"]),
    ):
        folder = work / f"corpus-{key}"
        want = 1 if key == "short" else int(key)
        if not folder.is_dir() or len(list(folder.iterdir())) != want:
            shutil.rmtree(folder, ignore_errors=True)
            subprocess.run(
                [sys.executable, str(gen), str(folder), *argv, "--seed", "1"],
                check=True,
                stdout=subprocess.DEVNULL,
            )
        out[key] = folder
    return out


def make_big(work: Path, corpora: dict[str, Path]) -> dict[str, Path]:
    """One file of the 100 articles (about 1 MB) and one of the 1,000 (about 10 MB)."""
    out = {}
    for key, src in (("1mb", corpora["100"]), ("10mb", corpora["1000"])):
        folder = work / f"corpus-{key}"
        folder.mkdir(exist_ok=True)
        target = folder / "one.md"
        if not target.is_file():
            target.write_bytes(b"".join(p.read_bytes() for p in sorted(src.iterdir())))
        out[key] = folder
    return out


def install_lintkit(work: Path) -> Path:
    """This checkout installed as a user would (`pip install .`, not editable) in its own virtual
    environment; its `lintkit` command (as proselint's is run). Reinstalled on every run."""
    venv = work / "lintkit-venv"
    bindir = venv / ("Scripts" if os.name == "nt" else "bin")
    if not (bindir / "python").exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(bindir / "pip"), "install", "-q", str(ROOT)], check=True)
    subprocess.run(
        [str(bindir / "pip"), "install", "-q", "--no-deps", "--force-reinstall", str(ROOT)], check=True
    )
    return bindir / "lintkit"


def install_proselint(work: Path) -> Path:
    """proselint 0.16.0 in its own virtual environment (created once per work folder)."""
    venv = work / "proselint-venv"
    exe = venv / ("Scripts" if os.name == "nt" else "bin") / "proselint"
    if not exe.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        pip = venv / ("Scripts" if os.name == "nt" else "bin") / "pip"
        subprocess.run([str(pip), "install", "-q", "proselint==0.16.0"], check=True)
    return exe


def corpus_size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), len(files)


def run(cmd: list[str], env: dict[str, str]) -> None:
    subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)


def measure(cmd: list[str], env: dict[str, str], repeat: int) -> dict:
    """Median wall time, peak summed RSS of the process tree, and max single-process RSS (MB)."""
    walls, peaks, maxes = [], [], []
    for _ in range(max(1, repeat)):
        with tempfile.TemporaryFile() as errfile:
            start = time.perf_counter()
            proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=errfile)
            peak = 0
            while True:
                peak = max(peak, tree_rss_kb(proc.pid))
                pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
                if pid:
                    break
                time.sleep(0.02)
            walls.append(time.perf_counter() - start)
            code = os.waitstatus_to_exitcode(status)
            errfile.seek(0)
            err = errfile.read().decode(errors="replace")
        if code not in (0, 1):
            raise SystemExit(f"{' '.join(cmd)} exited {code}: {err[-2000:]}")
        maxes.append(usage.ru_maxrss / 1024)
        peaks.append(max(peak, usage.ru_maxrss) / 1024)
    return {"wall": statistics.median(walls), "peak": max(peaks), "max_proc": max(maxes), "runs": len(walls)}


def tree_rss_kb(pid: int) -> int:
    """Summed VmRSS (kB) of `pid` and its descendants (Linux /proc; 0 elsewhere)."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/status") as f:
                total += next((int(line.split()[1]) for line in f if line.startswith("VmRSS:")), 0)
            with open(f"/proc/{p}/task/{p}/children") as f:
                todo.extend(int(c) for c in f.read().split())
        except (OSError, ValueError):
            continue
    return total


def print_table(rows: list[dict]) -> None:
    tools = ["lintkit", "lintkit -j1", "lintkit --no-cache", "proselint"]
    print(HEADER)
    print("|---|---|---|---|---|---|---|---|---|---|")
    for row in rows:
        for tool in tools:
            m = row.get(tool)
            if not m:
                continue
            ratio = ""
            if "proselint" in row and tool != "proselint":
                ratio = f"{row['proselint']['wall'] / m['wall']:.1f}x faster"
            if tool == "lintkit -j1":
                ratio += f" (default jobs: {m['wall'] / row['lintkit']['wall']:.2f}x faster than -j1)"
            print(
                f"| {row['case']} | {row['files']} | {row['mb']:.2f} | {tool} | {m['wall']:.2f} s "
                f"| {row['files'] / m['wall']:.1f} | {row['mb'] / m['wall']:.2f} | {m['peak']:.0f} MB "
                f"| {m['max_proc']:.0f} MB | {ratio} |"
            )
    by = {r["case"]: r for r in rows}
    if "100 articles" in by and "1,000 articles" in by:
        a, b = by["100 articles"]["lintkit"]["peak"], by["1,000 articles"]["lintkit"]["peak"]
        print(f"\nPeak memory, 1,000 vs 100 articles: {b:.0f} / {a:.0f} MB = {b / a:.2f}x")
    if "1 MB, one file" in by and "10 MB, one file" in by:
        a, b = by["1 MB, one file"]["lintkit"]["wall"], by["10 MB, one file"]["lintkit"]["wall"]
        print(f"Time, one 10 MB file vs one 1 MB file: {b:.1f} / {a:.1f} s = {b / a:.1f}x")


if __name__ == "__main__":
    sys.exit(main())
