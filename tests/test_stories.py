"""Every shipped example tells its story: the verdict `examples/README.md` states, read off the report.

Each example is assessed as a user would, with `coopcheck assess FILE --as-of 2026-11-28 --format
json`, and the test states what its story in `examples/README.md` says: the diagnosis, the band,
the empty-contact risk, the one-way street (who carries it and since when) and the headline
figures. The expectations come from the stories, not from what some version of the engine
printed; a golden file pins whatever the code said, this file pins what it should say.
"""

from __future__ import annotations

import functools
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from headlines import (
    FORMATS,
    INFLUENCE_STRONG,
    LANGS,
    Report,
    assert_consistent,
    assess,
    assess_json,
    outcomes_achieved,
)
from storybook import AMBER_OR_RED, GREEN_OR_AMBER, Verdict
from support import AS_OF, EXAMPLES, ROOT

VERDICTS = {
    "thriving": Verdict("thriving", frozenset({"green"}), "low"),
    "one-way-street": Verdict("one_way", AMBER_OR_RED, "low", giver="kranich", since="2026-02"),
    "empty": Verdict("empty", frozenset({"red"}), "high"),
    "out-of-step": Verdict("building", frozenset({"amber"}), "low"),
    "readiness": Verdict("onboarding", frozenset({None}), None),
    "building": Verdict("building", GREEN_OR_AMBER, "low"),
    "zombie": Verdict("empty", frozenset({"red"}), "high"),
    "quiet": Verdict("harvesting", AMBER_OR_RED, "low"),
    "healed": Verdict("thriving", GREEN_OR_AMBER, "low"),
    "chf-partnership": Verdict("thriving", frozenset({"green"}), "low"),
}


@functools.cache
def report(name: str, as_of: str = AS_OF) -> Report:
    """The JSON report of `examples/<name>.yaml` (the JSON contract is in English)."""
    return assess_json(EXAMPLES / f"{name}.yaml", "--as-of", as_of)


def factor(rep: Report, factor_id: str) -> Report:
    found: Report = next(f for f in rep["influence"]["factors"] if f["id"] == factor_id)
    return found


def ended_streets(rep: Report) -> list[Report]:
    """The one-way streets that ended before the assessment date, as the report lists them."""
    reciprocity = rep["reciprocity"]
    for holder in (reciprocity["one_way"], reciprocity):
        for key in ("history", "ended"):
            if isinstance(holder.get(key), list):
                streets: list[Report] = holder[key]
                return streets
    pytest.fail("the report lists no ended one-way streets (expected `reciprocity.one_way.history`)")


def test_every_example_has_a_story_and_a_verdict() -> None:
    shipped = {path.stem for path in EXAMPLES.glob("*.yaml")}
    assert shipped == set(VERDICTS)
    readme = (EXAMPLES / "README.md").read_text(encoding="utf-8")
    for name in VERDICTS:
        section = readme.split(f"## {name}.yaml:", 1)
        assert len(section) == 2, f"examples/README.md tells no story for {name}.yaml"
        assert "**Expected verdict:**" in section[1].split("\n## ", 1)[0], f"{name}.yaml: no expected verdict"


def test_the_examples_are_what_the_generator_writes() -> None:
    """A hand edit to an example would make its story and its file disagree."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "make_examples.py"), "--check"], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr


# -- diagnosis, band, risk, one-way street: the same five facts for every example ---------------


@pytest.mark.parametrize("name", list(VERDICTS))
def test_diagnosis_is_the_story(name: str) -> None:
    assert report(name)["diagnosis"]["id"] == VERDICTS[name].diagnosis


@pytest.mark.parametrize("name", list(VERDICTS))
def test_band_is_the_story(name: str) -> None:
    assert report(name)["health"]["band"] in VERDICTS[name].bands


@pytest.mark.parametrize("name", list(VERDICTS))
def test_empty_contact_risk_is_the_story(name: str) -> None:
    assert report(name)["empty_contact_risk"]["level"] == VERDICTS[name].risk


@pytest.mark.parametrize("name", list(VERDICTS))
def test_one_way_street_is_the_story(name: str) -> None:
    one_way, story = report(name)["reciprocity"]["one_way"], VERDICTS[name]
    assert one_way["detected"] is (story.giver is not None)
    assert (one_way["giver"], one_way["since"]) == (story.giver, story.since)


# -- the headline never contradicts the sections below it, in any format or language ----------


@functools.cache
def shown(name: str, fmt: str, lang: str) -> str:
    """What `coopcheck assess examples/<name>.yaml --format FMT --lang LANG` prints."""
    return assess(EXAMPLES / f"{name}.yaml", "--as-of", AS_OF, "--format", fmt, "--lang", lang)


@pytest.fixture(autouse=True)
def _own_reports_under_mutation() -> None:
    """Under mutation testing (mutmut sets MUTANT_UNDER_TEST) every test computes its own reports:
    mutmut runs against each mutant only the tests that called the mutated code, and a cached report
    is charged to the first test that asked for it, not to the later ones that check its figures."""
    if os.environ.get("MUTANT_UNDER_TEST"):
        report.cache_clear()
        shown.cache_clear()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", list(VERDICTS))
def test_headline_is_one_sentence_in_every_format_and_contradicts_nothing(name: str, lang: str) -> None:
    """Text, Markdown and HTML show the JSON's sentence, led by its diagnosis, saying nothing the
    sections contradict (see tests/headlines.py)."""
    assert_consistent(report(name), {fmt: shown(name, fmt, lang) for fmt in FORMATS}, lang)


# -- the headline figures of each story ------------------------------------------------------


def test_thriving_figures() -> None:
    rep = report("thriving")
    assert rep["reciprocity"]["index"] > 0.9
    assert all(f["score"] is not None and f["score"] >= 80 for f in rep["influence"]["factors"])
    totals = rep["outcome"]["totals"]
    assert (totals["joint_campaigns"], totals["projects_won"], totals["revenue"]) == (6, 7, 610000)
    assert totals["project_value"] == 680000
    assert rep["perception_gaps"] == [] and rep["readiness"]["score"] == 100


def test_one_way_street_figures() -> None:
    rep = report("one-way-street")
    one_way = rep["reciprocity"]["one_way"]
    assert (one_way["receiver"], one_way["months"]) == ("lumen", 10)
    assert one_way["receiver_share"] == 0.017  # docs/scoring.md: 1,800 / (1,800 + 105,300)
    cost = one_way["cost"]
    assert (cost["hours"], cost["hours_value"], cost["travel"], cost["money"]) == (375.5, 46937.5, 3210, 29900)
    assert cost["total"] == 80047.5
    assert "Kranich" in rep["diagnosis"]["summary"], "the headline names who carries the street"
    totals = rep["outcome"]["totals"]
    assert (totals["joint_campaigns"], totals["projects_won"], totals["revenue"]) == (1, 3, 117000)
    assert {gap["factor"] for gap in rep["perception_gaps"]} >= {"keeping_in_step", "investment"}


def test_empty_figures() -> None:
    rep = report("empty")
    risk = rep["empty_contact_risk"]
    assert risk["zombie"] is True and risk["last_outcome"] is None
    assert risk["empty_share"] >= 0.69
    assert risk["cost"] == pytest.approx(44_800, abs=500)  # 202.5 h at the partners' rates + EUR 13,480 travel
    assert outcomes_achieved(rep) == 0
    assert factor(rep, "keeping_in_step")["score"] is None
    assert {check["id"] for check in rep["readiness"]["checks"] if not check["ok"]} == {"contacts"}


def test_out_of_step_figures() -> None:
    rep = report("out-of-step")
    scored = [f for f in rep["influence"]["factors"] if f["score"] is not None]
    assert min(scored, key=lambda f: f["score"])["id"] == "keeping_in_step"
    assert [gap["factor"] for gap in rep["perception_gaps"]] == ["keeping_in_step"]
    slow = next(f for f in rep["findings"] if f["id"] == "keeping_in_step.slow_side")
    assert slow["params"]["slow_key"] == "kodex" and slow["params"]["slow_days"] == 24.5
    totals = rep["outcome"]["totals"]
    assert (totals["joint_campaigns"], totals["projects_won"], totals["revenue"]) == (2, 2, 55000)


def test_readiness_figures() -> None:
    rep = report("readiness")
    assert rep["readiness"]["score"] == 100
    assert rep["health"]["score"] is None and rep["outcome"]["score"] is None
    assert all(f["score"] is None for f in rep["influence"]["factors"])
    assert rep["reciprocity"]["index"] is None and rep["empty_contact_risk"]["score"] is None


def test_building_figures() -> None:
    rep = report("building")
    assert all(f["score"] is not None and f["score"] >= INFLUENCE_STRONG for f in rep["influence"]["factors"])
    risk = rep["empty_contact_risk"]
    assert (risk["contacts"], risk["empty_contacts"], risk["zombie"]) == (32, 0, False)
    assert outcomes_achieved(rep) == 0
    expected = rep["diagnosis"]["expect_outcomes_by"]
    assert expected is not None and expected > AS_OF, "building says when to expect the first outcome"
    assert expected[:4] in rep["diagnosis"]["summary"]
    assert rep["reciprocity"]["index"] > 0.9


def test_zombie_figures() -> None:
    rep = report("zombie")
    risk = rep["empty_contact_risk"]
    assert (risk["contacts"], risk["empty_contacts"], risk["zombie"]) == (54, 0, True)
    assert risk["last_outcome"] is None
    # 204.5 h (103 h at EUR 95, 101.5 h at EUR 105) + EUR 6,990 travel + EUR 6,000 invested
    assert risk["cost"] == pytest.approx(33_432.5, abs=1)
    zombie = next(f for f in rep["findings"] if f["id"] == "empty_contacts.zombie")
    assert re.search(r"33,43[23]", zombie["message"]), "the money invested is part of what was spent without a result"
    assert outcomes_achieved(rep) == 0


def test_quiet_figures() -> None:
    rep = report("quiet")
    assert rep["influence"]["score"] < INFLUENCE_STRONG, "nine silent months cannot hide behind a good start"
    totals = rep["outcome"]["totals"]
    assert (totals["joint_campaigns"], totals["projects_won"], totals["revenue"]) == (2, 3, 180000)
    assert rep["empty_contact_risk"]["last_outcome"] == "2026-11-19"


def test_healed_street_is_history_not_current() -> None:
    rep = report("healed")
    one_way = rep["reciprocity"]["one_way"]
    assert one_way["detected"] is False and one_way["giver"] is None
    streets = ended_streets(rep)
    assert [(s["giver"], s["since"]) for s in streets] == [("eichwald", "2026-01")]
    totals = rep["outcome"]["totals"]
    assert (totals["joint_campaigns"], totals["projects_won"], totals["revenue"]) == (3, 4, 240000)


def test_healed_street_was_running_in_may() -> None:
    running = report("healed", "2026-05-31")["reciprocity"]["one_way"]
    assert (running["detected"], running["giver"], running["since"]) == (True, "eichwald", "2026-01")
    assert report("healed", "2026-05-31")["diagnosis"]["id"] == "one_way"


def test_chf_figures() -> None:
    rep = report("chf-partnership")
    assert rep["partnership"]["currency"] == "CHF"
    assert rep["reciprocity"]["index"] > 0.9
    totals = rep["outcome"]["totals"]
    assert (totals["joint_campaigns"], totals["projects_won"], totals["revenue"]) == (4, 4, 390000)
    assert totals["project_value"] == 590000


# -- the same story in another currency gets the same verdict ---------------------------------

MONEY = re.compile(r"^(\s*(?:- )?(?:hourly_rate|value|travel_cost): )(\d+(?:\.\d+)?)$", re.MULTILINE)
TARGET = re.compile(r"^(\s*revenue: \{target: )(\d+(?:\.\d+)?)", re.MULTILINE)


def in_currency(text: str, code: str, rate: float) -> tuple[str, int]:
    """The partnership file with its currency and every amount converted at `rate`."""

    def convert(match: re.Match[str]) -> str:
        amount = round(float(match.group(2)) * rate, 2)
        return match.group(1) + (str(int(amount)) if amount.is_integer() else str(amount))

    text, count = MONEY.subn(convert, text)
    text, targets = TARGET.subn(convert, text)
    text, currencies = re.subn(r"^currency: [A-Z]{3}$", f"currency: {code}", text, flags=re.MULTILINE)
    assert currencies == 1 and targets == 1
    return text, count


def verdict_in(tmp_path: Path, code: str, rate: float, *, rates: bool = True) -> Report:
    """The CHF story converted to `code` (without the partners' hourly rates if `rates` is false), assessed."""
    text = (EXAMPLES / "chf-partnership.yaml").read_text(encoding="utf-8")
    if not rates:
        text, dropped = re.subn(r"^ *hourly_rate: .*\n", "", text, flags=re.MULTILINE)
        assert dropped == 2
    converted, amounts = in_currency(text, code, rate)
    assert amounts >= 40  # travel, cost shares, deal values and revenue
    path = tmp_path / f"{code.lower()}-partnership.yaml"
    path.write_text(converted, encoding="utf-8")
    there = assess_json(path, "--as-of", AS_OF)
    assert there["partnership"]["currency"] == code
    assert there["outcome"]["totals"]["revenue"] == pytest.approx(390000 * rate)
    return there


def assert_same_verdict(there: Report, here: Report) -> None:
    assert there["diagnosis"]["id"] == here["diagnosis"]["id"]
    assert there["health"]["band"] == here["health"]["band"]
    assert there["empty_contact_risk"]["level"] == here["empty_contact_risk"]["level"]
    assert there["reciprocity"]["one_way"]["detected"] is here["reciprocity"]["one_way"]["detected"] is False
    assert there["reciprocity"]["index"] == pytest.approx(here["reciprocity"]["index"], abs=0.02)


@pytest.mark.parametrize(("code", "rate"), [("EUR", 1.07), ("USD", 1.25), ("JPY", 185.0)])
def test_the_same_partnership_in_another_currency_gets_the_same_verdict(tmp_path: Path, code: str, rate: float) -> None:
    assert_same_verdict(verdict_in(tmp_path, code, rate), report("chf-partnership"))


@pytest.mark.parametrize(("code", "rate"), [("EUR", 1.07), ("JPY", 185.0)])
def test_without_hourly_rates_the_currency_still_does_not_change_the_verdict(
    tmp_path: Path, code: str, rate: float
) -> None:
    """No currency-blind default rate: 100 an hour is a lot of francs and almost no yen."""
    assert_same_verdict(verdict_in(tmp_path, code, rate, rates=False), verdict_in(tmp_path, "CHF", 1.0, rates=False))
