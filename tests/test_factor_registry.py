"""A factor is one module and one registry line: registering a toy factor makes it scored, reported,
explained and rated in surveys, with nothing else to touch."""

from __future__ import annotations

import datetime as dt
import json
import types
from collections.abc import Iterator

import pytest
from pydantic import Field

from builders import A, B, act, partnership
from coopcheck import factors
from coopcheck.assessment.engine import assess
from coopcheck.factors.base import FactorParameters
from coopcheck.findings import FactorResult
from coopcheck.schema import partnership_schema
from reports import english_afterwards  # noqa: F401
from support import docs_tool

TOY = types.ModuleType(
    "toy_factor",
    """Trust: do the partners share what they know?

How it is measured

Each side's shared briefings over the last {window_months} months; the score is fixed for this test.

What to log: briefings as `content`.

Levers: share one briefing a month.
""",
)


class ToyParameters(FactorParameters):
    window_months: int = Field(default=4, ge=1, description="Months of briefings that count.")


def _toy_assess(evidence, params=None):  # type: ignore[no-untyped-def]
    return FactorResult(id="trust", title="Trust", score=42.0 if evidence.considered else None)


TOY.ID = "trust"  # type: ignore[attr-defined]
TOY.TITLE = "Trust"  # type: ignore[attr-defined]
TOY.SURVEY = "Trust: the partners share what they know."  # type: ignore[attr-defined]
TOY.BASIS = "Both sides brief each other."  # type: ignore[attr-defined]
TOY.Parameters = ToyParameters  # type: ignore[attr-defined]
TOY.DEFAULTS = ToyParameters()  # type: ignore[attr-defined]
TOY.assess = _toy_assess  # type: ignore[attr-defined]


@pytest.fixture
def toy() -> Iterator[types.ModuleType]:
    factors.register(TOY)  # type: ignore[arg-type]
    try:
        yield TOY
    finally:
        factors.unregister("trust")


def test_a_registered_factor_is_scored_and_in_the_json_report(toy) -> None:  # type: ignore[no-untyped-def]
    log = [act("2026-02-03", A, B, "referral", topic="Intro", hours=2) for _ in range(4)]
    report = assess(partnership(log), dt.date(2026, 3, 31))
    trust = next(f for f in report.influence.factors if f.id == "trust")
    assert trust.score == 42.0
    as_json = json.loads(report.model_dump_json())
    assert [f["id"] for f in as_json["influence"]["factors"]][-1] == "trust"
    assert "trust" in report.health.weights


def test_a_registered_factor_is_reported_under_its_own_title(toy) -> None:  # type: ignore[no-untyped-def]
    from coopcheck.rendering import markdown, text

    log = [act("2026-02-03", A, B, "referral", topic="Intro", hours=2) for _ in range(4)]
    report = assess(partnership(log), dt.date(2026, 3, 31))
    assert "| Trust | 42 | Both sides brief each other. |" in markdown.render(report, "en")
    assert "| Trust | 42 |" in markdown.render(report, "de")  # a title without a translation stays as written
    assert "Trust" in text.render(report, width=120)


def test_a_registered_factor_is_rated_in_surveys_and_in_the_schema(toy) -> None:  # type: ignore[no-untyped-def]
    ratings = partnership_schema()["$defs"]["SurveyRatings"]["properties"]
    assert ratings["trust"]["description"] == TOY.SURVEY
    surveys = [{"date": "2026-03-01", "by": side, "ratings": {"trust": r}} for side, r in ((A, 2), (B, 5))]
    loaded = partnership([act("2026-02-03", A, B, "referral", topic="x")], surveys=surveys)
    report = assess(loaded, dt.date(2026, 3, 31))
    assert [(gap.factor, gap.gap) for gap in report.perception_gaps] == [("trust", 3)]


def test_a_registered_factor_is_explained_with_its_parameters(toy, run_cli) -> None:  # type: ignore[no-untyped-def]
    out = run_cli("explain", "trust", "--lang", "en").stdout
    assert "Trust (trust, influence factor)" in out
    assert "over the last 4 months" in out


def test_a_registered_factor_gets_its_own_section_in_scoring_md(toy) -> None:  # type: ignore[no-untyped-def]
    tool = docs_tool()
    page = tool.SCORING.read_text(encoding="utf-8")
    written = tool.render_scoring(page)
    start, end = written.index("<!-- generated: factor trust -->"), written.index("<!-- end: factor trust -->")
    section = written[start:end]
    assert "### Trust (`trust`)" in section
    assert "Each side's shared briefings over the last 4 months" in section  # the docstring, default filled in
    assert "| `window_months` | `4` | Months of briefings that count. |" in section
    assert written.index("<!-- end: factor commitment -->") < start < written.index("## Outcome")
    assert tool.render_scoring(written) == written, "the section is written once"
    factors.unregister("trust")
    try:
        assert tool.render_scoring(written) == page, "an unregistered factor's section is removed again"
    finally:
        factors.register(TOY)  # type: ignore[arg-type]


def test_an_unregistered_factor_is_an_unknown_survey_key() -> None:
    from pydantic import ValidationError

    from coopcheck.models import SurveyRatings

    with pytest.raises(ValidationError, match="unknown influence factor 'trust'"):
        SurveyRatings.model_validate({"trust": 3})
