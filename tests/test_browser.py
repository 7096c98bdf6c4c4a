"""The HTML reports in a real browser: Playwright drives Debian's headless Chromium, offline.

Each page is opened from disk; the test fails on any console error and on any request other than
the page itself. Every chart must show a title and labelled axes, and no file path or finding id
may appear outside the appendix for the analyst. Screenshots of the English and German report of
every example land in `test-artifacts/` for a person to look at.

Chromium comes from the system (`apt-get install chromium`), never downloaded by Playwright. In CI
(`CI` set) a missing browser fails the test instead of skipping it; `.ci/run` installs it first.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from coopcheck.rendering import html, localize
from coopcheck.rendering.templating import language
from reports import EXAMPLE_NAMES, assessed, english_afterwards  # noqa: F401
from support import ROOT

ARTIFACTS = ROOT / "test-artifacts"
TIMEOUT_MS = 30_000
EXECUTABLE = shutil.which("chromium") or shutil.which("chromium-browser")

if EXECUTABLE is None and os.environ.get("CI"):
    pytest.fail("chromium is not installed: the browser test must run in CI (apt-get install chromium)", pytrace=False)
pytestmark = pytest.mark.skipif(EXECUTABLE is None, reason="chromium is not installed (apt-get install chromium)")

# What each chart shows, read from the page: its drawn title and the titles of its axes.
CHARTS_JS = """() => [...document.querySelectorAll('figure')].map(f => {
  const svg = f.querySelector('svg');
  const titles = svg ? [...svg.querySelectorAll('text.title')] : [];
  return {
    id: f.id,
    title: titles.filter(t => t.classList.contains('plot_title')).map(t => t.textContent.trim()).join(' '),
    axes: titles.filter(t => !t.classList.contains('plot_title')).map(t => t.textContent.trim()),
    empty: svg ? svg.querySelector('text.no_data') !== null : true,
  };
})"""
# The visible text of the page without the appendix.
CLIENT_TEXT_JS = """() => {
  const body = document.body.cloneNode(true);
  body.querySelectorAll('#appendix').forEach(a => a.remove());
  return body.innerText;
}"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=EXECUTABLE, headless=True, timeout=TIMEOUT_MS, args=["--no-sandbox"]
        )
        try:
            yield chromium
        finally:
            chromium.close()


def _open(browser: Any, page_html: str, path: Path, screenshot: str) -> dict[str, Any]:
    """Open `page_html` from disk, record console errors and requests, screenshot the full page."""
    path.write_text(page_html, encoding="utf-8")
    page = browser.new_page(viewport={"width": 1100, "height": 900})
    page.set_default_timeout(TIMEOUT_MS)
    errors: list[str] = []
    requests: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("request", lambda request: requests.append(request.url))
    try:
        page.goto(path.as_uri(), wait_until="load")
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / screenshot), full_page=True)
        return {
            "text": page.inner_text("body"),
            "client": page.evaluate(CLIENT_TEXT_JS),
            "charts": page.evaluate(CHARTS_JS),
            "errors": errors,
            "requests": requests,
        }
    finally:
        page.close()


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_report_in_chromium(browser, tmp_path, name, lang):  # type: ignore[no-untyped-def]
    assessment, trend = assessed(name)
    path = tmp_path / "report.html"
    shown = _open(browser, html.render(assessment, lang, trend), path, f"{name}.{lang}.png")
    with language(lang):
        assert localize.diagnosis_summary(assessment.diagnosis) in shown["text"]
    charts = shown["charts"]
    assert len(charts) == 4, "four charts"
    for chart in charts:
        assert chart["title"], f"{chart['id']} has a title"
        assert chart["empty"] or (len(chart["axes"]) >= 2 and all(chart["axes"])), f"{chart['id']} labels both axes"
    money_axes = [axis for chart in charts for axis in chart["axes"] if assessment.partnership.currency in axis]
    assert money_axes or all(c["empty"] for c in charts if c["id"] in ("chart-given", "chart-empty"))
    client = shown["client"]
    assert not re.search(r"[\w./-]+\.(?:yaml|csv)(?::\d+)?", client), "no file path outside the appendix"
    for finding in assessment.findings:
        assert finding.id not in client, f"finding id {finding.id} outside the appendix"
        assert all(e.activity is None or e.activity not in client for e in finding.evidence)
    assert shown["errors"] == []
    assert shown["requests"] == [path.as_uri()], "no request beyond the page itself"
    assert (ARTIFACTS / f"{name}.{lang}.png").stat().st_size > 10_000


def test_one_way_street_shows_its_alert(browser, tmp_path):  # type: ignore[no-untyped-def]
    assessment, trend = assessed("one-way-street")
    shown = _open(browser, html.render(assessment, "de", trend), tmp_path / "report.html", "one-way-street.alert.png")
    assert "EINBAHNSTRASSE" in shown["text"].upper() and "Kranich IT-Services GmbH" in shown["text"]


def test_portfolio_in_chromium(browser, tmp_path):  # type: ignore[no-untyped-def]
    assessments = [assessed(name)[0] for name in ("thriving", "one-way-street", "empty", "out-of-step")]
    shown = _open(browser, html.render_portfolio(assessments, "en"), tmp_path / "portfolio.html", "portfolio.png")
    charts = shown["charts"]
    assert [c["id"] for c in charts] == ["chart-health", "chart-plane"]
    assert all(c["title"] and len(c["axes"]) >= 2 for c in charts)
    assert all(a.partnership.name in shown["text"] for a in assessments)
    assert shown["errors"] == [] and len(shown["requests"]) == 1


def test_trend_page_in_chromium(browser, tmp_path):  # type: ignore[no-untyped-def]
    _assessment, trend = assessed("one-way-street")
    shown = _open(browser, html.render_trend(trend, "de"), tmp_path / "trend.html", "one-way-street.trend.de.png")
    assert len(shown["charts"]) == 2 and all(c["title"] for c in shown["charts"])
    assert "Einbahnstraße erkannt: Kranich IT-Services GmbH trägt die Partnerschaft seit Februar 2026" in shown["text"]
    assert shown["errors"] == [] and len(shown["requests"]) == 1
