"""Story: Thriving joint go-to-market."""

from __future__ import annotations

import datetime as dt
import random

from examples.shared import (
    LAST_DAY,
    Act,
    D,
    Example,
    Pool,
    add_workdays,
    day_in,
    followed_actions,
    months,
    other,
    survey,
    workday,
)


def thriving() -> Example:
    rng = random.Random(2601)
    N, A = "nordlicht", "alpenblick"
    P = (N, A)
    sponsor = {N: "Dr. Katrin Albers", A: "Florian Huber"}
    staff = {N: ["Jonas Petersen", "Mia Hansen", "Lukas Brandt"], A: ["Sophie Maier", "Tobias Gruber", "Leonie Wimmer"]}
    clients = Pool(
        rng,
        [
            "Kessler Maschinenbau",
            "Rheintal Logistik",
            "Brenner Armaturen",
            "Oberland Molkerei",
            "Hansa Kühltechnik",
            "Weserland Papier",
            "Fichtel Präzisionsteile",
            "Moselwerk Kunststoffe",
            "Lindenhof Pharma",
            "Sauerland Stahlguss",
            "Ammersee Elektronik",
            "Friesland Agrar",
            "Vogtland Textil",
            "Spessart Holzbau",
        ],
    )
    gives = {
        N: Pool(
            rng,
            [
                ("referral", "{c} CFO wants rolling forecasts after the S/4 go-live"),
                ("lead", "Planning tender at {c}, budget approved"),
                ("introduction", "Intro to the {c} procurement lead"),
                ("enablement", "S/4HANA finance migration playbook for Alpenblick presales"),
                ("support", "Solution architect for the {c} demo"),
                ("content", "Reference story {c} for the Alpenblick partner portal"),
                ("referral", "{c} asks for a planning tool that fits the S/4 data model"),
                ("introduction", "Intro to the {c} head of controlling"),
            ],
        ),
        A: Pool(
            rng,
            [
                ("referral", "{c} asks for an S/4 migration partner"),
                ("lead", "Inbound lead from {c} via the Alpenblick website"),
                ("introduction", "Intro to the {c} IT director"),
                ("enablement", "Alpenblick Plan certification for two Nordlicht consultants"),
                ("support", "Presales engineer for the {c} workshop"),
                ("content", "Demo script 'Planning on S/4 in 30 minutes' for Nordlicht sales"),
                ("lead", "{c} evaluating S/4 conversion, Alpenblick customer since 2021"),
                ("support", "Licence sizing for the {c} proposal"),
            ],
        ),
    }
    asks = {  # (request, delivery) asked BY the key
        N: Pool(
            rng,
            [
                ("Reference customer for the {c} bid", "Reference call with Oberland Molkerei arranged for {c}"),
                ("Licence quote for {c}", "Licence quote for {c}"),
                ("Sandbox tenant for the {c} proof of concept", "Sandbox tenant for {c} provisioned"),
                ("Roadmap slide for the {c} steering committee", "Roadmap slide for {c}"),
                ("Security questionnaire answers for {c}", "Security questionnaire for {c} completed"),
            ],
        ),
        A: Pool(
            rng,
            [
                ("S/4 migration effort estimate for {c}", "Effort estimate for {c}"),
                ("Consultant availability for the {c} kickoff", "Staffing for the {c} kickoff confirmed"),
                ("Review of the integration chapter in the {c} proposal", "Integration chapter for {c} reviewed"),
                ("Customer quote for the Kessler Maschinenbau case study", "Approved quote from Kessler Maschinenbau"),
                ("Data migration checklist for {c}", "Data migration checklist for {c}"),
            ],
        ),
    }
    working = Pool(
        rng,
        [
            ("meeting", "Joint account plan for {c}"),
            ("call", "Pipeline sync on the {c} opportunity"),
            ("workshop", "Solution design workshop for {c}"),
            ("call", "Preparation of the {c} proposal"),
            ("meeting", "Win/loss debrief on {c}"),
            ("call", "Pricing alignment for the bundled S/4 + planning offer"),
            ("workshop", "Joint demo build: S/4 actuals into Alpenblick Plan"),
        ],
    )
    acts: list[Act] = []

    def person(k: str) -> str:
        return rng.choice(staff[k])

    # executive level: kickoff and quarterly steering, hosted alternately (the guest travels)
    exec_topics = [
        (D(2025, 9, 3), A, "Kickoff of the joint go-to-market: targets, cost split, review rhythm"),
        (D(2025, 12, 4), N, "Quarterly executive meeting on the joint pipeline and 2026 plan"),
        (D(2026, 3, 12), A, "Quarterly executive meeting on Q1 results and the Hannover Messe plan"),
        (D(2026, 6, 11), N, "Quarterly executive meeting on the half-year results and targets"),
        (D(2026, 9, 10), A, "Quarterly executive meeting on Q3 results and 2027 budget"),
        (D(2026, 11, 19), N, "Quarterly executive meeting on 2027 targets and renewal of the agreement"),
    ]
    for day, guest, topic in exec_topics:
        acts.append(
            Act(
                workday(day),
                guest,
                other(P, guest),
                "meeting",
                "executive",
                [sponsor[guest], sponsor[other(P, guest)]],
                topic,
                hours=rng.choice([6, 7, 8]),
                travel_cost=rng.randrange(480, 760, 10),
            )
        )

    for y, m in months((2025, 9), (2026, 11)):
        for _ in range(2):  # working-level contacts
            kind, tpl = working.take()
            k = rng.choice(P)
            acts.append(
                Act(
                    day_in(rng, y, m, 2, 27),
                    k,
                    other(P, k),
                    kind,
                    "working",
                    [person(k), person(other(P, k))],
                    tpl.format(c=clients.take()),
                    hours=rng.choice([1, 1.5, 2, 3]),
                )
            )
        for k in P:  # contributions, both directions, roughly equal
            for _ in range(rng.choice([1, 2, 2])):
                kind, tpl = gives[k].take()
                acts.append(
                    Act(
                        day_in(rng, y, m, 3, 28),
                        k,
                        other(P, k),
                        kind,
                        "working",
                        [person(k)],
                        tpl.format(c=clients.take()),
                        hours=rng.choice([2, 3, 4, 6, 8]),
                    )
                )
            if (y, m) != (2025, 9):  # requests answered within 1-2 workdays, well inside response_days
                ask, answer = asks[k].take()
                c = clients.take()
                req = Act(
                    day_in(rng, y, m, 2, 24),
                    k,
                    other(P, k),
                    "request",
                    "working",
                    [person(k)],
                    ask.format(c=c),
                    hours=0.5,
                )
                req.due = req.date + dt.timedelta(days=5)
                acts.append(req)
                acts.append(
                    Act(
                        add_workdays(req.date, rng.choice([1, 1, 2])),
                        other(P, k),
                        k,
                        "delivery",
                        "working",
                        [person(other(P, k))],
                        answer.format(c=c),
                        hours=rng.choice([1, 2, 3]),
                        reply_to=req,
                    )
                )

    # investment and cost sharing: 50/50 as agreed
    for day, total, topic in [
        (D(2025, 10, 14), 12000, "Joint demo system: S/4HANA sandbox with Alpenblick Plan"),
        (D(2026, 1, 20), 16000, "Joint webinar series production, H1 2026"),
        (D(2026, 3, 24), 24000, "Co-exhibitor stand at Hannover Messe 2026"),
        (D(2026, 7, 7), 14000, "Joint webinar series production, H2 2026"),
        (D(2026, 9, 29), 18000, "Shared booth at the DSAG Jahreskongress 2026"),
    ]:
        for k in P:
            acts.append(
                Act(workday(day), k, other(P, k), "cost_share", "executive", [sponsor[k]], topic, value=total // 2)
            )
    for day, k, value, topic in [
        (D(2025, 11, 18), N, 9000, "Alpenblick Plan certification for four Nordlicht consultants"),
        (D(2025, 11, 25), A, 9000, "S/4HANA finance training for the Alpenblick presales team"),
        (D(2026, 5, 12), N, 7500, "Joint offer templates and pricing calculator"),
        (D(2026, 5, 19), A, 7500, "Partner portal section for joint offers"),
    ]:
        acts.append(Act(workday(day), k, other(P, k), "investment", "executive", [sponsor[k]], topic, value=value))

    # outcomes in both directions: from = the partner who brought it, to = the partner who benefits
    for day, k, kind, value, attr, topic in [
        (
            D(2025, 11, 20),
            N,
            "joint_campaign",
            None,
            None,
            "Joint webinar on SAP S/4 migration for mid-market manufacturers",
        ),
        (
            D(2025, 12, 11),
            A,
            "project_won",
            140000,
            "sourced",
            "Kessler Maschinenbau: S/4 finance migration with Alpenblick Plan",
        ),
        (D(2026, 1, 29), A, "revenue", 60000, "sourced", "Kessler Maschinenbau, first services tranche"),
        (D(2026, 2, 12), A, "joint_campaign", None, None, "Mailing campaign 'Planning after the S/4 go-live'"),
        (D(2026, 2, 26), N, "project_won", 85000, "sourced", "Rheintal Logistik: Alpenblick Plan licences"),
        (D(2026, 3, 26), N, "revenue", 85000, "sourced", "Rheintal Logistik licence revenue"),
        (D(2026, 4, 16), N, "joint_campaign", None, None, "Hannover Messe follow-up campaign to 400 visitors"),
        (
            D(2026, 4, 23),
            A,
            "project_won",
            120000,
            "influenced",
            "Brenner Armaturen: S/4 conversion and planning rollout",
        ),
        (D(2026, 4, 28), A, "revenue", 80000, "sourced", "Kessler Maschinenbau, second services tranche"),
        (D(2026, 6, 18), A, "joint_campaign", None, None, "Joint webinar on integrated planning in S/4HANA"),
        (D(2026, 6, 25), N, "project_won", 60000, "sourced", "Oberland Molkerei: Alpenblick Plan for sales planning"),
        (D(2026, 6, 30), A, "revenue", 60000, "influenced", "Brenner Armaturen, first services tranche"),
        (D(2026, 7, 23), N, "revenue", 60000, "sourced", "Oberland Molkerei licence revenue"),
        (D(2026, 8, 13), A, "project_won", 95000, "sourced", "Hansa Kühltechnik: S/4 finance migration"),
        (D(2026, 8, 27), N, "revenue", 40000, "sourced", "Rheintal Logistik licence extension"),
        (D(2026, 9, 17), N, "joint_campaign", None, None, "DSAG Jahreskongress joint session and booth campaign"),
        (D(2026, 9, 24), N, "project_won", 70000, "influenced", "Weserland Papier: Alpenblick Plan licences"),
        (D(2026, 9, 30), A, "revenue", 60000, "influenced", "Brenner Armaturen, second services tranche"),
        (D(2026, 10, 15), A, "revenue", 50000, "sourced", "Hansa Kühltechnik, first services tranche"),
        (D(2026, 10, 27), N, "revenue", 70000, "influenced", "Weserland Papier licence revenue"),
        (D(2026, 11, 5), A, "joint_campaign", None, None, "Year-end campaign 'S/4 readiness check' for manufacturers"),
        (D(2026, 11, 12), A, "project_won", 110000, "sourced", "Fichtel Präzisionsteile: S/4 conversion"),
        (D(2026, 11, 24), A, "revenue", 45000, "sourced", "Hansa Kühltechnik, second services tranche"),
    ]:
        acts.append(Act(workday(day), k, other(P, k), kind, None, [sponsor[k]], topic, value=value, attribution=attr))

    # monthly reviews (every 30 days at most), hosted alternately, with actions that then happen
    day, host = workday(D(2025, 9, 16)), N
    while day <= LAST_DAY:
        review = Act(
            day,
            host,
            other(P, host),
            "review",
            "working",
            [person(host), person(other(P, host))],
            "Monthly partnership review: pipeline, open requests, next steps",
            hours=1.5,
        )
        review.actions = followed_actions(
            review,
            acts,
            {"referral", "lead", "introduction", "enablement", "support", "content", "request"},
            staff,
            rng,
        )
        acts.append(review)
        host = other(P, host)
        nxt = day + dt.timedelta(days=30)
        while nxt.weekday() >= 5:
            nxt -= dt.timedelta(days=1)
        day = nxt

    return Example(
        name="thriving",
        id_prefix="th",
        comment=[
            "Nordlicht x Alpenblick: a joint go-to-market that works. Both sides are anchored at the top",
            "and at the working level, give about as much as they get, answer within the agreed five",
            "days, share costs 50/50, review monthly, and win business in both directions.",
        ],
        definition={
            "coopcheck": 1,
            "id": "nordlicht-alpenblick",
            "name": "Nordlicht x Alpenblick joint go-to-market",
            "kind": "joint_market",
            "started": D(2025, 9, 1),
            "currency": "EUR",
            "review_every_days": 30,
            "partners": {
                N: {
                    "name": "Nordlicht Consulting GmbH",
                    "sponsor": sponsor[N],
                    "contacts": staff[N],
                    "hourly_rate": 130,
                },
                A: {"name": "Alpenblick Software AG", "sponsor": sponsor[A], "contacts": staff[A], "hourly_rate": 120},
            },
            "success_factors": {
                "outcomes": {
                    "joint_campaigns": {"target": 6, "by": D(2026, 12, 31)},
                    "projects_won": {"target": 6, "by": D(2026, 12, 31)},
                    "revenue": {"target": 600000, "by": D(2026, 12, 31)},
                },
                "influence": {"cost_split": {N: 50, A: 50}, "response_days": 5},
            },
        },
        activities=acts,
        surveys=[
            survey(D(2026, 5, 29), N, 5, 4, 4, 5),
            survey(D(2026, 5, 29), A, 4, 5, 4, 4),
            survey(D(2026, 10, 30), N, 5, 5, 4, 5),
            survey(D(2026, 10, 30), A, 5, 4, 5, 4),
        ],
    )
