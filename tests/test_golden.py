"""Golden Markdown and HTML reports of every example: any change in wording, numbers or layout shows here.

The reports are compared byte for byte with `tests/golden/`. After an intended change, regenerate
them on purpose and review the diff:

    COOPCHECK_REGENERATE=1 pytest tests/test_golden.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from coopcheck.rendering import html, markdown
from reports import EXAMPLE_NAMES, assessed, english_afterwards  # noqa: F401

GOLDEN = Path(__file__).parent / "golden"
REGENERATE = os.environ.get("COOPCHECK_REGENERATE") == "1"

CASES = [(name, "en") for name in EXAMPLE_NAMES] + [("one-way-street", "de"), ("thriving", "de")]


def _check(path: Path, rendered: str) -> None:
    if REGENERATE:
        path.write_text(rendered, encoding="utf-8", newline="\n")
        return
    assert path.exists(), f"{path.name} is missing: run COOPCHECK_REGENERATE=1 pytest {Path(__file__).name}"
    expected = path.read_text(encoding="utf-8")
    if rendered != expected:
        got, want = rendered.splitlines(), expected.splitlines()
        line = next((i for i, (a, b) in enumerate(zip(got, want, strict=False)) if a != b), min(len(got), len(want)))
        pytest.fail(
            f"{path.name} differs at line {line + 1}:\n"
            f"  expected: {want[line : line + 1]}\n  rendered: {got[line : line + 1]}"
            f"\nIf the change is intended, run COOPCHECK_REGENERATE=1 pytest {Path(__file__).name} and review the diff."
        )


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_markdown_report_matches_golden(name, lang):  # type: ignore[no-untyped-def]
    assessment, _trend = assessed(name)
    _check(GOLDEN / f"{name}.{lang}.md", markdown.render(assessment, lang))


@pytest.mark.parametrize(("name", "lang"), CASES)
def test_html_report_matches_golden(name, lang):  # type: ignore[no-untyped-def]
    assessment, trend = assessed(name)
    _check(GOLDEN / f"{name}.{lang}.html", html.render(assessment, lang, trend))


def test_golden_folder_holds_nothing_stale():  # type: ignore[no-untyped-def]
    expected = {f"{name}.{lang}.{ext}" for name, lang in CASES for ext in ("md", "html")}
    assert {p.name for p in GOLDEN.iterdir() if p.suffix in (".md", ".html")} == expected
