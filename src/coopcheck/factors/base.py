"""What every influence factor module provides: `ID`, `TITLE`, `Parameters`, `DEFAULTS`, `assess`."""

from __future__ import annotations

from typing import Any, Protocol

from pydantic import BaseModel, ConfigDict

from coopcheck.evidence import Evidence
from coopcheck.findings import FactorResult


class FactorParameters(BaseModel):
    """Base for a factor's parameters: validated, documented, unknown keys refused."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Factor(Protocol):
    """A factor module, seen from the registry."""

    @property
    def ID(self) -> str: ...
    @property
    def TITLE(self) -> str: ...
    @property
    def SURVEY(self) -> str: ...
    @property
    def Parameters(self) -> type[FactorParameters]: ...
    @property
    def DEFAULTS(self) -> FactorParameters: ...

    def assess(self, evidence: Evidence, params: Any) -> FactorResult: ...


def clamp(value: float, low: float = 0.0, high: float = 1.0) -> float:
    return max(low, min(high, value))


def score(fraction: float) -> float:
    """A 0..1 figure as a 0..100 score, one decimal."""
    return round(100 * clamp(fraction), 1)


def weighted(parts: dict[str, tuple[float | None, float]]) -> float | None:
    """Weighted mean of the parts that could be measured (value None is left out, not zero)."""
    measured = [(value, weight) for value, weight in parts.values() if value is not None and weight > 0]
    total = sum(weight for _, weight in measured)
    if total <= 0:
        return None
    return sum(value * weight for value, weight in measured) / total
