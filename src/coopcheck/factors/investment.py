"""Investment: are both partners investing their agreed share?

A partnership needs both sides to put in time and money. When one side carries far more than it
agreed to, it is subsidising the other; that rarely lasts, and the side that pays more usually
stops before anyone has talked about it.

How it is measured

Each side's investment is what the partnership cost it up to the assessment date:

    investment = hours x the side's hourly_rate + money + travel

where hours and travel come from every activity the side gave or initiated, and money is the
`value` of its `investment`, `cost_share` and contribution activities. (A partner without an
`hourly_rate` is priced at the other partner's rate, or at the currency's default rate when
neither states one.)

    share     = the side's investment / both sides' investment
    shortfall = (agreed share - share) / agreed share, for the side below its agreed share
    score     = 100 x (1 - shortfall)

The agreed share comes from `success_factors.influence.cost_split`; without one, 50/50. A side
that carries nothing of a 50/50 split gives a score of 0; one that carries 40% instead of 50%
gives 80. There is no score before {min_activities} activities with hours, money or travel are
logged.

What to log: `hours` and `travel_cost` on activities, and `investment` or `cost_share` activities
with a `value` for money spent.

Levers: agree a `cost_split` in writing if there is none; have the side below its share take on
the next event, campaign budget or enablement; or change the split to what both actually do.
"""

from __future__ import annotations

import heapq

from pydantic import Field

from coopcheck.evidence import MONEY_TYPES, Evidence
from coopcheck.factors.base import FactorParameters, score
from coopcheck.findings import FactorResult, Finding, Severity, cite, finding, ordered, template
from coopcheck.i18n import N_

ID = "investment"
TITLE = N_("Investment")
# What a good score rests on, shown in reports when neither a finding nor a reason says more.
BASIS = N_("Both sides carry their agreed share of the investment.")
SURVEY = "Shared willingness to invest and share costs."  # what a survey rating means


class Parameters(FactorParameters):
    min_activities: int = Field(
        default=4, ge=1, description="Activities with hours, money or travel needed before the factor is scored."
    )
    tolerance: float = Field(
        default=0.1, ge=0, le=1, description="Distance from the agreed share (as a fraction) that is not reported."
    )


DEFAULTS = Parameters()

# Why each default is what it is: docs/scoring.md shows it beside the parameter (tools/docs.py).
WHY = {
    "min_activities": "fewer activities with hours, money or travel do not show a pattern of spending",
    "tolerance": "effort estimates are rough; ten percentage points off the split is not worth a finding",
}

OFF_SPLIT = template(
    "investment.off_split",
    N_(
        "{heavy} carries {heavy_share:.0%} of the investment ({heavy_cost:,.0f} {currency}) against an agreed "
        "{heavy_agreed:.0%}; {light} carries {light_share:.0%} ({light_cost:,.0f} {currency})."
    ),
    N_(
        "Raise the split at the next review: have {light} take on the next event, budget or enablement, "
        "or agree a cost_split that matches what both actually do."
    ),
)


def assess(evidence: Evidence, params: Parameters = DEFAULTS) -> FactorResult:
    totals = evidence.totals
    cost = {side: totals[side].cost for side in evidence.sides}
    total = sum(cost.values())
    if sum(totals[side].costed for side in evidence.sides) < params.min_activities or total <= 0:
        reason = N_("Too few activities with hours, money or travel logged to compare the investment.")
        return FactorResult(id=ID, title=TITLE, score=None, reason=reason)
    agreed = agreed_shares(evidence)
    share = {side: cost[side] / total for side in evidence.sides}
    shortfall = max((agreed[side] - share[side]) / agreed[side] if agreed[side] > 0 else 0.0 for side in evidence.sides)
    value = 1 - max(0.0, shortfall)
    findings: list[Finding] = []
    heavy, light = sorted(evidence.sides, key=lambda side: (agreed[side] - share[side], side))
    if share[heavy] - agreed[heavy] > params.tolerance:
        detail = {
            "heavy": evidence.name(heavy),
            "heavy_key": heavy,
            "heavy_share": round(share[heavy], 3),
            "heavy_agreed": round(agreed[heavy], 3),
            "heavy_cost": round(cost[heavy], 2),
            "light": evidence.name(light),
            "light_key": light,
            "light_share": round(share[light], 3),
            "light_cost": round(cost[light], 2),
            "currency": evidence.currency,
        }
        severity: Severity = "error" if value < 0.4 else "warning"
        findings.append(finding(OFF_SPLIT, severity, ID, detail, cite(evidence, _largest(evidence, heavy))))
    agreed_split = evidence.definition.success_factors.influence.cost_split
    note = None if agreed_split else N_("No cost split agreed; judged against 50/50.")
    return FactorResult(id=ID, title=TITLE, score=score(value), reason=note, findings=ordered(findings))


def agreed_shares(evidence: Evidence) -> dict[str, float]:
    """The agreed share of each side as a fraction (50/50 without a usable cost_split)."""
    split = evidence.definition.success_factors.influence.cost_split or {}
    parts = {side: float(split.get(side, 0.0)) for side in evidence.sides}
    total = sum(parts.values())
    if total <= 0:
        return dict.fromkeys(evidence.sides, 0.5)
    return {side: part / total for side, part in parts.items()}


def _largest(evidence: Evidence, side: str) -> list[int]:
    """The side's costliest activities, for evidence."""
    rate = evidence.rates[side]

    def cost(index: int) -> float:
        activity = evidence.activity(index)
        money = (activity.value or 0) if activity.type in MONEY_TYPES else 0
        return (activity.hours or 0) * rate + (activity.travel_cost or 0) + money

    indices = (i for flow in evidence.flows[side].values() for i in flow.indices)
    return heapq.nsmallest(5, indices, key=lambda i: (-cost(i), i))
