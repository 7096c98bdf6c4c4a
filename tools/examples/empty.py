"""Story: Empty partnership (lunches and calls, nothing of substance, no outcome)."""

from __future__ import annotations

import random

from examples.shared import Act, D, Example, Pool, day_in, months, other


def empty() -> Example:
    rng = random.Random(2603)
    F, V = "falkenstein", "donau"
    P = (F, V)
    sponsor = {F: "Dr. Henrik Voss", V: "Mag. Christoph Aigner"}
    staff = {F: ["Clara Schmitz", "Moritz Hoffmann"], V: []}
    vague = Pool(
        rng,
        [
            "Catch-up",
            "General exchange",
            "Touching base",
            "Update on both firms",
            "Networking",
            "Exchange of ideas",
            "Follow-up",
        ],
    )
    city = {F: "Vienna", V: "Düsseldorf"}  # where the guest flies to
    acts: list[Act] = []

    for i, (y, m) in enumerate(months((2025, 11), (2026, 11))):
        guest = P[i % 2]  # executive lunch, alternately in Vienna and Düsseldorf; the guest travels
        topic = None if rng.random() < 0.6 else vague.take()
        acts.append(
            Act(
                day_in(rng, y, m, 4, 26),
                guest,
                other(P, guest),
                "meeting",
                "executive",
                [sponsor[guest], sponsor[other(P, guest)]],
                topic,
                hours=rng.choice([6, 7, 8]),
                travel_cost=rng.randrange(420, 900, 10),
                note=f"Executive lunch in {city[guest]}",
            )
        )
        for _ in range(3):  # calls, mostly without a subject
            k = rng.choice(P)
            level = "executive" if k == V or rng.random() < 0.5 else "working"
            people = [sponsor[k]] if level == "executive" else [rng.choice(staff[F]), sponsor[V]]
            acts.append(
                Act(
                    day_in(rng, y, m, 2, 28),
                    k,
                    other(P, k),
                    "call",
                    level,
                    people,
                    None if rng.random() < 0.7 else vague.take(),
                    hours=rng.choice([0.5, 1, 1]),
                )
            )
        for _ in range(2):  # messages, no ids
            k = rng.choice(P)
            acts.append(
                Act(
                    day_in(rng, y, m, 1, 28),
                    k,
                    other(P, k),
                    "message",
                    None,
                    [sponsor[k]],
                    None,
                    hours=0.25,
                    with_id=False,
                )
            )
        if i % 2 == 1:  # an event both attend, every other month
            k = rng.choice(P)
            acts.append(
                Act(
                    day_in(rng, y, m, 8, 24),
                    k,
                    other(P, k),
                    "event",
                    "executive",
                    [sponsor[k]],
                    rng.choice([None, "Networking evening", "Conference visit"]),
                    hours=rng.choice([5, 8]),
                    travel_cost=rng.randrange(220, 680, 10),
                    note=rng.choice(
                        [
                            "M&A conference, Frankfurt",
                            "DACH Mittelstand forum, Munich",
                            "Family business congress, Salzburg",
                        ]
                    ),
                )
            )
        if i in (2, 5, 8, 11):  # a working lunch at Falkenstein's level
            acts.append(
                Act(
                    day_in(rng, y, m, 4, 26),
                    F,
                    V,
                    "meeting",
                    "working",
                    [rng.choice(staff[F]), sponsor[V]],
                    vague.take(),
                    hours=7,
                    travel_cost=rng.randrange(380, 760, 10),
                    note="Trip to Vienna",
                )
            )

    # almost no contributions, and nothing comes of them
    acts.append(Act(D(2026, 1, 20), F, V, "content", "working", ["Clara Schmitz"], "Firm brochure", hours=0.5))
    acts.append(
        Act(D(2026, 5, 7), V, F, "introduction", "executive", [sponsor[V]], "Introduction to a contact", hours=0.5)
    )
    # reviews: agreed every 90 days, held twice in thirteen months
    acts.append(
        Act(
            D(2026, 2, 11),
            F,
            V,
            "review",
            "executive",
            [sponsor[F], sponsor[V]],
            "Partnership review",
            hours=2,
            actions=["Keep each other informed"],
        )
    )
    acts.append(Act(D(2026, 9, 16), V, F, "review", "executive", [sponsor[V], sponsor[F]], None, hours=1.5))

    return Example(
        name="empty",
        id_prefix="em",
        comment=[
            "Falkenstein x Donau: a trusted-advisory partnership that stayed empty. Lunches, calls and",
            "conferences, almost nothing given, no outcome in thirteen months, reviews rare.",
            "Donau never named a working-level contact.",
        ],
        definition={
            "coopcheck": 1,
            "id": "falkenstein-donau",
            "name": "Falkenstein x Donau cross-border advisory",
            "kind": "trusted_advisory",
            "started": D(2025, 11, 3),
            "currency": "EUR",
            "review_every_days": 90,
            "partners": {
                F: {
                    "name": "Falkenstein Advisory GmbH",
                    "sponsor": sponsor[F],
                    "contacts": staff[F],
                    "hourly_rate": 150,
                },
                V: {
                    "name": "Donau Partners Unternehmensberatung GmbH",
                    "sponsor": sponsor[V],
                    "contacts": staff[V],
                    "hourly_rate": 160,
                },
            },
            "success_factors": {
                "outcomes": {
                    "joint_campaigns": {"target": 2, "by": D(2026, 6, 30)},
                    "projects_won": {"target": 4, "by": D(2026, 10, 31)},
                    "revenue": {"target": 250000, "by": D(2026, 10, 31)},
                },
                "influence": {"cost_split": {F: 50, V: 50}, "response_days": 10},
            },
        },
        activities=acts,
    )
