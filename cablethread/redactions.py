"""Withholding codes as data: New Zealand OIA sections, US FOIA exemptions, ``OUT OF SCOPE``.

``s6(a)``, ``s9(2)(g)(i)`` and ``(b)(6)`` are distinctive and are read anywhere in a line. A bare
US code (``B6``) or an OCR-damaged NZ code (``i(a)``, ``6(b)``) is read only where a code is
expected: on a line that holds nothing but codes, or in the right margin of a line.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from cablethread.models import Redaction, Span

__all__ = ["find_redactions", "is_code_line", "split_margin_codes"]

_NZ = r"s[ \t]?(?:6\([a-e]\)|9\(2\)\((?:ba|[a-k])\)(?:\((?:iv|v|i{1,3})\))?|18\([a-h]\)(?:\(i{1,2}\))?)"
_NZ_DAMAGED = r"(?:i|6)\([a-e]\)|9\(2\)\((?:ba|[a-k])\)(?:\((?:iv|v|i{1,3})\))?"
_US_PAREN = r"\(b\)[ \t]?\([1-9]\)(?:[ \t]?\([A-Fa-f]\))?"
_US_BARE = r"B[1-9](?:\([A-Fa-f]\))?"
_OOS = r"OUT[ \t]+OF[ \t]+SCOPE"

#: Codes read anywhere in a line.
_STRONG = re.compile(rf"(?<![\w(])\[?(?:{_NZ}|{_US_PAREN}|{_OOS})\]?(?![\w])", re.IGNORECASE)
_STRONG_CASE = re.compile(rf"(?<![\w(])\[?(?:{_NZ}|{_US_PAREN})\]?(?!\w)|(?<!\w){_OOS}(?!\w)")
#: Every form, for lines that hold only codes.
_ANY = re.compile(
    rf"(?<![\w(])\[?(?:{_NZ}|{_US_PAREN}|{_NZ_DAMAGED}|{_US_BARE})\]?(?!\w)|(?<!\w){_OOS}(?!\w)"
)
_CODE_LINE_REST = re.compile(r"^[\s,;:.\[\]\-•&]*(?:and[\s,;:.\[\]\-•&]*)*$", re.IGNORECASE)
#: Bare US codes in the right margin of a line: ``To: Sullivan, Jacob J        B6``.
_MARGIN = re.compile(
    rf"^(?P<value>.*?)[ \t]{{3,}}(?P<codes>{_US_BARE}(?:[ \t]*,[ \t]*{_US_BARE})*)[ \t\r]*$"
)


@dataclass(frozen=True)
class _Ground:
    jurisdiction: str
    ground: str
    meaning: str


@cache
def _grounds() -> dict[str, _Ground]:
    raw = tomllib.loads(
        resources.files("cablethread").joinpath("data/grounds.toml").read_text("utf-8")
    )
    table: dict[str, _Ground] = {}
    for jurisdiction, entries in raw.items():
        for code, entry in entries.items():
            table[code] = _Ground(jurisdiction, entry["ground"], entry["meaning"])
    return table


def _normalise(raw: str) -> tuple[str, bool]:
    """``[s 6(a)]`` → (``s6(a)``, False); ``i(a)`` → (``s6(a)``, True); ``B7(C)`` → ``b7(c)``."""
    token = re.sub(r"\s+", "", raw.strip("[]")).lower()
    if token == "outofscope":
        return "out-of-scope", False
    if token.startswith("(b)"):
        return "b" + token[3:].replace("(", "", 1).replace(")", "", 1), False
    if token.startswith("b"):
        return token, False
    if token.startswith("s"):
        return token, False
    if token.startswith("i("):
        return "s6" + token[1:], True
    return "s" + token, True


def _make(raw: str, line: int, field: str | None) -> Redaction | None:
    code, damaged = _normalise(raw)
    ground = _grounds().get(code)
    if ground is None:
        return None
    return Redaction(
        raw=raw,
        code=code,
        ground=ground.ground,
        meaning=ground.meaning,
        jurisdiction=ground.jurisdiction,
        span=Span(start=line, end=line),
        field=field,
        ocr_damaged=damaged,
    )


def is_code_line(text: str) -> bool:
    """True when ``text`` holds withholding codes and nothing else: ``s6(a), s9(2)(g)(i)``."""
    if not text.strip():
        return False
    rest, count = _ANY.subn("", text)
    return count > 0 and _CODE_LINE_REST.match(rest) is not None


def split_margin_codes(text: str) -> tuple[str, str | None]:
    """Split bare codes off the right margin: ``Sullivan, Jacob J        B6`` → (name, ``B6``)."""
    match = _MARGIN.match(text)
    if match is None:
        return text, None
    return match.group("value"), match.group("codes")


def find_redactions(text: str, line: int, *, field: str | None = None) -> list[Redaction]:
    """Every withholding code in one line of ``text``, with ``line`` as its span."""
    if is_code_line(text):
        matches = [m.group(0) for m in _ANY.finditer(text)]
    else:
        matches = [m.group(0) for m in _STRONG_CASE.finditer(text)]
        _value, margin = split_margin_codes(text)
        if margin:
            matches.extend(code.strip() for code in margin.split(","))
    found: list[Redaction] = []
    for raw in matches:
        redaction = _make(raw, line, field)
        if redaction is not None:
            found.append(redaction)
    return found


def strip_codes(text: str) -> str:
    """``text`` without any strong withholding code, single-spaced: for thread keys."""
    return " ".join(_STRONG.sub(" ", text).split())
