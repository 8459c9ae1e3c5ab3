"""Every exception cablethread raises on purpose, in one place.

All are ``ValueError`` subclasses (``PdfSupportMissing`` and ``FtmSupportMissing`` are also
``ImportError``), so ``except ValueError`` catches any input cablethread refuses. Each message
names the file, entry or diagnostic at fault.

>>> import cablethread
>>> try:
...     cablethread.parse_file("no-such-release.txt")
... except cablethread.InputError as error:
...     print(error)
no-such-release.txt: no such file
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cablethread.models import Diagnostic

__all__ = [
    "DataFileError",
    "DirectoryError",
    "FtmSupportMissing",
    "InputError",
    "NoTextLayerError",
    "ParseError",
    "PdfSupportMissing",
    "UsageError",
]


class InputError(ValueError):
    """The input cannot be read as text (binary data, a missing file): names the input."""


class PdfSupportMissing(InputError, ImportError):
    """Reading a PDF needs the ``pdf`` extra, which is not installed."""


class NoTextLayerError(InputError):
    """The PDF holds no text, only images (a scan): it needs OCR before it can be parsed."""


class FtmSupportMissing(InputError, ImportError):
    """Writing FollowTheMoney entities needs the ``ftm`` extra, which is not installed."""


class ParseError(ValueError):
    """Raised in strict mode: carries the diagnostic that stopped the parse."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        where = f" (lines {diagnostic.span})" if diagnostic.span else ""
        src = f"{diagnostic.source}: " if diagnostic.source else ""
        super().__init__(f"{src}{diagnostic.code}: {diagnostic.message}{where}")
        self.diagnostic = diagnostic


class DataFileError(ValueError):
    """A data file of the package (``cablethread/data/``) cannot be used: names the file, the key
    and the problem. It means a damaged installation or an edited data file.

    ``cablethread/data/zones.toml: CST.readings[1].offset: Field required``
    """

    def __init__(self, file: str, key: str | None, problem: str) -> None:
        where = f"{file}: {key}: " if key else f"{file}: "
        super().__init__(where + problem)
        self.file = file
        self.key = key
        self.problem = problem


class DirectoryError(ValueError):
    """A directory file cannot be used: names the file, the entry and the problem.

    ``my-posts.toml: entry 2 (code 'PARIS'): unknown time zone 'Europe/Pari'``
    """

    def __init__(self, file: str, entry: str | None, problem: str) -> None:
        where = f"{file}: {entry}: " if entry else f"{file}: "
        super().__init__(where + problem)
        self.file = file
        self.entry = entry
        self.problem = problem


class UsageError(ValueError):
    """The ``cablethread`` command was asked for what it cannot do (an output that cannot be
    written, a pattern that matches no file): reported in one line, exit code 2."""
