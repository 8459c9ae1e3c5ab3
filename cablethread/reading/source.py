"""The input indexed once into lines; every later stage refers to text by 1-based line number."""

from __future__ import annotations

from cablethread.models import Span

__all__ = ["SourceText"]

_INVISIBLE = str.maketrans({"\x0c": " ", "\ufeff": None, "\x00": None})


def _blanked(text: str) -> str:
    """``text.translate(_INVISIBLE)``, faster on a long text that is not all ASCII."""
    for char, replacement in (("\x0c", " "), ("\ufeff", ""), ("\x00", "")):
        if char in text:
            text = text.replace(char, replacement)
    return text


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
        "_content",
        "_count",
        "_lines",
        "_pages",
        "_parts",
        "name",
        "newline",
        "page_count",
        "text",
    )

    def __init__(self, text: str, name: str | None = None) -> None:
        self.text = text
        self.name = name
        self._lines: list[str] | None = None
        # The text between line ends; line ``n`` is ``parts[n - 1]`` and its ``\n`` if one follows.
        # The lines with their ends are made only when asked for (``lines``, ``raw``): an archive
        # of millions of lines would hold its text twice.
        self.newline = "\r" if "\r" in text and "\n" not in text else "\n"
        parts = text.split(self.newline)
        self._parts = parts
        self._count = len(parts) if parts[-1] else len(parts) - 1
        self._content: list[str]
        if "\r" not in text:
            # No carriage return: the parts of the text blanked as a whole are the lines' contents
            # (blanking deletes and replaces characters other than line ends).
            if "\ufeff" in text or "\x00" in text:
                self._content = _blanked(text).split("\n")[: self._count]
            elif "\x0c" in text:
                # Page breaks: only the lines holding one differ from the parts.
                self._content = [
                    part.replace("\x0c", " ") if "\x0c" in part else part
                    for part in parts[: self._count]
                ]
            else:
                self._content = parts[: self._count]
        else:
            self._content = [
                part.rstrip("\r").translate(_INVISIBLE) for part in parts[: self._count]
            ]
        self._pages: list[int] | None = (
            _page_of_lines(parts[: self._count]) if "\x0c" in text else None
        )
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
    def pages(self) -> list[int] | None:
        """The page of every line, in order, or ``None`` for a text without form feeds (the list
        itself: do not change it)."""
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
        if self._pages is None:
            return []
        written = {
            page for page, line in zip(self._pages, self._content, strict=True) if line.strip()
        }
        return [page for page in range(1, self.page_count + 1) if page not in written]

    def raw(self, number: int) -> str:
        """Line ``number`` (1-based) exactly as given, line end included."""
        if not 1 <= number <= self._count:
            raise IndexError(f"line {number} is not in a text of {self._count} lines")
        part = self._parts[number - 1]
        return part + self.newline if number < len(self._parts) else part

    def slice(self, span: Span) -> str:
        """The exact text of ``span``: ``source.slice(message.occurrences[0].span)``."""
        return self.text_of(span.start, span.end)

    def text_of(self, start: int, end: int) -> str:
        """The exact text of lines ``start`` to ``end`` (1-based, inclusive), line ends included."""
        if start > end:
            return ""
        text = self.newline.join(self._parts[start - 1 : end])
        return text + self.newline if end < len(self._parts) else text


def _page_of_lines(lines: list[str]) -> list[int]:
    """The page of each line: ``"last line\\n", "\\x0cfirst line of page 2\\n"`` gives 1, 2.

    Form feeds at the start of a line open the pages the line stands on (several: empty pages);
    a line of form feeds alone closes the page above it (``pdftotext`` ends its output so); a form
    feed after a line's text opens a page for the lines below.
    """
    pages: list[int] = []
    page = 1
    for line in lines:
        if "\x0c" not in line:
            pages.append(page)
            continue
        rest = line.lstrip("\x0c")
        leading = len(line) - len(rest)
        if rest.strip():
            page += leading
            pages.append(page)
            page += rest.count("\x0c")
        else:
            pages.append(page)
            page += line.count("\x0c")
    return pages
