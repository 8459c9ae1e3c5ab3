"""The input indexed once into lines; every later stage refers to text by 1-based line number."""

from __future__ import annotations

from cablethread.models import Span

__all__ = ["SourceText"]

_INVISIBLE = str.maketrans({"\x0c": " ", "\ufeff": None, "\x00": None})


class SourceText:
    """A text split on ``\\n`` only, line ends kept, so that ``"".join(lines) == text``.

    ``content(n)`` is line ``n`` without its line end and with form feeds, byte-order marks and
    NUL bytes blanked, the form every pattern reads; ``raw(n)`` is the line exactly as given.
    """

    __slots__ = ("_content", "lines", "name", "text")

    def __init__(self, text: str, name: str | None = None) -> None:
        self.text = text
        self.name = name
        parts = text.split("\n")
        lines = [part + "\n" for part in parts[:-1]]
        if parts[-1]:
            lines.append(parts[-1])
        self.lines: list[str] = lines
        self._content: list[str] = [
            line.rstrip("\r\n").translate(_INVISIBLE) if line else line for line in lines
        ]

    def __len__(self) -> int:
        return len(self.lines)

    def content(self, number: int) -> str:
        """Line ``number`` (1-based) as the patterns read it."""
        return self._content[number - 1]

    def raw(self, number: int) -> str:
        """Line ``number`` (1-based) exactly as given, line end included."""
        return self.lines[number - 1]

    def slice(self, span: Span) -> str:
        """The exact text of ``span``: ``source.slice(message.occurrences[0].span)``."""
        return "".join(self.lines[span.start - 1 : span.end])
