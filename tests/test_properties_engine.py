"""What must hold for any partnership definition, not only for the default one.

`test_properties.py` varies the log; here hypothesis also varies what the partners agreed: hourly
rates (or none), the cost split, the currency, the kind, due dates on requests and the order of the
partners in `partners:`. Every report must keep its scores in range, be the same on every run,
survive the JSON round trip, and mirror exactly when the two partners trade places.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from builders import A, B, act, definition, partnership, swapped
from coopcheck.assessment.engine import assess
from coopcheck.assessment.model import Assessment
from coopcheck.models import LoadedPartnership
from test_properties import AS_OF, START, activities, logs, scores

OTHER = {A: B, B: A}
KEY = re.compile(rf"(?<![\w-])({A}|{B})(?![\w-])")  # a partner key, also inside `partners.{key}.hourly_rate`


@st.composite
def definitions(draw: st.DrawFn) -> dict[str, Any]:
    """Overrides of the builders' definition: rates, split, currency, kind and the order of the partners."""
    partners = definition()["partners"]
    for side in (A, B):
        rate = draw(st.sampled_from([None, 0, 60, 100, 150, 12000]))
        partners[side] = {k: v for k, v in partners[side].items() if k != "hourly_rate"}
        if rate is not None:
            partners[side]["hourly_rate"] = rate
    if draw(st.booleans()):
        partners = {B: partners[B], A: partners[A]}
    share = draw(st.sampled_from([None, 0, 30, 50, 70, 100]))
    influence: dict[str, Any] = {"response_days": draw(st.sampled_from([2, 5, 14]))}
    if share is not None:
        influence["cost_split"] = {A: share, B: 100 - share}
    return {
        "partners": partners,
        "currency": draw(st.sampled_from(["EUR", "JPY", "CHF", "USD"])),
        "kind": draw(st.sampled_from(["joint_market", "development", "trusted_advisory", "other"])),
        "success_factors": {
            "outcomes": {"projects_won": {"target": 4, "by": draw(st.sampled_from(["2026-06-30", "2027-12-31"]))}},
            "influence": influence,
        },
    }


@st.composite
def dated_logs(draw: st.DrawFn) -> list[dict[str, Any]]:
    """A random log whose requests carry `due` dates before, on or after their answers."""
    log = draw(logs)
    for entry in log:
        if entry["type"] == "request" and draw(st.booleans()):
            day = dt.date.fromisoformat(entry["date"]) + dt.timedelta(days=draw(st.sampled_from([0, 3, 10, 40])))
            entry["due"] = str(day)
    return log


def built(log: list[dict[str, Any]], overrides: dict[str, Any]) -> LoadedPartnership:
    return partnership(log, **overrides)


def renamed(value: Any) -> Any:
    """`value` (a report dumped to JSON data) with the two partner keys exchanged wherever they appear."""
    if isinstance(value, dict):
        return {OTHER.get(k, k): renamed(v) for k, v in value.items()}
    if isinstance(value, list):
        return [renamed(v) for v in value]
    return KEY.sub(lambda m: OTHER[m.group(1)], value) if isinstance(value, str) else value


def without_order(report: Assessment) -> dict[str, Any]:
    """The report as JSON data, with findings compared as a set (their order ties on equal severity)."""
    data = report.model_dump(mode="json")
    data["findings"] = sorted(data["findings"], key=repr)
    return data


@given(dated_logs(), definitions())
def test_scores_stay_in_range_whatever_was_agreed(log: list[dict[str, Any]], overrides: dict[str, Any]) -> None:
    report = assess(built(log, overrides), AS_OF)
    for value in scores(report):
        assert value is None or 0 <= value <= 100
    for given_ in report.reciprocity.given.values():
        assert given_.value >= 0
        assert given_.share is None or 0 <= given_.share <= 1
    if report.reciprocity.index is not None:
        assert 0 <= report.reciprocity.index <= 1
    assert report.diagnosis.id in {"onboarding", "thriving", "building", "harvesting", "one_way", "empty"}
    assert report.diagnosis.summary == report.diagnosis.template.format(**report.diagnosis.params)


@given(dated_logs(), definitions())
def test_the_report_survives_the_json_round_trip(log: list[dict[str, Any]], overrides: dict[str, Any]) -> None:
    report = assess(built(log, overrides), AS_OF)
    assert Assessment.model_validate_json(report.model_dump_json()) == report


def figures(report: Assessment) -> dict[str, Any]:
    """The report as JSON data with each finding (and what moved) reduced to what it is about.

    Findings that list both partners name them in the order of `partners:`, as the user wrote it."""
    data = without_order(report)
    about = ("id", "severity", "evidence")
    data["findings"] = [{k: f[k] for k in about} for f in data["findings"]]
    for factor in data["influence"]["factors"]:
        factor["findings"] = sorted(({k: f[k] for k in about} for f in factor["findings"]), key=repr)
    data["what_moved"] = None
    data["movements"] = [m["id"] for m in data["movements"]]
    return data


@given(dated_logs(), definitions())
def test_the_same_partnership_gives_the_same_report_twice(log: list[dict[str, Any]], overrides: dict[str, Any]) -> None:
    assert assess(built(log, overrides), AS_OF) == assess(built(log, overrides), AS_OF)


@given(dated_logs(), definitions())
def test_swapping_the_partners_mirrors_the_whole_report(log: list[dict[str, Any]], overrides: dict[str, Any]) -> None:
    """What A did, B now did: every figure moves to the other key; names, scores and headline stay."""
    loaded = built(log, overrides)
    report, mirror = assess(loaded, AS_OF), assess(swapped(loaded), AS_OF)
    assert without_order(mirror) == renamed(without_order(report))


@given(dated_logs(), definitions())
def test_the_order_of_the_partners_changes_nothing_but_their_order(
    log: list[dict[str, Any]], overrides: dict[str, Any]
) -> None:
    partners = overrides["partners"]
    reordered = {**overrides, "partners": dict(reversed(list(partners.items())))}
    report, other = assess(built(log, overrides), AS_OF), assess(built(log, reordered), AS_OF)
    first, second = figures(report), figures(other)
    assert first["partnership"]["partners"] == list(reversed(second["partnership"]["partners"]))
    first["partnership"]["partners"] = second["partnership"]["partners"] = None
    assert first == second


@given(activities(max_size=25), definitions(), st.sampled_from(["referral", "lead", "support", "content"]))
def test_a_gift_from_the_side_that_gave_less_never_lowers_reciprocity_at_any_rate(
    log: list[dict[str, Any]], overrides: dict[str, Any], kind: str
) -> None:
    before = assess(built(log, overrides), AS_OF).reciprocity
    if before.index is None:
        return
    smaller = min((A, B), key=lambda side: (before.given[side].value, side))
    larger = OTHER[smaller]
    gift = act(AS_OF - dt.timedelta(days=2), smaller, larger, kind, topic="Lead for Fabrikam", hours=1)
    after = assess(built([*log, gift], overrides), AS_OF).reciprocity
    if all(partner.get("hourly_rate", 1) > 0 for partner in overrides["partners"].values()):
        # (a stated rate of 0 prices every contribution at 0, so the gift then adds nothing)
        assert after.given[smaller].value > before.given[smaller].value
    assert after.given[larger].value == before.given[larger].value
    if after.given[smaller].value <= after.given[larger].value:
        assert after.index is not None and after.index >= before.index


@given(dated_logs(), definitions(), st.sampled_from([START - dt.timedelta(days=20), START, dt.date(2026, 3, 15)]))
def test_any_assessment_date_keeps_scores_in_range(
    log: list[dict[str, Any]], overrides: dict[str, Any], as_of: dt.date
) -> None:
    report = assess(built(log, overrides), as_of)
    for value in scores(report):
        assert value is None or 0 <= value <= 100
    if as_of < START + dt.timedelta(days=60):
        assert report.diagnosis.id == "onboarding"
