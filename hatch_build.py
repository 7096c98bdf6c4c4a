"""Builds the C reader of YAML (src/coopcheck/loading/_yamlbuild.c) into the wheel.

The reader is optional: where libyaml's headers or a C compiler are missing, the build says so and
the package stays pure Python, reading YAML through PyYAML's events at a third of the speed
(benchmarks/bench_validate.py). An editable install puts the built module beside its source.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

MODULE = "coopcheck.loading._yamlbuild"
SOURCE = Path("src/coopcheck/loading/_yamlbuild.c")


class ReaderBuildHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel":
            return
        root = Path(self.root)
        with tempfile.TemporaryDirectory() as tmp:
            try:
                built = compile_reader(root, Path(tmp))
            except Exception as exc:  # a missing compiler or header: the pure-Python reader stays
                print(f"coopcheck: C reader not built ({exc}); YAML is read in Python", file=sys.stderr)
                return
            target = "src/" + MODULE.replace(".", "/") + built.name[len("_yamlbuild") :]
            if version == "editable":
                # a new file renamed over the old one: a running process keeps the library it loaded
                placed = root / target
                shutil.copyfile(built, placed.with_suffix(".new"))
                os.replace(placed.with_suffix(".new"), placed)
            else:
                kept = root / "build" / built.name
                kept.parent.mkdir(exist_ok=True)
                shutil.copyfile(built, kept)
                build_data["force_include"][str(kept)] = target.removeprefix("src/")
        build_data["pure_python"] = False
        build_data["infer_tag"] = True


def compile_reader(root: Path, work: Path) -> Path:
    """Compiles the reader with setuptools' build_ext (the platform's compiler and flags)."""
    from setuptools import Distribution, Extension
    from setuptools.command.build_ext import build_ext

    extension = Extension(MODULE, [str(root / SOURCE)], libraries=["yaml"])
    command = build_ext(Distribution({"name": "coopcheck", "ext_modules": [extension]}))
    command.build_lib, command.build_temp = str(work / "lib"), str(work / "temp")
    command.ensure_finalized()
    command.run()
    return Path(command.get_ext_fullpath(MODULE))
