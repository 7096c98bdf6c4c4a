"""Did you mean: the one helper every message uses to name what a misspelt word most likely meant."""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence


def _same_number(word: str) -> str:
    """`kn-009` and `kn-9` alike: lower case, numbers without leading zeros."""
    return re.sub(r"\d+", lambda digits: digits.group().lstrip("0") or "0", word.casefold())


def closest(word: str, choices: Sequence[str]) -> str | None:
    """The choice `word` most likely meant: the same word in other case, the same name with the
    same number (`kn-9` -> `kn-009`, not `kn-079`), else the most similar spelling."""
    word = str(word)
    folded = _same_number(word)
    for choice in choices:
        if _same_number(choice) == folded:
            return choice
    matches = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    if not matches:
        lowered = {choice.casefold(): choice for choice in choices}
        matches = [lowered[m] for m in difflib.get_close_matches(word.casefold(), list(lowered), n=1, cutoff=0.6)]
    return matches[0] if matches else None
