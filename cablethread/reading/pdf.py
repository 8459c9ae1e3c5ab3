"""PDF input: the text layer of a released PDF, laid out line for line as it was printed.

Needs the ``pdf`` extra (``pip install 'cablethread[pdf]'``), which brings ``pypdfium2`` (PDFium,
the PDF engine of Chromium); ``docs/pdf.md`` gives the measurements it was chosen by.

PDFium gives the characters a page places, with their baselines and advance boxes. This module
lays their words out as ``pdftotext -layout`` would, because the parser reads layout: words on one
baseline are one line, a gap of *n* line pitches is *n − 1* blank lines (a blank line ends a
wrapped subject), and a wide gap puts the next word at its column (Outlook prints values in a
column). Pages are joined with a form feed after each, as ``pdftotext`` joins them, so the text
alone tells the page of every line (:meth:`cablethread.SourceText.page`), and ``release.text`` is
exactly the text extracted here.

Pages without text (a scan inside a typed release) are reported by the parser as ``page-no-text``;
a PDF with no text at all raises :class:`NoTextLayerError`, which names OCR as the way forward.
"""

from __future__ import annotations

import ctypes
import itertools
import math
import operator
import os
import re
import statistics
import threading
from array import array
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any, NamedTuple, cast

from cablethread.errors import InputError, NoTextLayerError, PdfSupportMissing
from cablethread.policy import DEFAULT_MAX_BYTES
from cablethread.reading.source import SourceText

__all__ = [
    "NoTextLayerError",
    "PdfSupportMissing",
    "PdfText",
    "extract_pages",
    "extract_pdf",
    "is_pdf",
    "join_pages",
    "pdf_text",
]

#: PDFium is not thread-safe, and ``parse_many`` may read files in a thread pool: one document
#: at a time.
_PDFIUM_LOCK = threading.Lock()

#: How far into a file the ``%PDF-`` marker may stand (the format allows leading junk).
_MARKER_WINDOW = 1024
#: Words up to this many character widths apart are one space apart; further apart, the next word
#: goes to its column (a label's value column, a tab stop).
_SPACE_WIDTHS = 1.6
#: Text turned by more than this (radians, about 3°) is set at an angle, not level.
_LEVEL = 0.05
#: Words whose baselines differ by less than this share of their height are on one line.
_SAME_LINE = 0.4
#: A word: what PDFium gives between its spaces and line breaks (both its own and the file's).
#: PDFium joins a word hyphenated at a line end (``paid-`` / ``for``) into one, marking the
#: hyphen \ufffe (\x02 in older builds); the mark ends the word, so each part keeps its line.
_WORD = re.compile(r"[^\s\ufffe\x02]+[\ufffe\x02]?|[\ufffe\x02]")
_HYPHENS = str.maketrans({"\ufffe": "-", "\x02": "-"})
#: The most blank lines one gap between lines becomes: more than a page of type holds, so a real
#: gap is never cut; lines a million points apart at a small size would be millions of lines.
_MOST_BLANK_LINES = 100
#: The farthest column a word is moved to (characters): wider than any landscape page of type.
_MOST_COLUMN = 500
#: The most characters PDFium may give one page: the words' offsets in it are held in four bytes.
_MOST_OFFSET = 2**31 - 1
#: The most characters one page may expand to: a page of type holds some thousands.
MAX_PAGE_CHARACTERS = 1_000_000


class PdfText(NamedTuple):
    """The text of a PDF and the 1-based page of each of its lines (``text.split("\\n")``)."""

    text: str
    page_of_line: tuple[int, ...]


def is_pdf(data: bytes) -> bool:
    """Whether ``data`` is a PDF: ``b"%PDF-1.7 ..."``.

    The marker may stand after some junk (readers accept it within the first kilobyte); there, a
    file that is valid UTF-8 is taken for a text that merely quotes the marker.
    """
    at = data.find(b"%PDF-", 0, _MARKER_WINDOW)
    if at < 0:
        return False
    if not data[:at].strip():
        return True
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return True
    return False


def join_pages(pages: list[str]) -> str:
    """Join page texts as ``pdftotext`` does: each page's lines, then a form feed.

    >>> join_pages(["From: NAD\\nSent: 11 July 2019\\n", "To: BEIJING\\n"])
    'From: NAD\\nSent: 11 July 2019\\n\\x0cTo: BEIJING\\n\\x0c'
    """
    joined: list[str] = []
    for page in pages:
        if page and not page.endswith("\n"):
            page += "\n"
        joined.append(page + "\x0c")
    return "".join(joined)


def _pdfium() -> Any:
    try:
        import pypdfium2
    except ImportError as exc:
        raise PdfSupportMissing(
            "reading PDF needs the pdf extra: pip install 'cablethread[pdf]'"
        ) from exc
    return pypdfium2


class _PageWords:
    """A page's level words while the page is read, held as columns rather than an object per
    word: each word is a slice of the page's text and a box in points. ``order`` lists the words
    line by line, top to bottom and each line left to right; line ``n`` is
    ``order[breaks[n]:breaks[n + 1]]``. What the page's text is written from is kept in
    :class:`_Document`; this is let go of as soon as the page is read."""

    __slots__ = (
        "baselines",
        "breaks",
        "ends",
        "heights",
        "lefts",
        "order",
        "rights",
        "starts",
        "text",
        "turned",
    )

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = array("l")
        self.ends = array("l")
        self.baselines = array("d")
        self.lefts = array("d")
        self.rights = array("d")
        self.heights = array("d")
        self.order = array("l")
        self.breaks = array("l")
        #: Lines set at an angle (a stamp up the margin, a watermark), whole, in page order.
        self.turned: list[str] = []

    def __len__(self) -> int:
        return len(self.starts)

    def lines(self) -> Iterator[array[int]]:
        """Each line's words, left to right, top line first."""
        breaks, order = self.breaks, self.order
        for n, start in enumerate(breaks):
            yield order[start : breaks[n + 1] if n + 1 < len(breaks) else len(order)]

    def baseline(self, line: array[int]) -> float:
        """The baseline of a line's main text: that of its tallest word, not of a raised mark."""
        heights = self.heights
        return self.baselines[max(line, key=heights.__getitem__)]


class _Page(NamedTuple):
    """A page read, to be written: its text (which its words are slices of), its lines (numbers
    into :class:`_Document`'s line columns, ``first`` to ``stop``), its lines set at an angle."""

    text: str
    first: int
    stop: int
    turned: list[str]


class _Document:
    """The level words of every page of a document, in a few columns for the whole document.

    Each page is written with measures of the whole document (its margin, character width and
    line pitch), so its words are kept until the last page is read. Columns of the whole
    document, rather than a page's own arrays, hold them in some large blocks that go back to
    the system once the pages are written, not in thousands of small ones that leave the heap
    full of holes; and only what writing needs is kept, 32 bytes a word rather than 64. Words
    are in line order: line ``n`` is words ``firsts[n]`` to ``firsts[n + 1]``. The measures'
    medians are taken over counts of distinct values (:func:`_median`), not a list of a float
    object a word.
    """

    __slots__ = ("baselines", "ends", "firsts", "heights", "lefts", "pages", "rights", "starts")

    def __init__(self) -> None:
        #: Each word's offsets in its page's text (under :data:`_MOST_OFFSET`) and its left and
        #: right edges, in line order.
        self.starts = array("i")
        self.ends = array("i")
        self.lefts = array("d")
        self.rights = array("d")
        #: Every word's height, in no order (their median is a line of type, :func:`_line_pitch`).
        self.heights = array("d")
        #: Each line's first word and baseline.
        self.firsts = array("l")
        self.baselines = array("d")
        self.pages: list[_Page] = []

    def add(self, page: _PageWords) -> None:
        """Keep what a page read (its words put in lines) is written from."""
        first = len(self.baselines)
        self.heights.extend(page.heights)
        order = page.order
        if order:
            # The columns in line order, gathered in C.
            gather = _gatherer(order)
            self.starts.extend(gather(page.starts))
            self.ends.extend(gather(page.ends))
            self.lefts.extend(gather(page.lefts))
            self.rights.extend(gather(page.rights))
        words = len(self.starts) - len(order)
        for line, start in zip(page.lines(), page.breaks, strict=True):
            self.firsts.append(words + start)
            self.baselines.append(page.baseline(line))
        self.pages.append(_Page(page.text, first, len(self.baselines), page.turned))

    def line_words(self, line: int) -> range:
        """The words of line ``line``, left to right."""
        firsts = self.firsts
        return range(firsts[line], firsts[line + 1] if line + 1 < len(firsts) else len(self.starts))


def _gatherer(order: array[int]) -> Callable[[array[Any]], tuple[Any, ...]]:
    """What gives the values of a column at ``order``'s places, as a tuple (an itemgetter of
    one place gives a value, not a tuple)."""
    if len(order) == 1:
        only = order[0]
        return lambda values: (values[only],)
    places: tuple[int, ...] = tuple(order)
    return cast("Callable[[array[Any]], tuple[Any, ...]]", operator.itemgetter(*places))


def _words(textpage: Any, raw: Any) -> _PageWords:
    """The words of a page, and its lines set at an angle (a stamp up the margin, a watermark).

    Words are PDFium's characters split at the spaces and line breaks it gives. Text at an angle
    has no place among the level lines (each of its words would stand on a line of its own); it is
    kept whole, in the order the page gives it, to be written below them.
    """
    count = textpage.count_chars()
    if count > _MOST_OFFSET:
        raise _TooLarge(MAX_PAGE_CHARACTERS)
    text = textpage.get_text_range(0, count) if count else ""
    if len(text) != count:
        # A character beyond the BMP takes two UTF-16 units; read one character per index.
        text = "".join(chr(raw.FPDFText_GetUnicode(textpage.raw, i) or 32) for i in range(count))
    origin_x, origin_y = ctypes.c_double(), ctypes.c_double()
    first, last = raw.FS_RECTF(), raw.FS_RECTF()
    angle_of = getattr(raw, "FPDFText_GetCharAngle", None)
    # A hyphen mark becomes a hyphen, one character for one, so the words' offsets still hold.
    page = _PageWords(text.translate(_HYPHENS))
    turned = page.turned
    after = 0  # where the previous word ended, when it was set at an angle
    for match in _WORD.finditer(text):
        start, end = match.start(), match.end() - 1
        # Radians counter-clockwise; -1 when PDFium cannot tell.
        angle = angle_of(textpage.raw, start) if angle_of is not None else 0.0
        if _LEVEL < angle < 2 * math.pi - _LEVEL:
            word = page.text[start : match.end()]
            if after and "\n" not in text[after:start]:
                turned[-1] += " " + word
            else:
                turned.append(word)
            after = match.end()
            continue
        after = 0
        raw.FPDFText_GetCharOrigin(textpage.raw, start, origin_x, origin_y)
        # Loose boxes span each glyph's advance, so columns come out whole for monospace type.
        raw.FPDFText_GetLooseCharBox(textpage.raw, start, first)
        raw.FPDFText_GetLooseCharBox(textpage.raw, end, last)
        page.starts.append(start)
        page.ends.append(match.end())
        page.baselines.append(origin_y.value)
        page.lefts.append(first.left)
        page.rights.append(max(last.right, first.right))
        page.heights.append(max(first.top - first.bottom, 0.1))
    _order_lines(page)
    return page


def _order_lines(page: _PageWords) -> None:
    """Group the words into lines by baseline, top to bottom, each line left to right."""
    baselines, lefts, heights = page.baselines, page.lefts, page.heights
    order = sorted(range(len(page)), key=lambda i: (-baselines[i], lefts[i]))
    breaks: list[int] = []
    lowest = tallest = 0.0  # of the line being gathered
    for position, word in enumerate(order):
        # A footnote mark stands a little above its line, in a smaller size; the next line
        # stands a whole pitch below.
        baseline, height = baselines[word], heights[word]
        if breaks and lowest - baseline < _SAME_LINE * max(tallest, height):
            lowest, tallest = min(lowest, baseline), max(tallest, height)
        else:
            breaks.append(position)
            lowest, tallest = baseline, height
    for n, start in enumerate(breaks):
        end = breaks[n + 1] if n + 1 < len(breaks) else len(order)
        order[start:end] = sorted(order[start:end], key=lefts.__getitem__)
    page.order = array("l", order)
    page.breaks = array("l", breaks)


def _median(counts: Counter[float]) -> float:
    """``statistics.median`` of the values counted, without a list of them: a document's words
    have a few heights and, in type, a few thousand widths, against some hundred thousand
    words."""
    total = counts.total()
    if not total:
        raise statistics.StatisticsError("no median for empty data")
    # Zero-based places of the middle value or the two middle values, as statistics.median.
    high = total // 2
    low = high if total % 2 else high - 1
    seen = 0
    below, found = 0.0, False
    for value in sorted(counts):
        seen += counts[value]
        if not found and seen > low:
            below, found = value, True
        if seen > high:
            return below if low == high else (below + value) / 2
    raise AssertionError("the counts end before their middle")  # pragma: no cover


def _char_width(document: _Document) -> float:
    widths: Counter[float] = Counter(
        (right - left) / (end - start)
        for left, right, start, end in zip(
            document.lefts, document.rights, document.starts, document.ends, strict=True
        )
        if right > left
    )
    return _median(widths) if widths else 5.0


def _line_pitch(document: _Document) -> float:
    heights = document.heights
    if not heights:
        return 12.0
    # Steps much smaller than a line of type are lines set over each other (a subscript, text
    # laid on a form), not spacing.
    least = 0.6 * _median(Counter(heights))
    baselines = document.baselines
    steps = sorted(
        step
        for page in document.pages
        for above, below in itertools.pairwise(baselines[page.first : page.stop])
        if (step := above - below) >= least
    )
    if not steps:
        return 12.0
    # The smallest common step is single spacing; most steps of a double-spaced release are
    # paragraph gaps, so the median alone would read them as single lines.
    floor = steps[len(steps) // 10]
    return statistics.median(s for s in steps if s <= floor * 1.3)


def _write_line(
    document: _Document, text: str, words: range, margin: float, char_width: float
) -> str:
    """One line of text, each word at its column (``From:`` … ``Mills, Cheryl D`` in Outlook's)."""
    lefts, rights, starts, ends = document.lefts, document.rights, document.starts, document.ends
    written = ""
    previous: int | None = None
    for word in words:
        left = lefts[word]
        column = min(_MOST_COLUMN, max(0, round((left - margin) / char_width)))
        if previous is None:
            written = " " * column
        elif (left - rights[previous]) / char_width >= _SPACE_WIDTHS:
            # A wide gap is a column (Outlook's value column, a tab stop): go to it.
            written += " " * max(1, column - len(written))
        else:
            written += " "
        written += text[starts[word] : ends[word]]
        previous = word
    return written


def _write_page(
    document: _Document, page: _Page, margin: float, char_width: float, pitch: float, limit: int
) -> str:
    """The text of a page; raises ``_TooLarge`` past ``limit`` characters."""
    written: list[str] = []
    size = 0
    above: float | None = None
    baselines = document.baselines
    for line in range(page.first, page.stop):
        baseline = baselines[line]
        if above is not None:
            steps = (above - baseline) / pitch
            blank = min(_MOST_BLANK_LINES, max(0, round(steps) - 1))
            written.extend([""] * blank)
            size += blank
        above = baseline
        written.append(
            _write_line(document, page.text, document.line_words(line), margin, char_width)
        )
        size += len(written[-1]) + 1
        if size > limit:
            raise _TooLarge(limit)
    if page.turned:
        # Below the page's lines, where a stamp's words are read as page furniture.
        written.extend(["", *page.turned] if written else page.turned)
        if size + sum(len(line) + 1 for line in page.turned) > limit:
            raise _TooLarge(limit)
    return "".join(f"{line}\n" for line in written)


class _TooLarge(Exception):
    """A page's text passed the limit it was written under."""

    def __init__(self, limit: int) -> None:
        super().__init__(limit)
        self.limit = limit


def _too_large(label: str, number: int, limit: int) -> InputError:
    """The error of page ``number``, which expands to more than ``limit`` characters."""
    whole = "page" if limit == MAX_PAGE_CHARACTERS else "document"
    return InputError(
        f"{label}: page {number} lays its text out over more than {limit:,} characters "
        f"(the most a {whole} may expand to); it is no printed page. A larger limit for "
        "the document: Policy(max_bytes=...) or --max-size"
    )


def _open(pdf: str | os.PathLike[str] | bytes | IO[bytes], name: str) -> Any:
    pdfium = _pdfium()
    source: Any = Path(pdf) if isinstance(pdf, str | os.PathLike) else pdf
    try:
        return pdfium.PdfDocument(source)
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except pdfium.PdfiumError as exc:
        # pypdfium2 refuses a document of no pages with PDFium's last error, which is then that
        # of an earlier file (or ``Success``): ask PDFium for the page count itself first.
        if _no_pages(pdfium.raw, source):
            raise InputError(f"{name}: the PDF has no pages") from None
        if "password" in str(exc).lower():
            raise InputError(
                f"{name}: the PDF is encrypted with a password; decrypt it first "
                "(e.g. qpdf --decrypt --password=… in.pdf out.pdf)"
            ) from None
        raise InputError(f"{name}: not a readable PDF ({exc})") from None


def _no_pages(raw: Any, source: Any) -> bool:
    """Whether PDFium opens ``source`` (a path or bytes) as a document of no pages."""
    if isinstance(source, Path):
        document = raw.FPDF_LoadDocument(
            (str(source) + "\x00").encode("utf-8", errors="surrogateescape"), None
        )
    elif isinstance(source, bytes):
        document = raw.FPDF_LoadMemDocument64(source, len(source), None)
    else:
        return False
    if not document:
        return False
    try:
        return bool(raw.FPDF_GetPageCount(document) == 0)
    finally:
        raw.FPDF_CloseDocument(document)


def extract_pages(
    pdf: str | os.PathLike[str] | bytes | IO[bytes],
    name: str | None = None,
    *,
    max_characters: int = DEFAULT_MAX_BYTES,
) -> list[str]:
    """The text of each page, laid out as printed; a page without text gives ``""``.

    A page that would expand to more than :data:`MAX_PAGE_CHARACTERS`, or a document to more than
    ``max_characters`` (``Policy.max_bytes`` when read by the parser), raises
    :class:`~cablethread.InputError`: a page of type holds some thousands, and a PDF can lay a
    few words out a million points apart.

    >>> extract_pages("tests/data/mfat_xinjiang_oia.pdf")[0].splitlines()[0]
    'Document schedule'
    """
    label = name or (str(pdf) if isinstance(pdf, str | os.PathLike) else "<pdf>")
    raw = _pdfium().raw
    document = _Document()
    with _PDFIUM_LOCK:
        opened = _open(pdf, label)
        try:
            for index in range(len(opened)):
                page = opened[index]
                textpage = page.get_textpage()
                try:
                    document.add(_words(textpage, raw))
                except _TooLarge as error:
                    raise _too_large(label, index + 1, error.limit) from None
                finally:
                    textpage.close()
                    page.close()
        finally:
            opened.close()
    margin = min(document.lefts, default=0.0)
    char_width = _char_width(document)
    pitch = _line_pitch(document)
    written: list[str] = []
    total = 0
    pages = document.pages
    pages.reverse()  # taken from the end, first page first: each is let go once written
    while pages:
        read = pages.pop()
        number = len(written) + 1
        limit = min(MAX_PAGE_CHARACTERS, max_characters - total)
        try:
            text = _write_page(document, read, margin, char_width, pitch, limit)
        except _TooLarge:
            raise _too_large(label, number, limit) from None
        total += len(text)
        written.append(text)
    return written


def pdf_text(
    pdf: str | os.PathLike[str] | bytes | IO[bytes],
    name: str | None = None,
    *,
    max_characters: int = DEFAULT_MAX_BYTES,
) -> str:
    """The text of a PDF for :func:`cablethread.parse`, pages joined by form feeds (what
    :func:`extract_pdf` gives, without the page of each line).

    Raises :class:`NoTextLayerError` for a PDF of images only, :class:`PdfSupportMissing` without
    the ``pdf`` extra, :class:`~cablethread.InputError` for a file that is not a readable PDF.

    >>> pdf_text("tests/data/mfat_xinjiang_oia.pdf").count("\\x0c")
    30
    """
    label = name or (str(pdf) if isinstance(pdf, str | os.PathLike) else "<pdf>")
    pages = extract_pages(pdf, label, max_characters=max_characters)
    if not pages:
        raise InputError(f"{label}: the PDF has no pages")
    if not any(page.strip() for page in pages):
        count = len(pages)
        raise NoTextLayerError(
            f"{label}: the PDF has no text layer ({count} page{'s' if count != 1 else ''} of "
            "images, e.g. a scan); run OCR on it first, e.g. "
            "`ocrmypdf release.pdf release-ocr.pdf`, then parse the OCR'd PDF"
        )
    return join_pages(pages)


def extract_pdf(
    pdf: str | os.PathLike[str] | bytes | IO[bytes],
    name: str | None = None,
    *,
    max_characters: int = DEFAULT_MAX_BYTES,
) -> PdfText:
    """The text of a PDF for :func:`cablethread.parse`, pages joined by form feeds, and the page
    of each of its lines; raises as :func:`pdf_text` does.

    >>> text, page_of_line = extract_pdf("tests/data/mfat_xinjiang_oia.pdf")
    >>> text.split("\\n")[12], page_of_line[12], text.count("\\x0c"), page_of_line[-1]
    ('From: NAD', 1, 30, 30)
    """
    text = pdf_text(pdf, name, max_characters=max_characters)
    source = SourceText(text)
    page_of_line = tuple(source.page(n) or 1 for n in range(1, len(source) + 1))
    return PdfText(text, page_of_line)
