"""The words and figures of one row of the portfolio table, shared by the text, Markdown and JUnit renderers."""

from __future__ import annotations

from coopcheck.assessment.model import Assessment
from coopcheck.assessment.portfolio import HEALTH_MOVES, CheckedPartnership, PortfolioCheck
from coopcheck.i18n import _
from coopcheck.rendering import localize


def health(assessment: Assessment) -> str:
    band = assessment.health.band
    score = localize.health(assessment.health.score)
    return f"{score} {localize.label(localize.BANDS, band)}" if band else score


def diagnosis(assessment: Assessment) -> str:
    return localize.label(localize.DIAGNOSES, assessment.diagnosis.id)


def reciprocity(assessment: Assessment) -> str:
    return localize.index(assessment.reciprocity.index)


def one_way(assessment: Assessment) -> str:
    street = assessment.reciprocity.one_way
    if not street.detected:
        return _("no")
    since = localize.short_month(street.since) if street.since else localize.UNKNOWN
    return _("{giver} since {since} ({months} mo.)").format(
        giver=street.giver or localize.UNKNOWN, since=since, months=street.months
    )


def empty_contact_risk(assessment: Assessment) -> str:
    risk = assessment.empty_contact_risk
    if risk.level is None:
        return localize.UNKNOWN
    text = f"{localize.label(localize.RISK_LEVELS, risk.level)} ({localize.score(risk.score)})"
    return text + ", " + _("zombie") if risk.zombie else text


def change(result: CheckedPartnership) -> str:
    delta = result.health_change
    if delta is None:
        return "–"
    return ("+" if delta > 0 else "") + localize.number(delta, 1) if delta else "±0"


def what_moved(assessment: Assessment, limit: int = 1) -> list[str]:
    """The first things that moved besides health itself (the change column shows that as a number)."""
    from coopcheck.rendering.report import change_text, partner_names

    shown = [m for m in assessment.movements if m.id not in HEALTH_MOVES and m.id != "nothing"]
    names = partner_names(assessment.partnership)
    return [change_text(m, names, assessment.findings) for m in shown[:limit]]


def outcome(result: CheckedPartnership, detailed: bool = True) -> str:
    """ok, invalid, or FAIL with the conditions hit (`detailed`)."""
    if result.status == "invalid":
        return _("invalid")
    if result.status == "failed":
        return _("FAIL") + (": " + ", ".join(hit.condition for hit in result.hits) if detailed else "")
    return _("ok")


def thresholds(check: PortfolioCheck) -> str:
    parts = []
    if check.fail_under is not None:
        parts.append(_("fail under {bar}").format(bar=f"{check.fail_under:g}"))
    if check.fail_on:
        parts.append(_("fail on {conditions}").format(conditions=", ".join(check.fail_on)))
    return "; ".join(parts) if parts else _("no thresholds set")


def summary(check: PortfolioCheck) -> str:
    counts = check.count()
    return _("{total} partnership(s): {passed} passed, {failed} failed, {invalid} invalid").format(
        total=len(check.results), passed=counts["passed"], failed=counts["failed"], invalid=counts["invalid"]
    )
