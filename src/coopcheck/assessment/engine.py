"""The assessment of one partnership as of one date: evidence, factors, sections, health, diagnosis.

`assess` is pure: the same partnership, date and parameters always give the same assessment, and
activity dated after `as_of` is ignored. It also assesses the end of the previous month to say
what moved since then.
"""

from __future__ import annotations

import datetime as dt

from coopcheck import __version__
from coopcheck.assessment.diagnosis import Sections, diagnose
from coopcheck.assessment.empty_contacts import assess_empty_contacts
from coopcheck.assessment.health import health_score, influence_score
from coopcheck.assessment.model import Assessment, Finding, PartnerRef, PartnershipRef
from coopcheck.assessment.movement import monthly_series, what_moved
from coopcheck.assessment.outcomes import assess_outcomes
from coopcheck.assessment.parameters import ScoringParameters
from coopcheck.assessment.perception import perception_gaps
from coopcheck.assessment.readiness import assess_readiness
from coopcheck.assessment.reciprocity import assess_reciprocity
from coopcheck.evidence import Evidence, gather, gather_both
from coopcheck.factors import FACTORS
from coopcheck.findings import ordered
from coopcheck.models import LoadedPartnership


def assess(loaded: LoadedPartnership, as_of: dt.date, params: ScoringParameters | None = None) -> Assessment:
    """Assess `loaded` as of `as_of`, with what moved since the end of the previous month."""
    params = params or ScoringParameters()
    previous_day = as_of.replace(day=1) - dt.timedelta(days=1)
    compared = previous_day >= loaded.definition.started
    if compared:  # both dates from one walk over the log
        earlier, evidence = gather_both(loaded, previous_day, as_of, params.valuation)
    else:
        evidence = gather(loaded, as_of, params.valuation)
    current = assess_evidence(evidence, params)
    update: dict[str, object] = {"months": monthly_series(evidence)}
    if compared:
        previous = assess_evidence(earlier, params)
        movements = what_moved(previous, current)
        update |= {
            "movements": movements,
            "what_moved": [m.message for m in movements],
            "compared_with": previous_day,
        }
    return current.model_copy(update=update)


def assess_at(loaded: LoadedPartnership, as_of: dt.date, params: ScoringParameters) -> tuple[Assessment, Evidence]:
    """The assessment as of `as_of` alone (no comparison, no monthly series), and its evidence."""
    evidence = gather(loaded, as_of, params.valuation)
    return assess_evidence(evidence, params), evidence


def assess_evidence(evidence: Evidence, params: ScoringParameters) -> Assessment:
    """The assessment the evidence shows, as of its date."""
    loaded, as_of = evidence.loaded, evidence.as_of
    definition = loaded.definition
    profile = params.profile(definition.kind)
    factors = [factor.assess(evidence, params.factor(factor.ID)) for factor in FACTORS]
    findings: list[Finding] = [f for result in factors for f in result.findings]
    influence = influence_score(factors, profile, params.health, evidence)
    outcome, outcome_findings = assess_outcomes(evidence, params.outcome, profile)
    reciprocity, reciprocity_findings = assess_reciprocity(evidence, params.reciprocity)
    risk, risk_findings = assess_empty_contacts(evidence, params.empty_contacts, outcome.due_from or definition.started)
    readiness, readiness_findings = assess_readiness(evidence)
    gaps, gap_findings = perception_gaps(evidence)
    health = health_score(influence, outcome, reciprocity, risk, profile, params.health, params.bands)
    sections = Sections(evidence, influence, outcome, reciprocity, risk, health, readiness)
    diagnosis = diagnose(sections, params.diagnosis, params.empty_contacts.zombie_months)
    findings += outcome_findings + reciprocity_findings + risk_findings + readiness_findings + gap_findings
    return Assessment(
        coopcheck_version=__version__,
        as_of=as_of,
        partnership=PartnershipRef(
            id=definition.id,
            name=definition.name,
            kind=definition.kind.value,
            file=loaded.file,
            started=definition.started,
            currency=definition.currency,
            partners=[PartnerRef(key=key, name=partner.name) for key, partner in definition.partners.items()],
        ),
        health=health,
        diagnosis=diagnosis,
        influence=influence,
        outcome=outcome,
        reciprocity=reciprocity,
        empty_contact_risk=risk,
        readiness=readiness,
        perception_gaps=gaps,
        findings=ordered(findings),
    )
