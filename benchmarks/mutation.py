"""Mutation kill rate of the scoring engine (`src/coopcheck/assessment/`, `src/coopcheck/factors/`).

mutmut changes one operator, constant or name at a time in those two packages and reruns the fast
engine tests (`[tool.mutmut]` in pyproject.toml); a mutant no test notices is a rule nobody defends.

    nice -n 10 .venv/bin/python benchmarks/mutation.py                # every mutant (hours on 2 cores)
    nice -n 10 .venv/bin/python benchmarks/mutation.py --sample 300   # a seeded random sample
    nice -n 10 .venv/bin/python benchmarks/mutation.py --sample 300 --survivors  # rerun what the sample left alive
    nice -n 10 .venv/bin/python benchmarks/mutation.py --report       # the rate of what has run so far
    nice -n 10 .venv/bin/python benchmarks/mutation.py --sample 100 --without reciprocity.x__cusum
                                                       # the rate also without the mutants named so

Prints the kill rate: killed (or timed out) / (mutants run - the equivalent ones listed in
`benchmarks/mutation_equivalent.txt`). A mutant in code no selected test reaches counts as
surviving. Results are kept in `mutants/`; since new tests can only kill more mutants, `--survivors`
reruns just the mutants of the sample that are not yet killed (any change to `[tool.mutmut]` resets
every result).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
from collections import Counter
from pathlib import Path

from mutmut.stats import status_by_exit_code

ROOT = Path(__file__).resolve().parent.parent
MUTANTS = ROOT / "mutants" / "src" / "coopcheck"
EQUIVALENT = Path(__file__).with_name("mutation_equivalent.txt")
MUTMUT = Path(sys.executable).with_name("mutmut")
CAUGHT = ("killed", "timeout", "caught by type check")


def outcomes() -> dict[str, int | None]:
    """Every generated mutant and its mutmut exit code (None: not run yet)."""
    found: dict[str, int | None] = {}
    for meta in sorted(MUTANTS.rglob("*.py.meta")):
        found |= json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
    return found


def equivalent() -> set[str]:
    """Mutants that change no behaviour, one per line with its reason after `#`."""
    if not EQUIVALENT.exists():
        return set()
    lines = (line.split("#", 1)[0].strip() for line in EQUIVALENT.read_text(encoding="utf-8").splitlines())
    return {line for line in lines if line}


def mutmut(*names: str, expect_failure: bool = False) -> None:
    env = {**os.environ, "COOPCHECK_HYPOTHESIS_PROFILE": "mutation"}
    command = [str(MUTMUT), "run", "--max-children", "2", *names]
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0 and not expect_failure:
        print(done.stdout[-3000:], done.stderr[-3000:], sep="\n", file=sys.stderr)


def report(names: list[str] | None = None, without: list[str] | None = None) -> int:
    codes = outcomes()
    skip = equivalent()
    ran = {name: code for name, code in codes.items() if code is not None and name not in skip}
    if names is not None:
        ran = {name: code for name, code in ran.items() if name in names}
    if not ran:
        print("no mutant has run yet")
        return 1
    print(f"mutants generated: {len(codes)}, run: {len(ran)}, equivalent (excluded): {len(skip & set(codes))}")
    if stale := sorted(skip - set(codes)):
        print(f"listed as equivalent but not generated (the code changed: check the list): {', '.join(stale)}")
    print(rate(ran))
    if without:
        kept = {name: code for name, code in ran.items() if not any(text in name for text in without)}
        print(f"without {', '.join(without)}: {rate(kept)}")
    return 0


def rate(ran: dict[str, int | None]) -> str:
    """The tally of `ran` by status and the kill rate, on two lines."""
    tally = Counter(status_by_exit_code[code] for code in ran.values())
    caught = sum(tally[status] for status in CAUGHT)
    counts = "  ".join(f"{key}: {count}" for key, count in sorted(tally.items()))
    return f"{counts}\nkill rate: {caught / len(ran):.1%} ({caught} of {len(ran)})" if ran else "no mutant"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sample", type=int, help="run only this many mutants, drawn at random")
    parser.add_argument("--seed", type=int, default=8, help="seed of the sample (default 8)")
    parser.add_argument("--survivors", action="store_true", help="rerun only the sample's mutants not yet killed")
    parser.add_argument("--report", action="store_true", help="only print the rate of what has run")
    parser.add_argument(
        "--without",
        action="append",
        default=[],
        metavar="TEXT",
        help="also print the rate without the mutants whose name contains TEXT (repeatable)",
    )
    args = parser.parse_args()
    if args.report:
        return report(without=args.without)
    if args.sample is None:
        mutmut()
        return report(without=args.without)
    if not outcomes():
        # mutmut has no `generate`: a filter that matches nothing stops right after generating
        mutmut("generate-only", expect_failure=True)
    population = sorted(outcomes())  # drawn from every mutant, so listing an equivalent one keeps the sample
    sample = sorted(random.Random(args.seed).sample(population, min(args.sample, len(population))))
    codes, skip = outcomes(), equivalent()
    alive = [name for name in sample if name not in skip and status_by_exit_code[codes[name]] not in CAUGHT]
    if alive or not args.survivors:
        mutmut(*(alive if args.survivors else [name for name in sample if name not in skip]))
    return report(sample, without=args.without)


if __name__ == "__main__":
    sys.exit(main())
