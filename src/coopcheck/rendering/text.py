"""The terminal report a consultant walks a client through. Pure: assessment in, text out.

Order: the verdict first (diagnosis and health, what moved), then why (influence factors against
outcome, reciprocity and the one-way street, empty contacts, readiness, perception), then what to
do (findings with their levers). Everything shown is read from the assessment.
"""

from __future__ import annotations

from rich import box
from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from coopcheck.assessment.model import Assessment, Finding
from coopcheck.i18n import _
from coopcheck.rendering import localize, terminal
from coopcheck.rendering.report import change_text, partner_name, partner_names

BAND_STYLE = {"green": "bold green", "amber": "bold yellow", "red": "bold red", None: "dim"}
RISK_STYLE = {"low": "green", "medium": "yellow", "high": "bold red", None: "dim"}
SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
EVIDENCE_SHOWN = 3


def score_style(score: float | None) -> str:
    if score is None:
        return "dim"
    return "green" if score >= 70 else "yellow" if score >= 45 else "red"


def bar(score: float | None, width: int = 20) -> Text:
    if score is None:
        return Text("·" * width, style="dim")
    filled = round(score / 100 * width)
    return Text("█" * filled + "░" * (width - filled), style=score_style(score))


def _headline(a: Assessment) -> RenderableType:
    names = partner_names(a.partnership)
    band = a.health.band
    style = BAND_STYLE.get(band, "bold")
    diagnosis = localize.label(localize.DIAGNOSES, a.diagnosis.id)
    verdict = Text.assemble(
        (diagnosis[:1].upper() + diagnosis[1:], style),
        "  ·  ",
        (_("health") + f" {localize.score(a.health.score)}/100", style),
        (f" ({localize.label(localize.BANDS, band)})" if band else "", style),
        (f"  ·  {localize.text(a.health.reason)}" if a.health.reason and band else "", "dim"),
    )
    context = _("{kind} of {partners}, as of {date}").format(
        kind=localize.label(localize.KINDS, a.partnership.kind),
        partners=" × ".join(p.name for p in a.partnership.partners),
        date=localize.date(a.as_of),
    )
    lines: list[RenderableType] = [
        Text(a.partnership.name, style="bold"),
        Text(context, style="dim"),
        Text(""),
        verdict,
        Text(localize.diagnosis_summary(a.diagnosis)),
    ]
    if a.health.reason and not band:
        lines.append(Text(localize.text(a.health.reason), style="dim"))
    if a.movements:
        since = localize.date(a.compared_with) if a.compared_with else ""
        lines.append(Text(_("What moved since {date}:").format(date=since), style="bold"))
        lines.extend(Text("  • " + change_text(change, names, a.findings)) for change in a.movements)
    return Panel(Group(*lines), box=box.ROUNDED, expand=True)


def _factors(a: Assessment) -> RenderableType:
    table = Table(title=_("Influence against outcome"), box=box.SIMPLE_HEAD, expand=True, title_justify="left")
    table.add_column(_("Factor"))
    table.add_column(_("Score"), justify="right")
    table.add_column("", no_wrap=True)
    table.add_column(_("What it rests on"), ratio=1)
    for factor in a.influence.factors:
        note = localize.text(factor.reason) or (localize.message(factor.findings[0]) if factor.findings else "")
        table.add_row(
            localize.label(localize.SECTIONS, factor.id),
            Text(localize.score(factor.score), style=score_style(factor.score)),
            bar(factor.score),
            Text(note, style="dim"),
        )
    table.add_section()
    for key, value, reason in (
        ("influence", a.influence.score, a.influence.reason),
        ("outcome", a.outcome.score, a.outcome.reason),
    ):
        table.add_row(
            Text(localize.label(localize.SECTIONS, key), style="bold"),
            Text(localize.score(value), style=score_style(value)),
            bar(value),
            Text(localize.text(reason), style="dim"),
        )
    return table


def _targets(a: Assessment) -> RenderableType | None:
    if not a.outcome.targets:
        return None
    currency = a.partnership.currency
    table = Table(title=_("Outcome targets"), box=box.SIMPLE_HEAD, expand=True, title_justify="left")
    for column in (_("Target"), _("Agreed"), _("Due"), _("Expected by now"), _("Achieved"), _("Progress")):
        table.add_column(column, justify="left" if column == _("Target") else "right")
    table.add_column(_("By direction"))
    for target in a.outcome.targets:

        def amount(value: float, is_money: bool = target.id == "revenue") -> str:
            return localize.money(value, currency) if is_money else localize.number(value, 1)

        directions = ", ".join(f"{key} {amount(value)}" for key, value in sorted(target.by_direction.items()))
        table.add_row(
            localize.label(localize.TARGETS, target.id),
            amount(target.target),
            localize.date(target.by) if target.by else "—",
            amount(target.expected_to_date),
            amount(target.achieved),
            Text(
                localize.share(target.progress),
                style=score_style(None if target.progress is None else target.progress * 100),
            ),
            directions,
        )
    return table


def _reciprocity(a: Assessment) -> RenderableType:
    currency = a.partnership.currency
    r = a.reciprocity
    table = Table(
        title=_("Reciprocity: index {index} (0 one-way, 1 balanced)").format(index=localize.index(r.index)),
        box=box.SIMPLE_HEAD,
        expand=True,
        title_justify="left",
    )
    for column in (_("Given by"), _("Value"), _("Share"), _("Contributions"), _("Hours"), _("Money"), _("Travel")):
        table.add_column(column, justify="left" if column == _("Given by") else "right")
    for key, given in r.given.items():
        table.add_row(
            partner_name(a, key),
            localize.money(given.value, currency),
            localize.share(given.share),
            str(given.contributions),
            localize.number(given.hours, 1),
            localize.money(given.money, currency),
            localize.money(given.travel, currency),
        )
    one_way = r.one_way
    if one_way.detected and one_way.cost is not None:
        verdict = Text(
            _(
                "One-way street: {giver} has carried the partnership since {since} ({months} months); "
                "it cost {giver} {total} (hours {hours}, money {money}, travel {travel})."
            ).format(
                giver=partner_name(a, one_way.giver),
                since=localize.month(one_way.since),
                months=one_way.months,
                total=localize.money(one_way.cost.total, currency),
                hours=localize.money(one_way.cost.hours_value, currency),
                money=localize.money(one_way.cost.money, currency),
                travel=localize.money(one_way.cost.travel, currency),
            ),
            style="bold red",
        )
    else:
        verdict = Text(localize.text(one_way.reason) or _("No one-way street."), style="green")
    return Group(table, verdict)


def _empty_contacts(a: Assessment) -> RenderableType:
    e = a.empty_contact_risk
    currency = a.partnership.currency
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold")
    grid.add_column()
    grid.add_row(
        _("Risk"),
        Text(
            f"{localize.score(e.score)}/100 ({localize.label(localize.RISK_LEVELS, e.level)})",
            style=RISK_STYLE.get(e.level, "dim"),
        ),
    )
    grid.add_row(
        _("Contacts without substance"),
        _("{empty} of {contacts} ({share})").format(
            empty=e.empty_contacts, contacts=e.contacts, share=localize.share(e.empty_share)
        ),
    )
    grid.add_row(_("What they cost"), localize.money(e.empty_cost, currency))
    last = localize.date(e.last_outcome) if e.last_outcome else _("none yet")
    grid.add_row(_("Last outcome"), last)
    grid.add_row(
        _("Spent since"),
        _("{cost} ({hours} hours, travel {travel})").format(
            cost=localize.money(e.cost, currency),
            hours=localize.number(e.hours, 1),
            travel=localize.money(e.travel, currency),
        ),
    )
    months = _("{months} months without an outcome").format(months=e.months_without_outcome)
    grid.add_row(
        _("Outcomes"), Text(months + (" — " + _("zombie") if e.zombie else ""), style="bold red" if e.zombie else "")
    )
    if e.reason:
        grid.add_row("", Text(localize.text(e.reason), style="dim"))
    return Panel(grid, title=_("Empty contacts"), box=box.ROUNDED, title_align="left")


def _readiness(a: Assessment) -> RenderableType:
    lines = [
        Text.assemble(("✓ " if check.ok else "✗ ", "green" if check.ok else "red"), localize.text(check.message))
        for check in a.readiness.checks
    ]
    for gap in a.perception_gaps:
        ratings = ", ".join(f"{partner_name(a, key)} {value}" for key, value in gap.ratings.items())
        lines.append(
            Text(
                _("Perception gap on {factor}: {ratings}").format(
                    factor=localize.label(localize.SECTIONS, gap.factor), ratings=ratings
                ),
                style="yellow",
            )
        )
    title = _("Readiness {score}/100").format(score=localize.score(a.readiness.score))
    return Panel(Group(*lines), title=title, box=box.ROUNDED, title_align="left")


def _findings(findings: list[Finding]) -> RenderableType:
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1)
    for f in findings:
        grid.add_row(
            Text(localize.label(localize.SEVERITIES, f.severity).upper(), style=SEVERITY_STYLE.get(f.severity, "")),
            Text.assemble(localize.message(f), (f"  [{f.id}]", "dim")),
        )
        lever = localize.remediation(f)
        if lever:
            grid.add_row("", Text.assemble((_("Lever:") + " ", "bold"), lever))
        if f.evidence:
            places = [
                f"{e.file}:{e.line}" + (f" ({e.activity})" if e.activity else "") for e in f.evidence[:EVIDENCE_SHOWN]
            ]
            more = len(f.evidence) - EVIDENCE_SHOWN
            if more > 0:
                places.append(_("and {count} more").format(count=more))
            grid.add_row("", Text(_("Evidence:") + " " + "; ".join(places), style="dim"))
        grid.add_row("", "")
    return grid


def render(assessment: Assessment, *, color: bool = False, width: int = 100) -> str:
    """The report as terminal text; ANSI colours only when `color` is set."""
    console = terminal.console(color, width)
    console.print(_headline(assessment))
    console.print(_factors(assessment))
    targets = _targets(assessment)
    if targets is not None:
        console.print(targets)
    console.print(_reciprocity(assessment))
    console.print()
    console.print(_empty_contacts(assessment))
    console.print(_readiness(assessment))
    console.print(Text(_("Findings and levers"), style="bold underline"))
    console.print(_findings(assessment.findings) if assessment.findings else _("No findings."))
    return terminal.text_of(console)
