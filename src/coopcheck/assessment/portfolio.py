"""A portfolio check: every partnership file of a repository, assessed and held against the thresholds.

`coopcheck check` builds one `PortfolioCheck`; its renderers (table, JSON, Markdown, GitHub
annotations, JUnit) read nothing else. A file is `invalid` when it could not be loaded (its
diagnostics say where), `failed` when its assessment hits a threshold, else `passed`.

A portfolio can hold hundreds of partnerships, so each keeps its assessment as its JSON text (a
few to a few tens of kilobytes) with the handful of figures the summary needs; a renderer parses
one assessment at a time. Memory then grows with the number of files by kilobytes, not by objects.
(Compressing the text saved about 10 kB per file: 2 MiB of 52 for 200 files in
benchmarks/bench_check.py, which stays within its flat-memory target without it.)
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from coopcheck.assessment.model import Assessment
from coopcheck.assessment.thresholds import Hit, evaluate
from coopcheck.loading.diagnostics import Diagnostic

Status = Literal["passed", "failed", "invalid"]
HEALTH_MOVES = ("health.rose", "health.fell")


@dataclass(frozen=True)
class CheckedPartnership:
    """One partnership file: its diagnostics, the thresholds it hits, and its assessment as JSON.

    `assessment_json` and `assessment()` are None when the file is invalid (or only validated).
    """

    file: str
    files: tuple[str, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()
    hits: tuple[Hit, ...] = ()
    assessment_json: str | None = None
    id: str | None = None
    band: str | None = None
    health_change: float | None = None

    @property
    def status(self) -> Status:
        if any(d.severity == "error" for d in self.diagnostics):
            return "invalid"
        return "failed" if self.hits else "passed"

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == "error"]

    @property
    def name(self) -> str:
        """The partnership id, or the file when it could not be read."""
        return self.id or self.file

    def assessment(self) -> Assessment | None:
        """The assessment, parsed anew on every call: keep it only as long as one row needs it."""
        text = self.assessment_json
        return Assessment.model_validate_json(text) if text is not None else None


@dataclass(frozen=True)
class PortfolioCheck:
    as_of: dt.date
    fail_under: float | None
    fail_on: tuple[str, ...]
    results: tuple[CheckedPartnership, ...] = field(default_factory=tuple)

    def count(self) -> Counter[str]:
        return Counter(result.status for result in self.results)

    @property
    def bands(self) -> Counter[str]:
        return Counter((r.band or "unscored") for r in self.results if r.assessment_json is not None)

    @property
    def status(self) -> Status:
        """The worst status of any file: invalid before failed before passed."""
        counts = self.count()
        return "invalid" if counts["invalid"] else "failed" if counts["failed"] else "passed"


def health_change(assessment: Assessment) -> float | None:
    """Health points gained or lost since the end of the previous month; a move under one point counts as 0.

    None when there is no previous month to compare with, or health could not be scored then or now.
    """
    if assessment.compared_with is None or assessment.health.score is None:
        return None
    for movement in assessment.movements:
        if movement.id in HEALTH_MOVES:
            before, after = movement.params.get("before"), movement.params.get("after")
            if isinstance(before, (int, float)) and isinstance(after, (int, float)):
                return round(after - before, 1)
        if movement.id == "health.scored":
            return None
    return 0.0


def checked(
    file: str,
    assessment: Assessment | None,
    diagnostics: Sequence[Diagnostic],
    fail_under: float | None,
    fail_on: Sequence[str],
    files: Sequence[str] = (),
) -> CheckedPartnership:
    """Hold one assessment against the thresholds, and keep it as JSON."""
    if assessment is None:
        return CheckedPartnership(file, tuple(files) or (file,), tuple(diagnostics))
    return CheckedPartnership(
        file,
        tuple(files) or (file,),
        tuple(diagnostics),
        hits=tuple(evaluate(assessment, fail_under, fail_on)),
        assessment_json=assessment.model_dump_json(),
        id=assessment.partnership.id,
        band=assessment.health.band,
        health_change=health_change(assessment),
    )
