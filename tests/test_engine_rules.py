"""Scoring rules that no other test defended: each test here was written against a mutant that survived.

`benchmarks/mutation.py` changes one operator or constant at a time in `assessment/` and `factors/`;
every test below states the behaviour such a change would alter, as a consultant would see it in a
report: a score, a band, a diagnosis, a finding and what it cites, a line of "what moved".
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from typing import Any

import pytest
from pydantic import ValidationError

from builders import A, B, act, definition, partnership
from coopcheck.assessment.diagnosis import influence_strong
from coopcheck.assessment.engine import assess
from coopcheck.assessment.model import Assessment, Cost, Movement
from coopcheck.assessment.movement import what_moved
from coopcheck.assessment.parameters import ScoringParameters
from coopcheck.assessment.portfolio import PortfolioCheck, checked
from coopcheck.assessment.thresholds import CONDITIONS, UnknownCondition, evaluate, parse_conditions
from coopcheck.assessment.trend import material, monthly, point, summarize
from coopcheck.evidence import gather
from coopcheck.factors import anchoring, commitment, investment, keeping_in_step
from coopcheck.i18n import current_language, set_language
from coopcheck.loading.diagnostics import Diagnostic
from coopcheck.models import Kind, Origin

AS_OF = dt.date(2026, 9, 30)


def gifts(side: str, months: range | list[int], per_month: int = 2, kind: str = "referral") -> list[dict[str, Any]]:
    other = B if side == A else A
    return [
        act(dt.date(2026, month, 2 + 6 * i), side, other, kind, topic="Lead", hours=2, id=f"{side}-{month}-{i}")
        for month in months
        for i in range(per_month)
    ]


@pytest.fixture
def report() -> Assessment:
    """A balanced partnership: both sides give every month, with reviews, requests and an outcome.

    Built for each test, not once per module: mutation testing runs against each mutant only the
    tests that called the mutated code, and a report shared by a module would be charged to the first
    test that asked for it."""
    log = gifts(A, range(1, 10)) + gifts(B, range(1, 10))
    log += [act("2026-05-04", A, B, "project_won", value=20000, attribution="sourced", topic="Fabrikam")]
    return assess(partnership(log), AS_OF)


def edit(report: Assessment, **sections: dict[str, Any]) -> Assessment:
    """`report` with some fields of some sections replaced, e.g. edit(r, health={"score": 40})."""
    return report.model_copy(
        update={name: getattr(report, name).model_copy(update=fields) for name, fields in sections.items()}
    )


def moved(before: Assessment, after: Assessment) -> dict[str, dict[str, Any]]:
    return {m.id: {**m.params, "message": m.message} for m in what_moved(before, after)}


# -- what moved --------------------------------------------------------------------------------


def test_nothing_moved_is_said_with_the_date_compared_with(report: Assessment) -> None:
    assert [m.message for m in what_moved(report, report)] == [f"Nothing material moved since {AS_OF}."]


def test_health_rising_or_falling_by_a_point_is_news_and_less_is_not(report: Assessment) -> None:
    low, high = edit(report, health={"score": 60.0}), edit(report, health={"score": 61.0})
    assert moved(low, high)["health.rose"]["message"] == "Health rose from 60.0 to 61.0."
    assert moved(high, low)["health.fell"]["message"] == "Health fell from 61.0 to 60.0."
    assert "health.rose" not in moved(low, edit(report, health={"score": 60.9}))


def test_health_that_can_no_longer_be_scored_says_what_it_was(report: Assessment) -> None:
    scored, unscored = edit(report, health={"score": 70.0}), edit(report, health={"score": None, "band": None})
    assert moved(scored, unscored)["health.unscored"]["message"] == "Health can no longer be scored (it was 70.0)."
    assert moved(unscored, scored)["health.scored"]["message"] == "Health can now be scored: 70.0."


def test_band_and_diagnosis_changes_name_both_ends(report: Assessment) -> None:
    green = edit(report, health={"band": "green"}, diagnosis={"id": "thriving"})
    amber = edit(report, health={"band": "amber"}, diagnosis={"id": "building"})
    changes = moved(green, amber)
    assert changes["band.changed"]["message"] == "The band changed from green to amber."
    assert changes["diagnosis.changed"]["message"] == "The diagnosis changed from thriving to building."
    assert "band.changed" not in moved(green, edit(report, health={"band": None}))


def test_a_factor_score_moving_five_points_is_named(report: Assessment) -> None:
    factors = report.influence.factors
    at = [f.model_copy(update={"score": 50.0}) for f in factors]
    up = [at[0].model_copy(update={"score": 55.0}), *at[1:]]
    gone = [at[0].model_copy(update={"score": None}), *at[1:]]
    nearly = [at[0].model_copy(update={"score": 54.9}), *at[1:]]
    base = edit(report, influence={"factors": at})
    assert moved(base, edit(report, influence={"factors": up}))["score.rose"]["message"] == (
        "Anchoring rose from 50.0 to 55.0."
    )
    assert moved(edit(report, influence={"factors": up}), base)["score.fell"]["message"] == (
        "Anchoring fell from 55.0 to 50.0."
    )
    assert moved(base, edit(report, influence={"factors": gone}))["score.unscored"]["message"] == (
        "Anchoring can no longer be scored (it was 50.0)."
    )
    assert moved(edit(report, influence={"factors": gone}), base)["score.scored"]["message"] == (
        "Anchoring can now be scored: 50.0."
    )
    assert not {"score.rose", "score.fell"} & set(moved(base, edit(report, influence={"factors": nearly})))


def test_the_outcome_score_moving_is_named_too(report: Assessment) -> None:
    changes = moved(edit(report, outcome={"score": 40.0}), edit(report, outcome={"score": None}))
    assert changes["score.unscored"]["message"] == "Outcome can no longer be scored (it was 40.0)."


def test_the_reciprocity_index_moving_by_five_hundredths_is_named(report: Assessment) -> None:
    old = report.reciprocity
    before = edit(report, reciprocity={"index": 0.5})
    assert moved(before, edit(report, reciprocity={"index": 0.55}))["reciprocity.moved"]["message"] == (
        "The reciprocity index moved from 0.5 to 0.55."
    )
    assert "reciprocity.moved" not in moved(before, edit(report, reciprocity={"index": 0.54}))
    assert "reciprocity.moved" not in moved(before, edit(report, reciprocity={"index": None}))
    assert old.index is not None


def test_a_new_outcome_is_counted_since_the_previous_month(report: Assessment) -> None:
    before = edit(report, outcome={"totals": {"projects_won": 1.0, "revenue": 1000.0, "joint_campaigns": 0.0}})
    after = edit(report, outcome={"totals": {"projects_won": 2.0, "revenue": 1000.0, "joint_campaigns": 1.0}})
    assert moved(before, after)["outcomes.new"]["message"] == (
        f"New outcomes since {AS_OF}: joint campaigns 1, projects won 1, revenue 0 EUR."
    )
    assert "outcomes.new" not in moved(after, after)


def test_a_risk_level_change_is_named(report: Assessment) -> None:
    low, high = edit(report, empty_contact_risk={"level": "low"}), edit(report, empty_contact_risk={"level": "high"})
    assert moved(low, high)["risk.changed"]["message"] == "Empty-contact risk went from low to high."
    assert "risk.changed" not in moved(low, edit(report, empty_contact_risk={"level": None}))


# -- one-way streets that end ----------------------------------------------------------------


def test_a_street_whose_giving_stops_is_history_that_stopped() -> None:
    log = gifts(A, range(1, 4)) + gifts(B, range(1, 4)) + gifts(A, range(4, 9), per_month=3)
    one_way = assess(partnership(log), dt.date(2026, 12, 31)).reciprocity.one_way
    assert not one_way.detected
    [street] = one_way.history
    assert (street.giver, street.receiver, street.ended, street.since) == (A, B, "stopped", "2026-04")
    assert street.months == 5 and street.cost.hours == 30


def test_a_street_the_receiver_heals_is_history_that_healed() -> None:
    log = gifts(A, range(1, 4)) + gifts(B, range(1, 4)) + gifts(A, range(4, 10), per_month=3)
    log += gifts(B, range(10, 12), per_month=3) + gifts(A, range(10, 12), per_month=1)
    one_way = assess(partnership(log), dt.date(2026, 11, 30)).reciprocity.one_way
    assert not one_way.detected
    assert [(s.giver, s.ended) for s in one_way.history] == [(A, "healed")]


def test_a_lead_too_short_to_call_leaves_no_history() -> None:
    log = gifts(A, range(1, 10)) + gifts(B, [1, 2, 3, 6, 7, 8, 9]) + gifts(A, [4], per_month=1)
    one_way = assess(partnership(log), AS_OF).reciprocity.one_way
    assert not one_way.detected and one_way.history == []


# -- factors: what a finding cites ------------------------------------------------------------


def test_investment_cites_the_costliest_activities_of_the_heavy_side_first() -> None:
    log = [
        act("2026-02-02", A, B, "investment", value=5000, topic="Booth", id="booth"),
        act("2026-02-05", A, B, "investment", value=300, topic="Stand", id="stand"),
        act("2026-02-09", A, B, "support", hours=3, topic="Setup", id="setup"),
        act("2026-02-16", A, B, "meeting", hours=1, travel_cost=200, topic="Visit", id="visit"),
        act("2026-02-23", A, B, "content", hours=1, topic="Flyer", id="flyer"),
        act("2026-03-02", B, A, "support", hours=1, topic="Answer", id="answer"),
    ]
    result = investment.assess(gather(partnership(log), AS_OF))
    [off] = result.findings
    assert off.params["heavy"] == "Northwind"
    assert [e.activity for e in off.evidence] == ["booth", "stand", "setup", "visit", "flyer"]  # ties: oldest first


def places(loaded: Any) -> Any:
    """`loaded` as if read from a file: where the partners' keys were written."""
    lines = {("partners",): 10, ("partners", A): 11, ("partners", A, "sponsor"): 13, ("partners", A, "contacts"): 14}
    lines |= {("partners", B): 16, ("partners", B, "sponsor"): 18, ("partners", B, "contacts"): 19}
    return dataclasses.replace(loaded, places={path: Origin("test.yaml", line) for path, line in lines.items()})


def test_missing_executive_exchange_cites_the_sponsor_and_missing_working_exchange_the_contacts() -> None:
    log = [act(dt.date(2026, m, 3), A, B, "meeting", level="working", topic="Plan", people=["Jonas Keller"])
           for m in range(1, 10)]  # fmt: skip
    log += [act(dt.date(2026, m, 5), B, A, "meeting", level="executive", topic="Plan", people=["Peter Lang"])
            for m in range(1, 10)]  # fmt: skip
    result = anchoring.assess(gather(places(partnership(log)), AS_OF))
    cited = {(f.params["level"], f.params["from_side"]): [e.line for e in f.evidence] for f in result.findings
             if f.id == "anchoring.missing_exchange"}  # fmt: skip
    assert cited == {("executive", "Northwind"): [13], ("working", "Contoso"): [19]}


# -- the trend: which changes are turning points ----------------------------------------------


def movement(change_id: str, before: Any = None, after: Any = None, **params: Any) -> Movement:
    return Movement(id=change_id, message="", params={"before": before, "after": after, **params})


def test_a_turning_point_needs_a_clear_margin() -> None:
    assert material(movement("health.fell", 70.0, 60.0)) and not material(movement("health.fell", 70.0, 60.1))
    assert material(movement("score.rose", 40.0, 55.0)) and not material(movement("score.rose", 40.0, 54.9))
    assert material(movement("reciprocity.moved", 0.3, 0.5)) and not material(movement("reciprocity.moved", 0.3, 0.49))
    assert material(movement("band.changed", "green", "amber"))
    assert not material(movement("health.scored", None, 70.0))
    assert not material(movement("finding.new", message="x"))


def test_a_one_way_street_turns_the_trend_in_the_month_its_streak_began(report: Assessment) -> None:
    days = [dt.date(2026, 4, 30), dt.date(2026, 5, 31), dt.date(2026, 6, 30)]
    series = [report.model_copy(update={"as_of": d}) for d in days]
    street = series[2].reciprocity.one_way.model_copy(
        update={"detected": True, "giver": A, "receiver": B, "since": "2026-04", "months": 3,
                "cost": Cost(hours=1, hours_value=100, money=0, travel=0, total=100)}
    )  # fmt: skip
    series[2] = edit(series[2], reciprocity={"one_way": street})
    trend = summarize(series)
    assert [(t.month, [c.id for c in t.changes]) for t in trend.turning_points] == [("2026-04", ["one_way.detected"])]
    assert [(p.one_way, p.giver, p.one_way_since) for p in trend.points] == [
        (False, None, None), (False, None, None), (True, A, "2026-04")
    ]  # fmt: skip


def test_a_street_seen_but_not_called_names_no_giver_in_the_trend(report: Assessment) -> None:
    undecided = report.reciprocity.one_way.model_copy(update={"detected": False, "giver": A, "since": "2026-04"})
    assert (point(edit(report, reciprocity={"one_way": undecided})).giver) is None


# -- the headline -----------------------------------------------------------------------------


def test_building_before_anything_is_due_says_by_when_and_names_the_weakest_factor() -> None:
    late = {"outcomes": {"projects_won": {"target": 4, "by": "2027-12-31"}}, "influence": {"response_days": 5}}
    loaded = partnership(gifts(A, range(1, 10)) + gifts(B, range(1, 10)), kind="development", success_factors=late)
    diagnosis = assess(loaded, AS_OF).diagnosis
    assert diagnosis.id == "building"
    assert diagnosis.expect_outcomes_by == dt.date(2027, 6, 30)
    assert (diagnosis.params["factor"], diagnosis.params["factor_score"]) == ("Commitment", 0)
    assert diagnosis.params["influence"] >= 60, "the influence score is strong: the factor under it is broken"
    assert "Commitment is broken (0)" in diagnosis.summary and "only" not in diagnosis.summary


# -- thresholds that fail a build -------------------------------------------------------------


def hits(report: Assessment, fail_under: float | None = None, *fail_on: str) -> list[tuple[str, str]]:
    """The thresholds hit, with the reasons in English (a test before may have left German on)."""
    before = current_language()
    set_language("en")
    try:
        return [(hit.condition, hit.message) for hit in evaluate(report, fail_under, fail_on)]
    finally:
        set_language(before)


def test_fail_under_compares_health_strictly_and_never_fails_an_unscored_partnership(report: Assessment) -> None:
    at_70 = edit(report, health={"score": 70.0, "band": "amber"})
    assert hits(at_70, 70.5) == [("fail_under", "health 70 is below 70.5")]
    assert hits(at_70, 70) == []
    assert hits(edit(report, health={"score": None, "band": None}), 70) == []


def test_red_fails_on_red_only_and_amber_on_amber_or_red(report: Assessment) -> None:
    red, amber = edit(report, health={"band": "red"}), edit(report, health={"band": "amber"})
    green = edit(report, health={"band": "green"})
    assert hits(red, None, "red", "amber") == [("red", "health band is red"), ("amber", "health band is red")]
    assert hits(amber, None, "red", "amber") == [("amber", "health band is amber")]
    assert hits(green, None, "red", "amber") == []


def test_one_way_zombie_not_ready_and_a_diagnosis_say_why_they_fail(report: Assessment) -> None:
    street = {"detected": True, "giver": A, "since": "2026-03", "months": 7}
    failing = edit(
        report,
        reciprocity={"one_way": report.reciprocity.one_way.model_copy(update=street)},
        empty_contact_risk={"zombie": True, "months_without_outcome": 8},
        diagnosis={"id": "empty"},
    )
    assert hits(failing, None, "one_way", "zombie", "empty", "thriving") == [
        ("one_way", "one-way street: northwind carries it since 2026-03 (7 months)"),
        ("zombie", "zombie: no outcome for 8 months"),
        ("empty", "diagnosis is empty"),
    ]
    assert hits(report, None, "one_way", "zombie", "not_ready") == []
    checks = [c.model_copy(update={"ok": i != 0}) for i, c in enumerate(report.readiness.checks)]
    not_ready = edit(report, readiness={"checks": checks})
    assert hits(not_ready, None, "not_ready") == [("not_ready", f"not ready: {checks[0].message}")]


def test_an_unknown_condition_suggests_the_nearest_or_lists_them_all() -> None:
    with pytest.raises(UnknownCondition, match=r"found 'one-way'\); did you mean 'one_way'\?"):
        parse_conditions(["red,one-way"])
    with pytest.raises(UnknownCondition) as refused:
        parse_conditions(["xyz"])
    assert str(refused.value).endswith(f"(expected one of: {', '.join(CONDITIONS)})")
    assert parse_conditions(["red, zombie", "red", ""]) == ("red", "zombie")


# -- configured weights -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("profile", "message"),
    [
        ({"weights": {"anchorage": 1}}, "unknown component 'anchorage' (expected one of anchoring, "),
        ({"targets": {"revenues": 1}}, "unknown target 'revenues' (expected one of "),
        ({"weights": {"investment": -1}}, "weight of 'investment' must not be negative (found -1"),
        ({"targets": {"revenue": -0.5}}, "weight of 'revenue' must not be negative (found -0.5)"),
    ],
)
def test_a_configured_weight_is_refused_with_what_was_wrong(profile: dict[str, Any], message: str) -> None:
    with pytest.raises(ValidationError, match=re.escape(message)):
        ScoringParameters.model_validate({"profiles": {"development": profile}})
    zero = ScoringParameters.model_validate({"profiles": {"development": {"weights": {"investment": 0}}}})
    assert zero.profile(Kind.development).weight("investment") == 0


def test_a_one_way_street_that_began_before_the_series_turns_it_where_it_showed(report: Assessment) -> None:
    days = [dt.date(2026, 8, 31), dt.date(2026, 9, 30)]
    series = [report.model_copy(update={"as_of": d}) for d in days]
    street = {"detected": True, "giver": A, "receiver": B, "since": "2026-03", "months": 7,
              "cost": Cost(hours=1, hours_value=100, money=0, travel=0, total=100)}  # fmt: skip
    series[1] = edit(series[1], reciprocity={"one_way": series[1].reciprocity.one_way.model_copy(update=street)})
    assert [t.month for t in summarize(series).turning_points] == ["2026-09"]


# -- a portfolio of partnership files ---------------------------------------------------------


def test_a_file_with_warnings_passes_and_keeps_them_and_a_file_with_errors_is_invalid(report: Assessment) -> None:
    warning = Diagnostic("p.yaml", 3, 1, "dated in the future", severity="warning")
    error = Diagnostic("p.yaml", 4, 7, "not a number")
    passed = checked("p.yaml", report, [warning], None, ())
    assert (passed.status, passed.diagnostics, passed.errors) == ("passed", (warning,), [])
    assert passed.assessment() == report and passed.name == report.partnership.id
    invalid = checked("p.yaml", None, [warning, error], None, ())
    assert (invalid.status, invalid.errors, invalid.name, invalid.assessment()) == ("invalid", [error], "p.yaml", None)
    failed = checked("p.yaml", edit(report, health={"band": "red"}), [], None, ("red",))
    portfolio = PortfolioCheck(AS_OF, None, ("red",), (passed, invalid, failed))
    assert (portfolio.count(), portfolio.status) == ({"passed": 1, "invalid": 1, "failed": 1}, "invalid")
    assert PortfolioCheck(AS_OF, None, (), (passed, failed)).status == "failed"


def test_a_running_street_is_said_to_continue_with_its_months_and_cost(report: Assessment) -> None:
    street = {"detected": True, "giver": A, "receiver": B, "since": "2026-03", "months": 7,
              "cost": Cost(hours=10, hours_value=1000, money=500, travel=0, total=1500)}  # fmt: skip
    running = edit(report, reciprocity={"one_way": report.reciprocity.one_way.model_copy(update=street)})
    assert moved(running, running)["one_way.continues"]["message"] == (
        "The one-way street continues: 7 months, 1,500 EUR spent by Northwind so far."
    )


# -- empty contacts and outcomes ----------------------------------------------------------------


def contacts(count: int, with_topic: int) -> list[dict[str, Any]]:
    return [
        act(dt.date(2026, 2 + i % 7, 3 + i), A if i % 2 else B, B if i % 2 else A, "meeting", hours=1,
            **({"topic": "Pipeline"} if i < with_topic else {}))
        for i in range(count)
    ]  # fmt: skip


def test_the_share_of_contacts_without_a_topic_is_judged_only_on_enough_contacts() -> None:
    many = assess(partnership(contacts(8, with_topic=2)), AS_OF)
    assert many.empty_contact_risk.reason is None
    assert [f.params["share"] for f in many.findings if f.id == "empty_contacts.no_substance"] == [0.75]
    few = assess(partnership(contacts(2, with_topic=0)), AS_OF)
    assert few.empty_contact_risk.reason == (
        "Too few contacts to judge their substance; scored on months without outcome only."
    )
    assert not [f for f in few.findings if f.id == "empty_contacts.no_substance"]


def test_money_is_reported_to_the_cent() -> None:
    log = [act("2026-03-03", A, B, "meeting", topic="Visit", travel_cost=0.125, hours=1)]
    risk = assess(partnership(log), AS_OF).empty_contact_risk
    assert risk.travel == 0.12


def test_outcome_totals_count_only_what_happened() -> None:
    log = [act("2026-03-03", A, B, "joint_campaign", topic="Webinar"),
           act("2026-04-03", B, A, "revenue", value=1234.5, topic="Licence")]  # fmt: skip
    totals = assess(partnership(log), AS_OF).outcome.totals
    assert totals == {"joint_campaigns": 1, "projects_won": 0, "project_value": 0, "revenue": 1234.5}


def test_a_target_behind_plan_with_nothing_to_show_cites_its_own_line() -> None:
    loaded = partnership(gifts(A, range(1, 10)) + gifts(B, range(1, 10)))
    lines = {("success_factors",): 30, ("success_factors", "outcomes"): 31}
    lines[("success_factors", "outcomes", "projects_won")] = 32
    located = dataclasses.replace(loaded, places={path: Origin("test.yaml", line) for path, line in lines.items()})
    [behind] = [f for f in assess(located, AS_OF).findings if f.id == "outcome.behind_target"]
    assert [e.line for e in behind.evidence] == [32]
    assert behind.message == "Projects won is behind: 0 achieved against 3 expected by now (4 by 2026-12-31)."


# -- health, influence, readiness ---------------------------------------------------------------


def test_a_broken_factor_caps_a_green_score_at_amber_and_says_so() -> None:
    log = gifts(A, range(1, 10)) + gifts(B, range(1, 10))
    log += [act(dt.date(2026, m, 10), A if m % 4 else B, B if m % 4 else A, "project_won", value=20000,
                attribution="sourced", topic="Deal") for m in (2, 4, 6, 8)]  # fmt: skip
    report = assess(partnership(log), AS_OF)
    assert [f.score for f in report.influence.factors if f.id == "commitment"] == [0.0]  # no review at all
    assert report.health.score is not None and report.health.score >= 70
    assert (report.health.band, report.health.reason) == ("amber", "Band capped: an influence factor is broken.")


def test_influence_is_not_scaled_down_while_both_sides_work(report: Assessment) -> None:
    influence = report.influence
    assert (influence.freshness, influence.quiet_months, influence.reason) == (1.0, 0, None)
    assert influence.score == influence.factors_score


def test_readiness_names_each_missing_agreement_by_its_id() -> None:
    loaded = partnership(gifts(A, range(1, 4)), review_every_days=None, success_factors={})
    readiness = assess(loaded, AS_OF)
    assert {c.id: c.ok for c in readiness.readiness.checks} == {
        "sponsors": True, "contacts": True, "outcome_targets": False, "response_days": False,
        "review_rhythm": False, "cost_split": False,
    }  # fmt: skip
    assert readiness.readiness.score == 33.3
    rhythm = [f for f in readiness.findings if f.id == "readiness.no_review_rhythm"]
    assert [(f.severity, f.params) for f in rhythm] == [("warning", {})]


def test_reviews_without_actions_are_noted_under_commitment() -> None:
    reviews = [act(dt.date(2026, m, 20), A, B, "review", topic="Review", level="executive") for m in range(1, 9)]
    report = assess(partnership(gifts(A, range(1, 10)) + gifts(B, range(1, 10)) + reviews), AS_OF)
    [note] = [f for f in report.findings if f.id == "commitment.no_actions"]
    assert (note.factor, note.severity, note.params) == ("commitment", "info", {"count": 8})


# -- keeping in step --------------------------------------------------------------------------


def asks(frm: str, to: str, turnarounds: list[int], due_days: int | None = None) -> list[dict[str, Any]]:
    """`frm` asks `to` every twelve days from March; `to` answers after each turnaround (in days)."""
    log = []
    for i, turnaround in enumerate(turnarounds):
        asked, rid = dt.date(2026, 3, 1) + dt.timedelta(days=12 * i), f"{frm}-r{i}"
        due = {"due": str(asked + dt.timedelta(days=due_days))} if due_days is not None else {}
        log.append(act(asked, frm, to, "request", id=rid, topic="Quote?", **due))
        log.append(act(asked + dt.timedelta(days=turnaround), to, frm, "delivery", responds_to=rid, topic="Quote"))
    return log


def test_sides_equally_late_against_their_due_dates_are_each_late_and_neither_the_slower() -> None:
    log = asks(A, B, [1, 4, 4], due_days=1) + asks(B, A, [1, 4, 4], due_days=1)
    result = keeping_in_step.assess(gather(partnership(log), AS_OF))
    assert [(f.id, f.params["side"], f.params["on_time"]) for f in result.findings] == [
        ("keeping_in_step.late", "Contoso", 0.333), ("keeping_in_step.late", "Northwind", 0.333)
    ]  # fmt: skip


def test_the_slower_side_is_named_with_both_sides_pace() -> None:
    log = asks(A, B, [20, 2, 20]) + asks(B, A, [2, 2, 9])
    result = keeping_in_step.assess(gather(partnership(log), AS_OF))
    [slow] = result.findings
    assert slow.params == {
        "slow": "Contoso", "slow_key": B, "slow_days": 20, "slow_on_time": 0.333,
        "fast": "Northwind", "fast_days": 2, "fast_on_time": 0.667, "agreed": 5,
    }  # fmt: skip


# -- figures keep their decimal; boundaries ----------------------------------------------------


def test_scores_keep_one_decimal(report: Assessment) -> None:
    assert report.outcome.score == 33.3  # one project of the three expected by September
    assert report.influence.score == report.influence.factors_score == 66.7  # (100 + 100 + 0) / 3
    risky = assess(partnership(contacts(9, with_topic=4)), AS_OF)
    assert (risky.empty_contact_risk.score, risky.influence.score) == (69.4, 22.3)


def test_influence_scaled_down_for_a_quiet_side_says_why() -> None:
    influence = assess(partnership(gifts(A, range(1, 10)) + gifts(B, range(1, 4))), AS_OF).influence
    assert (influence.quiet_side, influence.freshness) == (B, 0.25)
    assert influence.reason == "Scaled down for the months without work from one side."


def test_outcomes_under_weak_influence_are_harvesting_and_name_the_weakest_factor() -> None:
    log = gifts(A, range(1, 10)) + gifts(B, range(1, 10))
    log += [act(dt.date(2026, m, 12), A, B, "investment", value=3000, topic="Booth") for m in range(1, 10)]
    log += [act(dt.date(2026, m, 10), A, B, "project_won", value=20000, attribution="sourced", topic="Deal")
            for m in (3, 6, 8)]  # fmt: skip
    diagnosis = assess(partnership(log), AS_OF).diagnosis
    assert diagnosis.id == "harvesting"
    assert diagnosis.summary == (
        "Harvesting: outcomes have come (joint campaigns 0, projects won 3, revenue 0 EUR), but influence is only "
        "40 (weakest: Commitment 0); results without influence do not last."
    )


def test_two_campaigns_count_two() -> None:
    log = [act(f"2026-0{m}-03", A, B, "joint_campaign", topic="Webinar") for m in (3, 5)]
    assert assess(partnership(log), AS_OF).outcome.totals["joint_campaigns"] == 2


def test_an_investment_share_short_by_exactly_sixty_percent_is_a_warning_not_an_error() -> None:
    log = [act(dt.date(2026, 2, 2 + i), side, other, "investment", value=amount / 3, topic="Event")
           for side, other, amount in ((A, B, 8000), (B, A, 2000)) for i in range(3)]  # fmt: skip
    result = investment.assess(gather(partnership(log), AS_OF))
    assert (result.score, [f.severity for f in result.findings]) == (40.0, ["warning"])


def test_a_level_missing_for_the_whole_window_caps_anchoring_from_the_sixth_month() -> None:
    log = [act(dt.date(2026, m, 3), A, B, "meeting", level="working", topic="Plan", people=["Jonas Keller"])
           for m in range(1, 8)]  # fmt: skip
    log += [act(dt.date(2026, m, 5), B, A, "meeting", level="executive", topic="Plan", people=["Peter Lang"])
            for m in range(1, 8)]  # fmt: skip
    capped = anchoring.assess(gather(partnership(log), dt.date(2026, 7, 10)))
    assert capped.reason == "A side took no part at one level for the whole window; capped as broken."
    early = anchoring.assess(gather(partnership(log), dt.date(2026, 6, 30)))
    assert early.reason is None and early.score is not None and capped.score is not None
    assert capped.score < early.score


def test_steady_but_uneven_giving_is_lopsided_not_a_one_way_street() -> None:
    report = assess(partnership(gifts(A, range(1, 10), per_month=4) + gifts(B, range(1, 10), per_month=1)), AS_OF)
    assert (report.reciprocity.index, report.reciprocity.one_way.detected) == (0.25, False)
    [lopsided] = [f for f in report.findings if f.id == "reciprocity.lopsided"]
    assert lopsided.message == (
        "Giving is lopsided: Northwind gave 80% of all value given (21,600 against 5,400 EUR from Contoso)."
    )


# -- more figures and their edges -------------------------------------------------------------


def test_half_the_contacts_without_a_topic_is_already_an_error() -> None:
    for with_topic, severity in ((4, "error"), (2, "error"), (5, "warning")):
        report = assess(partnership(contacts(8, with_topic=with_topic)), AS_OF)
        found = [f.severity for f in report.findings if f.id == "empty_contacts.no_substance"]
        assert found == [severity], with_topic


def test_reasons_for_what_could_not_be_scored_are_said_in_full() -> None:
    report = assess(partnership([act("2026-03-03", A, B, "meeting", topic="Kick-off")], success_factors={}), AS_OF)
    assert report.health.reason == "Too little evidence yet for a health score."
    assert report.outcome.reason == "No outcome targets agreed."
    unleveled = anchoring.assess(gather(partnership(gifts(A, range(1, 4)) + gifts(B, range(1, 4))), AS_OF))
    assert unleveled.reason == "No activity records its level; scored on named anchors and spread only."


def test_an_unscaled_uncapped_health_has_no_reason(report: Assessment) -> None:
    assert report.health.reason is None and report.health.score is not None


def test_a_configured_outcome_ramp_moves_when_outcomes_fall_due() -> None:
    loaded = partnership(gifts(A, range(1, 10)) + gifts(B, range(1, 10)))
    later = ScoringParameters.model_validate({"profiles": {"joint_market": {"outcome_ramp": 0.5}}})
    assert assess(loaded, AS_OF).outcome.due_from == dt.date(2026, 4, 2)
    assert assess(loaded, AS_OF, later).outcome.due_from == dt.date(2026, 7, 2)


def test_revenue_is_kept_to_the_cent_by_attribution() -> None:
    target = {"outcomes": {"revenue": {"target": 10000, "by": "2026-12-31"}}}
    log = [act("2026-04-03", B, A, "revenue", value=1234.5, topic="Licence", attribution="influenced")]
    [revenue] = assess(partnership(log, success_factors=target), AS_OF).outcome.targets
    assert (revenue.achieved, revenue.by_attribution) == (1234.5, {"influenced": 1234.5})


def test_hours_given_are_kept_to_the_hundredth() -> None:
    log = [act("2026-03-03", A, B, "support", topic="Setup", hours=1.125)]
    assert assess(partnership(log), AS_OF).reciprocity.given[A].hours == 1.12


def test_four_giving_activities_are_enough_for_an_index_and_three_are_not() -> None:
    three = gifts(A, [2], per_month=2) + gifts(B, [3], per_month=1)
    assert assess(partnership(three), AS_OF).reciprocity.index is None
    four = three + gifts(B, [4], per_month=1)
    assert assess(partnership(four), AS_OF).reciprocity.index == 1.0


def test_one_side_late_on_its_own_is_named_with_the_agreed_days() -> None:
    seven_of_ten = asks(A, B, [1, 1, 1, 1, 1, 1, 1, 9, 9, 9])
    result = keeping_in_step.assess(gather(partnership(seven_of_ten), AS_OF))
    assert result.findings == []  # 70% on time is the bar, not below it
    six_of_ten = asks(A, B, [1, 1, 1, 1, 1, 1, 9, 9, 9, 9])
    [late] = keeping_in_step.assess(gather(partnership(six_of_ten), AS_OF)).findings
    assert late.params == {"side": "Contoso", "on_time": 0.6, "days": 1, "agreed": 5}
    assert late.factor == "keeping_in_step"
    assert len(late.evidence) == 4 and {e.date for e in late.evidence} == {
        dt.date(2026, 3, 1) + dt.timedelta(days=12 * i + 9) for i in range(6, 10)
    }  # the four answers after nine days


def test_missing_exchange_says_with_whom_to_meet() -> None:
    log = [act(dt.date(2026, m, 3), A, B, "meeting", level="working", topic="Plan") for m in range(1, 10)]
    log += [act(dt.date(2026, m, 5), B, A, "meeting", level="working", topic="Plan") for m in range(1, 10)]
    result = anchoring.assess(gather(partnership(log), AS_OF))
    remedies = sorted(f.remediation or "" for f in result.findings if f.id == "anchoring.missing_exchange")
    assert remedies == [
        "Have Contoso lead a meeting at the executive level with Northwind within a month, and log its level.",
        "Have Northwind lead a meeting at the executive level with Contoso within a month, and log its level.",
    ]


def test_readiness_findings_cite_the_key_that_is_missing() -> None:
    partners = definition()["partners"]
    del partners[A]["hourly_rate"]
    loaded = partnership(gifts(A, range(1, 4)), review_every_days=None, success_factors={}, partners=partners)
    lines = {("started",): 5, ("success_factors",): 20, ("success_factors", "influence"): 24, ("partners", A): 11}
    located = dataclasses.replace(loaded, places={path: Origin("test.yaml", line) for path, line in lines.items()})
    cited = {f.id: [e.line for e in f.evidence] for f in assess(located, AS_OF).findings if f.factor == "readiness"}
    assert cited["readiness.no_review_rhythm"] == [5]
    assert cited["readiness.no_cost_split"] == cited["readiness.no_response_days"] == [24]
    assert cited["readiness.no_hourly_rate"] == [11]


def test_a_one_way_street_caps_the_band_and_a_quiet_side_scales_the_factors_in_health() -> None:
    loaded = partnership(gifts(A, range(1, 10)) + gifts(B, range(1, 4)))  # Contoso stopped giving in March
    lenient = ScoringParameters.model_validate({"bands": {"green": 10, "amber": 5}})
    report = assess(loaded, AS_OF, lenient)
    assert report.reciprocity.one_way.detected and report.influence.freshness == 0.25
    # factors 100, 50 and 0 at a quarter, outcome 0, reciprocity and risk as shown: 13.4, green by these cut-offs
    assert report.health.score == 13.4
    assert (report.health.band, report.health.reason) == ("amber", "Band capped: a one-way street is detected.")


def test_partners_whose_time_costs_nothing_have_no_index_rather_than_a_division_by_zero() -> None:
    partners = definition()["partners"]
    for partner in partners.values():
        partner["hourly_rate"] = 0
    reciprocity = assess(partnership(gifts(A, [2, 3]), partners=partners), AS_OF).reciprocity
    assert reciprocity.index is None
    assert reciprocity.reason == "Too little given by either side to weigh reciprocity yet."


def test_targets_are_weighted_by_the_kind_of_partnership() -> None:
    targets = {"outcomes": {"joint_campaigns": {"target": 4, "by": "2026-12-31"},
                            "projects_won": {"target": 4, "by": "2026-12-31"}}}  # fmt: skip
    log = [*gifts(A, range(1, 10)), *gifts(B, range(1, 10)), act("2026-05-05", A, B, "joint_campaign", topic="Web")]
    outcome = assess(partnership(log, kind="development", success_factors=targets), AS_OF).outcome
    assert [(t.id, t.progress) for t in outcome.targets] == [("joint_campaigns", 0.5), ("projects_won", 0.0)]
    assert outcome.score == 16.7  # campaigns weigh 0.5 in development: (0.5 x 0.5 + 1 x 0) / 1.5


def test_a_won_project_adds_its_value_and_ends_the_drought() -> None:
    report = assess(partnership([act("2026-05-05", A, B, "project_won", value=1500.5, topic="Fabrikam")]), AS_OF)
    assert report.outcome.totals["project_value"] == 1500.5
    assert report.empty_contact_risk.last_outcome == dt.date(2026, 5, 5)


def test_unanswered_requests_cite_the_requests() -> None:
    log = [act(dt.date(2026, 3, 2 + i), A, B, "request", id=f"ask{i}", topic="Quote?") for i in range(2)]
    [open_] = keeping_in_step.assess(gather(partnership(log), AS_OF)).findings
    assert (open_.id, [e.activity for e in open_.evidence]) == ("keeping_in_step.unanswered_requests", ["ask0", "ask1"])
    assert open_.factor == "keeping_in_step"


def test_a_configured_valuation_prices_the_contributions() -> None:
    loaded = partnership(gifts(A, [2, 3]) + gifts(B, [2, 3]))
    doubled = ScoringParameters.model_validate({"valuation": {"contribution_hours": {"referral": 8}}})
    default = assess(loaded, AS_OF).reciprocity.given[A]
    configured = assess(loaded, AS_OF, doubled).reciprocity.given[A]
    assert configured.contribution_value > default.contribution_value > 0


def test_targets_weighted_zero_leave_the_outcome_unscored() -> None:
    loaded = partnership(gifts(A, range(1, 10)) + gifts(B, range(1, 10)))
    unweighted = ScoringParameters.model_validate({"profiles": {"joint_market": {"targets": {"projects_won": 0}}}})
    assert assess(loaded, AS_OF, unweighted).outcome.score is None


def test_a_long_drought_is_high_risk_however_tidy_the_topics() -> None:
    tidy = [act(dt.date(2025 + (m - 1) // 12, (m - 1) % 12 + 1, 10), A if m % 2 else B, B if m % 2 else A,
                "meeting", topic="Pipeline review", hours=2) for m in range(1, 22)]  # fmt: skip
    due = {"outcomes": {"projects_won": {"target": 4, "by": "2025-12-31"}}}
    risk = assess(partnership(tidy, started="2025-01-01", success_factors=due), AS_OF).empty_contact_risk
    assert (risk.empty_share, risk.months_without_outcome) == (0.0, 17)
    assert (risk.score, risk.level) == (100.0, "high")


def test_a_medium_risk_without_any_outcome_under_weak_influence_is_empty() -> None:
    log = contacts(8, with_topic=2) + gifts(A, [2, 4, 6]) + gifts(B, [3, 5, 7])
    report = assess(partnership(log), dt.date(2026, 6, 30))
    assert (report.empty_contact_risk.level, report.outcome.totals["projects_won"]) == ("medium", 0)
    assert [f.score for f in report.influence.factors if f.id == "commitment"] == [0.0]  # a broken factor: weak
    assert report.diagnosis.id == "empty"


# -- held-out survivors ------------------------------------------------------------------------


OTHER = {A: B, B: A}


def anchored(months: range) -> list[dict[str, Any]]:
    """Both sides meet at both levels every month, and hold a review with actions."""
    people = {(A, "executive"): "Anna Weber", (B, "executive"): "Peter Lang", (A, "working"): "Jonas Keller",
              (B, "working"): "Lea Vogt"}  # fmt: skip
    log = [act(dt.date(2026, m, 20), A, B, "review", topic="Review", level="executive",
               people=["Anna Weber", "Peter Lang"], actions=["Intro (Jonas Keller)"]) for m in months]  # fmt: skip
    for day, ((side, level), person) in enumerate(people.items(), start=22):
        log += [act(dt.date(2026, m, day), side, OTHER[side], "meeting", topic="Plan", level=level, people=[person])
                for m in months]  # fmt: skip
    return log


def test_strong_influence_before_anything_is_due_is_building_with_the_date_to_expect() -> None:
    late = {"outcomes": {"projects_won": {"target": 4, "by": "2027-12-31"}},
            "influence": {"response_days": 5, "cost_split": {A: 50, B: 50}}}  # fmt: skip
    loaded = partnership(gifts(A, range(1, 10)) + gifts(B, range(1, 10)) + anchored(range(1, 10)),
                         kind="development", success_factors=late)  # fmt: skip
    report = assess(loaded, AS_OF)
    assert (report.outcome.reason, [t.id for t in report.outcome.targets]) == (
        "No target is due yet.",
        ["projects_won"],
    )
    assert report.diagnosis.id == "building"
    assert report.diagnosis.params == {
        "influence": 99,
        "outcome": "?",
        "due_from": "2026-12-31",
        "expect_by": "2027-06-30",
    }
    assert report.diagnosis.expect_outcomes_by == dt.date(2027, 6, 30)
    assert report.outcome.totals == {"joint_campaigns": 0, "projects_won": 0, "project_value": 0, "revenue": 0}


def test_the_grace_period_ends_on_its_sixtieth_day() -> None:
    loaded = partnership(gifts(A, [1, 2, 3]) + gifts(B, [1, 2, 3]))
    assert assess(loaded, dt.date(2026, 3, 1)).diagnosis.id == "onboarding"
    assert assess(loaded, dt.date(2026, 3, 2)).diagnosis.id != "onboarding"


def test_an_empty_log_says_why_the_risk_is_not_scored() -> None:
    risk = assess(partnership([]), AS_OF).empty_contact_risk
    assert (risk.score, risk.reason) == (None, "No activity logged yet.")


def test_half_as_much_given_back_is_not_yet_lopsided() -> None:
    report = assess(partnership(gifts(A, range(1, 10), per_month=2) + gifts(B, range(1, 10), per_month=1)), AS_OF)
    assert report.reciprocity.index == 0.5
    assert not [f for f in report.findings if f.id == "reciprocity.lopsided"]


def test_readiness_checks_say_what_was_agreed() -> None:
    checks = {c.id: c.message for c in assess(partnership([]), AS_OF).readiness.checks}
    assert checks["cost_split"] == "A cost split agreed."
    assert checks["review_rhythm"] == "A review rhythm agreed."


def test_actions_nobody_followed_up_are_a_commitment_finding() -> None:
    reviews = [act(dt.date(2026, m, 20), A, B, "review", topic="Review", actions=["Quote (Lea Vogt)"]) for m in (2, 4)]
    report = assess(partnership(gifts(A, range(1, 10)) + reviews), AS_OF)
    [missed] = [f for f in report.findings if f.id == "commitment.actions_not_followed"]
    assert (missed.factor, missed.severity) == ("commitment", "warning")


def test_one_side_measured_alone_says_so() -> None:
    result = keeping_in_step.assess(gather(partnership(asks(A, B, [1, 1, 1])), AS_OF))
    assert result.reason == "Only one side has enough answered requests; scored on its punctuality alone."


# -- survivors of a third sample ---------------------------------------------------------------


def test_what_each_side_gave_is_kept_to_the_cent() -> None:
    log = [act("2026-03-03", A, B, "support", topic="Setup", value=10.125, travel_cost=0.125, hours=1),
           *gifts(B, [4])]  # fmt: skip
    given = assess(partnership(log), AS_OF).reciprocity.given[A]
    assert (given.money, given.travel) == (10.12, 0.12)
    assert given.value != round(given.value)


def test_a_one_way_street_is_a_reciprocity_error_costed_to_the_cent() -> None:
    log = gifts(A, range(1, 10)) + gifts(B, range(1, 4))
    log += [act(dt.date(2026, m, 27), A, B, "meeting", topic="Visit", travel_cost=10.125) for m in range(4, 10)]
    report = assess(partnership(log), AS_OF)
    [street] = [f for f in report.findings if f.id == "reciprocity.one_way_street"]
    assert (street.factor, street.severity) == ("reciprocity", "error")
    cost = report.reciprocity.one_way.cost
    assert cost is not None and cost.travel == 60.75


def test_a_slower_side_within_its_due_dates_is_a_warning() -> None:
    result = keeping_in_step.assess(
        gather(partnership(asks(A, B, [8, 8, 8], due_days=10) + asks(B, A, [2, 2, 2])), AS_OF)
    )
    assert [(f.id, f.severity, f.params["slow"]) for f in result.findings] == [
        ("keeping_in_step.slow_side", "warning", "Contoso")
    ]  # fmt: skip


def test_between_sides_equally_fast_the_one_late_against_its_due_dates_is_the_slower() -> None:
    log = asks(A, B, [4, 4, 4], due_days=5) + asks(B, A, [4, 4, 4], due_days=1)
    result = keeping_in_step.assess(gather(partnership(log), AS_OF))
    assert [f.params["slow"] for f in result.findings if f.id == "keeping_in_step.slow_side"] == ["Northwind"]


def test_no_requests_says_why_keeping_in_step_is_not_scored() -> None:
    result = keeping_in_step.assess(gather(partnership(gifts(A, [2])), AS_OF))
    assert result.reason == "Too few requests with answers logged to compare the sides' pace."


def test_contacts_that_all_lack_a_topic_are_empty_without_being_a_zombie() -> None:
    report = assess(partnership(contacts(8, with_topic=0)), AS_OF)
    assert (report.empty_contact_risk.level, report.empty_contact_risk.zombie) == ("high", False)
    assert report.diagnosis.id == "empty"


def test_building_after_an_outcome_expects_the_next_two_quarters_after_it() -> None:
    log = gifts(A, range(1, 10)) + gifts(B, range(1, 10))
    log += [act(dt.date(2026, m, 10), A if m % 4 else B, B if m % 4 else A, "project_won", value=20000,
                attribution="sourced", topic="Deal") for m in (2, 4, 6, 8)]  # fmt: skip
    diagnosis = assess(partnership(log), AS_OF).diagnosis
    assert (diagnosis.id, diagnosis.expect_outcomes_by) == ("building", dt.date(2027, 2, 10))


def test_before_the_start_the_headline_says_when_it_starts() -> None:
    diagnosis = assess(partnership(gifts(A, [2])), dt.date(2025, 12, 1)).diagnosis
    assert diagnosis.summary.startswith("Onboarding: the partnership starts on 2026-01-01;")


def test_an_agreed_split_is_no_reason_to_note_fifty_fifty() -> None:
    log = [act(dt.date(2026, 2, 2 + i), side, OTHER[side], "investment", value=1000, topic="Event")
           for side in (A, B) for i in range(3)]  # fmt: skip
    assert investment.assess(gather(partnership(log), AS_OF)).reason is None


def test_revenue_by_direction_is_kept_to_the_cent() -> None:
    target = {"outcomes": {"revenue": {"target": 10000, "by": "2026-12-31"}}}
    log = [act("2026-04-03", B, A, "revenue", value=1234.5, topic="Licence", attribution="sourced")]
    [revenue] = assess(partnership(log, success_factors=target), AS_OF).outcome.targets
    assert revenue.by_direction == {A: 0.0, B: 1234.5}


def test_a_portfolio_row_holds_fail_under_and_the_health_change(report: Assessment) -> None:
    low = edit(report, health={"score": 40.0, "band": "red"})
    assert [h.condition for h in checked("p.yaml", low, [], 50, ()).hits] == ["fail_under"]
    fell = low.model_copy(update={"compared_with": dt.date(2026, 8, 31), "movements": [
        Movement(id="health.fell", message="", params={"before": 45.5, "after": 40.0})]})  # fmt: skip
    assert checked("p.yaml", fell, [], None, ()).health_change == -5.5
    assert checked("p.yaml", low.model_copy(update={"compared_with": None}), [], None, ()).health_change is None


# -- survivors of a fourth sample --------------------------------------------------------------


def test_contacts_without_topics_are_the_headline_of_an_empty_partnership() -> None:
    summary = assess(partnership(contacts(8, with_topic=0)), AS_OF).diagnosis.summary
    assert summary.startswith("Empty: 100% of 8 contacts had no topic;")


def test_money_spent_without_a_result_is_kept_to_the_cent() -> None:
    log = [act("2026-03-03", A, B, "investment", topic="Booth", value=10.125)]
    assert assess(partnership(log), AS_OF).empty_contact_risk.money == 10.12


def test_hours_are_priced_to_the_cent() -> None:
    log = [act("2026-03-03", A, B, "support", topic="Setup", hours=1.125)]
    assert assess(partnership(log), AS_OF).reciprocity.given[A].hours_value == 112.5


def test_the_first_month_end_after_the_start_is_compared_with() -> None:
    loaded = partnership(gifts(A, [2]), started="2026-01-31")
    assert assess(loaded, dt.date(2026, 2, 20)).compared_with == dt.date(2026, 1, 31)
    assert assess(loaded, dt.date(2026, 1, 31)).compared_with is None


def test_the_agreed_share_of_investment_is_reported_as_a_fraction() -> None:
    log = [act(dt.date(2026, 2, 2 + i), side, OTHER[side], "investment", value=amount / 3, topic="Event")
           for side, amount in ((A, 9000), (B, 1000)) for i in range(3)]  # fmt: skip
    [off] = investment.assess(gather(partnership(log), AS_OF)).findings
    assert (off.params["heavy_share"], off.params["heavy_agreed"]) == (0.9, 0.5)


# -- survivors of a fifth sample ---------------------------------------------------------------


def test_a_zombie_caps_the_band_and_says_so() -> None:
    tidy = [act(dt.date(2025 + (m - 1) // 12, (m - 1) % 12 + 1, 10), A if m % 2 else B, B if m % 2 else A,
                "meeting", topic="Pipeline review", hours=2) for m in range(1, 22)]  # fmt: skip
    due = {"outcomes": {"projects_won": {"target": 4, "by": "2025-12-31"}}}
    lenient = ScoringParameters.model_validate({"bands": {"green": 1, "amber": 0.5}})
    report = assess(partnership(tidy, started="2025-01-01", success_factors=due), AS_OF, lenient)
    assert report.empty_contact_risk.zombie
    assert report.health.reason == "Band capped: no outcome for two quarters or more."


def test_small_facts_of_a_report_row_and_a_trend_point(report: Assessment) -> None:
    assert checked("p.yaml", report, [], None, ()).files == ("p.yaml",)
    assert point(report).reciprocity == report.reciprocity.index is not None
    checks = {c.id: c.message for c in report.readiness.checks}
    assert checks["sponsors"] == "A sponsor on both sides."
    assert checks["contacts"] == "Working-level contacts on both sides."
    assert checks["outcome_targets"] == "Outcome targets agreed."
    assert report.outcome.totals["projects_won"] == 1


def test_a_side_without_a_sponsor_is_cited_at_its_key() -> None:
    partners = definition()["partners"]
    del partners[B]["sponsor"]
    loaded = places(partnership(gifts(A, range(1, 4)) + gifts(B, range(1, 4)), partners=partners))
    result = anchoring.assess(gather(loaded, AS_OF))
    assert [[e.line for e in f.evidence] for f in result.findings if f.id == "anchoring.no_sponsor"] == [[16]]


# -- survivors of the seed-30 sample -----------------------------------------------------------


def test_an_empty_item_between_commas_is_skipped_not_the_end_of_the_list() -> None:
    assert parse_conditions(["red,,zombie", " ,one_way"]) == ("red", "zombie", "one_way")


def test_a_thriving_headline_quotes_the_outcome_score_rounded_half_up() -> None:
    log = gifts(A, range(1, 10)) + gifts(B, range(1, 10)) + anchored(range(1, 10))
    log += [act(dt.date(2026, m, 10), A, B, "project_won", value=20000, attribution="sourced", topic="Deal")
            for m in (3, 6)]  # fmt: skip
    report = assess(partnership(log), AS_OF)
    # 272 of 364 days: (0.747 - 0.25) / 0.75 x 4 projects = 2.65, so three expected; two won: 66.7
    assert report.outcome.score == 66.7
    assert report.diagnosis.id == "thriving"
    assert report.diagnosis.params["outcome"] == 67
    assert ", outcome 67 (joint campaigns 0, projects won 2, revenue 0 EUR)." in report.diagnosis.summary


def test_without_targets_an_outcome_is_recent_for_less_than_three_whole_months() -> None:
    """No outcome targets, so no outcome score: outcomes are strong while the last is under
    `diagnosis.recent_outcome_months` (3) whole months old. A project won on 10 June is two whole
    months old on 9 September (thriving) and three on 10 September (building); neither headline
    quotes an outcome score that does not exist."""
    log = gifts(A, range(1, 10)) + gifts(B, range(1, 10)) + anchored(range(1, 10))
    log += [act(dt.date(2026, 6, 10), A, B, "project_won", value=20000, attribution="sourced", topic="Deal")]
    loaded = partnership(log, success_factors={"outcomes": {}})
    thriving, building = (assess(loaded, dt.date(2026, 9, day)).diagnosis for day in (9, 10))
    assert thriving.summary == (
        "Thriving: influence 98; outcomes keep coming (joint campaigns 0, projects won 1, revenue 0 EUR, the last "
        "on 2026-06-10), though no outcome targets are agreed to score them against."
    )
    assert building.summary == (
        "Building: influence 98; the last outcome came on 2026-06-10 (joint campaigns 0, projects won 1, revenue "
        "0 EUR), and no outcome targets are agreed to measure the pace against; expect the next by 2026-12-10."
    )


def test_the_monthly_series_says_what_contacts_without_a_topic_cost_each_month() -> None:
    log = [act("2026-03-03", A, B, "meeting", hours=1), act("2026-03-10", B, A, "call", hours=2, travel_cost=30.5),
           act("2026-04-07", A, B, "meeting", hours=1, topic="Pipeline")]  # fmt: skip
    months = assess(partnership(log), dt.date(2026, 4, 30)).months
    # 1 h and 2 h at 100 EUR, and the travel of the call; April's meeting had a topic
    assert [(m.month, m.empty_contact_cost) for m in months] == [
        ("2026-01", 0.0), ("2026-02", 0.0), ("2026-03", 330.5), ("2026-04", 0.0)
    ]  # fmt: skip


def test_a_target_due_on_the_day_the_partnership_started_is_due_in_full_at_once() -> None:
    at_start = {"outcomes": {"projects_won": {"target": 2, "by": "2026-01-01"}}}
    outcome = assess(partnership(gifts(A, range(1, 10)), success_factors=at_start), AS_OF).outcome
    [won] = outcome.targets
    assert (won.expected_to_date, won.progress, outcome.score) == (2.0, 0.0, 0.0)


def test_a_side_without_a_rate_is_priced_at_the_stated_rate_to_the_cent() -> None:
    partners = definition()["partners"]
    partners[A]["hourly_rate"] = 97.25
    del partners[B]["hourly_rate"]
    report = assess(partnership([act("2026-03-03", B, A, "introduction", topic="Buyer")], partners=partners), AS_OF)
    [unpriced] = [f for f in report.findings if f.id == "readiness.no_hourly_rate"]
    assert unpriced.params["rate"] == 97.25
    # an introduction is worth 2 hours at the reference rate: 2 x 97.25
    assert report.reciprocity.given[B].contribution_value == 194.5


def test_exchange_counts_the_assessment_month_and_the_five_before_it() -> None:
    def executive(month: int, side: str) -> dict[str, Any]:
        return act(dt.date(2026, month, 5), side, OTHER[side], "meeting", level="executive", topic="Plan")

    working = [act(dt.date(2026, m, 3), side, OTHER[side], "meeting", level="working", topic="Plan")
               for m in range(1, 10) for side in (A, B)]  # fmt: skip
    inside = anchoring.assess(gather(partnership([*working, executive(4, A), executive(9, B)]), AS_OF))
    assert not [f for f in inside.findings if f.id == "anchoring.missing_exchange"]  # April to September
    outside = anchoring.assess(gather(partnership([*working, executive(3, A), executive(9, B)]), AS_OF))
    assert [f.params["from_side"] for f in outside.findings if f.id == "anchoring.missing_exchange"] == ["Northwind"]


# -- survivors of the seed-31 sample -----------------------------------------------------------


def test_the_monthly_series_says_what_each_side_gave_to_the_cent() -> None:
    log = [act("2026-02-03", A, B, "support", topic="Setup", hours=1, travel_cost=10.125)]
    months = assess(partnership(log), dt.date(2026, 2, 28)).months
    # an hour at 100 EUR, the travel, and support's worth of 4 hours at the reference rate of 100
    assert [(m.month, m.given) for m in months] == [("2026-01", {A: 0.0, B: 0.0}), ("2026-02", {A: 510.12, B: 0.0})]


def test_missing_targets_cite_where_success_factors_are_agreed() -> None:
    loaded = partnership(gifts(A, range(1, 4)), success_factors={})
    located = dataclasses.replace(loaded, places={("success_factors",): Origin("test.yaml", 30)})
    [missing] = [f for f in assess(located, AS_OF).findings if f.id == "outcome.no_targets"]
    assert (missing.severity, [e.line for e in missing.evidence]) == ("warning", [30])


def test_a_currency_without_a_default_rate_warns_for_each_side_without_a_rate() -> None:
    partners = definition()["partners"]
    for partner in partners.values():
        del partner["hourly_rate"]
    report = assess(partnership(gifts(A, range(1, 4)), partners=partners, currency="XAF"), AS_OF)
    unpriced = [(f.severity, f.params["side"]) for f in report.findings if f.id == "readiness.no_rate_for_currency"]
    assert sorted(unpriced) == [("warning", "Contoso"), ("warning", "Northwind")]
    assert {f.factor for f in report.findings if f.id == "readiness.no_rate_for_currency"} == {"readiness"}


def test_commitment_without_an_agreed_rhythm_says_it_is_judged_against_the_default() -> None:
    report = assess(partnership(gifts(A, range(1, 4)), review_every_days=None), AS_OF)
    [commitment] = [f for f in report.influence.factors if f.id == "commitment"]
    assert commitment.reason == "No review rhythm agreed; judged against the default rhythm."


def test_the_side_off_the_split_is_costed_to_the_cent() -> None:
    log = [act(dt.date(2026, 2, 2 + i), A, B, "meeting", topic="Visit", travel_cost=1000.125) for i in range(3)]
    log += [act("2026-02-20", B, A, "meeting", topic="Visit", travel_cost=100)]
    [off] = investment.assess(gather(partnership(log), AS_OF)).findings
    assert (off.params["heavy"], off.params["heavy_cost"], off.params["light_cost"]) == ("Northwind", 3000.38, 100.0)
    assert off.factor == "investment"


# -- survivors of the seed-32 sample -----------------------------------------------------------


def test_a_high_risk_with_nothing_to_score_influence_on_says_so_in_the_headline() -> None:
    due_early = {"outcomes": {"projects_won": {"target": 4, "by": "2026-02-06"}}}  # due from 2026-01-10
    log = [act(day, A, B, "meeting", topic="Plan", hours=1) for day in ("2026-02-03", "2026-03-03", "2026-05-05")]
    report = assess(partnership(log, success_factors=due_early, review_every_days=366), dt.date(2026, 6, 20))
    # five dry months: long drought (5 - 3) / 3 = 0.667, risk 66.7, high; three activities score no factor
    assert (report.empty_contact_risk.score, report.empty_contact_risk.zombie) == (66.7, False)
    assert report.diagnosis.summary == (
        "Empty: no outcome so far, and too little is logged to score the influence factors; "
        "empty-contact risk 67 (high)."
    )


def test_what_contacts_without_a_topic_cost_is_kept_to_the_cent() -> None:
    log = [act(dt.date(2026, 3, 2 + i), A, B, "meeting", travel_cost=0.125) for i in range(3)]
    report = assess(partnership(log), dt.date(2026, 3, 31))
    [empty] = [f for f in report.findings if f.id == "empty_contacts.no_substance"]
    assert empty.params["cost"] == report.empty_contact_risk.empty_cost == 0.38  # 3 x 0.125
    assert [m.empty_contact_cost for m in report.months if m.month == "2026-03"] == [0.38]


def test_a_zombie_reports_its_travel_and_cost_to_the_cent() -> None:
    tidy = [act(dt.date(2025 + (m - 1) // 12, (m - 1) % 12 + 1, 10), A if m % 2 else B, B if m % 2 else A,
                "meeting", topic="Pipeline review", hours=2, travel_cost=0.125) for m in range(1, 22)]  # fmt: skip
    due = {"outcomes": {"projects_won": {"target": 4, "by": "2025-12-31"}}}
    report = assess(partnership(tidy, started="2025-01-01", success_factors=due), AS_OF)
    [zombie] = [f for f in report.findings if f.id == "empty_contacts.zombie"]
    # 21 meetings of 2 hours at 100 EUR and 0.125 EUR of travel each
    assert (zombie.params["travel"], zombie.params["cost"]) == (2.62, 4202.62)
    assert report.empty_contact_risk.cost == 4202.62


def giving_of(log: list[dict[str, Any]], side: str, since: str, until: str) -> float:
    """What `side` spent on the activities of `log` from month `since` to `until` (YYYY-MM), at 100 EUR an hour."""
    return sum(100 * a.get("hours", 0) for a in log if a["from"] == side and since <= a["date"][:7] <= until)


def test_a_healed_street_is_costed_from_its_start_to_its_last_one_sided_month_and_said_to_have_healed() -> None:
    log = gifts(A, range(1, 4)) + gifts(B, range(1, 4)) + gifts(A, range(4, 10), per_month=3)
    log += gifts(B, range(10, 12), per_month=3) + gifts(A, range(10, 12), per_month=1)  # Northwind gives on
    report = assess(partnership(log), dt.date(2026, 11, 30))
    [street] = report.reciprocity.one_way.history
    assert street.ended == "healed"
    assert street.cost.total == giving_of(log, A, street.since, street.until)
    assert [f.id for f in report.findings if f.id.startswith("reciprocity.one_way")] == ["reciprocity.one_way_healed"]


def test_each_side_s_share_of_what_was_given_has_three_decimals() -> None:
    report = assess(partnership(gifts(A, range(1, 10), per_month=2) + gifts(B, range(1, 10), per_month=1)), AS_OF)
    assert (report.reciprocity.given[A].share, report.reciprocity.given[B].share) == (0.667, 0.333)


def test_the_slower_side_is_cited_by_its_slowest_answers_first() -> None:
    log = asks(A, B, [20, 2, 30]) + asks(B, A, [2, 2, 2])
    [slow] = keeping_in_step.assess(gather(partnership(log), AS_OF)).findings
    assert slow.params["slow"] == "Contoso"
    # Contoso was asked on 1, 13 and 25 March and answered after 20, 2 and 30 days
    assert [e.date for e in slow.evidence] == [dt.date(2026, 4, 24), dt.date(2026, 3, 21), dt.date(2026, 3, 15)]


def test_commitment_before_the_first_review_is_due_says_why_it_is_not_scored() -> None:
    # a monthly rhythm with slack is 37.5 days: 36 days after the start, no period is complete
    result = commitment.assess(gather(partnership(gifts(A, [1])), dt.date(2026, 2, 6)))
    assert (result.score, result.reason) == (None, "No review is due yet and none was held.")


# -- survivors of the seed-33 sample -----------------------------------------------------------


def test_building_with_too_little_logged_to_score_influence_says_so() -> None:
    late = {"outcomes": {"projects_won": {"target": 4, "by": "2027-12-31"}}}
    loaded = partnership(gifts(A, [2], per_month=1) + gifts(B, [3], per_month=1), kind="development",
                         success_factors=late, review_every_days=366)  # fmt: skip
    diagnosis = assess(loaded, dt.date(2026, 4, 1)).diagnosis
    assert (diagnosis.id, diagnosis.summary) == (
        "building",
        "Building: no outcome is due before 2026-12-31; too little is logged yet to score the influence factors.",
    )


def test_an_outcome_with_too_little_logged_to_score_influence_is_harvesting() -> None:
    log = [act("2026-03-20", A, B, "referral", topic="Intro", hours=1),
           act("2026-04-02", B, A, "referral", topic="Intro", hours=1),
           act("2026-04-05", A, B, "project_won", topic="Fabrikam", value=1000)]  # fmt: skip
    diagnosis = assess(partnership(log, review_every_days=366), dt.date(2026, 4, 15)).diagnosis
    assert (diagnosis.id, diagnosis.summary) == (
        "harvesting",
        "Harvesting: outcomes have come (joint campaigns 0, projects won 1, revenue 0 EUR), but too little is logged "
        "to show the influence behind them; results without influence do not last.",
    )


def test_the_diagnosis_reports_the_configured_cut_offs() -> None:
    stricter = ScoringParameters.model_validate({"diagnosis": {"influence_strong": 65, "outcome_strong": 70}})
    diagnosis = assess(partnership(gifts(A, range(1, 10))), AS_OF, stricter).diagnosis
    assert (diagnosis.influence_strong, diagnosis.outcome_strong) == (65, 70)


def test_a_zombie_reports_the_money_put_in_to_the_cent() -> None:
    tidy = [act(dt.date(2025 + (m - 1) // 12, (m - 1) % 12 + 1, 10), A if m % 2 else B, B if m % 2 else A,
                "meeting", topic="Pipeline review", hours=2) for m in range(1, 22)]  # fmt: skip
    tidy.append(act("2026-02-11", A, B, "investment", value=10.125, topic="Booth"))
    due = {"outcomes": {"projects_won": {"target": 4, "by": "2025-12-31"}}}
    report = assess(partnership(tidy, started="2025-01-01", success_factors=due), AS_OF)
    [zombie] = [f for f in report.findings if f.id == "empty_contacts.zombie"]
    assert (zombie.params["money"], report.empty_contact_risk.money) == (10.12, 10.12)


def test_readiness_says_a_response_time_was_agreed() -> None:
    checks = {c.id: c.message for c in assess(partnership([]), AS_OF).readiness.checks}
    assert checks["response_days"] == "A response time agreed."


def test_what_a_side_spent_without_giving_is_kept_to_the_cent() -> None:
    log = [act("2026-03-03", A, B, "meeting", topic="Visit", travel_cost=0.125), *gifts(A, [3])]
    assert assess(partnership(log), AS_OF).reciprocity.given[A].cost_not_given == 0.12


def test_balanced_giving_gives_no_reason_about_a_one_way_street(report: Assessment) -> None:
    assert report.reciprocity.one_way.reason is None and not report.reciprocity.one_way.detected


def test_reviews_held_in_half_the_periods_are_a_warning_and_fewer_an_error() -> None:
    # a monthly rhythm with slack is 37.5 days: 150 days after the start are four periods
    def reviews(*days_before: int) -> list[dict[str, Any]]:
        return [act(dt.date(2026, 5, 31) - dt.timedelta(days=d), A, B, "review", topic="Review") for d in days_before]

    def missed(*days_before: int) -> list[tuple[str, str, str]]:
        result = commitment.assess(gather(partnership(gifts(A, range(1, 6)) + reviews(*days_before)),
                                          dt.date(2026, 5, 31)))  # fmt: skip
        return [(f.severity, f.factor, f.message) for f in result.findings if f.id == "commitment.reviews_missed"]

    held = "Reviews were held in {} of the last 4 review periods of 30 days."
    assert missed(10, 50) == [("warning", "commitment", held.format(2))]
    assert missed(10) == [("error", "commitment", held.format(1))]


def test_investment_cites_the_heavy_side_s_costliest_activities_whenever_they_were() -> None:
    log = [act(dt.date(2026, 2, 2 + i), A, B, "support", hours=1, topic="Help", id=f"help{i}") for i in range(5)]
    log += [act("2026-03-02", A, B, "investment", value=5000, topic="Booth", id="booth"),
            act("2026-03-05", B, A, "support", hours=1, topic="Answer")]  # fmt: skip
    [off] = investment.assess(gather(partnership(log), AS_OF)).findings
    assert [e.activity for e in off.evidence] == ["booth", "help0", "help1", "help2", "help3"]
    assert off.params["light_share"] == round(100 / 5600, 3)  # an hour at 100 EUR of 5,600 EUR in all


def test_sides_in_step_but_late_are_each_told_the_agreed_days() -> None:
    log = asks(A, B, [1, 4, 4], due_days=1) + asks(B, A, [1, 4, 4], due_days=1)
    result = keeping_in_step.assess(gather(partnership(log), AS_OF))
    assert [f.params["agreed"] for f in result.findings if f.id == "keeping_in_step.late"] == [5, 5]


# -- survivors of the seed-34 sample -----------------------------------------------------------


def test_contacts_without_a_topic_are_cited_newest_first() -> None:
    log = [act(dt.date(2026, 3, 2 + i), A, B, "meeting", hours=1) for i in range(3)]
    log.append(act("2026-03-20", A, B, "meeting", hours=1, topic="Pipeline"))
    [empty] = [f for f in assess(partnership(log), AS_OF).findings if f.id == "empty_contacts.no_substance"]
    assert [e.line for e in empty.evidence] == [102, 101, 100]  # the builder puts activity i on line 100 + i


def test_influence_with_fewer_than_two_scored_factors_says_why() -> None:
    influence = assess(partnership(gifts(A, [2, 3], per_month=1)), AS_OF).influence  # two activities score neither
    assert [f.id for f in influence.factors if f.score is not None] == ["commitment"]
    assert (influence.score, influence.reason) == (None, "Too few influence factors could be scored.")
    # unscored, it still says who has been quiet: Contoso never worked (8 months), Northwind not since March
    assert (influence.quiet_side, influence.quiet_months, influence.freshness) == (B, 8, 0.125)


def test_a_resolved_warning_is_news_and_a_vanished_note_is_not(report: Assessment) -> None:
    note = [f for f in assess(partnership(gifts(A, range(1, 10)) + gifts(B, range(1, 10)) + [
        act(dt.date(2026, m, 20), A, B, "review", topic="Review") for m in range(1, 9)]), AS_OF).findings
        if f.severity == "info"]  # fmt: skip
    warnings = [f for f in report.findings if f.severity == "warning"]
    assert note and warnings
    with_both = report.model_copy(update={"findings": [*warnings, *note]})
    without = report.model_copy(update={"findings": []})
    resolved = [m.message for m in what_moved(with_both, without) if m.id == "finding.resolved"]
    assert resolved == [f"Resolved: {f.message}" for f in warnings]


def test_the_monthly_series_counts_each_month_s_outcomes() -> None:
    log = [act("2026-03-03", A, B, "joint_campaign", topic="Webinar"), act("2026-03-20", B, A, "revenue", value=10),
           act("2026-04-03", A, B, "project_won", topic="Deal")]  # fmt: skip
    months = assess(partnership(log), dt.date(2026, 4, 30)).months
    assert [(m.month, m.outcomes) for m in months] == [("2026-01", 0), ("2026-02", 0), ("2026-03", 2), ("2026-04", 1)]


def test_the_money_a_one_way_street_cost_is_kept_to_the_cent() -> None:
    log = gifts(A, range(1, 10)) + gifts(B, range(1, 4))
    log += [act(dt.date(2026, m, 27), A, B, "investment", topic="Booth", value=10.125) for m in range(4, 10)]
    one_way = assess(partnership(log), AS_OF).reciprocity.one_way
    assert one_way.detected and one_way.since is not None and one_way.cost is not None
    put_in = sum(a.get("value", 0) for a in log if a["type"] == "investment" and a["date"][:7] >= one_way.since)
    assert one_way.cost.money == round(put_in, 2) == 60.75


def test_a_healed_street_names_the_side_that_gave_back() -> None:
    log = gifts(A, range(1, 4)) + gifts(B, range(1, 4)) + gifts(A, range(4, 10), per_month=3)
    log += gifts(B, range(10, 12), per_month=3) + gifts(A, range(10, 12), per_month=1)
    [healed] = [f for f in assess(partnership(log), dt.date(2026, 11, 30)).findings
                if f.id == "reciprocity.one_way_healed"]  # fmt: skip
    assert healed.params["receiver"] == "Contoso" and healed.message.endswith("then Contoso gave back.")
    assert (healed.params["giver_key"], healed.params["receiver_key"]) == (A, B)  # what scripts match on
    assert healed.message.startswith("An earlier one-way street has healed: Northwind carried the partnership alone")


def test_a_trend_point_carries_the_band(report: Assessment) -> None:
    assert report.health.band is not None and point(report).band == report.health.band


def test_anchoring_findings_belong_to_anchoring_even_before_it_is_scored() -> None:
    partners = definition()["partners"]
    del partners[B]["sponsor"]
    few = anchoring.assess(gather(partnership(gifts(A, [2]), partners=partners), AS_OF))
    assert few.score is None and [(f.id, f.factor) for f in few.findings] == [("anchoring.no_sponsor", "anchoring")]
    alone = [act(dt.date(2026, 2, 1 + i), A, B, "meeting", topic="Plan", people=["Jonas Keller"]) for i in range(5)]
    result = anchoring.assess(gather(partnership(alone), AS_OF))
    assert [(f.id, f.factor) for f in result.findings] == [("anchoring.single_person", "anchoring")]


def test_money_without_hours_costs_only_the_money_when_the_costliest_are_cited() -> None:
    log = [act("2026-02-02", A, B, "investment", value=150, topic="Flyers", id="flyers"),
           act("2026-02-09", A, B, "support", hours=2, topic="Setup", id="setup"),
           *[act(dt.date(2026, 2, 12 + i), A, B, "content", hours=1, topic="Post", id=f"post{i}") for i in range(3)],
           act("2026-03-02", B, A, "support", hours=0.5, topic="Answer")]  # fmt: skip
    [off] = investment.assess(gather(partnership(log), AS_OF)).findings
    assert [e.activity for e in off.evidence][:2] == ["setup", "flyers"]  # 2 h at 100 EUR before 150 EUR


def test_a_factor_at_zero_is_weaker_than_one_at_half_a_point() -> None:
    log = [act(dt.date(2026, 2, 2 + i), A, B, "support", hours=1.33, topic="Help") for i in range(3)]
    log.append(act("2026-02-20", B, A, "support", hours=0.01, topic="Tip"))
    report = assess(partnership(log), AS_OF)
    # Contoso carries 1 of 400 EUR against an agreed half: 100 x (1 - 0.995) = 0.5; no review at all: 0
    assert {f.id: f.score for f in report.influence.factors} == {
        "anchoring": 100.0, "keeping_in_step": None, "investment": 0.5, "commitment": 0.0
    }  # fmt: skip
    assert "(weakest: Commitment 0)" in report.diagnosis.summary


# -- survivors of the seed-35 sample -----------------------------------------------------------


def test_one_activity_after_the_last_outcome_is_effort_enough_for_a_zombie() -> None:
    log = [act("2026-02-10", A, B, "project_won", topic="Deal"), act("2026-03-03", A, B, "meeting", topic="Plan")]
    risk = assess(partnership(log), dt.date(2026, 10, 15)).empty_contact_risk
    # due from 2026-04-02, later than the outcome: six whole months by 15 October
    assert (risk.months_without_outcome, risk.zombie) == (6, True)


def test_every_month_of_the_trend_uses_the_configured_valuation() -> None:
    loaded = partnership(gifts(A, [1, 2, 3]) + gifts(B, [1, 2, 3]))
    doubled = ScoringParameters.model_validate({"valuation": {"contribution_hours": {"referral": 8}}})
    default, configured = monthly(loaded, dt.date(2026, 3, 31)), monthly(loaded, dt.date(2026, 3, 31), doubled)
    for plain, valued in zip(default, configured, strict=True):
        # each referral is worth 8 hours at 100 EUR instead of 4
        assert valued.reciprocity.given[A].contribution_value == 2 * plain.reciprocity.given[A].contribution_value > 0


def test_two_scored_factors_are_enough_for_an_influence_score() -> None:
    influence = assess(partnership(gifts(A, [2, 3]), review_every_days=366), AS_OF).influence
    assert [f.id for f in influence.factors if f.score is not None] == ["anchoring", "investment"]
    assert influence.factors_score is not None and influence.reason is not None  # scored, and scaled for the quiet


def test_a_new_finding_in_what_moved_carries_the_finding_s_own_figures(report: Assessment) -> None:
    [warning, *_] = [f for f in report.findings if f.severity == "warning"]
    with_it = report.model_copy(update={"findings": [warning]})
    [new] = [m for m in what_moved(report.model_copy(update={"findings": []}), with_it) if m.id == "finding.new"]
    assert new.params["finding"] == warning.id and warning.params
    assert {k: v for k, v in new.params.items() if k.startswith("finding.")} == {
        f"finding.{name}": value for name, value in warning.params.items()
    }


# -- survivors of the seed-36 sample, and the other figures kept to the cent -------------------


def test_shares_of_what_was_given_are_reported_however_small_the_amounts() -> None:
    partners = definition()["partners"]
    for partner in partners.values():
        partner["hourly_rate"] = 0.01
    log = gifts(A, [2]) + gifts(B, [3, 4], per_month=1)
    given = assess(partnership(log, partners=partners), AS_OF).reciprocity.given
    # each referral: 2 hours at 0.01 and 4 hours' worth at 0.01, 0.06 in all; 0.12 a side, 0.24 together
    assert (given[A].value, given[A].share, given[B].share) == (0.12, 0.5, 0.5)


def test_a_one_way_street_finding_names_both_partner_keys() -> None:
    log = gifts(A, range(1, 10)) + gifts(B, range(1, 4))
    [street] = [f for f in assess(partnership(log), AS_OF).findings if f.id == "reciprocity.one_way_street"]
    assert (street.params["giver_key"], street.params["receiver_key"]) == (A, B)


def test_lopsided_giving_is_reported_to_the_cent() -> None:
    log = gifts(A, range(1, 10), per_month=4) + gifts(B, range(1, 10), per_month=1)
    log.append(act("2026-05-05", A, B, "support", topic="Setup", hours=0.125))
    [lopsided] = [f for f in assess(partnership(log), AS_OF).findings if f.id == "reciprocity.lopsided"]
    # 36 referrals at 600 EUR, and the support: 12.50 EUR of time and 400 EUR of worth
    assert (lopsided.params["larger_value"], lopsided.params["smaller_value"]) == (22012.5, 5400.0)


def test_a_trend_of_nothing_is_refused() -> None:
    with pytest.raises(ValueError, match=r"^a trend needs at least one assessment$"):
        summarize([])


def test_a_zombie_reports_its_hours_to_the_hundredth() -> None:
    tidy = [act(dt.date(2025 + (m - 1) // 12, (m - 1) % 12 + 1, 10), A if m % 2 else B, B if m % 2 else A,
                "meeting", topic="Pipeline review", hours=0.125) for m in range(1, 22)]  # fmt: skip
    due = {"outcomes": {"projects_won": {"target": 4, "by": "2025-12-31"}}}
    report = assess(partnership(tidy, started="2025-01-01", success_factors=due), AS_OF)
    [zombie] = [f for f in report.findings if f.id == "empty_contacts.zombie"]
    assert zombie.params["hours"] == report.empty_contact_risk.hours == round(21 * 0.125, 2)


def test_the_share_of_empty_contacts_has_three_decimals() -> None:
    report = assess(partnership(contacts(3, with_topic=1)), AS_OF)
    [empty] = [f for f in report.findings if f.id == "empty_contacts.no_substance"]
    assert report.empty_contact_risk.empty_share == empty.params["share"] == 0.667  # two of three


def test_revenue_expected_so_far_is_kept_to_the_cent() -> None:
    target = {"outcomes": {"revenue": {"target": 10000, "by": "2026-12-31"}}}
    [revenue] = assess(partnership(gifts(A, [2]), success_factors=target), AS_OF).outcome.targets
    assert revenue.expected_to_date == round(10000 * (272 / 364 - 0.25) / 0.75, 2) == 6630.04


def test_the_share_of_the_one_person_a_side_hangs_on_has_three_decimals() -> None:
    log = [act(dt.date(2026, 2, 1 + i), A, B, "meeting", topic="Plan", people=["Jonas Keller"]) for i in range(5)]
    log.append(act("2026-02-09", A, B, "meeting", topic="Plan", people=["Mia Braun"]))
    [single] = anchoring.assess(gather(partnership(log), AS_OF)).findings
    assert (single.params["person"], single.params["share"]) == ("Jonas Keller", 0.833)  # five of six


def test_a_one_way_street_costs_its_hours_to_the_hundredth() -> None:
    log = gifts(A, range(1, 10)) + gifts(B, range(1, 4))
    log += [act(dt.date(2026, m, 27), A, B, "meeting", topic="Visit", hours=0.123456) for m in range(4, 10)]
    one_way = assess(partnership(log), AS_OF).reciprocity.one_way
    assert one_way.detected and one_way.since is not None and one_way.cost is not None
    hours = sum(a.get("hours", 0) for a in log if a["from"] == A and a["date"][:7] >= one_way.since)
    assert one_way.cost.hours == round(hours, 2) != round(hours, 3)
    assert one_way.cost.hours_value == round(100 * hours, 2) != round(100 * hours, 3)  # at 100 EUR an hour


# -- survivors of the seed-37 sample -----------------------------------------------------------


def test_a_factor_at_exactly_thirty_is_not_broken(report: Assessment) -> None:
    params = ScoringParameters().diagnosis

    def with_investment(score: float) -> Any:
        factors = [f.model_copy(update={"score": score if f.id == "investment" else 100.0})
                   for f in report.influence.factors]  # fmt: skip
        return report.influence.model_copy(update={"factors": factors, "score": 80.0})

    assert influence_strong(with_investment(30.0), params)
    assert not influence_strong(with_investment(29.9), params)


def test_factors_all_weighted_zero_leave_influence_unscored() -> None:
    zero = {name: 0 for name in ("anchoring", "keeping_in_step", "investment", "commitment")}
    unweighted = ScoringParameters.model_validate({"profiles": {"joint_market": {"weights": zero}}})
    report = assess(partnership(gifts(A, range(1, 10)) + gifts(B, range(1, 10))), AS_OF, unweighted)
    assert len([f for f in report.influence.factors if f.score is not None]) >= 2
    assert (report.influence.score, report.influence.reason) == (None, "Too few influence factors could be scored.")


def test_the_agreed_share_off_the_split_is_reported_as_agreed_to_three_decimals() -> None:
    log = [act(dt.date(2026, 2, 2 + i), A, B, "investment", value=3000, topic="Event") for i in range(3)]
    log.append(act("2026-02-20", B, A, "investment", value=1000, topic="Event"))
    split = {"outcomes": {}, "influence": {"cost_split": {A: 1, B: 2}}}
    [off] = investment.assess(gather(partnership(log, success_factors=split), AS_OF)).findings
    assert (off.params["heavy"], off.params["heavy_share"], off.params["heavy_agreed"]) == ("Northwind", 0.9, 0.333)


# -- survivors of the seed-38 sample -----------------------------------------------------------


def test_influence_at_the_configured_cut_off_is_strong() -> None:
    log = gifts(A, range(1, 10)) + gifts(B, range(1, 10))
    log += [act(dt.date(2026, m, 12), A, B, "investment", value=3000, topic="Booth") for m in range(1, 10)]
    log.append(act("2026-03-10", A, B, "project_won", value=20000, attribution="sourced", topic="Deal"))
    report = assess(partnership(log), AS_OF)
    assert (report.influence.score, report.influence.freshness, report.outcome.score) == (40.4, 1.0, 33.3)

    def diagnosis_with_cut(cut: float) -> str:
        params = ScoringParameters.model_validate({"diagnosis": {"influence_strong": cut, "factor_floor": 0}})
        return assess(partnership(log), AS_OF, params).diagnosis.id

    # at the cut-off influence is strong, so an outcome behind plan is not harvesting (here: a high risk, empty)
    assert (diagnosis_with_cut(40.4), diagnosis_with_cut(40.5)) == ("empty", "harvesting")


def test_outcomes_while_one_side_has_stopped_working_name_that_side_and_its_quiet_months() -> None:
    log = gifts(A, [1, 2, 3]) + gifts(B, [1, 2, 3])
    log += [act(dt.date(2026, m, 15), A, B, "meeting", topic="Plan", hours=1) for m in range(4, 13)]
    log.append(act("2026-08-10", B, A, "project_won", topic="Deal", value=1000))
    report = assess(partnership(log), dt.date(2026, 12, 31))
    # Contoso's last work was in March: nine whole months, 0.5 ^ ((9 - 2) / 2) = 0.088
    assert (report.influence.quiet_side, report.influence.quiet_months, report.influence.freshness) == (B, 9, 0.088)
    assert report.diagnosis.id == "harvesting"
    assert "but Contoso has done no work for the partnership for 9 months" in report.diagnosis.summary


def test_revenue_by_direction_adds_up_each_side_s_revenue() -> None:
    target = {"outcomes": {"revenue": {"target": 10000, "by": "2026-12-31"}}}
    log = [act("2026-04-03", B, A, "revenue", value=1000, topic="Licence"),
           act("2026-05-03", B, A, "revenue", value=500, topic="Licence"),
           act("2026-06-03", A, B, "revenue", value=250, topic="Service")]  # fmt: skip
    [revenue] = assess(partnership(log, success_factors=target), AS_OF).outcome.targets
    assert revenue.by_direction == {A: 250.0, B: 1500.0}


def test_a_perception_gap_names_the_side_that_rates_lower_first() -> None:
    surveys = [{"date": "2026-06-30", "by": A, "ratings": {"keeping_in_step": 1}},
               {"date": "2026-06-30", "by": B, "ratings": {"keeping_in_step": 4}}]  # fmt: skip
    [gap] = [f for f in assess(partnership(gifts(A, [2]), surveys=surveys), AS_OF).findings if f.id == "perception.gap"]
    assert gap.message == "The sides see Keeping in step differently: Northwind rates it 1, Contoso rates it 4."
    assert (gap.params["factor_id"], gap.params["gap"]) == ("keeping_in_step", 3)


def test_actions_that_name_nobody_and_were_not_followed_name_no_owner() -> None:
    log = [act("2026-03-02", A, B, "review", topic="Review", actions=["Plan the webinar"]),
           act("2026-05-20", A, B, "support", topic="Setup", hours=1)]  # fmt: skip
    [missed] = [f for f in assess(partnership(log), AS_OF).findings if f.id == "commitment.actions_not_followed"]
    assert missed.message == "Actions agreed in 1 of 1 reviews were not followed by work within 30 days."


# -- survivors of the seed-39 sample -----------------------------------------------------------


def test_on_the_day_outcomes_fall_due_they_are_due() -> None:
    late = {"outcomes": {"projects_won": {"target": 4, "by": "2027-12-31"}},
            "influence": {"response_days": 5, "cost_split": {A: 50, B: 50}}}  # fmt: skip
    loaded = partnership(gifts(A, range(1, 13)) + gifts(B, range(1, 13)) + anchored(range(1, 13)),
                         kind="development", success_factors=late)  # fmt: skip
    report = assess(loaded, dt.date(2026, 12, 31))
    assert report.outcome.due_from == dt.date(2026, 12, 31)  # half of the 729 days to 2027-12-31
    assert report.diagnosis.id == "building"
    assert "outcomes have been due since 2026-12-31 and none has come yet" in report.diagnosis.summary


# -- survivors of the fresh seeds 40 to 44, read after they were measured ----------------------


def test_a_red_band_is_never_thriving() -> None:
    log = gifts(A, range(1, 10)) + gifts(B, range(1, 10)) + anchored(range(1, 10))
    log += [act(dt.date(2026, m, 10), A, B, "project_won", value=20000, attribution="sourced", topic="Deal")
            for m in (3, 6)]  # fmt: skip
    log.append(act("2026-07-07", A, B, "joint_campaign", topic="Webinar"))
    report = assess(partnership(log), AS_OF)
    assert report.diagnosis.summary == (
        "Thriving: influence 98, outcome 67 (joint campaigns 1, projects won 2, revenue 0 EUR)."
    )
    harsh = ScoringParameters.model_validate({"bands": {"green": 100, "amber": 99.9}})
    red = assess(partnership(log), AS_OF, harsh)
    assert (red.health.band, red.diagnosis.id) == ("red", "building")


def test_a_one_way_headline_names_the_side_that_gives_back_little() -> None:
    summary = assess(partnership(gifts(A, range(1, 10)) + gifts(B, range(1, 4))), AS_OF).diagnosis.summary
    assert summary.startswith("One-way street: Northwind has carried the partnership alone since")
    assert summary.endswith("; Contoso gave back 0% of the value.")


def test_influence_exactly_at_the_cut_off_with_no_broken_factor_is_strong(report: Assessment) -> None:
    sound = [f.model_copy(update={"score": 100.0}) for f in report.influence.factors]
    params = ScoringParameters().diagnosis
    assert influence_strong(report.influence.model_copy(update={"factors": sound, "score": 60.0}), params)
    assert not influence_strong(report.influence.model_copy(update={"factors": sound, "score": 59.9}), params)


def test_health_is_scored_when_the_scored_components_carry_exactly_half_the_weight() -> None:
    loaded = partnership(gifts(A, range(1, 10)) + gifts(B, range(1, 10)) + [
        act("2026-05-04", A, B, "project_won", value=20000, attribution="sourced", topic="Fabrikam")])  # fmt: skip
    # keeping in step (no requests) is the only unscored component: 9 of 18
    half = ScoringParameters.model_validate({"profiles": {"joint_market": {"weights": {"keeping_in_step": 9}}}})
    report = assess(loaded, AS_OF, half)
    assert [f.id for f in report.influence.factors if f.score is None] == ["keeping_in_step"]
    assert report.health.score is not None


def test_new_revenue_is_said_with_its_amount(report: Assessment) -> None:
    before = edit(report, outcome={"totals": {"projects_won": 1.0, "revenue": 1000.0, "joint_campaigns": 0.0}})
    after = edit(report, outcome={"totals": {"projects_won": 1.0, "revenue": 1500.0, "joint_campaigns": 0.0}})
    assert moved(before, after)["outcomes.new"]["message"] == (
        f"New outcomes since {AS_OF}: joint campaigns 0, projects won 0, revenue 500 EUR."
    )


def test_a_street_detected_and_ended_is_said_with_both_partners(report: Assessment) -> None:
    street = {"detected": True, "giver": A, "receiver": B, "since": "2026-03", "months": 7,
              "cost": Cost(hours=1, hours_value=100, money=0, travel=0, total=100)}  # fmt: skip
    running = edit(report, reciprocity={"one_way": report.reciprocity.one_way.model_copy(update=street)})
    assert moved(report, running)["one_way.detected"]["giver_key"] == A
    assert moved(running, report)["one_way.ended"]["message"] == "The one-way street has ended: Contoso gives again."


def test_revenue_by_direction_keeps_two_decimals() -> None:
    target = {"outcomes": {"revenue": {"target": 10000, "by": "2026-12-31"}}}
    log = [act("2026-04-03", B, A, "revenue", value=1234.567, topic="Licence")]
    [revenue] = assess(partnership(log, success_factors=target), AS_OF).outcome.targets
    assert revenue.by_direction == {A: 0.0, B: 1234.57}


def test_a_one_day_target_expects_nothing_on_the_start_day() -> None:
    tomorrow = {"outcomes": {"projects_won": {"target": 2, "by": "2026-01-02"}}}
    [won] = assess(partnership([], success_factors=tomorrow), dt.date(2026, 1, 1)).outcome.targets
    assert (won.expected_to_date, won.progress) == (0.0, None)


def test_a_street_whose_giving_stopped_is_a_reciprocity_note_that_says_so() -> None:
    log = gifts(A, range(1, 4)) + gifts(B, range(1, 4)) + gifts(A, range(4, 9), per_month=3)
    findings = assess(partnership(log), dt.date(2026, 12, 31)).findings
    assert [(f.id, f.factor, f.severity) for f in findings if f.id.startswith("reciprocity.one_way")] == [
        ("reciprocity.one_way_stopped", "reciprocity", "info")
    ]  # fmt: skip


def test_what_a_side_gave_is_valued_to_the_cent() -> None:
    log = [act("2026-03-03", A, B, "support", topic="Setup", value=10.125, travel_cost=0.0125, hours=1),
           *gifts(B, [4])]  # fmt: skip
    # an hour at 100, the money, the travel and support's 4 hours' worth at 100: 510.1375
    assert assess(partnership(log), AS_OF).reciprocity.given[A].value == 510.14


def test_anchoring_with_too_few_activities_says_why() -> None:
    result = anchoring.assess(gather(partnership(gifts(A, [2])), AS_OF))
    assert (result.score, result.reason) == (
        None,
        "Too few activities logged to see whether the partnership is anchored.",
    )


def test_an_overdue_review_without_any_review_says_there_was_none() -> None:
    [overdue] = [f for f in assess(partnership(gifts(A, [1])), dt.date(2026, 3, 31)).findings
                 if f.id == "commitment.review_overdue"]  # fmt: skip
    assert overdue.message == "No review for 89 days (last: -); the agreed rhythm is every 30 days."


def test_an_overdue_review_belongs_to_commitment_and_cites_the_last_review_held() -> None:
    reviews = [act(f"2026-0{m}-20", A, B, "review", topic="Review", id=f"review-{m}") for m in (1, 2)]
    [overdue] = [f for f in assess(partnership(reviews), dt.date(2026, 5, 31)).findings
                 if f.id == "commitment.review_overdue"]  # fmt: skip
    assert (overdue.factor, [e.activity for e in overdue.evidence]) == ("commitment", ["review-2"])
    assert overdue.message == "No review for 100 days (last: 2026-02-20); the agreed rhythm is every 30 days."


def test_a_review_held_before_the_first_period_ends_counts_in_full() -> None:
    result = commitment.assess(gather(partnership([act("2026-01-20", A, B, "review", topic="Kick-off")]),
                                      dt.date(2026, 2, 6)))  # fmt: skip
    assert result.score == 100.0


def test_a_side_agreed_to_carry_nothing_is_not_short_of_its_share() -> None:
    split = {"outcomes": {}, "influence": {"cost_split": {A: 100, B: 0}}}
    result = investment.assess(gather(partnership(gifts(A, [2, 3]), success_factors=split), AS_OF))
    assert (result.score, result.findings) == (100.0, [])


def test_sides_off_the_split_are_named_by_their_keys_too() -> None:
    log = [act(dt.date(2026, 2, 2 + i), A, B, "investment", value=3000, topic="Event") for i in range(3)]
    log.append(act("2026-02-20", B, A, "investment", value=1000, topic="Event"))
    [off] = investment.assess(gather(partnership(log), AS_OF)).findings
    assert (off.params["heavy_key"], off.params["light_key"]) == (A, B)


def test_keeping_in_step_at_exactly_forty_is_a_warning() -> None:
    log = asks(B, A, [3, 3, 3], due_days=5) + asks(A, B, [5, 5, 5], due_days=1)
    result = keeping_in_step.assess(gather(partnership(log), AS_OF))
    # balance (3 + 5) / (5 + 5) = 0.8, Contoso met none of its deadlines: 100 x (0.4 + 0) = 40
    assert (result.score, [(f.id, f.severity) for f in result.findings]) == (
        40.0, [("keeping_in_step.slow_side", "warning")]
    )  # fmt: skip


# -- survivors of the fresh seeds 60 and 61 -------------------------------------------------------


def test_outcomes_are_due_from_the_end_of_the_ramp_with_or_without_a_score() -> None:
    """No targets: the ramp of the default year, a quarter of 365 days from 1 January (2 April). The
    default target not yet due: the ramp of its 364 days, the same day. Neither has a score, and the
    building headline needs the day either way."""
    untargeted = assess(partnership(gifts(A, [1]), success_factors={"outcomes": {}}), dt.date(2026, 3, 31)).outcome
    not_due = assess(partnership(gifts(A, [1])), dt.date(2026, 3, 31)).outcome
    assert (untargeted.score, untargeted.reason, untargeted.due_from) == (
        None, "No outcome targets agreed.", dt.date(2026, 4, 2))  # fmt: skip
    assert (not_due.score, not_due.reason, not_due.due_from) == (None, "No target is due yet.", dt.date(2026, 4, 2))


def test_a_health_too_early_to_score_still_shows_the_weights_it_will_use() -> None:
    health = assess(partnership([]), dt.date(2026, 3, 31)).health
    assert (health.score, health.reason) == (None, "Too little evidence yet for a health score.")
    assert health.weights == {"anchoring": 1.0, "keeping_in_step": 1.0, "investment": 1.0, "commitment": 1.0,
                              "outcome": 3.0, "reciprocity": 2.0, "empty_contacts": 1.0}  # fmt: skip


def test_a_portfolio_row_says_no_health_change_when_health_was_first_scored_and_zero_when_other_things_moved(
    report: Assessment,
) -> None:
    compared = report.model_copy(update={"compared_with": dt.date(2026, 8, 31)})
    first = compared.model_copy(update={"movements": [Movement(id="health.scored", message="", params={})]})
    shift = Movement(id="factor.moved", message="", params={"factor": "investment", "before": 80.0, "after": 70.0})
    other = compared.model_copy(update={"movements": [shift]})
    assert checked("p.yaml", first, [], None, ()).health_change is None
    assert checked("p.yaml", other, [], None, ()).health_change == 0.0


def test_an_outcome_that_came_before_any_was_due_is_named_in_the_building_headline() -> None:
    """A development partnership with its first target at the end of 2027: outcomes are due from
    a quarter of the way there (the ramp of 0.5 for development: 2026-12-31 from 2026-01-01 to
    2027-12-31); a project won in May is early, and the headline names it and expects the next."""
    due = {"outcomes": {"projects_won": {"target": 4, "by": "2027-12-31"}}}
    log = gifts(A, range(1, 10)) + gifts(B, range(1, 10)) + anchored(range(1, 10))
    log += [act("2026-05-04", A, B, "project_won", value=20000, attribution="sourced", topic="Pilot")]
    diagnosis = assess(partnership(log, kind="development", success_factors=due), AS_OF).diagnosis
    assert diagnosis.id == "building"
    assert diagnosis.summary == (
        "Building: influence 99; outcomes have come early (joint campaigns 0, projects won 1, revenue 0 EUR), none is "
        "due before 2026-12-31, expect the next by 2027-06-30."
    )


# -- survivors of the fresh seed 62 ---------------------------------------------------------------


def test_on_the_day_it_starts_a_partnership_has_started() -> None:
    started = assess(partnership([]), dt.date(2026, 1, 1)).diagnosis.summary
    assert started == (
        "Onboarding: started on 2026-01-01, too early to judge results before 2026-03-02; readiness 100 of 100."
    )
    assert assess(partnership([]), dt.date(2025, 12, 31)).diagnosis.summary == (
        "Onboarding: the partnership starts on 2026-01-01; readiness 100 of 100.")  # fmt: skip


def test_a_weight_at_the_bound_is_accepted_and_one_above_it_refused() -> None:
    at_bound = ScoringParameters.model_validate({"profiles": {"development": {"weights": {"investment": 1000}}}})
    assert at_bound.profile(Kind.development).weight("investment") == 1000
    with pytest.raises(ValidationError, match=re.escape("weight of 'investment' out of range (found 1001")):
        ScoringParameters.model_validate({"profiles": {"development": {"weights": {"investment": 1001}}}})


def test_a_building_partnership_with_outcomes_due_and_none_yet_is_told_when_to_expect_the_first() -> None:
    log = gifts(A, range(1, 6)) + gifts(B, range(1, 6)) + anchored(range(1, 6))
    diagnosis = assess(partnership(log), dt.date(2026, 5, 15)).diagnosis
    assert diagnosis.summary == (
        "Building: influence 98; outcomes have been due since 2026-04-02 and none has come yet, expect the first "
        "by 2026-10-02."
    )
    assert diagnosis.expect_outcomes_by == dt.date(2026, 10, 2)
