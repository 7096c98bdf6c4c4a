"""Scoring parameters: every weight, cut-off and threshold the assessment uses, with its default.

`ScoringParameters()` is the documented default (see docs/scoring.md for why each value was
chosen). Configuration (`[tool.coopcheck]` or `.coopcheck.yaml`) may override any part; unknown
keys are refused, so a misspelt weight is an error instead of a silent default.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from coopcheck.assessment.model import Band
from coopcheck.evidence import Valuation
from coopcheck.factors import BY_ID as FACTORS_BY_ID
from coopcheck.factors.base import FactorParameters
from coopcheck.models import Kind

OUTCOME = "outcome"
RECIPROCITY = "reciprocity"
EMPTY_CONTACTS = "empty_contacts"


def components() -> tuple[str, ...]:
    """What the health score weighs: every registered influence factor, then the three sections."""
    return (*FACTORS_BY_ID, OUTCOME, RECIPROCITY, EMPTY_CONTACTS)


TARGETS = ("joint_campaigns", "projects_won", "revenue")


class Params(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Profile(Params):
    """How much each component weighs in the health score, and each outcome target in the outcome score."""

    weights: dict[str, float] = Field(
        default_factory=dict,
        description="Weight per component: the influence factors, outcome, reciprocity, empty_contacts. "
        "In configuration, a component left out keeps the weight of the kind's default profile.",
    )
    targets: dict[str, float] = Field(
        default_factory=dict,
        description="Weight per outcome target (joint_campaigns, projects_won, revenue). "
        "In configuration, a target left out keeps the weight of the kind's default profile.",
    )
    outcome_ramp: float = Field(
        default=0.25,
        ge=0,
        lt=1,
        description="Share of each target's period (from `started` to `by`) in which no outcome is expected yet; "
        "from then on the expectation rises pro rata to the full target at `by`.",
    )

    @field_validator("weights")
    @classmethod
    def _known_components(cls, weights: dict[str, float]) -> dict[str, float]:
        return _checked(weights, components(), "component")

    @field_validator("targets")
    @classmethod
    def _known_targets(cls, targets: dict[str, float]) -> dict[str, float]:
        return _checked(targets, TARGETS, "target")

    def weight(self, component: str) -> float:
        return self.weights.get(component, 1.0)

    def target_weight(self, target: str) -> float:
        return self.targets.get(target, 1.0)


MAX_WEIGHT = 1000


def _checked(weights: dict[str, float], known: tuple[str, ...], what: str) -> dict[str, float]:
    for key, value in weights.items():
        if key not in known:
            raise ValueError(f"unknown {what} '{key}' (expected one of {', '.join(known)})")
        if value < 0:
            raise ValueError(f"weight of '{key}' must not be negative (found {value})")
        if not value <= MAX_WEIGHT:  # weights are relative; a bound keeps every weighted sum finite
            raise ValueError(f"weight of '{key}' out of range (found {value}; expected at most {MAX_WEIGHT})")
    return weights


def _profile(weights: dict[str, float], targets: dict[str, float] | None = None, ramp: float = 0.25) -> Profile:
    return Profile(weights=weights, targets=targets or dict.fromkeys(TARGETS, 1.0), outcome_ramp=ramp)


DEFAULT_PROFILES: dict[Kind, Profile] = {
    Kind.joint_market: _profile(
        {"anchoring": 1, "keeping_in_step": 1, "investment": 1, "commitment": 1,
         OUTCOME: 3, RECIPROCITY: 2, EMPTY_CONTACTS: 1},
    ),
    Kind.development: _profile(
        {"anchoring": 1, "keeping_in_step": 2.5, "investment": 2.5, "commitment": 1,
         OUTCOME: 2, RECIPROCITY: 1, EMPTY_CONTACTS: 1},
        {"joint_campaigns": 0.5, "projects_won": 1, "revenue": 1},
        ramp=0.5,  # what is built together sells late: nothing is due in the first half of the plan
    ),
    Kind.trusted_advisory: _profile(
        {"anchoring": 2, "keeping_in_step": 1.5, "investment": 1, "commitment": 1.5,
         OUTCOME: 2, RECIPROCITY: 2, EMPTY_CONTACTS: 1.5},
        {"joint_campaigns": 0.5, "projects_won": 1, "revenue": 1},
    ),
    Kind.other: _profile(
        {"anchoring": 1, "keeping_in_step": 1, "investment": 1, "commitment": 1,
         OUTCOME: 2, RECIPROCITY: 2, EMPTY_CONTACTS: 1},
    ),
}  # fmt: skip


class Bands(Params):
    green: float = Field(default=70, ge=0, le=100, description="Health at or above this is green.")
    amber: float = Field(default=45, ge=0, le=100, description="Health at or above this (and below green) is amber.")

    @model_validator(mode="after")
    def _ordered(self) -> Bands:
        if self.amber > self.green:
            raise ValueError(f"amber cut-off ({self.amber}) must not be above the green cut-off ({self.green})")
        return self


class OneWayGating(Params):
    month_share: float = Field(
        default=0.8,
        gt=0.5,
        le=1,
        description="Share of a month's given value that makes the month one-sided; the value sum moves by what "
        "the giver gave beyond it.",
    )
    threshold: float = Field(
        default=0.2, gt=0, description="Value sum, in the giver's typical months, a one-way street needs."
    )
    one_way_share: float = Field(
        default=0.05,
        gt=0,
        lt=0.5,
        description="Receiver's share of the giving activities while a one-way street runs (the count sum's "
        "alternative).",
    )
    receiver_share_floor: float = Field(
        default=0.3,
        gt=0,
        le=0.5,
        description="Lowest receiver's share of the giving activities taken as its usual share (the count sum's "
        "baseline).",
    )
    count_threshold: float = Field(
        default=1.0, gt=0, description="Count sum (a log-likelihood ratio) a one-way street needs."
    )
    min_months: int = Field(default=2, ge=1, description="One-sided months the run needs before it is reported.")
    min_activities: int = Field(
        default=3, ge=1, description="Giving activities of the giver in the run needed before it is reported."
    )
    window_months: int = Field(
        default=3, ge=1, le=12, description="Months over which the receiver's recent giving is compared with its usual."
    )
    receiver_window_share: float = Field(
        default=0.4,
        ge=0,
        le=1,
        description="Highest share of its usual giving over window_months the receiver may still give.",
    )
    token_share: float = Field(
        default=0.15,
        ge=0,
        lt=1,
        description="A receiver's month is silent when it gave at most this share of its usual giving month (the "
        "upper quartile of its months with a gift)...",
    )
    token_month_share: float = Field(
        default=0.12,
        ge=0,
        lt=0.5,
        description="... or at most this share of the month's given value of both sides...",
    )
    token_gift_share: float = Field(
        default=0.7,
        ge=0,
        le=1,
        description="... or in which it made a single gift worth at most this share of its typical gift.",
    )
    thin_gift_share: float = Field(
        default=2,
        ge=0,
        description="A receiver's month is thin when it is silent or holds a single gift worth at most this many "
        "of its typical gifts; a run of thin months is a trickle.",
    )
    silence_gifts: float = Field(
        default=5,
        gt=0,
        description="How unlikely the receiver's silence must be before it counts: no likelier, by the receiver's "
        "own record (the mean and spread of its gifts per month before the silence), than a steady partner missing "
        "this many gifts (a chance of e to the minus this).",
    )
    thin_gifts: float = Field(
        default=8,
        gt=0,
        description="As silence_gifts, for a thin spell of the receiver: the gifts a steady partner would have to "
        "miss.",
    )
    min_history_months: int = Field(
        default=4, ge=0, description="Months on record before the month in which a one-way street can be reported."
    )
    quiet_months: int = Field(
        default=3, ge=1, description="Months in a row without giving from the giver after which its street has ended."
    )


class ReciprocityParameters(Params):
    min_activities: int = Field(
        default=4, ge=1, description="Giving activities (both sides) needed before the index is computed."
    )
    lopsided_below: float = Field(default=0.5, ge=0, le=1, description="Index below which giving is called lopsided.")
    one_way: OneWayGating = Field(default_factory=OneWayGating)


class OutcomeParameters(Params):
    default_horizon_days: int = Field(
        default=365, ge=1, le=36_500, description="Days from `started` a target without `by` is due in (1 to 36500)."
    )
    behind_below: float = Field(default=0.6, ge=0, le=1, description="Progress below which a target is behind.")


class EmptyContactParameters(Params):
    zombie_months: int = Field(
        default=6, ge=1, description="Months without outcome after which a partnership is a zombie."
    )
    min_contacts: int = Field(default=3, ge=1, description="Contacts needed before the empty share is judged.")
    share_weight: float = Field(default=0.5, ge=0, description="Weight of the share of empty contacts.")
    drought_weight: float = Field(default=0.5, ge=0, description="Weight of months without outcome.")
    medium: float = Field(default=40, ge=0, le=100, description="Risk at or above this is medium.")
    high: float = Field(default=65, ge=0, le=100, description="Risk at or above this is high.")
    empty_share_finding: float = Field(
        default=0.3, ge=0, le=1, description="Share of empty contacts at or above which it is reported."
    )


class DiagnosisParameters(Params):
    grace_days: int = Field(
        default=60, ge=0, le=36_500, description="Days after `started` that count as onboarding (0 to 36500)."
    )
    influence_strong: float = Field(default=60, ge=0, le=100, description="Influence score that counts as strong.")
    factor_floor: float = Field(
        default=30,
        ge=0,
        le=100,
        description="Influence counts as strong only when no scored factor is below this: one broken factor "
        "(a side that never answers, a split nobody keeps) is not offset by the others.",
    )
    outcome_strong: float = Field(default=60, ge=0, le=100, description="Outcome score that counts as strong.")
    recent_outcome_months: int = Field(
        default=3,
        ge=1,
        description="Without an outcome score (no targets, or none due): outcomes count as strong while the last one "
        "is less than this many whole months old.",
    )


class HealthParameters(Params):
    min_weight_share: float = Field(
        default=0.5, ge=0, le=1, description="Share of the profile's weight that must be scored for a health score."
    )
    min_factors: int = Field(default=2, ge=1, description="Influence factors needed for an influence score.")
    quiet_grace_months: int = Field(
        default=2, ge=0, description="Months without work from one side that do not lower the influence score."
    )
    quiet_half_life_months: float = Field(
        default=2, gt=0, description="Each further this many quiet months halve the influence score."
    )
    one_way_cap: Band | None = Field(
        default="amber", description="Best band while a one-way street is detected (null: no cap)."
    )
    zombie_cap: Band | None = Field(default="red", description="Best band while the partnership is a zombie.")
    broken_factor_below: float = Field(
        default=30, ge=0, le=100, description="An influence factor scoring below this counts as broken."
    )
    broken_factor_cap: Band | None = Field(
        default="amber", description="Best band while any influence factor is broken."
    )


class ScoringParameters(Params):
    """All parameters of the assessment; every field has a documented default."""

    valuation: Valuation = Field(default_factory=Valuation)
    profiles: dict[Kind, Profile] = Field(
        default_factory=lambda: dict(DEFAULT_PROFILES), description="Weight profile per partnership kind."
    )
    bands: Bands = Field(default_factory=Bands)
    factors: dict[str, dict[str, Any]] = Field(
        default_factory=dict, description="Parameter overrides per influence factor id (see each factor's Parameters)."
    )
    reciprocity: ReciprocityParameters = Field(default_factory=ReciprocityParameters)
    outcome: OutcomeParameters = Field(default_factory=OutcomeParameters)
    empty_contacts: EmptyContactParameters = Field(default_factory=EmptyContactParameters)
    diagnosis: DiagnosisParameters = Field(default_factory=DiagnosisParameters)
    health: HealthParameters = Field(default_factory=HealthParameters)

    @field_validator("factors")
    @classmethod
    def _factor_overrides(cls, factors: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
        for factor_id, overrides in factors.items():
            factor = FACTORS_BY_ID.get(factor_id)
            if factor is None:
                raise ValueError(f"unknown factor '{factor_id}' (expected one of {', '.join(FACTORS_BY_ID)})")
            factor.Parameters.model_validate(overrides)
        return factors

    def profile(self, kind: Kind) -> Profile:
        """The kind's default profile with the weights this configuration names laid over it."""
        default = DEFAULT_PROFILES[kind]
        override = self.profiles.get(kind)
        if override is None or override == default:
            return default
        ramp = override.outcome_ramp if "outcome_ramp" in override.model_fields_set else default.outcome_ramp
        return Profile(
            weights={**default.weights, **override.weights},
            targets={**default.targets, **override.targets},
            outcome_ramp=ramp,
        )

    def factor(self, factor_id: str) -> FactorParameters:
        factor = FACTORS_BY_ID[factor_id]
        overrides = self.factors.get(factor_id)
        return factor.Parameters.model_validate(overrides) if overrides else factor.DEFAULTS
