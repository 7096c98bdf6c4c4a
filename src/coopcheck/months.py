"""Calendar months: the one place that does month arithmetic for every stage.

A month is one integer (year x 12 + month - 1), so the distance between two months is a
subtraction and a run of months is a `range`. Dates move by whole months with the day clamped to
the end of a shorter month (31 January plus one month is 28 or 29 February).
"""

from __future__ import annotations

import calendar
import datetime as dt


def month_of(day: dt.date) -> int:
    """A month as one integer (year * 12 + month - 1), so month arithmetic is subtraction."""
    return day.year * 12 + day.month - 1


def month_label(month: int) -> str:
    """`2026-03`: the month as ISO text, as the JSON contract and the reports write it."""
    return f"{month // 12:04d}-{month % 12 + 1:02d}"


def first_day(month: int) -> dt.date:
    return dt.date(month // 12, month % 12 + 1, 1)


def last_day(month: int) -> dt.date:
    year, number = month // 12, month % 12 + 1
    return dt.date(year, number, calendar.monthrange(year, number)[1])


def full_months_between(start: dt.date, end: dt.date) -> int:
    """Whole calendar months from `start` to `end` (0 when `end` is not later)."""
    months = (end.year - start.year) * 12 + end.month - start.month - (1 if end.day < start.day else 0)
    return max(0, months)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later, or the last day of that month when it is shorter."""
    month = month_of(day) + months
    year, number = month // 12, month % 12 + 1
    return dt.date(year, number, min(day.day, calendar.monthrange(year, number)[1]))


def month_ends(first: dt.date, last: dt.date) -> list[dt.date]:
    """The last day of every month from `first`'s month to `last`'s, `last` itself for its own month."""
    ends = [last_day(month) for month in range(month_of(first), month_of(last))]
    return [*ends, last] if first <= last else []
