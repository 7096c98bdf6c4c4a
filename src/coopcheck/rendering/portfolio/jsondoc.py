"""The portfolio as JSON: every assessment in the contract of `coopcheck assess --format json`, and a summary.

    {"schema_version", "coopcheck_version", "as_of", "thresholds": {"fail_under", "fail_on"},
     "summary": {"partnerships", "passed", "failed", "invalid", "bands": {...}, "status"},
     "results": [{"file", "status", "hits": [{"condition", "message"}], "health_change",
                  "diagnostics": [...], "assessment": {...} | null}, ...]}

One line per partnership: compact enough for hundreds of them, and easy to grep and diff. The
assessments are written as they were kept, without being parsed again. Results are in input
order and nothing depends on timing or the number of processes, so the same files always give
byte-identical output.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from coopcheck import __version__
from coopcheck.assessment.model import SCHEMA_VERSION
from coopcheck.assessment.portfolio import CheckedPartnership, PortfolioCheck


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _result(result: CheckedPartnership) -> str:
    head = {
        "file": result.file,
        "status": result.status,
        "hits": [{"condition": hit.condition, "message": hit.message} for hit in result.hits],
        "health_change": result.health_change,
        "diagnostics": [asdict(d) for d in result.diagnostics],
    }
    return _dumps(head)[:-1] + ',"assessment":' + (result.assessment_json or "null") + "}"


def render(check: PortfolioCheck) -> str:
    counts = check.count()
    head = {
        "schema_version": SCHEMA_VERSION,
        "coopcheck_version": __version__,
        "as_of": check.as_of.isoformat(),
        "thresholds": {"fail_under": check.fail_under, "fail_on": list(check.fail_on)},
        "summary": {
            "partnerships": len(check.results),
            "passed": counts["passed"],
            "failed": counts["failed"],
            "invalid": counts["invalid"],
            "bands": {band: check.bands[band] for band in ("green", "amber", "red", "unscored")},
            "status": check.status,
        },
    }
    results = ",\n".join(_result(result) for result in check.results)
    return _dumps(head)[:-1] + ',"results":[\n' + results + ("\n" if results else "") + "]}\n"
