"""The command line: the only place that reads arguments and the environment, writes files and prints.

Each command lives in a module of its own and registers itself on the shared typer `app`.
"""

from coopcheck.cli import validate  # noqa: F401  (registers the command)
from coopcheck.cli.app import app


def main() -> None:
    """Entry point of the `coopcheck` command."""
    app()
