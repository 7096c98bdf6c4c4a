"""No input, however broken, ends in a traceback: random mutations of a valid file and its logs."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coopcheck.assessment.engine import assess
from coopcheck.loading import load_partnership
from support import EXAMPLES

SOURCE = (EXAMPLES / "one-way-street.yaml").read_bytes()
LOG = (EXAMPLES / "logs" / "one-way-street-2026.yaml").read_bytes()
AS_OF = dt.date(2026, 11, 28)


def mutate(data: bytes, edits: list[tuple[int, int, bytes]]) -> bytes:
    out = bytearray(data)
    for position, length, replacement in edits:
        start = position % (len(out) + 1)
        out[start : start + length] = replacement
    return bytes(out)


EDITS = st.lists(
    st.tuples(
        st.integers(min_value=0, max_value=50_000),
        st.integers(min_value=0, max_value=40),
        st.sampled_from(
            [
                b"",
                b"-",
                b":",
                b" ",
                b"\t",
                b"\n",
                b"  - ",
                b"'",
                b'"',
                b"&a ",
                b"*a",
                b"!!str ",
                b"{",
                b"[",
                b"]",
                b"#",
                b"no",
                b"~",
                b"2026-02-30",
                b"-1",
                b"\xff",
                b"\x00",
                b"10e999",
                b"from: x\n",
                b"type: meting\n",
                b"responds_to: nope\n",
            ]
        ),
    ),
    min_size=1,
    max_size=6,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(main_edits=EDITS, log_edits=EDITS)
def test_mutated_files_load_or_report_but_never_raise(tmp_path: Path, main_edits, log_edits) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "case"
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "logs").mkdir(parents=True)
    (folder / "partnership.yaml").write_bytes(mutate(SOURCE, main_edits))
    (folder / "logs" / "one-way-street-2026.yaml").write_bytes(mutate(LOG, log_edits))
    result = load_partnership(folder / "partnership.yaml", today=AS_OF)
    for diagnostic in result.diagnostics:
        assert diagnostic.line >= 1 and diagnostic.column >= 1
        assert "\n" not in diagnostic.message
    if result.errors:
        assert result.partnership is None
    else:
        assert result.partnership is not None
        assessment = assess(result.partnership, AS_OF)
        assert assessment.health.score is None or 0 <= assessment.health.score <= 100
