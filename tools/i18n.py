#!/usr/bin/env python3
"""Keep the message catalogues in step with the source (see docs/translations.md).

    python tools/i18n.py update    # extract every message, merge into each .po (new ones untranslated)
    python tools/i18n.py compile   # write each .mo from its .po
    python tools/i18n.py check     # exit 1 if a message lacks a translation or a .mo is out of date

Messages come from three places: `_()`, `N_()` and `ngettext()` calls in the Python source, `_()` calls in the
Jinja2 report templates, and the docstrings of the modules `coopcheck explain` shows (one entry
per paragraph). Babel does the extraction, merging and compiling.
"""

from __future__ import annotations

import io
import re
import sys
from collections.abc import Iterator
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "coopcheck"
LOCALE = PACKAGE / "locale"
DOMAIN = "coopcheck"
METHODS = [
    ("**/templates/**.j2", "jinja2"),
    ("**.py", "python"),
]
OPTIONS = {"**/templates/**.j2": {"trim_blocks": "true", "lstrip_blocks": "true"}}
PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)(?:[:!][^{}]*)?\}")


def _docstrings() -> Iterator[tuple[str, int, str, str]]:
    """(file, line, paragraph, comment) for every paragraph the guide shows."""
    sys.path.insert(0, str(ROOT / "src"))
    from coopcheck import guide

    for topic in guide.topics():
        file = Path(topic.module.__file__ or "").resolve().relative_to(ROOT).as_posix()
        for paragraph in topic.paragraphs:
            yield file, 1, paragraph, f"Docstring shown by `coopcheck explain {topic.id}`."


def extract() -> Catalog:
    """Every message in the source, with where it is used."""
    catalog = Catalog(project="coopcheck", domain=DOMAIN, charset="utf-8", fuzzy=False)
    found = extract_from_dir(
        PACKAGE, METHODS, options_map=OPTIONS, keywords={"_": None, "N_": None, "ngettext": (1, 2)}
    )
    for file, line, message, comments, context in found:
        location = (PACKAGE.relative_to(ROOT) / file).as_posix()
        catalog.add(message, locations=[(location, line)], auto_comments=comments, context=context)
    for location, line, message, comment in _docstrings():
        catalog.add(message, locations=[(location, line)], auto_comments=[comment])
    return catalog


def po_files() -> list[Path]:
    return sorted(LOCALE.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def read(path: Path) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, domain=DOMAIN)


def compiled(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def update() -> None:
    template = extract()
    for path in po_files():
        catalog = read(path)
        created = catalog.creation_date
        catalog.update(template, no_fuzzy_matching=True)
        catalog.creation_date = created  # a date that changes on every run only makes noise in diffs
        catalog.last_translator = "coopcheck developers"
        catalog.language_team = "German"
        catalog.msgid_bugs_address = ""
        with path.open("wb") as handle:
            write_po(handle, catalog, width=100, ignore_obsolete=True, include_previous=False, include_lineno=False)
        print(f"updated {path.relative_to(ROOT)}")


def compile_all() -> None:
    for path in po_files():
        path.with_suffix(".mo").write_bytes(compiled(read(path)))
        print(f"compiled {path.with_suffix('.mo').relative_to(ROOT)}")


def placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text))


def problems() -> list[str]:
    """What is missing or out of date, one line each; empty when the catalogues are complete."""
    wanted = extract()
    found: list[str] = []
    for path in po_files():
        catalog = read(path)
        name = path.relative_to(ROOT)
        for message in wanted:
            if not message.id:
                continue
            translated = catalog.get(message.id, context=message.context)
            where = ", ".join(f"{file}:{line}" for file, line in message.locations[:2])
            strings = translated.string if translated is not None else ""
            forms = strings if isinstance(strings, (tuple, list)) else (strings,)
            if translated is None or not all(forms) or translated.fuzzy:
                found.append(f"{name}: no translation for {message.id!r} ({where})")
            elif placeholders(str(translated.string)) != placeholders(str(message.id)):
                found.append(f"{name}: placeholders differ in the translation of {message.id!r} ({where})")
        mo = path.with_suffix(".mo")
        if not mo.exists() or mo.read_bytes() != compiled(catalog):
            found.append(f"{mo.relative_to(ROOT)} is out of date: run `python tools/i18n.py compile`")
    return found


def main(argv: list[str]) -> int:
    command = argv[1] if len(argv) > 1 else "check"
    if command == "update":
        update()
    elif command == "compile":
        compile_all()
    elif command == "check":
        issues = problems()
        for issue in issues:
            print(issue)
        return 1 if issues else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
