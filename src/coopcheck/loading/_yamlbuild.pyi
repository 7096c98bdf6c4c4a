from collections.abc import Callable
from typing import Any

def build(
    text: str,
    sink: Callable[[list[Any], list[tuple[int, int]], int], None] | None,
    sink_root_list: bool,
    streamed_key: str,
    batch: int,
    max_depth: int,
    key_depth: int,
    /,
) -> tuple[Any, dict[int, tuple[int, int]], dict[tuple[str, ...], tuple[int, int]]] | None: ...
