"""The faults a fuzzing campaign found, each timed as a fresh `coopcheck` process, in one run.

For each fault the command runs on the input that once hung, crashed or ate memory, and the
script prints its exit code, its time as a ratio to `coopcheck validate` of a shipped example
(the same start-up, a normal file), and its peak memory. Target: every fault answers with exit 2
(or 0 for the bounded trend) in at most 5 times a plain validate's time and under 1 GiB.

Usage: python benchmarks/bench_faults.py
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = ROOT / "tests" / "catalogue"
EXAMPLE = ROOT / "examples" / "thriving.yaml"
COOPCHECK = [sys.executable, "-m", "coopcheck"]
TARGET_RATIO = 5.0
TARGET_BYTES = 1 << 30


def measure(args: list[str], cwd: Path) -> tuple[int, float, int]:
    """Exit code, seconds and peak memory in bytes of one coopcheck process."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [*COOPCHECK, *args], cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    return process.returncode, time.perf_counter() - started, usage.ru_maxrss * 1024


def _case(scratch: Path, name: str) -> Path:
    folder = scratch / name
    shutil.copytree(CATALOGUE / name, folder, symlinks=True)
    return folder


def faults(scratch: Path) -> list[tuple[str, list[str], Path]]:
    """(what, arguments, folder) for each fault."""
    one = _case(scratch, "log-is-directory")
    (one / "partnership.yaml").write_text(
        (one / "partnership.yaml").read_text(encoding="utf-8").replace("logs: [logs/h1.yaml]\n", ""), encoding="utf-8"
    )
    old = scratch / "started-1900"
    old.mkdir()
    (old / "partnership.yaml").write_text(
        (one / "partnership.yaml").read_text(encoding="utf-8").replace("2026-01-15", "1900-01-01"), encoding="utf-8"
    )
    pipes = scratch / "pipes"
    pipes.mkdir()
    os.mkfifo(pipes / "partnership.yaml")
    validate = ["validate", "partnership.yaml", "--as-of", "2026-11-28"]
    return [
        ("1 log name too long", validate, _case(scratch, "log-name-too-long")),
        ("2 NUL in a log name", validate, _case(scratch, "log-name-nul")),
        ("3 amount 1e29, target 1e300", validate, _case(scratch, "amount-out-of-range")),
        ("4 hourly_rate 1e308", validate, _case(scratch, "hourly-rate-out-of-range")),
        ("5 control characters", validate, _case(scratch, "control-characters-in-value")),
        ("6 --as-of 0001-01-01", ["assess", "partnership.yaml", "--as-of", "0001-01-01"], one),
        ("6 started 9999-12-31", validate, _case(scratch, "started-out-of-range")),
        ("7 trend --as-of 2099-12-31", ["trend", "partnership.yaml", "--as-of", "2099-12-31"], one),
        ("7 html, started 1900, 2099", ["assess", "partnership.yaml", "--as-of", "2099-12-31", "-f", "html"], old),
        ("7 activity dated 0001-01-01", validate, _case(scratch, "activity-in-year-one")),
        ("8 validate /dev/zero", ["validate", "/dev/zero"], one),
        ("8 validate /dev/urandom", ["validate", "/dev/urandom"], one),
        ("9 a FIFO as the partnership file", validate, pipes),
        ("12 a log listed twice", validate, _case(scratch, "log-listed-twice")),
    ]


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="coopcheck-bench-faults-") as name:
        scratch = Path(name)
        _, baseline, _ = measure(["validate", str(EXAMPLE), "--as-of", "2026-11-28"], ROOT)
        print(f"baseline: validate {EXAMPLE.name} {baseline:.2f} s")
        print(f"{'fault':36} {'exit':>4} {'ratio':>6} {'peak MiB':>9}")
        worst = 0.0
        heaviest = 0
        for what, args, folder in faults(scratch):
            code, seconds, peak = measure(args, folder)
            worst, heaviest = max(worst, seconds / baseline), max(heaviest, peak)
            print(f"{what:36} {code:>4} {seconds / baseline:>6.2f} {peak / 2**20:>9.0f}")
        ok = worst <= TARGET_RATIO and heaviest < TARGET_BYTES
        print(f"worst ratio {worst:.2f} (target <= {TARGET_RATIO}), peak {heaviest / 2**20:.0f} MiB (target < 1024)")
        return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
