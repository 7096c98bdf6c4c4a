"""What must hold for any log, checked on logs hypothesis makes up."""

from __future__ import annotations

import datetime as dt
import os
from typing import Any

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from builders import A, B, act, partnership, swapped
from coopcheck.assessment.engine import assess
from coopcheck.assessment.model import Assessment
from coopcheck.models import ActivityType

START = dt.date(2026, 1, 1)
AS_OF = dt.date(2026, 9, 30)
PEOPLE = ["Anna Weber", "Jonas Keller", "Peter Lang", "Lea Vogt", "Guest"]

settings.register_profile("coopcheck", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# benchmarks/mutation.py runs every mutant against these tests: fewer, fixed examples keep each run short.
settings.register_profile("mutation", max_examples=12, derandomize=True, deadline=None, database=None)
settings.load_profile(os.environ.get("COOPCHECK_HYPOTHESIS_PROFILE", "coopcheck"))


@st.composite
def activities(draw: st.DrawFn, max_size: int = 40) -> list[dict[str, Any]]:
    count = draw(st.integers(min_value=0, max_value=max_size))
    log: list[dict[str, Any]] = []
    for i in range(count):
        side = draw(st.sampled_from([A, B]))
        kind = draw(st.sampled_from(list(ActivityType)))
        fields: dict[str, Any] = {"id": f"a{i}"}
        if draw(st.booleans()):
            fields["topic"] = draw(st.sampled_from(["Pipeline", "Lead for Fabrikam", "  "]))
        if draw(st.booleans()):
            fields["hours"] = draw(st.sampled_from([0.5, 1, 2, 8]))
        if draw(st.integers(0, 4)) == 0:
            fields["travel_cost"] = draw(st.sampled_from([120, 480]))
        if kind in (ActivityType.investment, ActivityType.cost_share, ActivityType.revenue, ActivityType.project_won):
            fields["value"] = draw(st.sampled_from([1000, 25000]))
        if draw(st.booleans()):
            fields["level"] = draw(st.sampled_from(["executive", "working"]))
        fields["people"] = draw(st.lists(st.sampled_from(PEOPLE), max_size=2, unique=True))
        if kind is ActivityType.review:
            fields["actions"] = draw(
                st.lists(st.sampled_from(["Quote (Lea Vogt)", "Intro (Jonas Keller)"]), max_size=2)
            )
        earlier = [a["id"] for a in log if a["type"] == "request"]
        if kind is ActivityType.delivery and earlier and draw(st.booleans()):
            fields["responds_to"] = draw(st.sampled_from(earlier))
        day = START + dt.timedelta(days=draw(st.integers(0, (AS_OF - START).days)))
        log.append(act(day, side, B if side == A else A, kind.value, **fields))
    # An answer comes after its request: keep only answers dated on or after what they answer.
    dates = {a["id"]: a["date"] for a in log}
    return [a for a in log if "responds_to" not in a or a["date"] >= dates[a["responds_to"]]]


@st.composite
def lopsided(draw: st.DrawFn) -> list[dict[str, Any]]:
    """A random log, then months in which one side gives and the other mostly does not."""
    log = draw(activities(max_size=20))
    giver = draw(st.sampled_from([A, B]))
    receiver = B if giver == A else A
    first = draw(st.integers(3, 8))
    for month in range(first, 10):
        for n in range(draw(st.integers(1, 3))):
            kind = draw(st.sampled_from(["referral", "lead", "support", "investment"]))
            extra = {"value": 2000} if kind == "investment" else {}
            log.append(act(dt.date(2026, month, 2 + 7 * n), giver, receiver, kind, topic="Given", hours=2, **extra))
    return log


logs = st.one_of(activities(), lopsided())

surveys = st.lists(
    st.fixed_dictionaries(
        {
            "date": st.sampled_from(["2026-03-31", "2026-06-30"]),
            "by": st.sampled_from([A, B]),
            "ratings": st.fixed_dictionaries({"keeping_in_step": st.integers(1, 5), "investment": st.integers(1, 5)}),
        }
    ),
    max_size=3,
)


def scores(report: Assessment) -> list[float | None]:
    return [
        report.health.score,
        report.influence.score,
        report.outcome.score,
        report.empty_contact_risk.score,
        report.readiness.score,
        *(f.score for f in report.influence.factors),
    ]


@given(logs, surveys)
def test_scores_are_in_range_or_null_with_a_reason(log: list[dict[str, Any]], rated: list[dict[str, Any]]) -> None:
    report = assess(partnership(log, surveys=rated), AS_OF)
    for value in scores(report):
        assert value is None or 0 <= value <= 100
    index = report.reciprocity.index
    assert (index is None and report.reciprocity.reason) or (index is not None and 0 <= index <= 1)
    for factor in report.influence.factors:
        assert factor.score is not None or factor.reason
    assert (report.health.score is None) == (report.health.band is None)


@given(activities())
def test_the_same_input_gives_the_same_report(log: list[dict[str, Any]]) -> None:
    first = assess(partnership(log), AS_OF).model_dump_json()
    assert assess(partnership(log), AS_OF).model_dump_json() == first


@given(logs, surveys)
def test_swapping_the_partners_mirrors_every_per_side_figure(
    log: list[dict[str, Any]], rated: list[dict[str, Any]]
) -> None:
    loaded = partnership(log, surveys=rated)
    report, mirror = assess(loaded, AS_OF), assess(swapped(loaded), AS_OF)
    other = {A: B, B: A}
    assert mirror.reciprocity.index == report.reciprocity.index
    assert {other[k]: v for k, v in report.reciprocity.given.items()} == mirror.reciprocity.given
    one_way, mirrored = report.reciprocity.one_way, mirror.reciprocity.one_way
    assert (mirrored.detected, mirrored.since, mirrored.months, mirrored.cost) == (
        one_way.detected, one_way.since, one_way.months, one_way.cost)  # fmt: skip
    assert mirrored.giver == (other[one_way.giver] if one_way.giver else None)
    assert scores(mirror) == scores(report)
    for target, mirrored_target in zip(report.outcome.targets, mirror.outcome.targets, strict=True):
        assert {other[k]: v for k, v in target.by_direction.items()} == mirrored_target.by_direction
    for point, mirrored_point in zip(report.months, mirror.months, strict=True):
        assert {other[k]: v for k, v in point.given.items()} == mirrored_point.given
    assert [g.gap for g in report.perception_gaps] == [g.gap for g in mirror.perception_gaps]
    assert sorted(f.id for f in report.findings) == sorted(f.id for f in mirror.findings)


@given(logs, st.sampled_from(["referral", "lead", "introduction", "support"]), st.sampled_from([0, 1, 4]))
def test_a_contribution_from_the_side_that_gave_less_never_lowers_reciprocity(
    log: list[dict[str, Any]], kind: str, hours: float
) -> None:
    before = assess(partnership(log), AS_OF).reciprocity
    assume(before.index is not None)
    smaller = min((A, B), key=lambda side: (before.given[side].value, side))
    larger = B if smaller == A else A
    gift = act(AS_OF - dt.timedelta(days=3), smaller, larger, kind, topic="Lead for Fabrikam", hours=hours)
    after = assess(partnership([*log, gift]), AS_OF).reciprocity
    assert after.given[smaller].value > before.given[smaller].value
    # Giving more than the gap makes the other side the smaller giver: the index is then the other ratio.
    if after.given[smaller].value <= after.given[larger].value:
        assert after.index is not None and before.index is not None and after.index >= before.index


@given(activities(), activities(max_size=10))
def test_activities_after_the_assessment_date_change_nothing(
    log: list[dict[str, Any]], later: list[dict[str, Any]]
) -> None:
    shifted = [{**a, "id": f"later-{a['id']}", "date": str(dt.date.fromisoformat(a["date"]) + dt.timedelta(days=300))}
               for a in later]  # fmt: skip
    for a in shifted:
        if "responds_to" in a:
            a["responds_to"] = f"later-{a['responds_to']}"
    as_of = AS_OF
    assert assess(partnership(log), as_of) == assess(partnership([*log, *shifted]), as_of)


@given(logs)
def test_every_given_value_adds_up_from_the_parts_the_report_shows(log: list[dict[str, Any]]) -> None:
    report = assess(partnership(log), AS_OF)
    for given_ in report.reciprocity.given.values():
        parts = given_.hours_value + given_.money + given_.travel - given_.cost_not_given + given_.contribution_value
        assert abs(parts - given_.value) < 0.05
    cost = report.reciprocity.one_way.cost
    if cost is not None:
        assert abs(cost.hours_value + cost.money + cost.travel - cost.total) < 0.05
