"""The report's charts as inline SVG, drawn with pygal.

pygal writes SVG with its styles inside the `<svg>` element and, with `js=[]`, references no
script; the small inline configuration script it adds for its tooltip library, its comments (one
carries the current date) and its random element ids are removed or fixed here, so a report is
self-contained, opens without network access and is the same byte for byte on every run.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from typing import Any

from coopcheck.assessment.model import Assessment
from coopcheck.i18n import _
from coopcheck.rendering import localize

SVG_NS = "{http://www.w3.org/2000/svg}"
GIVER_COLOURS = ("#1f5f8b", "#d9822b")
SCORE_COLOURS = ("#2e8b57", "#7b4fa0")
COST_COLOURS = ("#b5443a",)
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"


def _style(colours: Sequence[str]) -> Any:
    from pygal.style import Style

    return Style(
        background="transparent",
        plot_background="transparent",
        foreground="#333333",
        foreground_strong="#111111",
        foreground_subtle="#cccccc",
        opacity=".85",
        opacity_hover=".95",
        colors=tuple(colours),
        font_family=FONT,
        label_font_size=12,
        major_label_font_size=12,
        legend_font_size=13,
        no_data_font_size=20,
        value_font_size=11,
        title_font_size=14,
    )


def _cleaner(title: str) -> Callable[[ET.Element], ET.Element]:
    """Drop scripts and comments, and give the SVG an accessible title."""

    def clean(root: ET.Element) -> ET.Element:
        for parent in root.iter():
            for child in list(parent):
                if child.tag is ET.Comment or child.tag in ("script", f"{SVG_NS}script"):
                    parent.remove(child)
                elif child.tag in ("title", f"{SVG_NS}title"):
                    child.text = title
        root.set("role", "img")
        root.set("aria-label", title)
        return root

    return clean


def _chart(kind: str, name: str, title: str, colours: Sequence[str], **config: Any) -> Any:
    """A chart with its title drawn above it; `x_title` and `y_title` in `config` label the axes."""
    import pygal

    settings: dict[str, Any] = {
        "title": title,
        "width": 720,
        "height": 320,
        "margin": 12,
        "legend_at_bottom": True,
        "legend_at_bottom_columns": 2,
        "margin_bottom": 24,
        "truncate_legend": -1,
        "truncate_label": -1,
        "no_data_text": _("No activity logged yet"),
        **config,
    }
    chart = getattr(pygal, kind)(js=[], disable_xml_declaration=True, style=_style(colours), **settings)
    chart.uuid = f"{name}-svg"  # a stable element id (pygal draws a random one), unlike the figure's
    chart.add_xml_filter(_cleaner(title))
    return chart


def _render(chart: Any) -> str:
    return str(chart.render(is_unicode=True))


def _axis(labels: Sequence[str], y_title: str, drawn: bool = True) -> dict[str, Any]:
    """Month labels on the x axis, thinned to about a dozen so they stay readable, and both axis titles.

    With nothing to draw (`drawn` false) there is no axis at all: only the title and the message."""
    if not drawn:
        return {"show_x_labels": False, "show_y_labels": False}
    step = max(1, (len(labels) + 11) // 12)
    return {
        "x_labels": list(labels),
        "x_labels_major_every": step,
        "show_minor_x_labels": step == 1,
        "x_title": _("Month"),
        "y_title": y_title,
        "y_labels_major_count": 6,
        "show_minor_y_labels": False,
        "x_label_rotation": 0 if len(labels) <= 8 else 30,
    }


def given_by_direction(assessment: Assessment, name: str = "given") -> str:
    """Bars: what each side gave the other per month, so a one-way street shows as one colour."""
    months = assessment.months
    labels = [localize.short_month(point.month) for point in months]
    currency = assessment.partnership.currency
    title = _("What each side gave the other, per month")
    partners = assessment.partnership.partners
    given = {p.key: [round(point.given.get(p.key, 0.0)) for point in months] for p in partners}
    drawn = any(any(series) for series in given.values())
    chart = _chart(
        "Bar",
        name,
        title,
        GIVER_COLOURS,
        **_axis(labels, _("Value given ({currency})").format(currency=currency), drawn),
        legend_at_bottom_columns=1,
        value_formatter=lambda v: localize.money(v, currency),
        no_data_text=_("Nothing given yet"),
    )
    if drawn:  # all zero: pygal says so instead of a flat axis
        for giver in partners:
            receiver = next((p for p in partners if p.key != giver.key), giver)
            chart.add(_("{giver} to {receiver}").format(giver=giver.name, receiver=receiver.name), given[giver.key])
    return _render(chart)


def influence_against_outcome(points: Sequence[tuple[str, float | None, float | None]], name: str = "scores") -> str:
    """Lines: influence and outcome score (0-100) month by month; influence leads, outcome lags."""
    title = _("Influence and outcome score, month by month")
    labels = [localize.short_month(month) for month, _i, _o in points]
    drawn = any(i is not None or o is not None for _m, i, o in points)
    chart = _chart(
        "Line",
        name,
        title,
        SCORE_COLOURS,
        **_axis(labels, _("Score (0-100)"), drawn),
        range=(0, 100),
        include_x_axis=True,
        dots_size=3,
        no_data_text=_("Too little evidence for a score yet"),
    )
    chart.add(_("Influence score"), [influence for _m, influence, _o in points])
    chart.add(_("Outcome score"), [outcome for _m, _i, outcome in points])
    return _render(chart)


def health_over_time(points: Sequence[tuple[str, float | None]], name: str = "health") -> str:
    """Line: the health score month by month."""
    labels = [localize.short_month(month) for month, _h in points]
    chart = _chart(
        "Line",
        name,
        _("Health score, month by month"),
        ("#1f5f8b",),
        **_axis(labels, _("Health score (0-100)"), any(h is not None for _m, h in points)),
        range=(0, 100),
        show_legend=False,
        include_x_axis=True,
        dots_size=3,
    )
    chart.add(_("Health"), [health for _m, health in points])
    return _render(chart)


def empty_contact_cost(assessment: Assessment, name: str = "empty") -> str:
    """Area: the accumulated cost of contacts without substance, month by month."""
    currency = assessment.partnership.currency
    title = _("Accumulated cost of empty contacts")
    labels = [localize.short_month(point.month) for point in assessment.months]
    total = 0.0
    series: list[float] = []
    for point in assessment.months:
        total += point.empty_contact_cost
        series.append(round(total))
    chart = _chart(
        "Line",
        name,
        title,
        COST_COLOURS,
        **_axis(labels, _("Accumulated cost ({currency})").format(currency=currency), total > 0),
        fill=True,
        no_data_text=_("No empty contacts so far"),
        show_legend=False,
        include_x_axis=True,
        value_formatter=lambda v: localize.money(v, currency),
    )
    if total > 0:  # nothing spent on empty contacts: pygal says so instead of a flat axis
        chart.add(_("Empty contacts"), series)
    return _render(chart)


Cut = tuple[float, float]  # influence and outcome scores that count as strong (the quadrant lines)


def _quadrants(cut: Cut) -> list[dict[str, Any]]:
    """The four diagnoses as labelled points in the middle of their quadrants of the plane."""
    low_x, high_x = cut[0] / 2, (100 + cut[0]) / 2
    low_y, high_y = cut[1] / 2, (100 + cut[1]) / 2
    named = (
        (high_x, high_y, "thriving"),
        (high_x, low_y, "building"),
        (low_x, high_y, "harvesting"),
        (low_x, low_y, "empty"),
    )
    return [{"value": (x, y), "label": localize.label(localize.DIAGNOSES, key)} for x, y, key in named]


def _plane(name: str, title: str, colours: Sequence[str], drawn: bool, cut: Cut, **config: Any) -> Any:
    """An influence (x) against outcome (y) plane, 0-100 on both axes, with the four quadrants named."""
    axes: dict[str, Any] = (
        {"x_title": _("Influence score (0-100)"), "y_title": _("Outcome score (0-100)")}
        if drawn
        else {"show_x_labels": False, "show_y_labels": False}
    )
    chart = _chart(
        "XY",
        name,
        title,
        ("#6b7785", *colours) if not drawn else ("#6b7785", "#9aa3ad", "#9aa3ad", *colours),
        range=(0, 100),
        xrange=(0, 100),
        **({"x_labels": [0, 20, 40, 60, 80, 100], "y_labels": [0, 20, 40, 60, 80, 100]} if drawn else {}),
        print_labels=True,
        dots_size=4,
        margin_right=48,  # room for the last month's label at the right edge
        no_data_text=_("Too little evidence for a score yet"),
        **axes,
        **config,
    )
    if drawn:
        chart.add(_("Quadrant"), _quadrants(cut), stroke=False, dots_size=0)
        for line in ([(cut[0], 0), (cut[0], 100)], [(0, cut[1]), (100, cut[1])]):
            chart.add("", line, show_dots=False, stroke_style={"width": 1, "dasharray": "4, 4"})
    return chart


def influence_outcome_path(
    points: Sequence[tuple[str, float | None, float | None]], cut: Cut = (60, 60), name: str = "plane"
) -> str:
    """XY: the partnership's path month by month on the influence-against-outcome plane (the diagnosis map)."""
    path = [
        {"value": (influence, outcome), "label": localize.short_month(month)}
        for month, influence, outcome in points
        if influence is not None and outcome is not None
    ]
    title = _("Where the partnership stands: influence against outcome, month by month")
    chart = _plane(name, title, ("#1f5f8b",), bool(path), cut, show_legend=False)
    if path:
        # Only the first and the last month are named on the path, so the labels stay readable.
        shown = [dict(p, label=p["label"] if i in (0, len(path) - 1) else "") for i, p in enumerate(path)]
        chart.add(_("Month by month"), shown, stroke=True)
    return _render(chart)


def portfolio_plane(assessments: Sequence[Assessment], name: str = "portfolio-plane") -> str:
    """XY: every partnership of the portfolio as a point on the influence-against-outcome plane."""
    placed = [a for a in assessments if a.influence.score is not None and a.outcome.score is not None]
    cut = (placed[0].diagnosis.influence_strong, placed[0].diagnosis.outcome_strong) if placed else (60.0, 60.0)
    title = _("The portfolio on the influence-against-outcome plane")
    chart = _plane(name, title, ("#1f5f8b",), bool(placed), cut)
    chart.show_legend = False
    if placed:
        chart.add(
            _("Partnerships"),
            [{"value": (a.influence.score, a.outcome.score), "label": a.partnership.name} for a in placed],
            stroke=False,
        )
    return _render(chart)


def portfolio_health(assessments: Sequence[Assessment], name: str = "portfolio") -> str:
    """Horizontal bars: the health of each partnership, coloured by its band, weakest first."""
    colours = {"green": "#2e7d4f", "amber": "#b7791f", "red": "#b5443a", None: "#9aa3ad"}
    ordered = sorted(assessments, key=lambda a: (a.health.score is None, -(a.health.score or 0), a.partnership.id))
    chart = _chart(
        "HorizontalBar",
        name,
        _("Health by partnership"),
        ("#1f5f8b",),
        x_labels=[a.partnership.name for a in ordered],
        range=(0, 100),
        show_legend=False,
        x_title=_("Partnership"),
        y_title=_("Health score (0-100)"),
        height=max(160, 40 + 34 * len(ordered)),
    )
    chart.add(
        _("Health"),
        [{"value": a.health.score, "color": colours[a.health.band]} for a in ordered],
    )
    return _render(chart)
