"""Story: a joint go-to-market that went quiet in February 2026 while its early pipeline still pays.

Birkenhain Software (Leipzig, HR software) and Skarpa Consulting (Gothenburg, HR consulting) work
closely for six months: sponsors and teams meet, both give, requests are answered, costs are
shared, reviews are monthly. After February 2026 nobody meets, invests or reviews; two requests
from Birkenhain go unanswered. Projects and revenue from the early pipeline keep arriving.
"""

from __future__ import annotations

import datetime as dt
import random

from examples.rhythm import answered, contribution, every, outcomes, reviews, shared_costs, steering
from examples.shared import Act, Example, Log, Pool, day_in, months, other

D = dt.date
K, S = "birkenhain", "skarpa"
P = (K, S)
SPONSOR = {K: "Dr. Stefanie Birkner", S: "Johan Lindqvist"}
STAFF = {K: ["Paul Engel", "Maren Schulze"], S: ["Emma Berg", "Oskar Nyström"]}
LAST_LIVELY = D(2026, 2, 27)


def _lively_months(rng: random.Random) -> list[Act]:
    gives = {
        K: Pool(
            rng,
            [
                ("lead", "{c} asks for HR consultants to roll out Birkenhain"),
                ("referral", "{c} HR director wants a people-analytics partner"),
                ("enablement", "Birkenhain admin certification for Skarpa consultants"),
                ("content", "Swedish product sheet for the Birkenhain payroll module"),
            ],
        ),
        S: Pool(
            rng,
            [
                ("lead", "{c} looking for HR software after a merger"),
                ("referral", "{c} CHRO asks for a German HR suite"),
                ("introduction", "Intro to the {c} head of HR operations"),
                ("support", "Skarpa consultant in the {c} demo"),
            ],
        ),
    }
    clients = Pool(
        rng,
        [
            "Volvo-Zulieferer Kungälv",
            "Elbtal Stahl",
            "Nordkust Energi",
            "Saale Pharma",
            "Vänern Papper",
            "Muldental Bau",
            "Göta Logistik",
            "Pleiße Textil",
        ],
    )
    asks = Pool(
        rng,
        [
            ("Reference customer for {c}", "Reference contact for {c}"),
            ("Price list for {c}", "Price list for {c}"),
            ("Consultant availability for {c}", "Consultants for {c} confirmed"),
        ],
    )
    acts: list[Act] = []
    for y, m in months((2025, 9), (2026, 2)):
        for k in P:
            people = [rng.choice(STAFF[k]), rng.choice(STAFF[other(P, k)])]
            topic = f"Pipeline review: {clients.take()} and {clients.take()}"
            acts.append(Act(day_in(rng, y, m, 3, 26), k, other(P, k), "call", "working", people, topic, hours=1.5))
            for _ in range(2):
                day = day_in(rng, y, m, 2, 26)
                acts.append(contribution(rng, P, day, k, gives, STAFF, [2, 3, 4], c=clients.take()))
            ask, answer = asks.take()
            c = clients.take()
            people2 = (rng.choice(STAFF[k]), rng.choice(STAFF[other(P, k)]))
            acts += answered(
                rng,
                day_in(rng, y, m, 2, 20),
                k,
                other(P, k),
                people2,
                (ask.format(c=c), answer.format(c=c)),
                rng.choice([1, 2]),
            )
    return acts


def quiet() -> Example:
    rng = random.Random(2608)
    acts = _lively_months(rng)
    acts += steering(
        rng,
        P,
        SPONSOR,
        [
            (D(2025, 9, 4), S, "Kickoff in Leipzig: targets, cost split and review rhythm"),
            (D(2025, 11, 13), K, "Executive meeting in Gothenburg on the Nordic pipeline"),
            (D(2026, 2, 12), S, "Executive meeting in Leipzig on the 2026 plan"),
        ],
    )
    acts += shared_costs(
        P,
        SPONSOR,
        [
            (D(2025, 10, 7), {K: 5000, S: 5000}, "Joint webinar series on HR in mid-sized firms"),
            (D(2026, 1, 20), {K: 7000, S: 7000}, "Joint stand at an HR trade fair"),
        ],
    )
    acts += reviews(
        rng,
        every(D(2025, 9, 30), LAST_LIVELY, 30),
        lambda i: P[i % 2],
        P,
        STAFF,
        "Monthly review: pipeline, requests, campaigns",
        acts,
    )
    for day, ask in [
        (D(2026, 3, 17), "Reference customer for a Gothenburg prospect"),
        (D(2026, 6, 9), "Joint offer for a Leipzig retailer"),
    ]:  # never answered
        acts.append(
            Act(day, K, S, "request", "working", ["Paul Engel"], ask, hours=0.5, due=day + dt.timedelta(days=5))
        )
    acts += outcomes(
        P,
        SPONSOR,
        [
            (D(2025, 11, 20), K, "joint_campaign", None, None, "Joint webinar 'HR software after a merger'"),
            (D(2026, 1, 15), S, "project_won", 60000, "sourced", "Göta Logistik: Birkenhain HR suite rollout"),
            (D(2026, 2, 19), S, "joint_campaign", None, None, "Joint campaign at the HR trade fair"),
            (D(2026, 2, 26), S, "revenue", 30000, "sourced", "Göta Logistik, first licence invoice"),
            (D(2026, 4, 16), K, "project_won", 45000, "sourced", "Saale Pharma: Skarpa HR process consulting"),
            (D(2026, 5, 21), S, "revenue", 45000, "sourced", "Göta Logistik, rollout licences"),
            (D(2026, 7, 16), K, "revenue", 40000, "sourced", "Saale Pharma consulting, first invoice"),
            (D(2026, 9, 17), S, "revenue", 35000, "sourced", "Vänern Papper licences"),
            (D(2026, 10, 15), S, "project_won", 50000, "sourced", "Nordkust Energi: Birkenhain payroll module"),
            (D(2026, 11, 19), K, "revenue", 30000, "sourced", "Saale Pharma consulting, second invoice"),
        ],
    )
    early = [a for a in acts if a.date.year == 2025]
    later = [a for a in acts if a.date.year == 2026]
    return Example(
        name="quiet",
        id_prefix="qu",
        comment=[
            "Birkenhain x Skarpa: lively from September 2025 to February 2026, then no meeting,",
            "investment, review or answer; outcomes from the early pipeline still arrive.",
            "Activities from January 2026 are in the CRM export logs/quiet-crm.csv.",
        ],
        definition={
            "coopcheck": 1,
            "id": "birkenhain-skarpa",
            "name": "Birkenhain x Skarpa HR software go-to-market",
            "kind": "joint_market",
            "started": D(2025, 9, 1),
            "currency": "EUR",
            "review_every_days": 30,
            "partners": {
                K: {
                    "name": "Birkenhain Software GmbH",
                    "sponsor": SPONSOR[K],
                    "contacts": STAFF[K],
                    "hourly_rate": 125,
                },
                S: {"name": "Skarpa Consulting AB", "sponsor": SPONSOR[S], "contacts": STAFF[S], "hourly_rate": 130},
            },
            "success_factors": {
                "outcomes": {
                    "joint_campaigns": {"target": 2, "by": D(2026, 12, 31)},
                    "projects_won": {"target": 3, "by": D(2026, 12, 31)},
                    "revenue": {"target": 200000, "by": D(2026, 12, 31)},
                },
                "influence": {"cost_split": {K: 50, S: 50}, "response_days": 5},
            },
        },
        activities=early,
        logs=[Log("logs/quiet-crm.csv", later)],
    )
