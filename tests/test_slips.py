"""Every report of every example, in English and German, is free of the slips a client noticed.

Each pattern below is a wording that once reached a report: German that no native speaker
writes, plurals that do not agree with their number, a month that reads as a day, a scale that
reads as a count. The test renders the terminal, Markdown, HTML and trend reports and the `check`
table of every example and fails on any of them.
"""

from __future__ import annotations

import html as html_lib
import re

import pytest

from coopcheck.rendering import html, localize, markdown, text, trend_text
from coopcheck.rendering.templating import language
from reports import EXAMPLE_NAMES, assessed, english_afterwards  # noqa: F401
from support import AS_OF

MONTH_ABBREVIATION = r"(?:Jan|Feb|Mar|Mär|Apr|May|Mai|Jun|Jul|Aug|Sep|Oct|Okt|Nov|Dec|Dez)\.?"

SLIPS: dict[str, list[tuple[str, str]]] = {
    "en": [
        (r"\b1 days\b", "a plural after 1"),
        (r"\b1 months\b", "a plural after 1"),
        (r"\b1 hours\b", "a plural after 1"),
        (r"\ba executive\b", "'a' before a vowel"),
        (r"0 one-way, 1 balanced", "a scale that reads as a count"),
        (rf"\b{MONTH_ABBREVIATION} \d{{2}}\b(?![\d,])", "a month that reads as a day ('Apr 26')"),
        (r"\bERROR\b", "a program's severity on a client page"),
    ],
    "de": [
        (r"Marktangang", "not a German word"),
        (r"\bseit \d{1,2}\. ", "'seit' without 'dem' before a day"),
        (r"\b1 (?:Tagen|Tage|Monaten|Monate|Stunden)\b", "a plural after 1"),
        (r"liegt zurück", "a target name in the wrong case"),
        (r"Lücke bei (?!dem|der)[A-ZÄÖÜ]", "a target name in the wrong case"),
        (r"(?<![„\w])Ergebnis (?:stieg|fiel)", "a value without its article"),
        (r"Gesundheit", "not the glossary's word for the health score"),
        (r"Ampel begrenzt", "not German"),
        (r"das hält nicht", "not German"),
        (r"verpasst ist verpasst", "colloquial"),
        (r"noch keins", "colloquial"),
        (r"\d%", "a percentage without the space German writes"),
        (r"Trusted Advisory von", "an English kind name in a German sentence"),
        (r"0 Einbahnstraße, 1 ausgeglichen", "a scale that reads as a count"),
        (rf"\b{MONTH_ABBREVIATION} \d{{2}}\b(?![\d,])", "a month that reads as a day"),
        (r"\b(?:days|months|hours|since|of|and|the|their|without|with|is|are)\b", "an English word in a German report"),
    ],
}


def _plain(page: str) -> str:
    """The visible text of an HTML page (tags, styles and the lang attribute removed)."""
    page = re.sub(r"<style.*?</style>", " ", page, flags=re.DOTALL)
    return html_lib.unescape(re.sub(r"<[^>]+>", " ", page))


def _reports(name: str, lang: str) -> dict[str, str]:
    assessment, trend = assessed(name)
    with language(lang):
        terminal = text.render(assessment)
    return {
        "text": terminal,
        "markdown": markdown.render(assessment, lang, trend),
        "html": _plain(html.render(assessment, lang, trend)),
        "trend text": trend_text.render(trend, lang),
        "trend markdown": markdown.render_trend(trend, lang),
        "trend html": _plain(html.render_trend(trend, lang)),
    }


def _found(report: str, lang: str) -> list[str]:
    report = report.replace("\u00a0", " ")
    hits = []
    for pattern, why in SLIPS[lang]:
        for match in re.finditer(pattern, report):
            line = report[max(0, match.start() - 40) : match.end() + 40].replace("\n", " ")
            hits.append(f"{why}: ...{line}...")
    return hits


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_reports_are_free_of_known_slips(name, lang):  # type: ignore[no-untyped-def]
    for kind, report in _reports(name, lang).items():
        # Partner and partnership names are the user's words, in whatever language they wrote them.
        assessment, _trend = assessed(name)
        for proper in [assessment.partnership.name] + [p.name for p in assessment.partnership.partners]:
            report = report.replace(proper, "NAME")
        report = re.sub(r"[„'\"][^“'\"]*[“'\"]", "QUOTED", report) if lang == "de" else report
        report = re.sub(r"[\w./-]+\.(?:yaml|csv)(?::\d+)?", "FILE", report)
        hits = _found(report, lang)
        assert hits == [], f"{name} {lang} {kind}:\n" + "\n".join(hits)


@pytest.mark.parametrize("lang", ["en", "de"])
def test_check_table_is_free_of_known_slips(run_cli, lang):  # type: ignore[no-untyped-def]
    out = run_cli("check", "examples", "--as-of", AS_OF, "--lang", lang).stdout
    assert "One-way" in out or "Einbahn" in out
    summary = run_cli("check", "examples", "--as-of", AS_OF, "--lang", lang, "--format", "markdown").stdout
    with language(lang):
        assert localize.short_month("2026-02") in summary, "the month a one-way street began"
    for a in (assessed(name)[0] for name in EXAMPLE_NAMES):
        out = out.replace(a.partnership.name, "NAME")
    out = re.sub(r"[„'\"][^“'\"]*[“'\"]", "QUOTED", out) if lang == "de" else out
    # The table's diagnosis ids and words: "empty" and "harvesting" are English only.
    slips = _found(out, lang) + (re.findall(r"\b(?:empty|harvesting|thriving|building)\b", out) if lang == "de" else [])
    assert slips == [], out


def test_card_labels_never_break_inside_a_word():  # type: ignore[no-untyped-def]
    """'GEGENSEITIGKEITSI / NDEX': a label in capitals that may break anywhere does not fit its card."""
    from importlib.resources import files

    css = (files("coopcheck.rendering") / "templates" / "report.css").read_text(encoding="utf-8")
    card_label = re.search(r"\.card \.label \{([^}]*)\}", css)
    assert card_label is not None
    assert "anywhere" not in card_label.group(1) and "uppercase" not in card_label.group(1)
