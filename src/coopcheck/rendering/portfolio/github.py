"""The portfolio as GitHub Actions workflow commands, grouped per partnership file.

Each finding becomes an annotation on the YAML line of its first piece of evidence (the others
are named in the message); a finding without evidence, and every threshold the partnership hits,
is put on the partnership file itself. Invalid files get one `::error` per diagnostic at
`file:line:column`. Severity maps to the annotation level: error, warning, notice; in a
partnership that passes (no threshold hit) a finding is at most a warning, so `::error` always
means something failed the build.
"""

from __future__ import annotations

from coopcheck.assessment.model import Finding
from coopcheck.assessment.portfolio import CheckedPartnership, PortfolioCheck
from coopcheck.i18n import _
from coopcheck.rendering import localize
from coopcheck.rendering.diagnostics import annotation, escape_data
from coopcheck.rendering.portfolio import cells

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}
PASSING_LEVELS = {"error": "warning", "warning": "notice", "info": "notice"}


def _finding(result: CheckedPartnership, item: Finding, partnership: str) -> str:
    levels = LEVELS if result.hits else PASSING_LEVELS
    message = localize.message(item)
    remediation = localize.remediation(item)
    if remediation:
        message += f" {_('Lever')}: {remediation}"
    file, line = result.file, 1
    if item.evidence:
        file, line = item.evidence[0].file, item.evidence[0].line
        others = [f"{e.file}:{e.line}" for e in item.evidence[1:]]
        if others:
            message += " (" + _("also") + " " + ", ".join(others) + ")"
    return annotation(levels[item.severity], file, line, 1, message, title=f"{partnership}: {item.id}")


def _lines(result: CheckedPartnership) -> list[str]:
    lines = [
        annotation(d.severity, d.file, d.line, d.column, f"{d.field}: {d.message}" if d.field else d.message)
        for d in result.diagnostics
    ]
    assessment = result.assessment()
    if assessment is None:
        return lines
    partnership = assessment.partnership.id
    lines.extend(
        annotation("error", result.file, 1, 1, hit.message, title=f"{partnership}: {hit.condition}")
        for hit in result.hits
    )
    lines.extend(_finding(result, item, partnership) for item in assessment.findings)
    return lines


def render(check: PortfolioCheck) -> str:
    out: list[str] = []
    for result in check.results:
        lines = _lines(result)
        if not lines:
            continue
        out.append(f"::group::{escape_data(result.file)}")
        out.extend(lines)
        out.append("::endgroup::")
    out.append(f"{cells.summary(check)} ({cells.thresholds(check)})")
    return "".join(line + "\n" for line in out)
