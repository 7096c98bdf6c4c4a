"""Loading speed and start-up time, as ratios measured in one run.

Generates a partnership file with 100,000 activities (about 20 MB) and prints, best of
`--repeat` runs each:

- `coopcheck validate` (a fresh process, start-up included) against draining libyaml's bare
  event stream for the same file (target <= 2.0) and against `yaml.load(CSafeLoader)`
  (target <= 0.2), with the validate process's peak memory;
- `coopcheck --version` against `python -c "import typer"` (target <= 1.3).

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


def write_partnership(path: Path, activities: int) -> None:
    rng = random.Random(7)
    sides = ("northwind", "contoso")
    with path.open("w", encoding="utf-8") as out:
        out.write(HEADER)
        for i in range(activities):
            giver = rng.randrange(2)
            out.write(
                f"  - id: a{i}\n"
                f"    date: 2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}\n"
                f"    from: {sides[giver]}\n"
                f"    to: {sides[1 - giver]}\n"
                f"    type: {rng.choice(TYPES)}\n"
                "    level: working\n"
                "    people: [Jonas Keller, Lea Vogt]\n"
                f"    topic: Pipeline review for account {i}\n"
                f"    hours: {rng.randint(1, 16) / 2}\n"
                f"    travel_cost: {rng.choice((0, 0, 0, 180))}\n"
            )


def best_of(repeat: int, action) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def run_process(command: list[str]) -> tuple[float, int]:
    """Wall time and peak resident memory (KiB) of one fresh process."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        sys.exit(f"command failed ({process.returncode}): {' '.join(command)}\n{process.stderr.read().decode()}")
    return elapsed, usage.ru_maxrss


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--activities", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    python = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "partnership.yaml"
        write_partnership(path, args.activities)
        text = path.read_text(encoding="utf-8")
        size = path.stat().st_size / 1048576

        def drain() -> None:
            for _ in yaml.parse(text, Loader=yaml.CBaseLoader):
                pass

        def safe_load() -> None:
            yaml.load(text, Loader=yaml.CSafeLoader)

        validate_runs = [
            run_process([python, "-m", "coopcheck", "validate", "--as-of", "2026-01-01", str(path)])
            for _ in range(args.repeat)
        ]
        validate_time = min(t for t, _ in validate_runs)
        peak = max(m for _, m in validate_runs)
        drain_time = best_of(args.repeat, drain)
        load_time = best_of(1, safe_load)

    version_time = min(run_process([python, "-m", "coopcheck", "--version"])[0] for _ in range(10))
    typer_time = min(run_process([python, "-c", "import typer"])[0] for _ in range(10))

    print(f"file: {args.activities:,} activities, {size:.1f} MiB")
    print(f"libyaml event stream drained:   {drain_time:7.2f} s")
    print(f"yaml.load(CSafeLoader):         {load_time:7.2f} s")
    print(f"coopcheck validate (process):   {validate_time:7.2f} s, peak memory {peak / 1024:.0f} MiB")
    print(f"validate / event stream:        {validate_time / drain_time:7.2f}  (target <= 2.0)")
    print(f"validate / yaml.load:           {validate_time / load_time:7.2f}  (target <= 0.2)")
    print(f"coopcheck --version:            {version_time * 1000:7.0f} ms")
    print(f"python -c 'import typer':       {typer_time * 1000:7.0f} ms")
    print(f"--version / import typer:       {version_time / typer_time:7.2f}  (target <= 1.3)")


if __name__ == "__main__":
    main()
