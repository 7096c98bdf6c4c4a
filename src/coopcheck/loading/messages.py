"""Schema errors in words: what is wrong, what was found, what was expected, and a likely fix.

pydantic reports errors as types and locations; this module turns each into one sentence of the
form `what is wrong (found 'x'; expected ...)`, with "did you mean" for misspelt keys and values.
"""

from __future__ import annotations

import datetime as dt
import types
from collections.abc import Mapping, Sequence
from enum import Enum
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from coopcheck.i18n import _
from coopcheck.notation import iso_date, plain_number
from coopcheck.spelling import closest

# Where a diagnostic should point: the key, the value, or the mapping that lacks a key.
Anchor = Literal["key", "value", "parent"]


def shown(value: Any) -> str:
    if value is None:
        return _("nothing")
    if isinstance(value, dict):
        return _("a mapping")
    if isinstance(value, list):
        return _("a list")
    text = str(value)
    if len(text) > 60:
        text = text[:57] + "..."
    return f"'{text}'"


def suggest(word: str, choices: Sequence[str]) -> str:
    match = closest(word, choices)
    return _("; did you mean '{name}'?").format(name=match) if match else ""


def partner_hint(value: str, partners: Mapping[str, str | None]) -> str:
    """For a value that should be a partner key: the declared keys, and the one it probably means
    (also when the partner's name was written instead of its key)."""
    by_name = {str(name).casefold(): key for key, name in partners.items() if name}
    key = by_name.get(str(value).strip().casefold()) or closest(str(value), list(partners))
    if key is None:
        named = closest(str(value), list(by_name))
        key = by_name[named] if named else None
    listing = _(" (expected one of the partner keys {partners})").format(partners=", ".join(partners))
    if key is None:
        return listing
    return listing + _("; did you mean '{name}'?").format(name=key)


def _unwrap(annotation: Any) -> Any:
    """Strip Optional and Annotated to the type that holds the data."""
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation = get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            args = [arg for arg in get_args(annotation) if arg is not type(None)]
            annotation = args[0] if len(args) == 1 else annotation
            if len(args) != 1:
                return annotation
        else:
            return annotation


def type_at(model: Any, path: tuple[str | int, ...]) -> Any:
    """The type expected at `path` inside `model` (None where the path leaves the schema)."""
    current: Any = model
    for part in path:
        current = _unwrap(current)
        origin = get_origin(current)
        if isinstance(current, type) and issubclass(current, BaseModel):
            fields = {(info.alias or name): info for name, info in current.model_fields.items()}
            if part not in fields:
                return None
            current = fields[str(part)].annotation
        elif origin is list:
            current = get_args(current)[0]
        elif origin is dict:
            current = get_args(current)[1]
        else:
            return None
    return _unwrap(current)


def keys_of(model: Any) -> list[str]:
    if isinstance(model, type) and issubclass(model, BaseModel):
        return [info.alias or name for name, info in model.model_fields.items()]
    return []


def _number_bounds(ctx: dict[str, Any]) -> str:
    for key, words in (("ge", ">="), ("gt", ">"), ("le", "<="), ("lt", "<")):
        if key in ctx:
            bound = ctx[key]
            if isinstance(bound, float) and bound.is_integer():
                bound = int(bound)
            return f"{words} {bound}"
    return ""


# Fields whose value is a partner key, by the model that holds them.
PARTNER_FIELDS = frozenset({"from", "to", "by"})


def _partner_key(
    kind: str, found: Any, loc: tuple[str | int, ...], partners: Mapping[str, str | None] | None
) -> str | None:
    """A partner written where its key belongs (`to: Softwerk Systems AG`): the declared keys."""
    if not partners or not loc or loc[-1] not in PARTNER_FIELDS or not isinstance(found, str):
        return None
    if not kind.startswith("string"):
        return None
    return _("'{found}' is not a partner key").format(found=found) + partner_hint(found, partners)


def _as_written(kind: str, found: Any, expected_type: Any) -> str | None:
    """Dates and numbers as people write them (`15.03.2026`, `1,5`, `1500 €`): the form to write instead."""
    if kind.startswith("date") or expected_type is dt.date:
        meant = iso_date(found) if isinstance(found, str) else None
        hint = _("; did you mean {date}?").format(date=meant) if meant else ""
        return _("not a date (found {found}; expected a date written YYYY-MM-DD)").format(found=shown(found)) + hint
    number = plain_number(found) if kind.startswith("float") and isinstance(found, str) else None
    if number is None:
        return None
    return _(
        "not a plain number (found {found}); write {number}: digits, '.' as the decimal "
        "point, no thousands separator or currency sign"
    ).format(found=shown(found), number=number)


def describe(
    error: ErrorDetails,
    model: Any,
    loc: tuple[str | int, ...],
    partners: Mapping[str, str | None] | None = None,
) -> tuple[str, Anchor]:
    """One error in words, and which part of the source it should point at.

    `partners` (key -> name), where known, lets a misspelt partner key list the declared ones."""
    kind = error["type"]
    found = error.get("input")
    ctx: dict[str, Any] = dict(error.get("ctx") or {})
    if kind == "missing":
        return _("required key '{key}' is missing").format(key=loc[-1]), "parent"
    if kind == "extra_forbidden":
        return _unknown_key(model, loc), "key"
    expected_type = type_at(model, loc)
    if kind in ("enum", "literal_error"):
        return _not_allowed(found, expected_type, ctx), "value"
    written = _partner_key(kind, found, loc, partners) or _as_written(kind, found, expected_type)
    if written:
        return written, "value"
    problem = (
        _number_problem(kind, found, ctx) or _text_problem(kind, found, ctx) or _shape_problem(kind, found, ctx, loc)
    )
    if problem:
        return problem, "value"
    if kind == "value_error":
        return str(ctx.get("error", error["msg"])), "value"
    return _("{problem} (found {found})").format(problem=error["msg"], found=shown(found)), "value"


def _unknown_key(model: Any, loc: tuple[str | int, ...]) -> str:
    allowed = keys_of(type_at(model, loc[:-1]))
    hint = suggest(str(loc[-1]), allowed)
    expected = hint or (_(" (expected one of: {keys})").format(keys=", ".join(allowed)) if allowed else "")
    return _("unknown key '{key}'").format(key=loc[-1]) + expected


def _not_allowed(found: Any, expected_type: Any, ctx: dict[str, Any]) -> str:
    choices = (
        [m.value for m in expected_type] if isinstance(expected_type, type) and issubclass(expected_type, Enum) else []
    )
    listing = ", ".join(choices) if choices else ctx.get("expected", "")
    return _("not an allowed value (found {found}; expected one of {choices})").format(
        found=shown(found), choices=listing
    ) + suggest(str(found), choices)


def _number_problem(kind: str, found: Any, ctx: dict[str, Any]) -> str | None:
    if kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        bounds = _number_bounds(ctx)
        return _("out of range (found {found}; expected a number {bounds})").format(found=shown(found), bounds=bounds)
    if kind == "finite_number":
        return _("not a finite number (found {found}; expected a number like 2.5)").format(found=shown(found))
    if kind.startswith("int"):
        return _("not a whole number (found {found}; expected a whole number like 30)").format(found=shown(found))
    if kind.startswith("float"):
        return _("not a number (found {found}; expected a number like 2.5)").format(found=shown(found))
    return None


def _text_problem(kind: str, found: Any, ctx: dict[str, Any]) -> str | None:
    if kind == "string_pattern_mismatch":
        return _(
            "not a valid key (found {found}; expected letters, digits, '_', '-' or '.', "
            "starting with a letter or digit)"
        ).format(found=shown(found))
    if kind == "string_too_short":
        return _("is empty (found {found}; expected some text)").format(found=shown(found))
    if kind == "string_too_long":
        return _("is too long (expected at most {limit} characters)").format(limit=ctx.get("max_length"))
    if kind == "string_type":
        return _("not text (found {found}; expected text)").format(found=shown(found))
    return None


def _shape_problem(kind: str, found: Any, ctx: dict[str, Any], loc: tuple[str | int, ...]) -> str | None:
    if kind == "list_type":
        return _("not a list (found {found}; expected a list, e.g. [a, b] or '- item' lines)").format(
            found=shown(found)
        )
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return _("not a mapping (found {found}; expected 'key: value' lines)").format(found=shown(found))
    if kind not in ("too_short", "too_long"):
        return None
    actual = ctx.get("actual_length")
    if actual is None and isinstance(found, (dict, list)):
        actual = len(found)
    if loc == ("partners",):
        return _("a partnership has exactly two partners (found {count})").format(count=actual)
    if kind == "too_short":
        return _("has {count} entries (expected at least {bound})").format(count=actual, bound=ctx.get("min_length"))
    return _("has {count} entries (expected at most {bound})").format(count=actual, bound=ctx.get("max_length"))
