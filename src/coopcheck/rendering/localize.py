"""Words and numbers in the reader's language: labels for ids, translated findings, money and months.

Every renderer that shows an assessment to a person goes through here, so the terminal, Markdown
and HTML reports say the same thing in the same words. The assessment carries English texts and
the parameters they were formatted with; the German text is the catalogue's translation of the
same template, formatted with the same parameters.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal

from coopcheck import factors
from coopcheck.assessment.model import Diagnosis, Evidence, FactorResult, Finding
from coopcheck.i18n import N_, _, current_language, ngettext

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
# Severity as words a client reads: what to do about a finding, not how a program ranks it.
SEVERITIES: dict[str, str] = {"error": N_("Act now"), "warning": N_("Watch"), "info": N_("Note")}
# The sections of the assessment that are not influence factors; a factor's title is the `TITLE`
# of its module (see `SECTIONS`), so that adding a factor does not touch this file.
ASSESSMENT_SECTIONS: dict[str, str] = {
    "influence": N_("Influence"),
    "outcome": N_("Outcome"),
    "reciprocity": N_("Reciprocity"),
    "empty_contacts": N_("Empty contacts"),
    "readiness": N_("Readiness"),
    "perception": N_("Perception gap"),
    "health": N_("Health"),
    "diagnosis": N_("Diagnosis"),
}


class _Sections(Mapping[str, str]):
    """The title of every section of a report: the registered influence factors, then the rest.

    Read at each lookup, so a factor registered after import (a plug-in, a test) has its title too."""

    def __getitem__(self, key: str) -> str:
        factor = factors.BY_ID.get(key)
        return factor.TITLE if factor is not None else ASSESSMENT_SECTIONS[key]

    def __iter__(self) -> Iterator[str]:
        yield from factors.BY_ID
        yield from ASSESSMENT_SECTIONS

    def __len__(self) -> int:
        return len(factors.BY_ID) + len(ASSESSMENT_SECTIONS)


SECTIONS: Mapping[str, str] = _Sections()
KINDS: dict[str, str] = {
    "joint_market": N_("joint go-to-market partnership"),
    "development": N_("development partnership"),
    "trusted_advisory": N_("trusted advisory partnership"),
    "other": N_("other partnership"),
}
TARGETS: dict[str, str] = {
    "joint_campaigns": N_("Joint campaigns"),
    "projects_won": N_("Projects won"),
    "revenue": N_("Revenue"),
}
# Activity types, for evidence shown to a client as "date: topic" (or the type, where there is no topic).
ACTIVITY_TYPES: dict[str, str] = {
    "meeting": N_("meeting"),
    "call": N_("call"),
    "workshop": N_("workshop"),
    "event": N_("event"),
    "message": N_("message"),
    "referral": N_("referral"),
    "lead": N_("lead"),
    "introduction": N_("introduction"),
    "enablement": N_("enablement"),
    "support": N_("support"),
    "content": N_("content"),
    "request": N_("request"),
    "delivery": N_("delivery"),
    "investment": N_("investment"),
    "cost_share": N_("cost share"),
    "review": N_("review"),
    "joint_campaign": N_("joint campaign"),
    "project_won": N_("project won"),
    "revenue": N_("revenue"),
    "survey": N_("survey"),
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
    """A number that formats with German separators: `{x:,.0f}` gives 12.345, `{x:.1f}` gives 2,5,
    and a share as Babel writes it in German: `{x:.0%}` gives 29 %."""

    def __format__(self, spec: str) -> str:
        if spec.endswith("%"):
            from babel.numbers import format_percent

            digits = int(spec[1:-1] or 0) if spec.startswith(".") else 0
            return format_percent(
                float(self), "#,##0" + ("." + "0" * digits if digits else "") + "\u00a0%", locale="de_DE"
            )
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
        if _DAY.match(value):
            return date(dt.date.fromisoformat(value))
        return month(value) if _MONTH.match(value) else value
    if isinstance(value, (int, float)) and not isinstance(value, bool) and current_language() == "de":
        return _GermanFloat(value) if isinstance(value, float) else _GermanInt(value)
    return value


def localized_params(params: Mapping[str, object]) -> dict[str, object]:
    """Parameters of a message as the reader expects them: words translated, months named, numbers local."""
    return {key: _localized_param(key, value) for key, value in params.items()}


# A count written before its unit ("{days} days", "{months} Monate"): the unit agrees with the count.
_COUNTED = re.compile(r"\{(\w+)(?::[^{}]*)?\} (\w+)")
# Money written as a number and the currency code ("{total:,.0f} {currency}"): shown as money.
_AMOUNT = re.compile(r"\{(\w+):,\.0f\} \{currency\}")
# The English article before a placeholder: "a {level}-level meeting" becomes "an executive-level meeting".
_ARTICLE = re.compile(r"\b([Aa]) \{(\w+)\}")
# The singular of each plural unit a message template may put after a count, by language (German by case).
SINGULAR_UNITS: dict[str, dict[str, str]] = {
    "en": {
        "days": "day",
        "months": "month",
        "hours": "hour",
        "weeks": "week",
        "reviews": "review",
        "contacts": "contact",
        "requests": "request",
        "activities": "activity",
        "partnerships": "partnership",
    },
    "de": {
        "Tagen": "Tag",
        "Tage": "Tag",
        "Monaten": "Monat",
        "Monate": "Monat",
        "Stunden": "Stunde",
        "Wochen": "Woche",
        "Reviews": "Review",
        "Kontakten": "Kontakt",
        "Anfragen": "Anfrage",
        "Aktivitäten": "Aktivität",
        "Partnerschaften": "Partnerschaft",
    },
}


def fill(template: str, params: Mapping[str, object]) -> str:
    """A translated message template filled in for the reader: units agree with their counts
    ("1 day", "1 Tag"), amounts in the currency read as money, numbers and months are local."""
    units = SINGULAR_UNITS.get(current_language(), {})

    def unit(match: re.Match[str]) -> str:
        word = match.group(2)
        if params.get(match.group(1)) == 1 and word in units:
            return match.group(0)[: -len(word)] + units[word]
        return match.group(0)

    def article(match: re.Match[str]) -> str:
        value = str(localized.get(match.group(2), ""))
        an = current_language() == "en" and value[:1].lower() in tuple("aeiou")
        return f"{match.group(1)}{'n' if an else ''} {{{match.group(2)}}}"

    localized = localized_params(params)
    currency = params.get("currency")
    if isinstance(currency, str):
        for name in _AMOUNT.findall(template):
            value = params.get(name)
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                localized[f"{name}__money"] = money(float(value), currency)
        template = _AMOUNT.sub(
            lambda m: f"{{{m.group(1)}__money}}" if f"{m.group(1)}__money" in localized else m.group(0), template
        )
    template = _ARTICLE.sub(article, _COUNTED.sub(unit, template))
    return template.format(**localized)


def _from_template(finding: Finding, which: str, english: str | None) -> str | None:
    from coopcheck.findings import TEMPLATES

    declared = TEMPLATES.get(finding.id)
    source = getattr(declared, which, None) if declared else None
    if not source or english is None:
        return english
    try:
        return fill(_(source), finding.params)
    except (KeyError, IndexError, ValueError):
        return english


def message(finding: Finding) -> str:
    return _from_template(finding, "message", finding.message) or ""


def remediation(finding: Finding) -> str:
    return _from_template(finding, "remediation", finding.remediation) or ""


def factor_basis(factor: FactorResult) -> str:
    """What a factor's score rests on, in a sentence: its reason, else its first finding, else what it confirms."""
    if factor.reason:
        return text(factor.reason)
    if factor.findings:
        return message(factor.findings[0])
    basis = getattr(factors.BY_ID.get(factor.id), "BASIS", None)  # the factor module's sentence
    return _(basis) if basis and factor.score is not None else ""


def evidence(cited: Evidence) -> str:
    """A piece of evidence as a client reads it: the day and the topic of the activity (no file, no id).

    Empty for a citation of the definition itself (a key of the partnership file): that is for the appendix.
    """
    if cited.date is None:
        return ""
    what = cited.topic or label(ACTIVITY_TYPES, cited.type)
    return f"{date(cited.date)}: {what}"


# A key path of the partnership file in parentheses, "(partners.isar.contacts)": for the analyst, not the client.
_KEY_PATH = re.compile(r"\s*\(((?:partners|success_factors|review_every_days)\b[\w.-]*)\)")


def for_client(sentence: str) -> str:
    """A finding's sentence without the key paths of the file it names (the appendix lists them)."""
    return _KEY_PATH.sub("", sentence)


def file_keys(sentence: str | None) -> list[str]:
    """The key paths of the partnership file a finding's sentence names, e.g. `partners.isar.contacts`."""
    return _KEY_PATH.findall(sentence or "")


def months(count: int) -> str:
    """A number of months with the noun that agrees with it: `1 month`, `10 months` / `1 Monat`, `10 Monate`."""
    return ngettext("{count} month", "{count} months", count).format(count=count)


def diagnosis_summary(diagnosis: Diagnosis) -> str:
    """The headline sentence, filled with the figures it rests on, in the reader's language."""
    if not diagnosis.template:
        return diagnosis.summary
    try:
        return fill(_(diagnosis.template), diagnosis.params)
    except (KeyError, IndexError, ValueError):
        return diagnosis.summary


def _locale() -> str:
    return "de_DE" if current_language() == "de" else "en_US"


def money(amount: float | None, currency: str) -> str:
    """Whole currency units: `€12,345` and `CHF 12,345` in English (a symbol that ends in a letter is
    spaced from the number, as CLDR's currency spacing asks), `12.345 €` in German."""
    if amount is None:
        return UNKNOWN
    from babel.numbers import format_currency, get_currency_symbol

    if current_language() == "de":
        pattern = "#,##0\u00a0¤"
    else:
        pattern = "¤\u00a0#,##0" if get_currency_symbol(currency, _locale())[-1:].isalpha() else "¤#,##0"
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


def health(value: float | None) -> str:
    """A health score in whole points reached (rounded down), so the number agrees with its band:
    69.6 is amber, and shows as 69, never as 70 beside the word amber."""
    if value is None:
        return UNKNOWN
    return str(int(Decimal(str(value)).quantize(Decimal(1), rounding=ROUND_FLOOR)))


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
    """`2026-03` as `Mar 2026` / `März 2026`, for chart axes and tables (never `Mar 26`, read as a day)."""
    from babel.dates import format_date

    year, number_ = (int(part) for part in label_.split("-")[:2])
    return format_date(dt.date(year, number_, 1), "LLL y", locale=_locale())
