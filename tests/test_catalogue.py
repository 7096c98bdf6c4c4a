"""The bad-input catalogue: one folder per case under `tests/catalogue/`, one test generated from the listing.

Each folder holds the input files (`partnership.yaml` is the entry point, logs beside it or below it)
and `expected.yaml`:

    description: what the case is about
    exit: 2                        # 0 for valid-but-tricky inputs
    args: [--allow-outside-logs]   # optional extra arguments; `--as-of 2026-11-28` is always passed
    generate:                      # optional: files written as exact bytes before the run
      partnership.yaml: {from: partnership.yaml.txt, encoding: utf-16, newline: "\\r\\n", replace: {...}}
      logs/loop.yaml: {symlink: loop.yaml}
      logs/pipe.yaml: {fifo: true}             # a named pipe
    errors:                        # every error, in any order, at its exact file:line:column
      - {file: partnership.yaml, line: 3, column: 7, message: fragment that must appear,
         message_de: fragment of the German form (optional)}
    warnings: [...]                # likewise (optional)
    xfail: what the loader still gets wrong (the case keeps asserting the right behaviour)

The case folder is copied to a temporary folder and `coopcheck validate partnership.yaml` runs there,
so file names in the output are relative and predictable. Every case runs in all three output formats,
which must agree with each other, and again in German: every message has a German form at the same place,
without a word of libyaml's English, and carries its `message_de` fragment where one is given.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import traceback
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from coopcheck.cli import app
from coopcheck.escaping import printable
from reports import english_afterwards  # noqa: F401  (the German runs switch the process-wide language)

CATALOGUE = Path(__file__).parent / "catalogue"
AS_OF = ["--as-of", "2026-11-28"]
ENTRY = "partnership.yaml"
LOCATION = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?P<column>\d+): (?P<rest>.*)$")
GITHUB = re.compile(
    r"^::(?P<level>error|warning) file=(?P<file>[^,]*),line=(?P<line>\d+),col=(?P<column>\d+)(?:,title=[^:]*)?::"
    r"(?P<message>.*)$"
)


@dataclass(frozen=True)
class Found:
    """One diagnostic as printed."""

    file: str
    line: int
    column: int
    severity: str
    text: str  # everything after `file:line:column: `

    @property
    def where(self) -> tuple[str, int, int, str]:
        return (self.file, self.line, self.column, self.severity)


def _cases() -> list[Any]:
    cases = []
    for folder in sorted(path for path in CATALOGUE.iterdir() if path.is_dir()):
        spec = yaml.safe_load((folder / "expected.yaml").read_text(encoding="utf-8"))
        marks = [pytest.mark.xfail(strict=True, reason=spec["xfail"])] if spec.get("xfail") else []
        cases.append(pytest.param(folder, spec, id=folder.name, marks=marks))
    return cases


def _prepare(folder: Path, spec: dict[str, Any], tmp_path: Path) -> Path:
    """Copy the case to a scratch folder and write the generated (binary, CRLF, symlink) inputs."""
    work = tmp_path / folder.name
    shutil.copytree(folder, work, symlinks=True, ignore=shutil.ignore_patterns("expected.yaml"))
    for target, how in (spec.get("generate") or {}).items():
        path = work / target
        path.parent.mkdir(parents=True, exist_ok=True)
        if "symlink" in how:
            os.symlink(how["symlink"], path)
            continue
        if how.get("fifo"):
            os.mkfifo(path)
            continue
        text = (folder / how["from"]).read_text(encoding="utf-8")
        for old, new in (how.get("replace") or {}).items():
            text = text.replace(old, new)
        text = text.replace("\n", how.get("newline", "\n"))
        path.write_bytes(text.encode(how.get("encoding", "utf-8")))
    return work


def _run(args: list[str]) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["validate", ENTRY, *args])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        assert result.exc_info is not None
        pytest.fail("validate crashed:\n" + "".join(traceback.format_exception(*result.exc_info)))
    assert "Traceback" not in result.output, result.output
    return result.exit_code, result.stdout


def _same_file(a: str, b: str) -> bool:
    return os.path.normpath(a) == os.path.normpath(b)


def _parse_text(output: str) -> list[Found]:
    lines = output.splitlines()
    assert lines, "validate printed nothing"
    found = []
    for line in lines[:-1]:  # the last line is the summary
        match = LOCATION.match(line)
        assert match, f"not one diagnostic per line, as file:line:column: ...: {line!r}\n{output}"
        rest = match["rest"]
        severity = "warning" if rest.startswith(("warning: ", "Warnung: ")) else "error"
        found.append(Found(match["file"], int(match["line"]), int(match["column"]), severity, rest))
    assert not LOCATION.match(lines[-1]), f"summary line missing:\n{output}"
    return found


def _unmatched(expected: list[dict[str, Any]], found: list[Found], severity: str) -> list[dict[str, Any]]:
    """Expected diagnostics with no printed line at their exact place carrying their message."""
    remaining = [f for f in found if f.severity == severity]
    missing = []
    for want in expected:
        for have in remaining:
            if (
                _same_file(have.file, want["file"])
                and (have.line, have.column) == (want["line"], want["column"])
                and want["message"] in have.text
            ):
                remaining.remove(have)
                break
        else:
            missing.append(want)
    return missing


def _unescape(text: str) -> str:
    for code, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(code, char)
    return text


@pytest.mark.parametrize(("folder", "spec"), _cases())
def test_catalogue_case(folder: Path, spec: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(_prepare(folder, spec, tmp_path))
    args = [str(arg) for arg in spec.get("args") or []]
    if "--as-of" not in args:
        args += AS_OF
    expected_errors = spec.get("errors") or []
    expected_warnings = spec.get("warnings") or []

    code, output = _run(args)
    found = _parse_text(output)
    assert code == spec["exit"], f"exit {code}, expected {spec['exit']}:\n{output}"
    for severity, expected in (("error", expected_errors), ("warning", expected_warnings)):
        missing = _unmatched(expected, found, severity)
        assert not missing, f"{severity}s not reported at their exact place: {missing}\noutput:\n{output}"
        count = sum(1 for f in found if f.severity == severity)
        assert count == len(expected), f"{count} {severity}(s) printed, {len(expected)} expected:\n{output}"

    # --format json: the same diagnostics, the same verdict
    json_code, json_output = _run([*args, "--format", "json"])
    assert json_code == code
    payload = json.loads(json_output)
    assert payload["valid"] is (code == 0)
    from_json = [
        (d, severity)
        for partnership in payload["partnerships"]
        for key, severity in (("errors", "error"), ("warnings", "warning"))
        for d in partnership[key]
    ]
    assert Counter((d["file"], d["line"], d["column"], s) for d, s in from_json) == Counter(f.where for f in found)
    for d, severity in from_json:
        assert d["severity"] == severity
        # JSON holds the message as found; the text line shows its control characters as escapes
        shown = printable(d["message"])
        assert any(f.where == (d["file"], d["line"], d["column"], severity) and shown in f.text for f in found)

    # --format github: one workflow command per diagnostic, at the same places
    github_code, github_output = _run([*args, "--format", "github"])
    assert github_code == code
    annotations = []
    for line in github_output.splitlines():
        match = GITHUB.match(line)
        assert match, f"not a GitHub annotation with file=,line=,col=: {line!r}"
        annotations.append(match)
    assert Counter(
        (_unescape(m["file"]), int(m["line"]), int(m["column"]), m["level"]) for m in annotations
    ) == Counter(f.where for f in found)
    for m in annotations:
        where = (_unescape(m["file"]), int(m["line"]), int(m["column"]), m["level"])
        assert any(f.where == where and _unescape(m["message"]) in f.text for f in found), m.group(0)


# libyaml's own words: they must never reach a reader, least of all a German one.
LIBYAML_WORDS = (
    "mapping values are not allowed",
    "did not find expected",
    "could not find expected",
    "found a tab character",
    "found character that cannot",
    "while scanning",
    "while parsing",
    "found unexpected end",
    "YAML syntax error",
)


@pytest.mark.parametrize(("folder", "spec"), _cases())
def test_catalogue_case_in_german(
    folder: Path, spec: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(_prepare(folder, spec, tmp_path))
    args = [str(arg) for arg in spec.get("args") or []]
    if "--as-of" not in args:
        args += AS_OF
    english = _parse_text(_run([*args, "--lang", "en"])[1])
    code, output = _run([*args, "--lang", "de"])
    german = _parse_text(output)
    assert code == spec["exit"], output
    assert [f.where for f in german] == [f.where for f in english], output
    for en, de in zip(english, german, strict=True):
        assert de.text != en.text, f"no German form: {de.text}"
        assert not [words for words in LIBYAML_WORDS if words in de.text], de.text
    for severity in ("error", "warning"):
        for want in spec.get(f"{severity}s") or []:
            if "message_de" in want:
                assert [
                    f
                    for f in german
                    if f.severity == severity
                    and _same_file(f.file, want["file"])
                    and (f.line, f.column) == (want["line"], want["column"])
                    and want["message_de"] in f.text
                ], f"German form of {want} missing:\n{output}"
