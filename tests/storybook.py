"""Partnership stories told as data, written to disk as a user would write them.

A `Story` says who the partners are, what they agreed, how they work together month by month
(`Rhythm`) and which outcomes came of it; `write(story, folder)` turns it into a partnership file
with its log inline, in a YAML log or in a CSV log (as a CRM export gives it), for `coopcheck
assess` to load. The month-by-month rhythm, in the manner of the shipped examples:

- every month each working side hosts a call with a topic, hands over two contributions, asks the
  other side for something (answered within two days, before the agreed five days) and, every
  other month, pays its half of a shared cost;
- a review each month, every `reviews_every` months or never (`None`) (actions for one person on each side,
  followed up by the work that month), hosted in turn, and the two sponsors meet every third month;
- from the `turn` month on only the `giver` works: the other side still asks for things (the giver
  answers) and, with `taker_hosts`, still hosts a call a month, but it hands nothing over (but one
  brochure in the `token` month), answers nothing and pays nothing;
- after `work_until` neither side works (no contact, review, contribution or cost); outcomes that
  were in the pipeline may still come;
- `unanswered`: that side never answers a request of the other side;
- `substance=False`: contacts have no topic, and nobody hands anything over (sponsors' lunches,
  calls and messages with nothing to show); only the reviews have an agenda.

Money is written in the story's currency: amounts are euro figures times `Story.scale`.
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

D = dt.date
CSV_COLUMNS = (
    "id date from to type level people topic hours travel_cost value attribution responds_to due actions note"
).split()
GIVE_TYPES = ("referral", "lead", "content", "enablement", "support", "introduction")
GREEN_OR_AMBER = frozenset({"green", "amber"})
AMBER_OR_RED = frozenset({"amber", "red"})
OUTCOME_VALUES = {"project_won": 40_000, "revenue": 25_000, "joint_campaign": 0}  # in EUR, times `scale`


@dataclass(frozen=True)
class Partner:
    key: str
    name: str
    sponsor: str
    contacts: tuple[str, str]
    rate: float  # hourly rate in the story's currency


@dataclass(frozen=True)
class Rhythm:
    """How the two sides work together; see the module docstring."""

    turn: str | None = None  # YYYY-MM: from this month on only `giver` works
    giver: str | None = None
    work_until: str | None = None  # YYYY-MM: the last month anyone works
    substance: bool = True
    taker_hosts: bool = False  # after the turn the taker still hosts a call a month (shared time, nothing given)
    unanswered: str | None = None  # this side never answers the other side's requests
    reviews_every: int | None = 1  # months between reviews (from the first month on); None: no review
    token: str | None = None  # YYYY-MM: after the turn, the taker hands over one small item this month
    travel: float = 0  # EUR per sponsors' meeting


@dataclass(frozen=True)
class Outcome:
    day: dt.date
    frm: str
    type: str  # joint_campaign | project_won | revenue
    value: float | None = None  # EUR; None: the type's usual value


@dataclass(frozen=True)
class Verdict:
    """The verdict a consultant reads off the story, in the report's identifiers."""

    diagnosis: str
    bands: frozenset[str | None]
    risk: str | None
    giver: str | None = None  # a one-way street running on the assessment date: who carries it
    since: str | None = None  # ... and the month it began


@dataclass(frozen=True)
class Story:
    name: str  # file stem
    title: str
    kind: str
    currency: str
    scale: float
    partners: tuple[Partner, Partner]
    started: dt.date
    as_of: dt.date
    targets: dict[str, tuple[float, dt.date]]  # target id -> (EUR-free count or EUR amount, by)
    expected: Verdict
    log: str = "yaml"  # inline | yaml | csv
    rhythm: Rhythm = Rhythm()
    outcomes: tuple[Outcome, ...] = ()
    active: bool = True  # False: nothing has happened yet
    review_every_days: int = 30  # the agreed review rhythm
    last_day: dt.date | None = None  # nothing is logged after this day (default: the day before `as_of`)
    surveys: list[dict[str, Any]] = field(default_factory=list)


def month_label(day: dt.date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def months_between(first: dt.date, last: dt.date) -> list[tuple[int, int]]:
    months, (y, m) = [], (first.year, first.month)
    while (y, m) <= (last.year, last.month):
        months.append((y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return months


def every(first: str, last: str, step: int, frm: str | tuple[str, ...], kind: str, day: int = 26) -> list[Outcome]:
    """An outcome of `kind` every `step` months from `first` to `last` (YYYY-MM), by `frm` in turn."""
    sides = (frm,) if isinstance(frm, str) else frm
    start, end = D.fromisoformat(first + "-01"), D.fromisoformat(last + "-01")
    chosen = months_between(start, end)[::step]
    return [Outcome(D(y, m, day), sides[i % len(sides)], kind) for i, (y, m) in enumerate(chosen)]


class _Log:
    """The activities of a story as they are built, with ids in date order at the end."""

    def __init__(self, story: Story) -> None:
        self.story = story
        self.first, self.last = story.started, story.last_day or story.as_of - dt.timedelta(days=1)
        self.acts: list[dict[str, Any]] = []
        self.by_key = {p.key: p for p in story.partners}

    def add(self, day: dt.date, frm: str, kind: str, **fields: Any) -> dict[str, Any] | None:
        if not self.first <= day <= self.last:
            return None
        to = next(key for key in self.by_key if key != frm)
        act = {"date": day, "from": frm, "to": to, "type": kind, **{k: v for k, v in fields.items() if v is not None}}
        self.acts.append(act)
        return act

    def money(self, eur: float) -> float:
        return round(eur * self.story.scale, 2)

    def numbered(self) -> list[dict[str, Any]]:
        self.acts.sort(key=lambda a: a["date"])
        for number, act in enumerate(self.acts, 1):
            act["id"] = f"{self.story.name[:3]}-{number:03d}"
        for act in self.acts:
            if isinstance(act.get("responds_to"), dict):
                act["responds_to"] = act["responds_to"]["id"]
        return [{"id": a.pop("id"), **a} for a in self.acts]


def _works(story: Story, key: str, y: int, m: int) -> bool:
    label, rhythm = f"{y:04d}-{m:02d}", story.rhythm
    if rhythm.work_until is not None and label > rhythm.work_until:
        return False
    return not (rhythm.turn is not None and label >= rhythm.turn and key != rhythm.giver)


def _month(log: _Log, index: int, y: int, m: int) -> None:
    story, (a, b) = log.story, log.story.partners
    substance = story.rhythm.substance
    working = [p for p in (a, b) if _works(story, p.key, y, m)]
    pair = [a.contacts[index % 2], b.contacts[index % 2]]
    if not working:
        return
    for taker in (p for p in (a, b) if p not in working):  # a one-way street: the taker still asks
        if story.rhythm.taker_hosts:
            log.add(D(y, m, 15), taker.key, "call", level="working", people=pair, hours=1,
                    topic=f"{taker.name} status call: what we need next")  # fmt: skip
        asked = log.add(D(y, m, 12), taker.key, "request", level="working", people=[taker.contacts[0]], hours=0.5,
                        topic=f"Question from {taker.name}", due=D(y, m, 17))  # fmt: skip
        if f"{y:04d}-{m:02d}" == story.rhythm.token:
            log.add(D(y, m, 20), taker.key, "content", level="working", people=[taker.contacts[1]], hours=1,
                    topic=f"{taker.name} brochure for the joint booth")  # fmt: skip
        if asked is not None:
            log.add(D(y, m, 14), working[0].key, "delivery", level="working", people=[working[0].contacts[0]],
                    hours=2, topic=f"Answer for {taker.name}", responds_to=asked)  # fmt: skip
    host = working[index % len(working)]
    if index % 3 == 0:
        log.add(D(y, m, 23), host.key, "meeting", level="executive", people=[a.sponsor, b.sponsor], hours=2,
                topic="Steering: pipeline, plan for the next quarter" if substance else None,
                travel_cost=log.money(story.rhythm.travel) or None)  # fmt: skip
    if story.rhythm.reviews_every and index % story.rhythm.reviews_every == 0:
        log.add(D(y, m, 3), host.key, "review", level="working", people=pair, hours=1.5,
                topic="Review: pipeline, open requests, costs",
                actions=[f"Prepare the next campaign ({a.contacts[index % 2]})",
                         f"Qualify the open leads ({b.contacts[index % 2]})"])  # fmt: skip
    if not substance:
        for p in working:
            log.add(D(y, m, 8 if p is a else 15), p.key, "call", level="working", people=pair, hours=1)
            log.add(D(y, m, 19 if p is a else 21), p.key, "message", level="working", people=[p.contacts[0]], hours=0.5)
        return
    for p in working:
        other = b if p is a else a
        log.add(D(y, m, 8 if p is a else 15), p.key, "call", level="working", people=pair, hours=1,
                topic=f"Working session {p.name}: accounts and next steps")  # fmt: skip
        for slot, day in enumerate((10, 19) if p is a else (17, 21)):
            kind = GIVE_TYPES[(index * 2 + slot + (p is b)) % len(GIVE_TYPES)]
            log.add(D(y, m, day), p.key, kind, level="working", people=[p.contacts[slot]], hours=3,
                    topic=f"{kind.capitalize()} for {other.name}")  # fmt: skip
        asked = log.add(D(y, m, 5 if p is a else 12), p.key, "request", level="working", people=[p.contacts[0]],
                        hours=0.5, topic=f"Question from {p.name}", due=D(y, m, 10 if p is a else 17))  # fmt: skip
        if asked is not None and _works(story, other.key, y, m) and other.key != story.rhythm.unanswered:
            log.add(D(y, m, 7 if p is a else 14), other.key, "delivery", level="working",
                    people=[other.contacts[0]], hours=2, topic=f"Answer for {p.name}", responds_to=asked)  # fmt: skip
        if index % 2 == 1:
            log.add(D(y, m, 24), p.key, "cost_share", value=log.money(3000), topic="Half of the shared campaign budget")


def activities(story: Story) -> list[dict[str, Any]]:
    """The story's log, oldest first, with ids."""
    log = _Log(story)
    if not story.active:
        return []
    a, b = story.partners
    log.add(story.started, a.key, "meeting", level="executive", people=[a.sponsor, b.sponsor, a.contacts[0],
            b.contacts[0]], hours=3, topic="Kickoff: goals, targets, who does what")  # fmt: skip
    for index, (y, m) in enumerate(months_between(story.started, log.last)):
        _month(log, index, y, m)
    for outcome in story.outcomes:
        eur = OUTCOME_VALUES[outcome.type] if outcome.value is None else outcome.value
        topic = f"{outcome.type.replace('_', ' ').capitalize()} brought by {log.by_key[outcome.frm].name}"
        value = log.money(eur) or None
        log.add(outcome.day, outcome.frm, outcome.type, value=value, attribution="sourced", topic=topic)
    return log.numbered()


def definition(story: Story) -> dict[str, Any]:
    a, b = story.partners
    outcomes = {
        target: {"target": amount * story.scale if target == "revenue" else amount, "by": by}
        for target, (amount, by) in story.targets.items()
    }
    return {
        "coopcheck": 1,
        "id": story.name,
        "name": story.title,
        "kind": story.kind,
        "started": story.started,
        "currency": story.currency,
        "review_every_days": story.review_every_days,
        "partners": {
            p.key: {"name": p.name, "sponsor": p.sponsor, "contacts": list(p.contacts), "hourly_rate": p.rate}
            for p in (a, b)
        },
        "success_factors": {
            "outcomes": outcomes,
            "influence": {"cost_split": {a.key: 50, b.key: 50}, "response_days": 5},
        },
    }


def write(story: Story, folder: Path) -> Path:
    """The partnership file of `story` in `folder` (its log inline, or in `logs/`), as a user would write it."""
    data, acts = definition(story), activities(story)
    if story.surveys:
        data["surveys"] = story.surveys
    if story.log == "inline":
        data["activities"] = acts
    elif acts:
        log = Path("logs") / f"{story.name}.{story.log}"
        (folder / "logs").mkdir(parents=True, exist_ok=True)
        data["logs"] = [log.as_posix()]
        if story.log == "csv":
            _write_csv(acts, folder / log)
        else:
            (folder / log).write_text(_yaml({"activities": acts}), encoding="utf-8")
    path = folder / f"{story.name}.yaml"
    path.write_text(_yaml(data), encoding="utf-8")
    return path


class _Plain(yaml.SafeDumper):
    """Writes shared values out in full: coopcheck refuses anchors and aliases, as a hand-written file has none."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _yaml(data: Any) -> str:
    return yaml.dump(data, Dumper=_Plain, sort_keys=False, allow_unicode=True, width=200)


def _write_csv(acts: list[dict[str, Any]], path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, CSV_COLUMNS)
        writer.writeheader()
        for act in acts:
            row = {k: ";".join(v) if isinstance(v, list) else v for k, v in act.items()}
            writer.writerow({k: "" if row.get(k) is None else row[k] for k in CSV_COLUMNS})
