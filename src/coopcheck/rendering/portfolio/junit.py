"""The portfolio as JUnit XML: one test case per partnership, for CI systems that show test reports.

A partnership that hits a threshold is a `<failure>` whose message names the thresholds and whose
text lists the findings; an invalid file is an `<error>` with its diagnostics; a partnership that
passes reports its health in `<system-out>`. ElementTree does the escaping.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from coopcheck.assessment.model import Assessment
from coopcheck.assessment.portfolio import CheckedPartnership, PortfolioCheck
from coopcheck.i18n import _
from coopcheck.rendering import localize
from coopcheck.rendering.portfolio import cells

SUITE = "coopcheck check"
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # characters XML 1.0 cannot hold


def _findings(assessment: Assessment) -> str:
    lines = []
    for finding in assessment.findings:
        where = ", ".join(f"{e.file}:{e.line}" for e in finding.evidence)
        line = f"[{finding.severity}] {finding.id}: {localize.message(finding)}" + (f" ({where})" if where else "")
        remediation = localize.remediation(finding)
        if remediation:
            line += f"\n    {_('Lever')}: {remediation}"
        lines.append(line)
    return "\n".join(lines)


def _headline(assessment: Assessment) -> str:
    return _("health {health}, {diagnosis}, reciprocity {reciprocity}, empty-contact risk {risk}").format(
        health=cells.health(assessment),
        diagnosis=cells.diagnosis(assessment),
        reciprocity=cells.reciprocity(assessment),
        risk=cells.empty_contact_risk(assessment),
    )


def _testcase(suite: ET.Element, result: CheckedPartnership) -> None:
    case = ET.SubElement(suite, "testcase", name=result.name, classname=result.file, time="0")
    assessment = result.assessment()
    if result.status == "invalid" or assessment is None:
        error = ET.SubElement(case, "error", message=_("invalid partnership file"), type="invalid")
        error.text = "\n".join(str(d) for d in result.errors)
        return
    body = _headline(assessment) + "\n" + _findings(assessment)
    if result.status == "failed":
        message = "; ".join(hit.message for hit in result.hits)
        ET.SubElement(case, "failure", message=message, type="threshold").text = body
    else:
        ET.SubElement(case, "system-out").text = body


def render(check: PortfolioCheck) -> str:
    counts = check.count()
    totals = {
        "tests": str(len(check.results)),
        "failures": str(counts["failed"]),
        "errors": str(counts["invalid"]),
        "skipped": "0",
        "time": "0",
    }
    root = ET.Element("testsuites", {"name": "coopcheck", **totals})
    suite = ET.SubElement(root, "testsuite", {"name": SUITE, **totals})
    properties = ET.SubElement(suite, "properties")
    ET.SubElement(properties, "property", name="as_of", value=check.as_of.isoformat())
    ET.SubElement(properties, "property", name="thresholds", value=cells.thresholds(check))
    for result in check.results:
        _testcase(suite, result)
    ET.indent(root)
    return NOT_XML.sub("\ufffd", ET.tostring(root, encoding="unicode", xml_declaration=True)) + "\n"
