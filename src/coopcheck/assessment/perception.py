"""Perception gaps: the two sides rate the same influence factor far apart in their surveys.

The latest survey of each side up to the assessment date is compared factor by factor; a gap of
two points or more on the 1-5 scale is reported. A gap often says more than either rating: one
side is unhappy and the other has not noticed.
"""

from __future__ import annotations

from coopcheck.assessment.model import Finding, PerceptionGap
from coopcheck.evidence import Evidence
from coopcheck.factors import BY_ID as FACTORS
from coopcheck.findings import cite_survey, finding, template
from coopcheck.i18n import N_

SECTION = "perception"
MIN_GAP = 2

GAP = template(
    "perception.gap",
    N_("The sides see {factor} differently: {low_side} rates it {low}, {high_side} rates it {high}."),
    N_("Discuss {factor} at the next review: ask {low_side} what it would need to see to rate it higher."),
)


def perception_gaps(evidence: Evidence) -> tuple[list[PerceptionGap], list[Finding]]:
    if len(evidence.surveys) < 2:
        return [], []
    gaps: list[PerceptionGap] = []
    findings: list[Finding] = []
    latest = [evidence.surveys[side] for side in evidence.sides]
    given = {side: survey.ratings.given() for side, (_, survey) in zip(evidence.sides, latest, strict=True)}
    date = max(survey.date for _, survey in latest)
    citations = [c for index, _ in latest for c in cite_survey(evidence, index)]
    for factor in FACTORS:
        if not all(factor in given[side] for side in evidence.sides):
            continue
        ratings = {side: given[side][factor] for side in evidence.sides}
        gap = abs(ratings[evidence.sides[0]] - ratings[evidence.sides[1]])
        if gap < MIN_GAP:
            continue
        gaps.append(PerceptionGap(factor=factor, ratings=ratings, gap=gap, date=date))
        low_side, high_side = sorted(evidence.sides, key=lambda side: (ratings[side], side))
        detail = {
            "factor": FACTORS[factor].TITLE if factor in FACTORS else factor,
            "factor_id": factor,
            "low_side": evidence.name(low_side),
            "low": ratings[low_side],
            "high_side": evidence.name(high_side),
            "high": ratings[high_side],
            "gap": gap,
        }
        findings.append(finding(GAP, "warning", SECTION, detail, citations))
    return gaps, findings
