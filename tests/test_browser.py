"""The HTML report in a real browser: headless Chromium shows the diagnosis and the charts, offline.

The page is opened from disk; the test fails on any console error and on any request other than
the page itself. Screenshots land in `test-artifacts/` for a person to look at.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from chromium import Chromium, find_chromium
from coopcheck.rendering import html, localize
from coopcheck.rendering.templating import language
from reports import assessed, english_afterwards  # noqa: F401
from support import ROOT

ARTIFACTS = ROOT / "test-artifacts"
EXECUTABLE = find_chromium()

pytestmark = pytest.mark.skipif(EXECUTABLE is None, reason="chromium is not installed (apt-get install chromium)")


@pytest.fixture(scope="module")
def browser():  # type: ignore[no-untyped-def]
    assert EXECUTABLE is not None
    with Chromium(EXECUTABLE) as chromium:
        yield chromium


def _open(browser: Chromium, page: str, path: Path, screenshot: str):  # type: ignore[no-untyped-def]
    path.write_text(page, encoding="utf-8")
    return browser.open(path.as_uri(), screenshot=ARTIFACTS / screenshot)


@pytest.mark.parametrize("lang", ["en", "de"])
def test_one_way_report_in_chromium(browser, tmp_path, lang):  # type: ignore[no-untyped-def]
    assessment, trend = assessed("one-way-street")
    shown = _open(browser, html.render(assessment, lang, trend), tmp_path / "report.html", f"one-way-street.{lang}.png")
    with language(lang):
        diagnosis = localize.diagnosis_summary(assessment.diagnosis)
    street = {"en": "One-way street", "de": "Einbahnstraße"}[lang]
    assert diagnosis in shown.text
    assert street.upper() in shown.text.upper() and "Kranich IT-Services GmbH" in shown.text
    assert shown.svg_count == 3, "the three charts are drawn"
    assert shown.console_errors == []
    assert shown.requests == [(tmp_path / "report.html").as_uri()], "no request beyond the page itself"
    assert (ARTIFACTS / f"one-way-street.{lang}.png").stat().st_size > 10_000


def test_portfolio_in_chromium(browser, tmp_path):  # type: ignore[no-untyped-def]
    assessments = [assessed(name)[0] for name in ("thriving", "one-way-street", "empty", "out-of-step")]
    shown = _open(browser, html.render_portfolio(assessments, "en"), tmp_path / "portfolio.html", "portfolio.png")
    assert shown.svg_count == 1
    assert all(a.partnership.name in shown.text for a in assessments)
    assert shown.console_errors == [] and len(shown.requests) == 1


def test_trend_page_in_chromium(browser, tmp_path):  # type: ignore[no-untyped-def]
    _assessment, trend = assessed("one-way-street")
    shown = _open(browser, html.render_trend(trend, "de"), tmp_path / "trend.html", "one-way-street.trend.de.png")
    assert shown.svg_count == 2
    assert "Einbahnstraße erkannt: Kranich IT-Services GmbH trägt die Partnerschaft seit Februar 2026" in shown.text
    assert shown.console_errors == [] and len(shown.requests) == 1
