"""Story: eighteen months of tidy meetings, reviews and some money, and not one outcome.

Rheingold Kontraktlogistik (Duisburg) and Tulipa Freight (Rotterdam) meet every month, call
twice a month and review every two months; every contact has a real topic and every review has
actions that are carried out. They spend EUR 6,000 on a brochure and a trade-fair stand. The
targets fell due in 2026; nothing was ever won. The log is a CRM export (CSV).
"""

from __future__ import annotations

import datetime as dt
import random

from examples.rhythm import every, reviews
from examples.shared import LAST_DAY, Act, Example, Log, Pool, day_in, months, other

D = dt.date
R, T = "rheingold", "tulipa"
P = (R, T)
SPONSOR = {R: "Andreas Brückner", T: "Marieke van Dijk"}
STAFF = {R: ["Nina Kaiser", "Jan Wiesner"], T: ["Bram de Boer", "Lotte Smit"]}
CITY = {R: "Rotterdam", T: "Duisburg"}  # where the guest travels to


def _contacts(rng: random.Random) -> list[Act]:
    meeting_topics = Pool(
        rng,
        [
            "Joint offer for Rhine-Rotterdam contract logistics: service scope",
            "Target account list for chemical shippers in the Ruhr area",
            "Pricing model for the combined warehousing and barge offer",
            "Tender calendar 2026 for port-hinterland logistics",
            "Case for a joint customs and bonded-warehouse service",
            "Sales pitch for automotive suppliers in North Rhine-Westphalia",
        ],
    )
    call_topics = Pool(
        rng,
        [
            "Status of the target account list",
            "Feedback on the draft service description",
            "Preparation of the next partner meeting",
            "Capacity planning for a possible joint customer",
            "Comparison of both firms' IT interfaces for shipment tracking",
            "Update on the tender at a Dutch chemicals group",
            "Update on the Duisburg warehouse expansion",
        ],
    )
    acts: list[Act] = []
    for i, (y, m) in enumerate(months((2025, 6), (2026, 11))):
        guest = P[i % 2]
        level = "executive" if i % 3 == 0 else "working"
        people = (
            [SPONSOR[guest], SPONSOR[other(P, guest)]]
            if level == "executive"
            else [rng.choice(STAFF[guest]), rng.choice(STAFF[other(P, guest)])]
        )
        acts.append(
            Act(
                day_in(rng, y, m, 5, 24),
                guest,
                other(P, guest),
                "meeting",
                level,
                people,
                meeting_topics.take(),
                hours=rng.choice([6, 7, 8]),
                travel_cost=rng.randrange(240, 520, 10),
                note=f"Trip to {CITY[guest]}",
            )
        )
        for j in range(2):
            k = P[(i + j) % 2]
            people = [rng.choice(STAFF[k]), rng.choice(STAFF[other(P, k)])]
            acts.append(
                Act(
                    day_in(rng, y, m, 2, 27),
                    k,
                    other(P, k),
                    "call",
                    "working",
                    people,
                    call_topics.take(),
                    hours=rng.choice([1, 1, 1.5]),
                )
            )
    return acts


def zombie() -> Example:
    rng = random.Random(2607)
    acts = _contacts(rng)
    for day, k, kind, topic, hours in [  # a few contributions, in both directions, that lead nowhere
        (D(2025, 7, 15), R, "content", "Rheingold warehouse fact sheets for the Tulipa sales team", 4),
        (D(2025, 9, 10), T, "content", "Tulipa barge schedule Rotterdam-Duisburg for the Rheingold sales team", 3),
        (D(2025, 11, 19), R, "introduction", "Intro to the logistics manager of a Duisburg steel trader", 2),
        (D(2026, 2, 11), T, "introduction", "Intro to the supply chain lead of a Dutch chemicals group", 2),
        (D(2026, 5, 20), R, "enablement", "Briefing on German customs rules for the Tulipa customer service", 6),
        (D(2026, 8, 19), T, "enablement", "Briefing on the Rotterdam port community system for Rheingold", 6),
    ]:
        acts.append(Act(day, k, other(P, k), kind, "working", [rng.choice(STAFF[k])], topic, hours=hours))
    acts.append(
        Act(
            D(2026, 6, 16),
            R,
            T,
            "investment",
            "executive",
            [SPONSOR[R]],
            "Joint service brochure and landing page",
            value=3000,
        )
    )
    acts.append(
        Act(
            D(2026, 9, 15),
            T,
            R,
            "investment",
            "executive",
            [SPONSOR[T]],
            "Shared stand at a port logistics fair in Rotterdam",
            value=3000,
        )
    )
    acts += reviews(
        rng,
        every(D(2025, 7, 29), LAST_DAY, 60),
        lambda i: P[i % 2],
        P,
        STAFF,
        "Partnership review: target accounts, joint offer, next meetings",
        acts,
        {"meeting", "call", "content", "introduction", "enablement"},
    )
    return Example(
        name="zombie",
        id_prefix="zo",
        comment=[
            "Rheingold x Tulipa: eighteen months of meetings and calls, every one with a real topic,",
            "reviews held, EUR 6,000 invested, and not one campaign, project or euro of revenue,",
            "although all targets fell due in 2026. The CRM export is logs/zombie-crm.csv.",
        ],
        definition={
            "coopcheck": 1,
            "id": "rheingold-tulipa",
            "name": "Rheingold x Tulipa port-hinterland logistics",
            "kind": "joint_market",
            "started": D(2025, 6, 2),
            "currency": "EUR",
            "review_every_days": 60,
            "partners": {
                R: {
                    "name": "Rheingold Kontraktlogistik GmbH",
                    "sponsor": SPONSOR[R],
                    "contacts": STAFF[R],
                    "hourly_rate": 95,
                },
                T: {"name": "Tulipa Freight B.V.", "sponsor": SPONSOR[T], "contacts": STAFF[T], "hourly_rate": 105},
            },
            "success_factors": {
                "outcomes": {
                    "joint_campaigns": {"target": 2, "by": D(2026, 3, 31)},
                    "projects_won": {"target": 3, "by": D(2026, 6, 30)},
                    "revenue": {"target": 180000, "by": D(2026, 6, 30)},
                },
                "influence": {"cost_split": {R: 50, T: 50}, "response_days": 5},
            },
        },
        logs=[Log("logs/zombie-crm.csv", acts)],
    )
