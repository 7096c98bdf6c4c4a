"""Influence score and health score: weighted means with the profile of the partnership's kind.

Influence = weighted mean of the factor scores (at least {min_factors} scored) x freshness, where

    freshness = 0.5 ^ (max(0, quiet months - {quiet_grace_months}) / {quiet_half_life_months:g})

and quiet months are the whole months since the quieter side last did work for the partnership
(anything but a review, a request, an outcome or a contact without a topic; from `started` if it
never did). Factor scores rest on the whole log; freshness makes sure that months of silence
cannot hide behind a good first quarter.

Health = weighted mean of the factor scores (each x freshness), the outcome score, 100 x the
reciprocity index and 100 - the empty-contact risk, over the components that could be scored,
provided they carry at least {min_weight_share:.0%} of the profile's weight. Band: green from 70,
amber from 45, red below. Caps: a one-way street keeps the band at {one_way_cap} at best, an
influence factor below {broken_factor_below:g} (broken) at {broken_factor_cap}, a zombie (two
quarters without a due outcome while effort goes on) at {zombie_cap}; the report says the cap in
the line of the band.
"""

from __future__ import annotations

from coopcheck.assessment.model import Band, EmptyContactRisk, FactorResult, Health, Influence, Outcome, Reciprocity
from coopcheck.assessment.parameters import (
    EMPTY_CONTACTS,
    OUTCOME,
    RECIPROCITY,
    Bands,
    HealthParameters,
    Profile,
)
from coopcheck.evidence import Evidence
from coopcheck.i18n import N_
from coopcheck.months import full_months_between

BAND_ORDER: tuple[Band, ...] = ("red", "amber", "green")


def influence_score(
    factors: list[FactorResult], profile: Profile, params: HealthParameters, evidence: Evidence
) -> Influence:
    quiet_side, quiet_months = quietest(evidence)
    freshness = round(0.5 ** (max(0, quiet_months - params.quiet_grace_months) / params.quiet_half_life_months), 3)
    quiet = {"freshness": freshness, "quiet_side": quiet_side, "quiet_months": quiet_months}
    scored = [(f.score, profile.weight(f.id)) for f in factors if f.score is not None]
    weight = sum(w for _, w in scored)
    if len(scored) < params.min_factors or weight <= 0:
        return Influence(score=None, factors=factors, reason=N_("Too few influence factors could be scored."), **quiet)
    mean = round(sum(s * w for s, w in scored) / weight, 1)
    scaled = N_("Scaled down for the months without work from one side.") if freshness < 1 else None
    return Influence(
        score=round(mean * freshness, 1), factors=factors, factors_score=mean, reason=scaled, **quiet
    )


def quietest(evidence: Evidence) -> tuple[str | None, int]:
    """The side that has done no work for longest, and for how many whole months (no side when both
    have been quiet equally long: neither is singled out)."""
    started = evidence.definition.started
    quiet = {
        side: full_months_between(max(days[-1] if days else started, started), evidence.as_of)
        for side, days in evidence.work_days.items()
    }
    if not quiet:
        return None, 0
    first, second = evidence.sides
    if quiet[first] == quiet[second]:
        return None, quiet[first]
    side = first if quiet[first] > quiet[second] else second
    return side, quiet[side]


def health_score(
    influence: Influence,
    outcome: Outcome,
    reciprocity: Reciprocity,
    risk: EmptyContactRisk,
    profile: Profile,
    params: HealthParameters,
    bands: Bands,
) -> Health:
    components: dict[str, float | None] = {
        f.id: None if f.score is None else f.score * influence.freshness for f in influence.factors
    }
    components[OUTCOME] = outcome.score
    components[RECIPROCITY] = None if reciprocity.index is None else 100 * reciprocity.index
    components[EMPTY_CONTACTS] = None if risk.score is None else 100 - risk.score
    weights = {component: profile.weight(component) for component in components}
    total = sum(weights.values())
    scored = {c: s for c, s in components.items() if s is not None and weights[c] > 0}
    scored_weight = sum(weights[c] for c in scored)
    if total <= 0 or scored_weight / total < params.min_weight_share:
        return Health(score=None, band=None, weights=weights, reason=N_("Too little evidence yet for a health score."))
    score = round(sum(s * weights[c] for c, s in scored.items()) / scored_weight, 1)
    band: Band = "green" if score >= bands.green else "amber" if score >= bands.amber else "red"
    broken = any(f.score is not None and f.score < params.broken_factor_below for f in influence.factors)
    caps = [
        (reciprocity.one_way.detected, params.one_way_cap, N_("Band capped: a one-way street is detected.")),
        (risk.zombie, params.zombie_cap, N_("Band capped: no outcome for two quarters or more.")),
        (broken, params.broken_factor_cap, N_("Band capped: an influence factor is broken.")),
    ]
    band, reason = capped(band, caps)
    return Health(score=score, band=band, weights=weights, reason=reason)


def capped(band: Band, caps: list[tuple[bool, Band | None, str]]) -> tuple[Band, str | None]:
    """The band after every cap that applies, and the reason of the last one that lowered it."""
    reason: str | None = None
    for applies, cap, why in caps:
        if applies and cap is not None and BAND_ORDER.index(band) > BAND_ORDER.index(cap):
            band, reason = cap, why
    return band, reason
