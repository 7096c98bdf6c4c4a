#!/usr/bin/env python3
"""Write the generated parts of the docs from the code, so they cannot drift.

    python tools/docs.py          # rewrite the generated parts in place
    python tools/docs.py --check  # exit 1 if a generated part is stale

docs/configuration.md: the reference tables. Keys, defaults and meanings come from the pydantic
models (the Field descriptions), the factors from the factor registry and the profiles from
`DEFAULT_PROFILES`.

docs/scoring.md: one section per registered influence factor, from its module: the title, the
docstring with the default parameters written in (what `coopcheck explain FACTOR` prints), the
parameter table (key, default, the meaning from the Field description and the reason from the
module's optional `WHY`) and the finding ids the module declares with their messages. A registered
factor without a section gets one after the last factor section. The table of all finding ids
comes from the declared finding templates.

Each generated part sits between `<!-- generated: NAME -->` and `<!-- end: NAME -->`; the text
around them is written by hand.
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
from coopcheck.factors.base import Factor  # noqa: E402

CONFIGURATION = ROOT / "docs" / "configuration.md"
SCORING = ROOT / "docs" / "scoring.md"
PLACEHOLDER = re.compile(r"\{(\w+)(?::[^{}]*)?\}")  # `{share:.0%}` in a finding message, shown as *share*
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


def block(name: str) -> re.Pattern[str]:
    """The generated part `name` with its markers (group 1 the opening marker, group 2 the closing one)."""
    return re.compile(rf"(<!-- generated: {re.escape(name)} -->\n)(?:.*?\n)?(<!-- end: {re.escape(name)} -->)", re.S)


def render(text: str) -> str:
    """docs/configuration.md with its reference tables written from the models."""
    for name, make in TABLES.items():
        pattern = block(name)
        if not pattern.search(text):
            raise SystemExit(f"{CONFIGURATION.name}: no generated table '{name}'")
        text = pattern.sub(lambda m, table=make(): m.group(1) + table + "\n" + m.group(2), text)
    return text


def factor_section(factor: Factor) -> str:
    """A factor's section of docs/scoring.md, from its module (see the module docstring above)."""
    from coopcheck.findings import TEMPLATES
    from coopcheck.guide import Topic
    from coopcheck.rendering.templating import language

    with language("en"):
        text = Topic(factor.ID, factor.TITLE, True, factor).text(ScoringParameters())  # type: ignore[arg-type]
    lines = [f"### {factor.TITLE} (`{factor.ID}`)", ""]
    for paragraph in text:
        lines += [f"**{paragraph}**" if _is_heading(paragraph) else paragraph, ""]
    lines += [f"Parameters, under `factors.{factor.ID}` in the configuration:", ""]
    lines += ["| parameter | default | meaning | why |", "|---|---|---|---|"]
    why: dict[str, str] = getattr(factor, "WHY", {})
    for name, info in factor.Parameters.model_fields.items():
        default = shown(info.get_default(call_default_factory=True))
        lines.append(f"| `{name}` | `{default}` | {info.description or ''} | {why.get(name, '')} |")
    declared = [t for t in TEMPLATES.values() if t.id.startswith(factor.ID + ".")]
    if declared:
        lines += ["", "Findings:", ""]
        lines += [f"- `{t.id}`: {PLACEHOLDER.sub(_italic, t.message)}" for t in declared]
    return "\n".join(lines)


def _italic(placeholder: re.Match[str]) -> str:
    return f"*{placeholder.group(1)}*"


def _is_heading(paragraph: str) -> bool:
    """A docstring paragraph that is a subheading ("How it is measured"): one short line, no full stop."""
    return "\n" not in paragraph and len(paragraph) < 40 and not paragraph.endswith((".", ":", "?"))


def finding_table() -> str:
    """Every declared finding id by the section it belongs to: the factors, then the assessment's sections."""
    import coopcheck.assessment.engine  # noqa: F401  (declares every finding template)
    from coopcheck.findings import TEMPLATES
    from coopcheck.guide import SECTIONS

    by_section: dict[str, list[str]] = {section: [] for section in [f.ID for f in FACTORS] + list(SECTIONS)}
    for finding_id in TEMPLATES:
        by_section.setdefault(finding_id.split(".")[0], []).append(finding_id)
    lines = ["| id | section |", "|---|---|"]
    lines += [f"| {', '.join(f'`{i}`' for i in ids)} | `{section}` |" for section, ids in by_section.items() if ids]
    return "\n".join(lines)


def render_scoring(text: str) -> str:
    """docs/scoring.md with each registered factor's section written from its module, and the finding ids.

    A section of a factor that is no longer registered is removed; a registered factor without a
    section gets one after the last factor section (and the hand-written text that follows it)."""
    pattern = block("finding-ids")
    if not pattern.search(text):
        raise SystemExit(f"{SCORING.name}: no generated table 'finding-ids'")
    text = pattern.sub(lambda m: m.group(1) + finding_table() + "\n" + m.group(2), text)
    ids = {factor.ID for factor in FACTORS}
    for gone in re.findall(r"<!-- generated: factor (\w+) -->", text):
        if gone not in ids:
            text = block(f"factor {gone}").sub("", text).replace("\n\n\n\n", "\n\n")
    for factor in FACTORS:
        pattern = block(f"factor {factor.ID}")
        section = factor_section(factor)
        if pattern.search(text):
            text = pattern.sub(lambda m, new=section: m.group(1) + new + "\n" + m.group(2), text)
        else:
            text = _insert(text, f"<!-- generated: factor {factor.ID} -->\n{section}\n<!-- end: factor {factor.ID} -->")
    return text


def _insert(text: str, section: str) -> str:
    """`section` before the first level-2 heading after the last factor section."""
    ends = list(re.finditer(r"<!-- end: factor \w+ -->\n", text))
    if not ends:
        raise SystemExit(f"{SCORING.name}: no generated factor section to add '{section.splitlines()[0]}' after")
    following = re.compile(r"^## ", re.M).search(text, ends[-1].end())
    at = following.start() if following else len(text)
    return text[:at] + section + "\n\n" + text[at:]


DOCUMENTS = {CONFIGURATION: render, SCORING: render_scoring}


def main(argv: list[str]) -> int:
    stale = []
    for path, make in DOCUMENTS.items():
        current = path.read_text(encoding="utf-8")
        wanted = make(current)
        if wanted == current:
            continue
        if "--check" in argv:
            stale.append(path)
        else:
            path.write_text(wanted, encoding="utf-8", newline="\n")
    for path in stale:
        print(f"{path.relative_to(ROOT)} is stale: run python tools/docs.py", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
