"""The input indexed once into lines; every later stage refers to text by 1-based line number."""

from __future__ import annotations

import re
from array import array
from collections.abc import Iterable, Iterator, Sequence

from cablethread.models import Span

__all__ = ["SourceText", "line_ends"]

#: The line ends a text is split on (:attr:`SourceText.newline`).
_LINE_ENDS = {"\n": re.compile("\n"), "\r": re.compile("\r")}


def line_ends(text: str, newline: str = "\n", start: int = 0, end: int | None = None) -> array[int]:
    """Where each line end of ``text[start:end]`` ends (the offset just past it), in order: four
    bytes a line where the text allows.

    >>> list(line_ends("a\\nbc\\n\\nd"))
    [2, 5, 6]
    """
    stop = len(text) if end is None else end
    found = _LINE_ENDS[newline].finditer(text, start, stop)
    return array("I" if len(text) < 2**32 else "q", map(re.Match.end, found))


_INVISIBLE = str.maketrans({"\x0c": " ", "\ufeff": None, "\x00": None})


def _line_blanked(line: str) -> str:
    """A line with its form feeds made spaces and its byte-order marks and NULs dropped: the line
    itself if it holds none (the same object, held once); a blank of one character is Python's
    own (``translate`` gives it)."""
    if "\x0c" in line or "\ufeff" in line or "\x00" in line:
        return line.translate(_INVISIBLE)
    return line


#: The longest line :func:`held_once` holds once, and how many distinct lines it holds.
HELD_LENGTH = 16
MOST_HELD = 4_096


def held_once(line: str, held: dict[str, str]) -> str:
    """``line``, or the equal short line made before it (in ``held``): a text of the same short
    line made again and again (a quoted line on a page of its own) holds it once. At most
    :data:`MOST_HELD` distinct lines are held; the others are kept as they are."""
    if len(line) > HELD_LENGTH:
        return line
    same = held.get(line)
    if same is not None:
        return same
    if len(held) < MOST_HELD:
        held[line] = line
    return line


def _held_in_place(lines: list[str]) -> list[str]:
    """``lines``, each short line replaced by the equal one before it (:func:`held_once`)."""
    held: dict[str, str] = {}
    for index, line in enumerate(lines):
        if len(line) <= HELD_LENGTH:
            lines[index] = held_once(line, held)
    return lines


class SourceText:
    """A text split on ``\\n`` only, line ends kept, so that ``"".join(lines) == text``.

    A text with carriage returns and no ``\\n`` at all (a classic Mac OS file) is split on
    ``\\r``: :attr:`newline` is the line end the text is split on.

    ``content(n)`` is line ``n`` without its line end and with form feeds, byte-order marks and
    NUL bytes blanked, the form every pattern reads; ``raw(n)`` is the line exactly as given.

    A form feed ends a page, as ``pdftotext`` writes it and as :func:`cablethread.reading.pdf.extract_pdf`
    joins pages, so a text holding form feeds knows the page of every line: ``page(n)``.
    """

    __slots__ = (
        "_changed",
        "_content",
        "_count",
        "_ended",
        "_lines",
        "_pages",
        "_raw",
        "name",
        "newline",
        "page_count",
        "text",
    )

    def __init__(self, text: str, name: str | None = None) -> None:
        if not isinstance(text, str):
            raise TypeError(
                f"SourceText takes the text as str, not {type(text).__name__}"
                + (
                    "; decode it first, or give its file to parse_many"
                    if isinstance(text, bytes | bytearray)
                    else ""
                )
            )
        if name is not None and not isinstance(name, str):
            raise TypeError(f"SourceText takes its name as str, not {type(name).__name__}")
        self.text = text
        self.name = name
        self._lines: list[str] | None = None
        # Held per line: one list of the lines' contents and the page of each line (four bytes
        # a line); a second list of the lines as given only where most lines differ from their
        # contents (carriage returns, a page a line). A text of millions of short or blank lines
        # (a PDF's gaps) would otherwise hold a word or more per line again for each view of it.
        # The lines with their ends are made only when asked for (``lines``, ``raw``,
        # ``text_of``).
        self.newline = "\r" if "\r" in text and "\n" not in text else "\n"
        content = text.split(self.newline)
        # Whether the last line ends with a line end (the split then leaves an empty part).
        self._ended = not content[-1]
        if self._ended:
            content.pop()
        self._count = len(content)
        #: The text between line ends of each line whose content differs from it: every line
        #: (``_raw``) for a text with carriage returns, else the few lines holding a form feed,
        #: byte-order mark or NUL (``_changed``, by 0-based index), blanked in place.
        self._raw: list[str] | None = None
        self._changed: dict[int, str] = {}
        odd = text.count("\x0c") + text.count("\ufeff") + text.count("\x00")
        held: dict[str, str] = {}
        if "\r" in text:
            self._raw = _held_in_place(content)
            content = [held_once(part.rstrip("\r").translate(_INVISIBLE), held) for part in content]
        elif odd > self._count // 16:
            # Many lines differ (a page a line): a word a line for them all beats a dict entry.
            self._raw = _held_in_place(content)
            content = [held_once(_line_blanked(part), held) for part in content]
        elif odd:
            for index, part in enumerate(content):
                if "\x0c" in part or "\ufeff" in part or "\x00" in part:
                    self._changed[index] = part
                    content[index] = part.translate(_INVISIBLE)
        self._content = content
        if "\x0c" in text:
            given = enumerate(self._raw) if self._raw is not None else self._changed.items()
            feeds = ((index, part) for index, part in given if "\x0c" in part)
            self._pages: array[int] | None = _page_of_lines(self._count, feeds)
        else:
            self._pages = None
        #: How many pages the text holds (0 for a text without form feeds); a form feed at the end
        #: closes the last page rather than opening an empty one.
        self.page_count = (
            text.count("\x0c") + (0 if text.rstrip(" \t\r\n").endswith("\x0c") else 1)
            if self._pages is not None
            else 0
        )

    def __reduce__(self) -> tuple[type[SourceText], tuple[str, str | None]]:
        # Sent to a worker process as its text and name alone; the index is made again there.
        return (SourceText, (self.text, self.name))

    def __len__(self) -> int:
        return self._count

    @property
    def lines(self) -> list[str]:
        """Every line exactly as given, line ends included: ``"".join(source.lines) == text``.

        Made on the first access and kept (the list itself: do not change it); the parser never
        asks for it, so a text read only by the parser is held once.
        """
        if self._lines is None:
            self._lines = [self.raw(number) for number in range(1, self._count + 1)]
        return self._lines

    @property
    def contents(self) -> list[str]:
        """Every line as :meth:`content` gives it, in order (the list itself: do not change it)."""
        return self._content

    @property
    def pages(self) -> Sequence[int] | None:
        """The page of every line, in order (an ``array`` of int), or ``None`` for a text without
        form feeds (the array itself: do not change it)."""
        return self._pages

    def content(self, number: int) -> str:
        """Line ``number`` (1-based) as the patterns read it."""
        return self._content[number - 1]

    def page(self, number: int) -> int | None:
        """The 1-based page line ``number`` is printed on; ``None`` for a text without form feeds.

        >>> SourceText("cover note\\n\\x0cFrom: NAD\\n\\x0c").page(2)
        2
        """
        return self._pages[number - 1] if self._pages is not None else None

    def blank_pages(self) -> list[int]:
        """Pages with no text at all: ``[2]`` for ``"one\\n\\x0c\\x0cthree\\n\\x0c"``."""
        return [page for first, last in self.blank_page_runs() for page in range(first, last + 1)]

    def blank_page_runs(self) -> Iterator[tuple[int, int]]:
        """The runs of pages with no text, first and last page of each: ``(2, 2)`` for
        ``"one\\n\\x0c\\x0cthree\\n\\x0c"``. Nothing is made per page: a text of a million form
        feeds is a million pages."""
        if self._pages is None:
            return
        written = 0  # the last page seen with text
        for page, line in zip(self._pages, self._content, strict=True):
            if page > written and line.strip():
                if page > written + 1:
                    yield written + 1, page - 1
                written = page
        if self.page_count > written:
            yield written + 1, self.page_count

    def raw(self, number: int) -> str:
        """Line ``number`` (1-based) exactly as given, line end included."""
        if not 1 <= number <= self._count:
            raise IndexError(f"line {number} is not in a text of {self._count} lines")
        return self._part(number - 1) + self._end(number)

    def _part(self, index: int) -> str:
        """The text of line ``index`` (0-based) between its line ends."""
        if self._raw is not None:
            return self._raw[index]
        part = self._changed.get(index) if self._changed else None
        return self._content[index] if part is None else part

    def _end(self, number: int) -> str:
        return self.newline if number < self._count or self._ended else ""

    def slice(self, span: Span) -> str:
        """The exact text of ``span``: ``source.slice(message.occurrences[0].span)``."""
        return self.text_of(span.start, span.end)

    def text_of(self, start: int, end: int) -> str:
        """The exact text of lines ``start`` to ``end`` (1-based, inclusive), line ends included."""
        start, end = max(start, 1), min(end, self._count)
        if start > end:
            return ""
        parts = (self._raw if self._raw is not None else self._content)[start - 1 : end]
        if self._changed:
            for index in range(start - 1, end):
                if index in self._changed:
                    parts[index - start + 1] = self._changed[index]
        return self.newline.join(parts) + self._end(end)


def _page_of_lines(count: int, feeds: Iterable[tuple[int, str]]) -> array[int]:
    """The page of each of ``count`` lines, from the lines holding form feeds (0-based index and
    text, in order): ``"last line\\n", "\\x0cfirst line of page 2\\n"`` gives 1, 2.

    Form feeds at the start of a line open the pages the line stands on (several: empty pages);
    a line of form feeds alone closes the page above it (``pdftotext`` ends its output so); a form
    feed after a line's text opens a page for the lines below. Four bytes a line.
    """
    pages = array("i", [1]) * count
    page = 1
    previous = 0
    for index, line in feeds:
        pages[previous:index] = array("i", [page]) * (index - previous)
        rest = line.lstrip("\x0c")
        leading = len(line) - len(rest)
        if rest.strip():
            page += leading
            pages[index] = page
            page += rest.count("\x0c")
        else:
            pages[index] = page
            page += line.count("\x0c")
        previous = index + 1
    pages[previous:] = array("i", [page]) * (count - previous)
    return pages
