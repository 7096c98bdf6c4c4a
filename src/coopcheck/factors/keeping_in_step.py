"""Keeping in step: do both partners answer and deliver at a similar speed?

A partnership runs at the pace of its slower side. When one partner answers within days and the
other within weeks, the fast side waits, chases and eventually stops asking; the joint work that
needed both never happens.

How it is measured

Every `request` is paired with the first activity of the asked side whose `responds_to` names the
request's `id`. Only the recent pace counts: requests of the last {window_months} months, and
every request still open past its deadline, however old. The deadline of a request is its `due`
date, or the agreed `response_days` after it ({default_response_days} days when none were agreed).
For each side, over the requests it was asked:

- turnaround: days from request to answer; a request still open after its deadline counts with
  the days it has been open so far, because an ignored request is the slowest answer of all;
- punctuality: the share answered by the deadline (open requests past their deadline count as
  late; open requests not yet due are not judged).

A side is measured once it has at least {min_requests} judged requests. With both sides measured:

    balance     = (shorter median turnaround + R) / (longer median turnaround + R)
    punctuality = the lower of the two sides' punctuality
    score       = 100 x (0.5 x balance + 0.5 x punctuality)

where R is the agreed `response_days` (or {default_response_days}): a one-day against a three-day
median is no real gap when five days were agreed, but a two-day against a twenty-day median is.
Punctuality is the lower of the two because the joint work waits for the later side. With one side
measured the score is that side's punctuality; with none it is null.

What to log: give requests an `id` (and a `due` date when one was promised) and point each answer
or delivery at it with `responds_to`.

Levers: agree `response_days` if you have not; name one person on the slower side who answers
requests; put open requests on the agenda of every review until they are closed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from statistics import median
from typing import NamedTuple

from pydantic import Field

from coopcheck.evidence import Evidence
from coopcheck.factors.base import FactorParameters, score
from coopcheck.findings import FactorResult, Finding, Severity, cite, finding, ordered, template
from coopcheck.i18n import N_
from coopcheck.months import add_months

ID = "keeping_in_step"
TITLE = N_("Keeping in step")
# What a good score rests on, shown in reports when neither a finding nor a reason says more.
BASIS = N_("Both sides answer requests within the agreed time and keep their deadlines.")
SURVEY = "Keeping in step: similar speed on both sides."  # what a survey rating means


class Parameters(FactorParameters):
    default_response_days: int = Field(
        default=7, ge=1, le=365, description="Turnaround expected when no response_days were agreed."
    )
    min_requests: int = Field(default=3, ge=1, description="Judged requests a side needs before it is measured.")
    out_of_step_balance: float = Field(
        default=0.75, ge=0, le=1, description="Balance below which the slower side is named."
    )
    late_share: float = Field(default=0.7, ge=0, le=1, description="Punctuality below which a side is named as slow.")
    window_months: int = Field(
        default=18, ge=1, le=120, description="Months of answered requests that count as the current pace."
    )


DEFAULTS = Parameters()

# Why each default is what it is: docs/scoring.md shows it beside the parameter (tools/docs.py).
WHY = {
    "default_response_days": "a working week: what most partners would call an answer in time",
    "min_requests": "one or two answers are anecdotes, not a pace",
    "out_of_step_balance": "below this the slower side takes a third longer than the faster side plus the agreed days",
    "late_share": "meeting fewer than seven in ten deadlines is a habit, not an accident",
    "window_months": (
        "a year and a half holds enough requests for a median, and a slow first year "
        "is forgiven once the pace has changed"
    ),
}

SLOW_SIDE = template(
    "keeping_in_step.slow_side",
    N_(
        "{slow} is the slower side: it answers requests in a median of {slow_days} days and met {slow_on_time:.0%} "
        "of deadlines; {fast} answers in {fast_days} days and met {fast_on_time:.0%} (agreed: {agreed} days)."
    ),
    N_(
        "Name one person at {slow} who answers requests within {agreed} days, and review the open requests "
        "at every meeting until {slow} keeps pace."
    ),
)
LATE_SIDE = template(
    "keeping_in_step.late",
    N_("{side} met only {on_time:.0%} of deadlines (median turnaround {days} days, agreed: {agreed} days)."),
    N_("Agree with {side} which requests it can answer within {agreed} days, and set a due date on each request."),
)
UNANSWERED = template(
    "keeping_in_step.unanswered_requests",
    N_("Requests to {side} past their deadline without an answer: {count}."),
    N_("Put the open requests to {side} on the agenda of the next review and agree a date for each."),
)


class Judged(NamedTuple):  # a tuple: a large log judges thousands (benchmarks/bench_validate.py)
    request: int
    cited: int  # the answer, or the request while it is open
    days: int
    on_time: bool
    open: bool


@dataclass(frozen=True)
class Pace:
    side: str
    days: float
    on_time: float
    judged: list[Judged]


def assess(evidence: Evidence, params: Parameters = DEFAULTS) -> FactorResult:
    agreed = evidence.definition.success_factors.influence.response_days or params.default_response_days
    judged = _judge(evidence, agreed, add_months(evidence.as_of, -params.window_months))
    findings: list[Finding] = []
    paces = []
    for side in evidence.sides:
        own = judged[side]
        overdue = [j for j in own if j.open and not j.on_time]
        if overdue:
            detail = {"count": len(overdue), "side": evidence.name(side)}
            findings.append(finding(UNANSWERED, "warning", ID, detail, cite(evidence, [j.request for j in overdue])))
        if len(own) >= params.min_requests:
            on_time = sum(j.on_time for j in own) / len(own)
            paces.append(Pace(side, float(median(j.days for j in own)), on_time, own))
    if not paces:
        reason = N_("Too few requests with answers logged to compare the sides' pace.")
        return FactorResult(id=ID, title=TITLE, score=None, reason=reason, findings=ordered(findings))
    punctuality = min(p.on_time for p in paces)
    if len(paces) == 1:
        if paces[0].on_time < params.late_share:
            findings.append(_late(evidence, paces[0], agreed))
        reason = N_("Only one side has enough answered requests; scored on its punctuality alone.")
        return FactorResult(id=ID, title=TITLE, score=score(punctuality), reason=reason, findings=ordered(findings))
    value = _compare(evidence, params, paces, punctuality, agreed, findings)
    return FactorResult(id=ID, title=TITLE, score=score(value), findings=ordered(findings))


def _compare(
    evidence: Evidence, params: Parameters, paces: list[Pace], punctuality: float, agreed: int, findings: list[Finding]
) -> float:
    """The score of two measured sides; names the slower side, or the late ones, in `findings`."""
    fast, slow = sorted(paces, key=lambda p: (p.days, -p.on_time))
    balance = (fast.days + agreed) / (slow.days + agreed)
    value = 0.5 * balance + 0.5 * punctuality
    out_of_step = balance < params.out_of_step_balance or slow.days > agreed or slow.on_time < params.late_share
    if out_of_step and (slow.days, -slow.on_time) != (fast.days, -fast.on_time):
        detail = {
            "slow": evidence.name(slow.side),
            "slow_key": slow.side,
            "slow_days": _days(slow.days),
            "slow_on_time": round(slow.on_time, 3),
            "fast": evidence.name(fast.side),
            "fast_days": _days(fast.days),
            "fast_on_time": round(fast.on_time, 3),
            "agreed": agreed,
        }
        slowest = sorted(slow.judged, key=lambda j: (-j.days, j.cited))
        severity: Severity = "error" if value < 0.4 else "warning"
        findings.append(finding(SLOW_SIDE, severity, ID, detail, cite(evidence, [j.cited for j in slowest])))
    else:
        findings.extend(_late(evidence, p, agreed) for p in paces if p.on_time < params.late_share)
    return value


def _judge(evidence: Evidence, agreed: int, window_start: dt.date) -> dict[str, list[Judged]]:
    judged: dict[str, list[Judged]] = {side: [] for side in evidence.sides}
    allowed, as_of = dt.timedelta(days=agreed), evidence.as_of
    for request in evidence.requests:
        deadline = request.due or request.date + allowed
        if request.answer is not None and request.answered is not None:
            if request.date < window_start:
                continue
            days = (request.answered - request.date).days
            entry = Judged(request.index, request.answer, days, request.answered <= deadline, open=False)
        elif as_of > deadline:
            entry = Judged(request.index, request.index, (as_of - request.date).days, False, open=True)
        else:
            continue
        judged[request.asked].append(entry)
    return judged


def _late(evidence: Evidence, pace: Pace, agreed: int) -> Finding:
    detail = {
        "side": evidence.name(pace.side),
        "on_time": round(pace.on_time, 3),
        "days": _days(pace.days),
        "agreed": agreed,
    }
    late = sorted((j for j in pace.judged if not j.on_time), key=lambda j: (-j.days, j.cited))
    return finding(LATE_SIDE, "warning", ID, detail, cite(evidence, [j.cited for j in late]))


def _days(days: float) -> int | float:
    return int(days) if days.is_integer() else round(days, 1)
