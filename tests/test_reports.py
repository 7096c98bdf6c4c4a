"""Markdown and HTML reports: what a consultant hands to a client must name the giver, the month and the cost."""

from __future__ import annotations

import re

import pytest

from coopcheck.i18n import current_language
from coopcheck.rendering import html, markdown
from reports import EXAMPLE_NAMES, assessed, english_afterwards  # noqa: F401

MONTHS = {"en": "February 2026", "de": "Februar 2026"}


def money(amount: float, lang: str) -> str:
    whole = f"{round(amount):,}"
    return f"€{whole}" if lang == "en" else whole.replace(",", ".") + "\u00a0€"


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize("render", [markdown.render, html.render], ids=["markdown", "html"])
def test_one_way_report_names_giver_month_and_cost(render, lang):  # type: ignore[no-untyped-def]
    assessment, trend = assessed("one-way-street")
    one_way = assessment.reciprocity.one_way
    assert one_way.detected and one_way.since == "2026-02" and one_way.cost is not None
    text = render(assessment, lang, trend)
    street = {"en": "One-way street", "de": "Einbahnstraße"}[lang]
    assert street in text
    assert "Kranich IT-Services GmbH" in text
    assert MONTHS[lang] in text
    assert money(one_way.cost.total, lang) in text


def test_german_report_speaks_the_domain_language():  # type: ignore[no-untyped-def]
    assessment, _trend = assessed("one-way-street")
    text = markdown.render(assessment, "de")
    for word in ("Einflussfaktoren", "Ergebnisfaktoren", "Einbahnstraße", "Leere Kontakte", "Gleichtakt"):
        assert word in text, word
    for english in ("Influence factors", "Findings and levers", "One-way street", "Keeping in step"):
        assert english not in text, english


def test_rendering_leaves_the_language_as_it_was():  # type: ignore[no-untyped-def]
    assessment, _trend = assessed("thriving")
    markdown.render(assessment, "de")
    assert current_language() == "en"


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_html_is_one_self_contained_file(name):  # type: ignore[no-untyped-def]
    assessment, trend = assessed(name)
    page = html.render(assessment, "en", trend)
    assert page.count("<svg") == 4, "four inline charts"
    assert "<script" not in page and "<link" not in page and "@import" not in page
    assert not re.search(r"url\(|src=", page)
    assert set(re.findall(r"https?://[^\s\"'<>]+", page)) <= {"http://www.w3.org/2000/svg"}
    assert "default-src 'none'" in page, "the page itself forbids every request"
    assert "@media print" in page and "break-before: page" in page


def test_html_escapes_names_from_the_input():  # type: ignore[no-untyped-def]
    assessment, _trend = assessed("thriving")
    partnership = assessment.partnership.model_copy(update={"name": "<b>Acme & Co</b>"})
    page = html.render(assessment.model_copy(update={"partnership": partnership}), "en")
    assert "<b>Acme" not in page and "&lt;b&gt;Acme &amp; Co&lt;/b&gt;" in page


def test_markdown_shows_every_finding_with_its_lever_and_evidence():  # type: ignore[no-untyped-def]
    assessment, _trend = assessed("one-way-street")
    text = markdown.render(assessment, "en")
    findings = text[text.index("## What to do") : text.index("## Influence factors")]
    assert len(re.findall(r"^\d+\. \*\*", findings, re.MULTILINE)) == len(assessment.findings)
    assert findings.count("Lever:") == sum(1 for f in assessment.findings if f.remediation)
    assert "- 3 February 2026: Lumen ZTNA deployment runbook" in findings, "evidence as date and topic"
    assert "examples/" not in findings and "ow-2026" not in findings, "no file or activity id for the client"
    appendix = text[text.index("## Appendix for the analyst") :]
    assert "`examples/logs/one-way-street-2026.yaml:" in appendix, "evidence as file:line in the appendix"
    assert all(f"`{f.id}`" in appendix for f in assessment.findings)
    client = markdown.render(assessment, "en", audience="client")
    assert "Appendix" not in client and "examples/" not in client


def test_portfolio_lists_every_partnership_weakest_first():  # type: ignore[no-untyped-def]
    assessments = [assessed(name)[0] for name in EXAMPLE_NAMES]
    page = html.render_portfolio(assessments, "de")
    positions = [page.index(a.partnership.name) for a in assessments]
    assert all(p > 0 for p in positions)
    one_way = assessed("one-way-street")[0].partnership.name
    thriving = assessed("thriving")[0].partnership.name
    table = page[page.index('id="partnerships"') :]
    assert table.index(one_way) < table.index(thriving)
    assert "Kranich IT-Services GmbH seit Februar 2026" in page
    assert "<script" not in page and page.count("<svg") == 2, "health bars and the portfolio plane"


@pytest.mark.parametrize("name", ["readiness", "one-way-street"])
def test_client_part_names_no_keys_of_the_file(name):  # type: ignore[no-untyped-def]
    """`partners.isar.contacts` means nothing to a client: the key paths a lever names go to the appendix."""
    assessment, _trend = assessed(name)
    text = markdown.render(assessment, "en")
    client, appendix = text.split("## Appendix for the analyst")
    assert not re.search(r"partners\\?\.|success\\?_factors|review\\?_every\\?_days", client), client
    named = [key for f in assessment.findings for key in re.findall(r"\((partners\.[\w.]+)\)", f.remediation or "")]
    assert all(f"`{key}`" in appendix for key in named)
