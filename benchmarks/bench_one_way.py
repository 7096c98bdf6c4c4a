"""How early one-way streets are noticed, and how rarely a balanced partnership is called one, in one run.

Generates `--n` partnerships with benchmarks/oneway_generator.py (half turn one-sided in a random
month, half stay balanced with ordinary noise; see that module), assesses each at every month-end
from its start (`assess_at`, default parameters) and reads `reciprocity.one_way`. A turned
partnership is assessed until the first month-end at or after its turn at which a street is
detected (or its last month); a balanced one until its first alarm (or its last month).

The delay of a detection is its month minus the turn month: detected at the end of the turn month
is 0, at the end of the month after is 1; a street never detected counts as an infinite delay.
Printed, each with its target and PASS/FAIL:

- share of turned partnerships detected by the end of the month after the turn (>= 50%),
  and by the end of the second month after it (>= 95%);
- median delay (<= 1 month);
- turned partnerships with a detection at a month-end before the turn (0);
- of the detected, the share whose `since` is within one month of the turn (100%),
  and the share that name the right giver (100%);
- share of balanced partnerships with a detection at any month-end (<= 1%).

Then the same figures by kind of taker (turned) and by kind of noise (balanced), and the first
few misses with the traits that made them. `--dump NUMBER` prints one of them as a partnership
file, to look at it with `coopcheck assess FILE --as-of ...`.

`--seeds 5,8,13,21` pools several seeds' partnerships into one set of figures; `--set
reciprocity.one_way.silence_gifts=6` measures a parameter other than its default.

Usage: python benchmarks/bench_one_way.py [--n 800] [--seed 8 | --seeds S,S,...] [--set KEY=VALUE]
       [--show 5] [--dump NUMBER]
"""

from __future__ import annotations

import argparse
import math
import statistics
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from oneway_generator import Generated, as_yaml, generate, label, month_of, one
from pydantic import ValidationError

from coopcheck.assessment.engine import assess_at
from coopcheck.assessment.parameters import ScoringParameters


@dataclass(frozen=True)
class Result:
    item: Generated
    early: str | None = None  # month-end label of a detection before the turn
    detected: int | None = None  # month of the first detection at or after the turn (turned) / any (balanced)
    since: str | None = None
    giver: str | None = None
    assessed: int = 0  # month-ends assessed

    @property
    def delay(self) -> float:
        if self.item.turn is None or self.detected is None:
            return math.inf
        return self.detected - self.item.turn

    @property
    def since_ok(self) -> bool:
        assert self.item.turn is not None and self.since is not None
        year, month = self.since.split("-")
        return abs(int(year) * 12 + int(month) - 1 - self.item.turn) <= 1


def measure(item: Generated, params: ScoringParameters) -> Result:
    """Assess `item` month-end by month-end until what it tells is known."""
    early = None
    for count, as_of in enumerate(item.month_ends(), start=1):
        one_way = assess_at(item.loaded, as_of, params)[0].reciprocity.one_way
        if not one_way.detected:
            continue
        month = month_of(as_of)
        if item.turn is not None and month < item.turn:
            early = early or label(month)
            continue
        return Result(item, early, month, one_way.since, one_way.giver, count)
    return Result(item, early, assessed=len(item.month_ends()))


@dataclass(frozen=True)
class Line:
    name: str
    shown: str
    target: str
    passed: bool


def _share(part: int, whole: int) -> str:
    return f"{part / whole:6.1%} ({part}/{whole})" if whole else "     - (0/0)"


def figures(turned: list[Result], balanced: list[Result]) -> list[Line]:
    """The benchmark's figures and their targets."""
    by_next = sum(r.delay <= 1 for r in turned)
    by_second = sum(r.delay <= 2 for r in turned)
    median = statistics.median_low([r.delay for r in turned]) if turned else math.inf
    early = sum(r.early is not None for r in turned)
    detected = [r for r in turned if r.detected is not None]
    since_ok = sum(r.since_ok for r in detected)
    right = sum(r.giver == r.item.giver for r in detected)
    alarms = sum(r.detected is not None for r in balanced)
    n_turned, n_balanced, n_detected = len(turned), len(balanced), len(detected)
    return [
        Line("detected by the end of the month after the turn", _share(by_next, n_turned), ">= 50%",
             by_next >= 0.5 * n_turned),
        Line("detected by the end of the second month after it", _share(by_second, n_turned), ">= 95%",
             by_second >= 0.95 * n_turned),
        Line("median delay, months", "never" if math.isinf(median) else f"{median:g}", "<= 1", median <= 1),
        Line("detected before the turn", f"{early}", "0", early == 0),
        Line("since within one month of the turn", _share(since_ok, n_detected), "100%", since_ok == n_detected),
        Line("right giver", _share(right, n_detected), "100%", right == n_detected),
        Line("false alarms on balanced partnerships", _share(alarms, n_balanced), "<= 1%",
             alarms <= 0.01 * n_balanced),
    ]  # fmt: skip


def _by_trait(results: list[Result], traits: Iterable[str], shown: Callable[[list[Result]], str]) -> list[str]:
    lines = []
    for trait in traits:
        group = [r for r in results if trait in r.item.traits]
        if group:
            lines.append(f"  {trait:<17} {shown(group)}")
    return lines


def breakdown(turned: list[Result], balanced: list[Result]) -> list[str]:
    def turned_shown(group: list[Result]) -> str:
        return (f"n={len(group):<4} by next month {_share(sum(r.delay <= 1 for r in group), len(group))}, "
                f"a month later {_share(sum(r.delay <= 2 for r in group), len(group))}")  # fmt: skip

    def balanced_shown(group: list[Result]) -> str:
        return f"n={len(group):<4} false alarms {_share(sum(r.detected is not None for r in group), len(group))}"

    noise = ("steady", "60/40", "quiet-august", "quiet-december", "lumpy", "slowing", "one-sided-months")
    return [
        "turned, by taker and by noise before the turn:",
        *_by_trait(turned, ("clean", "trickle", "hosts", "asks", *noise), turned_shown),
        "balanced, by noise:",
        *_by_trait(balanced, noise, balanced_shown),
    ]


def examples(turned: list[Result], balanced: list[Result], show: int) -> list[str]:
    late = [r for r in turned if r.delay > 2 or r.early or (r.detected is not None and not r.since_ok)]
    alarms = [r for r in balanced if r.detected is not None]
    lines = []
    for r in late[:show]:
        found = "never" if r.detected is None else f"at {label(r.detected)} since {r.since} giver {r.giver}"
        lines.append(f"  turned #{r.item.number}: turn {r.item.turn_label} giver {r.item.giver}; detected {found}"
                     f"{'; early at ' + r.early if r.early else ''} [{', '.join(r.item.traits)}]")  # fmt: skip
    for r in alarms[:show]:
        assert r.detected is not None
        lines.append(f"  balanced #{r.item.number}: alarm at {label(r.detected)} since {r.since} giver {r.giver} "
                     f"[{', '.join(r.item.traits)}]")  # fmt: skip
    return ["examples (late, early, wrong onset, false alarms):", *lines] if lines else []


def parameters(settings: list[str]) -> ScoringParameters:
    """The default scoring parameters with `section.key=value` settings applied."""
    changed: dict[str, Any] = {}
    for setting in settings:
        path, _, value = setting.partition("=")
        *sections, key = path.split(".")
        place = changed
        for section in sections:
            place = place.setdefault(section, {})
        place[key] = value
    return ScoringParameters.model_validate(changed)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--n", type=int, default=800, help="partnerships to generate (half of them turned)")
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument(
        "--seeds", metavar="S,S,...", help="pool the partnerships of several seeds (--n each) into one set of figures"
    )
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="a scoring parameter other than its default, e.g. reciprocity.one_way.silence_gifts=6 (repeatable)",
    )
    parser.add_argument("--show", type=int, default=5, help="misses and false alarms to list")
    parser.add_argument("--dump", type=int, metavar="NUMBER", help="print partnership NUMBER as YAML and stop")
    args = parser.parse_args(argv)
    if args.dump is not None:
        print(as_yaml(one(args.seed, args.dump, turned=args.dump % 2 == 0)), end="")
        return 0
    start = time.perf_counter()
    seeds = [int(seed) for seed in args.seeds.split(",")] if args.seeds else [args.seed]
    items = [item for seed in seeds for item in generate(args.n, seed)]
    try:
        params = parameters(args.set)
    except ValidationError as exc:
        parser.error(f"--set: {exc}")
    results = [measure(item, params) for item in items]
    turned = [r for r in results if r.item.turned]
    balanced = [r for r in results if not r.item.turned]
    lines = figures(turned, balanced)
    shown_seeds = f"seed{'s' if len(seeds) > 1 else ''} {', '.join(map(str, seeds))}"
    changed = f"; {', '.join(args.set)}" if args.set else ""
    print(f"one-way streets: {len(turned)} turned and {len(balanced)} balanced partnerships, {shown_seeds}{changed}")
    for line in lines:
        print(f"{line.name:<49} {line.shown:<20} target {line.target:<7} {'PASS' if line.passed else 'FAIL'}")
    for text in breakdown(turned, balanced) + examples(turned, balanced, args.show):
        print(text)
    print(f"{sum(r.assessed for r in results)} month-ends assessed in {time.perf_counter() - start:.0f} s")
    return 0 if all(line.passed for line in lines) else 1


if __name__ == "__main__":
    sys.exit(main())
