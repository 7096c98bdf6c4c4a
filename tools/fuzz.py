"""Fuzz coopcheck with broken and hostile partnerships, and count what went wrong.

    python tools/fuzz.py --inputs 10000 --seed 1            # the campaign before a release
    python tools/fuzz.py --inputs 40 --seed 7 --keep /tmp/f  # keep every input that failed

Each input is a folder with `partnership.yaml` and sometimes logs. Half of them are the shipped
examples mutated (bytes, lines and values replaced by hostile ones: huge and tiny numbers, dates at
the calendar's ends, control and bidirectional characters, duplicate keys, YAML syntax), half are
generated from the schema's shape with hostile values in random places; a few get filesystem
faults (a log that is a FIFO, a device, a folder, a name too long, a log named twice).

Every input runs in a child process forked from this one (the modules are loaded and the
templates compiled once, here), through the command line in-process: `validate` (text, json,
github), `assess` in every format and `trend`; with `--all-commands` also `trend --format json`
and `check --format junit`. An input that `validate` finds invalid runs `validate` in its three
formats, `assess` and `trend` only (the others would print the same diagnostics).
A child that runs past `--timeout` is killed and counted as a hang. Printed at the end:

    inputs, runs, exit codes, internal errors, tracebacks, slow runs (> 5 s), large runs (> 1 GiB
    peak memory), hangs, nondeterministic outputs (assess --format json run twice differs), and
    outputs with raw control characters (C0 but newline and tab, DEL, C1, bidirectional controls).
    Nondeterminism is sampled: every fourth input runs `assess --format json` a second time.

The exit status is 1 when any of the last seven is not zero. `tests/test_fuzz.py` runs a small
fixed-seed budget in CI.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import re
import resource
import select
import shutil
import signal
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SLOW_SECONDS = 5.0
LARGE_BYTES = 1 << 30
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
AS_OF = "2026-11-28"
BAD_COUNTS = ("internal_errors", "tracebacks", "slow", "large", "hangs", "nondeterministic", "raw_control")

COMMANDS: list[tuple[str, list[str]]] = [
    ("validate", ["validate", "partnership.yaml"]),
    ("validate-json", ["validate", "partnership.yaml", "--format", "json"]),
    ("validate-github", ["validate", "partnership.yaml", "--format", "github"]),
    ("assess-text", ["assess", "partnership.yaml"]),
    ("assess-json", ["assess", "partnership.yaml", "--format", "json"]),
    ("assess-markdown", ["assess", "partnership.yaml", "--format", "markdown"]),
    ("assess-html", ["assess", "partnership.yaml", "--format", "html"]),
    ("trend-text", ["trend", "partnership.yaml"]),
    ("trend-json", ["trend", "partnership.yaml", "--format", "json"]),
    ("check-junit", ["check", "partnership.yaml", "--format", "junit"]),
]
# What a campaign runs by default; `--all-commands` runs every command above on every input.
QUICK = frozenset({"validate", "validate-json", "validate-github", "assess-text", "assess-json", "assess-markdown",
                   "assess-html", "trend-text"})  # fmt: skip

# An invalid input gives the same diagnostics to every command: these are enough to show them.
ON_INVALID = frozenset({"validate", "validate-json", "validate-github", "assess-text", "trend-text"})

HOSTILE_VALUES = [
    "1e308", "1e29", "1e300", "-1e308", "1e-320", "0", "-0", "nan", ".inf", "-.inf", "99999999999999999999999",
    "0001-01-01", "9999-12-31", "2099-12-31", "1899-12-31", "2026-02-30", "2026-13-01",
    '"\\e]0;pwned\\a"', '"\\e[2J\\r"', '"EU\\nR"', '"\\u202Eevil"', '"\\x9b31m"', '"\\0"', '"\\t"',
    "no", "NO", "on", "~", "null", "''", "[]", "{}", "[a, a]", "!!str 5", "&a x", "*a", "'unterminated",
    "x" * 300, "ä" * 120, "0755", "0x1F", "1_000", "+5", "2026-01-15T10:00:00",
    # valid but extreme: they pass validation and reach the arithmetic and the renderers
    "1000000000000", "999999999999.99", "100000", "10000", "1e-300", "0.0001", "1900-01-01", "2099-12-31",
    '"A \\e]0;title\\a \\e[2J B"', '"\\u202Eright-to-left"', '"line\\nbreak"', '"tab\\there"', '"\\x7f\\x85"',
]  # fmt: skip
HOSTILE_BYTES = [
    b"", b"-", b":", b" ", b"\t", b"\n", b"  - ", b"'", b'"', b"&a ", b"*a", b"!!python/object ", b"{", b"[", b"]",
    b"#", b"\xff", b"\x00", b"\r", b"\x1b[2J", b"\xe2\x80\xae", b"---\n", b"<<: *a\n", b"? ", b"%YAML 1.1\n",
]  # fmt: skip
KEYS_WITH_VALUES = re.compile(rb"^(\s*(?:- )?[A-Za-z_]+: )(.+)$", re.MULTILINE)


@dataclass
class Tally:
    """What the campaign found, by kind."""

    inputs: int = 0
    runs: int = 0
    exit_codes: Counter[str] = field(default_factory=Counter)
    counts: Counter[str] = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)

    def report(self) -> str:
        lines = [f"inputs: {self.inputs}", f"runs: {self.runs}"]
        codes = ", ".join(f"{code}: {n}" for code, n in sorted(self.exit_codes.items()))
        lines.append(f"exit codes: {codes}")
        lines += [f"{name.replace('_', ' ')}: {self.counts[name]}" for name in BAD_COUNTS]
        return "\n".join(lines)

    @property
    def bad(self) -> int:
        return sum(self.counts[name] for name in BAD_COUNTS)


# --- inputs ------------------------------------------------------------------------------------


def _example_cases() -> list[tuple[Path, list[Path]]]:
    """Every shipped partnership file, with the logs it names (relative to it)."""
    cases = []
    for path in sorted(EXAMPLES.rglob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        if not re.search(r"^coopcheck:", text, re.MULTILINE):
            continue
        logs = re.findall(r"^logs: \[(.*)\]", text, re.MULTILINE)
        named = [path.parent / entry.strip() for entry in logs[0].split(",")] if logs else []
        cases.append((path, [log for log in named if log.is_file()]))
    return cases


def _mutate_bytes(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 6)):
        start = rng.randrange(len(out) + 1)
        out[start : start + rng.randint(0, 20)] = rng.choice(HOSTILE_BYTES)
    return bytes(out)


def _mutate_lines(data: bytes, rng: random.Random) -> bytes:
    lines = data.split(b"\n")
    for _ in range(rng.randint(1, 4)):
        i = rng.randrange(len(lines))
        how = rng.randrange(3)
        if how == 0:
            lines.insert(i, lines[rng.randrange(len(lines))])  # a duplicate key or entry
        elif how == 1:
            del lines[i]
        else:
            j = rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
    return b"\n".join(lines)


def _mutate_values(data: bytes, rng: random.Random) -> bytes:
    matches = list(KEYS_WITH_VALUES.finditer(data))
    if not matches:
        return data
    out = data
    for match in sorted(rng.sample(matches, min(len(matches), rng.randint(1, 4))), key=lambda m: -m.start()):
        value = rng.choice(HOSTILE_VALUES).encode("utf-8")
        out = out[: match.start(2)] + value + out[match.end(2) :]
    return out


def _mutated(folder: Path, rng: random.Random, cases: list[tuple[Path, list[Path]]]) -> None:
    source, logs = rng.choice(cases)
    mutate: Callable[[bytes, random.Random], bytes] = rng.choice([_mutate_bytes, _mutate_lines, _mutate_values])
    (folder / "partnership.yaml").write_bytes(
        mutate(source.read_bytes(), rng) if rng.random() < 0.8 else source.read_bytes()
    )
    for log in logs:
        target = folder / log.relative_to(source.parent)
        target.parent.mkdir(parents=True, exist_ok=True)
        data = log.read_bytes()
        target.write_bytes(
            rng.choice([_mutate_bytes, _mutate_lines, _mutate_values])(data, rng) if rng.random() < 0.5 else data
        )


# Hostile values are YAML text, written into the document as they are: `_pick` leaves a token
# that `_dump` replaces after dumping.
_RAW: list[str] = []


_HOSTILITY = [0.0]  # share of values that are hostile in the document being generated


def _pick(rng: random.Random, valid: Any) -> Any:
    """Mostly a valid value, sometimes a hostile one."""
    if rng.random() >= _HOSTILITY[0]:
        return valid
    _RAW.append(rng.choice(HOSTILE_VALUES))
    return f"RAWVALUE{len(_RAW) - 1}X"


def _activity(rng: random.Random, keys: list[str], day: int) -> dict[str, Any]:
    giver = rng.choice(keys)
    kinds = ["meeting", "call", "referral", "lead", "request", "delivery", "investment", "review", "revenue",
             "project_won", "joint_campaign", "cost_share", "support"]  # fmt: skip
    activity: dict[str, Any] = {
        "id": _pick(rng, f"x{day}-{rng.randrange(1000)}"),
        "date": _pick(rng, f"{rng.choice([2025, 2026])}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"),
        "from": _pick(rng, giver),
        "to": _pick(rng, keys[1] if giver == keys[0] else keys[0]),
        "type": _pick(rng, rng.choice(kinds)),
    }
    for name, valid in (
        ("topic", "Joint pitch"), ("hours", round(rng.uniform(0, 40), 1)), ("travel_cost", rng.randrange(2000)),
        ("value", rng.randrange(100000)), ("level", rng.choice(["executive", "working"])),
        ("people", ["Anna Weber"]), ("due", "2026-06-30"), ("attribution", "sourced"), ("note", "n"),
    ):  # fmt: skip
        if rng.random() < 0.4:
            activity[name] = _pick(rng, valid)
    return activity


def _generated(folder: Path, rng: random.Random) -> None:
    _RAW.clear()
    _HOSTILITY[0] = rng.choice([0.0, 0.01, 0.03, 0.1])
    keys = ["alpha", "beta"]
    document: dict[str, Any] = {
        "coopcheck": _pick(rng, 1),
        "id": _pick(rng, "alpha-beta"),
        "name": _pick(rng, "Alpha x Beta"),
        "kind": _pick(rng, rng.choice(["joint_market", "development", "trusted_advisory", "other"])),
        "started": _pick(rng, "2025-06-01"),
        "currency": _pick(rng, "EUR"),
        "review_every_days": _pick(rng, 30),
        "partners": {
            key: {
                "name": _pick(rng, key.title()),
                "sponsor": _pick(rng, "S"),
                "contacts": [_pick(rng, "C")],
                "hourly_rate": _pick(rng, 100),
            }
            for key in keys
        },
        "success_factors": {
            "outcomes": {"revenue": {"target": _pick(rng, 100000), "by": _pick(rng, "2026-12-31")}},
            "influence": {"cost_split": {"alpha": _pick(rng, 50), "beta": 50}, "response_days": _pick(rng, 5)},
        },
        "activities": [_activity(rng, keys, i) for i in range(rng.randint(0, 25))],
    }
    if rng.random() < 0.3:
        (folder / "logs").mkdir()
        (folder / "logs" / "more.yaml").write_text(
            _dump([_activity(rng, keys, 100 + i) for i in range(rng.randint(0, 15))])
        )
        document["logs"] = ["logs/more.yaml"]
    (folder / "partnership.yaml").write_text(_dump(document), encoding="utf-8")


def _dump(data: Any) -> str:
    """YAML with hostile values written raw (a hostile value is YAML text, not a string to quote)."""
    import yaml

    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1000)
    return re.sub(r"RAWVALUE(\d+)X", lambda m: _RAW[int(m.group(1))], text)


def _filesystem_fault(folder: Path, rng: random.Random) -> None:
    """A log that is a FIFO, a device, a folder, a symbolic link loop, a name too long or listed twice."""
    fault = rng.randrange(6)
    entry = ["logs/fifo.yaml", "logs/zero.yaml", "logs/dir.yaml", "logs/loop.yaml", "logs/" + "n" * 300 + ".yaml",
             "logs/twice.yaml"][fault]  # fmt: skip
    logs = folder / "logs"
    logs.mkdir(exist_ok=True)
    if fault == 0:
        os.mkfifo(logs / "fifo.yaml")
    elif fault == 1:
        os.symlink("/dev/zero", logs / "zero.yaml")
    elif fault == 2:
        (logs / "dir.yaml").mkdir()
    elif fault == 3:
        os.symlink("loop.yaml", logs / "loop.yaml")
    elif fault == 5:
        (logs / "twice.yaml").write_text("[]\n")
    names = [entry, entry] if fault == 5 else [entry]
    with (folder / "partnership.yaml").open("a", encoding="utf-8") as handle:
        handle.write("\nlogs: [" + ", ".join(names) + "]\n")


def make_input(folder: Path, rng: random.Random, cases: list[tuple[Path, list[Path]]]) -> list[str]:
    """Write one input into `folder`; returns the `--as-of` arguments to run it with."""
    if rng.random() < 0.5:
        _mutated(folder, rng, cases)
    else:
        _generated(folder, rng)
    if rng.random() < 0.05:
        _filesystem_fault(folder, rng)
    as_of = AS_OF if rng.random() < 0.9 else rng.choice(["2099-12-31", "1900-01-01", "9999-12-31", "0001-01-01"])
    return ["--as-of", as_of]


# --- runs --------------------------------------------------------------------------------------


def _run_commands(
    folder: Path,
    extra: list[str],
    entry: str = "partnership.yaml",
    commands: frozenset[str] = QUICK,
    twice: bool = True,
) -> dict[str, Any]:
    """In the child: every command on the input; what each printed and how it ended."""
    from typer.testing import CliRunner

    import coopcheck.cli  # noqa: F401  (registers the commands)
    from coopcheck.cli.app import app

    os.chdir(folder)
    os.environ["NO_COLOR"] = "1"
    runner = CliRunner()
    out: dict[str, Any] = {"runs": [], "json_twice": None}
    valid = True
    for name, args in COMMANDS:
        if (not valid and name not in ON_INVALID) or name not in commands:
            continue
        args = [entry if arg == "partnership.yaml" else arg for arg in args]
        started = time.monotonic()
        result = runner.invoke(app, [*args, *extra])
        seconds = time.monotonic() - started
        crashed = result.exception is not None and not isinstance(result.exception, SystemExit)
        printed = result.output
        out["runs"].append(
            {
                "name": name,
                "code": result.exit_code,
                "seconds": seconds,
                "internal": crashed or "internal error" in printed,
                "traceback": "Traceback (most recent call last)" in printed,
                "raw": bool(RAW_CONTROL.search(printed)),
                "error": repr(result.exception) if crashed else "",
            }
        )
        valid = valid and not (name == "validate" and result.exit_code == 2)
        if twice and name == "assess-json" and result.exit_code in (0, 1):
            again = runner.invoke(app, [*args, *extra])
            out["json_twice"] = again.output == printed
    return out


def _child(folder: Path, extra: list[str], write_fd: int, commands: frozenset[str], twice: bool) -> None:
    try:
        payload = json.dumps(_run_commands(folder, extra, commands=commands, twice=twice)).encode("utf-8")
    except BaseException as exc:  # a crash outside the commands is a finding too
        payload = json.dumps({"runs": [], "crash": repr(exc)}).encode("utf-8")
    try:
        with os.fdopen(write_fd, "wb") as pipe:
            pipe.write(payload)
    except OSError:
        pass  # the campaign was stopped: nobody is reading
    finally:
        os._exit(0)


def run_input(
    folder: Path, extra: list[str], timeout: float, commands: frozenset[str] = QUICK, twice: bool = True
) -> tuple[dict[str, Any] | None, int]:
    """Fork a child for one input; its report (None when it hung or died) and its peak memory in bytes."""
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read_fd)
        _child(folder, extra, write_fd, commands, twice)
    os.close(write_fd)
    chunks, deadline = [], time.monotonic() + timeout
    with os.fdopen(read_fd, "rb") as pipe:
        while True:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([pipe], [], [], left)[0]:
                os.kill(pid, signal.SIGKILL)
                break
            chunk = os.read(pipe.fileno(), 1 << 16)
            if not chunk:
                break
            chunks.append(chunk)
    _, status, usage = os.wait4(pid, 0)
    peak = usage.ru_maxrss * (1 if sys.platform == "darwin" else 1024)
    if not chunks or os.WIFSIGNALED(status):
        return None, peak
    return json.loads(b"".join(chunks)), peak


def _tally(tally: Tally, report: dict[str, Any] | None, peak: int, label: str) -> bool:
    """Add one input's report; True when it found something."""
    before = tally.bad
    if report is None:
        tally.counts["hangs"] += 1
        tally.failures.append(f"{label}: hang or crash of the child process")
        return True
    if report.get("crash"):
        tally.counts["internal_errors"] += 1
        tally.failures.append(f"{label}: {report['crash']}")
    for run in report["runs"]:
        tally.runs += 1
        tally.exit_codes[str(run["code"])] += 1
        for key, counted in (("internal", "internal_errors"), ("traceback", "tracebacks"), ("raw", "raw_control")):
            if run[key]:
                tally.counts[counted] += 1
                tally.failures.append(f"{label} {run['name']}: {counted} {run['error']}")
        if run["seconds"] > SLOW_SECONDS:
            tally.counts["slow"] += 1
            tally.failures.append(f"{label} {run['name']}: {run['seconds']:.1f} s")
    if peak > LARGE_BYTES:
        tally.counts["large"] += 1
        tally.failures.append(f"{label}: peak memory {peak / 2**20:.0f} MiB")
    if report.get("json_twice") is False:
        tally.counts["nondeterministic"] += 1
        tally.failures.append(f"{label}: assess --format json differs between two runs")
    return tally.bad > before


def _warm_up(example: Path) -> None:
    """Run every command once here, so that each forked child starts with the modules imported and
    the report templates compiled (a child that had to do that itself would spend most of its time on it)."""
    here = Path.cwd()
    try:
        _run_commands(example.parent, ["--as-of", AS_OF], entry=example.name)
    finally:
        os.chdir(here)


def campaign(
    inputs: int,
    seed: int,
    keep: Path | None = None,
    timeout: float = 60.0,
    progress: bool = False,
    all_commands: bool = False,
) -> Tally:
    """Run `inputs` fuzzed inputs from `seed`; inputs that found something are copied to `keep`.

    Every fourth input runs `assess --format json` twice to catch nondeterministic output."""
    commands = frozenset(name for name, _ in COMMANDS) if all_commands else QUICK
    rng = random.Random(seed)
    cases = _example_cases()
    _warm_up(cases[0][0])
    tally = Tally()
    with tempfile.TemporaryDirectory(prefix="coopcheck-fuzz-") as scratch, contextlib.suppress(KeyboardInterrupt):
        for number in range(inputs):
            folder = Path(scratch) / f"input-{number:06d}"
            folder.mkdir()
            extra = make_input(folder, rng, cases)
            report, peak = run_input(folder, extra, timeout, commands, twice=number % 4 == 0)
            tally.inputs += 1
            if _tally(tally, report, peak, f"input {number} ({' '.join(extra)})") and keep is not None:
                shutil.copytree(folder, keep / folder.name, symlinks=True, dirs_exist_ok=True)
            shutil.rmtree(folder, ignore_errors=True)
            if progress and (number + 1) % 250 == 0:
                print("... " + tally.report().replace("\n", "; "), file=sys.stderr, flush=True)
    return tally


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inputs", type=int, default=1000, help="how many inputs to run (default 1000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed: the same seed gives the same inputs")
    parser.add_argument("--keep", type=Path, help="copy every input that found something into this folder")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds before an input counts as a hang")
    parser.add_argument("--all-commands", action="store_true", help="also trend --format json and check --format junit")
    args = parser.parse_args()
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    signal.signal(signal.SIGTERM, signal.default_int_handler)  # stopped early: report what was run
    started = time.monotonic()
    tally = campaign(args.inputs, args.seed, args.keep, args.timeout, progress=True, all_commands=args.all_commands)
    print(tally.report())
    print(f"seconds: {time.monotonic() - started:.0f}")
    for line in tally.failures[:50]:
        print("  " + line)
    return 1 if tally.bad else 0


if __name__ == "__main__":
    sys.exit(main())
