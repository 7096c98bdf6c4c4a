"""Shared test helpers: run the command line in-process and find the shipped files.

The safety net is loud here: `main()` and `check` catch any exception and report it as an
"internal error" so that a user never sees a traceback, but in a test every such catch is a bug.
Each test fails when a command it runs raises, prints "internal error", or (in a subprocess or a
`check` worker) records one in `$COOPCHECK_INTERNAL_ERROR_LOG`.
"""

from __future__ import annotations

import contextlib
import traceback
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

import coopcheck.cli  # noqa: F401  (registers every command on the app)
from coopcheck.cli.app import app

INTERNAL_ERROR = "internal error"
_invoke = CliRunner.invoke


def _loud_invoke(self: CliRunner, *args: Any, **kwargs: Any) -> Result:
    """`CliRunner.invoke`, failing the test where the command crashed or the safety net fired."""
    result = _invoke(self, *args, **kwargs)
    exception = result.exception
    if exception is not None and not isinstance(exception, SystemExit):
        assert result.exc_info is not None
        pytest.fail("the command raised:\n" + "".join(traceback.format_exception(*result.exc_info)))
    printed = result.output
    with contextlib.suppress(ValueError):  # stderr was not captured separately
        printed += result.stderr
    if INTERNAL_ERROR in printed:
        pytest.fail(f"the command printed an internal error:\n{printed}")
    return result


@pytest.fixture(autouse=True)
def safety_net_is_loud(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Every test: a crash or an "internal error" in any command it runs fails it."""
    log = tmp_path_factory.mktemp("safety-net") / "internal-errors.log"
    monkeypatch.setenv("COOPCHECK_INTERNAL_ERROR_LOG", str(log))
    monkeypatch.setattr(CliRunner, "invoke", _loud_invoke)
    yield log
    if log.exists() and log.read_text(encoding="utf-8"):
        pytest.fail("the safety net caught a bug:\n" + log.read_text(encoding="utf-8"))


@pytest.fixture
def run_cli():  # type: ignore[no-untyped-def]
    """Run `coopcheck ARGS...` in-process; returns the click Result (exit_code, stdout, stderr)."""
    runner = CliRunner()

    def run(*args: str):  # type: ignore[no-untyped-def]
        return runner.invoke(app, list(args), catch_exceptions=False)

    return run
