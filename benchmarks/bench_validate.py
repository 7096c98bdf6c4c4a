"""Loading speed, memory and start-up time, as ratios measured in one run.

Generates a partnership file with 100,000 activities (about 21 MiB) and runs, `--repeat` times
each, interleaved so that a busy machine slows all of them alike (best run of each counts):

- draining libyaml's bare event stream for the file (in this process: the floor);
- `coopcheck validate` on it (a fresh process, start-up included): target <= 1.5 times the floor,
  peak memory under 200 MiB;
- `coopcheck assess --format json` on it (a fresh process): target <= 1.2 times `validate`.
  The activities are written in random date order, the hardest case for the evidence walk, which
  reads them by date: the same ratio for the same log written oldest first, as a log grows, is
  printed below it for comparison.

It also prints `validate` against `yaml.load(CSafeLoader)` (target <= 0.2), and
`coopcheck --version` against `python -c "import typer"` (target <= 1.3).

Times are CPU seconds (user + system), which a machine shared with other work disturbs much less
than wall time; wall times are shown beside them. Exit status 1 when a target is missed.

Usage: python benchmarks/bench_validate.py [--activities 100000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

HEADER = """\
coopcheck: 1
id: bench
name: Benchmark partnership
kind: joint_market
started: 2025-01-01
currency: EUR
review_every_days: 30
partners:
  northwind:
    name: Northwind Consulting GmbH
    sponsor: Anna Weber
    contacts: [Jonas Keller, Mia Braun]
    hourly_rate: 120
  contoso:
    name: Contoso AG
    sponsor: Peter Lang
    contacts: [Lea Vogt]
    hourly_rate: 110
activities:
"""

TYPES = ["meeting", "call", "referral", "lead", "enablement", "support", "request", "delivery", "revenue"]


def write_partnership(path: Path, activities: int, in_date_order: bool = False) -> None:
    """The benchmark's log: activities on random days of 2025, written in that random order, or,
    with `in_date_order`, the same activities written as a log usually grows, oldest first."""
    rng = random.Random(7)
    sides = ("northwind", "contoso")
    written = []
    for i in range(activities):
        giver = rng.randrange(2)
        day = f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        written.append(
            (
                day,
                f"  - id: a{i}\n"
                f"    date: {day}\n"
                f"    from: {sides[giver]}\n"
                f"    to: {sides[1 - giver]}\n"
                f"    type: {rng.choice(TYPES)}\n"
                "    level: working\n"
                "    people: [Jonas Keller, Lea Vogt]\n"
                f"    topic: Pipeline review for account {i}\n"
                f"    hours: {rng.randint(1, 16) / 2}\n"
                f"    travel_cost: {rng.choice((0, 0, 0, 180))}\n",
            )
        )
    if in_date_order:
        written.sort(key=lambda item: item[0])
    with path.open("w", encoding="utf-8") as out:
        out.write(HEADER)
        out.writelines(text for _, text in written)


class Timing:
    """Best CPU and wall time of several runs of one step, and the largest peak memory."""

    def __init__(self) -> None:
        self.cpu = self.wall = float("inf")
        self.peak_kib = 0

    def add(self, cpu: float, wall: float, peak_kib: int = 0) -> None:
        self.cpu, self.wall = min(self.cpu, cpu), min(self.wall, wall)
        self.peak_kib = max(self.peak_kib, peak_kib)

    def __str__(self) -> str:
        return f"{self.cpu:6.2f} s CPU ({self.wall:6.2f} s wall)"


def in_process(timing: Timing, action) -> None:  # type: ignore[no-untyped-def]
    start, cpu = time.perf_counter(), time.process_time()
    action()
    timing.add(time.process_time() - cpu, time.perf_counter() - start)


def run_process(command: list[str], timing: Timing) -> None:
    """Time one fresh process: CPU (user + system) and wall time, and its peak resident memory."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        sys.exit(f"command failed ({process.returncode}): {' '.join(command)}\n{process.stderr.read().decode()}")
    timing.add(usage.ru_utime + usage.ru_stime, elapsed, usage.ru_maxrss)


def verdict(value: float, target: float) -> str:
    return f"(target <= {target:g}: {'met' if value <= target else 'MISSED'})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--activities", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    python = sys.executable
    drain, validate, assess, safe_load = Timing(), Timing(), Timing(), Timing()
    validate_dated, assess_dated = Timing(), Timing()
    version, typer_import = Timing(), Timing()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "partnership.yaml"
        write_partnership(path, args.activities)
        dated = Path(tmp) / "in-date-order.yaml"
        write_partnership(dated, args.activities, in_date_order=True)
        text = path.read_text(encoding="utf-8")
        size = path.stat().st_size / 1048576

        def drain_events() -> None:
            for _ in yaml.parse(text, Loader=yaml.CBaseLoader):
                pass

        command = [python, "-m", "coopcheck"]
        for _ in range(args.repeat):
            in_process(drain, drain_events)
            run_process([*command, "validate", "--as-of", "2026-01-01", str(path)], validate)
            run_process([*command, "assess", "--format", "json", "--as-of", "2026-01-01", str(path)], assess)
            run_process([*command, "validate", "--as-of", "2026-01-01", str(dated)], validate_dated)
            run_process([*command, "assess", "--format", "json", "--as-of", "2026-01-01", str(dated)], assess_dated)
        in_process(safe_load, lambda: yaml.load(text, Loader=yaml.CSafeLoader))

    for _ in range(10):
        run_process([*command, "--version"], version)
        run_process([python, "-c", "import typer"], typer_import)

    floor_ratio, assess_ratio = validate.cpu / drain.cpu, assess.cpu / validate.cpu
    peak = validate.peak_kib / 1024
    print(f"file: {args.activities:,} activities, {size:.1f} MiB; best of {args.repeat}")
    print(f"libyaml event stream drained:   {drain}")
    print(f"coopcheck validate (process):   {validate}, peak memory {peak:.0f} MiB")
    print(f"coopcheck assess (process):     {assess}, peak memory {assess.peak_kib / 1024:.0f} MiB")
    print(f"yaml.load(CSafeLoader):         {safe_load}")
    print(f"validate / event stream:        {floor_ratio:7.2f}  {verdict(floor_ratio, 1.5)}")
    print(f"assess / validate:              {assess_ratio:7.2f}  {verdict(assess_ratio, 1.2)}")
    print(
        f"  the same log in date order:   {assess_dated.cpu / validate_dated.cpu:7.2f}  (as a log grows; "
        f"assess {assess_dated.cpu:.2f} s, validate {validate_dated.cpu:.2f} s)"
    )
    print(
        f"validate peak memory:           {peak:7.0f}  MiB {verdict(peak, 200)}, "
        f"{validate.peak_kib * 1024 / args.activities:.0f} bytes per activity"
    )
    print(
        f"validate / yaml.load:           {validate.cpu / safe_load.cpu:7.2f}  "
        f"{verdict(validate.cpu / safe_load.cpu, 0.2)}"
    )
    print(f"coopcheck --version:            {version.cpu * 1000:7.0f} ms CPU")
    print(f"python -c 'import typer':       {typer_import.cpu * 1000:7.0f} ms CPU")
    print(
        f"--version / import typer:       {version.cpu / typer_import.cpu:7.2f}  "
        f"{verdict(version.cpu / typer_import.cpu, 1.3)}"
    )
    met = floor_ratio <= 1.5 and assess_ratio <= 1.2 and peak < 200
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
