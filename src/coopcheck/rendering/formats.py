"""Every output format, by name, behind one signature: `render(subject, style) -> str`.

A command picks a format from the registry of its subject (`REPORT` for `assess`, `TREND` for
`trend`, `PORTFOLIO` for `check`) and hands it what it computed; the format decides how it looks.
Each renderer imports its module only when called, so `coopcheck --version` and a JSON run never
load rich or Jinja2. Every format but JSON shows names and topics with control characters as
visible escapes; JSON keeps the text and escapes it the JSON way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

if TYPE_CHECKING:
    from coopcheck.assessment.model import Assessment
    from coopcheck.assessment.portfolio import PortfolioCheck
    from coopcheck.assessment.trend import Trend

Subject = TypeVar("Subject")


@dataclass(frozen=True)
class Style:
    """How a person sees the output: language, colour, width, and who reads it."""

    lang: str = "en"
    color: bool = False
    width: int = 100
    audience: str = "analyst"


@dataclass(frozen=True)
class Report:
    """What `assess` renders: the assessment, and its month-by-month trend where the format draws it."""

    assessment: Assessment
    trend: Trend | None = None


@dataclass(frozen=True)
class Format(Generic[Subject]):
    name: str
    render: Callable[[Subject, Style], str]  # takes the subject as shown (escaped), or raw for `raw` formats
    machine: bool = False  # read by programs: no colour, never a progress bar
    raw: bool = False  # JSON: the text as written, escaped the JSON way instead
    wants_trend: bool = False  # report formats that draw the partnership's path month by month


def _printable(subject: Any) -> Any:
    from coopcheck.escaping import printable_all

    return printable_all(subject)


def _shown_report(report: Report) -> Report:
    trend = _printable(report.trend) if report.trend is not None else None
    return Report(_printable(report.assessment), trend)


def _shown_portfolio(check: PortfolioCheck) -> PortfolioCheck:
    from coopcheck.rendering.portfolio import printable_check

    return printable_check(check)


def render(registry: dict[str, Format[Subject]], name: str, subject: Subject, style: Style) -> str:
    """`subject` in the format `name` of `registry`, escaped for a person unless the format is raw."""
    chosen = registry[name]
    return chosen.render(subject if chosen.raw else shown(registry, subject), style)


def shown(registry: dict[str, Format[Subject]], subject: Subject) -> Subject:
    """`subject` as a person sees it: every name, topic and message with control characters escaped."""
    if registry is PORTFOLIO:
        return _shown_portfolio(subject)  # type: ignore[arg-type,return-value]
    if registry is REPORT:
        return _shown_report(subject)  # type: ignore[arg-type,return-value]
    return _printable(subject)


def _json(model: Any) -> str:
    from coopcheck.escaping import json_safe

    return json_safe(model.model_dump_json(indent=2)) + "\n"


def _report_text(report: Report, style: Style) -> str:
    from coopcheck.rendering import text

    return text.render(report.assessment, color=style.color, width=style.width)


def _report_markdown(report: Report, style: Style) -> str:
    from coopcheck.rendering import markdown

    return markdown.render(report.assessment, style.lang, audience=style.audience)


def _report_html(report: Report, style: Style) -> str:
    from coopcheck.rendering import html

    return html.render(report.assessment, style.lang, report.trend, audience=style.audience)


def _trend_text(trend: Trend, style: Style) -> str:
    from coopcheck.rendering import trend_text

    return trend_text.render(trend, style.lang, colour=style.color, width=style.width)


def _trend_markdown(trend: Trend, style: Style) -> str:
    from coopcheck.rendering import markdown

    return markdown.render_trend(trend, style.lang)


def _trend_html(trend: Trend, style: Style) -> str:
    from coopcheck.rendering import html

    return html.render_trend(trend, style.lang)


def _portfolio_json(check: PortfolioCheck, style: Style) -> str:
    from coopcheck.escaping import json_safe
    from coopcheck.rendering.portfolio import jsondoc

    return json_safe(jsondoc.render(check))


def _portfolio_text(check: PortfolioCheck, style: Style) -> str:
    from coopcheck.rendering.portfolio import text

    return text.render(check, color=style.color, width=style.width)


def _portfolio_markdown(check: PortfolioCheck, style: Style) -> str:
    from coopcheck.rendering.portfolio import markdown

    return markdown.render(check)


def _portfolio_github(check: PortfolioCheck, style: Style) -> str:
    from coopcheck.rendering.portfolio import github

    return github.render(check)


def _portfolio_junit(check: PortfolioCheck, style: Style) -> str:
    from coopcheck.rendering.portfolio import junit

    return junit.render(check)


def _portfolio_html(check: PortfolioCheck, style: Style) -> str:
    from coopcheck.rendering import html

    assessments = [a for a in (result.assessment() for result in check.results) if a is not None]
    return html.render_portfolio(assessments, style.lang)


def _registry(*formats: Format[Subject]) -> dict[str, Format[Subject]]:
    return {f.name: f for f in formats}


REPORT: dict[str, Format[Report]] = _registry(
    Format("text", _report_text),
    Format("json", lambda report, style: _json(report.assessment), machine=True, raw=True),
    Format("markdown", _report_markdown),
    Format("html", _report_html, wants_trend=True),
)
TREND: dict[str, Format[Trend]] = _registry(
    Format("text", _trend_text),
    Format("json", lambda trend, style: _json(trend), machine=True, raw=True),
    Format("markdown", _trend_markdown),
    Format("html", _trend_html),
)
PORTFOLIO: dict[str, Format[PortfolioCheck]] = _registry(
    Format("text", _portfolio_text),
    Format("json", _portfolio_json, machine=True, raw=True),
    Format("markdown", _portfolio_markdown),
    Format("github", _portfolio_github, machine=True),
    Format("junit", _portfolio_junit, machine=True),
    Format("html", _portfolio_html),
)
