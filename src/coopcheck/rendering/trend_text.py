"""The trend for the terminal: sparklines of the main figures, the month-by-month table, what moved.

Pure: a trend in, text out (with ANSI colour only when `colour` is set).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from coopcheck.assessment.trend import Trend
from coopcheck.i18n import _
from coopcheck.rendering import localize, report, templating

if TYPE_CHECKING:
    from rich.table import Table

BLOCKS = "▁▂▃▄▅▆▇█"
BAND_STYLES = {"green": "green", "amber": "yellow", "red": "red"}


def sparkline(values: Sequence[float | None], low: float = 0.0, high: float | None = None) -> str:
    """One block per value, scaled from `low` to `high` (the largest value when not given); `·` for none."""
    known = [v for v in values if v is not None]
    top = high if high is not None else max(known, default=0.0)
    span = top - low
    blocks = []
    for value in values:
        if value is None:
            blocks.append("·")
        elif span <= 0:
            blocks.append(BLOCKS[0])
        else:
            share = min(1.0, max(0.0, (value - low) / span))
            blocks.append(BLOCKS[round(share * (len(BLOCKS) - 1))])
    return "".join(blocks)


def render(trend: Trend, lang: str = "en", colour: bool = False, width: int = 120) -> str:
    with templating.language(lang):
        return _render(trend, colour, width)


def _render(trend: Trend, colour: bool, width: int) -> str:
    from rich.text import Text

    from coopcheck.rendering import terminal

    console = terminal.console(colour, width)
    points = trend.points
    names = report.partner_names(trend.partnership)
    console.print(Text(trend.partnership.name, style="bold"))
    console.print(
        _("Month by month from {start} to {end}, each month as of its last day").format(
            start=localize.month(points[0].month), end=localize.date(trend.as_of)
        )
    )
    console.print()
    for line in _sparklines(trend):
        console.print(line)
    console.print()
    turning = report.turning_points(trend, names)
    console.print(_monthly_table(trend, names, turning))
    console.print()
    if turning:
        console.print(Text(_("Turning points (*): what moved"), style="bold"))
        for month, changes in turning.items():
            console.print(f"  {localize.month(month)}")
            for change in changes:
                console.print(f"    - {change}")
    else:
        console.print(_("No turning points: nothing material moved from month to month."))
    return terminal.text_of(console)


def _sparklines(trend: Trend) -> list[str]:
    """One line per main figure: its label, its sparkline over the months, and its latest value."""
    points = trend.points
    currency = trend.partnership.currency
    lines = [
        (_("Health"), sparkline([p.health for p in points], high=100), localize.health(points[-1].health)),
        (_("Influence"), sparkline([p.influence for p in points], high=100), localize.score(points[-1].influence)),
        (_("Outcome"), sparkline([p.outcome for p in points], high=100), localize.score(points[-1].outcome)),
        (_("Reciprocity"), sparkline([p.reciprocity for p in points], high=1), localize.index(points[-1].reciprocity)),
        (
            _("Spent since the last outcome"),
            sparkline([p.empty_contact_cost for p in points]),
            localize.money(points[-1].empty_contact_cost, currency),
        ),
    ]
    label_width = max(len(label) for label, _s, _v in lines)
    return [f"  {label:<{label_width}}  {spark}  {value}" for label, spark, value in lines]


def _monthly_table(trend: Trend, names: Mapping[str, str], turning: Mapping[str, object]) -> Table:
    """The month-by-month table; a turning point's month is marked with `*`."""
    from rich.table import Table
    from rich.text import Text

    currency = trend.partnership.currency
    table = Table(box=None, pad_edge=False, header_style="bold")
    for header, justify in (
        (_("Month"), "left"),
        (_("Health"), "right"),
        (_("Band"), "left"),
        (_("Diagnosis"), "left"),
        (_("Influence"), "right"),
        (_("Outcome"), "right"),
        (_("Reciprocity"), "right"),
        (_("One-way giver"), "left"),
        (_("Since last outcome"), "right"),
    ):
        table.add_column(header, justify=justify)  # type: ignore[arg-type]
    for p in trend.points:
        band = Text(localize.label(localize.BANDS, p.band), style=BAND_STYLES.get(p.band or "", ""))
        marker = "*" if p.month in turning else " "
        table.add_row(
            f"{marker}{localize.month(p.month)}",
            localize.health(p.health),
            band,
            localize.label(localize.DIAGNOSES, p.diagnosis),
            localize.score(p.influence),
            localize.score(p.outcome),
            localize.index(p.reciprocity),
            names.get(p.giver or "", p.giver or "?") if p.one_way else "",
            localize.money(p.empty_contact_cost, currency),
        )
    return table
