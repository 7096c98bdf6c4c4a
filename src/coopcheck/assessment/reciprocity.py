"""Reciprocity: what each side gave the other, the reciprocity index, and one-way-street detection.

Given value of a side = what its giving cost it (hours at its own rate + money + travel) + the
worth of the contributions it handed over (valued by type). Requests and contacts without a topic
cost the side but give nothing, so they are left out. The index is smaller / larger given value:
1 when both gave the same, 0.5 when one gave twice as much, 0 when one gave nothing; it needs four
giving activities from the two sides together.

A one-way street is a run of months, ending now, in which one side gave at least 75% of each
month's value (months in which neither gave anything do not break the run). It is reported once
the run holds three such months and six giving activities of the giver, so two events never
make a verdict. `since` is the first month of the run; the cost is what the giver spent from then on.
"""

from __future__ import annotations

from coopcheck.assessment.model import Cost, Finding, Given, OneWay, Reciprocity
from coopcheck.assessment.parameters import OneWayGating, ReciprocityParameters
from coopcheck.evidence import Evidence, Flow, month_label, month_of
from coopcheck.findings import cite, finding, template
from coopcheck.i18n import N_

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


def detect_one_way(evidence: Evidence, gating: OneWayGating) -> tuple[OneWay, list[int]]:
    """The current one-way streak, if one side has carried it long enough to say so, and the giver's activities."""
    gated = False
    for giver in evidence.sides:
        receiver = evidence.other(giver)
        start = _streak_start(evidence, giver, receiver, gating)
        if start is None:
            continue
        streak = _sum(evidence, giver, start)
        if streak.giving < gating.min_activities:
            gated = True
            continue
        received = _sum(evidence, receiver, start)
        months = month_of(evidence.as_of) - start + 1
        cost = Cost(
            hours=round(streak.hours, 2),
            hours_value=round(streak.hours_value, 2),
            money=round(streak.money, 2),
            travel=round(streak.travel, 2),
            total=round(streak.cost, 2),
        )
        share = received.value / (received.value + streak.value)
        one_way = OneWay(
            detected=True,
            giver=giver,
            receiver=receiver,
            since=month_label(start),
            months=months,
            cost=cost,
            receiver_share=round(share, 3),
        )
        return one_way, streak.indices
    reason = N_("One side has given alone recently, but too little so far for a verdict.") if gated else None
    return OneWay(detected=False, reason=reason), []


def _streak_start(evidence: Evidence, giver: str, receiver: str, gating: OneWayGating) -> int | None:
    """First month of the run of one-sided months that ends now, if it holds enough one-sided months."""
    start = None
    one_sided = 0
    for month in reversed(evidence.months):
        mine = evidence.flows[giver].get(month)
        theirs = evidence.flows[receiver].get(month)
        given = mine.value if mine else 0.0
        total = given + (theirs.value if theirs else 0.0)
        if total <= 0:
            continue
        if given / total < gating.month_share:
            break
        one_sided += 1
        start = month
    return start if one_sided >= gating.min_months else None


def _sum(evidence: Evidence, side: str, start: int) -> Flow:
    total = Flow()
    for month, flow in sorted(evidence.flows[side].items()):
        if month >= start:
            total.absorb(flow)
    return total


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
