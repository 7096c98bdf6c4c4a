"""A new partnership file and its empty log, as text: what `coopcheck init` writes.

Pure: the answers in, YAML out. The YAML is written by hand so that it reads like the examples
(flow mappings for targets, plain scalars where they are safe) and the strict loader reads every
value back unchanged.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field

from coopcheck.i18n import _

_PLAIN = re.compile(r"^[^\W\d_][\w .&()'/+-]*$")  # no commas: names also go into [flow, lists]
_YAML_WORDS = frozenset({"yes", "no", "on", "off", "true", "false", "null", "y", "n"})


@dataclass
class Side:
    key: str
    name: str
    sponsor: str | None = None
    contacts: list[str] = field(default_factory=list)
    hourly_rate: float | None = None


@dataclass
class Scaffold:
    sides: tuple[Side, Side]
    kind: str
    started: dt.date
    currency: str
    review_every_days: int
    targets_by: dt.date
    joint_campaigns: float | None
    projects_won: float | None
    revenue: float | None
    cost_split_first: float
    response_days: int | None

    @property
    def id(self) -> str:
        return f"{self.sides[0].key}-{self.sides[1].key}"


def slug(name: str) -> str:
    """A partner key from its name: the first word, lower case ("Contoso AG" -> "contoso")."""
    import unicodedata

    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_name.lower())
    return words[0] if words else "partner"


def scalar(value: object) -> str:
    """A YAML scalar that the strict loader reads back unchanged: plain where safe, else quoted."""
    if isinstance(value, bool) or value is None:
        raise TypeError(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, int):
        return str(value)
    text = str(value)
    if _PLAIN.match(text) and text.lower() not in _YAML_WORDS and not text.endswith(" "):
        return text
    return json.dumps(text, ensure_ascii=False)


def partnership_yaml(scaffold: Scaffold, schema: str, log: str) -> str:
    first, second = scaffold.sides
    lines = [
        f"# yaml-language-server: $schema={schema}",
        "# "
        + _("Partnership file written by `coopcheck init`. Log what happens between the partners in {log}.").format(
            log=log
        ),
        "",
        "coopcheck: 1",
        f"id: {scalar(scaffold.id)}",
        f"name: {scalar(f'{first.name} x {second.name}')}",
        f"kind: {scaffold.kind}",
        f"started: {scaffold.started.isoformat()}",
        f"currency: {scaffold.currency}",
        f"review_every_days: {scaffold.review_every_days}",
        "partners:",
    ]
    for side in scaffold.sides:
        lines += [f"  {side.key}:", f"    name: {scalar(side.name)}"]
        if side.sponsor:
            lines.append(f"    sponsor: {scalar(side.sponsor)}")
        if side.contacts:
            lines.append(f"    contacts: [{', '.join(scalar(c) for c in side.contacts)}]")
        if side.hourly_rate is not None:
            lines.append(f"    hourly_rate: {scalar(side.hourly_rate)}")
    lines += ["success_factors:", "  outcomes:"]
    targets = {
        "joint_campaigns": scaffold.joint_campaigns,
        "projects_won": scaffold.projects_won,
        "revenue": scaffold.revenue,
    }
    chosen = {key: value for key, value in targets.items() if value}
    if not chosen:
        lines[-1] += " {}"
    for key, value in chosen.items():
        lines.append(f"    {key}: {{target: {scalar(value)}, by: {scaffold.targets_by.isoformat()}}}")
    second_share = round(100 - scaffold.cost_split_first, 2)
    lines += [
        "  influence:",
        f"    cost_split: {{{first.key}: {scalar(scaffold.cost_split_first)}, {second.key}: {scalar(second_share)}}}",
    ]
    if scaffold.response_days:
        lines.append(f"    response_days: {scaffold.response_days}")
    lines += [f"logs: [{scalar(log)}]", ""]
    return "\n".join(lines)


def log_yaml(schema: str) -> str:
    return "\n".join(
        [
            f"# yaml-language-server: $schema={schema}",
            "# " + _("Activity log: one entry per exchange, for example"),
            "#   - date: 2026-02-03",
            "#     from: <partner key>",
            "#     to: <partner key>",
            "#     type: meeting",
            "#     level: working",
            "#     topic: <what it was about>",
            "#     hours: 2",
            "activities: []",
            "",
        ]
    )


def year_later(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year + 1) - dt.timedelta(days=1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)
