"""Evidence: what the activity log shows, gathered in one pass and read by every factor.

`gather(loaded, as_of)` walks the activities once, skips everything dated after `as_of`, and
files each activity under the aggregates the factors need: what each side put in per month, the
contacts and their substance, request/answer pairs, reviews, exchanges by level, the people seen
on each side, and the outcomes. Every record keeps the activity's index, so a finding can cite
the activity id and `file:line`. Factors read this object; none of them rescans the log.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from coopcheck.models import (
    CONTACT_TYPES,
    CONTRIBUTION_TYPES,
    INVESTMENT_TYPES,
    OUTCOME_TYPES,
    Activity,
    ActivityType,
    Attribution,
    Level,
    LoadedPartnership,
    Origin,
    Partnership,
    Survey,
)
from coopcheck.months import month_of

DEFAULT_CONTRIBUTION_HOURS: dict[ActivityType, float] = {
    ActivityType.project_won: 16.0,
    ActivityType.joint_campaign: 8.0,
    ActivityType.revenue: 8.0,
    ActivityType.lead: 8.0,
    ActivityType.enablement: 8.0,
    ActivityType.referral: 4.0,
    ActivityType.support: 4.0,
    ActivityType.content: 4.0,
    ActivityType.delivery: 4.0,
    ActivityType.introduction: 2.0,
}
VALUED_TYPES = frozenset({*CONTRIBUTION_TYPES, ActivityType.delivery})
MONEY_TYPES = INVESTMENT_TYPES | CONTRIBUTION_TYPES
# What a side gives the other: contributions and deliveries, money put in, and the outcomes it brings.
# Meetings, calls, reviews and requests are shared time, not something one side hands the other.
GIVING_TYPES = VALUED_TYPES | INVESTMENT_TYPES | OUTCOME_TYPES
# Rough price of an hour of consulting effort where neither partner states `hourly_rate`, per
# currency (about EUR 100 each). A currency not listed here has no default: readiness asks for a rate.
DEFAULT_HOURLY_RATES: dict[str, float] = {
    "EUR": 100, "USD": 110, "GBP": 85, "CHF": 95, "SEK": 1150, "NOK": 1150, "DKK": 750, "ISK": 15000,
    "PLN": 430, "CZK": 2500, "HUF": 40000, "RON": 500, "TRY": 3500, "CAD": 150, "AUD": 165,
    "NZD": 180, "JPY": 16000, "CNY": 800, "HKD": 850, "SGD": 145, "KRW": 150000, "INR": 9000, "BRL": 600,
    "MXN": 2000, "ZAR": 2000, "AED": 400, "ILS": 400,
}  # fmt: skip
# Work done for the partnership is anything but these and contacts without a topic: an outcome is
# what work brings, not work.
NO_WORK_TYPES = frozenset({ActivityType.review, ActivityType.request, *OUTCOME_TYPES})
REQUEST, REVIEW, INFLUENCED = ActivityType.request, ActivityType.review, Attribution.influenced


class Valuation(BaseModel):
    """How effort and contributions are priced in the partnership's currency."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    default_hourly_rates: dict[str, float] = Field(
        default_factory=lambda: dict(DEFAULT_HOURLY_RATES),
        description="Rate per currency for a partner without `hourly_rate` when neither partner states one "
        "(about EUR 100 each); a currency not listed leaves such effort unpriced.",
    )
    contribution_hours: dict[ActivityType, float] = Field(
        default_factory=lambda: dict(DEFAULT_CONTRIBUTION_HOURS),
        description="Worth of one contribution or outcome handed to the other side, in hours at the partnership's "
        "reference rate, by activity type (an outcome only influenced, not sourced, counts half).",
    )
    influenced_share: float = Field(
        default=0.5, ge=0, le=1, description="Share of an outcome's worth counted when it was only influenced."
    )




@dataclass(slots=True)
class Flow:
    """What one side put into the partnership, in one month or in total."""

    giving: int = 0  # activities that gave the other side something (GIVING_TYPES)
    costed: int = 0  # activities that cost the side hours, money or travel
    contributions: int = 0  # contributions, deliveries, money and outcomes handed over
    contribution_value: float = 0.0  # their worth at the reference rate
    hours: float = 0.0
    hours_value: float = 0.0  # hours at the side's rate
    money: float = 0.0  # `value` of investments, cost shares and contributions
    travel: float = 0.0
    given_cost: float = 0.0  # the part of the cost spent on giving (not on contacts, reviews or requests)
    indices: list[int] = field(default_factory=list)  # every activity that cost or gave something

    @property
    def cost(self) -> float:
        """What it cost the side: its hours priced, its money and its travel."""
        return self.hours_value + self.money + self.travel

    @property
    def value(self) -> float:
        """Given value: what the side spent on giving plus the worth of the contributions it handed over."""
        return self.given_cost + self.contribution_value

    def absorb(self, other: Flow) -> None:
        self.add(other)
        self.indices.extend(other.indices)

    def add(self, other: Flow) -> None:
        """Add `other`'s figures (not its activities)."""
        self.giving += other.giving
        self.costed += other.costed
        self.contributions += other.contributions
        self.contribution_value += other.contribution_value
        self.hours += other.hours
        self.hours_value += other.hours_value
        self.money += other.money
        self.travel += other.travel
        self.given_cost += other.given_cost


@dataclass(frozen=True, slots=True)
class Request:
    index: int
    date: dt.date
    asker: str
    asked: str
    due: dt.date | None
    answer: int | None = None
    answered: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Review:
    index: int
    date: dt.date
    actions: int
    owners: tuple[str, ...]  # sides whose named people own an action
    substantive: bool  # has a topic or actions: a review that discusses and agrees nothing does not count


@dataclass(frozen=True, slots=True)
class OutcomeEvent:
    index: int
    date: dt.date
    type: ActivityType
    side: str  # the side that brought it to the other
    value: float
    attribution: str | None


@dataclass(slots=True)
class SinceOutcome:
    """Effort spent since the last outcome (or since the start), reset at every outcome."""

    activities: int = 0
    hours: float = 0.0
    travel: float = 0.0
    money: float = 0.0  # investments, cost shares and the money value of contributions
    effort_cost: float = 0.0  # hours priced at each side's rate, plus travel and money


@dataclass
class Evidence:
    """Everything the factors and the assessment read, as of one date."""

    loaded: LoadedPartnership
    as_of: dt.date
    sides: tuple[str, str]
    rates: dict[str, float]
    reference_rate: float
    months: list[int]
    rate_known: bool = True  # False when no partner states a rate and the currency has no default
    considered: int = 0
    flows: dict[str, dict[int, Flow]] = field(default_factory=dict)
    totals: dict[str, Flow] = field(default_factory=dict)
    contacts: int = 0
    empty_contacts: list[int] = field(default_factory=list)
    empty_contact_cost: float = 0.0
    empty_contact_costs: dict[int, float] = field(default_factory=dict)  # per month
    requests: list[Request] = field(default_factory=list)
    reviews: list[Review] = field(default_factory=list)
    work_days: dict[str, list[dt.date]] = field(default_factory=dict)  # per side: days of work (`works` in `_Pass.run`)
    # (level, side, month): activities at that level the side led or in which its named people took part
    exchanges: Counter[tuple[Level, str, int]] = field(default_factory=Counter)
    levels_logged: bool = False  # some activity, at any date, records its level
    people: dict[str, Counter[str]] = field(default_factory=dict)
    people_activities: dict[str, int] = field(default_factory=dict)
    people_examples: dict[str, dict[str, list[int]]] = field(default_factory=dict)
    outcomes: list[OutcomeEvent] = field(default_factory=list)
    since_outcome: SinceOutcome = field(default_factory=SinceOutcome)
    surveys: dict[str, tuple[int, Survey]] = field(default_factory=dict)

    @property
    def definition(self) -> Partnership:
        return self.loaded.definition

    @property
    def currency(self) -> str:
        return self.loaded.definition.currency

    def other(self, side: str) -> str:
        return self.sides[1] if side == self.sides[0] else self.sides[0]

    def activity(self, index: int) -> Activity:
        return self.loaded.activities[index]

    def origin(self, index: int) -> Origin | None:
        origins = self.loaded.origins
        return origins[index] if index < len(origins) else None

    def name(self, side: str) -> str:
        partner = self.definition.partners.get(side)
        return partner.name if partner else side


MAX_EXAMPLES_PER_PERSON = 5


def gather(loaded: LoadedPartnership, as_of: dt.date, valuation: Valuation | None = None) -> Evidence:
    """Build the evidence for `loaded` as of `as_of` in one pass over its activities."""
    valuation = valuation or Valuation()
    evidence = _empty(loaded, as_of, valuation)
    _Pass(evidence, valuation).run()
    _latest_surveys(evidence)
    return evidence


def gather_both(
    loaded: LoadedPartnership, earlier: dt.date, later: dt.date, valuation: Valuation | None = None
) -> tuple[Evidence, Evidence]:
    """The evidence as of `earlier` and as of `later` (not before it) in one walk over the log: the
    later one goes on from a copy of the earlier, over the activities the earlier left for later.
    Each equals what `gather` builds for its date; `assess` compares the end of the previous month
    with today this way without reading the whole log twice (benchmarks/bench_validate.py)."""
    valuation = valuation or Valuation()
    first = _empty(loaded, earlier, valuation)
    walk = _Pass(first, valuation)
    left = walk.run()
    second = _fork(first, later)
    walk.fork(second).run(left)
    _latest_surveys(first)
    _latest_surveys(second)
    return first, second


def _empty(loaded: LoadedPartnership, as_of: dt.date, valuation: Valuation) -> Evidence:
    """Evidence with nothing filed yet."""
    definition = loaded.definition
    keys = list(definition.partners)
    sides = (keys[0], keys[1])
    stated = [p.hourly_rate for p in definition.partners.values() if p.hourly_rate is not None]
    default = valuation.default_hourly_rates.get(definition.currency)
    reference = sum(stated) / len(stated) if stated else (default or 0.0)
    rates = {
        key: (partner.hourly_rate if partner.hourly_rate is not None else reference)
        for key, partner in definition.partners.items()
    }
    earliest = loaded.activities[0].date if loaded.activities else definition.started  # oldest first
    first = month_of(min(definition.started, earliest, as_of))
    evidence = Evidence(
        loaded=loaded,
        as_of=as_of,
        sides=sides,
        rates=rates,
        reference_rate=reference,
        months=list(range(first, month_of(as_of) + 1)),
        flows={side: {} for side in sides},
        totals={side: Flow() for side in sides},
        people={side: Counter() for side in sides},
        people_activities=dict.fromkeys(sides, 0),
        people_examples={side: {} for side in sides},
        work_days={side: [] for side in sides},
        rate_known=bool(stated) or default is not None,
    )
    return evidence


def _added(by_month: dict[int, Flow]) -> Flow:
    """A side's totals: every month's figures added up, in month order (not its activities)."""
    total = Flow()
    for month in sorted(by_month):
        total.add(by_month[month])
    return total


def _latest_surveys(evidence: Evidence) -> None:
    """Each side's latest survey up to the assessment date."""
    for index, survey in enumerate(evidence.definition.surveys):
        if survey.date <= evidence.as_of and survey.by in evidence.rates:
            latest = evidence.surveys.get(survey.by)
            if latest is None or survey.date >= latest[1].date:
                evidence.surveys[survey.by] = (index, survey)


def _fork(evidence: Evidence, as_of: dt.date) -> Evidence:
    """A copy of `evidence` to go on filing into up to a later `as_of`: every aggregate the walk adds
    to copied (the people and exchanges it counts afresh), the log and the definition shared."""
    def flows(by_month: dict[int, Flow]) -> dict[int, Flow]:
        return {month: replace(flow, indices=list(flow.indices)) for month, flow in by_month.items()}

    return replace(
        evidence,
        as_of=as_of,
        months=list(range(evidence.months[0], month_of(as_of) + 1)),
        flows={side: flows(by_month) for side, by_month in evidence.flows.items()},
        empty_contacts=list(evidence.empty_contacts),
        empty_contact_costs=dict(evidence.empty_contact_costs),
        requests=list(evidence.requests),
        reviews=list(evidence.reviews),
        work_days={side: list(days) for side, days in evidence.work_days.items()},
        outcomes=list(evidence.outcomes),
        since_outcome=replace(evidence.since_outcome),
        surveys={},
    )


class _Pass:
    """The single walk over the log; one method per kind of evidence."""

    def __init__(self, evidence: Evidence, valuation: Valuation) -> None:
        self.evidence = evidence
        worth = {kind: hours * evidence.reference_rate for kind, hours in valuation.contribution_hours.items()}
        # What the walk asks of each activity's type, looked up once per activity: a contact, an
        # outcome, money, given to the other side, its worth, work (a contact only with a topic).
        self.traits = {
            kind: (
                kind in CONTACT_TYPES,
                kind in OUTCOME_TYPES,
                kind in MONEY_TYPES,
                kind in GIVING_TYPES,
                worth.get(kind, 0.0),
                kind not in NO_WORK_TYPES,
            )
            for kind in ActivityType
        }
        self.influenced_share = valuation.influenced_share
        self.open_requests: dict[str, int] = {}  # request id -> position in evidence.requests
        # (side, level, month, people) -> [how many activities, the first five of them]: who took part
        self.groups: dict[tuple[str, Level | None, int, tuple[str, ...]], list[Any]] = {}
        self.month_of_day: dict[dt.date, int] = {}
        self.people_sides: dict[str, str] = {}
        for key, partner in evidence.definition.partners.items():
            for person in [partner.sponsor, *partner.contacts]:
                if person:
                    self.people_sides.setdefault(person, key)

    def fork(self, evidence: Evidence) -> _Pass:
        """This walk, going on into `evidence` (a fork of this walk's evidence)."""
        walk = copy.copy(self)
        walk.evidence = evidence
        walk.open_requests = dict(self.open_requests)
        walk.groups = {key: [count, list(indices)] for key, (count, indices) in self.groups.items()}
        return walk

    # One walk over every activity, kept in one method with local names (radon 32): a call per
    # activity would show in the growth ratio the benchmark measures, and in what `assess` costs
    # beyond `validate` (hot loop: benchmarks/bench_assess.py, benchmarks/bench_validate.py).
    def run(self, only: list[int] | None = None) -> list[int]:
        """File the activities (all, or those at the indices `only`, in that order) dated up to the
        assessment date; return the indices of those dated after it."""
        evidence = self.evidence
        as_of, rates, traits, share = evidence.as_of, evidence.rates, self.traits, self.influenced_share
        activities, groups, month_of_day = evidence.loaded.activities, self.groups, self.month_of_day
        flows, work_days = evidence.flows, evidence.work_days
        since = evidence.since_outcome
        effort, effort_hours, effort_travel, effort_money, effort_cost = (
            since.activities, since.hours, since.travel, since.money, since.effort_cost
        )
        considered, contacts = evidence.considered, evidence.contacts
        later: list[int] = []
        for index, activity in enumerate(activities) if only is None else ((i, activities[i]) for i in only):
            # Each field is read once, and only where it matters: on a large log, memory traffic is
            # most of the cost.
            day, side, kind = activity.date, activity.from_, activity.type
            if day > as_of:
                later.append(index)
                continue
            if side not in rates or activity.to == side:
                continue
            considered += 1
            month = month_of_day.get(day)
            if month is None:
                month = month_of_day[day] = month_of(day)
            contact, outcome, money_kind, gives, worth, works = traits[kind]
            hours, travel = activity.hours or 0.0, activity.travel_cost or 0.0
            money = (activity.value or 0.0) if money_kind else 0.0
            hours_value = hours * rates[side]
            cost = hours_value + money + travel
            if outcome and activity.attribution is INFLUENCED:
                worth *= share
            if cost + worth > 0:
                monthly = flows[side].get(month)
                if monthly is None:
                    monthly = flows[side][month] = Flow()
                monthly.giving += gives
                monthly.costed += cost > 0
                monthly.contributions += gives
                monthly.contribution_value += worth
                monthly.hours += hours
                monthly.hours_value += hours_value
                monthly.money += money
                monthly.travel += travel
                if gives:
                    monthly.given_cost += cost
                monthly.indices.append(index)
            else:
                cost = 0.0
            if contact or kind is REVIEW:
                topic = activity.topic
                has_topic = bool(topic and topic.strip())
                if contact:
                    contacts += 1
                    if not has_topic:
                        self.empty_contact(index, month, cost)
                    works = has_topic
            if outcome:
                self.outcome(index, activity)
                effort, effort_hours, effort_travel, effort_money, effort_cost = 0, 0.0, 0.0, 0.0, 0.0
            else:
                effort += 1
                effort_hours += hours
                effort_travel += travel
                effort_money += money
                effort_cost += hours_value + travel + money
            if kind is REQUEST or activity.responds_to:
                self.step(index, activity)
            if kind is REVIEW:
                self.review(index, activity, has_topic)
            elif works:
                work_days[side].append(day)
            people, level = activity.people, activity.level
            if people or level is not None:  # who took part, at which level: counted per group below
                key = (side, level, month, tuple(people))
                group = groups.get(key)
                if group is None:
                    groups[key] = [1, [index]]
                else:
                    group[0] += 1
                    if len(group[1]) < MAX_EXAMPLES_PER_PERSON:
                        group[1].append(index)
        evidence.considered, evidence.contacts = considered, contacts
        evidence.since_outcome = SinceOutcome(effort, effort_hours, effort_travel, effort_money, effort_cost)
        evidence.totals = {key: _added(by_month) for key, by_month in evidence.flows.items()}
        self.file_people()
        return later

    def file_people(self) -> None:
        """The people seen on each side and the exchanges by level, from the groups of activities
        the walk counted (same side, level, month and people): each group is resolved once."""
        evidence = self.evidence
        sides = evidence.sides
        evidence.people = {side: Counter() for side in sides}
        evidence.people_activities = dict.fromkeys(sides, 0)
        evidence.people_examples = {side: {} for side in sides}
        evidence.exchanges = Counter()
        for (side, level, month, people), (count, indices) in self.groups.items():
            counted, involved = self.persons(side, people)
            for own, person in counted:
                evidence.people[own][person] += count
                examples = evidence.people_examples[own].setdefault(person, [])
                examples[:] = sorted(examples + indices)[:MAX_EXAMPLES_PER_PERSON]
            for own in involved:
                evidence.people_activities[own] += count
            if level is not None:
                evidence.levels_logged = True
                for taking_part in involved | {side}:
                    evidence.exchanges[(level, taking_part, month)] += count

    def empty_contact(self, index: int, month: int, cost: float) -> None:
        evidence = self.evidence
        evidence.empty_contacts.append(index)
        evidence.empty_contact_cost += cost
        monthly = evidence.empty_contact_costs
        monthly[month] = monthly.get(month, 0.0) + cost

    def outcome(self, index: int, activity: Activity) -> None:
        evidence = self.evidence
        attribution = activity.attribution.value if activity.attribution else None
        evidence.outcomes.append(
            OutcomeEvent(index, activity.date, activity.type, activity.from_, activity.value or 0.0, attribution)
        )

    def review(self, index: int, activity: Activity, has_topic: bool) -> None:
        actions = activity.actions
        owners = self.owners(activity)
        self.evidence.reviews.append(Review(index, activity.date, len(actions), owners, bool(actions) or has_topic))

    def step(self, index: int, activity: Activity) -> None:
        """Pair requests with the first activity of the asked side that answers them (`responds_to`)."""
        requests = self.evidence.requests
        if activity.type is ActivityType.request and activity.to in self.evidence.rates:
            requests.append(Request(index, activity.date, activity.from_, activity.to, activity.due))
            if activity.id:
                self.open_requests[activity.id] = len(requests) - 1
        if activity.responds_to and activity.responds_to in self.open_requests:
            position = self.open_requests[activity.responds_to]
            request = requests[position]
            if activity.from_ == request.asked:
                del self.open_requests[activity.responds_to]
                requests[position] = Request(
                    request.index, request.date, request.asker, request.asked, request.due, index, activity.date
                )

    def owners(self, review: Activity) -> tuple[str, ...]:
        """Sides whose sponsor or contacts are named in the review's actions."""
        named = {side for action in review.actions for person, side in self.people_sides.items() if person in action}
        return tuple(side for side in self.evidence.sides if side in named)

    def persons(self, side: str, people: tuple[str, ...]) -> tuple[list[tuple[str, str]], set[str]]:
        """Each named person once, on the side that names them (else the giving side), and the sides
        whose people took part."""
        known = self.evidence.people
        counted: list[tuple[str, str]] = []
        involved: set[str] = set()
        for person in people:
            own = self.people_sides.get(person, side)
            if own in known and (own, person) not in counted:
                counted.append((own, person))
                involved.add(own)
        return counted, involved
