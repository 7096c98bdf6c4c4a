"""The report as Markdown: for a wiki, a pull request or a client e-mail. Pure: assessment in, text out."""

from __future__ import annotations

from coopcheck.assessment.model import Assessment
from coopcheck.assessment.trend import Trend
from coopcheck.rendering import report, templating


def render(assessment: Assessment, lang: str = "en", trend: Trend | None = None, audience: str = "analyst") -> str:
    """The report in `lang`; with `trend`, a month-by-month table with what moved is appended.

    The body speaks to the client; `audience="analyst"` adds the appendix with files, lines and ids."""
    with templating.language(lang):  # what moved is worded while the context is gathered
        return templating.render("report.md.j2", "markdown", lang, **report.context(assessment, trend, audience))


def render_trend(trend: Trend, lang: str = "en") -> str:
    """The month-by-month table and the turning points with what moved."""
    with templating.language(lang):
        return templating.render("trend.md.j2", "markdown", lang, **report.trend_context(trend))
