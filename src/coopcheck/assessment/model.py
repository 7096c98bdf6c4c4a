"""The assessment: everything coopcheck says about a partnership, as one pydantic model.

This is the JSON contract (`coopcheck assess --format json`, `schema_version` 1): every renderer
(terminal, Markdown, HTML, CI annotations) reads this object and nothing else, so a report never
shows a figure the JSON does not contain. Add fields freely; never rename or remove one without
raising `SCHEMA_VERSION`.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from coopcheck.findings import (  # noqa: F401  (part of the contract)
    Evidence,
    FactorResult,
    Finding,
    Out,
    Severity,
)

SCHEMA_VERSION = 1

Band = Literal["green", "amber", "red"]
RiskLevel = Literal["low", "medium", "high"]
DiagnosisId = Literal["onboarding", "thriving", "building", "harvesting", "one_way", "empty"]
DIAGNOSIS_IDS: tuple[DiagnosisId, ...] = ("onboarding", "thriving", "building", "harvesting", "one_way", "empty")


class PartnerRef(Out):
    key: str
    name: str


class PartnershipRef(Out):
    id: str
    name: str
    kind: str
    file: str
    started: dt.date
    currency: str
    partners: list[PartnerRef]


class Health(Out):
    score: float | None
    band: Band | None
    weights: dict[str, float] = Field(default_factory=dict, description="Weights used, by component.")
    reason: str | None = None


class Diagnosis(Out):
    id: DiagnosisId
    summary: str = Field(description="The headline sentence in English, built from the figures in `params`.")
    expect_outcomes_by: dt.date | None = None
    template: str = Field(default="", description="The English template of `summary` (the catalogue's msgid).")
    params: dict[str, str | int | float | None] = Field(
        default_factory=dict, description="The figures the headline rests on, as they fill `template`."
    )
    influence_strong: float = Field(default=60, description="Influence score that counted as strong.")
    outcome_strong: float = Field(default=60, description="Outcome score that counted as strong.")


class Influence(Out):
    score: float | None
    factors: list[FactorResult]
    reason: str | None = None
    factors_score: float | None = Field(
        default=None, description="Weighted mean of the factor scores, before the freshness of the evidence."
    )
    freshness: float = Field(default=1.0, description="1 while both sides work; halves with every quiet period.")
    quiet_side: str | None = Field(
        default=None, description="The side that has done no work for longest (null when both equally long)."
    )
    quiet_months: int = Field(default=0, description="Whole months since the quiet side last did work.")


class TargetProgress(Out):
    id: str
    target: float
    by: dt.date | None
    expected_to_date: float
    achieved: float
    progress: float | None = Field(description="achieved / expected_to_date, capped; null before anything is due.")
    by_direction: dict[str, float] = Field(default_factory=dict, description="What each partner brought the other.")
    by_attribution: dict[str, float] = Field(default_factory=dict)


class Outcome(Out):
    score: float | None
    reason: str | None = None
    due_from: dt.date | None = Field(
        default=None, description="The first day any outcome is expected (after the ramp of the earliest target)."
    )
    targets: list[TargetProgress] = Field(default_factory=list)
    totals: dict[str, float] = Field(default_factory=dict, description="Outcome counts and money, whole log.")


class Given(Out):
    """What one side gave the other up to the assessment date."""

    value: float = Field(description="Total given value in the partnership's currency.")
    contributions: int
    hours: float
    money: float
    travel: float
    hours_value: float = Field(default=0.0, description="The hours priced at the giving side's rate.")
    contribution_value: float = Field(default=0.0, description="Worth of the contributions, valued by type.")
    cost_not_given: float = Field(
        default=0.0,
        description="Cost of requests and contacts without a topic: spent, but not given "
        "(value = hours_value + money + travel - cost_not_given + contribution_value).",
    )
    share: float | None = Field(default=None, description="This side's share of all given value.")


class Cost(Out):
    hours: float
    hours_value: float
    money: float
    travel: float
    total: float


class PastOneWay(Out):
    """A one-way street that has ended: the receiver gave back, or the giving stopped too."""

    giver: str
    receiver: str
    since: str = Field(description="First one-sided month, YYYY-MM.")
    until: str = Field(description="Last one-sided month, YYYY-MM.")
    months: int
    ended: Literal["healed", "stopped"] = Field(description="healed: the receiver gave back; stopped: all giving did.")
    cost: Cost


class OneWay(Out):
    detected: bool
    giver: str | None = None
    receiver: str | None = None
    since: str | None = Field(default=None, description="First month of the streak, YYYY-MM.")
    months: int = 0
    cost: Cost | None = None
    receiver_share: float | None = Field(
        default=None, description="Share of the value given in the streak that came from the receiver."
    )
    reason: str | None = Field(default=None, description="Why one-sided giving was not (yet) called a one-way street.")
    history: list[PastOneWay] = Field(default_factory=list, description="One-way streets that have ended.")


class Reciprocity(Out):
    index: float | None
    reason: str | None = None
    given: dict[str, Given]
    one_way: OneWay


class EmptyContactRisk(Out):
    score: float | None
    level: RiskLevel | None
    contacts: int
    empty_contacts: int
    empty_share: float | None
    hours: float = Field(description="Hours both sides spent on the partnership since the last outcome.")
    travel: float = Field(description="Travel both sides spent since the last outcome.")
    money: float = Field(default=0.0, description="Money invested since the last outcome.")
    cost: float = Field(description="Hours priced at each side's rate, travel and money, spent since the last outcome.")
    last_outcome: dt.date | None
    months_without_outcome: int = Field(
        description="Whole months without an outcome since the later of the last outcome and `outcome.due_from`."
    )
    zombie: bool
    empty_cost: float = Field(default=0.0, description="What the contacts without a topic cost (hours priced, travel).")
    reason: str | None = Field(default=None, description="Why the score is null, or what it rests on.")


class ReadinessCheck(Out):
    id: str
    ok: bool
    message: str


class Readiness(Out):
    score: float
    checks: list[ReadinessCheck]


class PerceptionGap(Out):
    factor: str
    ratings: dict[str, int]
    gap: int
    date: dt.date


class MonthPoint(Out):
    """One month of the log, for charts: value given by each side, outcomes and empty-contact cost."""

    month: str
    given: dict[str, float]
    outcomes: int
    empty_contact_cost: float


# A `finding.*` movement carries the finding's own parameters under this prefix.
MOVEMENT_FINDING_PARAM = "finding."


class Movement(Out):
    """One thing that moved since the previous month: a stable id, the English text and its parameters."""

    id: str
    message: str
    template: str = Field(default="", description="The English template of `message` (the catalogue's msgid).")
    params: dict[str, str | int | float | None] = Field(default_factory=dict)


class Assessment(Out):
    schema_version: int = SCHEMA_VERSION
    coopcheck_version: str
    as_of: dt.date
    partnership: PartnershipRef
    health: Health
    diagnosis: Diagnosis
    influence: Influence
    outcome: Outcome
    reciprocity: Reciprocity
    empty_contact_risk: EmptyContactRisk
    readiness: Readiness
    perception_gaps: list[PerceptionGap] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list, description="All findings, most severe first.")
    what_moved: list[str] = Field(default_factory=list, description="What changed since the previous month.")
    movements: list[Movement] = Field(default_factory=list, description="`what_moved` with ids and parameters.")
    compared_with: dt.date | None = Field(default=None, description="The date `what_moved` compares with.")
    months: list[MonthPoint] = Field(default_factory=list)
