"""Commitment: do the partners keep working on the partnership itself?

The influence factors only help if someone looks at them regularly and acts. Commitment measures
whether the partners hold the reviews they agreed on, and whether what a review decides is
followed by action.

How it is measured

- Rhythm (weight {rhythm_weight:g}): the time from `started` to the assessment date is cut,
  backwards from the assessment date, into periods of the agreed `review_every_days` plus
  {slack:.0%} slack (a review a little late is still on rhythm); {default_review_days} days when
  no rhythm was agreed. Rhythm is the share of complete periods holding at least one `review`.
  Because the latest period comes first, a lapse shows at once, and four reviews in one week do
  not make up for a year without one. A review with neither a topic nor actions does not count: a
  review that discusses and agrees nothing is an empty contact.
- Follow-up (weight {follow_up_weight:g}): a review with `actions` is followed up when the side
  that owns the actions does work for the partnership within {follow_up_days} days after it:
  anything but a review, a request, an outcome or a contact without a topic. An action is owned by
  the side whose sponsor or contact it names ("Case study draft (Anna Lehmann)"); when actions
  name people of both sides, both must act; when they name nobody, work by either side counts.
  Follow-up is the share of reviews with actions that were followed up; reviews whose
  {follow_up_days} days have not passed are not judged yet.

Score = 100 x the weighted mean of the parts that could be measured. There is no score before the
first period is complete, unless a review was already held.

What to log: every review as a `review` activity with the `actions` agreed in it, each naming its
owner.

Levers: put the next review in both sponsors' calendars now; end every review with named actions
and owners; open the next review with the actions of the last one.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right

from pydantic import Field

from coopcheck.evidence import Evidence, Review
from coopcheck.factors.base import FactorParameters, score, weighted
from coopcheck.findings import FactorResult, Finding, Severity, cite, cite_place, finding, ordered, template
from coopcheck.i18n import N_

ID = "commitment"
TITLE = N_("Commitment")
# What a good score rests on, shown in reports when neither a finding nor a reason says more.
BASIS = N_("Reviews held in the agreed rhythm, their actions followed up.")
SURVEY = "Commitment to shaping the influence factors."  # what a survey rating means


class Parameters(FactorParameters):
    default_review_days: int = Field(default=90, ge=1, le=366, description="Review rhythm when none was agreed.")
    slack: float = Field(default=0.25, ge=0, le=2, description="Extra share of the rhythm a review may be late.")
    follow_up_days: int = Field(default=30, ge=1, le=180, description="Days after a review in which work must follow.")
    rhythm_weight: float = Field(default=0.6, ge=0, description="Weight of reviews held on rhythm.")
    follow_up_weight: float = Field(default=0.4, ge=0, description="Weight of review actions followed by activity.")
    missed_below: float = Field(default=0.75, ge=0, le=1, description="Rhythm below which missed reviews are reported.")


DEFAULTS = Parameters()

# Why each default is what it is: docs/scoring.md shows it beside the parameter (tools/docs.py).
WHY = {
    "default_review_days": "a quarterly review is the least a partnership without an agreed rhythm should have",
    "slack": "a monthly review held a week late is still on rhythm",
    "follow_up_days": "a month: actions should show before the next monthly review",
    "rhythm_weight": "holding the reviews is the commitment itself",
    "follow_up_weight": "acting on them is what makes reviews worth holding",
    "missed_below": "missing one period in four is a pattern worth reporting",
}

OVERDUE = template(
    "commitment.review_overdue",
    N_("No review for {days} days (last: {last}); the agreed rhythm is every {rhythm} days."),
    N_("Put the next review in both sponsors' calendars within two weeks, and bring the open actions."),
)
MISSED = template(
    "commitment.reviews_missed",
    N_("Reviews were held in {covered} of the last {periods} review periods of {rhythm} days."),
    N_("Fix a standing review date for the rest of the year and name who calls the meeting."),
)
NOT_FOLLOWED = template(
    "commitment.actions_not_followed",
    N_("Actions agreed in {count} of {total} reviews were not followed by work within {days} days{owners}."),
    N_("Give every review action an owner and a date, and open each review with the actions of the last one."),
)
NO_ACTIONS = template(
    "commitment.no_actions",
    N_("{count} reviews were held but none recorded actions."),
    N_("End each review with concrete actions and log them under `actions`."),
)


def assess(evidence: Evidence, params: Parameters = DEFAULTS) -> FactorResult:
    agreed = evidence.definition.review_every_days
    rhythm_days = agreed or params.default_review_days
    period = rhythm_days * (1 + params.slack)
    elapsed = (evidence.as_of - evidence.definition.started).days
    periods = int(elapsed // period) if elapsed > 0 else 0
    reviews = [review for review in evidence.reviews if review.substantive]
    findings: list[Finding] = []
    rhythm: float | None = None
    if periods:
        covered = len({int((evidence.as_of - r.date).days // period) for r in reviews} & set(range(periods)))
        rhythm = covered / periods
        last = reviews[-1].date if reviews else None
        since = (evidence.as_of - (last or evidence.definition.started)).days
        if since >= period:
            detail = {"days": since, "last": last.isoformat() if last else "-", "rhythm": rhythm_days}
            findings.append(finding(OVERDUE, "warning", ID, detail, cite(evidence, [r.index for r in reviews[-1:]])))
        if rhythm < params.missed_below:
            detail = {"covered": covered, "periods": periods, "rhythm": rhythm_days}
            severity: Severity = "error" if rhythm < 0.5 else "warning"
            findings.append(finding(MISSED, severity, ID, detail, cite_place(evidence, "review_every_days")))
    elif reviews:
        rhythm = 1.0
    follow_up = _follow_up(evidence, params, findings)
    value = weighted({"rhythm": (rhythm, params.rhythm_weight), "follow_up": (follow_up, params.follow_up_weight)})
    if value is None:
        reason = N_("No review is due yet and none was held.")
        return FactorResult(id=ID, title=TITLE, score=None, reason=reason, findings=ordered(findings))
    note = None if agreed else N_("No review rhythm agreed; judged against the default rhythm.")
    return FactorResult(id=ID, title=TITLE, score=score(value), reason=note, findings=ordered(findings))


def _follow_up(evidence: Evidence, params: Parameters, findings: list[Finding]) -> float | None:
    """Share of judged reviews with actions whose owners did work within the follow-up window."""
    window = dt.timedelta(days=params.follow_up_days)
    judged = [r for r in evidence.reviews if r.actions and r.date + window <= evidence.as_of]
    if not judged:
        if len(evidence.reviews) >= 2 and not any(r.actions for r in evidence.reviews):
            findings.append(finding(NO_ACTIONS, "info", ID, {"count": len(evidence.reviews)}))
        return None
    missed, laggards = _missed(evidence, judged, window)
    if missed:
        names = ", ".join(evidence.name(side) for side in evidence.sides if side in laggards)
        detail = {
            "count": len(missed),
            "total": len(judged),
            "days": params.follow_up_days,
            "owners": f" ({names})" if names else "",
        }
        findings.append(finding(NOT_FOLLOWED, "warning", ID, detail, cite(evidence, missed)))
    return 1 - len(missed) / len(judged)


def _missed(evidence: Evidence, judged: list[Review], window: dt.timedelta) -> tuple[list[int], set[str]]:
    """Reviews whose actions no owner worked on within the window, and the sides that did not."""
    missed: list[int] = []
    laggards: set[str] = set()
    for review in judged:
        acted = {side: _worked(evidence.work_days[side], review.date, window) for side in evidence.sides}
        owners = review.owners
        if owners and not all(acted[side] for side in owners):
            laggards.update(side for side in owners if not acted[side])
            missed.append(review.index)
        elif not owners and not any(acted.values()):
            missed.append(review.index)
    return missed, laggards


def _worked(days: list[dt.date], start: dt.date, window: dt.timedelta) -> bool:
    after = bisect_right(days, start)
    return after < len(days) and days[after] <= start + window
