"""Renderers for `coopcheck check`: one `PortfolioCheck` in, text out, one module per format.

`text` is the rich table for a terminal or log, `jsondoc` the machine-readable list of assessments
with a summary, `markdown` the job summary (at most 1 MiB), `github` workflow annotations on the
YAML lines that evidence each finding, `junit` one test case per partnership. Each module has one
`render(check, ...) -> str`; the command imports only the one it needs (rich is not cheap to load).
"""

from __future__ import annotations

import dataclasses

from coopcheck.assessment.portfolio import PortfolioCheck
from coopcheck.escaping import printable_all


def printable_check(check: PortfolioCheck) -> PortfolioCheck:
    """`check` with every file name, message and assessment text printable (for every format but JSON)."""
    results = []
    for result in check.results:
        shown = printable_all(result)
        assessment = result.assessment()
        escaped = printable_all(assessment)
        if escaped is not assessment and escaped is not None:
            shown = dataclasses.replace(shown, assessment_json=escaped.model_dump_json())
        results.append(shown)
    return dataclasses.replace(check, results=tuple(results))
