"""Story: a balanced, healthy partnership kept in Swiss francs.

Aarwerk Automation (Aarau, line automation) and Léman Vision (Lausanne, machine vision) sell
inspection cells to Swiss pharma and watchmaking firms. Rates, costs, deals and revenue are in
CHF. Both sides give every month, answer within days, split costs 50/50, review monthly and win
business in both directions. The verdict must be the same as for the same figures in EUR.
"""

from __future__ import annotations

import datetime as dt
import random

from examples.rhythm import answered, contribution, every, outcomes, reviews, shared_costs, steering
from examples.shared import LAST_DAY, Act, Example, Pool, day_in, months, other

D = dt.date
A, L = "aarwerk", "leman"
P = (A, L)
SPONSOR = {A: "Beat Zimmermann", L: "Dr. Claire Rochat"}
STAFF = {A: ["Reto Baumann", "Sandra Keller"], L: ["Julien Favre", "Nadia Perret"]}


def _months(rng: random.Random) -> list[Act]:
    gives = {
        A: Pool(
            rng,
            [
                ("lead", "{c} plans an automated packaging line with vision inspection"),
                ("referral", "{c} asks for a vision partner for its assembly cell"),
                ("support", "Aarwerk engineer integrates the Léman camera at {c}"),
                ("content", "German offer template for inspection cells"),
            ],
        ),
        L: Pool(
            rng,
            [
                ("lead", "{c} wants its manual inspection automated"),
                ("referral", "{c} asks Léman for a line integrator"),
                ("enablement", "Léman vision training for two Aarwerk engineers"),
                ("content", "French case study for the Aarwerk website"),
            ],
        ),
    }
    clients = Pool(
        rng,
        [
            "Jura Horlogerie",
            "Rheinpharma Basel",
            "Emmental Käse",
            "Vaud Médical",
            "Tessin Precisione",
            "Zuger Kapseln",
            "Glarner Stanztechnik",
            "Neuchâtel Microtech",
        ],
    )
    acts: list[Act] = []
    for y, m in months((2025, 10), (2026, 11)):
        for k in P:
            c = clients.take()
            people = [rng.choice(STAFF[k]), rng.choice(STAFF[other(P, k)])]
            acts.append(
                Act(
                    day_in(rng, y, m, 3, 26),
                    k,
                    other(P, k),
                    "meeting",
                    "working",
                    people,
                    f"Joint offer for {c}",
                    hours=3,
                    travel_cost=rng.randrange(60, 160, 10),
                )
            )
            for _ in range(rng.choice([1, 2])):
                day = day_in(rng, y, m, 2, 27)
                acts.append(contribution(rng, P, day, k, gives, STAFF, [3, 4, 6], c=clients.take()))
            people2 = (rng.choice(STAFF[k]), rng.choice(STAFF[other(P, k)]))
            texts = (f"Cycle-time estimate for {c}", f"Cycle-time estimate for {c}")
            acts += answered(rng, day_in(rng, y, m, 2, 20), k, other(P, k), people2, texts, rng.choice([1, 2]))
    return acts


def chf() -> Example:
    rng = random.Random(2610)
    acts = _months(rng)
    acts += steering(
        rng,
        P,
        SPONSOR,
        [
            (D(2025, 10, 2), L, "Kickoff in Aarau: targets in CHF, cost split, review rhythm"),
            (D(2026, 1, 14), A, "Executive meeting in Lausanne on the 2026 plan"),
            (D(2026, 4, 15), L, "Executive meeting in Aarau on Q1 results"),
            (D(2026, 7, 8), A, "Executive meeting in Lausanne on the half year"),
            (D(2026, 10, 14), L, "Executive meeting in Aarau on 2027 targets"),
        ],
        travel=(140, 260),
    )
    acts += shared_costs(
        P,
        SPONSOR,
        [
            (D(2025, 11, 11), {A: 8000, L: 8000}, "Demo inspection cell for trade fairs"),
            (D(2026, 3, 10), {A: 11000, L: 11000}, "Joint stand at a Swiss automation fair"),
            (D(2026, 9, 8), {A: 9000, L: 9000}, "Pharma GMP validation package"),
        ],
    )
    acts += reviews(
        rng,
        every(D(2025, 10, 28), LAST_DAY, 30),
        lambda i: P[i % 2],
        P,
        STAFF,
        "Monthly review: offers, requests, next steps",
        acts,
    )
    acts += outcomes(
        P,
        SPONSOR,
        [
            (D(2025, 12, 10), L, "joint_campaign", None, None, "Mailing on automated inspection to 300 pharma plants"),
            (
                D(2026, 1, 21),
                A,
                "project_won",
                180000,
                "sourced",
                "Rheinpharma Basel: inspection cell for blister packs",
            ),
            (D(2026, 3, 18), A, "joint_campaign", None, None, "Joint stand campaign at the automation fair"),
            (D(2026, 3, 25), A, "revenue", 90000, "sourced", "Rheinpharma Basel, first instalment"),
            (D(2026, 5, 13), L, "project_won", 150000, "sourced", "Jura Horlogerie: dial inspection cell"),
            (D(2026, 6, 17), L, "joint_campaign", None, None, "Webinar on vision inspection in watchmaking"),
            (D(2026, 6, 24), A, "revenue", 90000, "sourced", "Rheinpharma Basel, final instalment"),
            (D(2026, 7, 22), L, "revenue", 75000, "sourced", "Jura Horlogerie, first instalment"),
            (D(2026, 9, 16), A, "project_won", 120000, "influenced", "Vaud Médical: catheter inspection"),
            (D(2026, 9, 23), L, "joint_campaign", None, None, "Pharma GMP campaign with validation package"),
            (D(2026, 10, 21), L, "revenue", 75000, "sourced", "Jura Horlogerie, final instalment"),
            (D(2026, 11, 4), L, "project_won", 140000, "sourced", "Neuchâtel Microtech: assembly inspection"),
            (D(2026, 11, 18), A, "revenue", 60000, "influenced", "Vaud Médical, first instalment"),
        ],
    )
    return Example(
        name="chf-partnership",
        id_prefix="ch",
        comment=[
            "Aarwerk x Léman: a balanced, healthy joint go-to-market kept in Swiss francs (rates,",
            "costs, deals and revenue in CHF). The same figures in EUR must give the same verdict.",
        ],
        definition={
            "coopcheck": 1,
            "id": "aarwerk-leman",
            "name": "Aarwerk x Léman inspection cells",
            "kind": "joint_market",
            "started": D(2025, 10, 1),
            "currency": "CHF",
            "review_every_days": 30,
            "partners": {
                A: {"name": "Aarwerk Automation AG", "sponsor": SPONSOR[A], "contacts": STAFF[A], "hourly_rate": 165},
                L: {"name": "Léman Vision SA", "sponsor": SPONSOR[L], "contacts": STAFF[L], "hourly_rate": 180},
            },
            "success_factors": {
                "outcomes": {
                    "joint_campaigns": {"target": 4, "by": D(2026, 12, 31)},
                    "projects_won": {"target": 4, "by": D(2026, 12, 31)},
                    "revenue": {"target": 420000, "by": D(2026, 12, 31)},
                },
                "influence": {"cost_split": {A: 50, L: 50}, "response_days": 5},
            },
        },
        activities=acts,
    )
