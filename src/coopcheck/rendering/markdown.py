"""The report as Markdown: for a wiki, a pull request or a client e-mail. Pure: assessment in, text out."""

from __future__ import annotations

from coopcheck.assessment.model import Assessment
from coopcheck.assessment.trend import Trend
from coopcheck.rendering import report, templating


def render(assessment: Assessment, lang: str = "en", trend: Trend | None = None) -> str:
    """The report in `lang`; with `trend`, a month-by-month table with what moved is appended."""
    return templating.render("report.md.j2", "markdown", lang, **report.context(assessment, trend))


def render_trend(trend: Trend, lang: str = "en") -> str:
    """The month-by-month table and the turning points with what moved."""
    return templating.render("trend.md.j2", "markdown", lang, **report.trend_context(trend))
