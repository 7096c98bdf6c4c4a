"""Empty-contact risk: is the partnership spending time and travel without substance or result?

    empty share = contacts without a topic / all contacts (judged from three contacts on)
    months      = whole months without an outcome, counted from the later of the last outcome and
                  the day outcomes fall due (`outcome.due_from`: after the ramp of the earliest
                  target), so a partnership is never blamed for results that were not due yet
    drought     = months / six (capped at 1), while effort goes on (0 when nothing was spent
                  since the last outcome)
    long drought = (months - three) / three, between 0 and 1, while effort goes on
    risk        = 100 x the larger of (0.5 x empty share + 0.5 x drought) and long drought;
                  100 x drought with fewer than three contacts

So a long drought is high on its own however tidy the topics (six months without a result that
was due, with effort going on, is 100), while a partnership with no contacts is never scored on
contacts. Level: high from 65, medium from 40, low below. A partnership is a zombie after two
quarters without a due outcome while effort goes on. The cost is what both sides spent since the
last outcome: hours priced at each side's rate, travel, and money put in.
"""

from __future__ import annotations

import datetime as dt

from coopcheck.assessment.model import EmptyContactRisk, Finding, RiskLevel, Severity
from coopcheck.assessment.parameters import EmptyContactParameters
from coopcheck.evidence import Evidence
from coopcheck.factors.base import clamp, weighted
from coopcheck.findings import cite, cite_place, finding, template
from coopcheck.i18n import N_
from coopcheck.months import full_months_between

SECTION = "empty_contacts"

ZOMBIE = template(
    "empty_contacts.zombie",
    N_(
        "No outcome for {months} months (since {since}), while {hours:,.0f} hours, {travel:,.0f} {currency} "
        "of travel and {money:,.0f} {currency} of money went in: {cost:,.0f} {currency} spent without a result."
    ),
    N_(
        "Decide at sponsor level within a month: name one joint opportunity with an owner and a date, "
        "or wind the partnership down and stop the spending."
    ),
)
NO_SUBSTANCE = template(
    "empty_contacts.no_substance",
    N_("{empty} of {contacts} contacts ({share:.0%}) had no topic; they cost {cost:,.0f} {currency}."),
    N_("Give every meeting and call a topic when it is set up, and cancel the ones that have none."),
)


def assess_empty_contacts(
    evidence: Evidence, params: EmptyContactParameters, due_from: dt.date
) -> tuple[EmptyContactRisk, list[Finding]]:
    last_outcome = max((o.date for o in evidence.outcomes), default=None)
    counted_from = max(last_outcome or due_from, due_from)
    months = full_months_between(counted_from, evidence.as_of)
    since = evidence.since_outcome
    effort = since.activities > 0
    zombie = months >= params.zombie_months and effort
    empty = len(evidence.empty_contacts)
    share = empty / evidence.contacts if evidence.contacts else None
    judged_share = share if evidence.contacts >= params.min_contacts else None
    findings: list[Finding] = []
    if zombie:
        findings.append(_zombie(evidence, months, counted_from))
    if judged_share is not None and judged_share >= params.empty_share_finding:
        findings.append(_no_substance(evidence, judged_share))
    score, level, reason = _risk(evidence, params, judged_share, months if effort else None)
    risk_model = EmptyContactRisk(
        score=score,
        level=level,
        contacts=evidence.contacts,
        empty_contacts=empty,
        empty_share=round(share, 3) if share is not None else None,
        hours=round(since.hours, 2),
        travel=round(since.travel, 2),
        money=round(since.money, 2),
        cost=round(since.effort_cost, 2),
        last_outcome=last_outcome,
        months_without_outcome=months,
        zombie=zombie,
        empty_cost=round(evidence.empty_contact_cost, 2),
        reason=reason,
    )
    return risk_model, findings


def _risk(
    evidence: Evidence, params: EmptyContactParameters, share: float | None, drought_months: int | None
) -> tuple[float | None, RiskLevel | None, str | None]:
    """Score, level and reason; `drought_months` is None when nothing was spent since the last outcome."""
    if evidence.considered == 0:
        return None, None, N_("No activity logged yet.")
    months = drought_months or 0
    drought = min(1.0, months / params.zombie_months)
    half = params.zombie_months / 2
    long_drought = clamp((months - half) / half)
    mixed = weighted({"share": (share, params.share_weight), "drought": (drought, params.drought_weight)})
    thin = N_("Too few contacts to judge their substance; scored on months without outcome only.")
    reason = None if share is not None else thin
    if mixed is None:
        return None, None, reason
    score = round(100 * max(mixed, long_drought), 1)
    level: RiskLevel = "high" if score >= params.high else "medium" if score >= params.medium else "low"
    return score, level, reason


def _zombie(evidence: Evidence, months: int, counted_from: dt.date) -> Finding:
    since = evidence.since_outcome
    detail = {
        "months": months,
        "since": counted_from.isoformat(),
        "hours": round(since.hours, 2),
        "travel": round(since.travel, 2),
        "money": round(since.money, 2),
        "cost": round(since.effort_cost, 2),
        "currency": evidence.currency,
    }
    return finding(ZOMBIE, "error", SECTION, detail, cite_place(evidence, "success_factors", "outcomes"))


def _no_substance(evidence: Evidence, share: float) -> Finding:
    detail = {
        "empty": len(evidence.empty_contacts),
        "contacts": evidence.contacts,
        "share": round(share, 3),
        "cost": round(evidence.empty_contact_cost, 2),
        "currency": evidence.currency,
    }
    severity: Severity = "error" if share >= 0.5 else "warning"
    latest = evidence.empty_contacts[-5:][::-1]
    return finding(NO_SUBSTANCE, severity, SECTION, detail, cite(evidence, latest))
