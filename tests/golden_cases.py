"""Every golden file under tests/golden/ and how it is produced.

The tests only compare (`tests/test_golden.py`); `python tools/golden.py` writes the files, on
purpose and never from a test run, so regenerating cannot make a failing test pass unnoticed:
the new files show up in the diff for review.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from support import AS_OF, ROOT

GOLDEN = ROOT / "tests" / "golden"
NAMES = (
    "thriving", "one-way-street", "empty", "out-of-step", "readiness",
    "building", "zombie", "quiet", "healed", "chf-partnership",
)  # fmt: skip
REPORT_CASES = [(name, "en") for name in NAMES] + [("one-way-street", "de"), ("thriving", "de")]


def _cli(*args: str) -> str:
    from typer.testing import CliRunner

    import coopcheck.cli  # noqa: F401  (registers every command on the app)
    from coopcheck.cli.app import app
    from coopcheck.i18n import set_language

    previous = Path.cwd()
    os.chdir(ROOT)  # reports cite `examples/...` on every machine
    try:
        result = CliRunner().invoke(app, list(args), catch_exceptions=False, env={"LANG": "", "LC_ALL": ""})
    finally:
        os.chdir(previous)
        set_language("en")
    assert result.exit_code == 0, result.stderr
    return result.stdout


def _report(name: str, lang: str, fmt: str) -> str:
    from coopcheck.rendering import html, markdown
    from reports import assessed

    assessment, trend = assessed(name)
    return markdown.render(assessment, lang) if fmt == "md" else html.render(assessment, lang, trend)


def cases() -> dict[str, Callable[[], str]]:
    """File name under tests/golden/ -> what it must hold."""
    made: dict[str, Callable[[], str]] = {}
    for name in NAMES:
        path = f"examples/{name}.yaml"
        made[f"{name}.json"] = lambda p=path: _cli("assess", p, "--as-of", AS_OF, "--format", "json", "--lang", "en")
        made[f"{name}.txt"] = lambda p=path: _cli("assess", p, "--as-of", AS_OF, "--lang", "en")
    for name, lang in REPORT_CASES:
        for fmt in ("md", "html"):
            made[f"{name}.{lang}.{fmt}"] = lambda n=name, la=lang, f=fmt: _report(n, la, f)
    return made
