"""The input indexed once into lines; every later stage refers to text by 1-based line number."""

from __future__ import annotations

from cablethread.models import Span

__all__ = ["SourceText"]

_INVISIBLE = str.maketrans({"\x0c": " ", "\ufeff": None, "\x00": None})


def _has_invisible(text: str) -> bool:
    return "\x0c" in text or "\ufeff" in text or "\x00" in text


def _blanked(text: str) -> str:
    """``text.translate(_INVISIBLE)``, faster on a long text that is not all ASCII."""
    for char, replacement in (("\x0c", " "), ("\ufeff", ""), ("\x00", "")):
        if char in text:
            text = text.replace(char, replacement)
    return text


class SourceText:
    """A text split on ``\\n`` only, line ends kept, so that ``"".join(lines) == text``.

    ``content(n)`` is line ``n`` without its line end and with form feeds, byte-order marks and
    NUL bytes blanked, the form every pattern reads; ``raw(n)`` is the line exactly as given.

    A form feed ends a page, as ``pdftotext`` writes it and as :func:`cablethread.pdf.extract_pdf`
    joins pages, so a text holding form feeds knows the page of every line: ``page(n)``.
    """

    __slots__ = ("_content", "_pages", "lines", "name", "page_count", "text")

    def __init__(self, text: str, name: str | None = None) -> None:
        self.text = text
        self.name = name
        parts = text.split("\n")
        lines = [part + "\n" for part in parts[:-1]]
        if parts[-1]:
            lines.append(parts[-1])
        self.lines: list[str] = lines
        self._content: list[str]
        if "\r" not in text:
            # No carriage return: the parts of the text blanked as a whole are the lines' contents
            # (blanking deletes and replaces characters other than line ends).
            blanked = _blanked(text).split("\n") if _has_invisible(text) else parts
            self._content = blanked if parts[-1] else blanked[:-1]
        else:
            self._content = [line.rstrip("\r\n").translate(_INVISIBLE) for line in lines]
        self._pages: list[int] | None = _page_of_lines(lines) if "\x0c" in text else None
        #: How many pages the text holds (0 for a text without form feeds); a form feed at the end
        #: closes the last page rather than opening an empty one.
        self.page_count = (
            text.count("\x0c") + (0 if text.rstrip(" \t\r\n").endswith("\x0c") else 1)
            if self._pages is not None
            else 0
        )

    def __len__(self) -> int:
        return len(self.lines)

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
        return self.lines[number - 1]

    def slice(self, span: Span) -> str:
        """The exact text of ``span``: ``source.slice(message.occurrences[0].span)``."""
        return "".join(self.lines[span.start - 1 : span.end])


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
