"""Golden reports of every example: any change in wording, numbers or layout shows here.

The JSON, terminal, Markdown and HTML reports are compared byte for byte with `tests/golden/`.
This test only compares; after an intended change, write the files with `python tools/golden.py`
and review the diff. Each example's verdict is also asserted from its story in test_stories.py,
so a golden file cannot pin a wrong verdict unnoticed.
"""

from __future__ import annotations

import pytest

from golden_cases import GOLDEN, cases
from reports import english_afterwards  # noqa: F401

CASES = cases()


@pytest.mark.parametrize("name", sorted(CASES))
def test_report_matches_golden(name: str) -> None:
    path = GOLDEN / name
    assert path.exists(), f"{name} is missing: run python tools/golden.py {name} and review it"
    rendered, expected = CASES[name](), path.read_text(encoding="utf-8")
    if rendered != expected:
        got, want = rendered.splitlines(), expected.splitlines()
        line = next((i for i, (a, b) in enumerate(zip(got, want, strict=False)) if a != b), min(len(got), len(want)))
        pytest.fail(
            f"{name} differs at line {line + 1}:\n"
            f"  expected: {want[line : line + 1]}\n  rendered: {got[line : line + 1]}\n"
            f"If the change is intended, run python tools/golden.py {name} and review the diff."
        )


def test_golden_folder_holds_nothing_stale() -> None:
    assert {p.name for p in GOLDEN.iterdir() if p.is_file()} == set(CASES)
