"""Words and numbers as a reader expects them: plurals that agree, articles, money, percentages, months.

The finding templates are the real ones the factors declare, filled with the counts that once
produced "answers in 1 days", "nach 1 Tagen" and "lead a executive-level meeting".
"""

from __future__ import annotations

import pytest

import coopcheck.assessment.engine  # noqa: F401  (declares every finding template)
from coopcheck.assessment.model import Finding
from coopcheck.findings import TEMPLATES
from coopcheck.i18n import _, ngettext
from coopcheck.rendering import localize
from coopcheck.rendering.templating import language
from reports import english_afterwards  # noqa: F401


def _finding(finding_id: str, **params: object) -> Finding:
    declared = TEMPLATES[finding_id]
    return Finding(
        id=finding_id,
        severity="warning",
        factor="keeping_in_step",
        message=declared.message.format(**params),
        remediation=declared.remediation.format(**params) if declared.remediation else None,
        params=params,  # type: ignore[arg-type]
    )


SLOW = {
    "slow": "Lumen",
    "slow_days": 1,
    "slow_on_time": 0.2,
    "fast": "Kranich",
    "fast_days": 1,
    "fast_on_time": 1.0,
    "agreed": 1,
}


def test_a_count_of_one_takes_the_singular_in_english():  # type: ignore[no-untyped-def]
    with language("en"):
        text = localize.message(_finding("keeping_in_step.slow_side", **SLOW))
    assert "in a median of 1 day and" in text and "answers in 1 day and" in text and "(agreed: 1 day)" in text
    assert "1 days" not in text


def test_a_count_of_one_takes_the_singular_in_german_in_every_case():  # type: ignore[no-untyped-def]
    with language("de"):
        text = localize.message(_finding("keeping_in_step.slow_side", **SLOW))
    assert "nach 1 Tag " in text and "(vereinbart: 1 Tag)" in text
    assert "1 Tagen" not in text and "1 Tage" not in text
    assert "20 %" in text.replace("\u00a0", " "), "a percentage as German writes it"


def test_counts_above_one_keep_the_plural():  # type: ignore[no-untyped-def]
    with language("de"):
        text = localize.message(_finding("keeping_in_step.slow_side", **{**SLOW, "slow_days": 12, "agreed": 5}))
    assert "nach 12 Tagen" in text and "(vereinbart: 5 Tage)" in text


def test_english_article_agrees_with_the_level():  # type: ignore[no-untyped-def]
    params = {"level": "executive", "from_side": "Lumen", "to_side": "Kranich", "window": 6}
    with language("en"):
        executive = localize.remediation(_finding("anchoring.missing_exchange", **params))
        working = localize.remediation(_finding("anchoring.missing_exchange", **{**params, "level": "working"}))
    assert "lead a meeting at the executive level" in executive and "a executive" not in executive
    assert "lead a meeting at the working level" in working


def test_an_amount_in_the_currency_reads_as_money():  # type: ignore[no-untyped-def]
    template = "{total:,.0f} {currency} so far"
    with language("en"):
        assert localize.fill(template, {"total": 80048.4, "currency": "EUR"}) == "€80,048 so far"
    with language("de"):
        assert localize.fill(template, {"total": 80048.4, "currency": "EUR"}) == "80.048\u00a0€ so far"


def test_ngettext_picks_the_form_in_both_languages():  # type: ignore[no-untyped-def]
    with language("en"):
        assert localize.months(1) == "1 month" and localize.months(10) == "10 months"
    with language("de"):
        assert localize.months(1) == "1 Monat" and localize.months(10) == "10 Monate"
        one = ngettext("{months} month without an outcome", "{months} months without an outcome", 1)
        assert one.format(months=1) == "1 Monat ohne Ergebnis"
        assert _("Act now") == "Jetzt handeln"


@pytest.mark.parametrize(("lang", "expected"), [("en", "Apr 2026"), ("de", "Apr 2026")])
def test_short_months_never_read_as_a_day(lang, expected):  # type: ignore[no-untyped-def]
    with language(lang):
        assert localize.short_month("2026-04") == expected


@pytest.mark.parametrize(("score", "shown"), [(69.6, "69"), (70.0, "70"), (44.99, "44"), (None, "?")])
def test_health_is_shown_in_whole_points_reached_so_it_agrees_with_its_band(score, shown):  # type: ignore[no-untyped-def]
    assert localize.health(score) == shown


@pytest.mark.parametrize(("currency", "shown"), [("EUR", "€9,730"), ("USD", "$9,730"), ("CHF", "CHF\u00a09,730"),
                                                 ("SEK", "SEK\u00a09,730"), ("JPY", "¥9,730")])  # fmt: skip
def test_english_money_spaces_a_currency_code_from_the_number(currency: str, shown: str) -> None:
    from coopcheck.i18n import set_language
    from coopcheck.rendering.localize import money

    set_language("en")
    assert money(9730.4, currency) == shown
