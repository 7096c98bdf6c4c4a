"""Thresholds: when an assessment should fail a CI build (`--fail-under`, `--fail-on`).

Pure: an assessment and the thresholds in, the conditions it hits out, each with a sentence that
says why. `coopcheck check` and `coopcheck assess --fail-under` share this, so both commands fail
on exactly the same conditions.

A health score that cannot be computed (too little evidence, shown as `?`) does not hit
`--fail-under`: missing evidence is never scored as zero. `--fail-on not_ready` catches a
definition that lacks what a partnership needs before it starts.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from coopcheck.assessment.model import DIAGNOSIS_IDS, Assessment
from coopcheck.i18n import _
from coopcheck.spelling import closest

# `one_way` is both a diagnosis and a condition of its own (a running street, whatever the headline).
CONDITIONS = ("one_way", "red", "amber", "zombie", "not_ready", *(d for d in DIAGNOSIS_IDS if d != "one_way"))
FAIL_UNDER = "fail_under"


class UnknownCondition(ValueError):
    """A `--fail-on` value that is not a condition; the message carries a did-you-mean hint."""

    def __init__(self, value: str) -> None:
        match = closest(value, CONDITIONS)
        hint = f"; did you mean '{match}'?" if match else f" (expected one of: {', '.join(CONDITIONS)})"
        super().__init__(f"unknown condition (found '{value}'){hint}")
        self.value = value


def parse_conditions(values: Iterable[str]) -> tuple[str, ...]:
    """`["one_way,red", "zombie"]` -> `("one_way", "red", "zombie")`; unknown names raise."""
    conditions: list[str] = []
    for value in values:
        for part in str(value).split(","):
            name = part.strip()
            if not name:
                continue
            if name not in CONDITIONS:
                raise UnknownCondition(name)
            if name not in conditions:
                conditions.append(name)
    return tuple(conditions)


@dataclass(frozen=True)
class Hit:
    """One threshold an assessment hits: the condition id and why, in words."""

    condition: str
    message: str


def _score(value: float) -> str:
    return f"{value:g}"


def evaluate(assessment: Assessment, fail_under: float | None, fail_on: Sequence[str]) -> list[Hit]:
    """The thresholds `assessment` hits, in a fixed order (`fail_under` first, then `fail_on`)."""
    hits: list[Hit] = []
    health = assessment.health.score
    if fail_under is not None and health is not None and health < fail_under:
        below = _("health {score} is below {bar}").format(score=_score(health), bar=_score(fail_under))
        hits.append(Hit(FAIL_UNDER, below))
    for condition in fail_on:
        message = _condition_message(assessment, condition)
        if message is not None:
            hits.append(Hit(condition, message))
    return hits


def _condition_message(assessment: Assessment, condition: str) -> str | None:
    band = assessment.health.band
    if condition == "one_way":
        one_way = assessment.reciprocity.one_way
        if not one_way.detected:
            return None
        return _("one-way street: {giver} carries it since {since} ({months} months)").format(
            giver=one_way.giver or "?", since=one_way.since or "?", months=one_way.months
        )
    if condition in ("red", "amber"):
        hit = band == "red" or (condition == "amber" and band == "amber")
        return _("health band is {band}").format(band=band) if hit else None
    if condition == "zombie":
        risk = assessment.empty_contact_risk
        if not risk.zombie:
            return None
        return _("zombie: no outcome for {months} months").format(months=risk.months_without_outcome)
    if condition == "not_ready":
        failed = [check.message for check in assessment.readiness.checks if not check.ok]
        return _("not ready: {checks}").format(checks="; ".join(failed)) if failed else None
    if assessment.diagnosis.id == condition:
        return _("diagnosis is {diagnosis}").format(diagnosis=condition)
    return None
