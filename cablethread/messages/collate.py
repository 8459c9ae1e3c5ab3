"""Collation: every printing of a message compared word by word, and what one withheld that
another released.

A release prints one email many times, in several documents and across releases, and each
printing is redacted on its own. For every message with two or more occurrences the bodies of its
printings are read as words (page furniture and withholding codes left out, each code kept with
the word it stands beside), aligned with :class:`difflib.SequenceMatcher`, and every place where
two printings differ is classified (:class:`~cablethread.models.Difference`):

- ``withheld-here``: one printing prints words where the other prints none, or only specks, and
  carries a withholding code the first does not (``Note the comment in the`` beside ``B5``
  against the words printed out);
- ``code-only``: the same words, with a code in one printing and not in the other;
- ``ocr``: a small edit (``iust`` / ``just``) or specks of one or two characters (``Jm``), no code
  involved;
- ``truncated``: one printing's body ends where the other goes on (a page cut);
- ``other``: anything else, such as words missing from one printing with no code beside them.

The rules lean one way: nothing is called withheld unless the other printing prints the words;
a code repaired from OCR (``i(a)``) or a gap holding more than specks on the withholding side
is never a redaction difference; every difference says what it rests on. Printings too
different to align are reported as ``collation-unaligned``.

>>> import cablethread
>>> release = cablethread.parse_file("examples/mfat_xinjiang_oia.txt")
>>> collation = release.collations[0]
>>> [str(p.span) for p in collation.printings], collation.differences
(['14-22', '405-413'], [])
"""

from __future__ import annotations

import bisect
import csv
import difflib
import importlib
import re
import textwrap
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache, partial
from itertools import zip_longest
from typing import IO, TYPE_CHECKING, Any, TypedDict

from pydantic import TypeAdapter
from pydantic_core import PydanticSerializationError

from cablethread._clean import without_surrogates_deep
from cablethread.codes import Code
from cablethread.datafiles import CollationFile, load_data
from cablethread.diagnostics import Collector
from cablethread.export.tables import cell_text
from cablethread.models import (
    CollatedPrinting,
    Collation,
    Diagnostic,
    Difference,
    DifferenceKind,
    DifferenceSide,
    Message,
    Occurrence,
    Redaction,
    Segment,
    Span,
    replaced,
    span_of,
    trusted,
)

if TYPE_CHECKING:
    from cablethread.models import Release

from cablethread.lexicon.redactions import (
    find_redactions,
    is_code_line,
    is_stamp_filler,
    may_be_stamp,
    split_margin_codes,
    stamp_kind,
)
from cablethread.reading.source import line_ends

__all__ = [
    "BLANK_WIDTH",
    "DIFFERENCE_COLUMNS",
    "FOLLOWING_LINES",
    "MIN_ALIGNED",
    "NEAR_CODE_WORDS",
    "OCR_EDIT",
    "OCR_LONGEST",
    "PAGE_NUMBER_DIGITS",
    "REDACTION_SUMMARY_COLUMNS",
    "RUN_ON_GAP",
    "SPECK_LENGTH",
    "TAIL_WORDS",
    "Collated",
    "DifferenceRecord",
    "RedactionSummaryRecord",
    "collate",
    "collate_document",
    "collation_text",
    "collations_json",
    "difference_records",
    "redaction_summary",
    "redaction_summary_records",
    "write_differences_csv",
]

#: Share of the shorter printing's words that must fall in matching runs for two printings to
#: be aligned at all: below it they are reported as ``collation-unaligned``, not compared.
MIN_ALIGNED = 0.5
#: A word of at most this many letters and digits is a speck when it stands alone in a
#: difference (``Jm``, ``im``, ``l``): OCR debris, never text withheld or released.
SPECK_LENGTH = 2
#: How far apart, in words after alignment, the same code may stand in two printings and still
#: be one code printed in both: margins wrap differently from one printing to another.
NEAR_CODE_WORDS = 12
#: A replaced run is OCR noise when its letters differ by at most this share of the longer
#: run's length, or by two edits (``iust sent to rai`` / ``just sent to raj`` is 2 of 16;
#: ``Feltman`` / ``Peitman`` 2 of 7; ``Manqoosh`` / ``Marv:posh`` 3 of 8; ``Qaddafi`` /
#: ``Qadde`` 3 of 7 and ``24th`` / ``2e`` 3 of 4 are not noise).
OCR_EDIT = 0.4
#: Runs longer than this many letters are not compared letter by letter: OCR noise changes a
#: word or a few, and a long run that differs is not noise.
OCR_LONGEST = 60
#: A run of blank columns at least this wide inside a line, where another printing prints words,
#: is a passage blanked in place (State's OCR layer prints a redaction box as spaces):
#: ``Let me know if               would be interested`` against ``if Mr. Nathanson would``.
BLANK_WIDTH = 6
#: The widest gap, in columns, between words that run on as a sentence in ``pdftotext
#: -layout`` text (justified lines spread words by two or three).
RUN_ON_GAP = 3
#: A printing that goes on where the other has ended is a cut only when it goes on for this many
#: words of more than a speck: a page number or a stray mark after the end (``343``) is not.
TAIL_WORDS = 3
#: A line holding a number of at most this many digits and nothing else is a page number.
PAGE_NUMBER_DIGITS = 4
#: How many lines after a body are searched for the words another printing goes on with
#: before a printing is called cut short.
FOLLOWING_LINES = 20
#: More printings than this of one message are compared only the first this many: a message
#: printed in a hundred documents would make thousands of pairs.
MAX_PRINTINGS = 12

_NOT_WORD = re.compile(r"[\W_]+")
_PRINTED_WORD = re.compile(r"\S+")
_LETTER = re.compile(r"[^\W\d_]")


@dataclass(slots=True)
class _Reading:
    """One printing's body as words: each word as printed, normalised, and on which line."""

    printed: list[str] = field(default_factory=list)
    words: list[str] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)
    #: Where each word begins and ends in its line (columns from 0).
    columns: list[tuple[int, int]] = field(default_factory=list)
    #: Lines that carry a code: a blank in them may be where the code stood.
    code_lines: set[int] = field(default_factory=set)
    #: The codes printed beside the printing's header block (``To: H     B6``), by code.
    header_codes: dict[str, Redaction] = field(default_factory=dict)
    #: Each code with the words of its line: ``(first word, end word, code)``; a code on a line
    #: of its own has first == end, the place between words where it stands.
    codes: list[tuple[int, int, Redaction]] = field(default_factory=list)
    first_line: int = 1
    #: The words of the lines printed right after the body (:data:`FOLLOWING_LINES`), read
    #: when asked for: where a printing seems to stop early, whether it goes on there.
    following: Callable[[], list[str]] | None = None
    #: The first line after the body.
    after_line: int = 1

    def key(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        return tuple(self.words), tuple(code.code for _, _, code in self.codes)

    def blank_at(self, index: int) -> int:
        """How many columns stand blank between word ``index - 1`` and word ``index`` when both
        are on one line (0 when they are not): the width of a passage blanked inside a line."""
        line = self.lines[index] if 0 < index < len(self.words) else 0
        if line and self.lines[index - 1] == line and line not in self.code_lines:
            return self.columns[index][0] - self.columns[index - 1][1]
        return 0

    def line_before(self, index: int) -> int:
        """The line of the word before ``index`` (the body's first line when none)."""
        return self.lines[index - 1] if index > 0 else self.first_line


class _Lines:
    """The body lines of each source, cut from the release's segments when asked for.

    A segment cut from its input's text (as the parser makes them) is read a line at a time
    from that text, by where each of its lines begins (four bytes a line, kept for the segments
    read, never the lines themselves); a segment holding its own text is split into lines once.
    """

    def __init__(self, segments: list[Segment]) -> None:
        self._by_source: dict[str | None, list[Segment]] = {}
        for segment in segments:
            self._by_source.setdefault(segment.source, []).append(segment)
        self._starts: dict[str | None, list[int]] = {}
        self._pieces: dict[int, list[str]] = {}
        #: Where each line of a segment cut from its input begins, by the segment.
        self._line_starts: dict[int, array[int]] = {}
        # Each source is split on its own line end, as the parser split it (SourceText): ``\r``
        # in a text with carriage returns and no ``\n`` at all. Found for a source when read.
        self._newline: dict[str | None, str] = {}

    def _lines_of(self, segment: Segment, newline: str) -> Callable[[int], str]:
        """Line ``number`` of ``segment`` (a line of its source), without its line end."""
        first = segment.span.start
        cut = segment._cut()
        if cut is not None:
            whole, begin, end = cut
            step = len(newline)
            starts = self._line_starts.get(id(segment))
            if starts is None:
                # Where each of the segment's lines begins in the text, and where the last ends
                # (past its line end): four bytes a line, only for the segments read.
                starts = line_ends(whole, newline, begin, end)
                starts.insert(0, begin)
                if starts[-1] != end:
                    starts.append(end + step)  # a last line without its line end
                self._line_starts[id(segment)] = starts
            return lambda number: whole[starts[number - first] : starts[number - first + 1] - step]
        pieces = self._pieces.get(id(segment))
        if pieces is None:
            # A segment is cut into lines once: one message printed many times in a row is one
            # segment, read again for each printing.
            pieces = self._pieces[id(segment)] = segment.text.split(newline)
        return lambda number: pieces[number - first]

    def body(
        self, source: str | None, span: Span, kind: str | None = "body"
    ) -> Iterable[tuple[int, str]]:
        """``(line, text)`` of the lines of ``kind`` (``body``, ``header``; None: any but
        furniture) of ``span`` in ``source``; furniture left out."""
        segments = self._by_source.get(source, [])
        starts = self._starts.get(source)
        if starts is None:
            starts = self._starts[source] = [s.span.start for s in segments]
        index = max(bisect.bisect_right(starts, span.start) - 1, 0)
        while index < len(segments) and segments[index].span.start <= span.end:
            segment = segments[index]
            index += 1
            if segment.span.end < span.start or (
                segment.kind != kind if kind is not None else segment.kind == "furniture"
            ):
                continue
            newline = self._newline.get(source)
            if newline is None:
                newline = self._newline[source] = _newline_of(segments)
            line = self._lines_of(segment, newline)
            first = max(span.start, segment.span.start)
            last = min(span.end, segment.span.end)
            for number in range(first, last + 1):
                yield number, line(number)


def _newline_of(segments: list[Segment]) -> str:
    """The line end the segments of one source were split on: ``\r`` for a text with carriage
    returns and no ``\n`` at all, else ``\n``. Each text the segments are cut from is looked at
    once."""
    texts: dict[int, str] = {}
    for segment in segments:
        cut = segment._cut()
        text = cut[0] if cut is not None else segment.text
        texts.setdefault(id(text), text)
    if any("\n" in text for text in texts.values()):
        return "\n"
    return "\r" if any("\r" in text for text in texts.values()) else "\n"


@cache
def _stamp_words() -> tuple[frozenset[str], frozenset[str]]:
    """The stamp lines and date labels of ``data/collation.toml``, single-spaced, case folded."""
    table = load_data(CollationFile)
    lines = frozenset(" ".join(line.split()).casefold() for line in table.stamp_lines)
    labels = frozenset(label.casefold() for label in table.stamp_date_labels)
    return lines, labels


def _is_stamp_line(text: str) -> bool:
    """True for a part of a page stamp printed on a line of its own: ``UNCLASSIFIED``,
    ``U.S. Department of State``, ``Date 05/13/2015`` (``data/collation.toml``)."""
    words = text.split()
    if not words or len(words) > 5:
        return False
    lines, labels = _stamp_words()
    if " ".join(words).casefold() in lines:
        return True
    return len(words) == 2 and words[0].rstrip(":").casefold() in labels and _is_date(words[1])


def _is_date(text: str) -> bool:
    """True for a date ``dd/dd/dddd`` and nothing else: ``03/06/2020``."""
    parts = text.split("/")
    return [len(part) for part in parts] == [2, 2, 4] and all(p.isdigit() for p in parts)


def _is_page_number(text: str) -> bool:
    """True for a line holding a number of at most four digits and nothing else: ``333``, a
    page's number at its foot, which two printings of one page number apart."""
    value = text.strip()
    return len(value) <= PAGE_NUMBER_DIGITS and value.isdigit()


def _without_classification(text: str) -> tuple[str, bool]:
    """The line without the declassification stamp run into it, and whether there was one:
    ``This is cool.   Classified by DAS, A/GIS, DoS on 09/30/2015 — Class: CONFIDENTIAL —
    Reason: 1.4(D) — Declassify`` gives ``This is cool.   ``. A stamp is State's marking of the
    page, not the message's words; two printings of one message carry it apart."""
    if "lassif" not in text and "LASSIF" not in text:
        return text, False
    for word in _PRINTED_WORD.finditer(text):
        if may_be_stamp(text[word.start() :]) and stamp_kind(text[word.start() :]) == (
            "classification"
        ):
            return text[: word.start()], True
    return text, False


@dataclass(slots=True)
class _Line:
    """One line of a body read once, however often it is printed: whether it is left out, its
    codes (found on line ``line``) and its words."""

    #: Blank, a stamp line or a page number: no words.
    skipped: bool
    #: The wrapped end of a declassification stamp (``on: 05/24/2026``), left out after one.
    filler: bool
    #: The line carries a declassification stamp run into it (cut off its words).
    stamped: bool
    line: int
    codes: list[Redaction]
    printed: list[str]
    words: list[str]
    columns: list[tuple[int, int]]

    def codes_on(self, number: int) -> list[Redaction]:
        """The codes with the span of line ``number``."""
        if number == self.line or not self.codes:
            return self.codes
        span = span_of(number, number)
        return [replaced(code, span=span) for code in self.codes]


_SKIPPED = _Line(True, False, False, 0, [], [], [], [])


def _read_line(text: str, number: int) -> _Line:
    """:class:`_Line` of ``text``, printed on line ``number``."""
    if not text.strip() or _is_stamp_line(text) or _is_page_number(text):
        return _SKIPPED
    filler = is_stamp_filler(text) or _is_date(text.strip())
    text, stamped = _without_classification(text)
    codes = find_redactions(text, number)
    value = text
    if codes:
        value = "" if is_code_line(text) else split_margin_codes(text)[0]
        for code in codes:
            # Blanked in place, so that the columns of the words stay as printed.
            value = value.replace(code.raw, " " * len(code.raw))
    found = list(_PRINTED_WORD.finditer(value))
    words = [_word(match.group()) for match in found]
    if all(words):
        printed = [match.group() for match in found]
        columns = [match.span() for match in found]
    else:
        printed = [match.group() for match, word in zip(found, words, strict=True) if word]
        columns = [match.span() for match, word in zip(found, words, strict=True) if word]
        words = [word for word in words if word]
    return _Line(False, filler, stamped, number, codes, printed, words, columns)


def _word(printed: str) -> str:
    """A printed word as compared: case folded, letters and digits only."""
    word = printed.casefold()
    return word if word.isalnum() else _NOT_WORD.sub("", word)


def _read(
    lines: Iterable[tuple[int, str]], first_line: int, seen: dict[str, _Line] | None = None
) -> _Reading:
    """The words and codes of a body: ``implementing partners frequently raise   Note the
    comment in the     B5`` gives nine words and ``b5`` beside them.

    ``seen`` holds the lines already read (by their text): the printings of one message print
    most of their lines alike.
    """
    reading = _Reading(first_line=first_line)
    if seen is None:
        seen = {}
    after_stamp = False
    for number, text in lines:
        line = seen.get(text)
        if line is None:
            line = seen[text] = _read_line(text, number)
        if line.skipped or (after_stamp and line.filler):
            continue
        after_stamp = line.stamped
        codes = line.codes_on(number)
        if codes:
            reading.code_lines.add(number)
        start = len(reading.words)
        reading.printed += line.printed
        reading.words += line.words
        reading.lines += [number] * len(line.words)
        reading.columns += line.columns
        end = len(reading.words)
        reading.codes.extend((start, end, code) for code in codes)
    return reading


def _align(first: list[str], second: list[str]) -> list[difflib.Match]:
    """The matching runs of two word lists, as :meth:`difflib.SequenceMatcher.get_matching_blocks`
    gives them; the words both begin and end with are matched first, so that two printings alike
    but for a few places cost little more than reading them."""
    limit = min(len(first), len(second))
    head = 0
    while head < limit and first[head] == second[head]:
        head += 1
    tail = 0
    while tail < limit - head and first[-1 - tail] == second[-1 - tail]:
        tail += 1
    middle = difflib.SequenceMatcher(
        None, first[head : len(first) - tail], second[head : len(second) - tail], autojunk=False
    )
    blocks: list[difflib.Match] = []
    if head:
        blocks.append(difflib.Match(0, 0, head))
    for block in middle.get_matching_blocks():
        if block.size:
            blocks.append(difflib.Match(block.a + head, block.b + head, block.size))
    if tail:
        blocks.append(difflib.Match(len(first) - tail, len(second) - tail, tail))
    merged: list[difflib.Match] = []
    for block in blocks:
        last = merged[-1] if merged else None
        if last is not None and last.a + last.size == block.a and last.b + last.size == block.b:
            merged[-1] = difflib.Match(last.a, last.b, last.size + block.size)
        else:
            merged.append(block)
    merged.append(difflib.Match(len(first), len(second), 0))
    return merged


def _gaps(blocks: list[difflib.Match]) -> list[tuple[int, int, int, int]]:
    """The places between matching runs where two printings differ: ``(i1, i2, j1, j2)``, as
    the non-equal opcodes of :meth:`difflib.SequenceMatcher.get_opcodes`."""
    gaps: list[tuple[int, int, int, int]] = []
    i = j = 0
    for block in blocks:
        if i < block.a or j < block.b:
            gaps.append((i, block.a, j, block.b))
        i, j = block.a + block.size, block.b + block.size
    return gaps


def _mapped(blocks: list[difflib.Match], index: int, *, back: bool = False) -> int:
    """Where word ``index`` of the first printing (of the second, with ``back``) falls in the
    other, through the matching runs: inside a run, its partner; in a gap, the start of the
    partner gap."""
    previous = 0
    for block in blocks:
        here, there = (block.b, block.a) if back else (block.a, block.b)
        if index < here:
            return previous
        if index < here + block.size:
            return there + index - here
        previous = there + block.size
    return previous


def _pair_codes(
    first: _Reading, second: _Reading, blocks: list[difflib.Match]
) -> tuple[set[int], set[int]]:
    """The codes (indices) printed in both printings at one place: the same code within
    :data:`NEAR_CODE_WORDS` words of each other once aligned."""
    paired_first: set[int] = set()
    paired_second: set[int] = set()
    for index, (start, _end, code) in enumerate(first.codes):
        place = _mapped(blocks, start)
        best: tuple[int, int] | None = None
        for other, (other_start, _other_end, other_code) in enumerate(second.codes):
            if other in paired_second or other_code.code != code.code:
                continue
            distance = abs(other_start - place)
            if distance <= NEAR_CODE_WORDS and (best is None or distance < best[0]):
                best = (distance, other)
        if best is not None:
            paired_first.add(index)
            paired_second.add(best[1])
    return paired_first, paired_second


def _codes_at(
    reading: _Reading, start: int, end: int, unpaired: list[int], used: set[int]
) -> list[Redaction]:
    """The unpaired codes of ``reading`` that stand at words ``start``–``end`` (or on a line
    touching them); each is taken once."""
    found: list[Redaction] = []
    for index in unpaired:
        if index in used:
            continue
        code_start, code_end, code = reading.codes[index]
        touches = (
            start <= code_start <= end
            if code_start == code_end
            else code_start <= end and code_end >= start
        )
        if touches:
            used.add(index)
            found.append(code)
    return found


def _side(
    reading: _Reading, printing: int, start: int, end: int, codes: list[Redaction]
) -> DifferenceSide:
    lines = [*reading.lines[start:end], *(code.span.start for code in codes)]
    if lines:
        span = Span(start=min(lines), end=max(lines))
    else:
        line = reading.line_before(start)
        span = Span(start=line, end=line)
    return trusted(
        DifferenceSide,
        printing=printing,
        span=span,
        text=" ".join(reading.printed[start:end]),
        codes=codes,
    )


def _specks(words: list[str]) -> bool:
    """True when every word is a speck (:data:`SPECK_LENGTH`); True for no words."""
    return all(len(word) <= SPECK_LENGTH for word in words)


def _has_text(words: list[str]) -> bool:
    """True when some word is more than a speck and holds two letters: text, not debris nor a
    code damaged by OCR (``1 .4(D)1``)."""
    return any(len(word) > SPECK_LENGTH and len(_LETTER.findall(word)) >= 2 for word in words)


def _edit_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance of ``a`` and ``b``, or ``limit + 1`` once it passes ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, char in enumerate(a, 1):
        current = [i]
        for j, other in enumerate(b, 1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char != other))
            )
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def _small_edit(first: list[str], second: list[str]) -> int | None:
    """The edits between two runs of words when they are few enough to be OCR noise
    (:data:`OCR_EDIT`), else None."""
    a, b = "".join(first), "".join(second)
    if max(len(a), len(b)) > OCR_LONGEST:
        return None
    limit = max(2, int(OCR_EDIT * max(len(a), len(b))))
    distance = _edit_distance(a, b, limit)
    return distance if distance <= limit else None


def _codes_named(codes: list[Redaction]) -> str:
    return ", ".join(
        f"{code.raw.strip()} ({code.ground}) on line {code.span.start}" for code in codes
    )


def _words(count: int) -> str:
    return f"{count} word" if count == 1 else f"{count} words"


def _lines_of(side: DifferenceSide) -> str:
    return f"line {side.span}" if side.span.start == side.span.end else f"lines {side.span}"


@dataclass(slots=True)
class _Place:
    """What one printing holds at the place of a difference: words ``start``–``end``."""

    reading: _Reading
    side: DifferenceSide
    start: int
    end: int

    @property
    def words(self) -> list[str]:
        return self.reading.words[self.start : self.end]

    @property
    def name(self) -> str:
        return f"printing {self.side.printing + 1}"

    @property
    def at_end(self) -> bool:
        """True when the printing's body has ended here: no word at or after the place."""
        return self.start == self.end == len(self.reading.words)


def _runs_on(place: _Place) -> bool:
    """True when the words of ``place`` run on from the words around them as a sentence does,
    with a space or two between, not across a wide gap: words set in columns (a signature block
    beside another) leave gaps that are layout, not a passage blanked."""
    reading = place.reading
    return all(reading.blank_at(index) <= RUN_ON_GAP for index in (place.start, place.end))


def _goes_on(reading: _Reading, words: list[str]) -> bool:
    """True when the first words of ``words`` stand, in order, in the lines printed right after
    ``reading``'s body: a quotation wrapped without its ``>`` marks, or text under a further
    ``On … wrote:``, that the body as read leaves out."""
    head = words[:TAIL_WORDS]
    if not head or reading.following is None:
        return False
    after = reading.following()
    return any(after[i : i + len(head)] == head for i in range(len(after) - len(head) + 1))


def _ocr_edge(held: list[str], released: list[str]) -> list[str] | None:
    """The released words without those at either end that the held words are OCR forms of
    (``ovould`` of ``Mr. Nathanson would``), or None when the held words are no such form."""
    count = len(held)
    if not count or count >= len(released):
        return None
    if _small_edit(held, released[-count:]) is not None:
        return released[:-count]
    if _small_edit(held, released[:count]) is not None:
        return released[count:]
    return None


def _classify(a: _Place, b: _Place) -> tuple[DifferenceKind, int | None, str]:
    """Kind, the printing carrying the code or the blank (if any) and the evidence of one
    difference."""
    if bool(a.side.codes) != bool(b.side.codes):
        return _classify_coded(*((a, b) if a.side.codes else (b, a)))
    if a.side.codes and b.side.codes:
        return (
            "other",
            None,
            "both printings carry codes there that the other does not "
            f"({_codes_named(a.side.codes)}; {_codes_named(b.side.codes)})",
        )
    words_a, words_b = a.words, b.words
    if words_a and words_b:
        edits = _small_edit(words_a, words_b)
        if edits is not None:
            what = (
                f"{edits} letter edit{'s' if edits != 1 else ''} between"
                if edits
                else "the same letters, spaced or marked otherwise, in"
            )
            return (
                "ocr",
                None,
                f"{what} {a.side.text[:40]!r} and {b.side.text[:40]!r}, no code beside either",
            )
        return (
            "other",
            None,
            f"the printings print different words there ({len(words_a)} and {len(words_b)}), "
            "with no withholding code beside them",
        )
    empty, printed = (a, b) if not words_a else (b, a)
    if _specks(printed.words):
        return (
            "ocr",
            None,
            f"only specks of one or two characters ({printed.side.text!r}), no code beside them",
        )
    blank = empty.reading.blank_at(empty.start)
    if (
        blank >= max(BLANK_WIDTH, len(printed.side.text) // 2)
        and _has_text(printed.words)
        and _runs_on(printed)
    ):
        before = empty.reading.printed[empty.start - 1]
        after = empty.reading.printed[empty.start]
        return (
            "withheld-here",
            empty.side.printing,
            f"{printed.name} prints {_words(len(printed.words))} at {_lines_of(printed.side)} "
            f"where {empty.name} leaves {blank} columns blank between {before!r} and {after!r} "
            f"on line {empty.side.span.start} (a passage blanked in place; no code printed "
            "beside it)",
        )
    if empty.at_end and _goes_on(empty.reading, printed.words):
        return (
            "other",
            None,
            f"{empty.name} prints {printed.side.text[:40]!r} after the lines read as its body "
            f"(from line {empty.reading.after_line}): its body was read short, it is not cut",
        )
    if empty.at_end and sum(len(word) > SPECK_LENGTH for word in printed.words) >= TAIL_WORDS:
        return (
            "truncated",
            None,
            f"{empty.name}'s body ends at line {empty.side.span.start} where {printed.name} "
            f"goes on for {_words(len(printed.words))} ({_lines_of(printed.side)}); no code "
            "stands at the cut",
        )
    return (
        "other",
        None,
        f"{printed.name} prints {_words(len(printed.words))} at {_lines_of(printed.side)} that "
        f"{empty.name} lacks, with no withholding code nor blank beside the gap",
    )


def _classify_coded(
    withholding: _Place, releasing: _Place
) -> tuple[DifferenceKind, int | None, str]:
    """:func:`_classify` where only ``withholding`` carries codes."""
    codes = withholding.side.codes
    named = _codes_named(codes)
    if any(code.ocr_damaged for code in codes):
        return (
            "other",
            None,
            f"{withholding.name} carries {named}, read from a form damaged by OCR, so the "
            "difference is not called a redaction",
        )
    held, released = withholding.words, releasing.words
    also = ""
    if not _specks(held) and (rest := _ocr_edge(held, released)) is not None:
        # The code's printing prints a word of the passage's edge, read otherwise by OCR.
        also = f", and {withholding.side.text!r}, an OCR form of the words next to it"
        held, released = [], rest
    if _specks(held) and _has_text(released):
        if not also:
            also = f" and only specks ({withholding.side.text!r})" if held else " and no words"
        return (
            "withheld-here",
            withholding.side.printing,
            f"{releasing.name} prints {_words(len(releasing.words))} at "
            f"{_lines_of(releasing.side)} where {withholding.name} prints {named}{also}",
        )
    if _specks(held) and _specks(released):
        return (
            "code-only",
            withholding.side.printing,
            f"{withholding.name} carries {named} where both print the same words but for "
            "specks of one or two characters",
        )
    return (
        "other",
        None,
        f"{withholding.name} carries {named}, but prints words of its own there "
        f"({withholding.side.text[:60]!r}), so what the code withholds cannot be told",
    )


def _compare(
    first: _Reading, second: _Reading, index_a: int, index_b: int
) -> list[Difference] | None:
    """The differences of two printings, or None when they are too different to align."""
    shorter = min(len(first.words), len(second.words))
    blocks = _align(first.words, second.words)
    if sum(block.size for block in blocks) < MIN_ALIGNED * shorter:
        return None
    paired_a, paired_b = _pair_codes(first, second, blocks)
    unpaired_a = [i for i in range(len(first.codes)) if i not in paired_a]
    unpaired_b = [i for i in range(len(second.codes)) if i not in paired_b]
    used_a: set[int] = set()
    used_b: set[int] = set()
    differences: list[tuple[int, Difference]] = []
    for i1, i2, j1, j2 in _gaps(blocks):
        codes_a = _codes_at(first, i1, i2, unpaired_a, used_a)
        codes_b = _codes_at(second, j1, j2, unpaired_b, used_b)
        side_a = _side(first, index_a, i1, i2, codes_a)
        side_b = _side(second, index_b, j1, j2, codes_b)
        kind, withheld, evidence = _classify(
            _Place(first, side_a, i1, i2), _Place(second, side_b, j1, j2)
        )
        differences.append((i1, _difference(kind, side_a, side_b, withheld, evidence)))
    # Codes left over stand beside words both printings print alike.
    for reading, other, unpaired, used, mine, theirs in (
        (first, second, unpaired_a, used_a, index_a, index_b),
        (second, first, unpaired_b, used_b, index_b, index_a),
    ):
        for index in unpaired:
            if index in used:
                continue
            start, end, code = reading.codes[index]
            here = _side(reading, mine, start, end, [code])
            back = reading is second
            place = _mapped(blocks, start, back=back)
            place_end = _mapped(blocks, end - 1, back=back) + 1 if end > start else place
            there = _side(other, theirs, place, place_end, [])
            order = place if back else start
            side_a, side_b = (here, there) if reading is first else (there, here)
            kind, withheld, evidence = _alone(code, here, mine, theirs, reading, other)
            differences.append((order, _difference(kind, side_a, side_b, withheld, evidence)))
    differences.sort(key=lambda item: item[0])
    return [difference for _, difference in differences]


def _alone(
    code: Redaction,
    here: DifferenceSide,
    mine: int,
    theirs: int,
    reading: _Reading,
    other: _Reading,
) -> tuple[DifferenceKind, int | None, str]:
    """Kind, the printing carrying the code and the evidence for a code that stands beside
    words both printings print alike."""
    beside_header = other.header_codes.get(code.code)
    if beside_header is not None and code.code not in reading.header_codes:
        # State prints a code beside the header in one printing and under it in another.
        return (
            "other",
            None,
            f"printing {mine + 1} carries {_codes_named([code])} in its body; printing "
            f"{theirs + 1} carries the same code beside its header block (line "
            f"{beside_header.span.start}): where the code stands differs, not what is withheld",
        )
    if code.ocr_damaged:
        return (
            "other",
            None,
            f"printing {mine + 1} carries {_codes_named([code])}, read from a form damaged by "
            "OCR, beside words both printings print alike",
        )
    beside = f"beside {here.text[:60]!r}" if here.text else "on a line of its own"
    return (
        "code-only",
        mine,
        f"printing {mine + 1} carries {_codes_named([code])} {beside}; printing {theirs + 1} "
        f"prints the same words around it, with no such code within {NEAR_CODE_WORDS} words",
    )


def _difference(
    kind: DifferenceKind,
    a: DifferenceSide,
    b: DifferenceSide,
    withheld_in: int | None,
    evidence: str,
) -> Difference:
    return trusted(Difference, kind=kind, a=a, b=b, withheld_in=withheld_in, evidence=evidence)


def _printing(occurrence: Occurrence, reading: _Reading) -> CollatedPrinting:
    return trusted(
        CollatedPrinting,
        source=occurrence.source,
        span=occurrence.span,
        body_span=occurrence.body_span,
        words=len(reading.words),
    )


def collate(
    messages: list[Message],
    segments: list[Segment],
    collector: Collector,
    ready: Mapping[str, Collated] | None = None,
) -> list[Collation]:
    """A :class:`~cablethread.models.Collation` for every message printed more than once, its
    printings compared pair by pair (printings with the same words and codes once); pairs too
    different to align are reported to ``collector`` as ``collation-unaligned``.

    ``ready`` holds messages already collated, by id (:func:`collate_document`: a message whose
    printings all stand in one document, collated where that document was read); a message
    there is not read again, its collation and notes taken as they are.
    """
    lines: _Lines | None = None
    collations: list[Collation] = []
    for message in messages:
        if len(message.occurrences) < 2:
            continue
        done = ready.get(message.id) if ready is not None else None
        if done is not None:
            collations.append(done.collation)
            collector.items.extend(done.notes)
            continue
        if lines is None:
            lines = _Lines(segments)
        collations.append(_collated(message.id, message.occurrences, lines, collector))
    return collations


@dataclass(frozen=True, slots=True)
class Collated:
    """A message collated with the document its printings stand in: the collation, and the
    ``collation-unaligned`` notes made on the way."""

    collation: Collation
    notes: list[Diagnostic]


def collate_document(
    groups: Iterable[tuple[str, list[Occurrence]]], segments: list[Segment]
) -> dict[str, Collated]:
    """Each message printed more than once in one document, collated from the document's own
    ``segments``: ``groups`` gives each id with its occurrences, in print order. The same as
    :func:`collate` gives for a message of a release whose printings are these and no others
    (its sources named by no other document)."""
    lines: _Lines | None = None
    done: dict[str, Collated] = {}
    for message_id, occurrences in groups:
        if len(occurrences) < 2:
            continue
        if lines is None:
            lines = _Lines(segments)
        collector = Collector()
        collation = _collated(message_id, occurrences, lines, collector)
        done[message_id] = Collated(collation, collector.items)
    return done


def _collated(
    message_id: str, occurrences: list[Occurrence], lines: _Lines, collector: Collector
) -> Collation:
    """The collation of one message's printings (``occurrences``, two or more)."""
    readings: list[_Reading] = []
    # A printing whose header and body lines are those of an earlier one, letter for
    # letter (most are), is read once: the two have no difference to find.
    printed: dict[tuple[tuple[str, ...], tuple[str, ...]], _Reading] = {}
    read_lines: dict[str, _Line] = {}
    for occurrence in occurrences:
        body = occurrence.body_span
        body_lines = list(lines.body(occurrence.source, body)) if body is not None else []
        header_lines = list(lines.body(occurrence.source, occurrence.span, "header"))
        same = (tuple(t for _, t in header_lines), tuple(t for _, t in body_lines))
        if same in printed:
            readings.append(printed[same])
            continue
        if body is None:
            reading = _Reading(first_line=occurrence.span.end)
        else:
            reading = _read(body_lines, body.start, read_lines)
        for number, text in header_lines:
            for code in find_redactions(text, number):
                reading.header_codes.setdefault(code.code, code)
        reading.after_line = (body or occurrence.span).end + 1
        reading.following = partial(_following_words, lines, occurrence.source, reading.after_line)
        printed[same] = reading
        readings.append(reading)
    differences: list[Difference] = []
    unaligned: list[list[int]] = []
    seen: dict[tuple[tuple[str, ...], tuple[str, ...]], int] = {}
    distinct: list[int] = []
    for index, reading in enumerate(readings[:MAX_PRINTINGS]):
        key = reading.key()
        if key not in seen:
            seen[key] = index
            distinct.append(index)
    for position, index_a in enumerate(distinct):
        for index_b in distinct[position + 1 :]:
            found = _compare(readings[index_a], readings[index_b], index_a, index_b)
            if found is None:
                unaligned.append([index_a, index_b])
                _report(collector, message_id, occurrences, readings, index_a, index_b)
            else:
                differences.extend(found)
    return trusted(
        Collation,
        message_id=message_id,
        printings=[_printing(o, r) for o, r in zip(occurrences, readings, strict=True)],
        differences=differences,
        unaligned=unaligned,
    )


def _following_words(lines: _Lines, source: str | None, start: int) -> list[str]:
    """The words of the :data:`FOLLOWING_LINES` lines from ``start`` in ``source``, furniture
    left out."""
    span = Span(start=start, end=start + FOLLOWING_LINES - 1)
    return _read(lines.body(source, span, None), start).words


def _report(
    collector: Collector,
    message_id: str,
    occurrences: list[Occurrence],
    readings: list[_Reading],
    index_a: int,
    index_b: int,
) -> None:
    first, second = occurrences[index_a], occurrences[index_b]
    words_a, words_b = len(readings[index_a].words), len(readings[index_b].words)
    why = f"less than {MIN_ALIGNED:.0%} of the shorter body's words align"
    collector.add(
        Code.COLLATION_UNALIGNED,
        f"message {message_id}: printings {index_a + 1} ({first.source or ''}:{first.span}, "
        f"{words_a} words) and {index_b + 1} ({second.source or ''}:{second.span}, {words_b} "
        f"words) were not compared: {why}",
        first.body_span or first.span,
        second.body_span or second.span,
        source=first.source,
    )


class RedactionSummaryRecord(TypedDict):
    """One row of :func:`redaction_summary_records`; see :data:`REDACTION_SUMMARY_COLUMNS`."""

    source: str | None
    sender: str | None
    ground: str | None
    month: str | None
    printings: int
    codes: int
    collated_printings: int
    words_withheld: int | None
    lines_withheld: int | None
    body_words: int | None
    share_withheld: float | None


REDACTION_SUMMARY_COLUMNS: dict[str, str] = {
    "source": "The input the printings are in.",
    "sender": "The sender: its directory code, else its name, else as printed.",
    "ground": (
        "The ground in the law (`FOIA (b)(6)`, `OIA s6(a)`); empty for a passage blanked with "
        "no code beside it, which only collation finds."
    ),
    "month": "The month the message was sent (`2011-10`), by its wall clock.",
    "printings": "Printings of messages of this sender and month in this source with the ground.",
    "codes": "Codes of the ground printed in those printings, header and body.",
    "collated_printings": (
        "Those of the printings compared with another printing of their message (collation)."
    ),
    "words_withheld": (
        "Words another printing prints where these withheld them (``withheld-here``); empty "
        "when none of the printings was collated: it cannot be measured."
    ),
    "lines_withheld": "Lines those words stand on in the printings that print them; as above.",
    "body_words": "Words printed in the bodies of the collated printings; as above.",
    "share_withheld": (
        "``words_withheld / (body_words + words_withheld)``: the share of the body withheld, "
        "where measured."
    ),
}


@dataclass(slots=True)
class _Tally:
    printings: int = 0
    codes: int = 0
    collated: set[tuple[str, int]] = field(default_factory=set)
    words_withheld: int = 0
    lines_withheld: int = 0
    body_words: int = 0


def redaction_summary_records(release: Release) -> list[RedactionSummaryRecord]:
    """Withholding counted per source, sender, ground and month: the codes of every printing
    (header and body), and, where collation measured them, the words and lines withheld and the
    share of the body withheld. Rows in order of source, sender, ground and month.

    >>> import cablethread
    >>> rows = redaction_summary_records(cablethread.parse_file("examples/mfat_xinjiang_oia.txt"))
    >>> row = rows[0]
    >>> row["sender"], row["ground"], row["month"], row["codes"], row["words_withheld"]
    ('BEIJING', 'OIA s6(a)', '2018-11', 38, 0)
    """
    lines = _Lines(release.segments)
    collated = {c.message_id: c for c in release.collations}
    tallies: dict[tuple[str | None, str | None, str | None, str | None], _Tally] = {}
    for message in release.messages:
        sender = message.sender
        label = None if sender is None else sender.code or sender.name or sender.raw
        month = message.sent_local.strftime("%Y-%m") if message.sent_local else None
        collation = collated.get(message.id)
        withheld = _withheld_by_printing(collation)
        for index, occurrence in enumerate(message.occurrences):
            codes: list[Redaction] = []
            for kind, span in (("header", occurrence.span), ("body", occurrence.body_span)):
                if span is not None:
                    for number, text in lines.body(occurrence.source, span, kind):
                        if not _is_stamp_line(text):
                            codes.extend(find_redactions(text, number))
            grounds: Counter[str | None] = Counter(code.ground for code in codes)
            grounds.update({ground: 0 for ground in withheld.get(index, {})})
            for ground, count in grounds.items():
                tally = tallies.setdefault((occurrence.source, label, ground, month), _Tally())
                tally.printings += 1
                tally.codes += count
                if collation is not None:
                    tally.collated.add((message.id, index))
                    tally.body_words += collation.printings[index].words
                    words, line_count = withheld.get(index, {}).get(ground, (0, 0))
                    tally.words_withheld += words
                    tally.lines_withheld += line_count
    records: list[RedactionSummaryRecord] = []
    for (source, label, row_ground, month), tally in sorted(
        tallies.items(), key=lambda item: tuple("" if v is None else v for v in item[0])
    ):
        measured = bool(tally.collated)
        total = tally.body_words + tally.words_withheld
        records.append(
            RedactionSummaryRecord(
                source=source,
                sender=label,
                ground=row_ground,
                month=month,
                printings=tally.printings,
                codes=tally.codes,
                collated_printings=len(tally.collated),
                words_withheld=tally.words_withheld if measured else None,
                lines_withheld=tally.lines_withheld if measured else None,
                body_words=tally.body_words if measured else None,
                share_withheld=tally.words_withheld / total if measured and total else None,
            )
        )
    return records


def _withheld_by_printing(
    collation: Collation | None,
) -> dict[int, dict[str | None, tuple[int, int]]]:
    """For each printing of a collation, the words and lines withheld in it (that another
    printing prints), by ground (None for a blank with no code); each place counted once,
    however many printings release it."""
    found: dict[int, dict[str | None, tuple[int, int]]] = {}
    if collation is None:
        return found
    seen: set[tuple[int, int, int]] = set()
    for difference in collation.differences:
        if difference.kind != "withheld-here" or difference.withheld_in is None:
            continue
        held, released = (
            (difference.a, difference.b)
            if difference.withheld_in == difference.a.printing
            else (difference.b, difference.a)
        )
        if (held.printing, held.span.start, held.span.end) in seen:
            continue
        seen.add((held.printing, held.span.start, held.span.end))
        words = len(released.text.split())
        line_count = released.span.end - released.span.start + 1
        named: list[str | None] = [*sorted({code.ground for code in held.codes})]
        grounds = named or [None]
        per_ground = found.setdefault(held.printing, {})
        for ground in grounds:
            before = per_ground.get(ground, (0, 0))
            per_ground[ground] = (before[0] + words, before[1] + line_count)
    return found


def redaction_summary(release: Release) -> Any:
    """:func:`redaction_summary_records` as a ``pandas.DataFrame`` (the ``pandas`` extra:
    ``pip install 'cablethread[pandas]'``), one column per :data:`REDACTION_SUMMARY_COLUMNS`."""
    try:
        pandas = importlib.import_module("pandas")
    except ImportError as exc:
        raise ImportError(
            "redaction_summary() needs pandas, which is not installed; "
            "install the extra with: pip install 'cablethread[pandas]'"
        ) from exc
    return pandas.DataFrame.from_records(
        redaction_summary_records(release), columns=list(REDACTION_SUMMARY_COLUMNS)
    )


# --- Surfaces: the text, JSON and CSV of ``cablethread collate`` ------------------------------


class DifferenceRecord(TypedDict):
    """One row of :func:`difference_records`; see :data:`DIFFERENCE_COLUMNS`."""

    message_id: str
    subject: str | None
    kind: str
    withheld_in: int | None
    a_printing: int
    a_source: str | None
    a_lines: str
    a_text: str
    a_codes: str
    a_grounds: str
    b_printing: int
    b_source: str | None
    b_lines: str
    b_text: str
    b_codes: str
    b_grounds: str
    evidence: str


DIFFERENCE_COLUMNS: dict[str, str] = {
    "message_id": "The message printed more than once.",
    "subject": "Its subject.",
    "kind": "`withheld-here`, `code-only`, `ocr`, `truncated` or `other`.",
    "withheld_in": "For `withheld-here` and `code-only`, the printing (from 1) with the code.",
    "a_printing": "The earlier printing of the two, numbered from 1 in the message's printings.",
    "a_source": "The input it is in.",
    "a_lines": "The lines of the difference in it (`23` or `51-56`).",
    "a_text": "The words it prints there, single-spaced.",
    "a_codes": "The codes it alone prints there, as printed, joined with `; `.",
    "a_grounds": "Their grounds (`FOIA (b)(6)`), joined with `; `.",
    "b_printing": "The later printing of the two.",
    "b_source": "As `a_source`, for the later printing.",
    "b_lines": "As `a_lines`.",
    "b_text": "As `a_text`.",
    "b_codes": "As `a_codes`.",
    "b_grounds": "As `a_grounds`.",
    "evidence": "What the classification rests on.",
}


def difference_records(release: Release) -> list[DifferenceRecord]:
    """One record per difference of every collation, in the order of ``release.collations``.

    >>> import cablethread
    >>> rows = difference_records(cablethread.parse_file("examples/mfat_xinjiang_oia.txt"))
    >>> rows[0]["kind"], rows[0]["a_text"], rows[0]["b_text"], rows[0]["a_lines"]
    ('ocr', 'Uighurs', 'Uyghurs', '251')
    """
    records: list[DifferenceRecord] = []
    for collation in release.collations:
        message = release.message(collation.message_id)
        subject = message.subject.text if message.subject else None
        for difference in collation.differences:
            a, b = difference.a, difference.b
            records.append(
                DifferenceRecord(
                    message_id=collation.message_id,
                    subject=subject,
                    kind=difference.kind,
                    withheld_in=None
                    if difference.withheld_in is None
                    else difference.withheld_in + 1,
                    a_printing=a.printing + 1,
                    a_source=collation.printings[a.printing].source,
                    a_lines=str(a.span),
                    a_text=a.text,
                    a_codes="; ".join(code.raw.strip() for code in a.codes),
                    a_grounds="; ".join(code.ground for code in a.codes),
                    b_printing=b.printing + 1,
                    b_source=collation.printings[b.printing].source,
                    b_lines=str(b.span),
                    b_text=b.text,
                    b_codes="; ".join(code.raw.strip() for code in b.codes),
                    b_grounds="; ".join(code.ground for code in b.codes),
                    evidence=difference.evidence,
                )
            )
    return records


def write_differences_csv(release: Release, handle: IO[str]) -> int:
    """Write :func:`difference_records` as CSV (a header row, then one row per difference) to an
    open text file, opened with ``newline=""`` as the csv module asks; the number of rows
    written."""
    records = difference_records(release)
    # RFC 4180 line ends, as messages.csv: the csv module quotes a cell holding a character of
    # the line end, so a printed carriage return (a classic Mac OS text) stays inside its cell.
    writer = csv.DictWriter(handle, fieldnames=list(DIFFERENCE_COLUMNS))
    writer.writeheader()
    for record in records:
        # Each cell as messages.csv writes it: text a spreadsheet would run as a formula made
        # text, a character UTF-8 cannot carry replaced.
        writer.writerow({k: cell_text(v) for k, v in record.items()})
    return len(records)


def collations_json(release: Release, *, indent: int | None = 2) -> str:
    """The release's collations as a JSON array, each as ``Release.collations`` holds it."""
    adapter = TypeAdapter(list[Collation])
    try:
        return adapter.dump_json(release.collations, indent=indent).decode("utf-8")
    except PydanticSerializationError:
        # Only an unpaired surrogate (a file name's undecodable byte) makes pydantic's UTF-8
        # encoder fail; replaced as the release JSON replaces it.
        cleaned = adapter.validate_python(
            without_surrogates_deep(adapter.dump_python(release.collations))
        )
        return adapter.dump_json(cleaned, indent=indent).decode("utf-8")


#: The width of each column of :func:`collation_text`'s side-by-side view.
COLUMN = 48


def collation_text(release: Release, kinds: Iterable[str] = ("withheld-here",)) -> Iterator[str]:
    """Lines for a person: per message printed more than once, its printings, and each difference
    of ``kinds`` with the two printings side by side.

    >>> import cablethread
    >>> lines = list(collation_text(cablethread.parse_file("examples/mfat_xinjiang_oia.txt")))
    >>> lines[0][:56]
    'm-ebe89fddf502  RE: FORMAL MESSAGE: CHINA: XINJIANG: UPD'
    >>> lines[1]
    '  1  examples/mfat_xinjiang_oia.txt:14-22, body 23-45, 41 words'
    """
    shown = set(kinds)
    for index, collation in enumerate(release.collations):
        message = release.message(collation.message_id)
        subject = message.subject.text if message.subject else "(no subject)"
        if index:
            yield ""
        counts = Counter(d.kind for d in collation.differences)
        tally = ", ".join(f"{n} {kind}" for kind, n in sorted(counts.items())) or "alike"
        yield f"{collation.message_id}  {subject}  ({len(collation.printings)} printings; {tally})"
        for number, printing in enumerate(collation.printings, 1):
            body = f", body {printing.body_span}" if printing.body_span else ", no body"
            yield (
                f"  {number}  {printing.source or '<text>'}:{printing.span}{body}, "
                f"{printing.words} words"
            )
        for pair in collation.unaligned:
            yield f"  printings {pair[0] + 1} and {pair[1] + 1} are too different to align"
        for difference in collation.differences:
            if difference.kind in shown:
                yield from _side_by_side(difference)


def _side_by_side(difference: Difference) -> Iterator[str]:
    yield f"  {difference.kind}: {difference.evidence}"
    columns = [_column(side) for side in (difference.a, difference.b)]
    for left, right in zip_longest(*columns, fillvalue=""):
        yield f"    {left:<{COLUMN}} | {right}".rstrip()


def _column(side: DifferenceSide) -> list[str]:
    head = f"[{side.printing + 1}] lines {side.span}"
    codes = "; ".join(f"{code.raw.strip()} {code.ground}" for code in side.codes)
    lines = [head, *(textwrap.wrap(side.text, COLUMN) or ["(no words)"])]
    if codes:
        lines.append(f"codes: {codes}")
    return lines
