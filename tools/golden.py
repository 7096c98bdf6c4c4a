#!/usr/bin/env python3
"""Write the golden reports under tests/golden/ after an intended change; then read the diff.

    python tools/golden.py            # rewrite every golden file (and remove stale ones)
    python tools/golden.py NAME...    # only these files (e.g. one-way-street.json)

The tests never write golden files: they compare, so a changed verdict or figure fails until a
person has regenerated the files here and reviewed the diff (`git diff tests/golden`).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests")]

from golden_cases import GOLDEN, cases  # noqa: E402


def main(argv: list[str]) -> int:
    wanted = cases()
    names = argv or sorted(wanted)
    unknown = [name for name in names if name not in wanted]
    if unknown:
        print(f"unknown golden file(s): {', '.join(unknown)}", file=sys.stderr)
        return 2
    for name in names:
        (GOLDEN / name).write_text(wanted[name](), encoding="utf-8", newline="\n")
    if not argv:
        for stale in sorted(p for p in GOLDEN.iterdir() if p.is_file() and p.name not in wanted):
            stale.unlink()
            print(f"removed {stale.name}")
    print(f"wrote {len(names)} golden file(s); review them with: git diff {GOLDEN.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
