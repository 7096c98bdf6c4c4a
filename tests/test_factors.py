"""The four influence factors, each on a small partnership built to show one behaviour."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from builders import A, B, act, partnership
from coopcheck.evidence import gather
from coopcheck.factors import FACTORS, anchoring, commitment, investment, keeping_in_step
from coopcheck.findings import TEMPLATES

DOCS = Path(__file__).resolve().parent.parent / "docs" / "scoring.md"
AS_OF = dt.date(2026, 6, 30)


def day(n: int) -> dt.date:
    return dt.date(2026, 1, 1) + dt.timedelta(days=n)


def ids(result) -> list[str]:  # type: ignore[no-untyped-def]
    return [f.id for f in result.findings]


# -- the registry and its documentation -------------------------------------------------------


def test_every_factor_is_documented_in_its_docstring_and_in_scoring_md() -> None:
    docs = DOCS.read_text(encoding="utf-8")
    assert [f.ID for f in FACTORS] == ["anchoring", "keeping_in_step", "investment", "commitment"]
    for factor in FACTORS:
        text = factor.__doc__ or ""
        assert len(text) > 400, f"{factor.ID} needs a docstring a consultant can read"
        for part in ("How it is measured", "What to log", "Levers"):
            assert part in text, f"{factor.ID} docstring lacks '{part}'"
        assert f"`{factor.ID}`" in docs, f"{factor.ID} is not explained in docs/scoring.md"
        for name, field in factor.Parameters.model_fields.items():
            assert field.description, f"{factor.ID}.{name} has no description"
            assert f"`{name}`" in docs, f"parameter {factor.ID}.{name} is not in docs/scoring.md"
        assert set(getattr(factor, "WHY", {})) == set(factor.Parameters.model_fields), f"{factor.ID}: WHY per parameter"


def test_every_finding_id_is_explained_in_scoring_md() -> None:
    import coopcheck.assessment.engine  # noqa: F401  (declares every finding template)

    docs = DOCS.read_text(encoding="utf-8")
    for finding_id, declared in TEMPLATES.items():
        assert re.fullmatch(r"[a-z_]+\.[a-z_]+", finding_id)
        assert f"`{finding_id}`" in docs, f"finding {finding_id} is not in docs/scoring.md"
        assert declared.remediation, f"finding {finding_id} has no lever"


# -- anchoring --------------------------------------------------------------------------------


def exchanges(n: int = 8) -> list[dict]:  # type: ignore[type-arg]
    """Exchange in both directions at both levels, with different people."""
    out = []
    for i in range(n):
        frm, to = (A, B) if i % 2 == 0 else (B, A)
        level = "executive" if i % 4 < 2 else "working"
        people = ["Anna Weber", "Peter Lang"] if level == "executive" else ["Jonas Keller", "Lea Vogt"]
        out.append(act(day(100 + 5 * i), frm, to, "meeting", level=level, people=people, topic="Pipeline"))
    return out


def test_anchoring_is_full_with_sponsors_contacts_and_exchange_both_ways() -> None:
    result = anchoring.assess(gather(partnership(exchanges()), AS_OF))
    assert result.score == 100
    assert result.findings == []


def test_anchoring_names_the_side_without_a_sponsor() -> None:
    loaded = partnership(
        exchanges(),
        partners={
            A: {"name": "Northwind", "sponsor": "Anna Weber", "contacts": ["Jonas Keller"]},
            B: {"name": "Contoso", "contacts": ["Lea Vogt", "Peter Lang"]},
        },
    )
    result = anchoring.assess(gather(loaded, AS_OF))
    [no_sponsor] = [f for f in result.findings if f.id == "anchoring.no_sponsor"]
    assert no_sponsor.params["side"] == "Contoso"
    assert "partners.contoso.sponsor" in (no_sponsor.remediation or "")
    assert result.score is not None and result.score < 100


def test_anchoring_flags_a_partnership_that_hangs_on_one_person() -> None:
    log = [
        act(day(10 + 3 * i), B, A, "call", level="working", people=["Lea Vogt"], topic="Leads") for i in range(8)
    ] + exchanges(4)
    result = anchoring.assess(gather(partnership(log), AS_OF))
    [single] = [f for f in result.findings if f.id == "anchoring.single_person"]
    assert single.params["person"] == "Lea Vogt" and single.params["side"] == "Contoso"
    assert [e.line for e in single.evidence][:2] == [100, 101]  # the first calls in the log
    assert result.score is not None and result.score < 100


def test_anchoring_says_which_direction_lacks_executive_exchange() -> None:
    log = [act(day(90 + i), A, B, "meeting", level="executive", topic="Plan") for i in range(3)]
    log += [act(day(95 + i), side, other, "call", level="working", topic="Work") for i, (side, other) in
            enumerate([(A, B), (B, A), (A, B)])]  # fmt: skip
    result = anchoring.assess(gather(partnership(log), AS_OF))
    missing = [f.params for f in result.findings if f.id == "anchoring.missing_exchange"]
    assert missing == [{"level": "executive", "from_side": "Contoso", "to_side": "Northwind", "window": 6}]


def test_anchoring_is_not_scored_on_the_definition_alone() -> None:
    result = anchoring.assess(gather(partnership([act(day(5), A, B, "call", topic="Hello")]), AS_OF))
    assert result.score is None and result.reason


# -- keeping in step ---------------------------------------------------------------------------


def requests(asker: str, answerer: str, turnaround: int, count: int = 4, start: int = 20) -> list[dict]:  # type: ignore[type-arg]
    log = []
    for i in range(count):
        asked = day(start + 10 * i)
        rid = f"{asker}-r{i}"
        log.append(act(asked, asker, answerer, "request", id=rid, topic="Quote"))
        log.append(act(asked + dt.timedelta(days=turnaround), answerer, asker, "delivery", responds_to=rid,
                       topic="Quote sent", id=f"{rid}-answer"))  # fmt: skip
    return log


def test_keeping_in_step_names_the_slower_side_and_cites_its_slowest_answers() -> None:
    log = requests(A, B, turnaround=20) + requests(B, A, turnaround=2)
    result = keeping_in_step.assess(gather(partnership(log), AS_OF))
    [slow] = [f for f in result.findings if f.id == "keeping_in_step.slow_side"]
    assert slow.params["slow"] == "Contoso" and slow.params["fast"] == "Northwind"
    assert (slow.params["slow_days"], slow.params["fast_days"], slow.params["agreed"]) == (20, 2, 5)
    assert slow.message.startswith("Contoso is the slower side")
    assert all(e.activity and e.activity.startswith("northwind-r") for e in slow.evidence)
    assert result.score is not None and result.score < 30


def test_keeping_in_step_is_high_when_both_answer_within_the_agreed_days() -> None:
    log = requests(A, B, turnaround=2) + requests(B, A, turnaround=3)
    result = keeping_in_step.assess(gather(partnership(log), AS_OF))
    assert result.score is not None and result.score >= 90
    assert ids(result) == []


def test_an_ignored_request_counts_as_late_and_is_reported() -> None:
    log = requests(B, A, turnaround=2) + requests(A, B, turnaround=2, count=2)
    log += [act(day(100 + i), A, B, "request", id=f"open{i}", topic="Still waiting") for i in range(3)]
    result = keeping_in_step.assess(gather(partnership(log), AS_OF))
    [unanswered] = [f for f in result.findings if f.id == "keeping_in_step.unanswered_requests"]
    assert unanswered.params == {"count": 3, "side": "Contoso"}
    assert "keeping_in_step.slow_side" in ids(result)


def test_keeping_in_step_has_no_score_without_requests() -> None:
    result = keeping_in_step.assess(gather(partnership([act(day(3), A, B, "call", topic="x")]), AS_OF))
    assert result.score is None and result.reason


# -- investment --------------------------------------------------------------------------------


def spend(side: str, other: str, amount: float, count: int = 3) -> list[dict]:  # type: ignore[type-arg]
    return [act(day(30 + i), side, other, "investment", value=amount / count, topic="Event") for i in range(count)]


def test_investment_reports_the_side_carrying_more_than_agreed() -> None:
    loaded = partnership(spend(A, B, 9000) + spend(B, A, 1000))
    result = investment.assess(gather(loaded, AS_OF))
    assert result.score == 20.0  # Contoso carries 10% of a 50% share: it is 80% short
    [off] = result.findings
    assert off.id == "investment.off_split"
    assert (off.params["heavy"], off.params["heavy_share"], off.params["light"]) == ("Northwind", 0.9, "Contoso")


def test_investment_honours_an_agreed_uneven_split() -> None:
    split = {"outcomes": {}, "influence": {"cost_split": {A: 70, B: 30}}}
    loaded = partnership(spend(A, B, 7000) + spend(B, A, 3000), success_factors=split)
    result = investment.assess(gather(loaded, AS_OF))
    assert result.score == 100 and result.findings == []


def test_investment_without_a_split_is_judged_against_half_and_half() -> None:
    loaded = partnership(spend(A, B, 5000) + spend(B, A, 5000), success_factors={})
    result = investment.assess(gather(loaded, AS_OF))
    assert result.score == 100 and result.reason and "50/50" in result.reason


def test_hours_are_priced_at_each_sides_rate() -> None:
    partners = {
        A: {"name": "Northwind", "sponsor": "Anna Weber", "contacts": ["Jonas Keller"], "hourly_rate": 300},
        B: {"name": "Contoso", "sponsor": "Peter Lang", "contacts": ["Lea Vogt"], "hourly_rate": 100},
    }
    log = [act(day(10 + i), side, other, "workshop", hours=10, topic="Build")
           for i, (side, other) in enumerate([(A, B), (B, A)] * 2)]  # fmt: skip
    result = investment.assess(gather(partnership(log, partners=partners), AS_OF))
    # Same hours, but Northwind's cost three times as much: 75% against an agreed 50%.
    assert result.findings[0].params["heavy_share"] == 0.75


# -- commitment --------------------------------------------------------------------------------


def reviews(days: list[int], actions: list[str] | None = None) -> list[dict]:  # type: ignore[type-arg]
    return [act(day(n), A, B, "review", topic="Review", actions=actions or []) for n in days]


def test_commitment_is_full_for_reviews_on_rhythm_with_follow_up() -> None:
    log = reviews([28, 58, 88, 118, 148, 178], ["Send the case study (Lea Vogt)"])
    log += [act(day(n + 5), B, A, "content", topic="Case study") for n in [28, 58, 88, 118, 148]]
    result = commitment.assess(gather(partnership(log), AS_OF))
    assert result.score == 100 and result.findings == []


def test_commitment_reports_an_overdue_review_and_missed_periods() -> None:
    result = commitment.assess(gather(partnership(reviews([20, 45])), AS_OF))
    found = {f.id: f for f in result.findings}
    assert found["commitment.review_overdue"].params["last"] == str(day(45))
    assert "commitment.reviews_missed" in found
    assert result.score is not None and result.score < 50


def test_actions_owned_by_one_side_must_be_followed_by_that_side() -> None:
    log = reviews([28, 58, 88, 118, 148], ["Price list for the tender (Lea Vogt)"])
    log += [act(day(n + 3), A, B, "referral", topic="Lead") for n in [28, 58, 88, 118, 148]]  # only Northwind acts
    result = commitment.assess(gather(partnership(log), AS_OF))
    [not_followed] = [f for f in result.findings if f.id == "commitment.actions_not_followed"]
    assert not_followed.params["count"] == not_followed.params["total"] == 5
    assert "Contoso" in not_followed.message


def test_a_review_that_discusses_and_agrees_nothing_does_not_count() -> None:
    empty_reviews = [act(day(n), A, B, "review") for n in (28, 58, 88, 118, 148, 178)]
    result = commitment.assess(gather(partnership(empty_reviews), AS_OF))
    assert result.score == 0


@pytest.mark.parametrize("factor", FACTORS, ids=lambda f: f.ID)
def test_no_factor_scores_an_empty_log(factor) -> None:  # type: ignore[no-untyped-def]
    result = factor.assess(gather(partnership([]), dt.date(2026, 1, 20)), factor.DEFAULTS)
    assert result.score is None and result.reason
