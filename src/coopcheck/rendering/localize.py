"""Words and numbers in the reader's language: labels for ids, translated findings, money and months.

Every renderer that shows an assessment to a person goes through here, so the terminal, Markdown
and HTML reports say the same thing in the same words. The assessment carries English texts and
the parameters they were formatted with; the German text is the catalogue's translation of the
same template, formatted with the same parameters.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal

from coopcheck.assessment.model import Diagnosis, Finding
from coopcheck.i18n import N_, _, current_language

UNKNOWN = "?"

DIAGNOSES: dict[str, str] = {
    "onboarding": N_("onboarding"),
    "thriving": N_("thriving"),
    "building": N_("building"),
    "harvesting": N_("harvesting"),
    "one_way": N_("one-way street"),
    "empty": N_("empty"),
}
BANDS: dict[str, str] = {"green": N_("green"), "amber": N_("amber"), "red": N_("red")}
RISK_LEVELS: dict[str, str] = {"low": N_("low"), "medium": N_("medium"), "high": N_("high")}
SEVERITIES: dict[str, str] = {"error": N_("error"), "warning": N_("warning"), "info": N_("info")}
SECTIONS: dict[str, str] = {
    "anchoring": N_("Anchoring"),
    "keeping_in_step": N_("Keeping in step"),
    "investment": N_("Investment"),
    "commitment": N_("Commitment"),
    "influence": N_("Influence"),
    "outcome": N_("Outcome"),
    "reciprocity": N_("Reciprocity"),
    "empty_contacts": N_("Empty contacts"),
    "readiness": N_("Readiness"),
    "perception": N_("Perception gap"),
    "health": N_("Health"),
    "diagnosis": N_("Diagnosis"),
}
KINDS: dict[str, str] = {
    "joint_market": N_("joint go-to-market"),
    "development": N_("development partnership"),
    "trusted_advisory": N_("trusted advisory"),
    "other": N_("other partnership"),
}
TARGETS: dict[str, str] = {
    "joint_campaigns": N_("Joint campaigns"),
    "projects_won": N_("Projects won"),
    "revenue": N_("Revenue"),
}
# Parameters whose values are titles from the catalogue (factor and target names).
TITLE_PARAMS = frozenset({"factor", "target", "component"})
# Parameter values that are words of the format (levels, activity types), translated in messages.
PARAM_WORDS: dict[str, str] = {
    "executive": N_("executive"),
    "working": N_("working"),
    "low": N_("low"),
    "medium": N_("medium"),
    "high": N_("high"),
    "sourced": N_("sourced"),
    "influenced": N_("influenced"),
}


def label(table: Mapping[str, str], key: str | None) -> str:
    """The translated label of `key` in `table` (the key itself when the table lacks it)."""
    if key is None:
        return UNKNOWN
    return _(table[key]) if key in table else key


def text(message: str | None) -> str:
    """A text the assessment carries in English (a catalogue msgid), in the current language."""
    return _(message) if message else ""


class _GermanFloat(float):
    """A number that formats with German separators: `{x:,.0f}` gives 12.345, `{x:.1f}` gives 2,5."""

    def __format__(self, spec: str) -> str:
        return format(float(self), spec).translate(_SWAP_SEPARATORS)


class _GermanInt(int):
    def __format__(self, spec: str) -> str:
        return format(int(self), spec).translate(_SWAP_SEPARATORS)


_SWAP_SEPARATORS = str.maketrans({",": ".", ".": ","})
_MONTH = re.compile(r"^\d{4}-\d{2}$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _localized_param(key: str, value: object) -> object:
    if isinstance(value, str) and key in TITLE_PARAMS:
        return _(value)
    if isinstance(value, str):
        if value in PARAM_WORDS:
            return _(PARAM_WORDS[value])
        if current_language() == "en":
            return value  # English keeps ISO dates, as in the JSON messages
        if _DAY.match(value):
            return date(dt.date.fromisoformat(value))
        return month(value) if _MONTH.match(value) else value
    if isinstance(value, (int, float)) and not isinstance(value, bool) and current_language() == "de":
        return _GermanFloat(value) if isinstance(value, float) else _GermanInt(value)
    return value


def localized_params(params: Mapping[str, object]) -> dict[str, object]:
    """Parameters of a message as the reader expects them: words translated, months named, numbers local."""
    return {key: _localized_param(key, value) for key, value in params.items()}


def _from_template(finding: Finding, which: str, english: str | None) -> str | None:
    from coopcheck.findings import TEMPLATES

    declared = TEMPLATES.get(finding.id)
    source = getattr(declared, which, None) if declared else None
    if not source or english is None:
        return english
    try:
        return _(source).format(**localized_params(finding.params))
    except (KeyError, IndexError, ValueError):
        return english


def message(finding: Finding) -> str:
    return _from_template(finding, "message", finding.message) or ""


def remediation(finding: Finding) -> str:
    return _from_template(finding, "remediation", finding.remediation) or ""


def diagnosis_summary(diagnosis: Diagnosis) -> str:
    """The headline sentence, filled with the figures it rests on, in the reader's language."""
    if not diagnosis.template:
        return diagnosis.summary
    try:
        return _(diagnosis.template).format(**localized_params(diagnosis.params))
    except (KeyError, IndexError, ValueError):
        return diagnosis.summary


def _locale() -> str:
    return "de_DE" if current_language() == "de" else "en_US"


def money(amount: float | None, currency: str) -> str:
    """Whole currency units: `€12,345` in English, `12.345 €` in German."""
    if amount is None:
        return UNKNOWN
    from babel.numbers import format_currency

    pattern = "#,##0\u00a0¤" if current_language() == "de" else "¤#,##0"
    return format_currency(round(amount), currency, format=pattern, locale=_locale(), currency_digits=False)


def number(value: float | None, digits: int = 0) -> str:
    if value is None:
        return UNKNOWN
    from babel.numbers import format_decimal

    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    return format_decimal(round(value, digits), format=pattern, locale=_locale())


def score(value: float | None) -> str:
    """A 0-100 score rounded half up to a whole number, `?` when there was too little evidence."""
    if value is None:
        return UNKNOWN
    return str(int(Decimal(str(value)).quantize(Decimal(1), rounding=ROUND_HALF_UP)))


def share(value: float | None) -> str:
    """A 0-1 share as a percentage."""
    if value is None:
        return UNKNOWN
    from babel.numbers import format_percent

    return format_percent(value, locale=_locale())


def index(value: float | None) -> str:
    return number(value, 2)


def date(day: dt.date | None) -> str:
    if day is None:
        return UNKNOWN
    from babel.dates import format_date

    return format_date(day, "d. MMMM y" if current_language() == "de" else "d MMMM y", locale=_locale())


def month(label_: str | None) -> str:
    """`2026-03` as `March 2026` / `März 2026`."""
    if not label_:
        return UNKNOWN
    from babel.dates import format_date

    year, number_ = (int(part) for part in label_.split("-")[:2])
    return format_date(dt.date(year, number_, 1), "MMMM y", locale=_locale())


def short_month(label_: str) -> str:
    """`2026-03` as `Mar 26` / `Mär 26`, for chart axes."""
    from babel.dates import format_date

    year, number_ = (int(part) for part in label_.split("-")[:2])
    return format_date(dt.date(year, number_, 1), "LLL yy", locale=_locale())
