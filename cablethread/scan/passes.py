"""The lines the scan reads, found by whole-text passes.

A few compiled expressions run with ``finditer`` over the whole text, each opening with a literal
or a small class of characters (a line end, a colon, a dash), so that the regular expression
engine looks for them at its own speed and Python sees only the lines found: lines holding a
colon (every label, in every language, holds one), lines that open as page furniture, as a
release's schedule or as a stamp, separator lines, lines holding ``From`` or ``--``, lines that
open with a quote mark or hold a quoted-printable blank. A line of plain body text is never read
on its own in Python.

What the passes find is kept as one byte a line, bits of what the line may be (:data:`MAY_LABEL`
…) and of what it holds (:data:`HOLDS_COLON` …), not as objects; the lines found are read back
by a pass over those bytes (:func:`lines_with`).

Each pass finds every line a test of the scan lets through, and maybe more: the scan still reads
each line found as it did (its view, its class), so a line found in excess costs a little time
and changes nothing. Lines whose view differs from the text (a quote prefix, a form feed, a
quoted-printable blank, a run-in separator; see :func:`cablethread.scan.lines.views`) are marked
as anything (:meth:`Passes.anything`), and so is the first line.

An expression opening with ``^`` under ``re.MULTILINE`` would be tried at every character; these
open with the line end (``\\n``) instead.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from cablethread.lexicon import patterns as p
from cablethread.lexicon.redactions import STAMP_LINE_START
from cablethread.reading.source import SourceText

__all__ = [
    "HOLDS_ANY",
    "HOLDS_COLON",
    "HOLDS_DASHES",
    "HOLDS_FROM",
    "HOLDS_SEPARATOR",
    "MAY_ANY",
    "MAY_FURNITURE",
    "MAY_LABEL",
    "MAY_SCHEDULE",
    "MAY_STAMP",
    "Passes",
    "lines_with",
]

#: What a line found may be (:func:`cablethread.scan.lines._classify` tests only these): a
#: schedule's heading, page furniture, a stamp, a label. A line no pass found is none of them.
MAY_SCHEDULE, MAY_FURNITURE, MAY_STAMP, MAY_LABEL = 1, 2, 4, 8
MAY_ANY = MAY_SCHEDULE | MAY_FURNITURE | MAY_STAMP | MAY_LABEL

#: What a line found holds, for the layouts (``Layout.found``): a colon (every label has one),
#: ``From``, two hyphens, the opening of a separator line.
HOLDS_COLON, HOLDS_FROM, HOLDS_DASHES, HOLDS_SEPARATOR = 1, 2, 4, 8
HOLDS_ANY = HOLDS_COLON | HOLDS_FROM | HOLDS_DASHES | HOLDS_SEPARATOR

#: A colon, ASCII or full-width, and the rest of its line (so that a line is found once).
_COLON = re.compile(r"[:：][^\n]*")
#: ``From`` (as :func:`cablethread.scan.labelled._opens_loose_block` reads it, in capitals first).
_FROM = re.compile(r"From[^\n]*")
#: Two hyphens: a Lotus Notes forward line, a Zoho attribution's end (``wrote ----``).
_DASHES = re.compile(r"--[^\n]*")
#: A quote mark opening a line (after blanks): ``> > From:``.
_QUOTED = re.compile(r"\n[ \t]*>")
#: A form feed: a page break; its line is read with the feed blanked.
_FEED = re.compile(r"\x0c[^\n]*")
#: A byte that is not zero: a line some pass found.
_FOUND = re.compile(rb"[^\x00]")


def _numbers(text: str, offsets: Iterable[int], total: int) -> Iterator[int]:
    """The numbers (1-based) of the lines of ``text`` (split on ``\\n``) that the ascending
    ``offsets`` stand on, each once, up to line ``total``."""
    number, counted, last = 1, 0, 0
    for at in offsets:
        number += text.count("\n", counted, at)
        counted = at
        if number > total:
            return
        if number != last:
            last = number
            yield number


def _starts(matches: Iterator[re.Match[str]]) -> Iterator[int]:
    """Where the line begins that each match of an expression opening with ``\\n`` found."""
    return (match.start() + 1 for match in matches)


def _anywhere(matches: Iterator[re.Match[str]]) -> Iterator[int]:
    return (match.start() for match in matches)


def lines_with(marks: bytearray, start: int = 0) -> Iterator[int]:
    """The numbers of the lines whose byte in ``marks`` is not zero, from line ``start + 1``."""
    return (found.start() + 1 for found in _FOUND.finditer(marks, start))


def next_line_with(marks: bytearray, start: int) -> int:
    """The number of the first line after line ``start`` whose byte is not zero; 0 if none."""
    found = _FOUND.search(marks, start)
    return found.start() + 1 if found is not None else 0


@dataclass(frozen=True, slots=True)
class Passes:
    """What the passes found in one text: a byte a line of what it may be (``may``) and of what
    it holds (``holds``), indexed by line number - 1; and the lines, by number, ascending, that
    open with a quote mark (``quoted``), hold a quoted-printable blank (``blanked``) or a form
    feed (``feeds``)."""

    may: bytearray
    holds: bytearray
    quoted: array[int]
    blanked: array[int]
    feeds: array[int]

    @classmethod
    def over(cls, source: SourceText, codes: tuple[str, ...] | None) -> Passes:
        """Run the passes over ``source`` for the languages ``codes`` (all when None).

        They run over the source's own text, or (when the source deletes characters from its
        lines, or ends them with carriage returns alone) over its lines' contents joined by
        ``\\n``, so that line ``n`` of the text passed over is line ``n`` of the source.
        """
        text = source.text
        if source.newline != "\n" or "\ufeff" in text or "\x00" in text:
            text = "\n".join(source.contents)
        total = len(source)
        may, holds = bytearray(total), bytearray(total)
        for pattern, opens_line, may_bit, holds_bit in (
            (_COLON, False, MAY_LABEL, HOLDS_COLON),
            (_FROM, False, 0, HOLDS_FROM),
            (_DASHES, False, 0, HOLDS_DASHES),
            (p.separator_starts(codes), True, 0, HOLDS_SEPARATOR),
            (p.FURNITURE_LINE_START, True, MAY_FURNITURE, 0),
            (p.SCHEDULE_LINE_START, True, MAY_SCHEDULE, 0),
            (STAMP_LINE_START, True, MAY_STAMP, 0),
        ):
            # One loop a match: the line it stands on, counted on from the match before.
            count = text.count
            index, counted = 0, 0
            for match in pattern.finditer(text):
                at = match.start() + opens_line
                index += count("\n", counted, at)
                counted = at
                if index >= total:
                    break
                may[index] |= may_bit
                holds[index] |= holds_bit

        def found(pattern: re.Pattern[str], opens_line: bool) -> array[int]:
            # Four bytes a line found: a text of form feeds is a page a line.
            matches = pattern.finditer(text)
            offsets = _starts(matches) if opens_line else _anywhere(matches)
            return array("i", _numbers(text, offsets, total))

        passes = cls(
            may=may,
            holds=holds,
            quoted=found(_QUOTED, True) if ">" in text else array("i"),
            blanked=found(p.QP_BLANKS, False) if "=" in text else array("i"),
            feeds=found(_FEED, False) if "\x0c" in text else array("i"),
        )
        passes.anything([1] if total else [])
        passes.anything(passes.feeds)
        return passes

    def anything(self, numbers: Iterable[int]) -> None:
        """Mark the lines ``numbers`` as lines that may be anything and hold anything: lines the
        passes over the text cannot speak for (their view is not their text)."""
        may, holds = self.may, self.holds
        for number in numbers:
            may[number - 1] = MAY_ANY
            holds[number - 1] = HOLDS_ANY
