"""The trend: the assessment month by month, and the turning points where something moved.

Because every activity is dated, the assessment can be computed as of any past day. The trend
computes it as of the last day of each month from the month the partnership started up to the
assessment date (the last month is assessed as of that date itself; at most the last 120 months)
and compares each month with the one before (`movement.what_moved`). A month is a turning point
when something material moved: the band or the diagnosis changed, a one-way street began or
ended, the empty-contact risk level changed, outcomes arrived, or a score moved by a clear
margin (health 10 points, a factor or the outcome score 15 points, the reciprocity index 0.2).
A one-way street is placed in the month its streak began, usually months before it was
recognised: that is the moment worth moving forward.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from pydantic import Field

from coopcheck import __version__
from coopcheck.assessment.model import SCHEMA_VERSION, Assessment, Band, DiagnosisId, Movement, Out, PartnershipRef
from coopcheck.assessment.movement import what_moved
from coopcheck.months import month_ends

ALWAYS_MATERIAL = frozenset(
    {"band.changed", "diagnosis.changed", "one_way.detected", "one_way.ended", "risk.changed", "outcomes.new"}
)
MATERIAL_STEP = {"health.rose": 10.0, "health.fell": 10.0, "score.rose": 15.0, "score.fell": 15.0}
INDEX_STEP = 0.2
# The trend covers at most the last ten years: its cost stays bounded whatever `started` and `--as-of` say.
MAX_TREND_MONTHS = 120


class TrendPoint(Out):
    """The assessment as of the last day of one month, in figures."""

    month: str = Field(description="YYYY-MM")
    as_of: dt.date
    health: float | None
    band: Band | None
    diagnosis: DiagnosisId
    influence: float | None
    factors: dict[str, float | None]
    outcome: float | None
    reciprocity: float | None
    one_way: bool
    one_way_since: str | None
    giver: str | None
    empty_contact_risk: float | None
    empty_contact_level: str | None
    empty_contact_cost: float
    months_without_outcome: int
    zombie: bool


class TurningPoint(Out):
    month: str
    changes: list[Movement]


class Trend(Out):
    schema_version: int = SCHEMA_VERSION
    coopcheck_version: str = __version__
    as_of: dt.date
    partnership: PartnershipRef
    points: list[TrendPoint]
    turning_points: list[TurningPoint] = Field(default_factory=list)


def monthly(loaded: Any, as_of: dt.date, params: Any = None) -> list[Assessment]:
    """The assessment as of the end of each month from the start up to `as_of` (at most the last
    `MAX_TREND_MONTHS`), oldest first. The trend compares the months itself, so the earlier months
    are assessed alone, without their comparison with the month before and their monthly series;
    the last one is the full assessment as of `as_of`."""
    from coopcheck.assessment.engine import assess, assess_at
    from coopcheck.assessment.parameters import ScoringParameters

    params = params or ScoringParameters()
    started = loaded.definition.started
    *earlier, last = month_ends(min(started, as_of), as_of)[-MAX_TREND_MONTHS:]
    return [assess_at(loaded, day, params)[0] for day in earlier] + [assess(loaded, last, params)]


def compute(loaded: Any, as_of: dt.date, params: Any = None) -> Trend:
    return summarize(monthly(loaded, as_of, params))


def point(assessment: Assessment) -> TrendPoint:
    one_way = assessment.reciprocity.one_way
    risk = assessment.empty_contact_risk
    return TrendPoint(
        month=f"{assessment.as_of:%Y-%m}",
        as_of=assessment.as_of,
        health=assessment.health.score,
        band=assessment.health.band,
        diagnosis=assessment.diagnosis.id,
        influence=assessment.influence.score,
        factors={factor.id: factor.score for factor in assessment.influence.factors},
        outcome=assessment.outcome.score,
        reciprocity=assessment.reciprocity.index,
        one_way=one_way.detected,
        one_way_since=one_way.since if one_way.detected else None,
        giver=one_way.giver if one_way.detected else None,
        empty_contact_risk=risk.score,
        empty_contact_level=risk.level,
        empty_contact_cost=risk.cost,
        months_without_outcome=risk.months_without_outcome,
        zombie=risk.zombie,
    )


def material(change: Movement) -> bool:
    """Whether a change is worth a turning point (small monthly drifts are not)."""
    if change.id in ALWAYS_MATERIAL:
        return True
    before, after = change.params.get("before"), change.params.get("after")
    if not isinstance(before, (int, float)) or not isinstance(after, (int, float)):
        return False
    if change.id == "reciprocity.moved":
        return abs(after - before) >= INDEX_STEP
    step = MATERIAL_STEP.get(change.id)
    return step is not None and abs(after - before) >= step


def summarize(assessments: Sequence[Assessment]) -> Trend:
    """The trend of a series of assessments (oldest first): figures per month and turning points."""
    if not assessments:
        raise ValueError("a trend needs at least one assessment")
    points = [point(a) for a in assessments]
    months = [p.month for p in points]
    by_month: dict[str, list[Movement]] = {}
    for previous, current, at in zip(assessments, assessments[1:], months[1:], strict=False):
        for change in what_moved(previous, current):
            if not material(change):
                continue
            # A one-way street belongs to the month its streak began, not the month it showed.
            since = change.params.get("since") if change.id == "one_way.detected" else None
            month = since if isinstance(since, str) and since in months else at
            by_month.setdefault(month, []).append(change)
    turning = [TurningPoint(month=m, changes=by_month[m]) for m in months if m in by_month]
    last = assessments[-1]
    return Trend(as_of=last.as_of, partnership=last.partnership, points=points, turning_points=turning)
