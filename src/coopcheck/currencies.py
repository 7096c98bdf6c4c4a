"""Currencies a partnership may be kept in: the ISO 4217 codes that are legal tender today.

Babel's CLDR data knows which currency each territory uses and since when, so the list needs no
hand-keeping: a currency that has been replaced (BGN by EUR in 2026) or that is no money at all
(gold XAU, the test code XTS, "no currency" XXX) is refused.
"""

from __future__ import annotations

import datetime as dt
import functools


@functools.cache
def legal_tender(on: dt.date | None = None) -> frozenset[str]:
    """ISO 4217 codes that some territory uses as legal tender on `on` (default today)."""
    from babel.core import get_global

    day = on or dt.date.today()
    today = (day.year, day.month, day.day)
    codes: set[str] = set()
    for used in get_global("territory_currencies").values():
        for code, start, end, tender in used:
            if tender and (start is None or tuple(start) <= today) and (end is None or today < tuple(end)):
                codes.add(code)
    return frozenset(codes)


def is_currency(code: str) -> bool:
    return code in legal_tender()
