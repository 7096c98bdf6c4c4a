"""New stories in the spirit of the shipped examples: the verdict each tells, read off the report.

Each story below is a partnership told as data (`storybook.Story`): other partners, industries and
currencies than the shipped examples, logs inline, in YAML and in CSV, one-way streets that turn in
February, March, June, September, October and December. Each is written to a temporary folder as a user
would write it and assessed with `coopcheck assess FILE --as-of DATE --format json`; its `Verdict`
says what a consultant reads off the story: the diagnosis, the band(s), the empty-contact risk, and
the one-way street (who carries it and since when: the month of the turn).
"""

from __future__ import annotations

import functools
import json
from pathlib import Path

import pytest

from headlines import FORMATS, LANGS, Report, assert_consistent, assess, placeholders, translated
from storybook import AMBER_OR_RED, GREEN_OR_AMBER, D, Outcome, Partner, Rhythm, Story, Verdict, every, write

GREEN = frozenset({"green"})
RED = frozenset({"red"})
UNBANDED = frozenset({None})


def one_way(giver: str, since: str) -> Verdict:
    """A running one-way street: it outranks the rest, caps the band at amber; the giver's outcomes keep
    coming, so the risk of empty contacts stays low."""
    return Verdict("one_way", AMBER_OR_RED, "low", giver=giver, since=since)


STORIES = (
    Story(
        # An automation firm and a Norwegian data platform; from February 2026 only Brückner gives.
        "oneway-feb", "Brückner x Sørlie industrial data go-to-market", "joint_market", "EUR", 1.0,
        (Partner("brueckner", "Brückner Elektrotechnik GmbH", "Sabine Brückner", ("Tobias Wendt", "Nina Hoff"), 115),
         Partner("sorlie", "Sørlie Data AS", "Ingrid Sørlie", ("Magnus Eide", "Kari Holm"), 130)),
        D(2025, 9, 1), D(2026, 6, 15),
        {"projects_won": (6, D(2026, 12, 31)), "revenue": (150_000, D(2026, 12, 31))},
        one_way("brueckner", "2026-02"),
        log="yaml",
        rhythm=Rhythm(turn="2026-02", giver="brueckner"),
        outcomes=(Outcome(D(2025, 12, 11), "sorlie", "project_won"), Outcome(D(2026, 1, 20), "brueckner", "revenue"),
                  *every("2026-03", "2026-05", 2, "brueckner", "project_won")),
    ),
    Story(
        # A freight forwarder and a logistics software house in the US; from June 2026 only Pacifica gives.
        "oneway-jun", "Harbor & Finch x Pacifica freight visibility", "joint_market", "USD", 1.1,
        (Partner("harbor", "Harbor & Finch Logistics Inc.", "Dana Whitaker", ("Luis Ortega", "Amy Chen"), 150),
         Partner("pacifica", "Pacifica Freight Software LLC", "Raj Patel", ("Megan O'Brien", "Tom Reyes"), 140)),
        D(2025, 11, 3), D(2026, 9, 30),
        {"projects_won": (5, D(2026, 12, 31)), "joint_campaigns": (3, D(2026, 12, 31))},
        one_way("pacifica", "2026-06"),
        log="csv",
        rhythm=Rhythm(turn="2026-06", giver="pacifica", taker_hosts=True),
        outcomes=(*every("2026-01", "2026-05", 2, ("harbor", "pacifica"), "project_won"),
                  Outcome(D(2026, 3, 9), "harbor", "joint_campaign"),
                  *every("2026-07", "2026-09", 1, "pacifica", "project_won", day=16)),
    ),
    Story(
        # A Swiss medical device maker and a French diagnostics firm; from October 2025 only Bergquell gives.
        "oneway-oct", "Bergquell x Lumière point-of-care diagnostics", "joint_market", "CHF", 0.95,
        (Partner("bergquell", "Bergquell Medizintechnik AG", "Urs Baumann", ("Corinne Egli", "Reto Frei"), 160),
         Partner("lumiere", "Lumière Diagnostics SA", "Hélène Marchand", ("Julien Roux", "Camille Petit"), 150)),
        D(2025, 4, 1), D(2026, 1, 15),
        {"projects_won": (5, D(2026, 6, 30)), "revenue": (200_000, D(2026, 6, 30))},
        one_way("bergquell", "2025-10"),
        log="inline",
        rhythm=Rhythm(turn="2025-10", giver="bergquell"),
        outcomes=(Outcome(D(2025, 7, 24), "lumiere", "project_won"), Outcome(D(2025, 9, 18), "bergquell", "revenue"),
                  *every("2025-11", "2026-02", 1, "bergquell", "revenue", day=17)),
    ),
    Story(
        # A Swedish furniture maker and a design studio; from December 2025 only the studio gives.
        "oneway-dec", "Nordvik x Ljusdal contract furniture", "joint_market", "SEK", 11.0,
        (Partner("nordvik", "Nordvik Möbler AB", "Henrik Ålund", ("Sara Lind", "Oskar Berg"), 1100),
         Partner("ljusdal", "Ljusdal Design Studio AB", "Elin Strand", ("Maja Ek", "Viktor Sjö"), 1000)),
        D(2025, 6, 2), D(2026, 3, 20),
        {"projects_won": (6, D(2026, 12, 31)), "revenue": (120_000, D(2026, 12, 31))},
        one_way("ljusdal", "2025-12"),
        log="csv",
        rhythm=Rhythm(turn="2025-12", giver="ljusdal", taker_hosts=True),
        outcomes=(Outcome(D(2025, 9, 25), "nordvik", "project_won"), Outcome(D(2025, 11, 13), "ljusdal", "revenue"),
                  *every("2026-01", "2026-04", 1, "ljusdal", "project_won", day=22)),
    ),
    Story(
        # A Japanese machine maker and a German robotics integrator, kept in yen; from March 2026 only Kaito gives.
        "oneway-mar", "Kaito x Rheinfeld robot cells", "joint_market", "JPY", 160.0,
        (Partner("kaito", "Kaito Precision K.K.", "Hiroshi Kaito", ("Yuki Mori", "Ren Aoki"), 18_000),
         Partner("rheinfeld", "Rheinfeld Robotik GmbH", "Claudia Rhein", ("Felix Graf", "Lena Sommer"), 17_000)),
        D(2025, 10, 1), D(2026, 7, 31),
        {"projects_won": (5, D(2026, 12, 31)), "revenue": (180_000, D(2026, 12, 31))},
        one_way("kaito", "2026-03"),
        log="yaml",
        rhythm=Rhythm(turn="2026-03", giver="kaito"),
        outcomes=(Outcome(D(2026, 1, 15), "rheinfeld", "project_won"), Outcome(D(2026, 2, 12), "kaito", "revenue"),
                  *every("2026-04", "2026-07", 1, "kaito", "revenue", day=9)),
    ),
    Story(
        # A Polish IT integrator and a Danish HR software maker; from September 2025 only Wisła gives,
        # but for one brochure Fjordvik sends in November.
        "oneway-sep-token", "Wisła x Fjordvik HR cloud rollout", "joint_market", "PLN", 4.3,
        (Partner("wisla", "Wisła Integracje Sp. z o.o.", "Marta Nowak", ("Piotr Zając", "Ewa Kowal"), 420),
         Partner("fjordvik", "Fjordvik HR Software ApS", "Mette Lund", ("Søren Dahl", "Freja Holm"), 480)),
        D(2025, 3, 3), D(2026, 1, 29),
        {"projects_won": (5, D(2026, 9, 30)), "revenue": (140_000, D(2026, 9, 30))},
        one_way("wisla", "2025-09"),
        log="csv",
        rhythm=Rhythm(turn="2025-09", giver="wisla", taker_hosts=True, token="2025-11"),
        outcomes=(Outcome(D(2025, 6, 18), "fjordvik", "project_won"), Outcome(D(2025, 8, 7), "wisla", "revenue"),
                  *every("2025-10", "2026-01", 1, "wisla", "project_won", day=15)),
    ),
    Story(
        # A law firm and a data analytics boutique in pounds: both give, results ahead of plan.
        "thriving-gbp", "Whitcombe & O'Neill x Castlegate litigation analytics", "joint_market", "GBP", 0.85,
        (Partner("whitcombe", "Whitcombe & O'Neill LLP", "Fiona Whitcombe", ("James Hale", "Priya Nair"), 150),
         Partner("castlegate", "Castlegate Analytics Ltd", "Owen Castle", ("Ruth Ellis", "Sam Okoye"), 120)),
        D(2025, 9, 1), D(2026, 10, 30),
        {"joint_campaigns": (4, D(2026, 12, 31)), "projects_won": (6, D(2026, 12, 31)),
         "revenue": (140_000, D(2026, 12, 31))},
        Verdict("thriving", GREEN, "low"),
        log="csv",
        outcomes=(*every("2025-11", "2026-10", 3, ("whitcombe", "castlegate"), "joint_campaign", day=6),
                  *every("2025-12", "2026-10", 2, ("castlegate", "whitcombe"), "project_won"),
                  *every("2026-01", "2026-10", 2, ("whitcombe", "castlegate"), "revenue", day=27)),
    ),
    Story(
        # A Japanese sensor maker and a Swedish automation firm, kept in yen: both give, results on plan.
        "thriving-jpy", "Hoshino x Vindeln smart sensors", "joint_market", "JPY", 160.0,
        (Partner("hoshino", "Hoshino Sensors K.K.", "Akiko Hoshino", ("Daichi Ito", "Mei Tanaka"), 16_000),
         Partner("vindeln", "Vindeln Automation AB", "Per Vindel", ("Anna Nyström", "Erik Falk"), 17_500)),
        D(2025, 7, 1), D(2026, 8, 31),
        {"joint_campaigns": (4, D(2026, 12, 31)), "projects_won": (6, D(2026, 12, 31)),
         "revenue": (150_000, D(2026, 12, 31))},
        Verdict("thriving", GREEN, "low"),
        log="yaml",
        outcomes=(*every("2025-10", "2026-08", 3, ("vindeln", "hoshino"), "joint_campaign", day=6),
                  *every("2025-10", "2026-08", 2, ("hoshino", "vindeln"), "project_won"),
                  *every("2025-11", "2026-08", 2, ("vindeln", "hoshino"), "revenue", day=27)),
    ),
    Story(
        # Tax advisers and wealth managers: sponsors' lunches and calls without a topic, nothing handed over.
        "empty-lunches", "Roth & Partner x Alder private clients", "trusted_advisory", "EUR", 1.0,
        (Partner("roth", "Kanzlei Roth & Partner mbB", "Dr. Michael Roth", ("Julia Kern", "Stefan Abel"), 140),
         Partner("alder", "Alder Wealth Advisors AG", "Beat Alder", ("Nadine Wyss", "Marco Huber"), 150)),
        D(2025, 10, 1), D(2026, 9, 15),
        {"projects_won": (3, D(2026, 9, 30)), "revenue": (90_000, D(2026, 9, 30))},
        Verdict("empty", RED, "high"),
        log="csv",
        rhythm=Rhythm(substance=False, travel=450, reviews_every=None),
    ),
    Story(
        # Two engineering consultancies meet for lunch and talk on the phone, every contact but the quarterly
        # review without a topic, and nothing is handed over; four months after results fell due, none.
        "empty-agenda-only", "Stahlberg x Polder bridge engineering", "trusted_advisory", "EUR", 1.0,
        (Partner("stahlberg", "Stahlberg Ingenieure GmbH", "Dr. Jan Stahlberg", ("Carla Moser", "Ben Wolf"), 130),
         Partner("polder", "Polder Constructie Advies B.V.", "Willem de Boer", ("Fleur Bakker", "Daan Mulder"), 125)),
        D(2025, 9, 1), D(2026, 4, 30),
        {"projects_won": (3, D(2026, 8, 31)), "revenue": (90_000, D(2026, 8, 31))},
        Verdict("empty", RED, "high"),
        log="yaml",
        rhythm=Rhythm(substance=False, travel=380, reviews_every=3),
        review_every_days=90,
    ),
    Story(
        # A grid operator and a battery storage maker: tidy work both ways, not one result although due.
        "zombie-usd", "Prairie Grid x Solenne storage pilots", "joint_market", "USD", 1.1,
        (Partner("prairie", "Prairie Grid Energy Inc.", "Karen Holt", ("Mike Dunn", "Lisa Park"), 130),
         Partner("solenne", "Solenne Storage Systems Inc.", "Marc Solenne", ("Ivy Grant", "Noah Bell"), 125)),
        D(2025, 7, 1), D(2026, 5, 20),
        {"projects_won": (4, D(2026, 6, 30)), "revenue": (160_000, D(2026, 6, 30))},
        Verdict("empty", RED, "high"),
        log="yaml",
    ),
    Story(
        # Fiduciaries and a software house: a good first year, then nobody works and the pipeline pays out.
        "harvest-chf", "Alpstein x Vercors payroll outsourcing", "joint_market", "CHF", 0.95,
        (Partner("alpstein", "Alpstein Treuhand AG", "Markus Keller", ("Sandra Koch", "Pascal Meier"), 150),
         Partner("vercors", "Vercors Software SA", "Anne Vidal", ("Lucas Martin", "Chloé Girard"), 140)),
        D(2025, 3, 3), D(2026, 8, 31),
        {"projects_won": (4, D(2026, 12, 31)), "revenue": (300_000, D(2026, 12, 31))},
        Verdict("harvesting", AMBER_OR_RED, "low"),
        log="csv",
        rhythm=Rhythm(work_until="2025-12"),
        outcomes=(*every("2025-07", "2025-12", 2, ("alpstein", "vercors"), "project_won"),
                  *every("2026-01", "2026-08", 1, "alpstein", "revenue", day=12),
                  *every("2026-01", "2026-08", 1, "vercors", "revenue", day=20)),
    ),
    Story(
        # A property group and a proptech start-up in kronor: work stops in October, revenue still comes.
        "harvest-sek", "Grönmark x Kvarnby smart buildings", "joint_market", "SEK", 11.0,
        (Partner("gronmark", "Grönmark Fastigheter AB", "Lars Grön", ("Emma Wik", "Johan Ek"), 1200),
         Partner("kvarnby", "Kvarnby Proptech AB", "Sofia Kvarn", ("Axel Lund", "Ida Borg"), 1100)),
        D(2025, 1, 13), D(2026, 6, 30),
        {"projects_won": (4, D(2026, 12, 31)), "revenue": (250_000, D(2026, 12, 31))},
        Verdict("harvesting", AMBER_OR_RED, "low"),
        log="yaml",
        rhythm=Rhythm(work_until="2025-10"),
        outcomes=(*every("2025-05", "2025-10", 2, ("kvarnby", "gronmark"), "project_won"),
                  *every("2025-11", "2026-06", 1, "gronmark", "revenue", day=11),
                  *every("2025-11", "2026-06", 1, "kvarnby", "revenue", day=18)),
    ),
    Story(
        # A hydraulics maker and a fluid simulation firm build a product: eight months in, nothing is due yet.
        "building-dev", "Feldmann x Cerulean digital twin for hydraulics", "development", "EUR", 1.0,
        (Partner("feldmann", "Feldmann Hydraulik GmbH", "Jörg Feldmann", ("Petra Lang", "Uwe Roth"), 110),
         Partner("cerulean", "Cerulean Fluid Dynamics Ltd", "Alice Moore", ("Ben Carter", "Zoe Hughes"), 120)),
        D(2026, 2, 2), D(2026, 9, 30),
        {"joint_campaigns": (1, D(2027, 9, 30)), "projects_won": (2, D(2027, 9, 30)),
         "revenue": (100_000, D(2027, 9, 30))},
        Verdict("building", GREEN_OR_AMBER, "low"),
        log="yaml",
    ),
    Story(
        # An optics maker and a photonics lab build a camera in yen: seven months in, nothing is due yet.
        "building-jpy", "Aoyama x Lindqvist hyperspectral camera", "development", "JPY", 160.0,
        (Partner("aoyama", "Aoyama Optics K.K.", "Kenta Aoyama", ("Sora Inoue", "Rina Kato"), 15_000),
         Partner("lindqvist", "Lindqvist Photonics AB", "Karin Lindqvist", ("Nils Holm", "Frida Ek"), 17_000)),
        D(2026, 3, 2), D(2026, 10, 15),
        {"projects_won": (2, D(2027, 10, 31)), "revenue": (80_000, D(2027, 10, 31))},
        Verdict("building", GREEN_OR_AMBER, "low"),
        log="csv",
    ),
    Story(
        # A packaging machine maker and a vision software firm build an inspection module; a pilot customer
        # bought early, in April, long before anything was due.
        "building-early-win", "Mertens x Optivue inspection module", "development", "EUR", 1.0,
        (Partner("mertens", "Mertens Verpackungsmaschinen GmbH", "Klaus Mertens", ("Ines Vogel", "Timo Busch"), 105),
         Partner("optivue", "Optivue Vision B.V.", "Sanne de Vries", ("Bram Visser", "Lotte Smit"), 115)),
        D(2026, 1, 5), D(2026, 9, 10),
        {"projects_won": (3, D(2027, 8, 31)), "revenue": (120_000, D(2027, 8, 31))},
        Verdict("building", GREEN_OR_AMBER, "low"),
        log="csv",
        outcomes=(Outcome(D(2026, 4, 20), "optivue", "project_won"),),
    ),
    Story(
        # Drug-delivery device makers building a pump together: all goes well, except that Medivo never
        # answers a request; nine months in, nothing is due yet.
        "building-unanswered", "Kessler x Medivo wearable infusion pump", "development", "EUR", 1.0,
        (Partner("kessler", "Kessler Fluidtechnik GmbH", "Anja Kessler", ("Rolf Brandt", "Eva Seidel"), 120),
         Partner("medivo", "Medivo Devices S.p.A.", "Paolo Conti", ("Giulia Neri", "Luca Greco"), 110)),
        D(2025, 11, 3), D(2026, 8, 14),
        {"projects_won": (2, D(2027, 12, 31)), "revenue": (150_000, D(2027, 12, 31))},
        Verdict("building", frozenset({"amber"}), "low"),  # a broken factor caps the band at amber
        log="csv",
        rhythm=Rhythm(unanswered="medivo"),
    ),
    Story(
        # A fintech and a bank's SME unit: tidy work on both sides, and five months after results fell
        # due, not a single one (one month short of a zombie).
        "dry-five-months", "Ledgerly x Hanse SME banking", "joint_market", "EUR", 1.0,
        (Partner("ledgerly", "Ledgerly GmbH", "Mara Jensen", ("Till Becker", "Ole Hansen"), 115),
         Partner("hanse", "Hanse Mittelstandsbank AG", "Frank Petersen", ("Birte Lorenz", "Jan Voss"), 125)),
        D(2025, 7, 1), D(2026, 3, 20),
        {"projects_won": (4, D(2026, 6, 30)), "revenue": (160_000, D(2026, 6, 30))},
        Verdict("empty", AMBER_OR_RED, "high"),
        log="yaml",
    ),
    Story(
        # A Danish pump maker and a Dutch installer resell each other without agreed targets; deals keep coming.
        "thriving-untargeted", "Aalholm x Van Dijk heat pump resale", "joint_market", "DKK", 7.5,
        (Partner("aalholm", "Aalholm Varmepumper A/S", "Mette Aalholm", ("Jens Dahl", "Line Kjær"), 800),
         Partner("vandijk", "Van Dijk Installatie B.V.", "Pieter van Dijk", ("Eva Bos", "Joost Mulder"), 110)),
        D(2025, 9, 1), D(2026, 7, 31),
        {},
        Verdict("thriving", GREEN, "low"),
        log="yaml",
        outcomes=(*every("2025-12", "2026-07", 2, ("aalholm", "vandijk"), "project_won"),),
    ),
    Story(
        # The same kind of pair in Belgium: no targets either, and the last deal came in March; both still work.
        "building-untargeted", "Lemaire x Osterwald heat pump resale", "joint_market", "EUR", 1.0,
        (Partner("lemaire", "Lemaire Chauffage SRL", "Sophie Lemaire", ("Marc Dubois", "Julie Peeters"), 100),
         Partner("osterwald", "Osterwald Wärmetechnik GmbH", "Kai Osterwald", ("Lena Brandt", "Finn Wolff"), 110)),
        D(2025, 9, 1), D(2026, 7, 31),
        {},
        Verdict("building", GREEN_OR_AMBER, "low"),
        log="csv",
        outcomes=(*every("2025-12", "2026-03", 1, ("lemaire", "osterwald"), "project_won"),),
    ),
    Story(
        # A security firm and a cloud provider five weeks after their kickoff: too early to judge.
        "onboarding-new", "Thistle x Ferncroft managed security", "joint_market", "GBP", 0.85,
        (Partner("thistle", "Thistle Cyber Ltd", "Moira Campbell", ("Ewan Ross", "Isla Reid"), 110),
         Partner("ferncroft", "Ferncroft Cloud plc", "David Fern", ("Holly Shaw", "Adam Price"), 115)),
        D(2026, 5, 4), D(2026, 6, 12),
        {"projects_won": (4, D(2027, 5, 31)), "revenue": (100_000, D(2027, 5, 31))},
        Verdict("onboarding", frozenset({None, "green"}), "low"),
        log="yaml",
    ),
    Story(
        # An agri-tech pair agreed on everything and starts in December: nothing has happened yet.
        "onboarding-future", "Greenacre x Tidewater precision irrigation", "other", "USD", 1.1,
        (Partner("greenacre", "Greenacre Farm Systems Inc.", "Beth Morgan", ("Cody Hall", "Rosa Diaz"), 120),
         Partner("tidewater", "Tidewater Water Tech LLC", "Sam Brooks", ("Jill Ward", "Omar Khan"), 125)),
        D(2026, 12, 1), D(2026, 10, 1),
        {"projects_won": (3, D(2027, 11, 30))},
        Verdict("onboarding", UNBANDED, None),
        log="inline",
        active=False,
    ),
)  # fmt: skip
BY_NAME = {story.name: story for story in STORIES}


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("stories")


@functools.cache
def written(name: str, folder: Path) -> Path:
    return write(BY_NAME[name], folder)


@functools.cache
def shown(name: str, folder: Path, fmt: str, lang: str) -> str:
    """What `coopcheck assess FILE --as-of DATE --format FMT --lang LANG` prints for the story."""
    return assess(written(name, folder), "--as-of", BY_NAME[name].as_of.isoformat(), "--format", fmt, "--lang", lang)


def report(name: str, folder: Path) -> Report:
    rep: Report = json.loads(shown(name, folder, "json", "en"))
    return rep


@pytest.mark.parametrize("name", list(BY_NAME))
def test_verdict_is_the_story(name: str, folder: Path) -> None:
    rep, story = report(name, folder), BY_NAME[name]
    street = rep["reciprocity"]["one_way"]
    got = Verdict(rep["diagnosis"]["id"], story.expected.bands, rep["empty_contact_risk"]["level"], street["giver"],
                  street["since"])  # fmt: skip
    assert rep["health"]["band"] in story.expected.bands, f"{name} as of {story.as_of}: band {rep['health']['band']}"
    assert got == story.expected, f"{name} as of {story.as_of}: {rep['diagnosis']['summary']}"
    assert street["detected"] is (story.expected.giver is not None)
    assert rep["partnership"]["currency"] == story.currency


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", list(BY_NAME))
def test_headline_is_one_sentence_in_every_format_and_contradicts_nothing(name: str, lang: str, folder: Path) -> None:
    assert_consistent(report(name, folder), {fmt: shown(name, folder, fmt, lang) for fmt in FORMATS}, lang)


@pytest.mark.parametrize("name", ["oneway-dec", "thriving-gbp"])
def test_the_json_contract_does_not_depend_on_the_language(name: str, folder: Path) -> None:
    assert shown(name, folder, "json", "de") == shown(name, folder, "json", "en")


def test_every_headline_template_carries_the_same_figures_in_german() -> None:
    """Also the sentences no story reaches: the German reader gets every figure the English one gets."""
    from coopcheck.assessment import diagnosis

    templates = [value for name, value in vars(diagnosis).items() if name.isupper() and isinstance(value, str)]
    assert len(templates) >= 19
    for template in templates:
        german = translated(template, "de")
        assert german != template, f"untranslated: {template}"
        assert placeholders(german) == placeholders(template), template
