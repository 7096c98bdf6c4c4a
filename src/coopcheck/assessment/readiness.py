"""Readiness of the definition: what the partners should have agreed before activity starts.

Six checks, each pass or fail: a sponsor on both sides, working-level contacts on both sides, at
least one outcome target, an agreed response time, a review rhythm, and a cost split. The score is
100 x the share that pass. Missing hourly rates are noted but not scored: they only affect how
effort is priced (at the other partner's rate, or at the default rate of the currency; a currency
without a default leaves the hours unpriced, which is a warning).
"""

from __future__ import annotations

from coopcheck.assessment.model import Finding, Readiness, ReadinessCheck
from coopcheck.evidence import Evidence
from coopcheck.findings import cite_place, finding, template
from coopcheck.i18n import N_

SECTION = "readiness"

NO_RESPONSE_DAYS = template(
    "readiness.no_response_days",
    N_("No response time was agreed, so nobody can say when an answer is late."),
    N_("Agree a turnaround for requests (success_factors.influence.response_days), e.g. five working days."),
)
NO_REVIEW_RHYTHM = template(
    "readiness.no_review_rhythm",
    N_("No review rhythm was agreed."),
    N_("Agree how often both sides review the partnership (review_every_days), e.g. every 30 or 90 days."),
)
NO_COST_SPLIT = template(
    "readiness.no_cost_split",
    N_("No cost split was agreed; investment is judged against 50/50."),
    N_("Agree each side's share of the investment in percent (success_factors.influence.cost_split)."),
)
NO_RATE_AT_ALL = template(
    "readiness.no_rate_for_currency",
    N_("{side} states no hourly_rate and coopcheck knows no default rate in {currency}: its hours are not priced."),
    N_("Add partners.{key}.hourly_rate, or set valuation.default_hourly_rates for {currency} in the configuration."),
)
NO_HOURLY_RATE = template(
    "readiness.no_hourly_rate",
    N_("{side} states no hourly_rate, so its effort is priced at {rate:,.0f} {currency} an hour."),
    N_("Add partners.{key}.hourly_rate so that {side}'s effort is priced at its real cost."),
)


def assess_readiness(evidence: Evidence) -> tuple[Readiness, list[Finding]]:
    definition = evidence.definition
    partners = [definition.partners[side] for side in evidence.sides]
    influence = definition.success_factors.influence
    outcomes = definition.success_factors.outcomes
    targets = [outcomes.joint_campaigns, outcomes.projects_won, outcomes.revenue]
    checks = [
        ReadinessCheck(id="sponsors", ok=all(p.sponsor for p in partners), message=N_("A sponsor on both sides.")),
        ReadinessCheck(
            id="contacts", ok=all(p.contacts for p in partners), message=N_("Working-level contacts on both sides.")
        ),
        ReadinessCheck(
            id="outcome_targets", ok=any(t is not None for t in targets), message=N_("Outcome targets agreed.")
        ),
        ReadinessCheck(
            id="response_days", ok=influence.response_days is not None, message=N_("A response time agreed.")
        ),
        ReadinessCheck(
            id="review_rhythm", ok=definition.review_every_days is not None, message=N_("A review rhythm agreed.")
        ),
        ReadinessCheck(id="cost_split", ok=bool(influence.cost_split), message=N_("A cost split agreed.")),
    ]
    findings: list[Finding] = []
    if influence.response_days is None:
        findings.append(
            finding(NO_RESPONSE_DAYS, "warning", SECTION, {}, cite_place(evidence, "success_factors", "influence"))
        )
    if definition.review_every_days is None:
        findings.append(finding(NO_REVIEW_RHYTHM, "warning", SECTION, {}, cite_place(evidence, "started")))
    if not influence.cost_split:
        findings.append(
            finding(NO_COST_SPLIT, "warning", SECTION, {}, cite_place(evidence, "success_factors", "influence"))
        )
    for side, partner in zip(evidence.sides, partners, strict=True):
        if partner.hourly_rate is not None:
            continue
        detail: dict[str, str | float] = {"side": evidence.name(side), "key": side}
        place = cite_place(evidence, "partners", side)
        if evidence.rate_known:
            priced = {**detail, "rate": round(evidence.rates[side], 2), "currency": evidence.currency}
            findings.append(finding(NO_HOURLY_RATE, "info", SECTION, priced, place))
        else:
            unpriced = {**detail, "currency": evidence.currency}
            findings.append(finding(NO_RATE_AT_ALL, "warning", SECTION, unpriced, place))
    score = round(100 * sum(c.ok for c in checks) / len(checks), 1)
    return Readiness(score=score, checks=checks), findings
