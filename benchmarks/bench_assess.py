"""How `assess` grows with the log: 10,000 against 100,000 activities, in one run.

Builds both partnerships in memory, in date order as a log is written (validated models, most
activity types, requests with answers, reviews with actions, outcomes; building is not timed),
times `assess` on each (best of `--repeat`), and prints both times and the growth ratio.
Assessment is one linear pass over the log (twice: now and the end of the previous month), so ten
times the log should cost about ten times the time; the target is at most 11x.

Usage: PYTHONPATH=src python benchmarks/bench_assess.py [--repeat 3] [--seed 7]
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import random
import sys
import time
from typing import Any

from coopcheck.assessment.engine import assess
from coopcheck.models import Activity, LoadedPartnership, Origin, Partnership

SIDES = ("northwind", "contoso")
PEOPLE = {"northwind": ["Anna Weber", "Jonas Keller", "Mia Braun"], "contoso": ["Peter Lang", "Lea Vogt"]}
TYPES = ["meeting", "call", "message", "referral", "lead", "introduction", "support", "content", "investment"]
STARTED = dt.date(2023, 1, 1)
DAYS = 3 * 365
AS_OF = STARTED + dt.timedelta(days=DAYS)
TARGET_RATIO = 11.0


def definition() -> Partnership:
    return Partnership.model_validate(
        {
            "coopcheck": 1,
            "id": "bench",
            "name": "Benchmark partnership",
            "kind": "joint_market",
            "started": STARTED.isoformat(),
            "review_every_days": 30,
            "partners": {
                "northwind": {"name": "Northwind", "sponsor": "Anna Weber", "contacts": ["Jonas Keller", "Mia Braun"],
                              "hourly_rate": 120},
                "contoso": {"name": "Contoso", "sponsor": "Peter Lang", "contacts": ["Lea Vogt"], "hourly_rate": 110},
            },
            "success_factors": {
                "outcomes": {"joint_campaigns": {"target": 40}, "projects_won": {"target": 30},
                             "revenue": {"target": 2_500_000}},
                "influence": {"cost_split": {"northwind": 50, "contoso": 50}, "response_days": 5},
            },
        }
    )  # fmt: skip


def activity(
    rng: random.Random, number: int, day: dt.date, open_requests: list[tuple[str, str, dt.date]]
) -> dict[str, Any]:
    side = rng.choice(SIDES)
    other = SIDES[1] if side == SIDES[0] else SIDES[0]
    data: dict[str, Any] = {
        "id": f"a{number}",
        "date": day.isoformat(),
        "from": side,
        "to": other,
        "level": rng.choice(["executive", "working"]),
        "people": rng.sample(PEOPLE[side], 1) + rng.sample(PEOPLE[other], 1),
        "hours": rng.choice([0.5, 1, 2, 4]),
    }
    roll = rng.random()
    if roll < 0.08:
        data |= {"type": "request", "topic": "Question", "due": (day + dt.timedelta(days=7)).isoformat()}
        open_requests.append((data["id"], other, day))
    elif roll < 0.15 and open_requests:
        request_id, answering, _ = open_requests.pop(0)
        data |= {"type": "delivery", "from": answering, "to": other if answering == side else side,
                 "responds_to": request_id, "topic": "Answer"}  # fmt: skip
    elif roll < 0.17:
        data |= {"type": "review", "topic": "Review", "actions": [f"Follow up with {PEOPLE[other][0]}"]}
    elif roll < 0.19:
        data |= {"type": rng.choice(["joint_campaign", "project_won", "revenue"]), "value": 10_000,
                 "attribution": "sourced"}  # fmt: skip
    else:
        kind = rng.choice(TYPES)
        data |= {"type": kind, "travel_cost": rng.choice([0, 0, 0, 250])}
        if kind == "investment":
            data["value"] = 1_000
        if rng.random() < 0.8:
            data["topic"] = "Pipeline"
    return data


def partnership(size: int, seed: int) -> LoadedPartnership:
    rng = random.Random(seed)
    open_requests: list[tuple[str, str, dt.date]] = []
    # A log is written as things happen: generate in date order, as a real file would be read.
    days = sorted(STARTED + dt.timedelta(days=rng.randrange(DAYS)) for _ in range(size))
    activities = [Activity.model_validate(activity(rng, n, day, open_requests)) for n, day in enumerate(days)]
    origins = tuple(Origin("bench.yaml", 10 + i) for i in range(size))
    return LoadedPartnership(definition(), tuple(activities), origins, "bench.yaml")


def timed(loaded: LoadedPartnership, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        assess(loaded, AS_OF)
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    small, large = partnership(10_000, args.seed), partnership(100_000, args.seed)
    # The command line runs the cycle collector rarely (`coopcheck.cli.main`); here what was built is
    # moved out of its sight, or every collection during the timed runs rescans the 100,000 activities.
    gc.freeze()
    assess(small, AS_OF)  # warm up imports and caches
    small_time, large_time = timed(small, args.repeat), timed(large, args.repeat)
    ratio = large_time / small_time
    print(f"assess  10,000 activities: {small_time * 1000:8.1f} ms")
    print(f"assess 100,000 activities: {large_time * 1000:8.1f} ms")
    print(f"growth: {ratio:.1f}x (target <= {TARGET_RATIO:g}x)")
    return 0 if ratio <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
