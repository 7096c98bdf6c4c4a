"""The report as one self-contained HTML file: inline styles, inline SVG charts, no scripts, no network.

Printable (A4, page breaks before the detail and the findings). A Content-Security-Policy in the
page forbids every request, so opening the report can never reach out, even by mistake.
Pure: assessment (and optionally its trend) in, text out.
"""

from __future__ import annotations

from collections.abc import Sequence

from coopcheck.assessment.model import Assessment
from coopcheck.assessment.trend import Trend
from coopcheck.rendering import charts, report, templating


def _safe(svg: str) -> object:
    from markupsafe import Markup

    return Markup(svg)  # SVG drawn by pygal from figures; pygal escapes every text it writes


def render(assessment: Assessment, lang: str = "en", trend: Trend | None = None, audience: str = "analyst") -> str:
    """The HTML report in `lang`. Without `trend`, the influence/outcome charts show this month only.

    The body speaks to the client; `audience="analyst"` adds the appendix with files, lines and ids."""
    if trend is not None:
        scores = [(p.month, p.influence, p.outcome) for p in trend.points]
    else:
        scores = [(f"{assessment.as_of:%Y-%m}", assessment.influence.score, assessment.outcome.score)]
    cut = assessment.diagnosis
    with templating.language(lang):
        drawn = {
            "given": _safe(charts.given_by_direction(assessment)),
            "scores": _safe(charts.influence_against_outcome(scores)),
            "empty": _safe(charts.empty_contact_cost(assessment)),
            "plane": _safe(charts.influence_outcome_path(scores, (cut.influence_strong, cut.outcome_strong))),
        }
        context = report.context(assessment, trend, audience)
        return templating.render("report.html.j2", "html", lang, charts=drawn, **context)


def render_trend(trend: Trend, lang: str = "en") -> str:
    """The trend as a page: influence against outcome and health over time, turning points, the table."""
    with templating.language(lang):
        drawn = {
            "scores": _safe(
                charts.influence_against_outcome([(p.month, p.influence, p.outcome) for p in trend.points])
            ),
            "health": _safe(charts.health_over_time([(p.month, p.health) for p in trend.points])),
        }
        return templating.render("trend.html.j2", "html", lang, charts=drawn, **report.trend_context(trend))


def render_portfolio(assessments: Sequence[Assessment], lang: str = "en") -> str:
    """One page over many partnerships: health, diagnosis, one-way streets and the most pressing lever."""
    with templating.language(lang):
        chart = _safe(charts.portfolio_health(assessments)) if assessments else None
        plane = _safe(charts.portfolio_plane(assessments)) if assessments else None
        context = report.portfolio_context(assessments)
        return templating.render("portfolio.html.j2", "html", lang, chart=chart, plane=plane, **context)
