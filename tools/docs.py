#!/usr/bin/env python3
"""Write the reference tables of docs/configuration.md from the parameter models, so they cannot drift.

    python tools/docs.py          # rewrite the generated tables in place
    python tools/docs.py --check  # exit 1 if a generated table is stale

Each table sits between `<!-- generated: NAME -->` and `<!-- end: NAME -->`; the text around
them is written by hand. Keys, defaults and meanings come from the pydantic models (the Field
descriptions), the factors from the factor registry and the profiles from `DEFAULT_PROFILES`.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from pydantic import BaseModel  # noqa: E402

from coopcheck.assessment.parameters import DEFAULT_PROFILES, TARGETS, ScoringParameters, components  # noqa: E402
from coopcheck.factors import FACTORS  # noqa: E402

CONFIGURATION = ROOT / "docs" / "configuration.md"
SKIPPED = {"factors", "profiles"}  # documented in tables of their own


def leaves(model: type[BaseModel], prefix: str = "") -> Iterator[tuple[str, Any, str]]:
    """(dotted key, default, description) of every scalar key; tables (dict defaults) are described in prose."""
    for name, info in model.model_fields.items():
        if name in SKIPPED:
            continue
        default = info.get_default(call_default_factory=True)
        if isinstance(default, BaseModel):
            yield from leaves(type(default), f"{prefix}{name}.")
        elif not isinstance(default, dict):
            yield prefix + name, default, (info.description or "").replace("\n", " ")


def shown(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return json.dumps(value, ensure_ascii=False)


def key_table(rows: Iterator[tuple[str, Any, str]]) -> str:
    lines = ["| key | default | meaning |", "|---|---|---|"]
    lines += [f"| `{key}` | `{shown(default)}` | {meaning} |" for key, default, meaning in rows]
    return "\n".join(lines)


def factor_rows() -> Iterator[tuple[str, Any, str]]:
    for factor in FACTORS:
        yield from leaves(factor.Parameters, f"factors.{factor.ID}.")


def profile_table() -> str:
    columns = [*components(), *TARGETS, "outcome_ramp"]
    lines = ["| kind | " + " | ".join(columns) + " |", "|---" * (len(columns) + 1) + "|"]
    for kind, profile in DEFAULT_PROFILES.items():
        values = [profile.weight(c) for c in components()] + [profile.target_weight(t) for t in TARGETS]
        values.append(profile.outcome_ramp)
        lines.append(f"| `{kind.value}` | " + " | ".join(f"{v:g}" for v in values) + " |")
    return "\n".join(lines)


TABLES = {
    "scoring-keys": lambda: key_table(leaves(ScoringParameters)),
    "factor-keys": lambda: key_table(factor_rows()),
    "profiles": profile_table,
}


def render(text: str) -> str:
    for name, make in TABLES.items():
        pattern = re.compile(rf"(<!-- generated: {name} -->\n)(?:.*?\n)?(<!-- end: {name} -->)", re.S)
        if not pattern.search(text):
            raise SystemExit(f"{CONFIGURATION.name}: no generated table '{name}'")
        text = pattern.sub(lambda m, table=make(): m.group(1) + table + "\n" + m.group(2), text)
    return text


def main(argv: list[str]) -> int:
    current = CONFIGURATION.read_text(encoding="utf-8")
    wanted = render(current)
    if "--check" in argv:
        if wanted != current:
            print(f"{CONFIGURATION.relative_to(ROOT)} is stale: run python tools/docs.py", file=sys.stderr)
            return 1
        return 0
    CONFIGURATION.write_text(wanted, encoding="utf-8", newline="\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
