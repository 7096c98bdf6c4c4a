"""A small fixed-seed fuzzing budget on every run: `tools/fuzz.py` must find nothing.

The same seed gives the same inputs, so a finding here is reproducible with
`python tools/fuzz.py --inputs 24 --seed 2026 --keep /tmp/fuzz` (the campaign before a release
runs at least 10,000 inputs; see docs/robustness.md).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from support import ROOT


def _fuzzer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("coopcheck_fuzz", ROOT / "tools" / "fuzz.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


def test_a_fixed_seed_fuzzing_budget_finds_nothing(tmp_path: Path) -> None:
    fuzz = _fuzzer()
    tally = fuzz.campaign(inputs=24, seed=2026, keep=tmp_path, timeout=120.0)
    assert tally.inputs == 24
    assert tally.runs >= 24 * len(fuzz.ON_INVALID)
    assert tally.bad == 0, tally.report() + "\n" + "\n".join(tally.failures)


def test_the_fuzzer_counts_what_it_is_meant_to_find(tmp_path: Path) -> None:
    """A report with a crash, raw control characters and a slow run is counted as three findings."""
    fuzz = _fuzzer()
    tally = fuzz.Tally()
    run = {"name": "assess-text", "code": 2, "seconds": 0.1, "internal": False, "traceback": False, "raw": False}
    report = {
        "runs": [
            {**run, "internal": True, "error": "ZeroDivisionError()"},
            {**run, "raw": True, "error": ""},
            {**run, "seconds": fuzz.SLOW_SECONDS + 1, "error": ""},
        ],
        "json_twice": True,
    }
    assert fuzz._tally(tally, report, 0, "input 0")
    assert (tally.counts["internal_errors"], tally.counts["raw_control"], tally.counts["slow"]) == (1, 1, 1)
    assert fuzz._tally(tally, None, 0, "input 1") and tally.counts["hangs"] == 1
