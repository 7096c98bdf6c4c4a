"""The one place that opens input files: regular files only, read within a size limit.

Partnership files, logs and configuration files come from shared repositories, so their names
and kinds are untrusted too. A path with a NUL character or a name part longer than the system
allows, a folder, a named pipe (FIFO), a device such as `/dev/zero` or `/dev/urandom`, or a
socket, also behind a symbolic link, is refused with a `file:1:1` diagnostic before a byte is
read. A pipe is opened without waiting for a writer, and a regular file is read to at most one
byte past the limit, so a file that grows while it is read cannot make the read unbounded.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from coopcheck.i18n import _
from coopcheck.loading.diagnostics import Diagnostic, InputError

MAX_NAME_BYTES = 255  # one part of a path (NAME_MAX on Linux, macOS and Windows file systems)
MAX_PATH_BYTES = 4095  # a whole path (PATH_MAX less the terminating NUL)
_CHUNK = 1 << 20
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)


def name_problem(name: str) -> str | None:
    """Why `name` cannot name a file (a NUL character, or too long), or None when it can."""
    if "\0" in name:
        return _("the file name contains a NUL character")
    try:
        encoded = os.fsencode(name)
    except UnicodeError:
        return _("the file name cannot be encoded for this system")
    if len(encoded) > MAX_PATH_BYTES:
        return _("the file name is too long ({length} bytes; at most {limit})").format(
            length=len(encoded), limit=MAX_PATH_BYTES
        )
    longest = max((len(part) for part in encoded.split(b"/")), default=0)
    if longest > MAX_NAME_BYTES:
        return _("a part of the file name is too long ({length} bytes; at most {limit})").format(
            length=longest, limit=MAX_NAME_BYTES
        )
    return None


def _refuse(shown: str, message: str) -> InputError:
    return InputError([Diagnostic(shown, 1, 1, message)])


def _open_problem(exc: OSError) -> str:
    if exc.errno == errno.ENOENT:
        return _("file not found")
    if exc.errno in (errno.EACCES, errno.EPERM):
        return _("file cannot be read (permission denied)")
    if exc.errno == errno.EISDIR:
        return _("is a directory; expected a file")
    if exc.errno == errno.ELOOP:
        return _("file cannot be read (a symbolic link loop)")
    if exc.errno == errno.ENOTDIR:
        return _("file not found (a part of the path is not a folder)")
    return _("file cannot be read ({reason})").format(reason=exc.strerror or type(exc).__name__)


def _kind_problem(mode: int) -> str | None:
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return _("is a directory; expected a file")
    if stat.S_ISFIFO(mode):
        return _("is a named pipe (FIFO); expected a regular file")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return _("is a device; expected a regular file")
    return _("is not a regular file (a socket or another special file); expected a regular file")


def read_input(path: str | Path, shown: str) -> bytes:
    """The bytes of the regular file at `path` (at most `MAX_FILE_BYTES`); else `InputError` at `shown:1:1`."""
    from coopcheck.loading.yamlsource import MAX_FILE_BYTES, check_size

    problem = name_problem(str(path))
    if problem is not None:
        raise _refuse(shown, problem)
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as exc:
        raise _refuse(shown, _open_problem(exc)) from None
    try:
        info = os.fstat(fd)
        problem = _kind_problem(info.st_mode)
        if problem is not None:
            raise _refuse(shown, problem)
        check_size(info.st_size, shown)
        data = _read_bounded(fd, MAX_FILE_BYTES)
        check_size(len(data), shown)  # it grew while it was read
        return data
    except OSError as exc:
        raise _refuse(shown, _open_problem(exc)) from None
    finally:
        os.close(fd)


def _read_bounded(fd: int, limit: int) -> bytes:
    chunks: list[bytes] = []
    remaining = limit + 1
    while remaining > 0:
        chunk = os.read(fd, min(_CHUNK, remaining))
        if not chunk:
            break
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)
