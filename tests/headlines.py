"""The headline of a report, read from each format as a reader sees it, and what it may not say.

`coopcheck assess` shows the diagnosis sentence in all four formats: in the text report's top
panel (under the line "<Diagnosis>  ·  Health ..."), in the Markdown verdict table, in the HTML
diagnosis box and, as a template with its figures, in the JSON. The readers here take the sentence
out of each format the way that format is built (panel lines, a table row, the HTML element tree);
`assert_consistent` checks that the four say the same sentence and that it does not contradict the
sections of the JSON report.
"""

from __future__ import annotations

import json
import re
import string
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

import coopcheck.cli  # noqa: F401  (registers every command on the app)
from coopcheck.assessment.parameters import ScoringParameters
from coopcheck.cli.app import app
from coopcheck.i18n import _, set_language
from coopcheck.rendering.localize import fill

Report = dict[str, Any]
FORMATS = ("text", "markdown", "html")
LANGS = ("en", "de")
INFLUENCE_STRONG = ScoringParameters().diagnosis.influence_strong

# A headline that says nothing came of the partnership, although the outcome section lists outcomes.
NO_OUTCOMES = {
    "en": re.compile(
        r"\bno outcomes?\b(?!\s+(?:is\s+|are\s+)?(?:yet\s+)?due|\s+for\s+\d|\s+targets?\b)"
        r"|\bnone has come\b|\bnothing to show\b|\bexpect the first\b",
        re.IGNORECASE,
    ),
    "de": re.compile(
        r"\bbisher kein Ergebnis\b|\bnoch kein(?:es| Ergebnis)\b"
        r"|\bkeine Ergebnisse vorzuweisen\b|\bnichts vorzuweisen\b|\bdas erste ist\b",
        re.IGNORECASE,
    ),
}
# A headline that calls the influence weak, although its score is at or above the strong threshold.
DOES_NOT_CARRY = {
    "en": re.compile(
        r"\binfluence factors do not carry\b|\binfluence (?:factors )?(?:is |are )?(?:only|weak)\b"
        r"|\bresults without influence\b",
        re.IGNORECASE,
    ),
    "de": re.compile(
        r"\bEinflussfaktoren tragen die Partnerschaft nicht\b|\bEinflussfaktoren liegen nur\b"
        r"|\bErgebnisse ohne Einflussfaktoren\b",
        re.IGNORECASE,
    ),
}
LABELS = {  # how the headline of each diagnosis begins, so that it cannot name another one
    "en": {"onboarding": "Onboarding", "thriving": "Thriving", "building": "Building", "harvesting": "Harvesting",
           "one_way": "One-way street", "empty": "Empty"},
    "de": {"onboarding": "Anlaufphase", "thriving": "Lebendig", "building": "Im Aufbau",
           "harvesting": "Ernte ohne Pflege", "one_way": "Einbahnstraße", "empty": "Leer"},
}  # fmt: skip
HEADLINE_ROW = re.compile(r"^\| \*\*(?:Diagnosis|Diagnose)\*\* \| (.*) \|$", re.MULTILINE)
MARKDOWN_ESCAPE = re.compile(r"\\(.)")
WHITESPACE = re.compile(r"[ \t\n]+")  # not the no-break space money and shares are written with


def assess(path: Path, *options: str) -> str:
    """`coopcheck assess PATH OPTIONS...`, in-process; what it printed."""
    result = CliRunner().invoke(app, ["assess", str(path), *options])
    assert result.exit_code == 0, result.output
    return result.stdout


def assess_json(path: Path, *options: str) -> Report:
    report: Report = json.loads(assess(path, "--format", "json", *options))
    return report


def outcomes_achieved(rep: Report) -> float:
    totals = rep["outcome"]["totals"]
    return float(sum(totals.get(key, 0) for key in ("joint_campaigns", "projects_won", "revenue")))


def normal(text: str) -> str:
    """Whitespace as one reads it: a line break where the terminal wrapped is a space."""
    return WHITESPACE.sub(" ", text).strip()


def markdown_headline(markdown: str) -> str:
    """The diagnosis row of the Markdown verdict table, unescaped."""
    found = HEADLINE_ROW.search(markdown)
    assert found, "no diagnosis row in the Markdown report"
    return MARKDOWN_ESCAPE.sub(r"\1", found.group(1))


class _DiagnosisBox(HTMLParser):
    """Collects the text of `<strong>` inside `<div class="diagnosis" data-diagnosis=...>`."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth, self.strong = 0, False
        self.ids: list[str | None] = []
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "div" and self.depth:
            self.depth += 1
        elif tag == "div" and "diagnosis" in (found.get("class") or "").split():
            self.depth = 1
            self.ids.append(found.get("data-diagnosis"))
        self.strong = self.strong or (tag == "strong" and self.depth > 0)

    def handle_endtag(self, tag: str) -> None:
        if tag == "div" and self.depth:
            self.depth -= 1
        if tag == "strong":
            self.strong = False

    def handle_data(self, data: str) -> None:
        if self.strong:
            self.parts.append(data)


def html_headline(html: str) -> tuple[str | None, str]:
    """The diagnosis id the HTML box is marked with, and the sentence in it."""
    box = _DiagnosisBox()
    box.feed(html)
    box.close()
    assert len(box.ids) == 1, f"expected one diagnosis box in the HTML report, found {len(box.ids)}"
    return box.ids[0], normal("".join(box.parts))


@dataclass(frozen=True)
class Panel:
    """The verdict block of the text report: the lines below the blank line of the top panel,
    up to the "What moved" list."""

    lines: tuple[str, ...]

    def sentence_after_verdict(self, sentence: str) -> tuple[str, str]:
        """(the verdict line(s), what follows the sentence), where `sentence` fills whole lines after
        the verdict line; fails when it does not."""
        for start in range(1, len(self.lines)):
            for end in range(start + 1, len(self.lines) + 1):
                if normal(" ".join(self.lines[start:end])) == sentence:
                    return normal(" ".join(self.lines[:start])), normal(" ".join(self.lines[end:]))
        raise AssertionError(f"the text report's verdict panel does not show the sentence {sentence!r}: {self.lines}")


def text_panel(text: str, lang: str) -> Panel:
    moved = translated("What moved since {date}:", lang).split("{", 1)[0]
    top = text.split("╰", 1)[0].split("╭", 1)[1]
    content = [line.strip().strip("│").strip() for line in top.splitlines()[1:]]
    block = content[content.index("") + 1 :]
    for number, line in enumerate(block):
        if line.startswith(moved):
            block = block[:number]
            break
    return Panel(tuple(block))


def json_headline(rep: Report, lang: str) -> str:
    """The JSON's sentence as a reader of `lang` gets it: its template translated, filled with its figures."""
    diagnosis = rep["diagnosis"]
    assert diagnosis["summary"] == diagnosis["template"].format(**diagnosis["params"])
    set_language(lang)
    try:
        return fill(_(diagnosis["template"]), diagnosis["params"])
    finally:
        set_language("en")


def placeholders(template: str) -> set[str]:
    """The figures a message template is filled with."""
    return {field for _text, field, _spec, _conversion in string.Formatter().parse(template) if field}


def translated(message: str | None, lang: str) -> str:
    set_language(lang)
    try:
        return _(message) if message else ""
    finally:
        set_language("en")


def assert_consistent(rep: Report, shown: dict[str, str], lang: str) -> None:
    """The headline of `rep` as each format in `shown` printed it (format -> output), in `lang`:
    the same sentence everywhere, led by the label of the JSON's diagnosis, saying nothing that the
    sections below it contradict."""
    diagnosis, label = rep["diagnosis"]["id"], LABELS[lang][rep["diagnosis"]["id"]]
    sentence = json_headline(rep, lang)
    template = rep["diagnosis"]["template"]
    assert placeholders(translated(template, lang)) == placeholders(template), f"{lang} headline drops a figure"
    assert sentence.startswith(label + ":"), f"diagnosis {diagnosis}, headline: {sentence}"
    assert markdown_headline(shown["markdown"]) == sentence, "Markdown and JSON headlines differ"
    marked, in_html = html_headline(shown["html"])
    assert (marked, in_html) == (diagnosis, sentence), "HTML and JSON headlines differ"
    verdict, after = text_panel(shown["text"], lang).sentence_after_verdict(sentence)
    assert verdict.startswith(label + " · "), f"diagnosis {diagnosis}, text verdict line: {verdict}"
    unbanded_note = normal(translated(rep["health"]["reason"], lang)) if rep["health"]["band"] is None else ""
    assert after in ("", unbanded_note), f"the text headline runs on: {after}"
    assert_no_contradiction(rep, sentence, lang)


def assert_no_contradiction(rep: Report, sentence: str, lang: str) -> None:
    diagnosis, risk, band = rep["diagnosis"]["id"], rep["empty_contact_risk"], rep["health"]["band"]
    if outcomes_achieved(rep) > 0:
        assert not NO_OUTCOMES[lang].search(sentence), f"outcomes exist, yet the headline says: {sentence}"
    if (rep["influence"]["score"] or 0) >= INFLUENCE_STRONG:
        assert not DOES_NOT_CARRY[lang].search(sentence), f"influence is strong, yet the headline says: {sentence}"
    assert not (diagnosis == "empty" and risk["level"] == "low"), "empty while the empty-contact risk is low"
    if diagnosis == "thriving":
        assert not risk["zombie"] and risk["level"] != "high" and band != "red", "thriving beside a zombie, risk or red"
    one_way = rep["reciprocity"]["one_way"]
    if one_way["detected"]:
        assert diagnosis == "one_way", "a running one-way street outranks every other diagnosis"
        giver = next(p["name"] for p in rep["partnership"]["partners"] if p["key"] == one_way["giver"])
        assert giver in sentence, f"the headline does not name the giver {giver}: {sentence}"
