"""What every example story is made of: activities, logs and examples, and the calendar they are dated by.

`Act`, `Log` and `Example` describe a partnership file with its logs; tools/make_examples.py writes
them. The calendar functions and `Pool` draw only from the random generator a story passes in, so
every story stays deterministic.
"""

from __future__ import annotations

import calendar
import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass, field

D = dt.date
LAST_DAY = D(2026, 11, 27)  # nothing is dated after this; the tests assess as of 2026-11-28


# --------------------------------------------------------------------------------------------
# Data: an activity, and an example (a partnership file with its logs)
# --------------------------------------------------------------------------------------------


@dataclass(eq=False)
class Act:
    """One activity. `reply_to` links a delivery to its request; ids are assigned at the end."""

    date: dt.date
    frm: str
    to: str
    type: str
    level: str | None = None
    people: list[str] = field(default_factory=list)
    topic: str | None = None
    hours: float | None = None
    travel_cost: float | None = None
    value: float | None = None
    attribution: str | None = None
    reply_to: Act | None = None
    due: dt.date | None = None
    actions: list[str] = field(default_factory=list)
    note: str | None = None
    with_id: bool = True
    id: str | None = None

    def fields(self) -> dict[str, object]:
        """The activity as the format's fields, in canonical order, without the unset ones."""
        values: dict[str, object] = {
            "id": self.id,
            "date": self.date,
            "from": self.frm,
            "to": self.to,
            "type": self.type,
            "level": self.level,
            "people": self.people or None,
            "topic": self.topic,
            "hours": self.hours,
            "travel_cost": self.travel_cost,
            "value": self.value,
            "attribution": self.attribution,
            "responds_to": self.reply_to.id if self.reply_to else None,
            "due": self.due,
            "actions": self.actions or None,
            "note": self.note,
        }
        return {k: v for k, v in values.items() if v is not None}


@dataclass
class Log:
    path: str  # relative to the partnership file, e.g. logs/one-way-street-2026.yaml
    acts: list[Act]


@dataclass
class Example:
    name: str  # file stem under examples/
    id_prefix: str
    comment: list[str]  # lines for the comment block under the modeline
    definition: dict[str, object]  # coopcheck .. success_factors, in writing order
    activities: list[Act] = field(default_factory=list)  # inline log
    logs: list[Log] = field(default_factory=list)
    surveys: list[dict[str, object]] = field(default_factory=list)

    def all_acts(self) -> list[Act]:
        return self.activities + [a for log in self.logs for a in log.acts]


# --------------------------------------------------------------------------------------------
# Calendar helpers
# --------------------------------------------------------------------------------------------


def workday(day: dt.date) -> dt.date:
    """Move a weekend day to the nearest workday of the same month (Sat -> Fri, Sun -> Mon)."""
    wd = day.weekday()
    if wd < 5:
        return day
    back, fwd = day - dt.timedelta(days=wd - 4), day + dt.timedelta(days=7 - wd)
    if wd == 5:
        return back if back.month == day.month else fwd
    return fwd if fwd.month == day.month else back


def add_workdays(day: dt.date, n: int) -> dt.date:
    while n > 0:
        day += dt.timedelta(days=1)
        if day.weekday() < 5:
            n -= 1
    return day


def next_workday(day: dt.date) -> dt.date:
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    return day


def months(first: tuple[int, int], last: tuple[int, int]) -> Iterator[tuple[int, int]]:
    y, m = first
    while (y, m) <= last:
        yield y, m
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)


def day_in(rng: random.Random, y: int, m: int, lo: int = 1, hi: int = 28) -> dt.date:
    hi = min(hi, calendar.monthrange(y, m)[1])
    return workday(D(y, m, rng.randint(lo, hi)))


class Pool:
    """Draw items in shuffled order, reshuffling when used up: varied but deterministic."""

    def __init__(self, rng: random.Random, items: list) -> None:
        self.rng, self.items, self.left = rng, list(items), []

    def take(self):
        if not self.left:
            self.left = list(self.items)
            self.rng.shuffle(self.left)
        return self.left.pop()


def other(partners: tuple[str, str], key: str) -> str:
    return partners[1] if key == partners[0] else partners[0]


def survey(day: dt.date, by: str, anchoring: int, keeping_in_step: int, investment: int, commitment: int) -> dict:
    ratings = {
        "anchoring": anchoring,
        "keeping_in_step": keeping_in_step,
        "investment": investment,
        "commitment": commitment,
    }
    return {"date": day, "by": by, "ratings": ratings}


def followed_actions(
    review: Act,
    acts: list[Act],
    kinds: set[str],
    owners: dict[str, list[str]],
    rng: random.Random,
    days: int = 25,
    most: int = 3,
) -> list[str]:
    """Actions for a review that name activities which then happen within `days`."""
    later = [a for a in acts if a.type in kinds and review.date < a.date <= review.date + dt.timedelta(days=days)]
    chosen = sorted(rng.sample(later, min(most, len(later))), key=lambda a: a.date) if later else []
    return [f"{a.topic} ({a.people[0] if a.people else rng.choice(owners[a.frm])})" for a in chosen]
