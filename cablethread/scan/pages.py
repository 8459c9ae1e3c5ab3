"""Page furniture found from page boundaries: running headers, footers and page numbers.

A text with form feeds (a PDF read by :mod:`cablethread.reading.pdf`, or ``pdftotext`` output) knows where
its pages begin and end. What a release prints at the same edge of page after page — a bare page
number, ``IN CONFIDENCE``, ``OIA-2019-0142 Document 6`` — is furniture, even where no pattern of
:mod:`cablethread.lexicon.patterns` knows its words. Recognising it matters most where a header block runs
over a page break (``Cc:`` at the foot of page 4, its wrapped recipients at the head of page 5):
furniture inside a block is stepped over, any other line ends the block.
"""

from __future__ import annotations

import bisect
import itertools
import re
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from cablethread.lexicon import patterns as p
from cablethread.lexicon.redactions import is_code_line, stamp_kind
from cablethread.reading.source import SourceText

__all__ = ["edge_furniture", "edge_marks"]

#: How many lines at the head and at the foot of a page may be running furniture.
EDGE_LINES = 2
#: A line stands at the same edge of at least this share of the pages (and of two pages) …
EDGE_SHARE = 0.5
#: … or of at least this many pages in a row (a document's own header inside a release).
EDGE_RUN = 3

_DIGITS = re.compile(r"\d+")


def _shape(line: str) -> str:
    """What a running line keeps from page to page: ``Page 4 of 12`` → ``Page # of #``."""
    return _DIGITS.sub("#", " ".join(line.split()))


def _may_be_furniture(line: str) -> bool:
    # A header field, a separator, a withholding code or an end mark at a page edge is content,
    # however often the same words stand there.
    return not (
        p.LABEL_LINE.match(line)
        or p.SEPARATOR.match(line)
        or p.ENDS_LINE.match(line)
        or is_code_line(line.strip())
        or stamp_kind(line.strip()) is not None
    )


@dataclass(slots=True)
class _Edges:
    """The pages with text, ascending, and the lines at their edges: ``lines[side][depth][i]``
    is the number of the non-blank line ``depth`` lines from the head (side 0) or foot (side 1)
    of page ``pages[i]``, 0 where the page has fewer. Four bytes a page and line: a text may be a
    page a line."""

    pages: array[int] = field(default_factory=lambda: array("i"))
    lines: tuple[tuple[array[int], ...], ...] = field(
        default_factory=lambda: tuple(
            tuple(array("i") for _ in range(EDGE_LINES)) for _side in range(2)
        )
    )


def _edges(source: SourceText) -> _Edges:
    """For each page with text, the numbers of its first and last few non-blank lines (the last
    from the foot up). Only the lines at each page's edges are read."""
    pages = source.pages or array("i", [1]) * len(source)
    contents = source.contents
    edges = _Edges()
    start = 0
    while start < len(pages):
        page = pages[start]
        end = bisect.bisect_right(pages, page, start)  # the pages of the lines only go up
        head = _written(contents, range(start, end))
        if head:
            edges.pages.append(page)
            foot = _written(contents, range(end - 1, start - 1, -1))
            for side, written in ((0, head), (1, foot)):
                for depth, numbers in enumerate(edges.lines[side]):
                    numbers.append(written[depth] if depth < len(written) else 0)
        start = end
    return edges


def _written(contents: list[str], indices: range) -> list[int]:
    """The numbers of the first :data:`EDGE_LINES` non-blank lines at ``indices`` (0-based)."""
    return list(
        itertools.islice((index + 1 for index in indices if contents[index].strip()), EDGE_LINES)
    )


def edge_furniture(source: SourceText) -> frozenset[int]:
    """Lines that repeat at the head or foot of the pages of ``source``, by line number.

    A text without form feeds has no pages and so no such lines. A line counts when it stands at
    the same edge, at the same depth from it, on at least half of the pages or on three pages in
    a row; the outermost line may differ in its numbers: ``7`` at the foot of every page is a page
    number.
    """
    return frozenset(number for found in _edge_runs(source) for number in found)


def edge_marks(source: SourceText) -> bytearray | None:
    """:func:`edge_furniture` as a byte a line (1: the line repeats at a page's edge), None for a
    text of one page: a text may print the same line on a million pages."""
    if source.page_count < 2:
        return None
    marks = bytearray(len(source))
    for found in _edge_runs(source):
        for number in found:
            marks[number - 1] = 1
    return marks


def _edge_runs(source: SourceText) -> Iterator[array[int]]:
    """The lines of :func:`edge_furniture`, as the lines of each edge, depth and shape found
    (four bytes a line; a line may stand at both edges of its page, and is then given twice)."""
    if source.page_count < 2:
        return
    edges = _edges(source)
    count = len(edges.pages)
    for side in (0, 1):
        for depth, numbers in enumerate(edges.lines[side]):
            # The pages and lines of each shape of line at this edge and depth.
            slots: dict[str, tuple[array[int], array[int]]] = {}
            for page, number in zip(edges.pages, numbers, strict=True):
                if number:
                    content = source.content(number)
                    # Only the outermost line may differ in its numbers from page to page
                    # (``Page 4 of 12``); a line inside it must repeat word for word.
                    shape = _shape(content) if depth == 0 else " ".join(content.split())
                    slot = slots.get(shape)
                    if slot is None:
                        slot = slots[shape] = (array("i"), array("i"))
                    slot[0].append(page)
                    slot[1].append(number)
            for placed_pages, placed_lines in slots.values():
                # Content (a header field, a code) at a page edge is never furniture. Only a
                # slot that repeats is read for it: a part of a slot repeats no more than all.
                if not _repeats(placed_pages, count):
                    continue
                if all(_may_be_furniture(source.content(n)) for n in placed_lines):
                    yield placed_lines
                    continue
                kept_pages, kept_lines = array("i"), array("i")
                for page, number in zip(placed_pages, placed_lines, strict=True):
                    if _may_be_furniture(source.content(number)):
                        kept_pages.append(page)
                        kept_lines.append(number)
                if _repeats(kept_pages, count):
                    yield kept_lines


def _repeats(pages: Sequence[int], page_count: int) -> bool:
    if len(pages) >= max(2, EDGE_SHARE * page_count):
        return True
    run = longest = 1
    for before, after in itertools.pairwise(pages):
        run = run + 1 if after == before + 1 else 1
        longest = max(longest, run)
    return longest >= EDGE_RUN
