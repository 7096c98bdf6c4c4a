"""Finding templates: the stable ids, their English texts, and how a finding cites its evidence.

Every module that reports a finding declares its template once, at import time, with `template()`.
The English message and remediation are formatted from the template with the finding's `params`;
a renderer that shows another language looks the template up in `TEMPLATES` by the finding id,
translates it and formats it with the same `params`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from coopcheck.assessment.model import Evidence as Citation
from coopcheck.assessment.model import Finding, Severity
from coopcheck.evidence import Evidence

MAX_CITATIONS = 5
SEVERITY_RANK: dict[str, int] = {"error": 0, "warning": 1, "info": 2}


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
    citations: Iterable[Citation] = (),
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


def cite(evidence: Evidence, indices: Iterable[int]) -> list[Citation]:
    """`file:line` and id of the activities at `indices` (at most MAX_CITATIONS)."""
    citations: list[Citation] = []
    for index in indices:
        origin = evidence.origin(index)
        if origin is None:
            continue
        citations.append(Citation(file=origin.file, line=origin.line, activity=evidence.activity(index).id))
        if len(citations) == MAX_CITATIONS:
            break
    return citations


def cite_survey(evidence: Evidence, index: int) -> list[Citation]:
    origins = evidence.loaded.survey_origins
    if index >= len(origins):
        return []
    return [Citation(file=origins[index].file, line=origins[index].line)]


def ordered(findings: Iterable[Finding]) -> list[Finding]:
    """Most severe first; ties by id and message, so the order never depends on dict order."""
    return sorted(findings, key=lambda f: (SEVERITY_RANK[f.severity], f.id, f.message))
