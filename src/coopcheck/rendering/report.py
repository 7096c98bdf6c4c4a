"""What the Markdown and HTML reports show, gathered from one assessment (and, optionally, its trend).

Nothing here computes a figure: it only picks out of the assessment what a section shows, so the
reports never say anything the JSON does not contain.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from coopcheck.assessment.model import MOVEMENT_FINDING_PARAM, Assessment, Finding, Movement, PartnershipRef
from coopcheck.assessment.trend import Trend
from coopcheck.i18n import _
from coopcheck.rendering import localize

# Which parameters of a movement are ids to show by their label, per movement id.
LABELLED: dict[str, dict[str, str]] = {
    "band.changed": localize.BANDS,
    "diagnosis.changed": localize.DIAGNOSES,
    "risk.changed": localize.RISK_LEVELS,
}


def change_text(change: Movement, names: dict[str, str], findings: Sequence[Finding] = ()) -> str:
    """A movement's sentence in the current language, with ids shown as labels and keys as names.

    A new finding is quoted in the current language when it is among `findings` (the assessment's).
    """
    table = LABELLED.get(change.id)
    params: dict[str, Any] = {}
    for key, value in change.params.items():
        if table is not None and key in ("before", "after"):
            value = localize.label(table, str(value))
        elif key in ("giver", "receiver") and isinstance(value, str):
            value = names.get(value, value)
        params[key] = value
    quoted = _quoted_finding(change, findings)
    if quoted is not None:
        params["message"] = localize.message(quoted)
    try:
        return localize.fill(_(change.template), params) if change.template else change.message
    except (KeyError, IndexError, ValueError):
        return change.message


def _quoted_finding(change: Movement, findings: Sequence[Finding]) -> Finding | None:
    """The finding a `finding.*` movement quotes: from its own parameters, else among `findings`."""
    finding_id, message = change.params.get("finding"), change.params.get("message")
    if not isinstance(finding_id, str) or not isinstance(message, str):
        return None
    prefix = MOVEMENT_FINDING_PARAM
    own = {k[len(prefix) :]: v for k, v in change.params.items() if k.startswith(prefix)}
    if own:
        return Finding(id=finding_id, severity="info", message=message, params=own)
    return next((f for f in findings if f.id == finding_id and f.message == message), None)


def turning_points(trend: Trend, names: dict[str, str]) -> dict[str, list[str]]:
    """What moved at each turning point, by month, in the current language."""
    return {tp.month: [change_text(c, names) for c in tp.changes] for tp in trend.turning_points}


def partner_names(partnership: PartnershipRef) -> dict[str, str]:
    """Each partner's name by its key."""
    return {partner.key: partner.name for partner in partnership.partners}


def partner_name(assessment: Assessment, key: str | None) -> str:
    for partner in assessment.partnership.partners:
        if partner.key == key:
            return partner.name
    return key or localize.UNKNOWN


AUDIENCES = ("client", "analyst")


def context(assessment: Assessment, trend: Trend | None = None, audience: str = "analyst") -> dict[str, Any]:
    one_way = assessment.reciprocity.one_way
    about = _partnership_context(assessment.partnership)
    names = about["names"]
    return about | {
        "a": assessment,
        "giver": partner_name(assessment, one_way.giver) if one_way.detected else None,
        "receiver": partner_name(assessment, one_way.receiver) if one_way.detected else None,
        "moved": [change_text(m, names, assessment.findings) for m in assessment.movements],
        "trend": trend,
        "turning": turning_points(trend, names) if trend else {},
        "appendix": audience == "analyst",
    }


def portfolio_context(assessments: Sequence[Assessment]) -> dict[str, Any]:
    from coopcheck import __version__

    ordered = sorted(assessments, key=lambda a: (a.health.score is None, a.health.score or 0, a.partnership.id))
    bands = Counter(a.health.band or "none" for a in assessments)
    rows = [
        {
            "a": a,
            "giver": partner_name(a, a.reciprocity.one_way.giver) if a.reciprocity.one_way.detected else None,
            "top": a.findings[0] if a.findings else None,
        }
        for a in ordered
    ]
    as_of = max((a.as_of for a in assessments), default=None)
    return {"rows": rows, "bands": bands, "as_of": as_of, "count": len(assessments), "version": __version__}


def trend_context(trend: Trend) -> dict[str, Any]:
    about = _partnership_context(trend.partnership)
    return about | {"trend": trend, "turning": turning_points(trend, about["names"])}


def _partnership_context(partnership: PartnershipRef) -> dict[str, Any]:
    """What every report on one partnership shows: the partnership, its currency and partner names."""
    from coopcheck import __version__

    names = partner_names(partnership)
    return {"p": partnership, "currency": partnership.currency, "names": names, "version": __version__}
