"""Lines on their own: the lines the whole-text passes found classed (furniture, schedule, label,
text; every other line text or blank, margin at a page break), quote depths and views,
separators, and the lines that end a body."""

from __future__ import annotations

import bisect
import heapq
import itertools
import re
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

from cablethread.lexicon import patterns as p
from cablethread.lexicon.redactions import (
    is_stamp_filler,
    may_be_stamp,
    stamp_kind,
)
from cablethread.reading.source import SourceText, held_once
from cablethread.scan.passes import (
    MAY_ANY,
    MAY_FURNITURE,
    MAY_LABEL,
    MAY_SCHEDULE,
    MAY_STAMP,
    Passes,
    next_line_with,
)
from cablethread.scan.raw import KIND_FURNITURE, KIND_SCHEDULE

# _MARGIN: a blank line at a page break (with the furniture there), margin rather than spacing.
_FURNITURE, _SCHEDULE, _BLANK, _LABEL, _TEXT, _MARGIN = range(6)


@dataclass(frozen=True)
class _Words:
    """The patterns of the languages a policy allows, and how it orders numeric dates."""

    codes: tuple[str, ...] | None
    label: p.LinePattern
    separator: p.LinePattern
    inline: re.Pattern[str]
    dayfirst: bool
    further: re.Pattern[str]

    @classmethod
    def of(cls, codes: tuple[str, ...] | None, dayfirst: bool) -> _Words:
        """The patterns of ``codes`` (``('en', 'fr')``; None for every language)."""
        return cls(
            codes,
            p.label_line(codes),
            p.separator(codes),
            p.inline_label(codes),
            dayfirst,
            p.inline_field(codes),
        )

    def field(self, label: str) -> str:
        """The field a printed label names: ``Objet`` → ``subject``."""
        return p.label_field(label, self.codes)


_ALL = _Words.of(None, True)


def views(source: SourceText) -> list[str]:
    """Every line as the patterns read it: ``> > Sent:=09Monday`` → ``    Sent:   Monday``.

    (The source's own list when no line changes: do not change it.)
    """
    return _views(source, Passes.over(source, None))[0]


def quote_depths(source: SourceText) -> list[int]:
    """How many ``>`` quote marks open each line: ``> > From: x`` → 2."""
    return list(_depths(len(source), _views(source, Passes.over(source, None))[1]))


def _views(source: SourceText, passes: Passes) -> tuple[list[str], QuotePrefixes, array[int]]:
    """The lines as the patterns read them (:func:`views`), the quote prefix of each line that
    has one (:func:`_quote_prefixes`), and the numbers of the lines whose view is not their text.

    Only the lines the passes found opening with a quote mark or holding a quoted-printable
    blank (and those holding a form feed, and the first) are read.
    """
    text = source.text
    contents = source.contents
    if ">" not in text and "=" not in text:
        return contents, QuotePrefixes(), array("i")
    first = (1,) if contents else ()
    prefixes = (
        _quote_prefixes(contents, _ascending(passes.quoted, first, passes.feeds))
        if ">" in text
        else QuotePrefixes()
    )
    out = list(contents)
    changed = array("i")
    held: dict[str, str] = {}
    quoted = (index + 1 for index in prefixes.indices)  # ascending, as found
    for number in _ascending(quoted, passes.blanked, first, passes.feeds):
        line = out[number - 1]
        width = prefixes.width(number - 1)
        if width:
            line = " " * width + line[width:]
        if "=" in line:
            line = p.QP_BLANKS.sub("   ", line)
        if line != out[number - 1]:
            out[number - 1] = held_once(line, held)
            changed.append(number)
    return out, prefixes, changed


def _ascending(*numbers: Iterable[int]) -> Iterator[int]:
    """The numbers of several ascending runs of line numbers, ascending, each once (nothing is
    made per line: a text of form feeds holds one a line)."""
    last = 0
    for number in heapq.merge(*numbers):
        if number != last:
            yield number
            last = number


@dataclass(slots=True)
class QuotePrefixes:
    """The quote prefix of each line that has one: its index (0-based, ascending), its width and
    its quote marks, twelve bytes a line (a text may quote every line)."""

    indices: array[int] = field(default_factory=lambda: array("i"))
    widths: array[int] = field(default_factory=lambda: array("i"))
    marks: array[int] = field(default_factory=lambda: array("i"))

    def width(self, index: int) -> int:
        """The width of line ``index``'s prefix (0 for a line without one)."""
        at = bisect.bisect_left(self.indices, index)
        return self.widths[at] if at < len(self.indices) and self.indices[at] == index else 0


def _depths(total: int, prefixes: QuotePrefixes) -> array[int]:
    """How many ``>`` quote marks open each line, from the quote prefixes (four bytes a line)."""
    depths = array("i", [0]) * total
    for index, marks in zip(prefixes.indices, prefixes.marks, strict=True):
        depths[index] = marks
    return depths


def _quote_prefixes(contents: list[str], numbers: Iterable[int]) -> QuotePrefixes:
    """(width, quote marks) of the quote prefix of each line that has one, by line index.

    ``numbers``: the lines that may open with a quote mark, ascending (every other line opens
    with none).

    ``Davey, Richard (NIH/NIAID) [E]`` / ``>; Palmore, Tara …``: marks that open a line more
    deeply than the line of text above it, right before a list's ``;`` or ``,``, close an
    address blanked by the releasing agency and wrapped onto the line; they are the list's
    text, not quote marks (the marks of the line above still are).
    """
    found = QuotePrefixes()
    above = 0
    last = 0  # the index after the last line read
    for number in numbers:
        index = number - 1
        # A line of text between opens with no quote mark: it sets the marks above to none.
        for between in range(index - 1, last - 1, -1):
            if contents[between].strip():
                above = 0
                break
        last = index + 1
        line = contents[index]
        marks = 0
        if ">" in line:
            quote = p.QUOTE_PREFIX.match(line)
            if quote is not None:
                width, marks = quote.end(), quote.group().count(">")
                if marks > above and line[width : width + 1] in (";", ","):
                    width = _nth_mark(line, above) + 1 if above else 0
                    while width and width < len(line) and line[width] in " \t":
                        width += 1
                    marks = above
                if marks:
                    found.indices.append(index)
                    found.widths.append(width)
                    found.marks.append(marks)
        if marks or line.strip():
            above = marks
    return found


def _is_separator(line: str, words: _Words = _ALL) -> bool:
    """``-----Original Message-----``, ``    Original Message          B5``; not a sentence."""
    return _separates(words.separator.match(line))


def _separates(match: re.Match[str] | None) -> bool:
    """Whether a match of the separator pattern is a separator line: little or nothing after it."""
    return match is not None and len(match.group("rest").strip(" \t\r-:*")) <= p.SEPARATOR_MARGIN


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _is_stamp_line(line: str, stripped: str) -> tuple[bool, bool]:
    """Whether a line is a release stamp, and whether a banner: ``PART B5,B6`` is (True, True).

    Only for a line whose first word may open a stamp (``may_be_stamp``; the caller asks first).
    """
    kind = stamp_kind(stripped)
    if kind in ("banner", "classification"):
        return True, kind == "banner"
    # ``on: 07/08/2024`` alone far right: the tail of a declassification mark.
    if _indent(line) >= p.MARGIN_COLUMN and is_stamp_filler(stripped):
        return True, False
    return False, False


class _Classed(NamedTuple):
    """The class of every line, and the lines classed furniture or schedule."""

    classes: bytearray
    #: The lines classed :data:`_FURNITURE` or :data:`_SCHEDULE`, ascending.
    kept: list[int]


#: A line's class before it is read: blank or text (indexed by whether it holds any text).
_BLANK_OR_TEXT = (_BLANK, _TEXT)


def _classify(
    lines: list[str],
    running: bytearray | None = None,
    words: _Words = _ALL,
    may: bytearray | None = None,
) -> _Classed:
    """Class each line on its own: ``RELEASE IN PART`` is furniture, ``Sent: …`` a label.

    ``running`` marks (a byte a line) the lines repeated at page heads and feet (page numbers,
    running headers).
    ``may``: what each line may be, a byte a line (:attr:`Passes.may`, ``MAY_LABEL`` …); a line
    whose byte is zero is text or blank. Only the other lines are read, each only for what it
    may be, and the lines after a banner, a document stamp or a schedule heading as far as those
    reach. (None: every line is read for everything.)
    """
    # A byte a line.
    classes = bytearray(map(_BLANK_OR_TEXT.__getitem__, map(bool, map(str.strip, lines))))
    kept: list[int] = []
    schedule_heading, furniture = p.SCHEDULE_HEADING.match, p.FURNITURE.match
    label = words.label.match
    in_schedule = False
    after_banner = 0
    after_doc_stamp = 0
    total = len(lines)
    number = (next_line_with(may, 0) if may is not None else 1) if total else 0
    while number:
        line = lines[number - 1]
        stripped = line.strip()
        bits = may[number - 1] if may is not None else MAY_ANY
        cls = _BLANK
        if not stripped:
            pass
        elif bits & MAY_SCHEDULE and schedule_heading(line):
            in_schedule = True
            cls = _SCHEDULE
        elif in_schedule and (p.SCHEDULE_ROW.match(line) or "\t" in line):
            cls = _SCHEDULE
        else:
            in_schedule = False
            cls = -1
            if after_doc_stamp:
                if p.STAMP_DATE_LINE.match(line):
                    cls = _FURNITURE
                    after_doc_stamp = 0
                else:
                    after_doc_stamp -= 1
            if cls < 0 and (
                (bits & MAY_FURNITURE and furniture(line))
                or (running is not None and running[number - 1])
            ):
                cls = _FURNITURE
                after_banner = 3 if "RELEASE" in line.upper() else 0
                after_doc_stamp = 2 if p.STAMP_DOC_LINE.match(line) else 0
            # Most lines open with a word no stamp opens with, and are text or a label at once.
            if cls < 0 and bits & MAY_STAMP and may_be_stamp(stripped):
                stamp, banner = _is_stamp_line(line, stripped)
                if stamp:
                    cls = _FURNITURE
                    after_banner = 3 if banner else after_banner
                elif after_banner and stamp_kind(stripped) == "codes":
                    # ``B5,B6`` on the line under ``RELEASE IN PART``: the banner's own codes.
                    cls = _FURNITURE
                    after_banner = 0
            if cls < 0:
                # The banner's codes stand on the next printed line; a field or text line in
                # between means a later code belongs to what it is printed beside.
                after_banner = 0
                cls = _LABEL if bits & MAY_LABEL and label(line) else _TEXT
        classes[number - 1] = cls
        if cls != _TEXT and cls != _BLANK and cls != _LABEL:
            kept.append(number)
        if in_schedule or after_banner or after_doc_stamp:
            # What follows a schedule heading, a banner or a document stamp is read line by
            # line as far as each reaches.
            number = number + 1 if number < total else 0
            continue
        if may is None:
            number = number + 1 if number < total else 0
        else:
            number = next_line_with(may, number)
    # Blank lines inside a schedule belong to it when schedule rows follow.
    schedules = [n for n in kept if classes[n - 1] == _SCHEDULE]
    filled = [
        fill
        for above, below in itertools.pairwise(schedules)
        if below > above + 1 and all(classes[n - 1] == _BLANK for n in range(above + 1, below))
        for fill in range(above + 1, below)
    ]
    for fill in filled:
        classes[fill - 1] = _SCHEDULE
    return _Classed(classes, sorted([*kept, *filled]) if filled else kept)


def _mark_margins(source: SourceText, classes: bytearray) -> None:
    """Blank lines around a page break (with the furniture there) are margin, not spacing.

    Only the lines at each page break are read: the run of blank and furniture lines the break
    falls in or next to, when text stands on both sides of it.
    """
    pages = source.pages
    if source.page_count < 2 or pages is None:
        return
    spacing = (_BLANK, _FURNITURE)
    total = len(classes)
    done = 0  # the last line of the last run marked
    for page in range(2, pages[-1] + 1):
        # ``pages[first - 1] == page``: the break falls between lines first - 1 and first.
        first = bisect.bisect_left(pages, page) + 1
        if not 1 < first <= total or first <= done or pages[first - 1] != page:
            continue
        if classes[first - 2] in spacing:
            first -= 1
        elif classes[first - 1] not in spacing:
            continue
        while first > 1 and classes[first - 2] in spacing:
            first -= 1
        number = first
        while number <= total and classes[number - 1] in spacing:
            number += 1
        done = number - 1
        if first > 1 and number <= total:
            for n in range(first, number):
                if classes[n - 1] == _BLANK:
                    classes[n - 1] = _MARGIN


def _page_run(classes: bytearray, number: int) -> tuple[int, bool]:
    """The end (exclusive) of the run of blank and furniture lines at ``number``; has furniture."""
    end = number
    furniture = False
    while (
        end <= len(classes)
        and classes[end - 1] in (_BLANK, _FURNITURE, _MARGIN)
        and end - number <= p.MAX_PAGE_BREAK_LINES
    ):
        furniture = furniture or classes[end - 1] in (_FURNITURE, _MARGIN)
        end += 1
    return end, furniture


def _is_speck(line: str, stripped: str) -> bool:
    """OCR noise between two fields: ``■`` anywhere, a lone ``I`` far right in the margin."""
    if p.SPECK.match(line):
        return True
    return len(stripped) <= p.MARGIN_SPECK_LENGTH and _indent(line) >= p.MARGIN_COLUMN


def _open_bracket(parts: list[str]) -> bool:
    """Whether text read so far opens more ``<`` than it closes."""
    return sum(part.count("<") - part.count(">") for part in parts) > 0


def _nth_mark(line: str, count: int) -> int:
    """The column of the ``count``-th ``>`` of a line: 2 in ``> >:`` is column 2."""
    seen = 0
    for column, char in enumerate(line):
        if char == ">":
            seen += 1
            if seen == count:
                return column
    return 0


def _run_in_separators(
    lines: list[str], contents: list[str], words: _Words, numbers: Iterable[int] | None = None
) -> tuple[list[str], dict[int, str]]:
    """Separators with their block's first label run into the same line, each blanked out of
    the lines so that the label opens the line: ``----- Original Message----- From: Daniel
    Kölliker Sent: Sunday, April 12, 2020 4:53 AM``, ``Begin forwarded message: From: "Coulter,
    Margaret (HELP Committee)"``. The lines (copied first if they are the source's own
    ``contents``, and only when one changes) and the separators' text, by line number.

    ``numbers``: the lines that may hold a colon, ascending (None: every line).
    """
    found: dict[int, str] = {}
    for number in numbers if numbers is not None else range(1, len(lines) + 1):
        index = number - 1
        line = lines[index]
        if ":" not in line and "：" not in line:
            continue
        match = words.separator.match(line)
        if match is None or _separates(match):
            continue
        at = match.start("rest")
        while at < len(line) and line[at] in " \t-:*":
            at += 1
        label = words.label.match(line[at:])
        if label is None or words.field(label.group("label")) != "from":
            continue
        found[index + 1] = line[:at].strip()
        if lines is contents:
            lines = list(lines)
        lines[index] = " " * at + line[at:]
    return lines, found


#: What every line that ends a body holds (:data:`~cablethread.lexicon.patterns.ENDS_LINE`,
#: :data:`~cablethread.lexicon.patterns.CHAIN_CUT`): the word each of the two opens with, each looked
#: for on its own (an alternation of the two would be tried at every character).
_BODY_END_WORDS = (re.compile(r"ENDS"), re.compile(r"remainder", re.IGNORECASE))


def _body_ends(source: SourceText, lines: list[str]) -> frozenset[int]:
    """The lines that end a message's body: an end mark (``ENDS``) or a chain cut by the release
    (``The remainder of this email thread is out of scope``).

    A pass over the text for each of the words the two open with finds the lines holding one;
    only those are read whole. (Each line as the patterns read it holds no letter its text lacks,
    unless the text holds characters that reading deletes: then every line is read.)
    """

    def ends(line: str) -> bool:
        return p.ENDS_LINE.match(line) is not None or p.CHAIN_CUT.search(line) is not None

    text = source.text
    if "\ufeff" in text or "\x00" in text:
        return frozenset(n for n, line in enumerate(lines, start=1) if ends(line))
    found: set[int] = set()
    number, counted = 1, 0
    for at in heapq.merge(*((m.start() for m in word.finditer(text)) for word in _BODY_END_WORDS)):
        number += text.count(source.newline, counted, at)
        counted = at
        if number <= len(lines) and number not in found and ends(lines[number - 1]):
            found.add(number)
    return frozenset(found)


def _first_content(lines: list[str], kinds: bytearray, start: int, stop: int) -> int | None:
    """The first line from ``start`` to ``stop`` with text that is not furniture, if any."""
    for n in range(start, stop + 1):
        if (
            lines[n - 1].strip()
            and kinds[n - 1] != KIND_FURNITURE
            and kinds[n - 1] != KIND_SCHEDULE
        ):
            return n
    return None
