"""What moved since the previous month, in words, and the monthly series for charts.

`what_moved` compares two assessments of the same partnership (as of the end of the previous month,
and now) and says what changed: health and band, diagnosis, each score that moved by five points or
more, the reciprocity index (0.05 or more), the one-way street, the empty-contact risk level, new
outcomes, and findings that appeared or were resolved.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from coopcheck.assessment.model import MOVEMENT_FINDING_PARAM, Assessment, Finding, MonthPoint, Movement
from coopcheck.evidence import Evidence
from coopcheck.i18n import N_
from coopcheck.months import month_label, month_of

SCORE_STEP = 5.0
HEALTH_STEP = 1.0
INDEX_STEP = 0.05

TEMPLATES: dict[str, str] = {
    "health.rose": N_("Health rose from {before} to {after}."),
    "health.fell": N_("Health fell from {before} to {after}."),
    "health.scored": N_("Health can now be scored: {after}."),
    "health.unscored": N_("Health can no longer be scored (it was {before})."),
    "band.changed": N_("The band changed from {before} to {after}."),
    "diagnosis.changed": N_("The diagnosis changed from {before} to {after}."),
    "score.rose": N_("{component} rose from {before} to {after}."),
    "score.fell": N_("{component} fell from {before} to {after}."),
    "score.scored": N_("{component} can now be scored: {after}."),
    "score.unscored": N_("{component} can no longer be scored (it was {before})."),
    "reciprocity.moved": N_("The reciprocity index moved from {before} to {after}."),
    "one_way.detected": N_("One-way street detected: {giver} has carried the partnership since {since}."),
    "one_way.continues": N_(
        "The one-way street continues: {months} months, {total:,.0f} {currency} spent by {giver} so far."
    ),
    "one_way.ended": N_("The one-way street has ended: {receiver} gives again."),
    "risk.changed": N_("Empty-contact risk went from {before} to {after}."),
    "outcomes.new": N_(
        "New outcomes since {date}: joint campaigns {campaigns}, projects won {projects}, "
        "revenue {revenue:,.0f} {currency}."
    ),
    "finding.new": N_("New finding: {message}"),
    "finding.resolved": N_("Resolved: {message}"),
    "nothing": N_("Nothing material moved since {date}."),
}


def change(change_id: str, **params: Any) -> Movement:
    template = TEMPLATES[change_id]
    return Movement(id=change_id, message=template.format(**params), template=template, params=params)


def what_moved(before: Assessment, after: Assessment) -> list[Movement]:
    changes = [*_health(before, after), *_scores(before, after), *_reciprocity(before, after)]
    changes += [*_risk(before, after), *_outcomes(before, after), *_findings(before, after)]
    return changes or [change("nothing", date=before.as_of.isoformat())]


def _health(before: Assessment, after: Assessment) -> Iterator[Movement]:
    old, new = before.health.score, after.health.score
    if old is None and new is not None:
        yield change("health.scored", after=new)
    elif old is not None and new is None:
        yield change("health.unscored", before=old)
    elif old is not None and new is not None and abs(new - old) >= HEALTH_STEP:
        yield change("health.rose" if new > old else "health.fell", before=old, after=new)
    if before.health.band and after.health.band and before.health.band != after.health.band:
        yield change("band.changed", before=before.health.band, after=after.health.band)
    if before.diagnosis.id != after.diagnosis.id:
        yield change("diagnosis.changed", before=before.diagnosis.id, after=after.diagnosis.id)


def _scores(before: Assessment, after: Assessment) -> Iterator[Movement]:
    pairs = [
        (f.title, f.score, g.score) for f, g in zip(before.influence.factors, after.influence.factors, strict=False)
    ]
    pairs.append((N_("Outcome"), before.outcome.score, after.outcome.score))
    for component, old, new in pairs:
        if old is None and new is not None:
            yield change("score.scored", component=component, after=new)
        elif old is not None and new is None:
            yield change("score.unscored", component=component, before=old)
        elif old is not None and new is not None and abs(new - old) >= SCORE_STEP:
            yield change("score.rose" if new > old else "score.fell", component=component, before=old, after=new)


def _reciprocity(before: Assessment, after: Assessment) -> Iterator[Movement]:
    old, new = before.reciprocity.index, after.reciprocity.index
    if old is not None and new is not None and abs(new - old) >= INDEX_STEP:
        yield change("reciprocity.moved", before=old, after=new)
    was, now = before.reciprocity.one_way, after.reciprocity.one_way
    names = {partner.key: partner.name for partner in after.partnership.partners}
    if now.detected and now.cost and (not was.detected or was.giver != now.giver):
        yield change("one_way.detected", giver=names.get(now.giver or ""), giver_key=now.giver, since=now.since)
    elif now.detected and now.cost:
        currency = after.partnership.currency
        giver = names.get(now.giver or "")
        yield change("one_way.continues", months=now.months, total=now.cost.total, currency=currency, giver=giver)
    elif was.detected:
        yield change("one_way.ended", receiver=names.get(was.receiver or ""), receiver_key=was.receiver)


def _risk(before: Assessment, after: Assessment) -> Iterator[Movement]:
    old, new = before.empty_contact_risk.level, after.empty_contact_risk.level
    if old and new and old != new:
        yield change("risk.changed", before=old, after=new)


def _outcomes(before: Assessment, after: Assessment) -> Iterator[Movement]:
    old, new = before.outcome.totals, after.outcome.totals
    delta = {key: new.get(key, 0.0) - old.get(key, 0.0) for key in new}
    if any(value > 0 for value in delta.values()):
        yield change(
            "outcomes.new",
            date=before.as_of.isoformat(),
            campaigns=int(delta.get("joint_campaigns", 0)),
            projects=int(delta.get("projects_won", 0)),
            revenue=delta.get("revenue", 0.0),
            currency=after.partnership.currency,
        )


def _identity(finding: Finding) -> tuple[str, ...]:
    """What makes a finding the same one next month: its id and its names, not its figures."""
    names = sorted(f"{k}={v}" for k, v in finding.params.items() if isinstance(v, str))
    return (finding.id, *names)




def _quoted(change_id: str, item: Finding) -> Movement:
    """A movement that quotes a finding, with the finding's parameters (`finding.<name>`), so a
    renderer can word the quoted finding in another language."""
    own = {f"{MOVEMENT_FINDING_PARAM}{name}": value for name, value in item.params.items()}
    return change(change_id, message=item.message, finding=item.id, **own)


def _findings(before: Assessment, after: Assessment) -> Iterator[Movement]:
    old = {_identity(f): f for f in before.findings}
    new = {_identity(f): f for f in after.findings}
    for key, item in new.items():
        if key not in old and item.severity != "info":
            yield _quoted("finding.new", item)
    for key, item in old.items():
        if key not in new and item.severity != "info":
            yield _quoted("finding.resolved", item)


# The monthly series (the report's charts) covers at most the last ten years up to the assessment date.
MAX_SERIES_MONTHS = 120


def monthly_series(evidence: Evidence) -> list[MonthPoint]:
    """Per month (at most the last `MAX_SERIES_MONTHS`): value given by each side, outcomes, and
    what contacts without a topic cost."""
    outcomes: dict[int, int] = {}
    for event in evidence.outcomes:
        month = month_of(event.date)
        outcomes[month] = outcomes.get(month, 0) + 1
    points = []
    for month in evidence.months[-MAX_SERIES_MONTHS:]:
        given = {}
        for side in evidence.sides:
            flow = evidence.flows[side].get(month)
            given[side] = round(flow.value, 2) if flow else 0.0
        points.append(
            MonthPoint(
                month=month_label(month),
                given=given,
                outcomes=outcomes.get(month, 0),
                empty_contact_cost=round(evidence.empty_contact_costs.get(month, 0.0), 2),
            )
        )
    return points
