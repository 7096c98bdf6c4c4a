"""Diagnosis: influence against outcome, in one word.

- onboarding: no activity yet, or still within the grace period after `started` (60 days);
- thriving: influence strong (score 60 or more, no scored factor below 30, and no one-way street)
  and outcomes strong (score 60 or more);
- building: influence strong, outcomes not yet, and the activity has substance (no zombie, and
  the empty-contact risk is not high); outcomes are expected by the day the partnership would
  become a zombie (six months after the last outcome, or after `started`);
- harvesting: outcomes without strong influence, which does not last;
- empty: neither; or strong influence scores over activity without substance (a zombie, or a
  high empty-contact risk), because influence that never turns into results is not influence.

Without an outcome score (no targets, or none due yet), outcomes count as strong when the last one
is less than three months old.
"""

from __future__ import annotations

import calendar
import datetime as dt

from coopcheck.assessment.model import Diagnosis, EmptyContactRisk, Influence, Outcome
from coopcheck.assessment.parameters import DiagnosisParameters
from coopcheck.evidence import Evidence, full_months_between
from coopcheck.i18n import N_

SUMMARIES: dict[str, str] = {
    "onboarding": N_("Onboarding: too early to judge results; check readiness and the first exchanges."),
    "thriving": N_("Thriving: the influence factors are strong and the outcomes follow."),
    "building": N_("Building: the influence factors are strong, the outcomes have not followed yet; "
                   "expect them by {date}."),
    "harvesting": N_("Harvesting: outcomes arrive, but the influence factors behind them are weak; "
                     "this does not last."),
    "empty": N_("Empty: no outcomes to show, and the influence factors do not carry the partnership."),
}  # fmt: skip


def diagnose(
    evidence: Evidence,
    influence: Influence,
    outcome: Outcome,
    risk: EmptyContactRisk,
    one_way: bool,
    params: DiagnosisParameters,
    zombie_months: int,
) -> Diagnosis:
    started = evidence.definition.started
    if evidence.considered == 0 or evidence.as_of < started + dt.timedelta(days=params.grace_days):
        return Diagnosis(id="onboarding", summary=SUMMARIES["onboarding"])
    influence_strong = (
        not one_way
        and influence.score is not None
        and influence.score >= params.influence_strong
        and all(f.score is None or f.score >= params.factor_floor for f in influence.factors)
    )
    last = max((o.date for o in evidence.outcomes), default=None)
    if outcome.score is not None:
        outcome_strong = outcome.score >= params.outcome_strong
    else:
        outcome_strong = last is not None and full_months_between(last, evidence.as_of) < params.recent_outcome_months
    if influence_strong and outcome_strong:
        return Diagnosis(id="thriving", summary=SUMMARIES["thriving"])
    if influence_strong and not risk.zombie and risk.level != "high":
        expected = _add_months(last or started, zombie_months)
        summary = SUMMARIES["building"].format(date=expected.isoformat())
        return Diagnosis(id="building", summary=summary, expect_outcomes_by=expected)
    if outcome_strong:
        return Diagnosis(id="harvesting", summary=SUMMARIES["harvesting"])
    return Diagnosis(id="empty", summary=SUMMARIES["empty"])


def _add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later, or the last day of that month when it is shorter."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
