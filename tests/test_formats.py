"""One renderer interface: every command picks its formats from one registry, and rendering reads
only the result models of the assessment."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from coopcheck.cli.assess import AssessFormat
from coopcheck.cli.check import CheckFormat
from coopcheck.cli.trend import TrendFormat
from coopcheck.rendering import formats
from reports import assessed, english_afterwards  # noqa: F401

RENDERING = Path(formats.__file__).parent
# The result models rendering may read: the assessment, the trend and the portfolio check.
RESULT_MODELS = {
    "coopcheck.assessment.model": None,
    "coopcheck.assessment.trend": {"Trend"},
    "coopcheck.assessment.portfolio": {"CheckedPartnership", "PortfolioCheck", "HEALTH_MOVES"},
}


def test_every_command_offers_exactly_the_registered_formats() -> None:
    assert [f.value for f in AssessFormat] == list(formats.REPORT)
    assert [f.value for f in TrendFormat] == list(formats.TREND)
    assert [f.value for f in CheckFormat] == list(formats.PORTFOLIO)


@pytest.mark.parametrize("name", list(formats.REPORT))
def test_every_report_format_renders_an_example_with_one_signature(name: str) -> None:
    assessment, trend = assessed("one-way-street")
    chosen = formats.REPORT[name]
    report = formats.Report(assessment, trend if chosen.wants_trend else None)
    text = formats.render(formats.REPORT, name, report, formats.Style(lang="de", color=True))
    assert "Kranich" in text
    if chosen.machine:
        assert "\x1b[" not in text


@pytest.mark.parametrize("name", list(formats.TREND))
def test_every_trend_format_renders_with_one_signature(name: str) -> None:
    _, trend = assessed("healed")
    text = formats.render(formats.TREND, name, trend, formats.Style())
    assert "Eichwald" in text or "eichwald" in text


def test_rendering_imports_only_the_result_models_of_the_assessment() -> None:
    for module in RENDERING.rglob("*.py"):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("coopcheck.assessment"):
                allowed = RESULT_MODELS.get(node.module or "", set())
                names = {alias.name for alias in node.names}
                assert allowed is None or names <= allowed, f"{module.name} imports {names} from {node.module}"
