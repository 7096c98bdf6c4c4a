"""The portfolio as a rich table: one row per partnership, then what failed and why, then the totals."""

from __future__ import annotations

from rich import box
from rich.table import Table
from rich.text import Text

from coopcheck.assessment.portfolio import CheckedPartnership, PortfolioCheck
from coopcheck.i18n import _
from coopcheck.rendering import localize, terminal
from coopcheck.rendering.portfolio import cells

BAND_STYLES = {"green": "green", "amber": "yellow", "red": "bold red"}
STATUS_STYLES = {"passed": "", "failed": "bold red", "invalid": "bold magenta"}


def _row(result: CheckedPartnership) -> list[Text]:
    mark = {"passed": "", "failed": "✗ ", "invalid": "✗ "}[result.status]
    assessment = result.assessment()
    if assessment is None:
        who = Text(mark + result.file, style=STATUS_STYLES[result.status])
        return [who, Text(_("invalid"), style=STATUS_STYLES["invalid"]), *(Text() for _ in range(5))]
    change = Text(cells.change(result))
    for moved in cells.what_moved(assessment):
        change.append("\n" + moved, style="dim")
    return [
        Text(mark + assessment.partnership.id, style=STATUS_STYLES[result.status]),
        Text(cells.health(assessment), style=BAND_STYLES.get(assessment.health.band or "", "")),
        Text(cells.diagnosis(assessment)),
        Text(cells.reciprocity(assessment)),
        Text(cells.one_way(assessment)),
        Text(cells.empty_contact_risk(assessment)),
        change,
    ]


def _table(check: PortfolioCheck) -> Table:
    table = Table(
        title=_("Partnership health as of {date}").format(date=localize.date(check.as_of)),
        title_justify="left",
        header_style="bold",
        box=box.SIMPLE_HEAD,
        show_edge=False,
        expand=True,
    )
    rows = [_row(result) for result in check.results]
    longest_name = max((row[0].cell_len for row in rows), default=10)
    table.add_column(_("Partnership"), min_width=min(longest_name, 32), max_width=32, overflow="fold")
    for header in (_("Health"), _("Diagnosis"), _("Reciprocity")):
        table.add_column(header)
    # The columns that hold sentences share what is left.
    table.add_column(_("One-way"), ratio=2)
    table.add_column(_("Empty-contact risk"), ratio=2)
    table.add_column(_("Change"), ratio=4)  # the health points, then what moved
    for row in rows:
        table.add_row(*row)
    return table


def render(check: PortfolioCheck, *, color: bool = False, width: int = 120) -> str:
    """The table, the reasons for every failure and invalid file, and a closing summary line."""
    console = terminal.console(color, width)
    if check.results:
        console.print(_table(check))
    for result in check.results:
        if result.status == "failed":
            console.print(Text(f"✗ {result.name} ({result.file})", style="bold red"))
            for hit in result.hits:
                console.print(Text(f"    {hit.message}"))
        elif result.status == "invalid":
            console.print(Text(f"✗ {result.file}: " + _("invalid"), style="bold magenta"))
            for diagnostic in result.errors:
                console.print(Text(f"    {diagnostic}"))
    console.print(Text(f"{cells.summary(check)} ({cells.thresholds(check)})", style="bold"))
    return terminal.text_of(console)
