"""Synthetic partnerships for the one-way-street benchmark: half turn one-sided, half stay balanced.

`generate(n, seed)` builds `n` partnerships in memory through the real models (as
tests/builders.py does: a validated `Partnership`, validated activities oldest first, one origin
each), deterministically from `seed`. Partnership `i` is turned when `i` is even, so every run
holds both kinds in equal numbers.

Every partnership varies what a real one varies: currency and hourly rates (of one order within
a partnership, scaled to the currency, one partner sometimes without a rate), cost split, kind,
start date, length, partner names and order, how much each side gives and in which form
(referral, lead, introduction, enablement, support, content, own investments, deliveries
answering the other side's requests, and shared costs paid every one to three months by each
side along the cost split, now and then a month late), plus contacts, reviews and outcomes. The
partnerships are active ones: the two sides hand over 5 to 10 items a month together in an
ordinary month (a side that gives once a quarter cannot be told within a month or two from one
that stopped). Their giving follows a rhythm with ordinary noise, each present or not (`traits`):

- `steady` or `60/40`: both sides give about equally, or one gives 60% and the other 40%;
- `quiet-august`, `quiet-december`: a holiday month with little or nothing from either side,
  sometimes from one side only;
- `lumpy`: one side gives in bursts at quarter ends and little in between (in a turned
  partnership the giver, for the reason above);
- `slowing`: from some month on, both sides slow down together;
- `one-sided-months`: now and then a month in which only one side happens to give.

A turned partnership follows the same rhythm up to its `turn` month; from then on only the
`giver` gives (contributions, investments, its part or all of the shared costs, deliveries,
outcomes). The taker gave something in the month before the turn and gives nothing in the turn
month, in which the giver gives. Afterwards the taker may, as real takers do (`traits` again):

- `trickle`: hand over one small item now and then, in a month when the giver is thin too;
- `hosts`: keep hosting meetings, calls and reviews;
- `asks`: keep asking for things, which the giver delivers.

Months are integers (year * 12 + month - 1). Nothing is dated after `LAST_DAY`, and every
partnership runs at least `AFTER_TURN` full months past its turn.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
import random
from dataclasses import dataclass, field
from typing import Any

import yaml

from coopcheck.models import Activity, LoadedPartnership, Origin, Partnership

LAST_DAY = dt.date(2026, 10, 31)
FIRST_START = dt.date(2021, 1, 1)
AFTER_TURN = 6  # full months a turned partnership runs after its turn month
BEFORE_TURN = 4  # full months of ordinary history before the turn, at least
MONTHS = (14, 30)  # range of a partnership's length in months
GIVE_TYPES = ("referral", "lead", "introduction", "enablement", "support", "content")
SMALL_TYPES = ("introduction", "content")
CONTACT_TYPES = ("meeting", "call", "call", "message", "workshop", "event")
OUTCOME_TYPES = ("joint_campaign", "project_won", "revenue")
TAKER_VARIANTS = ("trickle", "hosts", "asks")
KINDS = ("joint_market", "development", "trusted_advisory", "other")
# Currency -> (lowest and highest hourly rate, money scale against EUR).
CURRENCIES: dict[str, tuple[float, float, float]] = {
    "EUR": (80, 160, 1),
    "USD": (90, 190, 1.1),
    "GBP": (70, 150, 0.85),
    "CHF": (110, 210, 0.95),
    "JPY": (9_000, 22_000, 160),
    "SEK": (800, 1_600, 11),
    "PLN": (150, 350, 4.3),
}
COMPANIES = (
    ("northwind", "Northwind Consulting GmbH"),
    ("contoso", "Contoso AG"),
    ("fabrikam", "Fabrikam Inc."),
    ("tailspin", "Tailspin Toys Ltd"),
    ("litware", "Litware Systems"),
    ("adatum", "Adatum Corporation"),
    ("woodgrove", "Woodgrove Partners"),
    ("proseware", "Proseware Oy"),
    ("fourth-coffee", "Fourth Coffee KK"),
    ("wingtip", "Wingtip Analytics SA"),
)
FIRST_NAMES = ("Anna", "Jonas", "Mia", "Peter", "Lea", "Kenji", "Sara", "Tom", "Elif", "Lars", "Noor", "Paul")
LAST_NAMES = ("Weber", "Keller", "Braun", "Lang", "Vogt", "Sato", "Lind", "Okafor", "Nowak", "Rossi", "Berg")


def month_of(day: dt.date) -> int:
    return day.year * 12 + day.month - 1


def label(month: int) -> str:
    return f"{month // 12:04d}-{month % 12 + 1:02d}"


def month_end(month: int) -> dt.date:
    year, number = divmod(month, 12)
    return dt.date(year, number + 1, calendar.monthrange(year, number + 1)[1])


@dataclass(frozen=True)
class Generated:
    """One generated partnership and what the generator knows about it."""

    number: int
    loaded: LoadedPartnership
    turned: bool
    first: int  # month of `started`
    last: int  # last month with activity; every month-end from `first` to here is worth assessing
    turn: int | None  # first month in which only the giver gives
    giver: str | None
    taker: str | None
    traits: tuple[str, ...]

    @property
    def turn_label(self) -> str | None:
        return None if self.turn is None else label(self.turn)

    def month_ends(self) -> list[dt.date]:
        return [month_end(month) for month in range(self.first, self.last + 1)]


@dataclass
class _Side:
    key: str
    name: str
    sponsor: str
    contacts: list[str]
    rate: float | None
    gives: float  # giving items per ordinary month
    asks: float  # requests per ordinary month


@dataclass
class _Plan:
    """How a partnership behaves, month by month."""

    rng: random.Random
    sides: tuple[_Side, _Side]
    currency: str
    scale: float
    first: int
    last: int
    contacts: float
    review_every: int
    split: int  # percent of the shared costs the first side pays
    cost_every: int  # months between shared costs
    cost: float  # one shared cost, in the currency
    turn: int | None = None
    giver: int = 0  # index into `sides`
    traits: list[str] = field(default_factory=list)
    quiet: dict[int, tuple[float, float]] = field(default_factory=dict)  # calendar month -> factor per side
    lumpy: int | None = None  # index of the side that gives in quarter-end bursts
    slowing_from: int | None = None
    one_sided_chance: float = 0.0

    def factor(self, side: int, month: int) -> float:
        """How much of its ordinary giving `side` does in `month`, before any turn."""
        value = self.quiet.get(month % 12 + 1, (1.0, 1.0))[side]
        if self.lumpy == side:
            value *= 2.4 if month % 3 == 2 else 0.3
        if self.slowing_from is not None and month >= self.slowing_from:
            value *= max(0.5, 1 - 0.06 * (month - self.slowing_from))
        return value


def generate(n: int, seed: int) -> list[Generated]:
    """`n` partnerships, the even-numbered ones turned, all determined by `seed`."""
    return [one(seed, number, turned=number % 2 == 0) for number in range(n)]


def one(seed: int, number: int, turned: bool) -> Generated:
    rng = random.Random(f"{seed}:{number}")
    plan = _plan(rng, turned)
    data = _definition(plan, number)
    started = dt.date.fromisoformat(data["started"])
    validated = sorted((Activity.model_validate(a) for a in _activities(plan, started)), key=lambda a: a.date)
    file = f"generated-{number}.yaml"
    loaded = LoadedPartnership(
        definition=Partnership.model_validate(data),
        activities=tuple(validated),
        origins=tuple(Origin(file, 30 + i) for i in range(len(validated))),
        file=file,
    )
    giver, taker = (plan.sides[plan.giver].key, plan.sides[1 - plan.giver].key) if turned else (None, None)
    return Generated(number, loaded, turned, plan.first, plan.last, plan.turn, giver, taker, tuple(plan.traits))


def _plan(rng: random.Random, turned: bool) -> _Plan:
    currency = rng.choice(list(CURRENCIES))
    low, high, scale = CURRENCIES[currency]
    length = rng.randint(*MONTHS)
    first = rng.randint(month_of(FIRST_START), month_of(LAST_DAY) - length)
    companies = rng.sample(COMPANIES, 2)
    total = rng.uniform(5.0, 10.0)
    share = 0.5 if rng.random() < 0.5 else rng.choice((0.6, 0.4))
    base_rate = rng.uniform(low, high)
    sides = [
        _Side(
            key=key,
            name=name,
            sponsor=_person(rng),
            contacts=[_person(rng) for _ in range(rng.randint(1, 3))],
            rate=round(base_rate * rng.uniform(0.85, 1.15), -1 if high < 1000 else -2),
            gives=total * part,
            asks=rng.uniform(0.2, 1.2),
        )
        for (key, name), part in zip(companies, (share, 1 - share), strict=True)
    ]
    if rng.random() < 0.2:
        rng.choice(sides).rate = None
    plan = _Plan(
        rng=rng,
        sides=(sides[0], sides[1]),
        currency=currency,
        scale=scale,
        first=first,
        last=first + length - 1,
        contacts=rng.uniform(1.0, 4.0),
        review_every=rng.choice((1, 1, 2, 3)),
        split=rng.choice((50, 50, 60, 40, 70)),
        cost_every=rng.choice((1, 2, 3)),
        cost=rng.uniform(1000, 6000) * scale,
        traits=["steady" if share == 0.5 else "60/40"],
    )
    if turned:
        _add_turn(plan)
    _add_noise(plan)
    return plan


def _add_noise(plan: _Plan) -> None:
    rng = plan.rng
    for calendar_month, name in ((8, "quiet-august"), (12, "quiet-december")):
        if rng.random() < 0.4:
            quiet = rng.uniform(0.0, 0.25)
            both = rng.random() < 0.7
            side = rng.randrange(2)
            plan.quiet[calendar_month] = (quiet if both or side == 0 else 1.0, quiet if both or side == 1 else 1.0)
            plan.traits.append(name)
    if rng.random() < 0.25:
        plan.lumpy = rng.randrange(2) if plan.turn is None else plan.giver
        plan.traits.append("lumpy")
    if rng.random() < 0.25:
        plan.slowing_from = rng.randint(plan.first + 3, plan.last - 2)
        plan.traits.append("slowing")
    if rng.random() < 0.3:
        plan.one_sided_chance = rng.uniform(0.04, 0.12)
        plan.traits.append("one-sided-months")


def _add_turn(plan: _Plan) -> None:
    rng = plan.rng
    plan.turn = rng.randint(plan.first + BEFORE_TURN + 1, plan.last - AFTER_TURN)
    plan.giver = rng.randrange(2)
    variants = [variant for variant in TAKER_VARIANTS if rng.random() < 0.4]
    plan.traits += variants or ["clean"]


def _definition(plan: _Plan, number: int) -> dict[str, Any]:
    rng = plan.rng
    started = month_end(plan.first).replace(day=rng.randint(1, 28))
    first, second = plan.sides
    partners = {
        side.key: {"name": side.name, "sponsor": side.sponsor, "contacts": side.contacts}
        | ({} if side.rate is None else {"hourly_rate": side.rate})
        for side in plan.sides
    }
    by = month_end(plan.first + rng.randint(12, 24)).isoformat()
    outcomes = {
        "projects_won": {"target": rng.randint(2, 8), "by": by},
        "revenue": {"target": round(rng.uniform(50_000, 400_000) * plan.scale, -3), "by": by},
    }
    if rng.random() < 0.5:
        outcomes["joint_campaigns"] = {"target": rng.randint(1, 6), "by": by}
    influence: dict[str, Any] = {"response_days": rng.choice((3, 5, 10))}
    if rng.random() < 0.8:
        influence["cost_split"] = {first.key: plan.split, second.key: 100 - plan.split}
    return {
        "coopcheck": 1,
        "id": f"generated-{number}",
        "name": f"{first.name} x {second.name}",
        "kind": rng.choice(KINDS),
        "started": started.isoformat(),
        "currency": plan.currency,
        "review_every_days": 30 * plan.review_every,
        "partners": partners,
        "success_factors": {"outcomes": outcomes, "influence": influence},
    }


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


def _poisson(rng: random.Random, mean: float) -> int:
    limit, count, product = math.exp(-mean), 0, rng.random()
    while product > limit:
        count += 1
        product *= rng.random()
    return count


class _Log:
    """Collects the activities of one partnership, as dicts a user could write."""

    def __init__(self, plan: _Plan, started: dt.date) -> None:
        self.plan = plan
        self.started = started
        self.items: list[dict[str, Any]] = []

    def day(self, month: int) -> dt.date:
        """A random day of `month`, not before `started`."""
        low = self.started.day if month == self.plan.first else 1
        last = month_end(month)
        return last.replace(day=self.plan.rng.randint(low, last.day))

    def add(self, day: dt.date, giver: int, kind: str, **fields: Any) -> str:
        rng = self.plan.rng
        side, other = self.plan.sides[giver], self.plan.sides[1 - giver]
        executive = rng.random() < 0.2
        people = [side.sponsor, other.sponsor] if executive else [rng.choice(side.contacts), rng.choice(other.contacts)]
        ident = f"a{len(self.items) + 1}"
        self.items.append(
            {"id": ident, "date": day.isoformat(), "from": side.key, "to": other.key, "type": kind,
             "level": "executive" if executive else "working", "people": people, **fields}
        )  # fmt: skip
        return ident


def _activities(plan: _Plan, started: dt.date) -> list[dict[str, Any]]:
    log = _Log(plan, started)
    for month in range(plan.first, plan.last + 1):
        counts, token = _giving_counts(plan, month)
        for side in (0, 1):
            for _ in range(counts[side]):
                _give(log, month, side)
        if token:
            _token(log, month)
        if (month - plan.first) % plan.cost_every == plan.cost_every - 1:
            _share_costs(log, month)
        _requests(log, month)
        _contacts(log, month)
        if (month - plan.first) % plan.review_every == plan.review_every - 1:
            _review(log, month)
        if plan.rng.random() < 0.12:
            _outcome(log, month)
    return log.items


def _gives(plan: _Plan, side: int, month: int) -> bool:
    """Whether `side` still gives in `month` (the taker stops at the turn)."""
    return plan.turn is None or side == plan.giver or month < plan.turn


def _giving_counts(plan: _Plan, month: int) -> tuple[list[int], bool]:
    """Giving items per side in `month`, and whether the taker hands over a token item."""
    rng = plan.rng
    counts = [_poisson(rng, plan.sides[side].gives * plan.factor(side, month)) for side in (0, 1)]
    if rng.random() < plan.one_sided_chance:
        counts[rng.randrange(2)] = 0
    if plan.turn is None or month < plan.turn - 1:
        return counts, False
    giver, taker = plan.giver, 1 - plan.giver
    if month == plan.turn - 1:
        counts[taker] = max(1, counts[taker])  # the taker still gave right before the turn
        return counts, False
    counts[taker] = 0
    if month == plan.turn:
        counts[giver] = max(1, counts[giver])
        return counts, False
    token = "trickle" in plan.traits and rng.random() < 0.3
    if token:
        counts[giver] = min(counts[giver], rng.randint(1, 2))  # a thin month
    return counts, token


def _give(log: _Log, month: int, side: int) -> None:
    plan, rng = log.plan, log.plan.rng
    day = log.day(month)
    if rng.random() < 0.05:
        money = round(rng.uniform(300, 1500) * plan.scale, -1)
        log.add(day, side, "investment", topic="Demo environment", value=money)
        return
    kind = rng.choice(GIVE_TYPES)
    fields: dict[str, Any] = {"topic": f"{kind.capitalize()} for the pipeline"}
    if rng.random() < 0.6:
        fields["hours"] = rng.choice((1, 2, 3, 4, 6, 8))
    if rng.random() < 0.1:
        fields["travel_cost"] = round(rng.uniform(100, 600) * plan.scale, -1)
    log.add(day, side, kind, **fields)


def _share_costs(log: _Log, month: int) -> None:
    """A shared cost, each side paying its part (after the turn the giver its part, or all of it)."""
    plan, rng = log.plan, log.plan.rng
    parts = (plan.split / 100, 1 - plan.split / 100)
    for side in (0, 1):
        if not _gives(plan, side, month):
            continue
        part = parts[side]
        if plan.turn is not None and month >= plan.turn and rng.random() < 0.3:
            part = 1.0  # the giver covers the whole cost
        paid = month + 1 if month < plan.last and rng.random() < 0.2 else month  # a payment that slips
        if _gives(plan, side, paid) and part > 0:
            money = round(plan.cost * part, -1)
            log.add(log.day(paid), side, "cost_share", topic="Shared event and tooling costs", value=money)


def _token(log: _Log, month: int) -> None:
    """The taker's token: one small item, with little or no effort stated."""
    rng = log.plan.rng
    fields: dict[str, Any] = {"topic": "A quick pointer"}
    if rng.random() < 0.5:
        fields["hours"] = 0.5
    log.add(log.day(month), 1 - log.plan.giver, rng.choice(SMALL_TYPES), **fields)


def _requests(log: _Log, month: int) -> None:
    plan, rng = log.plan, log.plan.rng
    for asker in (0, 1):
        rate = plan.sides[asker].asks
        if plan.turn is not None and month >= plan.turn and asker != plan.giver:
            rate = max(1.0, 2 * rate) if "asks" in plan.traits else rate / 2
        for _ in range(_poisson(rng, rate)):
            day = log.day(month)
            due = day + dt.timedelta(days=rng.choice((5, 7, 14)))
            ident = log.add(day, asker, "request", topic="Need material for a bid", due=due.isoformat())
            answered = day + dt.timedelta(days=rng.randint(1, 12))
            answering = 1 - asker
            if answered > month_end(plan.last) or not _gives(plan, answering, month_of(answered)):
                continue
            if rng.random() < 0.9:
                hours = {"hours": rng.choice((1, 2, 4))} if rng.random() < 0.6 else {}
                log.add(answered, answering, "delivery", topic="Bid material", responds_to=ident, **hours)


def _host(plan: _Plan, month: int) -> int:
    """Who hosts a contact or review: either side; after the turn the giver, unless the taker `hosts`."""
    if plan.turn is None or month < plan.turn:
        return plan.rng.randrange(2)
    if "hosts" in plan.traits and plan.rng.random() < 0.6:
        return 1 - plan.giver
    return plan.giver


def _contacts(log: _Log, month: int) -> None:
    plan, rng = log.plan, log.plan.rng
    activity = (plan.factor(0, month) + plan.factor(1, month)) / 2
    for _ in range(_poisson(rng, plan.contacts * activity)):
        kind = rng.choice(CONTACT_TYPES)
        fields: dict[str, Any] = {"hours": rng.choice((0.5, 1, 1.5, 2, 3))}
        if rng.random() < 0.9:
            fields["topic"] = rng.choice(("Pipeline review", "Joint offer", "Account planning", "Pricing"))
        if kind in ("meeting", "workshop", "event") and rng.random() < 0.3:
            fields["travel_cost"] = round(rng.uniform(150, 900) * plan.scale, -1)
        log.add(log.day(month), _host(plan, month), kind, **fields)


def _review(log: _Log, month: int) -> None:
    plan, rng = log.plan, log.plan.rng
    owner = plan.sides[rng.randrange(2)]
    actions = [f"{owner.contacts[0]} to follow up on the open leads"][: rng.randint(0, 1)]
    log.add(log.day(month), _host(plan, month), "review", topic="Partnership review", hours=1, actions=actions)


def _outcome(log: _Log, month: int) -> None:
    plan, rng = log.plan, log.plan.rng
    side = rng.randrange(2) if plan.turn is None or month < plan.turn else plan.giver
    kind = rng.choice(OUTCOME_TYPES)
    fields: dict[str, Any] = {"topic": "Result of the joint pipeline"}
    if kind != "joint_campaign":
        fields |= {"value": round(rng.uniform(5_000, 60_000) * plan.scale, -2),
                   "attribution": rng.choice(("sourced", "influenced"))}  # fmt: skip
    log.add(log.day(month), side, kind, **fields)


def as_yaml(item: Generated) -> str:
    """`item` as a partnership file a user could have written, to assess it with the command line."""
    loaded = item.loaded
    data = loaded.definition.model_dump(mode="json", by_alias=True, exclude_none=True, exclude_defaults=True)
    data["activities"] = [a.model_dump(mode="json", by_alias=True, exclude_none=True, exclude_defaults=True)
                          for a in loaded.activities]  # fmt: skip
    turn = f"turn {item.turn_label}, giver {item.giver}" if item.turned else "balanced"
    header = f"# Generated by benchmarks/oneway_generator.py ({turn}; {', '.join(item.traits)})\n"
    return header + yaml.safe_dump(data, sort_keys=False, allow_unicode=True)
