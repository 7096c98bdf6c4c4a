"""Schema errors in words: what is wrong, what was found, what was expected, and a likely fix.

pydantic reports errors as types and locations; this module turns each into one sentence of the
form `what is wrong (found 'x'; expected ...)`, with "did you mean" for misspelt keys and values.
"""

from __future__ import annotations

import datetime as dt
import difflib
import types
from enum import Enum
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from coopcheck.i18n import _

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


def suggest(word: str, choices: list[str]) -> str:
    match = difflib.get_close_matches(str(word), choices, n=1, cutoff=0.6)
    return _("; did you mean '{name}'?").format(name=match[0]) if match else ""


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


def describe(error: ErrorDetails, model: Any, loc: tuple[str | int, ...]) -> tuple[str, Anchor]:
    """One error in words, and which part of the source it should point at."""
    kind = error["type"]
    found = error.get("input")
    ctx: dict[str, Any] = dict(error.get("ctx") or {})
    if kind == "missing":
        return _("required key '{key}' is missing").format(key=loc[-1]), "parent"
    if kind == "extra_forbidden":
        allowed = keys_of(type_at(model, loc[:-1]))
        hint = suggest(str(loc[-1]), allowed)
        expected = hint or (_(" (expected one of: {keys})").format(keys=", ".join(allowed)) if allowed else "")
        return _("unknown key '{key}'").format(key=loc[-1]) + expected, "key"
    expected_type = type_at(model, loc)
    if kind in ("enum", "literal_error"):
        choices = (
            [m.value for m in expected_type]
            if isinstance(expected_type, type) and issubclass(expected_type, Enum)
            else []
        )
        listing = ", ".join(choices) if choices else ctx.get("expected", "")
        return (
            _("not an allowed value (found {found}; expected one of {choices})").format(
                found=shown(found), choices=listing
            )
            + suggest(str(found), choices),
            ("value"),
        )
    if kind.startswith("date") or expected_type is dt.date:
        return _("not a date (found {found}; expected a date written YYYY-MM-DD)").format(found=shown(found)), "value"
    if kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        bounds = _number_bounds(ctx)
        return _("out of range (found {found}; expected a number {bounds})").format(
            found=shown(found), bounds=bounds
        ), "value"
    if kind == "finite_number":
        return _("not a finite number (found {found}; expected a number like 2.5)").format(found=shown(found)), "value"
    if kind.startswith("int"):
        return _("not a whole number (found {found}; expected a whole number like 30)").format(
            found=shown(found)
        ), "value"
    if kind.startswith("float"):
        return _("not a number (found {found}; expected a number like 2.5)").format(found=shown(found)), "value"
    if kind == "string_pattern_mismatch":
        return (
            _(
                "not a valid key (found {found}; expected letters, digits, '_', '-' or '.', "
                "starting with a letter or digit)"
            ).format(found=shown(found)),
            "value",
        )
    if kind == "string_too_short":
        return _("is empty (found {found}; expected some text)").format(found=shown(found)), "value"
    if kind == "string_too_long":
        return _("is too long (expected at most {limit} characters)").format(limit=ctx.get("max_length")), "value"
    if kind == "string_type":
        return _("not text (found {found}; expected text)").format(found=shown(found)), "value"
    if kind == "list_type":
        return _("not a list (found {found}; expected a list, e.g. [a, b] or '- item' lines)").format(
            found=shown(found)
        ), "value"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return _("not a mapping (found {found}; expected 'key: value' lines)").format(found=shown(found)), "value"
    if kind in ("too_short", "too_long"):
        actual = ctx.get("actual_length")
        if actual is None and isinstance(found, (dict, list)):
            actual = len(found)
        if loc == ("partners",):
            return _("a partnership has exactly two partners (found {count})").format(count=actual), "value"
        bound = ctx.get("min_length") if kind == "too_short" else ctx.get("max_length")
        if kind == "too_short":
            return _("has {count} entries (expected at least {bound})").format(count=actual, bound=bound), "value"
        return _("has {count} entries (expected at most {bound})").format(count=actual, bound=bound), "value"
    if kind == "value_error":
        return str(ctx.get("error", error["msg"])), "value"
    return _("{problem} (found {found})").format(problem=error["msg"], found=shown(found)), "value"
