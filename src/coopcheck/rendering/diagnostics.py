"""Validation results as text, JSON or GitHub annotations. Pure: results in, text out."""

from __future__ import annotations

import json
from collections.abc import Sequence

from coopcheck.escaping import json_safe, printable
from coopcheck.i18n import ngettext
from coopcheck.loading import Diagnostic, LoadResult


def as_text(results: Sequence[LoadResult]) -> str:
    lines = [str(d) for result in results for d in result.diagnostics]
    invalid = sum(1 for r in results if r.errors)
    errors = sum(len(r.errors) for r in results)
    warnings = sum(len(r.warnings) for r in results)
    files = sum(len(r.files) for r in results)
    counted = ngettext("{count} error", "{count} errors", errors).format(count=errors)
    warned = ngettext("{count} warning", "{count} warnings", warnings).format(count=warnings)
    if invalid:
        verdict = ngettext(
            "{invalid} of {total} partnership invalid", "{invalid} of {total} partnerships invalid", len(results)
        ).format(invalid=invalid, total=len(results))
        summary = f"{verdict}: {counted}, {warned}"
    else:
        verdict = ngettext("{total} partnership valid", "{total} partnerships valid", len(results)).format(
            total=len(results)
        )
        read = ngettext("{count} file read", "{count} files read", files).format(count=files)
        summary = f"{verdict} ({read}, {warned})"
    lines.append(summary)
    return "\n".join(lines) + "\n"


def _diagnostic_json(d: Diagnostic) -> dict[str, object]:
    return {
        "file": d.file,
        "line": d.line,
        "column": d.column,
        "field": d.field,
        "severity": d.severity,
        "message": d.message,
    }


def as_json(results: Sequence[LoadResult]) -> str:
    payload = {
        "valid": not any(r.errors for r in results),
        "partnerships": [
            {
                "file": r.files[0],
                "files": r.files,
                "valid": not r.errors,
                "errors": [_diagnostic_json(d) for d in r.errors],
                "warnings": [_diagnostic_json(d) for d in r.warnings],
            }
            for r in results
        ],
    }
    return json_safe(json.dumps(payload, indent=2, ensure_ascii=False)) + "\n"


def escape_data(text: str) -> str:
    """A workflow command's message: control characters as visible escapes, then GitHub's own escaping."""
    return printable(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(level: str, file: str, line: int, column: int, message: str, title: str = "") -> str:
    """One GitHub Actions workflow command, e.g. `::error file=a.yaml,line=3,col=5::message`."""
    props = f"file={escape_property(file)},line={line},col={column}"
    if title:
        props += f",title={escape_property(title)}"
    return f"::{level} {props}::{escape_data(message)}"


def as_github(results: Sequence[LoadResult]) -> str:
    lines = []
    for result in results:
        for d in result.diagnostics:
            message = f"{d.field}: {d.message}" if d.field else d.message
            lines.append(annotation(d.severity, d.file, d.line, d.column, message))
    return "".join(line + "\n" for line in lines)
