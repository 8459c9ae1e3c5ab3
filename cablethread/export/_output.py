"""Every file the library writes goes through here: whole or not at all, never through a device.

A writer that opened its target for writing would follow it wherever it leads: ``--mbox
/dev/full`` (run as root, a deleting writer replaced the device node with a file), a FIFO that
blocks, a half-written file left behind by an error. Each output is written to a new file
beside its target and moved over it with :func:`os.replace` once complete; a target that exists
and is not a regular file is refused.
"""

from __future__ import annotations

import errno
import os
import secrets
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

__all__ = ["atomic_write", "check_target"]


def check_target(path: str | os.PathLike[str]) -> Path:
    """The file to write for ``path`` (a link followed); raises ``OSError`` for anything else.

    >>> check_target("/dev/null")
    Traceback (most recent call last):
    ...
    FileExistsError: [Errno 17] exists and is not a regular file (a character device): '/dev/null'
    """
    target = Path(os.path.realpath(path))
    try:
        mode = target.stat().st_mode
    except FileNotFoundError:
        return target
    if stat.S_ISREG(mode):
        return target
    kind = "a folder" if stat.S_ISDIR(mode) else _kind(mode)
    raise FileExistsError(errno.EEXIST, f"exists and is not a regular file ({kind})", str(path))


def _kind(mode: int) -> str:
    for test, name in (
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISSOCK, "a socket"),
    ):
        if test(mode):
            return name
    return "a special file"


@contextmanager
def atomic_write(path: str | os.PathLike[str]) -> Iterator[IO[bytes]]:
    """A binary file that replaces ``path`` when the block ends without an error.

    The new file is made beside the target with the permissions a new file gets (the umask),
    or those of the file it replaces; on an error it is removed and the target left as it was.
    """
    target = check_target(path)
    try:
        mode: int | None = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        mode = None
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    while True:
        temporary = target.with_name(f".{target.name}.{secrets.token_hex(6)}.tmp")
        try:
            descriptor = os.open(temporary, flags, 0o666)
            break
        except FileExistsError:
            continue
    try:
        with open(descriptor, "wb") as handle:
            if mode is not None:
                os.chmod(temporary, mode)
            yield handle
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
