"""Reciprocity: what each side gave the other, the reciprocity index, and one-way-street detection.

Given value of a side = what its giving cost it (hours at its own rate + money + travel) + the
worth of what it handed over, valued by type: contributions and deliveries, and the outcomes it
brought the other side (an influenced outcome counts half). Money put in (investments and cost
shares) counts at face value. Meetings, calls, workshops, events, messages and reviews are shared
time, and requests ask rather than give: they cost the side but give the other nothing.

The index is smaller / larger given value: 1 when both gave the same, 0.5 when one gave twice as
much, 0 when one gave nothing; it needs {min_activities} giving activities from the two sides
together.

A one-way street is found by two sequential change-point tests (Page's CUSUM) over the months,
for each side as the possible giver. The value sum adds, each month,

    (given - {one_way.month_share:g} x (given + received)) / the giver's typical month

where given and received are the month's given value of the two sides and the giver's typical
month is the median value it gives in a month in which it gives. The count sum adds a
log-likelihood ratio: for each giving activity of the giver ln((1 - q) / (1 - p)), for each
(typical) gift of the receiver ln(q / p), where p is the receiver's usual share of the giving
activities (at least {one_way.receiver_share_floor:g}, at most 0.5) and q = {one_way.one_way_share:g}
its share while a street runs. A gift of the receiver counts by its value against its typical
gift, so a token only dents the sum. A month in which the giver gives at least
{one_way.month_share:.0%} of the value is one-sided. A run starts when both sums leave zero and ends
when either returns there.

A month is silent for the receiver when it gave at most {one_way.token_share:.0%} of its usual
giving month (the upper quartile of its months with a gift), at most
{one_way.token_month_share:.0%} of the month's given value, or a single gift worth at most
{one_way.token_gift_share:.0%} of its typical gift. A one-way street is reported once, in
the same run, the value sum reaches {one_way.threshold:g} and the count sum
{one_way.count_threshold:g}, with at least {one_way.min_months} one-sided months and
{one_way.min_activities} giving activities of the giver, and the receiver's silence up to now

- lasts at least {one_way.min_months} months and longer than any silence of the receiver before
  (from its first real gift on): a partner that gives once a quarter is not silent after two
  months;
- is no likelier, by the receiver's own record, than a steady partner missing
  {one_way.silence_gifts:g} gifts: the chance that it makes no more gifts than it did in that
  many months is at most e^-{one_way.silence_gifts:g}, its gifts per month counted as a negative
  binomial with the mean and spread of its months on record before the silence (a receiver that
  never gave: the giver's gifts in them, as a Poisson count), so a thin patch of a side that gives
  little or in bursts is not a verdict;

or the same holds for its thin spell, with {one_way.thin_gifts:g} gifts in place of
{one_way.silence_gifts:g}, when the receiver gave more than a trickle before it and at least
{one_way.min_months} of its months hold a gift: a month is thin when it is silent or holds a single
gift worth at most {one_way.thin_gift_share:g} typical gifts, so a receiver that hands over one ordinary
item a month where it used to hand over several is down to a trickle, though no month is silent;

while the receiver gave at most {one_way.receiver_window_share:.0%} of its usual over the last
{one_way.window_months} months, and not before {one_way.min_history_months} months are on record.
`since` is the first month of the receiver's thin spell in which it gave nothing at all, after its last
month in the spell with several gifts (the spell's first month if there is none); the cost is
what the giver spent from then on.

A street ends when a sum returns to zero (healed: the receiver gives back) or when the giver has
given nothing for {one_way.quiet_months} months in a row (stopped: all giving stopped); ended
streets are reported as history, never as current.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Literal

from coopcheck.assessment.model import Cost, Finding, Given, OneWay, PastOneWay, Reciprocity
from coopcheck.assessment.parameters import OneWayGating, ReciprocityParameters
from coopcheck.evidence import Evidence, Flow
from coopcheck.findings import cite, finding, template
from coopcheck.i18n import N_
from coopcheck.months import month_label, month_of

SECTION = "reciprocity"

ONE_WAY = template(
    "reciprocity.one_way_street",
    N_(
        "One-way street: {giver} has carried the partnership since {since} ({months} months); {receiver} gave "
        "back {receiver_share:.0%} of the value in that time. It has cost {giver} {hours:,.0f} hours and "
        "{total:,.0f} {currency} so far."
    ),
    N_(
        "Put it on the sponsors' agenda now: agree one concrete contribution from {receiver} within 30 days, "
        "and pause {giver}'s investment until it arrives."
    ),
)
ENDED_HEALED = template(
    "reciprocity.one_way_healed",
    N_(
        "An earlier one-way street has healed: {giver} carried the partnership alone from {since} to {until} "
        "({months} months, {total:,.0f} {currency}); then {receiver} gave back."
    ),
    N_("Keep the balance on the agenda of every review: agree what each side brings next."),
)
ENDED_STOPPED = template(
    "reciprocity.one_way_stopped",
    N_(
        "An earlier one-way street ended when the giving stopped: {giver} carried the partnership alone from "
        "{since} to {until} ({months} months, {total:,.0f} {currency}), and {receiver} never gave back."
    ),
    N_("Ask both sponsors whether the partnership is still wanted before anyone invests in it again."),
)
LOPSIDED = template(
    "reciprocity.lopsided",
    N_(
        "Giving is lopsided: {larger} gave {larger_share:.0%} of all value given ({larger_value:,.0f} against "
        "{smaller_value:,.0f} {currency} from {smaller})."
    ),
    N_("Ask {smaller} which contributions it can bring in the next quarter (referrals, leads, enablement)."),
)


def assess_reciprocity(evidence: Evidence, params: ReciprocityParameters) -> tuple[Reciprocity, list[Finding]]:
    totals = evidence.totals
    values = {side: totals[side].value for side in evidence.sides}
    all_value = sum(values.values())
    given = {side: _given(totals[side], all_value) for side in evidence.sides}
    one_way, streak = detect_one_way(evidence, params.one_way)
    findings: list[Finding] = []
    if one_way.detected:
        findings.append(_one_way_finding(evidence, one_way, streak))
    findings += [_ended_finding(evidence, street) for street in one_way.history]
    if sum(totals[side].giving for side in evidence.sides) < params.min_activities or all_value <= 0:
        reason = N_("Too little given by either side to weigh reciprocity yet.")
        return Reciprocity(index=None, reason=reason, given=given, one_way=one_way), findings
    smaller, larger = sorted(evidence.sides, key=lambda side: (values[side], side))
    index = round(values[smaller] / values[larger], 3)
    if index < params.lopsided_below and not one_way.detected:
        detail = {
            "larger": evidence.name(larger),
            "smaller": evidence.name(smaller),
            "larger_share": round(values[larger] / all_value, 3),
            "larger_value": round(values[larger], 2),
            "smaller_value": round(values[smaller], 2),
            "currency": evidence.currency,
        }
        findings.append(finding(LOPSIDED, "warning", SECTION, detail))
    return Reciprocity(index=index, given=given, one_way=one_way), findings


def _given(flow: Flow, all_value: float) -> Given:
    return Given(
        value=round(flow.value, 2),
        contributions=flow.contributions,
        hours=round(flow.hours, 2),
        money=round(flow.money, 2),
        travel=round(flow.travel, 2),
        hours_value=round(flow.hours_value, 2),
        contribution_value=round(flow.contribution_value, 2),
        cost_not_given=round(flow.cost - flow.given_cost, 2),
        share=round(flow.value / all_value, 3) if all_value > 0 else None,
    )


@dataclass
class _Run:
    """A run of months in which the giver's lead keeps both cumulative sums above zero."""

    value: float = 0.0  # the value sum, in the giver's typical months
    count: float = 0.0  # the count sum, a log-likelihood ratio
    one_sided: list[int] = field(default_factory=list)
    activities: int = 0
    quiet: int = 0  # consecutive months, up to now, in which the giver gave nothing
    since: int | None = None  # set when the street is reported: the onset in the receiver's thin spell
    detected: bool = False


@dataclass(frozen=True)
class _Month:
    month: int
    given: float
    received: float
    gave: int  # giving activities of the giver
    got: int  # giving activities of the receiver


@dataclass(frozen=True)
class _Usual:
    """What the two sides usually give, from the whole log: the scale every month is measured against."""

    month: float  # the giver's typical giving month (value)
    gift: float  # the receiver's typical gift (value)
    little: float  # a receiver's month at or below this value is silent
    token_month_share: float  # and so is one in which it gave at most this share of the month's value
    token_gift: float  # and one in which it made a single gift worth at most this
    per_gift: float  # count step of one gift of the giver
    per_return: float  # count step of one (typical) gift of the receiver
    thin_gift: float  # a receiver's month with a single gift worth at most this is thin


def detect_one_way(evidence: Evidence, gating: OneWayGating) -> tuple[OneWay, list[int]]:
    """The running one-way street, if one side carries it clearly enough to say so; ended streets as history."""
    current: tuple[OneWay, list[int]] | None = None
    history: list[PastOneWay] = []
    gated = False
    for giver in evidence.sides:
        receiver = evidence.other(giver)
        run, past = _cusum(evidence, giver, receiver, gating)
        history += past
        if run is None:
            continue
        if not run.detected or run.since is None:
            gated = gated or run.value >= gating.threshold
            continue
        since = run.since
        streak, received = _sum(evidence, giver, since), _sum(evidence, receiver, since)
        share = received.value / (received.value + streak.value) if streak.value > 0 else 0.0
        one_way = OneWay(
            detected=True,
            giver=giver,
            receiver=receiver,
            since=month_label(since),
            months=month_of(evidence.as_of) - since + 1,
            cost=_cost(streak),
            receiver_share=round(share, 3),
        )
        current = (one_way, streak.indices)
    history.sort(key=lambda street: street.since)
    if current is not None:
        return current[0].model_copy(update={"history": history}), current[1]
    reason = N_("One side has given alone recently, but too little so far for a verdict.") if gated else None
    return OneWay(detected=False, reason=reason, history=history), []


def _months(evidence: Evidence, giver: str, receiver: str) -> list[_Month]:
    mine, theirs = evidence.flows[giver], evidence.flows[receiver]
    rows = []
    for month in evidence.months:
        flow, other = mine.get(month), theirs.get(month)
        rows.append(
            _Month(
                month,
                flow.value if flow else 0.0,
                other.value if other else 0.0,
                flow.giving if flow else 0,
                other.giving if other else 0,
            )
        )
    return rows


def _usual(months: list[_Month], gating: OneWayGating) -> _Usual | None:
    typical = _median([m.given for m in months if m.given > 0])
    gave, got = sum(m.gave for m in months), sum(m.got for m in months)
    if typical <= 0 or gave + got == 0:
        return None
    baseline = min(max(got / (gave + got), gating.receiver_share_floor), 0.5)
    returns = [m for m in months if m.got > 0 and m.received > 0]
    gift = _median([m.received / m.got for m in returns])
    return _Usual(
        month=typical,
        gift=gift,
        little=gating.token_share * _quantile([m.received for m in returns], 0.75),
        token_month_share=gating.token_month_share,
        token_gift=gating.token_gift_share * gift,
        per_gift=math.log((1 - gating.one_way_share) / (1 - baseline)),
        per_return=math.log(gating.one_way_share / baseline),
        thin_gift=gating.thin_gift_share * gift,
    )


def _cusum(
    evidence: Evidence, giver: str, receiver: str, gating: OneWayGating
) -> tuple[_Run | None, list[PastOneWay]]:
    """Two CUSUM sums over the months, on value and on counts, and the street they find (see the module doc)."""
    months = _months(evidence, giver, receiver)
    usual = _usual(months, gating)
    if usual is None:
        return None, []
    run: _Run | None = None
    history: list[PastOneWay] = []
    for position, row in enumerate(months):
        if run is not None:
            run.quiet = run.quiet + 1 if row.given <= 0 else 0
            if run.quiet >= gating.quiet_months:
                history += _ended(evidence, run, giver, receiver, "stopped")
                run = None
        if row.given + row.received <= 0:
            continue
        value = (row.given - gating.month_share * (row.given + row.received)) / usual.month
        returns = min(row.got, row.received / usual.gift) if usual.gift > 0 else row.got
        count = row.gave * usual.per_gift + returns * usual.per_return
        if run is None:
            if value <= 0 or count <= 0:
                continue
            run = _Run()
        run.value, run.count = run.value + value, run.count + count
        if run.value <= 0 or run.count <= 0:
            history += _ended(evidence, run, giver, receiver, "healed")
            run = None
            continue
        if row.given >= gating.month_share * (row.given + row.received):
            run.one_sided.append(row.month)
        run.activities += row.gave
        if not run.detected and _evident(run, months, position, usual, gating):
            run.detected, run.since = True, _onset(months, position, usual)
    return run, history


def _evident(run: _Run, months: list[_Month], position: int, usual: _Usual, gating: OneWayGating) -> bool:
    """Enough to call it: both sums over their thresholds, enough one-sided months and gifts, a silent receiver
    (or one down to a trickle)."""
    if (
        position < gating.min_history_months
        or run.value < gating.threshold
        or run.count < gating.count_threshold
        or len(run.one_sided) < gating.min_months
        or run.activities < gating.min_activities
        or not _below_usual(months, position, gating)
    ):
        return False
    return _spell_tells(months, position, usual, gating.silence_gifts, gating.min_months, thin=False) or (
        _spell_tells(months, position, usual, gating.thin_gifts, gating.min_months, thin=True)
    )


def _spell_tells(months: list[_Month], position: int, usual: _Usual, gifts: float, least: int, thin: bool) -> bool:
    """The receiver's silence (or `thin` spell) up to `position` is long enough, its longest yet, and more than a
    thin patch: no likelier, by its own record, than a steady partner missing `gifts` gifts. A thin spell also
    needs `least` months with a gift in it: a trickle, where a silence with one stray gift is the silence's."""
    start = _silent_since(months, position, usual, thin) - months[0].month
    silent, before = months[start : position + 1], months[:start]
    if len(silent) < least or len(silent) <= _longest_silence(before, usual, thin):
        return False
    if thin and (
        sum(1 for row in silent if row.got > 0) < least or all(_silent(row, usual, thin) for row in before)
    ):
        return False
    return _silence_chance(silent, before) <= math.exp(-gifts)


def _silence_chance(silent: list[_Month], before: list[_Month]) -> float:
    """The chance that the receiver makes no more gifts in as many months as `silent` than it made in them,
    its gifts per month a negative binomial with the mean and spread of its months `before` (at least a
    Poisson count's spread; a receiver with no months before: the giver's gifts, as a Poisson count)."""
    gifts = sum(row.got for row in silent)
    return _at_most(gifts, _expected_gifts(silent, before), _dispersion([row.got for row in before]))


def _dispersion(counts: list[int]) -> float:
    """Variance over mean of `counts`, at least 1 (a Poisson count's); 1 when there is no mean."""
    mean = sum(counts) / len(counts) if counts else 0.0
    if mean <= 0:
        return 1.0
    return max(1.0, sum((count - mean) ** 2 for count in counts) / len(counts) / mean)


def _at_most(count: int, mean: float, dispersion: float) -> float:
    """P(X <= count) for a count X with `mean` and variance dispersion x mean: Poisson at a dispersion of 1,
    negative binomial above it (size mean / (dispersion - 1), each step staying with chance 1 / dispersion)."""
    if mean <= 0:
        return 1.0
    poisson = dispersion <= 1
    size, stay = (0.0, 1.0) if poisson else (mean / (dispersion - 1), 1 / dispersion)
    term = math.exp(-mean) if poisson else stay**size
    total = term
    for k in range(1, count + 1):
        term *= mean / k if poisson else (k - 1 + size) / k * (1 - stay)
        total += term
    return min(1.0, total)


def _expected_gifts(silent: list[_Month], before: list[_Month]) -> float:
    """The gifts the receiver would usually have made in `silent`, at its rate over the months `before`;
    for a receiver with no months before (it never gave), the giver's gifts in them."""
    if not before:
        return float(sum(row.gave for row in silent))
    return len(silent) * sum(row.got for row in before) / len(before)


def _below_usual(months: list[_Month], position: int, gating: OneWayGating) -> bool:
    """The receiver gave at most `receiver_window_share` of its usual over the last `window_months` months."""
    window = gating.window_months
    received = [m.received for m in months[: position + 1]]
    before = received[:-window] if len(received) > window else received
    usual = _median([sum(before[i : i + window]) for i in range(max(1, len(before) - window + 1))])
    return usual <= 0 or sum(received[-window:]) <= gating.receiver_window_share * usual


def _onset(months: list[_Month], position: int, usual: _Usual) -> int:
    """The month the street began: the first month of the receiver's thin spell up to `position` in which it
    gave nothing at all, after the last month of the spell in which it still made several gifts (the
    spell's first month when there is none)."""
    start = _silent_since(months, position, usual, thin=True)
    silent = months[start - months[0].month : position + 1]
    several = [index for index, row in enumerate(silent) if row.got > 1]
    after = silent[several[-1] + 1 :] if several else silent
    return next((row.month for row in after if row.got == 0), start)


def _silent_since(months: list[_Month], position: int, usual: _Usual, thin: bool = False) -> int:
    """The first month of the receiver's silence (or `thin` spell) that runs up to `position` (the month after
    it if none)."""
    start = position + 1
    while start > 0 and _silent(months[start - 1], usual, thin):
        start -= 1
    return months[0].month + start


def _silent(row: _Month, usual: _Usual, thin: bool = False) -> bool:
    """A month in which the receiver gave nothing of note: a token against its usual month, against the
    giver's, or against its typical gift; when `thin`, also one with a single gift of an ordinary size."""
    return (
        (thin and row.got <= 1 and row.received <= usual.thin_gift)
        or row.received <= usual.little
        or row.received <= usual.token_month_share * (row.given + row.received)
        or (row.got == 1 and row.received <= usual.token_gift)
    )


def _longest_silence(months: list[_Month], usual: _Usual, thin: bool = False) -> int:
    """The receiver's longest silence (or `thin` spell) in `months`, from its first month of real giving on."""
    longest = current = 0
    giving = False
    for row in months:
        if not _silent(row, usual, thin):
            giving, current = True, 0
        elif giving:
            current += 1
            longest = max(longest, current)
    return longest


def _quantile(values: list[float], q: float) -> float:
    """The value at position floor(q x n) of the sorted values (0 when there are none)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * q))] if ordered else 0.0


def _median(values: list[float]) -> float:
    """The middle value; with an even number of values, the upper of the two middle ones."""
    return _quantile(values, 0.5)


def _ended(
    evidence: Evidence, run: _Run, giver: str, receiver: str, how: Literal["healed", "stopped"]
) -> list[PastOneWay]:
    """The street `run` was, once it has ended `how`: from its onset (`since`) to
    the last one-sided month (nothing when it ended before it was reported)."""
    if not run.detected or run.since is None:
        return []
    since, until = run.since, run.one_sided[-1]
    streak = _sum(evidence, giver, since, until)
    street = PastOneWay(
        giver=giver,
        receiver=receiver,
        since=month_label(since),
        until=month_label(until),
        months=until - since + 1,
        ended=how,
        cost=_cost(streak),
    )
    return [street]


def _cost(streak: Flow) -> Cost:
    return Cost(
        hours=round(streak.hours, 2),
        hours_value=round(streak.hours_value, 2),
        money=round(streak.money, 2),
        travel=round(streak.travel, 2),
        total=round(streak.cost, 2),
    )


def _sum(evidence: Evidence, side: str, start: int, end: int | None = None) -> Flow:
    total = Flow()
    for month, flow in sorted(evidence.flows[side].items()):
        if month >= start and (end is None or month <= end):
            total.absorb(flow)
    return total


def _ended_finding(evidence: Evidence, street: PastOneWay) -> Finding:
    detail = {
        "giver": evidence.name(street.giver),
        "giver_key": street.giver,
        "receiver": evidence.name(street.receiver),
        "receiver_key": street.receiver,
        "since": street.since,
        "until": street.until,
        "months": street.months,
        "total": street.cost.total,
        "currency": evidence.currency,
    }
    return finding(ENDED_HEALED if street.ended == "healed" else ENDED_STOPPED, "info", SECTION, detail)


def _one_way_finding(evidence: Evidence, one_way: OneWay, indices: list[int]) -> Finding:
    assert one_way.giver and one_way.receiver and one_way.cost and one_way.since
    detail = {
        "giver": evidence.name(one_way.giver),
        "giver_key": one_way.giver,
        "receiver": evidence.name(one_way.receiver),
        "receiver_key": one_way.receiver,
        "since": one_way.since,
        "months": one_way.months,
        "receiver_share": one_way.receiver_share,
        "hours": one_way.cost.hours,
        "total": one_way.cost.total,
        "currency": evidence.currency,
    }
    return finding(ONE_WAY, "error", SECTION, detail, cite(evidence, [*indices[:2], *indices[-3:]]))
