"""Memory of `coopcheck validate` on a 60 MB activity log, CSV and YAML, measured in one run.

Writes a partnership file with one log of about `--megabytes` MB (just under the 64 MiB limit on
a single file), once as CSV (a CRM export's columns) and once as YAML, runs `coopcheck validate`
on each in a fresh process, and prints its peak resident memory (`getrusage` of the child), its
CPU time and how many bytes each activity costs. The target is a peak under 1 GiB: loading
streams the log and keeps only the validated activities.

Usage: python benchmarks/bench_large_log.py [--megabytes 60]
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

LIMIT_MIB = 1024
SIDES = ("northwind", "contoso")
TYPES = ("meeting", "call", "referral", "lead", "enablement", "support", "request", "delivery", "revenue")
COLUMNS = ("id", "date", "from", "to", "type", "level", "people", "topic", "hours", "travel_cost")
PARTNERSHIP = """\
coopcheck: 1
id: large-log
name: Large log
kind: joint_market
started: 2025-01-01
partners:
  northwind: {{name: Northwind Consulting GmbH, sponsor: Anna Weber, contacts: [Jonas Keller]}}
  contoso: {{name: Contoso AG, sponsor: Peter Lang, contacts: [Lea Vogt]}}
logs: [{log}]
"""


def activities(seed: int = 7) -> Iterator[dict[str, str]]:
    rng = random.Random(seed)
    number = 0
    while True:
        giver = rng.randrange(2)
        yield {
            "id": f"a{number}",
            "date": f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            "from": SIDES[giver],
            "to": SIDES[1 - giver],
            "type": rng.choice(TYPES),
            "level": "working",
            "people": "Jonas Keller;Lea Vogt",
            "topic": f"Pipeline review for account {number}",
            "hours": str(rng.randint(1, 16) / 2),
            "travel_cost": str(rng.choice((0, 0, 0, 180))),
        }
        number += 1


def write_log(path: Path, size: int) -> int:
    """Write activities until the file holds `size` bytes; return how many."""
    count = 0
    with path.open("w", encoding="utf-8", newline="") as out:
        if path.suffix == ".csv":
            out.write(",".join(COLUMNS) + "\n")
        for activity in activities():
            if out.tell() >= size:
                break
            if path.suffix == ".csv":
                out.write(",".join(activity[column] for column in COLUMNS) + "\n")
            else:
                people = activity["people"].replace(";", ", ")
                out.write(f"- id: {activity['id']}\n")
                out.write("".join(f"  {key}: {activity[key]}\n" for key in COLUMNS[1:] if key != "people"))
                out.write(f"  people: [{people}]\n")
            count += 1
    return count


def measure(command: list[str]) -> tuple[float, float, int]:
    """Wall time, CPU time and peak resident memory (KiB) of one fresh process."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        assert process.stderr is not None
        sys.exit(f"command failed: {' '.join(command)}\n{process.stderr.read().decode()}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--megabytes", type=float, default=60)
    args = parser.parse_args()
    size = int(args.megabytes * 1_000_000)
    worst = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for suffix in (".csv", ".yaml"):
            folder = Path(tmp) / suffix[1:]
            folder.mkdir()
            log = folder / f"log{suffix}"
            count = write_log(log, size)
            partnership = folder / "partnership.yaml"
            partnership.write_text(PARTNERSHIP.format(log=log.name), encoding="utf-8")
            command = [sys.executable, "-m", "coopcheck", "validate", "--as-of", "2026-01-01", str(partnership)]
            wall, cpu, peak_kib = measure(command)
            peak = peak_kib / 1024
            worst = max(worst, peak)
            print(
                f"{suffix[1:]:4s} log: {log.stat().st_size / 1e6:5.1f} MB, {count:,} activities; validate "
                f"{cpu:5.1f} s CPU ({wall:5.1f} s wall), peak memory {peak:6.0f} MiB, "
                f"{peak_kib * 1024 / count:5.0f} bytes per activity"
            )
    verdict = "met" if worst < LIMIT_MIB else "MISSED"
    print(f"largest peak: {worst:.0f} MiB (target < {LIMIT_MIB} MiB: {verdict})")
    return 0 if worst < LIMIT_MIB else 1


if __name__ == "__main__":
    sys.exit(main())
