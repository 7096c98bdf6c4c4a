"""Story: Development partnership out of step (Werkbank answers in days, Kodex in weeks)."""

from __future__ import annotations

import datetime as dt
import random

from examples.shared import (
    LAST_DAY,
    Act,
    D,
    Example,
    Log,
    Pool,
    add_workdays,
    day_in,
    followed_actions,
    months,
    next_workday,
    other,
    survey,
    workday,
)


def out_of_step() -> Example:
    rng = random.Random(2604)
    W, X = "werkbank", "kodex"
    P = (W, X)
    sponsor = {W: "Dr. Julia Neumann", X: "Tomáš Novák"}
    staff = {W: ["Matthias Köhler", "Sarah Wolf", "Benedikt Ott"], X: ["Petra Dvořáková", "Jan Svoboda", "Lukáš Král"]}
    w_asks = Pool(
        rng,
        [  # Werkbank asks Kodex (software)
            ("Fix for sampling drift in the vibration sensor driver", "Sensor driver fix"),
            ("Anomaly model retrained on the test cell 3 data", "Retrained anomaly model"),
            ("REST endpoint for maintenance alerts", "Maintenance alert endpoint"),
            ("Dashboard export as PDF for the pilot customer", "PDF export for the dashboard"),
            ("Performance fix: inference under 50 ms on the controller", "Inference performance fix"),
            ("German UI texts for the maintenance dashboard", "German UI texts"),
            ("Fixes for the security review findings", "Security review findings fixed"),
            ("Release notes for the next pilot build", "Release notes"),
            ("OPC UA connector for the legacy controller", "OPC UA connector"),
            ("Unit tests for the alert rules engine", "Alert rules engine tests"),
        ],
    )
    x_asks = Pool(
        rng,
        [  # Kodex asks Werkbank (hardware)
            ("CAN bus log from test cell 3", "CAN bus log"),
            ("Torque sensor spec sheet for the new gearbox", "Torque sensor spec sheet"),
            ("Remote access to the test cobot", "Remote access to the test cobot"),
            ("Labelled failure data from the field pilot", "Labelled failure data"),
            ("Controller firmware 4.2 image", "Controller firmware image"),
            ("Feedback on the alert thresholds", "Alert threshold feedback"),
            ("Test slot in test cell 2", "Test slot booked"),
            ("Wiring diagram of the sensor harness", "Sensor harness wiring diagram"),
        ],
    )
    gives = {
        W: Pool(
            rng,
            [
                ("support", "Second test cobot shipped to the Brno office"),
                ("enablement", "Controller architecture training for Kodex developers"),
                ("content", "Failure mode catalogue for the gearbox"),
                ("introduction", "Intro to the service lead of a pilot customer"),
            ],
        ),
        X: Pool(
            rng,
            [
                ("enablement", "Code walkthrough of the anomaly pipeline for Werkbank engineers"),
                ("support", "On-site help with the test cell 3 data logger"),
                ("content", "Architecture document for the maintenance module"),
                ("introduction", "Intro to a Czech automotive supplier"),
            ],
        ),
    }
    acts: list[Act] = []
    sprint = 1

    def person(k: str) -> str:
        return rng.choice(staff[k])

    for y, m in months((2025, 9), (2026, 11)):
        first = (y, m) == (2025, 9)
        for day in (day_in(rng, y, m, 8, 13), day_in(rng, y, m, 22, 27)):  # sprint reviews every two weeks
            if D(2025, 9, 15) <= day <= LAST_DAY:
                k = P[sprint % 2]
                acts.append(
                    Act(
                        day,
                        k,
                        other(P, k),
                        "workshop",
                        "working",
                        [person(k), person(other(P, k))],
                        f"Sprint {sprint} review of the predictive-maintenance module",
                        hours=3,
                    )
                )
                sprint += 1
        if first:
            continue
        for k in P:
            kind, topic = gives[k].take()
            acts.append(
                Act(
                    day_in(rng, y, m, 2, 27),
                    k,
                    other(P, k),
                    kind,
                    "working",
                    [person(k)],
                    topic,
                    hours=rng.choice([4, 6, 8, 12]),
                )
            )
        for _ in range(rng.choice([1, 2, 2])):  # Werkbank asks, Kodex answers after 15-35 days, past due
            ask, answer = w_asks.take()
            day = day_in(rng, y, m, 2, 26)
            late = next_workday(day + dt.timedelta(days=rng.randint(15, 33)))
            if late > LAST_DAY:
                continue
            req = Act(day, W, X, "request", "working", [person(W)], ask, hours=0.5, due=day + dt.timedelta(days=7))
            acts.append(req)
            acts.append(
                Act(late, X, W, "delivery", "working", [person(X)], answer, hours=rng.choice([8, 16, 24]), reply_to=req)
            )
        for _ in range(rng.choice([1, 2, 2])):  # Kodex asks, Werkbank answers within 1-2 workdays, on time
            ask, answer = x_asks.take()
            day = day_in(rng, y, m, 2, 26)
            req = Act(day, X, W, "request", "working", [person(X)], ask, hours=0.5, due=day + dt.timedelta(days=5))
            acts.append(req)
            acts.append(
                Act(
                    add_workdays(day, rng.choice([1, 2])),
                    W,
                    X,
                    "delivery",
                    "working",
                    [person(W)],
                    answer,
                    hours=rng.choice([1, 2, 4]),
                    reply_to=req,
                )
            )

    # kickoff and quarterly steering committee
    for day, k, topic in [
        (D(2025, 9, 16), W, "Kickoff in Brno: scope, milestones and cost split of the maintenance module"),
        (D(2025, 12, 10), X, "Steering committee on milestone 1 and the pilot plan"),
        (D(2026, 3, 18), W, "Steering committee on the LogiMAT demo and delivery delays"),
        (D(2026, 6, 17), X, "Steering committee on the pilot results and response times"),
        (D(2026, 9, 16), W, "Steering committee on the release plan and response times"),
    ]:
        acts.append(
            Act(
                day,
                k,
                other(P, k),
                "meeting",
                "executive",
                [sponsor[k], sponsor[other(P, k)]],
                topic,
                hours=9,
                travel_cost=rng.randrange(380, 620, 10),
            )
        )
    # investment 60/40 as agreed
    for day, w_value, x_value, w_topic, x_topic in [
        (D(2025, 10, 21), 24000, 16000, "Test cell 3 with sensor kit", "Build pipeline and test servers"),
        (D(2026, 1, 13), 18000, 12000, "Vibration and torque sensors for the pilot", "ML training infrastructure"),
        (D(2026, 4, 14), 15000, 10000, "Field pilot hardware", "External security audit"),
        (D(2026, 8, 18), 12000, 8000, "CE documentation of the module", "Load and endurance test automation"),
    ]:
        acts.append(Act(day, W, X, "investment", "executive", [sponsor[W]], w_topic, value=w_value))
        acts.append(
            Act(day + dt.timedelta(days=2), X, W, "investment", "executive", [sponsor[X]], x_topic, value=x_value)
        )
    # some outcomes
    for day, k, kind, value, attr, topic in [
        (D(2026, 3, 11), W, "joint_campaign", None, None, "LogiMAT 2026 demo of the predictive-maintenance module"),
        (D(2026, 5, 21), W, "project_won", 45000, "sourced", "Pilot at Fichtner Getriebebau"),
        (D(2026, 6, 25), X, "joint_campaign", None, None, "Joint webinar on predictive maintenance for cobots"),
        (D(2026, 7, 16), W, "revenue", 25000, "sourced", "Fichtner Getriebebau pilot, first invoice"),
        (D(2026, 10, 8), X, "project_won", 38000, "sourced", "Pilot at Morava Automotive"),
        (D(2026, 11, 12), X, "revenue", 30000, "sourced", "Morava Automotive pilot, first invoice"),
    ]:
        acts.append(Act(day, k, other(P, k), kind, None, [sponsor[k]], topic, value=value, attribution=attr))
    # monthly reviews with actions that are followed (late, where Kodex owns them)
    day, host = D(2025, 10, 1), X
    while day <= LAST_DAY:
        review = Act(
            day,
            host,
            other(P, host),
            "review",
            "working",
            [person(host), person(other(P, host))],
            "Monthly review: milestones, open requests, response times",
            hours=1.5,
        )
        review.actions = followed_actions(
            review, acts, {"request", "support", "enablement", "content"}, staff, rng, most=2
        )
        acts.append(review)
        host = other(P, host)
        day = workday(day + dt.timedelta(days=28))

    kickoff = [a for a in acts if a.date < D(2025, 10, 1)]
    rest = [a for a in acts if a.date >= D(2025, 10, 1)]
    return Example(
        name="out-of-step",
        id_prefix="os",
        comment=[
            "Werkbank x Kodex: a development partnership out of step. Werkbank answers requests in",
            "one to four days; Kodex takes two to five weeks and misses the due dates, against an",
            "agreed five days. The CRM export logs/out-of-step-crm.csv holds everything after September 2025.",
        ],
        definition={
            "coopcheck": 1,
            "id": "werkbank-kodex",
            "name": "Werkbank x Kodex predictive-maintenance module",
            "kind": "development",
            "started": D(2025, 9, 15),
            "currency": "EUR",
            "review_every_days": 30,
            "partners": {
                W: {"name": "Werkbank Robotics GmbH", "sponsor": sponsor[W], "contacts": staff[W], "hourly_rate": 115},
                X: {"name": "Kodex Software s.r.o.", "sponsor": sponsor[X], "contacts": staff[X], "hourly_rate": 90},
            },
            "success_factors": {
                "outcomes": {
                    "joint_campaigns": {"target": 2, "by": D(2026, 12, 31)},
                    "projects_won": {"target": 3, "by": D(2026, 12, 31)},
                    "revenue": {"target": 150000, "by": D(2026, 12, 31)},
                },
                "influence": {"cost_split": {W: 60, X: 40}, "response_days": 5},
            },
        },
        activities=kickoff,
        logs=[Log("logs/out-of-step-crm.csv", rest)],
        surveys=[
            survey(D(2026, 6, 30), W, 4, 2, 4, 4),
            survey(D(2026, 6, 30), X, 4, 4, 4, 4),
        ],
    )
