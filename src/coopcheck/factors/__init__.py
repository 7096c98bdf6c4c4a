"""The influence factors, in report order.

Each factor is one module with `ID`, `TITLE`, `SURVEY`, `Parameters`, `DEFAULTS` and a pure
`assess(evidence, params) -> FactorResult`; its docstring is the user documentation that
`coopcheck explain` prints (with `{parameter}` placeholders filled from the parameters in force),
an optional `BASIS` says what a good score rests on and an optional `WHY` why each default is
what it is. Adding a factor means adding its module and one line below: the survey key, the
schema, the weights (1 unless a profile says otherwise), the configuration, the reports and the
generated docs (`python tools/docs.py`) follow from here; docs/factors.md lists the steps.
"""

from __future__ import annotations

from coopcheck.factors import anchoring, commitment, investment, keeping_in_step
from coopcheck.factors.base import Factor

FACTORS: list[Factor] = [
    anchoring,
    keeping_in_step,
    investment,
    commitment,
]

BY_ID: dict[str, Factor] = {factor.ID: factor for factor in FACTORS}


def register(factor: Factor) -> None:
    """Add a factor after the built-in ones: it is scored, explained, rated in surveys and reported."""
    if factor.ID in BY_ID:
        raise ValueError(f"a factor '{factor.ID}' is registered already")
    FACTORS.append(factor)
    BY_ID[factor.ID] = factor


def unregister(factor_id: str) -> None:
    FACTORS.remove(BY_ID.pop(factor_id))
