"""Patterns several stories share: steering meetings, answered requests, reviews, outcomes.

Each function returns new activities and draws only from the story's own random generator, so a
story stays deterministic.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable

from examples.shared import Act, Pool, add_workdays, followed_actions, other, workday

GIVING = {"referral", "lead", "introduction", "enablement", "support", "content"}


def steering(
    rng: random.Random,
    partners: tuple[str, str],
    sponsor: dict[str, str],
    rows: list[tuple[dt.date, str, str]],
    travel: tuple[int, int] = (380, 760),
) -> list[Act]:
    """Executive meetings `(day, guest, topic)`: the guest travels to the host."""
    return [
        Act(
            workday(day),
            guest,
            other(partners, guest),
            "meeting",
            "executive",
            [sponsor[guest], sponsor[other(partners, guest)]],
            topic,
            hours=rng.choice([5, 6, 7]),
            travel_cost=rng.randrange(travel[0], travel[1], 10),
        )
        for day, guest, topic in rows
    ]


def answered(
    rng: random.Random,
    day: dt.date,
    asker: str,
    answerer: str,
    people: tuple[str, str],
    texts: tuple[str, str],
    workdays: int,
    due_days: int = 5,
) -> list[Act]:
    """A request and the delivery that answers it `workdays` later; `people` are (asker, answerer)."""
    request = Act(day, asker, answerer, "request", "working", [people[0]], texts[0], hours=0.5)
    request.due = day + dt.timedelta(days=due_days)
    delivery = Act(
        add_workdays(day, workdays),
        answerer,
        asker,
        "delivery",
        "working",
        [people[1]],
        texts[1],
        hours=rng.choice([1, 2, 3]),
        reply_to=request,
    )
    return [request, delivery]


def reviews(
    rng: random.Random,
    days: list[dt.date],
    hosts: Callable[[int], str],
    partners: tuple[str, str],
    staff: dict[str, list[str]],
    topic: str,
    acts: list[Act],
    kinds: set[str] | None = None,
) -> list[Act]:
    """A review on each day, hosted by `hosts(i)`, with actions that the log then carries out."""
    held = []
    for i, day in enumerate(days):
        host = hosts(i)
        review = Act(
            workday(day),
            host,
            other(partners, host),
            "review",
            "working",
            [rng.choice(staff[host]), rng.choice(staff[other(partners, host)])],
            topic,
            hours=1.5,
        )
        review.actions = followed_actions(review, acts, kinds or GIVING | {"request"}, staff, rng, most=2)
        held.append(review)
    return held


def every(first: dt.date, last: dt.date, days: int) -> list[dt.date]:
    """`first`, then every `days` days (moved back to a workday) up to `last`."""
    out, day = [], first
    while day <= last:
        out.append(workday(day))
        day = workday(day) + dt.timedelta(days=days)
        while day.weekday() >= 5:
            day -= dt.timedelta(days=1)
    return out


def outcomes(
    partners: tuple[str, str],
    sponsor: dict[str, str],
    rows: list[tuple[dt.date, str, str, float | None, str | None, str]],
) -> list[Act]:
    """Outcomes `(day, brought_by, type, value, attribution, topic)`; `to` is the side that benefits."""
    return [
        Act(workday(day), k, other(partners, k), kind, None, [sponsor[k]], topic, value=value, attribution=attr)
        for day, k, kind, value, attr, topic in rows
    ]


def contribution(
    rng: random.Random,
    partners: tuple[str, str],
    day: dt.date,
    giver: str,
    pools: dict[str, Pool],
    staff: dict[str, list[str]],
    hours: list[float],
    **fill: object,
) -> Act:
    """The giver's next contribution from its pool, its text filled in with `fill`."""
    kind, text = pools[giver].take()
    people = [rng.choice(staff[giver])]
    return Act(
        day, giver, other(partners, giver), kind, "working", people, text.format(**fill), hours=rng.choice(hours)
    )


def shared_costs(
    partners: tuple[str, str],
    sponsor: dict[str, str],
    rows: list[tuple[dt.date, dict[str, float], str]],
) -> list[Act]:
    """Cost shares `(day, {side: amount}, topic)`, one activity per paying side."""
    return [
        Act(workday(day), k, other(partners, k), "cost_share", "executive", [sponsor[k]], topic, value=value)
        for day, amounts, topic in rows
        for k, value in amounts.items()
    ]
