"""The assessment as a whole: the examples' verdicts, and what a consultant reads off a report."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pydantic import ValidationError

from builders import A, B, act, partnership
from coopcheck.assessment.engine import assess
from coopcheck.assessment.model import Assessment
from coopcheck.assessment.parameters import ScoringParameters
from coopcheck.findings import SEVERITY_RANK, TEMPLATES
from coopcheck.loading import load_partnership
from coopcheck.models import Kind
from support import EXAMPLES

AS_OF = dt.date(2026, 11, 28)


def example(name: str) -> Assessment:
    result = load_partnership(EXAMPLES / f"{name}.yaml")
    assert result.partnership is not None, [str(d) for d in result.diagnostics]
    return assess(result.partnership, AS_OF)


def weakest_factor(assessment: Assessment) -> str:
    scored = [f for f in assessment.influence.factors if f.score is not None]
    return min(scored, key=lambda f: f.score or 0).id


# -- the examples tell their stories ----------------------------------------------------------


def test_thriving_is_green_and_thriving() -> None:
    report = example("thriving")
    assert (report.health.band, report.diagnosis.id) == ("green", "thriving")
    assert report.reciprocity.index is not None and report.reciprocity.index > 0.9
    assert not report.reciprocity.one_way.detected
    assert all(f.score is not None and f.score >= 80 for f in report.influence.factors)
    assert report.empty_contact_risk.level == "low"
    assert report.perception_gaps == []
    assert report.readiness.score == 100


def test_one_way_street_names_the_giver_the_onset_and_the_cost() -> None:
    report = example("one-way-street")
    one_way = report.reciprocity.one_way
    assert (one_way.detected, one_way.giver, one_way.receiver) == (True, "kranich", "lumen")
    since = dt.date.fromisoformat(f"{one_way.since}-01")
    assert abs((since.year - 2026) * 12 + since.month - 2) <= 1  # the story: only Kranich gives from February
    assert one_way.months == 10
    assert one_way.cost is not None
    assert (one_way.cost.hours, one_way.cost.travel, one_way.cost.money) == (375.5, 3210.0, 29900.0)
    assert one_way.cost.total == 80047.5
    assert report.health.band in ("amber", "red")
    finding = next(f for f in report.findings if f.id == "reciprocity.one_way_street")
    assert finding.severity == "error" and "Kranich IT-Services GmbH" in finding.message
    assert {gap.factor for gap in report.perception_gaps} >= {"keeping_in_step", "investment"}


def test_empty_is_diagnosed_empty_with_high_risk_and_priced() -> None:
    report = example("empty")
    risk = report.empty_contact_risk
    assert report.diagnosis.id == "empty"
    assert (risk.level, risk.zombie) == ("high", True)
    assert risk.empty_share is not None and risk.empty_share >= 0.69
    assert 44_000 <= risk.cost <= 45_500  # about EUR 44,800 of hours and travel, no outcome ever
    # Outcomes fell due after a quarter of the first target's period (2025-11-03 to 2026-06-30): 2026-01-02.
    assert report.outcome.due_from == dt.date(2026, 1, 2)
    assert risk.last_outcome is None and risk.months_without_outcome == 10
    assert report.health.band == "red"
    assert not report.reciprocity.one_way.detected
    assert next(f for f in report.influence.factors if f.id == "keeping_in_step").score is None
    assert {c.id for c in report.readiness.checks if not c.ok} == {"contacts"}


def test_out_of_step_has_keeping_in_step_weakest_and_names_the_slow_side() -> None:
    report = example("out-of-step")
    assert weakest_factor(report) == "keeping_in_step"
    slow = next(f for f in report.findings if f.id == "keeping_in_step.slow_side")
    assert slow.params["slow_key"] == "kodex" and slow.params["slow_days"] == 24.5
    assert slow.params["fast_days"] == 2 and slow.params["slow_on_time"] == 0
    assert slow.message.startswith("Kodex Software s.r.o. is the slower side")
    assert report.health.band == "amber"
    assert not report.reciprocity.one_way.detected
    assert [g.factor for g in report.perception_gaps] == ["keeping_in_step"]


def test_readiness_is_onboarding_with_nothing_scored_from_an_empty_log() -> None:
    report = example("readiness")
    assert report.diagnosis.id == "onboarding"
    assert report.readiness.score == 100 and all(c.ok for c in report.readiness.checks)
    assert all(f.score is None and f.reason for f in report.influence.factors)
    assert report.health.score is None and report.health.reason
    assert report.outcome.score is None and report.reciprocity.index is None
    assert report.empty_contact_risk.score is None
    assert [(f.id, f.params["key"]) for f in report.findings] == [("readiness.no_hourly_rate", "vireo")]


@pytest.mark.parametrize("name", ["thriving", "one-way-street", "empty", "out-of-step", "readiness"])
def test_findings_are_ordered_cited_and_come_with_a_lever(name: str) -> None:
    report = example(name)
    ranks = [SEVERITY_RANK[f.severity] for f in report.findings]
    assert ranks == sorted(ranks)
    for finding in report.findings:
        assert finding.id in TEMPLATES and finding.remediation
        assert len(finding.evidence) <= 5
        for cited in finding.evidence:
            lines = Path(cited.file).read_text(encoding="utf-8").splitlines()
            assert 1 <= cited.line <= len(lines)
            if cited.activity:
                assert cited.activity in "\n".join(lines[cited.line - 1 : cited.line + 1])


# -- behaviour on small partnerships ----------------------------------------------------------


def giving(side: str, other: str, months: range, per_month: int = 2) -> list[dict]:  # type: ignore[type-arg]
    return [
        act(dt.date(2026, m, 3 + 5 * i), side, other, "referral", topic=f"Lead {m}-{i}", hours=2)
        for m in months
        for i in range(per_month)
    ]


def test_one_way_street_needs_enough_evidence_before_a_verdict() -> None:
    two_events = partnership(giving(A, B, range(2, 3), per_month=2))
    assert not assess(two_events, dt.date(2026, 3, 31)).reciprocity.one_way.detected
    streak = partnership(giving(A, B, range(1, 3)) + giving(B, A, range(1, 3)) + giving(A, B, range(3, 7)))
    one_way = assess(streak, dt.date(2026, 6, 30)).reciprocity.one_way
    assert (one_way.detected, one_way.giver, one_way.since, one_way.months) == (True, A, "2026-03", 4)
    assert one_way.cost is not None and one_way.cost.hours == 16 and one_way.cost.hours_value == 1600


def test_what_moved_says_when_a_one_way_street_is_detected() -> None:
    # Northwind usually gives four items a month: two silent months are already telling.
    streak = partnership(
        giving(B, A, range(1, 3)) + giving(A, B, range(1, 3), per_month=4) + giving(B, A, range(3, 6))
    )
    # Not before the fifth month on record: four months give no baseline to turn from.
    assert not assess(streak, dt.date(2026, 4, 30)).reciprocity.one_way.detected
    report = assess(streak, dt.date(2026, 5, 20))
    assert report.compared_with == dt.date(2026, 4, 30)
    assert any(m.id == "one_way.detected" and m.params["giver"] == "Contoso" for m in report.movements)
    assert "One-way street detected: Contoso has carried the partnership since 2026-03." in report.what_moved


def test_outcomes_are_judged_pro_rata_by_direction_and_attribution() -> None:
    log = [
        act("2026-03-01", A, B, "project_won", value=50000, attribution="sourced", topic="Fabrikam"),
        act("2026-05-01", B, A, "project_won", value=20000, attribution="influenced", topic="Tailspin"),
    ]
    report = assess(partnership(log), dt.date(2026, 7, 1))
    [target] = report.outcome.targets
    # 4 a year, half gone, after a ramp of a quarter of the year: 4 x (0.5 - 0.25) / 0.75 = 1.33, one project
    assert (target.expected_to_date, target.achieved, target.progress) == (1, 2, 1.0)
    assert target.by_direction == {A: 1, B: 1}
    assert target.by_attribution == {"influenced": 1, "sourced": 1}
    assert report.outcome.score == 100
    later = assess(partnership(log), dt.date(2026, 11, 1))
    assert later.outcome.score == pytest.approx(66.7, abs=0.1)
    assert any(f.id == "outcome.behind_target" for f in later.findings) is False


def test_no_outcome_targets_is_a_finding_not_a_zero() -> None:
    report = assess(partnership(giving(A, B, range(1, 4)), success_factors={}), dt.date(2026, 4, 30))
    assert report.outcome.score is None and report.outcome.reason
    assert "outcome.no_targets" in [f.id for f in report.findings]


def test_perception_gap_of_two_points_is_reported() -> None:
    surveys = [
        {"date": "2026-03-01", "by": A, "ratings": {"investment": 2, "anchoring": 4}},
        {"date": "2026-03-02", "by": B, "ratings": {"investment": 4, "anchoring": 5}},
    ]
    report = assess(partnership(giving(A, B, range(1, 3)), surveys=surveys), dt.date(2026, 4, 1))
    assert [(g.factor, g.gap, g.ratings) for g in report.perception_gaps] == [("investment", 2, {A: 2, B: 4})]
    gap = next(f for f in report.findings if f.id == "perception.gap")
    assert [e.line for e in gap.evidence] == [50, 51]


def test_activity_after_the_assessment_date_is_ignored() -> None:
    log = giving(A, B, range(1, 4)) + giving(B, A, range(1, 4))
    late = [*log, act("2026-09-01", A, B, "revenue", value=99999, attribution="sourced")]
    as_of = dt.date(2026, 5, 15)
    assert assess(partnership(log), as_of) == assess(partnership(late), as_of)


def test_months_series_covers_every_month_to_the_assessment_date() -> None:
    report = assess(partnership(giving(A, B, range(2, 4))), dt.date(2026, 5, 10))
    assert [p.month for p in report.months] == ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05"]
    assert report.months[1].given[A] > 0 and report.months[1].given[B] == 0


# -- parameters ----------------------------------------------------------------------------


def test_parameters_refuse_unknown_keys_and_factors() -> None:
    with pytest.raises(ValidationError):
        ScoringParameters.model_validate({"bands": {"green": 70, "ambre": 40}})
    with pytest.raises(ValidationError):
        ScoringParameters.model_validate({"factors": {"anchorage": {}}})
    with pytest.raises(ValidationError):
        ScoringParameters.model_validate({"factors": {"commitment": {"follow_up_dayz": 3}}})
    with pytest.raises(ValidationError):
        ScoringParameters.model_validate({"bands": {"green": 40, "amber": 60}})


def test_band_cut_offs_and_factor_parameters_are_configurable() -> None:
    loaded = partnership(giving(A, B, range(1, 5)) + giving(B, A, range(1, 5)))
    default = assess(loaded, dt.date(2026, 4, 30))
    strict = ScoringParameters.model_validate({"bands": {"green": 99.9, "amber": 99.5}})
    assert assess(loaded, dt.date(2026, 4, 30), strict).health.band == "red"
    assert default.health.score == assess(loaded, dt.date(2026, 4, 30), strict).health.score
    lenient = ScoringParameters.model_validate({"factors": {"commitment": {"default_review_days": 365}}})
    assert lenient.factor("commitment").model_dump()["default_review_days"] == 365


def test_development_weighs_keeping_in_step_and_investment_above_campaigns() -> None:
    params = ScoringParameters()
    development, market = params.profile(Kind.development), params.profile(Kind.joint_market)
    for factor in ("keeping_in_step", "investment"):
        assert development.weight(factor) > market.weight(factor)
    assert development.target_weight("joint_campaigns") < market.target_weight("joint_campaigns")


def test_a_configured_profile_changes_only_the_weights_it_names() -> None:
    params = ScoringParameters.model_validate({"profiles": {"development": {"weights": {"keeping_in_step": 4}}}})
    development = params.profile(Kind.development)
    default = ScoringParameters().profile(Kind.development)
    assert development.weight("keeping_in_step") == 4
    assert development.weight("investment") == default.weight("investment")
    assert development.target_weight("joint_campaigns") == default.target_weight("joint_campaigns")
    assert params.profile(Kind.joint_market) == ScoringParameters().profile(Kind.joint_market)


def test_findings_about_the_definition_cite_the_line_of_the_key() -> None:
    """A finding without activity evidence points at the key it is about, so CI annotates that line."""
    loaded = load_partnership(EXAMPLES / "empty.yaml").partnership
    assert loaded is not None
    lines = (EXAMPLES / "empty.yaml").read_text(encoding="utf-8").splitlines()
    findings = {f.id: f for f in assess(loaded, AS_OF).findings}
    for finding_id, text in (
        ("anchoring.no_contacts", "donau:"),
        ("commitment.reviews_missed", "review_every_days:"),
        ("empty_contacts.zombie", "outcomes:"),
    ):
        [cited] = findings[finding_id].evidence
        assert lines[cited.line - 1].strip().startswith(text), finding_id


@pytest.mark.parametrize("name", ["one-way-street", "thriving", "out-of-step", "healed", "quiet"])
def test_one_walk_for_two_dates_gives_the_evidence_of_each(name: str) -> None:
    """`assess` reads the log once for the end of the previous month and today; each evidence must be
    exactly what a walk for its own date builds."""
    from coopcheck.evidence import gather, gather_both
    from coopcheck.loading import load_partnership
    from support import EXAMPLES

    loaded = load_partnership(EXAMPLES / f"{name}.yaml").partnership
    assert loaded is not None
    for earlier, later in ((dt.date(2026, 10, 31), dt.date(2026, 11, 28)), (dt.date(2026, 3, 31), dt.date(2026, 4, 2))):
        first, second = gather_both(loaded, earlier, later)
        assert first == gather(loaded, earlier)
        assert second == gather(loaded, later)


def test_people_are_counted_once_per_activity_and_cited_by_their_first_activities() -> None:
    """Who took part is counted per group of alike activities after the walk; a person named twice in
    one activity counts once, a name no partner lists belongs to the giving side, and each person's
    examples are the first five activities naming them even where their groups interleave."""
    from coopcheck.evidence import gather, gather_both
    from coopcheck.models import Level
    from coopcheck.months import month_of

    pair = ["Jonas Keller", "Lea Vogt", "Jonas Keller"]
    log = [
        act("2026-02-02", A, B, "meeting", topic="Plan", level="working", people=pair),
        act("2026-02-03", B, A, "call", topic="Offer", level="executive", people=["Lea Vogt"]),
        act("2026-02-04", B, A, "call", topic="Offer", level="executive", people=["Lea Vogt"]),
        *(act(f"2026-02-{d:02d}", A, B, "meeting", topic="Plan", level="working", people=pair) for d in range(5, 10)),
        act("2026-03-02", B, A, "meeting", topic="Demo", people=["Mia Braun"]),
        act("2026-03-03", A, B, "call", topic="Budget", level="executive"),
    ]
    loaded = partnership(log)
    _, both = gather_both(loaded, dt.date(2026, 2, 4), AS_OF)
    for evidence in (gather(loaded, AS_OF), both):
        assert evidence.people == {A: {"Jonas Keller": 6}, B: {"Lea Vogt": 8, "Mia Braun": 1}}
        assert evidence.people_activities == {A: 6, B: 9}
        assert evidence.people_examples == {
            A: {"Jonas Keller": [0, 3, 4, 5, 6]},
            B: {"Lea Vogt": [0, 1, 2, 3, 4], "Mia Braun": [8]},
        }
        february, march = month_of(dt.date(2026, 2, 1)), month_of(dt.date(2026, 3, 1))
        assert evidence.exchanges == {
            (Level.working, A, february): 6,
            (Level.working, B, february): 6,
            (Level.executive, B, february): 2,
            (Level.executive, A, march): 1,
        }


def test_a_partnership_with_no_activity_long_after_its_start_is_not_called_too_early_to_judge() -> None:
    report = assess(partnership([]), dt.date(2026, 11, 28))
    assert report.diagnosis.id == "onboarding"
    assert "no activity is logged yet" in report.diagnosis.summary and "too early" not in report.diagnosis.summary
    early = assess(partnership([act("2026-01-10", A, B, "meeting", topic="Kickoff")]), dt.date(2026, 2, 1))
    assert "too early to judge results before 2026-03-02" in early.diagnosis.summary
