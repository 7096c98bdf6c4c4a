"""Story: a co-development seven months into a 20-month plan, well run, nothing due yet.

Sternberg Medizintechnik (Tuttlingen) and Brera Ottica (Milan) build a 4K endoscope camera head.
Both sponsors steer every two months, the engineers work together every week, each side gives
something of substance every month, requests are answered in days, reviews are monthly with
actions that happen, and the 50/50 cost split is kept. The first outcomes are due in 2027.
"""

from __future__ import annotations

import datetime as dt
import random

from examples.rhythm import answered, contribution, every, reviews, shared_costs, steering
from examples.shared import LAST_DAY, Act, Example, Log, Pool, day_in, months, other

D = dt.date
S, B = "sternberg", "brera"
P = (S, B)
SPONSOR = {S: "Dr. Ulrike Sternberg", B: "Ing. Paolo Bianchi"}
STAFF = {S: ["Tobias Mayer", "Katharina Roth", "Simon Hipp"], B: ["Giulia Ferraro", "Marco Colombo", "Elena Ricci"]}
STARTED = D(2026, 5, 4)


def _pools(rng: random.Random) -> tuple[dict[str, Pool], dict[str, Pool]]:
    gives = {
        S: Pool(
            rng,
            [
                ("content", "Mechanical drawings of the camera head housing, revision {n}"),
                ("support", "Sterilisation test of the lens prototypes in the Tuttlingen lab"),
                ("enablement", "MDR technical documentation training for the Brera team"),
                ("content", "Clinical user feedback from two ENT surgeons on prototype {n}"),
                ("support", "Autoclave cycle data for the seal design"),
                ("introduction", "Intro to the notified body contact at TÜV Süd"),
            ],
        ),
        B: Pool(
            rng,
            [
                ("content", "Optical design of the 4K relay lens, iteration {n}"),
                ("support", "Prototype lens batch {n} shipped to Tuttlingen"),
                ("content", "Image quality test report for prototype {n}"),
                ("enablement", "Lens coating workshop for the Sternberg engineers"),
                ("support", "Tolerance analysis of the optical train"),
                ("introduction", "Intro to a sensor supplier in Eindhoven"),
            ],
        ),
    }
    asks = {  # asked BY the key: (request, answer)
        S: Pool(
            rng,
            [
                ("Focal length tolerances for the housing drawing", "Focal length tolerances"),
                ("Lens weights for the balance test", "Lens weights"),
                ("Coating spec for the autoclave test", "Coating specification"),
                ("Optical test chart results for prototype {n}", "Optical test chart results"),
            ],
        ),
        B: Pool(
            rng,
            [
                ("Housing interface dimensions for the lens mount", "Housing interface dimensions"),
                ("Seal material data sheet", "Seal material data sheet"),
                ("Surgeon feedback on image brightness", "Surgeon feedback summary"),
                ("Test slot on the Tuttlingen autoclave", "Autoclave test slot booked"),
            ],
        ),
    }
    return gives, asks


def _working_months(rng: random.Random) -> list[Act]:
    gives, asks = _pools(rng)
    acts: list[Act] = []
    for n, (y, m) in enumerate(months((2026, 5), (2026, 11)), start=1):
        lo = 6 if (y, m) == (2026, 5) else 2
        for week in range(4):  # weekly engineering call or workshop, hosted alternately
            k = P[week % 2]
            kind = "workshop" if week == 1 else "call"
            day = day_in(rng, y, m, max(lo, 1 + 7 * week), min(27, 7 + 7 * week))
            topic = (
                f"Design sync on prototype {n}: optics and housing"
                if kind == "call"
                else (f"Integration workshop on prototype {n} in {'Milan' if k == S else 'Tuttlingen'}")
            )
            people = [rng.choice(STAFF[k]), rng.choice(STAFF[other(P, k)])]
            acts.append(Act(day, k, other(P, k), kind, "working", people, topic, hours=2 if kind == "call" else 6))
        for k in P:  # something of substance from each side every month
            for _ in range(rng.choice([1, 2])):
                day = day_in(rng, y, m, lo, 27)
                acts.append(contribution(rng, P, day, k, gives, STAFF, [4, 6, 8, 12], n=n))
            ask, answer = asks[k].take()
            people = (rng.choice(STAFF[k]), rng.choice(STAFF[other(P, k)]))
            day = day_in(rng, y, m, lo, 22)
            acts += answered(rng, day, k, other(P, k), people, (ask.format(n=n), answer), rng.choice([1, 2, 3]))
    return acts


def building() -> Example:
    rng = random.Random(2606)
    acts = _working_months(rng)
    acts += steering(
        rng,
        P,
        SPONSOR,
        [
            (D(2026, 5, 5), B, "Kickoff in Tuttlingen: scope, milestones to 2027 and the 50/50 cost split"),
            (D(2026, 7, 8), S, "Steering committee in Milan on prototype 2 and the clinical test plan"),
            (D(2026, 9, 9), B, "Steering committee in Tuttlingen on the MDR route and the 2027 budget"),
            (D(2026, 11, 11), S, "Steering committee in Milan on prototype 6 and the pilot hospitals"),
        ],
    )
    acts += shared_costs(
        P,
        SPONSOR,
        [  # shared costs, split 50/50 as agreed
            (D(2026, 5, 19), {S: 15000, B: 15000}, "Prototype tooling for the camera head housing"),
            (D(2026, 8, 18), {S: 12000, B: 12000}, "4K sensor evaluation kits"),
            (D(2026, 10, 20), {S: 18000, B: 18000}, "Biocompatibility and sterilisation tests at an accredited lab"),
        ],
    )
    acts += reviews(
        rng,
        every(D(2026, 6, 2), LAST_DAY, 30),
        lambda i: P[i % 2],
        P,
        STAFF,
        "Monthly review: milestones, open requests, cost tracking",
        acts,
    )
    kickoff = [a for a in acts if a.date < D(2026, 6, 1)]
    later = [a for a in acts if a.date >= D(2026, 6, 1)]
    return Example(
        name="building",
        id_prefix="bu",
        comment=[
            "Sternberg x Brera: a co-development seven months into a 20-month plan. Strong on every",
            "influence factor, something of substance from each side every month, no outcome due",
            "before 2027. The log from June 2026 is logs/building-2026.yaml.",
        ],
        definition={
            "coopcheck": 1,
            "id": "sternberg-brera",
            "name": "Sternberg x Brera 4K endoscope camera head",
            "kind": "development",
            "started": STARTED,
            "currency": "EUR",
            "review_every_days": 30,
            "partners": {
                S: {
                    "name": "Sternberg Medizintechnik GmbH",
                    "sponsor": SPONSOR[S],
                    "contacts": STAFF[S],
                    "hourly_rate": 120,
                },
                B: {"name": "Brera Ottica S.r.l.", "sponsor": SPONSOR[B], "contacts": STAFF[B], "hourly_rate": 105},
            },
            "success_factors": {
                "outcomes": {
                    "joint_campaigns": {"target": 1, "by": D(2027, 11, 30)},
                    "projects_won": {"target": 2, "by": D(2027, 12, 31)},
                    "revenue": {"target": 120000, "by": D(2027, 12, 31)},
                },
                "influence": {"cost_split": {S: 50, B: 50}, "response_days": 5},
            },
        },
        activities=kickoff,
        logs=[Log("logs/building-2026.yaml", later)],
    )
