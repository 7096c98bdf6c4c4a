"""Findings: what a factor or section says, with its evidence and the lever to pull.

The vocabulary every judging step shares (factors and the sections of the assessment): a
`Finding` with its stable id and citations, a factor's `FactorResult`, and the templates findings
are made from. Every module that reports a finding declares its template once, at import time,
with `template()`. The English message and remediation are formatted from the template with the
finding's `params`; a renderer that shows another language looks the template up in `TEMPLATES`
by the finding id, translates it and formats it with the same `params`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

if TYPE_CHECKING:
    from coopcheck.evidence import Evidence as LogEvidence

Severity = Literal["info", "warning", "error"]
MAX_CITATIONS = 5
SEVERITY_RANK: dict[str, int] = {"error": 0, "warning": 1, "info": 2}


class Out(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Evidence(Out):
    """One place in the input that backs a finding."""

    file: str
    line: int
    activity: str | None = Field(default=None, description="Activity id, where the activity has one.")
    date: dt.date | None = Field(default=None, description="Day of the cited activity or survey.")
    type: str | None = Field(default=None, description="Type of the cited activity.")
    topic: str | None = Field(default=None, description="Topic of the cited activity, where it has one.")


class Finding(Out):
    """A statement about the partnership with its evidence and the lever to pull.

    `id` is stable (scripts and `--fail-on` rely on it); `message` and `remediation` are the English
    text, rendered from templates with `params`, so a renderer can show them in another language.
    """

    id: str
    severity: Severity
    factor: str | None = Field(default=None, description="Factor or section the finding belongs to.")
    message: str
    remediation: str | None = None
    params: dict[str, str | int | float | None] = Field(default_factory=dict)
    evidence: list[Evidence] = Field(default_factory=list)


class FactorResult(Out):
    """One influence factor's score (null with the reason when evidence is too thin) and findings."""

    id: str
    title: str
    score: float | None
    reason: str | None = Field(default=None, description="Why the score is null, or what it rests on.")
    findings: list[Finding] = Field(default_factory=list)


@dataclass(frozen=True)
class FindingTemplate:
    id: str
    message: str
    remediation: str | None = None


TEMPLATES: dict[str, FindingTemplate] = {}


def template(finding_id: str, message: str, remediation: str | None = None) -> FindingTemplate:
    """Declare the finding `finding_id` with its (N_-marked) message and remediation templates."""
    declared = FindingTemplate(finding_id, message, remediation)
    if TEMPLATES.setdefault(finding_id, declared) != declared:
        raise ValueError(f"finding id {finding_id!r} declared twice with different texts")
    return declared


def finding(
    declared: FindingTemplate,
    severity: Severity,
    section: str,
    params: Mapping[str, Any],
    citations: Iterable[Evidence] = (),
) -> Finding:
    return Finding(
        id=declared.id,
        severity=severity,
        factor=section,
        message=declared.message.format(**params),
        remediation=declared.remediation.format(**params) if declared.remediation else None,
        params=dict(params),
        evidence=list(citations)[:MAX_CITATIONS],
    )


def cite(evidence: LogEvidence, indices: Iterable[int]) -> list[Evidence]:
    """`file:line` and id of the activities at `indices` (at most MAX_CITATIONS)."""
    citations: list[Evidence] = []
    for index in indices:
        origin = evidence.origin(index)
        if origin is None:
            continue
        activity = evidence.activity(index)
        citations.append(
            Evidence(
                file=origin.file,
                line=origin.line,
                activity=activity.id,
                date=activity.date,
                type=activity.type.value,
                topic=activity.topic,
            )
        )
        if len(citations) == MAX_CITATIONS:
            break
    return citations


def cite_survey(evidence: LogEvidence, index: int) -> list[Evidence]:
    origins = evidence.loaded.survey_origins
    if index >= len(origins):
        return []
    surveys = evidence.loaded.definition.surveys
    day = surveys[index].date if index < len(surveys) else None
    return [Evidence(file=origins[index].file, line=origins[index].line, date=day, type="survey" if day else None)]


def cite_place(evidence: LogEvidence, *path: str) -> list[Evidence]:
    """The line of the definition a finding is about, e.g. ("partners", "acme", "sponsor"): the key
    itself, or the nearest enclosing key that was written."""
    places = evidence.loaded.places
    while path:
        origin = places.get(path)
        if origin is not None:
            return [Evidence(file=origin.file, line=origin.line)]
        path = path[:-1]
    return []


def ordered(findings: Iterable[Finding]) -> list[Finding]:
    """Most severe first; ties by id and message, so the order never depends on dict order."""
    return sorted(findings, key=lambda f: (SEVERITY_RANK[f.severity], f.id, f.message))
