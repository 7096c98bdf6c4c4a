"""Run coopcheck as a person would at a terminal: a pseudo-terminal for input and output."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path


def on_a_terminal(args: list[str], answers: list[str], cwd: Path) -> str:
    """Run coopcheck with a pseudo-terminal as its input and output; answer each prompt in turn."""
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "coopcheck", *args], stdin=follower, stdout=follower, stderr=follower, cwd=cwd
    )
    os.close(follower)
    seen = b""
    pending = list(answers)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        ready, _, _ = select.select([leader], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(leader, 4096)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
            if pending and (seen.rstrip().endswith(b":") or seen.rstrip().endswith(b"]:")):
                os.write(leader, (pending.pop(0) + "\n").encode())
        elif process.poll() is not None:
            break
    process.wait(timeout=10)
    os.close(leader)
    return seen.decode("utf-8", "replace")
