"""Outcome score: each agreed target against what happened, pro rata to the time elapsed.

For each target, outcomes are expected with a ramp: nothing in the first part of the period from
`started` to `by` (a year when `by` is missing): a quarter of it, half for a development
partnership (the profile's `outcome_ramp`, r), because results need a pipeline first. After that

    expected to date = target x (elapsed share - r) / (1 - r)

reaching the full target at `by`. The outcome section's `due_from` is the earliest date on which
any target expects something. Counted targets (campaigns, won projects) expect whole events,
rounded to the nearest (half up): half a campaign cannot be launched, so 0.4 expected campaigns
expect none yet and 1.7 expect two. Progress = achieved / expected, capped at 1; the score is
100 x the weighted mean progress of the targets already due.
"""

from __future__ import annotations

import datetime as dt
import math

from coopcheck.assessment.model import Finding, Outcome, TargetProgress
from coopcheck.assessment.parameters import OutcomeParameters, Profile
from coopcheck.evidence import Evidence
from coopcheck.findings import cite, cite_place, finding, template
from coopcheck.i18n import N_
from coopcheck.models import ActivityType, OutcomeTarget

SECTION = "outcome"
TARGET_TYPES: dict[str, ActivityType] = {
    "joint_campaigns": ActivityType.joint_campaign,
    "projects_won": ActivityType.project_won,
    "revenue": ActivityType.revenue,
}
TARGET_LABELS: dict[str, str] = {
    "joint_campaigns": N_("Joint campaigns"),
    "projects_won": N_("Projects won"),
    "revenue": N_("Revenue"),
}

NO_TARGETS = template(
    "outcome.no_targets",
    N_("No outcome targets were agreed, so nobody can tell whether the partnership delivers."),
    N_("Agree targets for joint campaigns, won projects and revenue, each with a date (success_factors.outcomes)."),
)
BEHIND = template(
    "outcome.behind_target",
    N_("{target} is behind: {achieved:,.0f} achieved against {expected:,.0f} expected by now ({total:,.0f} by {by})."),
    N_("Agree at the next review which joint opportunities will close the gap for {target}, with an owner each."),
)


def assess_outcomes(evidence: Evidence, params: OutcomeParameters, profile: Profile) -> tuple[Outcome, list[Finding]]:
    definition = evidence.definition
    targets = definition.success_factors.outcomes
    findings: list[Finding] = []
    progress: list[TargetProgress] = []
    for target_id, activity_type in TARGET_TYPES.items():
        agreed: OutcomeTarget | None = getattr(targets, target_id)
        if agreed is None:
            continue
        item = _progress(evidence, params, target_id, activity_type, agreed, profile.outcome_ramp)
        progress.append(item)
        if item.progress is not None and item.progress < params.behind_below:
            detail = {
                "target": TARGET_LABELS[target_id],
                "target_id": target_id,
                "achieved": item.achieved,
                "expected": item.expected_to_date,
                "total": item.target,
                "by": item.by.isoformat() if item.by else "-",
            }
            events = [o.index for o in evidence.outcomes if o.type is activity_type]
            cited = cite(evidence, events[-5:]) or cite_place(evidence, "success_factors", "outcomes", target_id)
            findings.append(finding(BEHIND, "warning", SECTION, detail, cited))
    totals = _totals(evidence)
    due_from = outcomes_due_from(evidence, params, profile)
    if not progress:
        findings.append(finding(NO_TARGETS, "warning", SECTION, {}, cite_place(evidence, "success_factors")))
        reason = N_("No outcome targets agreed.")
        return Outcome(score=None, reason=reason, targets=progress, totals=totals, due_from=due_from), findings
    due = [(p.progress, profile.target_weight(p.id)) for p in progress if p.progress is not None]
    weight = sum(w for _, w in due)
    if not due or weight <= 0:
        reason = N_("No target is due yet.")
        return Outcome(score=None, reason=reason, targets=progress, totals=totals, due_from=due_from), findings
    score = round(100 * sum(p * w for p, w in due) / weight, 1)
    return Outcome(score=score, targets=progress, totals=totals, due_from=due_from), findings


def outcomes_due_from(evidence: Evidence, params: OutcomeParameters, profile: Profile) -> dt.date:
    """The first day any outcome is expected: the end of the ramp of the earliest agreed target.

    Without targets, the ramp of the default horizon (a year from `started`)."""
    started = evidence.definition.started
    agreed = evidence.definition.success_factors.outcomes
    ends = [t.by for t in (agreed.joint_campaigns, agreed.projects_won, agreed.revenue) if t is not None and t.by]
    horizons = [(by - started).days for by in ends] or [params.default_horizon_days]
    if len(ends) < sum(t is not None for t in (agreed.joint_campaigns, agreed.projects_won, agreed.revenue)):
        horizons.append(params.default_horizon_days)
    return started + dt.timedelta(days=max(0, round(min(horizons) * profile.outcome_ramp)))


def _progress(
    evidence: Evidence,
    params: OutcomeParameters,
    target_id: str,
    activity_type: ActivityType,
    agreed: OutcomeTarget,
    ramp: float,
) -> TargetProgress:
    started = evidence.definition.started
    by = agreed.by or started + dt.timedelta(days=params.default_horizon_days)
    period = (by - started).days
    elapsed = (evidence.as_of - started).days
    elapsed_share = 1.0 if period <= 0 else max(0.0, min(1.0, elapsed / period))
    share = max(0.0, (elapsed_share - ramp) / (1 - ramp))
    expected = agreed.target * share
    counted = activity_type is not ActivityType.revenue
    if counted:
        expected = math.floor(expected + 0.5)
    achieved = 0.0
    by_direction = dict.fromkeys(evidence.sides, 0.0)
    by_attribution: dict[str, float] = {}
    for event in evidence.outcomes:
        if event.type is not activity_type:
            continue
        amount = 1.0 if counted else event.value
        achieved += amount
        by_direction[event.side] = by_direction.get(event.side, 0.0) + amount
        key = event.attribution or "unattributed"
        by_attribution[key] = by_attribution.get(key, 0.0) + amount
    progress = round(min(1.0, achieved / expected), 3) if expected > 0 else None
    return TargetProgress(
        id=target_id,
        target=agreed.target,
        by=by,
        expected_to_date=round(expected, 2),
        achieved=round(achieved, 2),
        progress=progress,
        by_direction={k: round(v, 2) for k, v in by_direction.items()},
        by_attribution={k: round(v, 2) for k, v in sorted(by_attribution.items())},
    )


def _totals(evidence: Evidence) -> dict[str, float]:
    totals = {"joint_campaigns": 0.0, "projects_won": 0.0, "project_value": 0.0, "revenue": 0.0}
    for event in evidence.outcomes:
        if event.type is ActivityType.joint_campaign:
            totals["joint_campaigns"] += 1
        elif event.type is ActivityType.project_won:
            totals["projects_won"] += 1
            totals["project_value"] += event.value
        else:
            totals["revenue"] += event.value
    return {k: round(v, 2) for k, v in totals.items()}
