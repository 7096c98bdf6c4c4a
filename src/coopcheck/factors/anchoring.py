"""Anchoring: is the partnership held at the top and at the working level, on both sides?

A partnership lives when people on both sides own it: a sponsor at the executive level who gives
it weight and budget, and contacts at the working level who do the work. When a side has no
sponsor, nobody there defends the partnership when priorities shift; when only one person is ever
seen, the partnership leaves the company with that person.

How it is measured

- Named anchors (weight {named_weight:g}): each side names a `sponsor` and at least one of its
  `contacts`; the share of these four checks that pass.
- Exchange (weight {exchange_weight:g}): over the last {window_months} months, does each side take
  part at the executive level and at the working level? Four cells (executive A, executive B,
  working A, working B); a side takes part in an activity at a level when it leads it (`from`) or
  when its sponsor or contacts are among the `people`. The share of cells holding at least one
  activity. Only activities that record a `level` count; when no activity in the whole log does,
  this part is left out and the reason says so.
- Broken anchor: once the partnership is older than the window, a side that took no part at one of
  the two levels for the whole window caps the factor at {missing_level_cap:g}, below the line
  where a factor counts as broken: a side that has stayed away from a level that long is not
  anchored, however well the rest looks.
- Spread (weight {spread_weight:g}): for each side with at least {min_people_activities}
  activities that name its people, the share of those activities in which its most frequent person
  appears. Up to 50% counts in full, 100% counts nothing, linear in between; the mean over the
  sides measured.

Score = 100 x the weighted mean of the parts that could be measured. There is no score before
{min_activities} activities are logged: the definition alone does not show whether anyone is
anchored.

What to log: `level` (executive or working) and `people` on meetings, calls, workshops and reviews.
People are assigned to the side that names them as sponsor or contact, otherwise to the side the
activity comes from.

Levers: name a sponsor on each side and have the sponsors meet at least once a quarter; bring a
second person into the working exchange and hand over a running topic; let the quieter side lead
the next executive meeting.
"""

from __future__ import annotations

from pydantic import Field

from coopcheck.evidence import Evidence
from coopcheck.factors.base import FactorParameters, clamp, score, weighted
from coopcheck.findings import FactorResult, Finding, cite, cite_place, finding, ordered, template
from coopcheck.i18n import N_
from coopcheck.months import month_of

ID = "anchoring"
TITLE = N_("Anchoring")
# What a good score rests on, shown in reports when neither a finding nor a reason says more.
BASIS = N_("Sponsors and working-level contacts on both sides, in exchange at both levels.")
SURVEY = "Anchoring at executive and working level."  # what a survey rating means
LEVELS = ("executive", "working")


class Parameters(FactorParameters):
    window_months: int = Field(default=6, ge=1, le=60, description="Months of exchange that count as current.")
    min_activities: int = Field(default=4, ge=1, description="Activities needed before the factor is scored.")
    single_person_share: float = Field(
        default=0.7, gt=0.5, le=1, description="Share of a side's activities with one person that is flagged."
    )
    min_people_activities: int = Field(
        default=5, ge=1, description="Activities naming a side's people needed before its spread is judged."
    )
    named_weight: float = Field(default=0.3, ge=0, description="Weight of named sponsors and contacts.")
    exchange_weight: float = Field(default=0.5, ge=0, description="Weight of exchange by level and direction.")
    spread_weight: float = Field(default=0.2, ge=0, description="Weight of not hanging on one person.")
    missing_level_cap: float = Field(
        default=25,
        ge=0,
        le=100,
        description="Highest score while a side took no part at one level for the whole window.",
    )


DEFAULTS = Parameters()

# Why each default is what it is: docs/scoring.md shows it beside the parameter (tools/docs.py).
WHY = {
    "window_months": "two quarters: an executive who has not been seen for two quarters is no longer an anchor",
    "min_activities": "below four activities the log says nothing about who is involved",
    "single_person_share": "one person in seven of ten activities of a side: the side hangs on that person",
    "min_people_activities": "spread is not judged from fewer than five activities of a side",
    "named_weight": "naming anchors is necessary but cheap",
    "exchange_weight": "exchange actually happening is the strongest sign of anchoring",
    "spread_weight": "concentration is a risk, not yet a failure",
    "missing_level_cap": (
        "a side absent from one level for two quarters is a broken anchor: below "
        "the 30 at which a factor counts as broken"
    ),
}

NO_SPONSOR = template(
    "anchoring.no_sponsor",
    N_("{side} names no sponsor: nobody at the executive level owns the partnership there."),
    N_("Name a sponsor for {side} (partners.{key}.sponsor) and have the two sponsors meet this quarter."),
)
NO_CONTACTS = template(
    "anchoring.no_contacts",
    N_("{side} names no working-level contacts."),
    N_("List the people who do the day-to-day work for {side} (partners.{key}.contacts)."),
)
MISSING_EXCHANGE = template(
    "anchoring.missing_exchange",
    N_("{from_side} took no part at the {level} level in the last {window} months."),
    N_("Have {from_side} lead a meeting at the {level} level with {to_side} within a month, and log its level."),
)
SINGLE_PERSON = template(
    "anchoring.single_person",
    N_("The partnership hangs on {person} at {side}: {person} appears in {share:.0%} of its activities."),
    N_("Bring a second person from {side} into the regular exchange and hand over one running topic."),
)


def assess(evidence: Evidence, params: Parameters = DEFAULTS) -> FactorResult:
    findings: list[Finding] = []
    checks = 0
    for side in evidence.sides:
        partner = evidence.definition.partners[side]
        names = {"side": evidence.name(side), "key": side}
        if partner.sponsor:
            checks += 1
        else:
            findings.append(finding(NO_SPONSOR, "warning", ID, names, cite_place(evidence, "partners", side)))
        if partner.contacts:
            checks += 1
        else:
            findings.append(finding(NO_CONTACTS, "warning", ID, names, cite_place(evidence, "partners", side)))
    if evidence.considered < params.min_activities:
        reason = N_("Too few activities logged to see whether the partnership is anchored.")
        return FactorResult(id=ID, title=TITLE, score=None, reason=reason, findings=ordered(findings))
    exchange = _exchange(evidence, params, findings)
    spread = _spread(evidence, params, findings)
    value = weighted(
        {
            "named": (checks / 4, params.named_weight),
            "exchange": (exchange, params.exchange_weight),
            "spread": (spread, params.spread_weight),
        }
    )
    note = None
    if exchange is None:
        note = N_("No activity records its level; scored on named anchors and spread only.")
    elif value is not None and _broken_anchor(evidence, params, exchange):
        value = min(value, params.missing_level_cap / 100)
        note = N_("A side took no part at one level for the whole window; capped as broken.")
    return FactorResult(
        id=ID,
        title=TITLE,
        score=None if value is None else score(value),
        reason=note,
        findings=ordered(findings),
    )


def _exchange(evidence: Evidence, params: Parameters, findings: list[Finding]) -> float | None:
    """Share of the four (level, direction) cells with activity in the window; None if no level is logged."""
    start = month_of(evidence.as_of) - params.window_months + 1
    counts = {
        (level, side): sum(
            n for (lvl, frm, month), n in evidence.exchanges.items() if lvl == level and frm == side and month >= start
        )
        for level in LEVELS
        for side in evidence.sides
    }
    if not evidence.levels_logged:
        return None
    for (level, side), count in counts.items():
        if count == 0:
            params_ = {
                "level": level,
                "from_side": evidence.name(side),
                "to_side": evidence.name(evidence.other(side)),
                "window": params.window_months,
            }
            anchor = "sponsor" if level == "executive" else "contacts"
            place = cite_place(evidence, "partners", side, anchor)
            findings.append(finding(MISSING_EXCHANGE, "warning", ID, params_, place))
    return sum(1 for count in counts.values() if count) / len(counts)


def _broken_anchor(evidence: Evidence, params: Parameters, exchange: float) -> bool:
    """A cell is empty although the partnership has run for the whole window."""
    old_enough = month_of(evidence.as_of) - month_of(evidence.definition.started) >= params.window_months
    return old_enough and exchange < 1


def _spread(evidence: Evidence, params: Parameters, findings: list[Finding]) -> float | None:
    """Mean over sides of how little the side depends on its most frequent person."""
    spreads = []
    for side in evidence.sides:
        total = evidence.people_activities[side]
        if total < params.min_people_activities:
            continue
        person, count = min(evidence.people[side].items(), key=lambda item: (-item[1], item[0]))
        share = count / total
        spreads.append(clamp((1 - share) / 0.5))
        if share >= params.single_person_share:
            detail = {"person": person, "side": evidence.name(side), "share": round(share, 3)}
            examples = evidence.people_examples[side][person]
            findings.append(finding(SINGLE_PERSON, "warning", ID, detail, cite(evidence, examples)))
    return sum(spreads) / len(spreads) if spreads else None
