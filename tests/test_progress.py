"""`check` on a terminal: a progress bar once the run takes longer than a second, never in CI or machine formats."""

from __future__ import annotations

import io
import time

import pytest

from coopcheck.cli import progress


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _slowly(count: int, pause: float):  # type: ignore[no-untyped-def]
    for number in range(count):
        time.sleep(pause)
        yield number


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> _Terminal:
    screen = _Terminal()
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    return screen


def test_bar_appears_on_a_terminal_when_the_run_is_slow(terminal: _Terminal) -> None:
    assert progress.wanted(machine_format=False, stream=terminal)
    items = list(progress.tracked(_slowly(6, 0.02), 6, "Assessing", enabled=True, delay=0.03, stream=terminal))
    assert items == list(range(6)), "every result still comes through, in order"
    assert "Assessing" in terminal.getvalue() and "6/6" in terminal.getvalue()


def test_no_bar_when_the_run_is_quick(terminal: _Terminal) -> None:
    list(progress.tracked(range(50), 50, "Assessing", enabled=True, delay=5, stream=terminal))
    assert terminal.getvalue() == ""


@pytest.mark.parametrize("variable", ["CI", "GITHUB_ACTIONS"])
def test_never_in_ci(terminal: _Terminal, monkeypatch: pytest.MonkeyPatch, variable: str) -> None:
    monkeypatch.setenv(variable, "true")
    assert not progress.wanted(machine_format=False, stream=terminal)


def test_never_for_a_machine_format_or_off_a_terminal(terminal: _Terminal) -> None:
    assert not progress.wanted(machine_format=True, stream=terminal)
    assert not progress.wanted(machine_format=False, stream=io.StringIO())
