"""Files in: only regular files, of at most a size, decoded by their byte-order mark or as UTF-8.

A file that is not UTF-8 is read as cp1252 (Windows' Western European, which older releases are
in); a damaged tail is replaced and reported without damaging the rest; a PDF gives the text of
its text layer (:mod:`cablethread.reading.pdf`). What had to be decided comes back as notes.

>>> from cablethread.reading.files import read_text
>>> text, name, notes = read_text("examples/mfat_xinjiang_oia.txt")
>>> name, len(text.splitlines()), notes
('examples/mfat_xinjiang_oia.txt', 1358, ())
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, TypeVar

from cablethread.codes import Code
from cablethread.diagnostics import Note
from cablethread.errors import InputError
from cablethread.policy import DEFAULT_MAX_BYTES

__all__ = ["Decoded", "file_key", "read_regular", "read_text"]


#: Byte-order marks and the codecs they name, longest first (UTF-32 LE begins as UTF-16 LE).
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
)
#: Files a release's text comes in that are not text, by their first bytes, with what to do.
_IMAGE = "an image (a scan?); run OCR on it first, e.g. `ocrmypdf --image-dpi 300 in out.pdf`"
_CONTAINERS = (
    (b"\x1f\x8b", "a gzip file; decompress it first (gunzip)"),
    (b"PK\x03\x04", "a ZIP archive (a .zip, or a Word .docx); extract its text first"),
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        "an OLE2 file (an Outlook .msg or a Word .doc); save or print its text first",
    ),
    (b"\x89PNG", _IMAGE),
    (b"\xff\xd8\xff", _IMAGE),
    (b"II*\x00", _IMAGE),
    (b"MM\x00*", _IMAGE),
)
#: The most bytes a cut UTF-8 character leaves at the end of a file.
_UTF8_TAIL = 3


@dataclass(frozen=True)
class Decoded:
    """A file's text and what reading it had to decide."""

    text: str
    notes: tuple[Note, ...] = ()


def _damaged(data: bytes, codec: str, name: str, error: UnicodeDecodeError) -> Decoded:
    """``data`` in ``codec``, what cannot be decoded replaced by U+FFFD and reported."""
    text = data.decode(codec, errors="replace")
    where = "its last bytes" if error.start >= len(data) - 4 else f"byte {error.start:,}"
    message = (
        f"{name}: damaged {codec} from {where} ({error.reason}); what could not be decoded "
        "was replaced with U+FFFD, the rest read as it is"
    )
    return Decoded(text, (Note(Code.INPUT_DECODE_DAMAGED, message),))


def _decode(data: bytes, name: str) -> Decoded:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(codec))
            except UnicodeDecodeError as exc:
                return _damaged(data, codec, name, exc)
    if b"\x00" in data[:1_000_000]:
        kind = next((what for magic, what in _CONTAINERS if data.startswith(magic)), None)
        if kind is not None:
            raise InputError(f"{name}: not a text file but {kind}")
        raise InputError(f"{name}: not a text file (it holds NUL bytes); extract its text first")
    try:
        return Decoded(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        if exc.start >= len(data) - _UTF8_TAIL and exc.reason == "unexpected end of data":
            # A file cut inside its last character: UTF-8 but for that character.
            return _damaged(data, "utf-8", name, exc)
    # cp1252 leaves five bytes undefined; those map through Latin-1 so nothing is lost.
    text = data.decode("cp1252") if _cp1252_ok(data) else data.decode("latin-1")
    return Decoded(
        text, (Note(Code.INPUT_DECODED_CP1252, f"{name} is not UTF-8; decoded as cp1252"),)
    )


def _cp1252_ok(data: bytes) -> bool:
    return not any(b in data for b in (b"\x81", b"\x8d", b"\x8f", b"\x90", b"\x9d"))


#: What a file of each kind that is not a regular file is called in a refusal.
_FILE_KINDS = (
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def _too_large(name: str, size: str, max_bytes: int) -> InputError:
    return InputError(
        f"{name}: {size} more than the limit of {max_bytes:,} bytes; raise it with "
        "Policy(max_bytes=...) or --max-size"
    )


def file_key(path: str | os.PathLike[str]) -> tuple[int, int] | str | None:
    """What a path names, the same by every path to it (a link, ``./``): its device and number,
    or where none is given, its real path; None for a path that names nothing readable."""
    try:
        status = os.stat(path)
    except (OSError, ValueError):  # ValueError: a NUL byte in the name
        return None
    if status.st_ino:
        return (status.st_dev, status.st_ino)
    return os.path.realpath(path)


def read_regular(path: Path, name: str, max_bytes: int) -> bytes:
    """The bytes of a regular file of at most ``max_bytes``; anything else raises InputError.

    The file is opened without blocking and looked at before it is read: a FIFO would wait for a
    writer for ever, and a device (``/dev/zero``) never ends.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(path, flags)
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{name}: is a directory, not a file") from None
    except OSError as exc:
        if exc.errno == errno.ENAMETOOLONG:
            raise InputError(
                f"{name[:60]!r}…: no such file: a name of {len(name):,} characters is too long "
                "for a file's (a text given where a path goes?)"
            ) from None
        raise InputError(f"{name}: cannot be read ({exc.strerror})") from None
    except ValueError:  # a NUL byte, which no file name holds
        raise InputError(f"{name!r}: no such file (a file name holds no NUL byte)") from None
    # Looked at before it is wrapped in a file object, which refuses a folder with an error of
    # its own (on Linux a folder opens for reading).
    try:
        status = os.fstat(descriptor)
    except OSError as exc:
        os.close(descriptor)
        raise InputError(f"{name}: cannot be read ({exc.strerror})") from None
    mode = status.st_mode
    if not stat.S_ISREG(mode):
        os.close(descriptor)
        if stat.S_ISDIR(mode):
            raise InputError(f"{name}: is a directory, not a file")
        kind = next((what for test, what in _FILE_KINDS if test(mode)), "a special file")
        raise InputError(f"{name}: not a regular file ({kind}); save the text to a file first")
    with open(descriptor, "rb") as handle:
        size = status.st_size
        if size > max_bytes:
            raise _too_large(name, f"{size:,} bytes,", max_bytes)
        try:
            data = _read_at_most(handle.read, name, max_bytes, size)
        except OSError as exc:
            raise InputError(f"{name}: cannot be read ({exc.strerror})") from None
    if len(data) > max_bytes:  # the file grew while it was read
        raise _too_large(name, "it holds", max_bytes)
    return data


#: What a stream of unknown size is read in, in characters or bytes, and what is asked for after
#: a file's first read to see that it has ended.
_CHUNK = 1 << 20

_Chunk = TypeVar("_Chunk", str, bytes)


def _read_at_most(
    read: Callable[[int], _Chunk | None], name: str, limit: int, expected: int = _CHUNK
) -> _Chunk:
    """What ``read`` gives up to its end, or ``limit + 1`` units if it holds more (so that the
    caller can tell).

    A file of ``expected`` bytes is read whole in its first call; a stream, in chunks. Nothing
    much beyond what is there to read is asked for: a binary file's ``read(n)`` makes a buffer of
    ``n`` bytes before it reads, and asking for the whole limit (256 MB by default) for a file of a
    few bytes fails outright where a process's address space is limited (``ulimit -v``, some
    containers and batch systems).
    """
    parts = [_checked(read(min(limit, expected) + 1), name)]
    total = len(parts[0])
    while total <= limit:
        part = _checked(read(min(_CHUNK, limit + 1 - total)), name)
        if not part:
            break
        parts.append(part)
        total += len(part)
    return parts[0] if len(parts) == 1 else parts[0][:0].join(parts)


def _checked(part: _Chunk | None, name: str) -> _Chunk:
    if part is None:  # a non-blocking stream with nothing to give yet
        raise InputError(f"{name}: the stream has no data ready (it is non-blocking)")
    return part


def read_text(
    path_or_file: str | os.PathLike[str] | IO[str] | IO[bytes],
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> tuple[str, str, tuple[Note, ...]]:
    """Read a file as text: (text, name, notes). Raises :class:`InputError`.

    The notes (:class:`~cablethread.diagnostics.Note`) are what decoding decided: a file that is not UTF-8
    read as cp1252, damaged bytes replaced. A byte-order mark names the encoding (UTF-8, UTF-16,
    UTF-32) and is not part of the text.

    Only a regular file is read (not a FIFO or a device), of at most ``max_bytes`` (an open file:
    of at most that many bytes or characters).
    A PDF gives the text of its text layer (the ``pdf`` extra): :func:`cablethread.reading.pdf.pdf_text`.
    """
    if isinstance(path_or_file, str | os.PathLike):
        path = Path(path_or_file)
        name = str(path)
        data = read_regular(path, name, max_bytes)
    else:
        name = str(getattr(path_or_file, "name", "<stream>"))
        stream: IO[Any] = path_or_file  # bytes, or str from a text stream
        content = _read_at_most(stream.read, name, max_bytes)
        if len(content) > max_bytes:
            raise _too_large(name, "it holds", max_bytes)
        if isinstance(content, str):
            return content, name, ()
        data = content
    if b"%PDF-" in data[:1024]:
        # A PDF is read through its text layer; its pages come back joined by form feeds.
        from cablethread.reading.pdf import is_pdf, pdf_text

        if is_pdf(data):
            return pdf_text(data, name, max_characters=max_bytes), name, ()
    decoded = _decode(data, name)
    return decoded.text, name, decoded.notes
