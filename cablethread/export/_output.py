"""Every file the library writes goes through here: whole or not at all, never through a device.

A writer that opened its target for writing would follow it wherever it leads: ``--mbox
/dev/full`` (run as root, a deleting writer replaced the device node with a file), a FIFO that
blocks, a half-written file left behind by an error. Each output is written to a new file
beside its target and moved over it with :func:`os.replace` once complete; a target that exists
and is not a regular file is refused.

The many files of one folder (:func:`write_folder`) are written into a new folder of their own
and moved in once all are written: a new folder is renamed into its place whole, and into a
folder that is there each file is moved over its name.
"""

from __future__ import annotations

import errno
import io
import os
import secrets
import stat
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO, cast

__all__ = ["atomic_write", "check_target", "make_folder", "write_folder", "write_open"]


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
        except OSError as exc:
            # Named as the caller named the target, not by the temporary name beside it.
            missing = isinstance(exc, FileNotFoundError)
            problem = "no such folder to write it in" if missing else exc.strerror
            raise type(exc)(exc.errno, problem, str(path)) from None
    try:
        with open(descriptor, "wb") as handle:
            if mode is not None:
                os.chmod(temporary, mode)
            yield handle
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def make_folder(directory: str | os.PathLike[str]) -> Path:
    """The folder ``directory``, made with its parents if missing; a name taken by anything but
    a folder (a link to one is followed) raises ``FileExistsError`` saying so."""
    folder = Path(directory)
    if os.path.lexists(folder) and not folder.is_dir():
        raise FileExistsError(errno.EEXIST, "exists and is not a folder", str(folder))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


_NEW = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)


def write_folder(
    directory: str | os.PathLike[str], files: Iterable[tuple[str, bytes]]
) -> list[Path]:
    """Write each ``(name, data)`` of ``files`` as ``directory/name``; returns the paths, in order.

    The files are written into a new folder made beside ``directory`` (or, when ``directory``
    is there, inside it), and moved in once every one is written: a new ``directory`` is that
    folder renamed, so it appears whole; in one that is there, each file is moved over its name
    with :func:`os.replace`, keeping the permissions of the file it replaces, after every name
    has been checked. A name taken by anything but a regular file (a link is followed) raises
    ``FileExistsError`` before any file is moved; on any error nothing written is left behind.
    A name given twice is written with its last data, as two writes of it would leave it.
    """
    folder = Path(directory)
    if os.path.lexists(folder):
        return _into_folder(make_folder(folder), files)
    parent = folder.parent
    if not os.path.lexists(parent):
        parent.mkdir(parents=True, exist_ok=True)
    elif not os.path.isdir(parent):
        # Named as the caller named it, not as the folder the files would be made in.
        raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(folder))
    place = Path(os.path.realpath(parent)) / folder.name
    staged = _Staged(place.parent, place.name)
    try:
        names = staged.write(files)
        if os.path.lexists(place):
            # Made meanwhile: moved into file by file, as into any folder that is there.
            staged.move_into(place, names, folder)
        else:
            os.rename(staged.path, place)
    except BaseException:
        staged.remove()
        raise
    return [folder / name for name in names]


def _into_folder(folder: Path, files: Iterable[tuple[str, bytes]]) -> list[Path]:
    real = Path(os.path.realpath(folder))
    staged = _Staged(real, real.name)
    try:
        names = staged.write(files)
        staged.move_into(real, names, folder)
    except BaseException:
        staged.remove()
        raise
    return [folder / name for name in names]


class _Staged:
    """A new folder that the files of one write are made in, and what it holds."""

    def __init__(self, parent: Path, name: str) -> None:
        while True:
            path = parent / f".{name}.{secrets.token_hex(6)}.tmp"
            try:
                os.mkdir(path, 0o777)  # the permissions a new folder gets (the umask), as mkdir
                break
            except FileExistsError:
                continue
        self.path = path
        self.where = str(path)
        self.made: set[str] = set()
        #: The permissions of a new file here, read from the first file made.
        self.mode: int | None = None

    def write(self, files: Iterable[tuple[str, bytes]]) -> list[str]:
        names: list[str] = []
        for name, data in files:
            if os.sep in name or (os.altsep and os.altsep in name) or name in ("", ".", ".."):
                raise ValueError(f"not a file name: {name!r}")
            if name in self.made:
                self._unlink(name)
            self._write(name, data)
            self.made.add(name)
            names.append(name)
        return names

    def _write(self, name: str, data: bytes) -> None:
        # os.open, os.write and os.close: three system calls a file, no file object.
        descriptor = os.open(os.path.join(self.where, name), _NEW, 0o666)
        try:
            if self.mode is None:
                self.mode = stat.S_IMODE(os.fstat(descriptor).st_mode)
            view = memoryview(data)
            while view:
                view = view[os.write(descriptor, view) :]
        finally:
            os.close(descriptor)

    def move_into(self, folder: Path, names: list[str], shown: Path) -> None:
        """Each file moved over its name in ``folder`` (``shown`` as the caller named it):
        every name checked first, then moved."""
        into = str(folder)
        found = {name: _found(into, name, shown / name) for name in dict.fromkeys(names)}
        for name, mode in found.items():
            made = os.path.join(self.where, name)
            if mode == _LINK:
                # A link is written through, as atomic_write writes it.
                with atomic_write(folder / name) as handle:
                    handle.write(Path(made).read_bytes())
                self._unlink(name)
                continue
            if mode is not None and mode != self.mode:
                os.chmod(made, mode)
            os.replace(made, os.path.join(into, name))
            self.made.discard(name)
        self.remove()

    def _unlink(self, name: str) -> None:
        os.unlink(os.path.join(self.where, name))
        self.made.discard(name)

    def remove(self) -> None:
        """The folder and what is left in it, removed."""
        try:
            for name in list(self.made):
                self._unlink(name)
        finally:
            with suppress(FileNotFoundError):
                os.rmdir(self.path)


#: What :func:`_found` gives for a name that is a symbolic link (to a regular file or nothing).
_LINK = -1


def _found(folder: str, name: str, shown: Path) -> int | None:
    """The permissions of the regular file at ``folder/name``, ``None`` if nothing is there, or
    :data:`_LINK`; raises ``FileExistsError`` for anything else, as :func:`check_target` does
    (naming ``shown``)."""
    try:
        mode = os.lstat(os.path.join(folder, name)).st_mode
    except FileNotFoundError:
        return None
    if stat.S_ISREG(mode):
        return stat.S_IMODE(mode)
    if stat.S_ISLNK(mode):
        check_target(shown)
        return _LINK
    check_target(shown)  # raises, naming what is there
    raise FileExistsError(errno.EEXIST, "exists and is not a regular file", str(shown))


def write_open(handle: IO[bytes] | IO[str], text: str) -> None:
    """``text`` written to a file the caller opened: as UTF-8 to a binary one, as it is to a text
    one (``sys.stdout``, ``io.StringIO``), whose own encoding then applies."""
    if isinstance(handle, io.TextIOBase):
        handle.write(text)
    else:
        cast("IO[bytes]", handle).write(text.encode("utf-8"))
