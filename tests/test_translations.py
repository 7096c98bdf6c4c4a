"""The German catalogue is complete: every message in the source has a translation, and the .mo is current."""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType

from reports import english_afterwards  # noqa: F401
from support import ROOT


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("i18n_tool", ROOT / "tools" / "i18n.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_every_message_has_a_german_translation_and_the_mo_is_current():  # type: ignore[no-untyped-def]
    problems = _tool().problems()
    assert not problems, "\n".join(
        [f"{len(problems)} problem(s); run `python tools/i18n.py update`, translate, then `compile`:", *problems[:40]]
    )


def test_extraction_finds_messages_of_every_kind():  # type: ignore[no-untyped-def]
    extracted = [message.id for message in _tool().extract() if message.id]
    ids = {i for i in extracted if isinstance(i, str)}
    assert "Keeping in step" in ids, "factor titles (N_ in Python)"
    assert "What to do" in ids, "report templates (Jinja2)"
    assert ("{count} month", "{count} months") in extracted, "plural forms (ngettext in Python)"
    assert any(isinstance(i, tuple) and i[0].startswith("{empty} of {count} contact") for i in extracted), (
        "plural forms (ngettext in templates)"
    )
    assert any(i.startswith("Keeping in step: do both partners") for i in ids), "explain docstrings"


def test_validation_errors_speak_german(run_cli, tmp_path):  # type: ignore[no-untyped-def]
    broken = tmp_path / "broken.yaml"
    broken.write_text("coopcheck: 1\nid: x\nname: y\nstarted: 2026-13-01\ncurency: EUR\n", encoding="utf-8")
    german = run_cli("validate", str(broken), "--lang", "de")
    assert german.exit_code == 2
    assert "kein Datum (gefunden: '2026-13-01'" in german.stdout
    assert "unbekannter Schlüssel 'curency'; meinten Sie 'currency'?" in german.stdout
    english = run_cli("validate", str(broken), "--lang", "en")
    assert "unknown key 'curency'; did you mean 'currency'?" in english.stdout
