"""Functions stay short enough to read in one sitting: at most 60 lines and radon complexity 20.

A function may stay longer or more branched only as a measured hot loop: the line before its `def`
(or its first docstring line) names the benchmark that keeps it, as in
`# hot loop: benchmarks/bench_validate.py`, and that benchmark exists.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from radon.complexity import cc_visit
from radon.visitors import Function

from support import ROOT

SOURCE = ROOT / "src"
MAX_LINES = 60
MAX_COMPLEXITY = 20
BENCHMARK = re.compile(r"benchmarks/[\w.-]+\.py")


def _radon_functions(blocks: list[Any]) -> Iterator[Function]:
    for block in blocks:
        if isinstance(block, Function):
            yield block
            yield from _radon_functions(block.closures)
        else:
            yield from _radon_functions(block.methods)


def _kept_by_benchmark(node: ast.FunctionDef | ast.AsyncFunctionDef, lines: list[str]) -> bool:
    """The line above the `def` (above its decorators) or the first docstring line names a benchmark."""
    first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
    marked = [lines[first - 2] if first >= 2 else ""]
    docstring = ast.get_docstring(node, clean=False)
    if docstring:
        marked.append(docstring.strip().splitlines()[0])
    return any((ROOT / found).is_file() for text in marked for found in BENCHMARK.findall(text))


def offenders(root: Path) -> list[str]:
    """Every function under `root` over the limits and not marked as a measured hot loop."""
    found = []
    for path in sorted(root.rglob("*.py")):
        code = path.read_text(encoding="utf-8")
        lines = code.splitlines()
        complexity = {f.lineno: f.complexity for f in _radon_functions(cc_visit(code))}
        for node in ast.walk(ast.parse(code)):
            if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            length = (node.end_lineno or node.lineno) - node.lineno + 1
            branching = complexity.get(node.lineno, 0)
            if (length > MAX_LINES or branching > MAX_COMPLEXITY) and not _kept_by_benchmark(node, lines):
                where = path.relative_to(root.parent)
                found.append(f"{where}:{node.lineno} {node.name}: {length} lines, complexity {branching}")
    return found


def test_no_function_in_src_is_too_long_or_too_branched() -> None:
    found = offenders(SOURCE)
    assert not found, (
        f"functions over {MAX_LINES} lines or radon complexity {MAX_COMPLEXITY}; split them, or name the "
        "benchmark that keeps a measured hot loop on the line before its def:\n" + "\n".join(found)
    )


LONG = "def long():\n" + "".join(f"    x{i} = {i}\n" for i in range(MAX_LINES)) + "    return x0\n"
BRANCHED = (
    "def branched(x):\n"
    + "".join(f"    if x == {i}:\n        return {i}\n" for i in range(MAX_COMPLEXITY))
    + "    return None\n"
)


@pytest.mark.parametrize("code", [LONG, BRANCHED], ids=["long", "branched"])
def test_a_long_or_branched_function_is_named(tmp_path: Path, code: str) -> None:
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "module.py").write_text(code, encoding="utf-8")
    found = offenders(tmp_path / "pkg")
    assert len(found) == 1 and found[0].startswith("pkg/module.py:1 ")


@pytest.mark.parametrize("marker", ["# hot loop: benchmarks/bench_validate.py\n", ""])
def test_a_named_benchmark_keeps_a_hot_loop(tmp_path: Path, marker: str) -> None:
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "module.py").write_text(marker + BRANCHED, encoding="utf-8")
    assert (offenders(tmp_path / "pkg") == []) == bool(marker)


def test_a_benchmark_that_does_not_exist_keeps_nothing(tmp_path: Path) -> None:
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "module.py").write_text("# hot loop: benchmarks/bench_gone.py\n" + LONG, encoding="utf-8")
    assert len(offenders(tmp_path / "pkg")) == 1
