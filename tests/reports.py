"""The shipped examples assessed as of the tests' date, with their trend, computed once per run."""

from __future__ import annotations

import datetime as dt
import functools
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from coopcheck.assessment.model import Assessment
from coopcheck.assessment.trend import Trend, summarize
from coopcheck.i18n import set_language
from support import AS_OF, EXAMPLES, ROOT

DAY = dt.date.fromisoformat(AS_OF)
EXAMPLE_NAMES = ("thriving", "one-way-street", "empty", "out-of-step", "readiness")


@functools.cache
def assessed(name: str) -> tuple[Assessment, Trend]:
    """The assessment of `examples/<name>.yaml` as of AS_OF, and its month-by-month trend."""
    from coopcheck.assessment import trend
    from coopcheck.loading import load_partnership

    # Loaded by a path relative to the repository, so reports cite `examples/...` on every machine.
    previous = Path.cwd()
    os.chdir(ROOT)
    try:
        result = load_partnership(EXAMPLES.relative_to(ROOT) / f"{name}.yaml", allow_outside=False, today=DAY)
    finally:
        os.chdir(previous)
    assert result.partnership is not None, result.diagnostics
    monthly = trend.monthly(result.partnership, DAY)
    return monthly[-1], summarize(monthly)


@pytest.fixture(autouse=True)
def english_afterwards() -> Iterator[None]:
    """Commands switch the process-wide language; put it back so later tests see English."""
    yield
    set_language("en")
