"""Numbers and dates as people write them, and what the partnership format wants instead.

A consultant in Germany writes four hundred thousand as `400.000` and the fifteenth of March as
`15.03.2026`. YAML and the format read numbers with `.` as the decimal point and dates as
`YYYY-MM-DD`, so `400.000` would silently become 400. These helpers recognise the common local
spellings and give the plain form to write instead. Standard library only: the command line uses
them too, and must start fast.
"""

from __future__ import annotations

import datetime as dt
import re

# 400.000 / 1.500,00: dots group thousands (a leading 0 never does: 0.250 is a decimal)
_DOT_GROUPED = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+(?:,\d+)?")
# 1,500 / 12,345.50: commas group thousands
_COMMA_GROUPED = re.compile(r"[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?")
# 2,5: a decimal comma
_DECIMAL_COMMA = re.compile(r"\d+,\d+")
# 15.03.2026 / 15.3.26: day, month, year
_DOTTED_DATE = re.compile(r"(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})")
# 2026-3-5 / 2026/03/05: year first, but not zero-padded or not with '-'
_LOOSE_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")


def thousands_grouped(text: str) -> bool:
    """True for a number that YAML would misread: `400.000` (read as 400), `9.500` (read as 9.5)."""
    return "." in text and _DOT_GROUPED.fullmatch(text.strip()) is not None


def plain_number(text: str) -> str | None:
    """The number as the format wants it (`400.000` -> `400000`, `1.500,00` -> `1500.00`,
    `2,5` -> `2.5`, `1,500` -> `1500`), or None when `text` is no such spelling."""
    written = text.strip().replace("\u00a0", "").replace(" ", "")
    for symbol in ("€", "EUR", "$", "USD", "CHF", "£", "GBP"):
        if written.startswith(symbol) or written.endswith(symbol):
            written = written.removeprefix(symbol).removesuffix(symbol)
            return plain_number(written) or (written if _is_number(written) else None)
    if _DOT_GROUPED.fullmatch(written):
        return written.replace(".", "").replace(",", ".")
    if _COMMA_GROUPED.fullmatch(written):
        return written.replace(",", "")
    if _DECIMAL_COMMA.fullmatch(written):
        return written.replace(",", ".")
    return None


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def iso_date(text: str) -> str | None:
    """The date as the format wants it (`15.03.2026` -> `2026-03-15`, `2026-3-5` -> `2026-03-05`),
    or None when `text` is no recognisable date."""
    written = text.strip()
    day_first = _DOTTED_DATE.fullmatch(written)
    if day_first:
        day, month, year = (int(part) for part in day_first.groups())
        if len(day_first.group(3)) == 2:
            year += 2000
    else:
        year_first = _LOOSE_ISO.fullmatch(written)
        if not year_first:
            return None
        year, month, day = (int(part) for part in year_first.groups())
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None
