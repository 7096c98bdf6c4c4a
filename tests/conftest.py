"""Shared test helpers: run the command line in-process and find the shipped files."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

import coopcheck.cli  # noqa: F401  (registers every command on the app)
from coopcheck.cli.app import app


@pytest.fixture
def run_cli():  # type: ignore[no-untyped-def]
    """Run `coopcheck ARGS...` in-process; returns the click Result (exit_code, stdout, stderr)."""
    runner = CliRunner()

    def run(*args: str):  # type: ignore[no-untyped-def]
        return runner.invoke(app, list(args), catch_exceptions=False)

    return run
