"""The influence factors, in report order.

Each factor is one module with `ID`, `TITLE`, `Parameters`, `DEFAULTS` and a pure
`assess(evidence, params) -> FactorResult`; its docstring is the user documentation that
`coopcheck explain` prints. Adding a factor means adding its module and one line below.
"""

from __future__ import annotations

from coopcheck.factors import anchoring, commitment, investment, keeping_in_step
from coopcheck.factors.base import Factor

FACTORS: tuple[Factor, ...] = (
    anchoring,
    keeping_in_step,
    investment,
    commitment,
)

BY_ID: dict[str, Factor] = {factor.ID: factor for factor in FACTORS}
