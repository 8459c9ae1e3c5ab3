"""What a reader sees of a parsed release, as plain tuples the corpus tests compare against."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import cablethread

DATA = Path(__file__).parent / "data"

#: One printed header block: first line (the separator, if any), sender as printed, wall clock
#: (``YYYY-MM-DD HH:MM:SS``) and subject; None where the print has none or it could not be read.
Block = tuple[int, str | None, str | None, str | None]

#: A US withholding code standing as a word: ``B6``, ``B7(C)``, ``(b)(6)``, ``1.4(D)``.
US_CODE_WORD = re.compile(
    r"(?<![\w(])(?:B[1-9](?:\([A-Fa-f]\))?|\(b\)\([1-9]\)|1[.,]4\([A-Ha-h]\))(?![\w(])"
)


def parse_data_file(relative: str) -> cablethread.Release:
    """Parse a file under ``tests/data``, as a user would with :func:`cablethread.parse_file`."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        return cablethread.parse_file(DATA / relative)


def printed_blocks(release: cablethread.Release) -> list[Block]:
    """Every printed block of a release in print order, merged messages counted at each printing."""
    printings = sorted(
        ((o.span.start, m) for m in release.messages for o in m.occurrences), key=lambda p: p[0]
    )
    return [
        (
            start,
            message.sender.raw if message.sender else None,
            message.sent_local.isoformat(sep=" ") if message.sent_local else None,
            message.subject.text if message.subject else None,
        )
        for start, message in printings
    ]


def parties(release: cablethread.Release) -> list[cablethread.Party]:
    """Every sender and recipient of every message."""
    return [
        party
        for message in release.messages
        for party in [message.sender, *message.to, *message.cc, *message.bcc]
        if party is not None
    ]


def header_span_of(release: cablethread.Release, line: int) -> cablethread.Span | None:
    """The header block that covers ``line``, if any."""
    for message in release.messages:
        for occurrence in message.occurrences:
            if line in occurrence.span:
                return occurrence.span
    return None


def line_of(path: Path, text: str, start: int = 1) -> int:
    """The number of the first line at or after ``start`` that contains ``text``."""
    lines = path.read_text(encoding="utf-8").split("\n")
    for number, line in enumerate(lines[start - 1 :], start=start):
        if text in line:
            return number
    raise AssertionError(f"{text!r} not in {path.name}")
