"""Finding partnership files under the paths a user names, the way `coopcheck check` does.

A partnership file is a `.yaml`/`.yml` file with a top-level `coopcheck:` key that holds the
format version (not a mapping, such as a CI job of that name). The test is a regular expression
over the raw bytes, so discovery never parses YAML: activity logs (a list, or `activities:`), CI
workflows and other YAML in the tree are skipped without a second look.

Directories are walked in sorted order, skipping hidden files and directories (`.git`, `.github`,
`.gitlab-ci.yml`, ...) and `node_modules`/`__pycache__`; `include` and `exclude` globs are matched
against the path relative to `root` (the configuration file's folder). Files named explicitly are
always considered, whatever the globs say. The result is deterministic: the same tree always
gives the same list.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from coopcheck.loading.diagnostics import InputError
from coopcheck.loading.inputs import read_input

# The key holds the format version. A `coopcheck:` followed by an indented block is a mapping
# instead, such as a CI job of that name in a GitLab pipeline, and no partnership.
PARTNERSHIP_KEY = re.compile(
    rb"""^(?:coopcheck|"coopcheck"|'coopcheck')[ \t]*:(?![ \t]*(?:\#[^\n]*)?\r?\n[ \t]+[^\s#])""", re.MULTILINE
)
YAML_SUFFIXES = (".yaml", ".yml")
SKIPPED_DIRECTORIES = frozenset({"node_modules", "__pycache__"})


@dataclass
class Discovery:
    """Partnership files in a stable order, named files that are no partnership, missing paths, unreadable folders."""

    files: list[Path] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)
    missing: list[Path] = field(default_factory=list)
    # folders that could not be listed: reported as errors, never passed over in silence
    unreadable: list[tuple[Path, str]] = field(default_factory=list)


def is_partnership_file(path: Path) -> bool:
    """Whether `path` is YAML with a top-level `coopcheck:` key (read as bytes, never parsed)."""
    if path.suffix.lower() not in YAML_SUFFIXES:
        return False
    try:
        return PARTNERSHIP_KEY.search(read_input(path, str(path))) is not None
    except InputError:
        return True  # let the loader say precisely why it cannot be read


def glob_regex(pattern: str) -> re.Pattern[str]:
    """A glob as a regular expression over POSIX paths: `*` and `?` stay in one folder, `**` crosses folders.

    A pattern without `/` matches a name at any depth (`*.draft.yaml`, `archive`), as in `.gitignore`.
    """
    pattern = pattern.strip().removeprefix("./").rstrip("/")
    anywhere = "/" not in pattern
    out = ""
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if pattern.startswith("**/", i):
            out, i = out + "(?:.*/)?", i + 3
            continue
        if pattern.startswith("**", i):
            out, i = out + ".*", i + 2
            continue
        if char == "*":
            out += "[^/]*"
        elif char == "?":
            out += "[^/]"
        elif char == "[" and "]" in pattern[i + 1 :]:
            end = pattern.index("]", i + 1)
            body = pattern[i + 1 : end]
            out += "[" + ("^" + body[1:] if body.startswith("!") else body) + "]"
            i = end
        else:
            out += re.escape(char)
        i += 1
    return re.compile(("(?:.*/)?" if anywhere else "") + out)


class Globs:
    """`include` and `exclude` patterns, compiled once. Excluding a folder excludes everything in it."""

    def __init__(self, include: Sequence[str], exclude: Sequence[str]) -> None:
        self.include = [glob_regex(p) for p in include]
        self.exclude = [glob_regex(p) for p in exclude]

    def excluded(self, relative: str) -> bool:
        parts = relative.split("/")
        prefixes = ("/".join(parts[:n]) for n in range(1, len(parts) + 1))
        return any(rx.fullmatch(prefix) for prefix in prefixes for rx in self.exclude)

    def wanted(self, relative: str) -> bool:
        return any(rx.fullmatch(relative) for rx in self.include) and not self.excluded(relative)


def _relative(path: Path, root: Path, fallback: Path) -> str:
    for base in (root, fallback):
        try:
            return path.resolve().relative_to(base.resolve()).as_posix()
        except ValueError:
            continue
    return path.as_posix()


def _walk(directory: Path, root: Path, globs: Globs, unreadable: list[tuple[Path, str]]) -> Iterable[Path]:
    def refused(error: OSError) -> None:
        unreadable.append((Path(error.filename or directory), error.strerror or type(error).__name__))

    for current, folders, names in os.walk(directory, onerror=refused):
        here = Path(current)
        folders[:] = sorted(
            name
            for name in folders
            if not name.startswith(".")
            and name not in SKIPPED_DIRECTORIES
            and not globs.excluded(_relative(here / name, root, directory))
        )
        for name in sorted(names):
            if name.startswith("."):
                continue
            path = here / name
            if globs.wanted(_relative(path, root, directory)) and is_partnership_file(path):
                yield path


def discover(paths: Sequence[Path], root: Path, include: Sequence[str], exclude: Sequence[str]) -> Discovery:
    """Partnership files under `paths` (directories walked, files taken as named), each once."""
    globs = Globs(include, exclude)
    found = Discovery()
    seen: set[Path] = set()
    for path in paths:
        if path.is_dir():
            candidates: Iterable[Path] = _walk(path, root, globs, found.unreadable)
        elif path.exists():
            if not is_partnership_file(path):
                found.skipped.append(path)
                continue
            candidates = [path]
        else:
            found.missing.append(path)
            continue
        for candidate in candidates:
            key = candidate.resolve()
            if key not in seen:
                seen.add(key)
                found.files.append(candidate)
    return found
