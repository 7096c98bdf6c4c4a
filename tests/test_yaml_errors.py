"""YAML syntax errors in plain words, whatever the mistake: never libyaml's English, never a crash.

The catalogue pins the common mistakes one by one; here every line of a valid file is broken in
the ways people break YAML by hand, and each result must still be a message in the reader's
language, on a line of the file.
"""

from __future__ import annotations

import pytest

from coopcheck.i18n import set_language
from coopcheck.loading import yamlsource
from coopcheck.loading.diagnostics import InputError
from test_catalogue import LIBYAML_WORDS

VALID = """\
coopcheck: 1
id: alpha-beta
name: Alpha x Beta joint go-to-market
started: 2026-01-15
partners:
  alpha:
    name: Alpha Consulting GmbH
    contacts: [Jonas Keller, Mia Braun]
  beta: {name: Beta AG, sponsor: Peter Lang}
activities:
  - id: a1
    date: 2026-02-03
    from: alpha
    to: beta
    type: referral
    topic: "Intro to the Fabrikam procurement lead"
    hours: 3
  - id: a2
    date: 2026-02-10
    from: beta
    to: alpha
    type: meeting
    topic: 'Quarterly planning'
"""

MISTAKES = {
    "tab": lambda line: "\t" + line.lstrip(" "),
    "one space deeper": lambda line: " " + line,
    "one space less": lambda line: line[1:] if line.startswith(" ") else line,
    "no space after colon": lambda line: line.replace(": ", ":", 1),
    "colon in value": lambda line: line + ": more" if ": " in line else line,
    "quote opened": lambda line: line.replace(": ", ': "', 1),
    "bracket opened": lambda line: line.replace("]", "").replace("}", ""),
    "dash removed": lambda line: line.replace("- ", "  ", 1),
    "backtick": lambda line: line.replace(": ", ": `", 1),
    "backslash": lambda line: line.replace(': "', ': "C:\\x', 1),
}


def _broken(number: int, mistake: str) -> str:
    lines = VALID.splitlines()
    lines[number] = MISTAKES[mistake](lines[number])
    return "\n".join(lines) + "\n"


@pytest.fixture(params=["en", "de"])
def language(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    set_language(request.param)
    yield request.param
    set_language("en")


def test_valid_file_reads() -> None:
    assert yamlsource.parse(VALID, "p.yaml").root["activities"][1]["topic"] == "Quarterly planning"


@pytest.mark.parametrize("mistake", sorted(MISTAKES))
def test_every_broken_line_gets_a_message_in_the_readers_language(mistake: str, language: str) -> None:
    total = len(VALID.splitlines())
    for number in range(total):
        text = _broken(number, mistake)
        try:
            yamlsource.parse(text, "p.yaml")
        except InputError as exc:
            (diagnostic,) = exc.diagnostics
            assert 1 <= diagnostic.line <= total + 1, (number, diagnostic)
            if language == "de":
                assert not [w for w in LIBYAML_WORDS if w in diagnostic.message], (number, text, diagnostic)
            assert "YAML reader says" not in diagnostic.message and "YAML-Lesers" not in diagnostic.message, (
                f"libyaml's message is not explained:\n{text}\n{diagnostic}"
            )


def test_a_hash_inside_a_plain_value_is_a_warning_and_a_comment_is_not() -> None:
    from coopcheck.loading.yamlerrors import hash_in_values

    text = "\n".join(
        [
            "name: Alpha #1 partnership",  # 1: warned
            "kind: joint_market   # joint_market | development",  # a comment
            "people:",
            "  - Jonas #2",  # 4: warned
            "note: |",
            "  Agenda: Workshop #3",  # text of a block: '#' belongs to it
            'topic: "Workshop #4"',  # quoted
            "- topic: 'Workshop #5'",  # quoted
            "# a comment #6",
            "url: http://example.com/#anchor",
            "  - id: a1 #x",  # 11: warned
        ]
    )
    warned = hash_in_values(text, "p.yaml")
    assert [(d.line, d.column) for d in warned] == [(1, 13), (4, 11), (11, 12)]
    assert {d.severity for d in warned} == {"warning"}
    assert "(read 'Alpha')" in warned[0].message and "'#1 partnership'" in warned[0].message


def test_random_slips_are_explained_without_libyamls_words(language: str) -> None:
    """Characters typed, deleted or replaced at random in a valid file: every syntax error is
    one of the explained ones (never the fallback that quotes libyaml), and nothing crashes."""
    import random

    alphabet = [*" \t\n:-#'\"[]{},|>&*!%@`\\?ab1.", "%TAG ", "---\n", "? ", "!<"]
    rng = random.Random(7)
    explained = 0
    for _ in range(1500):
        text = list(VALID)
        for _ in range(rng.randint(1, 3)):
            at = rng.randrange(len(text))
            if rng.random() < 0.5:
                text.insert(at, rng.choice(alphabet))
            else:
                text[at] = rng.choice(alphabet)
        try:
            yamlsource.parse("".join(text), "p.yaml")
        except InputError as exc:
            message = exc.diagnostics[0].message
            assert "YAML reader says" not in message and "YAML-Lesers" not in message, message
            if language == "de":
                assert not [w for w in LIBYAML_WORDS if w in message], message
            explained += 1
    assert explained > 500  # the slips do break the file, mostly
