"""Diagnosis, the headline: one word for the story, and one sentence built from the figures it rests on.

In this order, the first that applies:

- onboarding: no activity yet, or still within the grace period after `started` (60 days);
- one_way: a one-way street is running (the reciprocity section): it outranks everything else,
  because every further month of it is lost to the giver;
- empty: a zombie (outcomes were due, none came for two quarters, effort went on);
- thriving: influence strong (score 60 or more, no scored factor below 30) and outcomes strong
  (outcome score 60 or more; without a score, an outcome in the last three months), the band not
  red and the empty-contact risk not high;
- harvesting: outcomes have come, but the influence behind them is weak (an influence score below
  60, or one side has stopped working for the partnership): results that nothing sustains;
- empty: a high empty-contact risk (contacts without substance, or a long drought), or no outcome
  at all with weak influence and a medium risk;
- building: otherwise: outcomes not yet due, or due but not yet come, or coming while one factor
  is broken under an otherwise strong influence (the sentence names the factor to mend); it says
  by when the next result is to be expected (the day the partnership would become a zombie without
  one), and names the outcomes that came before any was due.

The sentence is filled from the sections below it (influence, outcome totals, one-way giver and
cost, empty-contact risk), so it cannot say what they contradict: `empty` never stands beside a
low risk, `thriving` never beside a zombie, a high risk or a red band, and "no outcome" is only
said when there is none. "Influence is only ..." is said of an influence score below the strong
threshold only: a factor broken under a strong score is named as broken, and an `empty` verdict
beside a strong influence is told as the drought that makes it (months without outcome since
results fell due).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from coopcheck.assessment.model import (
    Diagnosis,
    DiagnosisId,
    EmptyContactRisk,
    Health,
    Influence,
    Outcome,
    Readiness,
    Reciprocity,
)
from coopcheck.assessment.parameters import DiagnosisParameters
from coopcheck.evidence import Evidence
from coopcheck.i18n import N_
from coopcheck.months import add_months, full_months_between

Params = dict[str, str | int | float | None]

ONBOARDING_FUTURE = N_("Onboarding: the partnership starts on {started}; readiness {readiness} of 100.")
ONBOARDING = N_(
    "Onboarding: started on {started}, too early to judge results before {judge_from}; readiness {readiness} of 100."
)
ONBOARDING_NO_ACTIVITY = N_(
    "Onboarding: started on {started}, but no activity is logged yet; readiness {readiness} of 100."
)
ONE_WAY = N_(
    "One-way street: {giver} has carried the partnership alone since {since} ({months} months, {cost:,.0f} "
    "{currency} so far); {receiver} gave back {receiver_share:.0%} of the value."
)
THRIVING = N_(
    "Thriving: influence {influence}, outcome {outcome} (joint campaigns {campaigns}, projects won {projects}, "
    "revenue {revenue:,.0f} {currency})."
)
THRIVING_UNTARGETED = N_(
    "Thriving: influence {influence}; outcomes keep coming (joint campaigns {campaigns}, projects won {projects}, "
    "revenue {revenue:,.0f} {currency}, the last on {last}), though no outcome targets are agreed to score them "
    "against."
)
HARVESTING = N_(
    "Harvesting: outcomes have come (joint campaigns {campaigns}, projects won {projects}, revenue {revenue:,.0f} "
    "{currency}), but influence is only {influence} (weakest: {factor} {factor_score}); results without "
    "influence do not last."
)
HARVESTING_QUIET = N_(
    "Harvesting: outcomes have come (joint campaigns {campaigns}, projects won {projects}, revenue {revenue:,.0f} "
    "{currency}), but {side} has done no work for the partnership for {quiet} months and influence has fallen "
    "to {influence}; the pipeline will run dry."
)
HARVESTING_ALL_QUIET = N_(
    "Harvesting: outcomes have come (joint campaigns {campaigns}, projects won {projects}, revenue {revenue:,.0f} "
    "{currency}), but neither side has done work for the partnership for {quiet} months and influence has fallen "
    "to {influence}; the pipeline will run dry."
)
EMPTY_ZOMBIE = N_(
    "Empty: no outcome for {months} months (since {since}) although results were due, while {cost:,.0f} "
    "{currency} went in; empty-contact risk {risk} ({level})."
)
EMPTY_SUBSTANCE = N_(
    "Empty: {share:.0%} of {contacts} contacts had no topic; empty-contact risk {risk} ({level}), "
    "influence {influence}."
)
EMPTY_WEAK = N_(
    "Empty: no outcome so far and influence only {influence} (weakest: {factor} {factor_score}); "
    "empty-contact risk {risk} ({level})."
)
BUILDING_NOT_DUE = N_(
    "Building: influence {influence}; no outcome is due before {due_from}, expect the first by {expect_by}."
)
BUILDING_EARLY = N_(
    "Building: influence {influence}; outcomes have come early (joint campaigns {campaigns}, projects won "
    "{projects}, revenue {revenue:,.0f} {currency}), none is due before {due_from}, expect the next by {expect_by}."
)
BUILDING_DUE = N_(
    "Building: influence {influence}; outcomes have been due since {due_from} and none has come yet, "
    "expect the first by {expect_by}."
)
BUILDING_BEHIND = N_(
    "Building: influence {influence}, outcome {outcome} behind plan (joint campaigns {campaigns}, projects won "
    "{projects}, revenue {revenue:,.0f} {currency}); expect the next by {expect_by}."
)
BUILDING_UNTARGETED = N_(
    "Building: influence {influence}; the last outcome came on {last} (joint campaigns {campaigns}, projects won "
    "{projects}, revenue {revenue:,.0f} {currency}), and no outcome targets are agreed to measure the pace "
    "against; expect the next by {expect_by}."
)
BUILDING_BROKEN = N_(
    "Building: influence {influence}, but {factor} is broken ({factor_score}); outcome {outcome} (joint campaigns "
    "{campaigns}, projects won {projects}, revenue {revenue:,.0f} {currency}); mend it before the next results "
    "fall due."
)
BUILDING_BROKEN_UNTARGETED = N_(
    "Building: influence {influence}, but {factor} is broken ({factor_score}); outcomes so far: joint campaigns "
    "{campaigns}, projects won {projects}, revenue {revenue:,.0f} {currency}; mend it before the next results fall "
    "due."
)
BUILDING_BROKEN_NOT_DUE = N_(
    "Building: influence {influence}, but {factor} is broken ({factor_score}); no outcome is due before {due_from}, "
    "mend it before results fall due."
)
BUILDING_WEAK = N_(
    "Building: no outcome is due before {due_from}, but influence is only {influence} (weakest: {factor} "
    "{factor_score}); strengthen it before results fall due."
)
HARVESTING_UNSCORED = N_(
    "Harvesting: outcomes have come (joint campaigns {campaigns}, projects won {projects}, revenue {revenue:,.0f} "
    "{currency}), but too little is logged to show the influence behind them; results without influence do not "
    "last."
)
EMPTY_UNSCORED = N_(
    "Empty: no outcome so far, and too little is logged to score the influence factors; empty-contact risk {risk} "
    "({level})."
)
BUILDING_UNSCORED = N_(
    "Building: no outcome is due before {due_from}; too little is logged yet to score the influence factors."
)


@dataclass(frozen=True)
class Sections:
    """What the diagnosis reads: the evidence and every section computed from it."""

    evidence: Evidence
    influence: Influence
    outcome: Outcome
    reciprocity: Reciprocity
    risk: EmptyContactRisk
    health: Health
    readiness: Readiness


def diagnose(s: Sections, params: DiagnosisParameters, zombie_months: int) -> Diagnosis:
    cuts = {"influence_strong": params.influence_strong, "outcome_strong": params.outcome_strong}
    return _diagnose(s, params, zombie_months).model_copy(update=cuts)


def _diagnose(s: Sections, params: DiagnosisParameters, zombie_months: int) -> Diagnosis:
    evidence = s.evidence
    started = evidence.definition.started
    if evidence.considered == 0 or evidence.as_of < started + dt.timedelta(days=params.grace_days):
        judge_from = started + dt.timedelta(days=params.grace_days)
        template = (
            ONBOARDING_FUTURE if evidence.as_of < started
            else ONBOARDING if evidence.as_of < judge_from
            else ONBOARDING_NO_ACTIVITY
        )  # fmt: skip
        figures: Params = {
            "started": started.isoformat(),
            "judge_from": judge_from.isoformat(),
            "readiness": whole(s.readiness.score),
        }
        return _said("onboarding", template, figures)
    if s.reciprocity.one_way.detected:
        return _one_way(s)
    if s.risk.zombie:
        return _said("empty", EMPTY_ZOMBIE, _zombie_figures(s))
    strong = influence_strong(s.influence, params)
    present = bool(evidence.outcomes)
    if strong and _outcome_strong(s, params) and s.health.band != "red" and s.risk.level != "high":
        if s.outcome.score is None:
            return _said("thriving", THRIVING_UNTARGETED, {**_influence(s), **_untargeted(s)})
        return _said("thriving", THRIVING, {**_influence(s), **_outcome_totals(s)})
    weak = s.influence.score is None or s.influence.score < params.influence_strong or s.influence.freshness < 1
    if present and weak:
        return _harvesting(s)
    if s.risk.level == "high" or (s.risk.level == "medium" and not present and not strong):
        return _empty(s, params)
    return _building(s, params, zombie_months)


def influence_strong(influence: Influence, params: DiagnosisParameters) -> bool:
    return (
        influence.score is not None
        and influence.score >= params.influence_strong
        and all(f.score is None or f.score >= params.factor_floor for f in influence.factors)
    )


def _outcome_strong(s: Sections, params: DiagnosisParameters) -> bool:
    if s.outcome.score is not None:
        return s.outcome.score >= params.outcome_strong
    last = max((o.date for o in s.evidence.outcomes), default=None)
    return last is not None and full_months_between(last, s.evidence.as_of) < params.recent_outcome_months


def _said(kind: DiagnosisId, template: str, figures: Params, expect_by: dt.date | None = None) -> Diagnosis:
    return Diagnosis(
        id=kind, summary=template.format(**figures), template=template, params=figures, expect_outcomes_by=expect_by
    )


def _one_way(s: Sections) -> Diagnosis:
    one_way, evidence = s.reciprocity.one_way, s.evidence
    assert one_way.giver and one_way.receiver and one_way.cost
    figures: Params = {
        "giver": evidence.name(one_way.giver),
        "receiver": evidence.name(one_way.receiver),
        "since": one_way.since,
        "months": one_way.months,
        "cost": one_way.cost.total,
        "currency": evidence.currency,
        "receiver_share": one_way.receiver_share,
    }
    return _said("one_way", ONE_WAY, figures)


def _harvesting(s: Sections) -> Diagnosis:
    influence = s.influence
    figures = {**_influence(s), **_outcome_totals(s)}
    if influence.freshness < 1 and influence.quiet_side:
        quiet: Params = {"side": s.evidence.name(influence.quiet_side), "quiet": influence.quiet_months}
        return _said("harvesting", HARVESTING_QUIET, {**figures, **quiet})
    if influence.freshness < 1:
        return _said("harvesting", HARVESTING_ALL_QUIET, {**figures, "quiet": influence.quiet_months})
    if not _scored(s):
        return _said("harvesting", HARVESTING_UNSCORED, figures)
    return _said("harvesting", HARVESTING, {**figures, **_weakest(s)})


def _score_strong(influence: Influence, params: DiagnosisParameters) -> bool:
    """The influence score is strong, whether or not a factor is broken under it."""
    return influence.score is not None and influence.score >= params.influence_strong


def _empty(s: Sections, params: DiagnosisParameters) -> Diagnosis:
    risk = s.risk
    figures: Params = {**_influence(s), "risk": whole(risk.score), "level": risk.level}
    if risk.empty_share is not None and risk.empty_share >= 0.5:
        substance: Params = {"share": risk.empty_share, "contacts": risk.contacts}
        return _said("empty", EMPTY_SUBSTANCE, {**figures, **substance})
    if s.evidence.outcomes or _score_strong(s.influence, params):  # the drought makes it empty, not the influence
        return _said("empty", EMPTY_ZOMBIE, _zombie_figures(s))
    if not _scored(s):
        return _said("empty", EMPTY_UNSCORED, figures)
    return _said("empty", EMPTY_WEAK, {**figures, **_weakest(s)})


def _building(s: Sections, params: DiagnosisParameters, zombie_months: int) -> Diagnosis:
    evidence, outcome = s.evidence, s.outcome
    strong = influence_strong(s.influence, params)
    due_from = outcome.due_from or evidence.definition.started
    last = max((o.date for o in evidence.outcomes), default=None)
    expect_by = add_months(max(last or due_from, due_from), zombie_months)
    figures: Params = {**_influence(s), "due_from": due_from.isoformat(), "expect_by": expect_by.isoformat()}
    if evidence.as_of < due_from and not strong and not _scored(s):
        return _said("building", BUILDING_UNSCORED, figures, expect_by)
    if evidence.as_of < due_from and strong and last is not None:
        return _said("building", BUILDING_EARLY, {**figures, **_outcome_totals(s)}, expect_by)
    if evidence.as_of < due_from and strong:
        return _said("building", BUILDING_NOT_DUE, figures, expect_by)
    if evidence.as_of < due_from:
        template = BUILDING_BROKEN_NOT_DUE if _score_strong(s.influence, params) else BUILDING_WEAK
        return _said("building", template, {**figures, **_weakest(s)}, expect_by)
    if last is None:
        return _said("building", BUILDING_DUE, figures, expect_by)
    # without an outcome score no targets are agreed: nothing to be behind, and no score to quote
    outcomes, targeted = (_outcome_totals(s), True) if outcome.score is not None else (_untargeted(s), False)
    if not strong:
        template = BUILDING_BROKEN if targeted else BUILDING_BROKEN_UNTARGETED
        return _said("building", template, {**figures, **outcomes, **_weakest(s)}, expect_by)
    return _said("building", BUILDING_BEHIND if targeted else BUILDING_UNTARGETED, {**figures, **outcomes}, expect_by)


def _influence(s: Sections) -> Params:
    return {"influence": whole(s.influence.score), "outcome": whole(s.outcome.score)}


def _outcome_totals(s: Sections) -> Params:
    totals = s.outcome.totals
    return {
        "campaigns": int(totals.get("joint_campaigns", 0)),
        "projects": int(totals.get("projects_won", 0)),
        "revenue": totals.get("revenue", 0.0),
        "currency": s.evidence.currency,
    }


def _untargeted(s: Sections) -> Params:
    """Outcomes with no targets to score them against: what came, and when the last did."""
    return {**_outcome_totals(s), "last": max(o.date for o in s.evidence.outcomes).isoformat()}


def _scored(s: Sections) -> bool:
    return any(f.score is not None for f in s.influence.factors)


def _weakest(s: Sections) -> Params:
    """The weakest scored factor (callers check `_scored` first)."""
    weakest = min((f for f in s.influence.factors if f.score is not None), key=lambda f: f.score or 0.0)
    return {"factor": weakest.title, "factor_score": whole(weakest.score)}


def _zombie_figures(s: Sections) -> Params:
    risk = s.risk
    due_from = s.outcome.due_from or s.evidence.definition.started
    return {
        "months": risk.months_without_outcome,
        "since": max(risk.last_outcome or due_from, due_from).isoformat(),
        "cost": risk.cost,
        "currency": s.evidence.currency,
        "risk": whole(risk.score),
        "level": risk.level,
    }


def whole(score: float | None) -> int | str:
    """A 0-100 score as the reports show it: rounded half up, `?` when it could not be scored."""
    if score is None:
        return "?"
    return int(score + 0.5)
