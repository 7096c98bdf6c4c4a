"""Story: One-way street (Kranich keeps giving from February 2026, Lumen stops)."""

from __future__ import annotations

import datetime as dt
import random

from examples.shared import Act, D, Example, Log, Pool, day_in, followed_actions, months, next_workday, other, survey


def one_way_street() -> Example:
    rng = random.Random(2602)
    K, L = "kranich", "lumen"
    P = (K, L)
    sponsor = {K: "Dr. Martina Roth", L: "Pieter de Vries"}
    staff = {K: ["Felix Schuster", "Anna Lehmann", "Nils Becker"], L: ["Sanne Jansen", "Daan Visser"]}
    clients = Pool(
        rng,
        [
            "Klinikverbund Taunus",
            "Spedition Odenwald",
            "Hessenwerk Armaturen",
            "Mainufer Versicherung",
            "Wetterau Stadtwerke",
            "Bergstraße Logistik",
            "Vogelsberg Kliniken",
            "Rhön Lebensmittel",
            "Kinzig Metallbau",
            "Lahntal Pharma",
            "Fulda Textilwerke",
            "Taunus Sparkassen-Service",
        ],
    )
    gives = {
        K: Pool(
            rng,
            [
                ("referral", "{c} CISO looking for a zero-trust platform"),
                ("lead", "{c} tender for remote access security"),
                ("introduction", "Intro to the {c} head of IT"),
                ("enablement", "Lumen ZTNA deployment runbook for the Lumen partner team"),
                ("support", "Kranich engineers run the {c} proof of concept"),
                ("content", "German-language battle card 'Lumen vs. legacy VPN'"),
                ("referral", "{c} replacing its VPN concentrators in 2026"),
                ("lead", "{c} asks for a Lumen licence quote"),
                ("support", "Kranich presales for the Lumen booth at a customer event"),
                ("content", "Case study draft for the Lumen website"),
            ],
        ),
        L: Pool(
            rng,
            [
                ("referral", "{c} asks Lumen for a German implementation partner"),
                ("lead", "Inbound lead from {c} via the Lumen website"),
                ("enablement", "Lumen ZTNA technical training for Kranich engineers"),
                ("introduction", "Intro to the {c} security architect"),
                ("content", "Lumen product sheets in German for Kranich sales"),
            ],
        ),
    }
    k_asks = Pool(
        rng,
        [
            ("NFR licences for the Kranich demo lab", "NFR licence keys"),
            ("Lumen presales engineer for the {c} workshop", "Presales engineer for {c} confirmed"),
            ("Co-marketing funds for the it-sa stand", "Co-marketing funds approved"),
            ("Price approval for the {c} deal", "Price approval for {c}"),
            ("Roadmap briefing on the 2026.2 release", "Roadmap briefing held"),
            ("Joint reference story with {c}", "Reference story approved"),
            ("Escalation of the SSO bug blocking {c}", "Hotfix for the SSO bug"),
            ("Deal registration for {c}", "Deal registration for {c} confirmed"),
        ],
    )
    l_asks = Pool(
        rng,
        [
            ("German translation of the admin guide", "Admin guide translated"),
            ("Kranich engineer for a Lumen customer escalation at {c}", "Escalation at {c} handled by Kranich"),
            ("Speaker for the Lumen partner summit", "Kranich speaker confirmed"),
            ("Customer contacts for the Lumen DACH roadshow", "Customer contacts for the roadshow"),
        ],
    )
    early: list[Act] = []  # October 2025 - December 2025, inline in the partnership file
    later: list[Act] = []  # January 2026 onwards, in logs/one-way-street-2026.yaml

    def person(k: str) -> str:
        return rng.choice(staff[k])

    def bucket(day: dt.date) -> list[Act]:
        return early if day.year == 2025 else later

    def add(a: Act) -> Act:
        bucket(a.date).append(a)
        return a

    def request(day: dt.date, k: str, ask: tuple[str, str], turnaround: int | None, hours: float) -> None:
        c = clients.take()
        req = add(
            Act(
                day,
                k,
                other(P, k),
                "request",
                "working",
                [person(k)],
                ask[0].format(c=c),
                hours=0.5,
                due=day + dt.timedelta(days=7),
            )
        )
        if turnaround is not None:
            add(
                Act(
                    next_workday(day + dt.timedelta(days=turnaround)),
                    other(P, k),
                    k,
                    "delivery",
                    "working",
                    [person(other(P, k))],
                    ask[1].format(c=c),
                    hours=hours,
                    reply_to=req,
                )
            )

    # kickoff in Utrecht, executive meetings later hosted by Kranich in Frankfurt
    add(
        Act(
            D(2025, 10, 2),
            K,
            L,
            "meeting",
            "executive",
            [sponsor[K], sponsor[L]],
            "Kickoff in Utrecht: joint go-to-market for Lumen ZTNA in Germany",
            hours=10,
            travel_cost=690,
        )
    )
    add(
        Act(
            D(2026, 1, 15),
            L,
            K,
            "meeting",
            "executive",
            [sponsor[L], sponsor[K]],
            "Executive meeting in Frankfurt on the 2026 joint plan",
            hours=8,
            travel_cost=620,
        )
    )
    for day, topic, cost in [
        (D(2026, 4, 9), "Executive meeting in Utrecht on the missing Lumen contributions", 740),
        (D(2026, 7, 8), "Executive meeting in Utrecht on the future of the partnership", 710),
        (D(2026, 10, 14), "Executive call on the it-sa follow-up and open requests", 0),
    ]:
        kind = "call" if cost == 0 else "meeting"
        add(
            Act(
                day,
                K,
                L,
                kind,
                "executive",
                [sponsor[K], sponsor[L]],
                topic,
                hours=1.5 if cost == 0 else 10,
                travel_cost=cost or None,
            )
        )

    # both give: October 2025 to January 2026
    for y, m in months((2025, 10), (2026, 1)):
        for k in P:
            for _ in range(rng.choice([2, 3])):
                kind, tpl = gives[k].take()
                add(
                    Act(
                        day_in(rng, y, m, 3, 28),
                        k,
                        other(P, k),
                        kind,
                        "working",
                        [person(k)],
                        tpl.format(c=clients.take()),
                        hours=rng.choice([2, 3, 4, 6]),
                    )
                )
        request(day_in(rng, y, m, 5, 20), K, k_asks.take(), rng.choice([1, 2, 3]), rng.choice([1, 2]))
        request(day_in(rng, y, m, 5, 20), L, l_asks.take(), rng.choice([1, 2, 3]), rng.choice([2, 3]))
        for _ in range(2):
            k = rng.choice(P)
            add(
                Act(
                    day_in(rng, y, m, 2, 27),
                    k,
                    other(P, k),
                    rng.choice(["call", "meeting"]),
                    "working",
                    [person(k), person(other(P, k))],
                    f"Pipeline sync on {clients.take()} and {clients.take()}",
                    hours=rng.choice([1, 1.5, 2]),
                )
            )
    for k in P:
        add(
            Act(
                D(2025, 11, 12),
                k,
                other(P, k),
                "cost_share",
                "executive",
                [sponsor[k]],
                "Launch webinar production and paid promotion",
                value=4500,
            )
        )
        add(
            Act(
                D(2026, 1, 21),
                k,
                other(P, k),
                "cost_share",
                "executive",
                [sponsor[k]],
                "Joint demo environment in the Lumen EU cloud",
                value=3000,
            )
        )

    # from February 2026 only Kranich gives
    late_answers = {3: 38, 5: 27, 8: 33}  # days Lumen took, by month of the request; all others: never answered
    for y, m in months((2026, 2), (2026, 11)):
        for _ in range(rng.choice([3, 4, 4, 5])):
            kind, tpl = gives[K].take()
            travel = rng.randrange(180, 420, 10) if kind == "support" and rng.random() < 0.5 else None
            add(
                Act(
                    day_in(rng, y, m, 2, 27),
                    K,
                    L,
                    kind,
                    "working",
                    [person(K)],
                    tpl.format(c=clients.take()),
                    hours=rng.choice([4, 6, 8, 10, 12]),
                    travel_cost=travel,
                )
            )
        for _ in range(rng.choice([1, 2])):
            add(
                Act(
                    day_in(rng, y, m, 2, 27),
                    K,
                    L,
                    rng.choice(["call", "call", "meeting"]),
                    "working",
                    [person(K), person(L)],
                    f"Pipeline sync on {clients.take()} (Lumen listens in)",
                    hours=rng.choice([1, 1.5]),
                )
            )
        request(day_in(rng, y, m, 2, 12), K, k_asks.take(), late_answers.get(m), 0.5)
        if m in (3, 6, 9):  # Lumen still asks, and Kranich answers at once
            request(day_in(rng, y, m, 14, 22), L, l_asks.take(), rng.choice([1, 2]), rng.choice([3, 4, 6]))
    for day, value, topic in [
        (D(2026, 3, 17), 14000, "Kranich demo lab for Lumen ZTNA"),
        (D(2026, 5, 20), 6400, "Lumen certification for four Kranich engineers"),
        (D(2026, 9, 22), 9500, "it-sa 2026 booth; Lumen's agreed half never paid"),
    ]:
        add(
            Act(
                day,
                K,
                L,
                "investment" if "booth" not in topic else "cost_share",
                "executive",
                [sponsor[K]],
                topic,
                value=value,
            )
        )

    # outcomes: two early ones for Kranich, then only what Kranich brings Lumen
    for day, k, kind, value, attr, topic in [
        (D(2025, 11, 27), K, "joint_campaign", None, None, "Joint launch webinar 'Zero trust for the Mittelstand'"),
        (D(2025, 12, 11), L, "project_won", 65000, "sourced", "Klinikverbund Taunus: ZTNA rollout by Kranich"),
        (D(2026, 1, 22), L, "revenue", 38000, "sourced", "Klinikverbund Taunus services revenue for Kranich"),
        (D(2026, 4, 16), K, "project_won", 48000, "sourced", "Spedition Odenwald: Lumen licences"),
        (D(2026, 5, 28), K, "revenue", 48000, "sourced", "Spedition Odenwald licence revenue for Lumen"),
        (D(2026, 9, 10), K, "project_won", 31000, "influenced", "Hessenwerk Armaturen: Lumen licences"),
        (D(2026, 10, 8), K, "revenue", 31000, "influenced", "Hessenwerk Armaturen licence revenue for Lumen"),
    ]:
        add(Act(day, k, other(P, k), kind, None, [sponsor[k]], topic, value=value, attribution=attr))

    # reviews: monthly and alternating while both take part, then only Kranich calls them
    for day, host, lumen_owes in [
        (D(2025, 10, 29), L, False),
        (D(2025, 11, 26), K, False),
        (D(2025, 12, 17), L, False),
        (D(2026, 1, 28), K, False),
        (D(2026, 2, 25), K, True),
        (D(2026, 3, 25), K, True),
        (D(2026, 5, 13), K, True),
        (D(2026, 6, 24), K, True),
        (D(2026, 9, 16), K, True),
    ]:
        review = Act(
            day,
            host,
            other(P, host),
            "review",
            "working",
            [person(host), person(other(P, host))],
            "Partnership review: pipeline, open requests, contributions",
            hours=1.5,
        )
        pool = early + later
        review.actions = followed_actions(
            review, pool, {"referral", "lead", "introduction", "enablement", "content"}, staff, rng, most=2
        )
        if lumen_owes:
            review.actions.append(
                rng.choice(
                    [
                        "Lumen to answer the open requests (Sanne Jansen)",
                        "Lumen to name a partner manager for Kranich (Pieter de Vries)",
                        "Lumen to pay its half of the agreed marketing costs (Pieter de Vries)",
                        "Lumen to pass on inbound leads from Germany (Daan Visser)",
                    ]
                )
            )
            review.hours = 2
        add(review)

    return Example(
        name="one-way-street",
        id_prefix="ow",
        comment=[
            "Kranich x Lumen: a joint go-to-market that turned into a one-way street. Both sides gave",
            "from October 2025 to January 2026; from February 2026 only Kranich gives. Activities from",
            "2026 are in logs/one-way-street-2026.yaml.",
        ],
        definition={
            "coopcheck": 1,
            "id": "kranich-lumen",
            "name": "Kranich x Lumen zero-trust go-to-market",
            "kind": "joint_market",
            "started": D(2025, 10, 1),
            "currency": "EUR",
            "review_every_days": 30,
            "partners": {
                K: {
                    "name": "Kranich IT-Services GmbH",
                    "sponsor": sponsor[K],
                    "contacts": staff[K],
                    "hourly_rate": 125,
                },
                L: {
                    "name": "Lumen Cloud Security B.V.",
                    "sponsor": sponsor[L],
                    "contacts": staff[L],
                    "hourly_rate": 140,
                },
            },
            "success_factors": {
                "outcomes": {
                    "joint_campaigns": {"target": 4, "by": D(2026, 12, 31)},
                    "projects_won": {"target": 4, "by": D(2026, 12, 31)},
                    "revenue": {"target": 300000, "by": D(2026, 12, 31)},
                },
                "influence": {"cost_split": {K: 50, L: 50}, "response_days": 5},
            },
        },
        activities=early,
        logs=[Log("logs/one-way-street-2026.yaml", later)],
        surveys=[
            survey(D(2025, 12, 19), K, 4, 4, 4, 4),
            survey(D(2025, 12, 19), L, 4, 4, 4, 5),
            survey(D(2026, 9, 30), K, 3, 1, 1, 2),
            survey(D(2026, 9, 30), L, 4, 4, 5, 4),
        ],
    )
