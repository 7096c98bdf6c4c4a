"""`coopcheck check` over a large portfolio: parallel speedup and memory, as ratios measured in one run.

Generates 200 partnerships of 500 activities each (the behaviours of tools/make_portfolio.py,
started early enough to fill 500 activities) in a temporary folder, then prints:

- the wall time of `--jobs 1` and `--jobs 2` over the 200 files, best of `--repeat` fresh
  processes each, and the speedup (target >= 1.6 on a 2-core machine);
- the peak memory of the process tree (the largest of the command and its workers, from
  `getrusage(RUSAGE_CHILDREN)` in a fresh wrapper process per run) for 50 and for 200 files,
  and their ratio (target <= 1.3: memory stays flat as the number of files grows).

Every run writes the JSON report to a file, as a CI job would.

Usage: python benchmarks/bench_check.py [--files 200] [--small 50] [--activities 500] [--repeat 3]
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
from make_portfolio import SPECS, Spec, activities, partnership_files

AS_OF = "2026-11-28"
EARLY_START = dt.date(2021, 1, 4)
PEAK_RSS = """
import resource, subprocess, sys
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, code)
"""


def busy_specs(activity_count: int) -> list[Spec]:
    """The portfolio's behaviours that log at least `activity_count` activities from an early start."""
    specs = []
    for spec in SPECS:
        early = dataclasses.replace(spec, started=EARLY_START, log_from=None, stops_giving=None, outcomes_until=None)
        if len(activities(early)) >= activity_count:
            specs.append(early)
    return specs


def write_portfolio(folder: Path, count: int, activity_count: int) -> None:
    specs = busy_specs(activity_count)
    for number in range(count):
        spec = dataclasses.replace(specs[number % len(specs)], id=f"{specs[number % len(specs)].id}-{number:03d}")
        acts = activities(spec, seed=number)[:activity_count]
        for relative, text in partnership_files(spec, 0, acts).items():
            (folder / relative).write_text(text, encoding="utf-8")


def command(folder: Path, jobs: int, report: Path) -> list[str]:
    thresholds_off = ["--fail-under", "0", "--fail-on", ""]
    output = ["--format", "json", "--output", str(report)]
    run = [sys.executable, "-m", "coopcheck", "check", str(folder), "--as-of", AS_OF, "--jobs", str(jobs)]
    return [*run, *thresholds_off, *output]


def wall_time(argv: list[str], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(argv, check=True, stdout=subprocess.DEVNULL)
        best = min(best, time.perf_counter() - start)
    return best


def peak_rss_mib(argv: list[str]) -> float:
    output = subprocess.run([sys.executable, "-c", PEAK_RSS, *argv], check=True, capture_output=True, text=True)
    kib, code = output.stdout.split()
    if code != "0":
        raise SystemExit(f"coopcheck exited {code}: {' '.join(argv)}")
    return int(kib) / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--small", type=int, default=50)
    parser.add_argument("--activities", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="coopcheck-bench-") as temporary:
        root = Path(temporary)
        large, small = root / "large", root / "small"
        large.mkdir()
        small.mkdir()
        write_portfolio(large, args.files, args.activities)
        write_portfolio(small, args.small, args.activities)
        report = root / "report.json"
        subprocess.run(command(large, 2, report), check=True)  # warm the file cache
        one = wall_time(command(large, 1, report), args.repeat)
        two = wall_time(command(large, 2, report), args.repeat)
        memory_small = peak_rss_mib(command(small, 2, report))
        memory_large = peak_rss_mib(command(large, 2, report))
    print(f"{args.files} partnerships x {args.activities} activities, best of {args.repeat}")
    print(f"  --jobs 1: {one:.2f} s   --jobs 2: {two:.2f} s   speedup {one / two:.2f}x (target >= 1.6)")
    print(
        f"  peak memory, --jobs 2: {args.small} files {memory_small:.1f} MiB, {args.files} files {memory_large:.1f} MiB"
        f"   ratio {memory_large / memory_small:.2f} (target <= 1.3)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
