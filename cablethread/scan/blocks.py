"""Split lines into segments and find header blocks.

Whole-text passes (:mod:`cablethread.scan.passes`) find the lines that may matter: those holding
a colon (every label), ``From`` or two hyphens, and those opening as a separator, page furniture,
a stamp or a schedule's heading. Only those lines are read one by one: each is classed on its own
(furniture, schedule, labelled field, text; every other line is text or blank), and the layout
families of :data:`LAYOUTS` are tried at those holding what a family opens on. Runs of labelled
lines become header blocks, and what lies between blocks becomes body, furniture, schedule or
other, a run of lines at a time.

A block needs a sender and at least one other of ``Sent``/``Date``/``To``/``Cc``/``Subject``, so
that ``From: the desk of …`` in prose does not start one. A memorandum's heading
(``To: Hillary`` / ``From: Sid`` / ``Re: N. Ireland forum``) is not a block either. Labels,
separators and attribution words come from :mod:`cablethread.lexicon.languages`, restricted to the
policy's languages.

Besides labelled blocks the scan finds a reply's attribution line (``On … wrote:``, over up to
three lines), Lotus Notes blocks (the sender and the send time on lines of their own above
``To:``) and Notes ``Forwarded by`` lines, and Yahoo's forwarded header run into one line. An
attribution's body is the text quoted below it; where the quote ends, the lines after it are the
enclosing message's again (a reply written below or between quotes).

Patterns read each line through a *view* (:func:`views`): the line with its quote prefix
(``> > From:``) and quoted-printable blanks (``Sent:=09Tuesday``) turned into spaces of the same
width, so that a quoted header block is found like any other and columns stay where they were.
"""

from __future__ import annotations

import bisect
import re
from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from cablethread.lexicon import patterns as p
from cablethread.reading.source import SourceText
from cablethread.scan.attribution import _attribution_block
from cablethread.scan.chains import _breaks_below, _enclosing
from cablethread.scan.labelled import _labels_language, _Memo, _opens_loose_block, _try_block
from cablethread.scan.lines import (
    _ALL,
    _FURNITURE,
    _LABEL,
    _SCHEDULE,
    _TEXT,
    _body_ends,
    _classify,
    _depths,
    _first_content,
    _mark_margins,
    _run_in_separators,
    _separates,
    _views,
    _Words,
    views,
)
from cablethread.scan.notes import _forwarded_by, _notes_block, _notes_from
from cablethread.scan.pages import edge_marks
from cablethread.scan.passes import (
    HOLDS_COLON,
    HOLDS_DASHES,
    HOLDS_FROM,
    HOLDS_SEPARATOR,
    MAY_FURNITURE,
    Passes,
    lines_with,
)
from cablethread.scan.raw import (
    KIND_BODY,
    KIND_FURNITURE,
    KIND_HEADER,
    KIND_SCHEDULE,
    NO_OWNER,
    RawBlock,
    RawField,
    Scan,
)
from cablethread.scan.separators import _one_line_block, _separator_block
from cablethread.scan.subjects import (
    _cut_forward_notes,
    _cut_subject_debris,
    _extend_subjects,
    _trim_subjects,
)

__all__ = ["LAYOUTS", "Layout", "RawBlock", "RawField", "Scan", "scan", "views"]


@dataclass(frozen=True, slots=True)
class _Scanning:
    """What every layout reads a text with: its line views and contents, the class and quote
    depth of each line, its pages, the words of the languages read, Yahoo's run-in separators."""

    lines: list[str]
    contents: list[str]
    classes: bytearray
    depths: Sequence[int]
    pages: Sequence[int] | None
    words: _Words
    run_in: dict[int, str]


class _At(NamedTuple):
    """The line a layout is tried at: its number, its view, the separator it opens with (a text
    line's), and the last line of the block found above it (0: none)."""

    number: int
    line: str
    separator: re.Match[str] | None
    after: int


_Reader = Callable[[_Scanning, _At], "RawBlock | _Memo | None"]


@dataclass(frozen=True, slots=True)
class Layout:
    """A family of header layouts: the class of line it opens on (a labelled line or a line of
    text), a quick test that it may open there, and its readers, tried in turn.

    ``found``: what a line the family may open on holds, as the whole-text passes mark it
    (:mod:`cablethread.scan.passes`, ``HOLDS_COLON`` …): every line its test lets through holds
    one of these, and no line that holds none is looked at.

    ``alone``: a line it opens on but cannot read a block from is recorded
    (``Scan.separators_alone``: a separator with no header block under it).
    """

    name: str
    line_class: int
    opens: Callable[[_Scanning, _At], bool]
    read: tuple[_Reader, ...]
    found: int
    alone: bool = False


def _always(scanning: _Scanning, at: _At) -> bool:
    return True


def _labelled(scanning: _Scanning, at: _At) -> RawBlock | _Memo | None:
    s = scanning
    found = _try_block(s.lines, s.classes, at.number, pages=s.pages, words=s.words)
    if at.number in s.run_in and not isinstance(found, _Memo):
        if found is None:
            # Yahoo runs the labels together with no blank between: ``----- Forwarded
            # Message ----- From: John Doe <john.doe@acme.com>To: "b@acme.com" …``.
            line = s.contents[at.number - 1]
            return _one_line_block(line, at.number, s.words, s.words.separator.match(line))
        found.separator = s.run_in[at.number]
    return found


def _opens_in_prose(scanning: _Scanning, at: _At) -> bool:
    s = scanning
    return "From" in at.line and _opens_loose_block(s.lines, s.classes, at.number, s.words)


def _labelled_in_prose(scanning: _Scanning, at: _At) -> RawBlock | None:
    s = scanning
    found = _try_block(
        s.lines, s.classes, at.number, loose_start=True, pages=s.pages, words=s.words
    )
    return found if isinstance(found, RawBlock) else None


def _opens_separated(scanning: _Scanning, at: _At) -> bool:
    return _separates(at.separator)


def _separated(scanning: _Scanning, at: _At) -> RawBlock | None:
    s = scanning
    return _separator_block(s.lines, s.classes, at.number, s.pages, s.words)


def _holds_a_mark(scanning: _Scanning, at: _At) -> bool:
    # A Notes time, an attribution and a forward line all hold one of these.
    line = at.line
    return at.separator is not None or ":" in line or "：" in line or "--" in line


def _run_in(scanning: _Scanning, at: _At) -> RawBlock | None:
    return _one_line_block(at.line, at.number, scanning.words, at.separator)


def _forwarded(scanning: _Scanning, at: _At) -> RawBlock | None:
    return _forwarded_by(scanning.lines, at.number)


def _notes(scanning: _Scanning, at: _At) -> RawBlock | None:
    s = scanning
    return _notes_block(s.lines, s.classes, at.number, at.after, s.words, s.pages)


def _attribution(scanning: _Scanning, at: _At) -> RawBlock | None:
    s = scanning
    return _attribution_block(
        s.lines, s.contents, s.classes, s.depths, at.number, at.after, s.words
    )


#: The layout families, in the order they are tried at a line: the first whose class and test
#: fit the line is the one tried there (its readers in turn); the others are not.
LAYOUTS: tuple[Layout, ...] = (
    # ``From:`` / ``Sent:`` / ``To:`` … in any language read (scan.labelled).
    Layout("labelled", _LABEL, _always, (_labelled,), HOLDS_COLON),
    # The same, its ``From`` run into a line of prose by OCR (scan.labelled).
    Layout(
        "labelled, in prose",
        _TEXT,
        _opens_in_prose,
        (_labelled_in_prose,),
        HOLDS_FROM,
    ),
    # ``-----Original Message-----`` and the like, the header block under it (scan.separators).
    Layout(
        "separator",
        _TEXT,
        _opens_separated,
        (_separated,),
        HOLDS_SEPARATOR,
        alone=True,
    ),
    # A header on one line: Yahoo's forward run into a line (scan.separators), Lotus Notes'
    # ``Forwarded by`` and sender-and-time lines (scan.notes), a reply's ``On … wrote:``
    # (scan.attribution); each holds a separator, a colon or two hyphens.
    Layout(
        "one line",
        _TEXT,
        _holds_a_mark,
        (_run_in, _forwarded, _notes, _attribution),
        HOLDS_SEPARATOR | HOLDS_COLON | HOLDS_DASHES,
    ),
)


#: The kinds of line a body steps over (furniture and schedule lines keep their kind).
_SET_APART = (KIND_FURNITURE, KIND_SCHEDULE)
#: A body line's kind, as a byte.
_BODY_BYTE = bytes([KIND_BODY])


def scan(
    source: SourceText, languages: tuple[str, ...] | None = None, dayfirst: bool = True
) -> Scan:
    """Find header blocks and class every line of ``source``.

    ``languages`` restricts labels, separators and attribution words to those languages (all
    when None); ``dayfirst`` orders the numeric dates of attribution lines in English.
    """
    words = _Words.of(languages, dayfirst) if (languages, dayfirst) != (None, True) else _ALL
    passes = Passes.over(source, languages)
    lines, prefixes, changed = _views(source, passes)
    contents = source.contents
    depths = _depths(len(source), prefixes)
    # A line whose view is not its text is read whatever the passes found in it.
    passes.anything(changed)
    holds = passes.holds
    # A run-in separator holds a colon after the separator's words.
    both = HOLDS_COLON | HOLDS_SEPARATOR
    lines, run_in = _run_in_separators(
        lines, contents, words, (n for n in lines_with(holds) if holds[n - 1] & both == both)
    )
    passes.anything(run_in)
    running = edge_marks(source)
    if running is not None:
        index = -1
        while (index := running.find(1, index + 1)) >= 0:
            passes.may[index] |= MAY_FURNITURE
    classed = _classify(lines, running, words, passes.may)
    classes = classed.classes
    _mark_margins(source, classes)
    pages = source.pages if source.page_count > 1 else None
    total = len(source)
    blocks: list[RawBlock] = []
    separators_alone: list[int] = []
    scanning = _Scanning(lines, contents, classes, depths, pages, words, run_in)
    tried = {
        cls: [layout for layout in LAYOUTS if layout.line_class == cls] for cls in (_LABEL, _TEXT)
    }
    # Only the lines that hold what some layout opens on are tried; a line inside a block found
    # is not tried again.
    wanted = 0
    for layout in LAYOUTS:
        wanted |= layout.found
    done = 0
    for number in lines_with(holds):
        if number <= done or not holds[number - 1] & wanted:
            continue
        cls = classes[number - 1]
        if cls != _LABEL and cls != _TEXT:
            continue
        line = lines[number - 1]
        separator = words.separator.match(line) if cls == _TEXT else None
        at = _At(number, line, separator, blocks[-1].end if blocks else 0)
        found: RawBlock | _Memo | None = None
        for layout in tried[cls]:
            if layout.opens(scanning, at):
                for read in layout.read:
                    found = read(scanning, at)
                    if found is not None:
                        break
                if found is None and layout.alone:
                    separators_alone.append(number)
                break
        if isinstance(found, _Memo):
            done = found.end
            continue
        if isinstance(found, RawBlock):
            if found.layout == "fields":
                _notes_from(found, lines)
            if found.language is None and found.layout != "forwarded-by":
                found.language = _labels_language(found.fields, words)
            found.quote_depth = depths[
                found.start - 1 if found.layout == "attribution" else found.fields[0].line - 1
            ]
            blocks.append(found)
            done = found.end

    _cut_subject_debris(blocks)
    _extend_subjects(blocks, lines, classes)
    _trim_subjects(blocks)
    _cut_forward_notes(blocks)
    kept = classed.kept
    kinds = bytearray(total)  # every line KIND_OTHER
    for n in kept:
        kinds[n - 1] = KIND_FURNITURE if classes[n - 1] == _FURNITURE else KIND_SCHEDULE
    ends = sorted(_body_ends(source, lines))
    # Where the release cut a chain, and its schedule: between two blocks, either ends a chain.
    cuts = [n for n in ends if classes[n - 1] == _TEXT and p.CHAIN_CUT.search(lines[n - 1])]
    schedules = [n for n in kept if classes[n - 1] == _SCHEDULE]
    owners = array("i", [NO_OWNER]) * total
    chains: list[int] = []
    chain = 0
    for index, block in enumerate(blocks):
        enclosing = _enclosing(kinds, owners, block.start)
        for n in range(block.start, block.end + 1):
            if kinds[n - 1] != KIND_FURNITURE:
                kinds[n - 1] = KIND_HEADER
                owners[n - 1] = index
        if index > 0 and _breaks_below(blocks[index - 1], block, classes, cuts, schedules):
            chain += 1
        chains.append(chain)
        stop = blocks[index + 1].start - 1 if index + 1 < len(blocks) else total
        # An attribution's body is the text quoted below it; where the quote ends, the lines
        # are the enclosing message's again (a reply written below or between quotes).
        below = (
            _first_content(lines, kinds, block.end + 1, stop)
            if block.layout == "attribution"
            else None
        )
        if below is not None and depths[below - 1] > block.quote_depth:
            _quoted_body(kinds, owners, lines, depths, block, index, enclosing, stop, ends)
        else:
            _body(kinds, owners, kept, ends, block.end + 1, stop, index)
    return Scan(kinds, owners, blocks, chains, separators_alone)


def _body(
    kinds: bytearray,
    owners: array[int],
    kept: list[int],
    ends: list[int],
    first: int,
    stop: int,
    owner: int,
) -> None:
    """Lines ``first`` to ``stop`` are the body of block ``owner`` up to the first line that ends
    a body (``ENDS``), furniture and schedule lines aside; the lines after that end stay as they
    were. ``kept``: the furniture and schedule lines, ``ends``: the lines ending a body, ascending.
    """
    last = stop
    at = bisect.bisect_left(ends, first)
    while at < len(ends) and ends[at] <= stop:
        if kinds[ends[at] - 1] not in _SET_APART:
            last = ends[at]
            break
        at += 1
    if last < first:
        return
    inside = kept[bisect.bisect_left(kept, first) : bisect.bisect_right(kept, last)]
    held = [(kinds[n - 1], owners[n - 1]) for n in inside]
    kinds[first - 1 : last] = _BODY_BYTE * (last - first + 1)
    owners[first - 1 : last] = array("i", [owner]) * (last - first + 1)
    for n, (kind, held_owner) in zip(inside, held, strict=True):
        kinds[n - 1], owners[n - 1] = kind, held_owner


def _quoted_body(
    kinds: bytearray,
    owners: array[int],
    lines: list[str],
    depths: Sequence[int],
    block: RawBlock,
    index: int,
    enclosing: int | None,
    stop: int,
    ends: list[int],
) -> None:
    """The body of an attribution whose text is quoted below it: its lines up to where the quote
    ends; the lines after it are the enclosing message's again (a reply written below or between
    quotes), each read for its quote depth."""
    quoted = True
    owner: int | None = index
    closed = False
    ending = frozenset(
        ends[bisect.bisect_left(ends, block.end + 1) : bisect.bisect_right(ends, stop)]
    )
    for n in range(block.end + 1, stop + 1):
        if kinds[n - 1] in _SET_APART:
            continue
        if quoted and lines[n - 1].strip() and depths[n - 1] <= block.quote_depth:
            quoted, owner, closed = False, enclosing, False
        if closed or owner is None:
            continue
        kinds[n - 1] = KIND_BODY
        owners[n - 1] = owner
        if n in ending:
            closed = True
