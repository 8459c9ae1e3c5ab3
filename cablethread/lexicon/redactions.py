"""Withholding codes as data: New Zealand OIA sections, US FOIA exemptions, ``OUT OF SCOPE``.

``s6(a)``, ``s9(2)(g)(i)`` and ``(b)(6)`` are distinctive and are read anywhere in a line. A bare
US code (``B6``) or an OCR-damaged NZ code (``i(a)``, ``6(b)``) is read only where a code is
expected: on a line that holds nothing but codes, or in the right margin of a line.

State's right-margin stamps (``PART B1,1.4(D)``, ``CONFIDENTIAL — Reason: 1.4(B)``) are told
apart from values by :func:`stamp_kind`, word by word against the vocabulary in
:mod:`cablethread.lexicon.patterns`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Literal

from cablethread.datafiles import GroundsFile, load_data
from cablethread.lexicon import patterns as p
from cablethread.models import Redaction, per_read, span_of, trusted

__all__ = [
    "StampKind",
    "find_redactions",
    "is_code_line",
    "is_stamp_filler",
    "margin_redactions",
    "may_be_stamp",
    "split_margin_codes",
    "stamp_kind",
]

#: What a run of right-margin text is: withholding codes, a release banner, or the
#: declassification stamp.
StampKind = Literal["codes", "banner", "classification"]

_NZ = r"s[ \t]?(?:6\([a-e]\)|9\(2\)\((?:ba|[a-k])\)(?:\((?:iv|v|i{1,3})\))?|18\([a-h]\)(?:\(i{1,2}\))?)"
_NZ_DAMAGED = r"(?:i|6)\([a-e]\)|9\(2\)\((?:ba|[a-k])\)(?:\((?:iv|v|i{1,3})\))?"
_US_PAREN = r"\(b\)[ \t]?\([1-9]\)(?:[ \t]?\([A-Fa-f]\))?"
_US_BARE = r"B[1-9](?:\([A-Fa-f]\))?"
#: Executive Order 13526 §1.4 reasons, printed beside ``B1``: ``1.4(D)``.
_EO_REASON = r"1[.,]4\([A-Ha-h]\)"
_OOS = r"OUT[ \t]+OF[ \t]+SCOPE"

#: Codes read anywhere in a line.
_STRONG = re.compile(rf"(?<![\w(])\[?(?:{_NZ}|{_US_PAREN}|{_OOS})\]?(?![\w])", re.IGNORECASE)
_STRONG_CASE = re.compile(rf"(?<![\w(])\[?(?:{_NZ}|{_US_PAREN})\]?(?!\w)|(?<!\w){_OOS}(?!\w)")
#: Every form, for lines that hold only codes.
_ANY = re.compile(
    rf"(?<![\w(])\[?(?:{_NZ}|{_US_PAREN}|{_NZ_DAMAGED}|{_US_BARE}|{_EO_REASON})\]?(?!\w)"
    rf"|(?<!\w){_OOS}(?!\w)"
)
#: What every code above holds, and what a line without any of it cannot hold a code in: a
#: digit, the ``i(`` of an OCR-damaged ``s6(a)``, or the ``OUT`` of ``OUT OF SCOPE``.
_HINT = re.compile(r"[0-9]|i\(|OUT")
_CODE_LINE_REST = re.compile(r"^[\s,;:.\[\]\-•&]*(?:and[\s,;:.\[\]\-•&]*)*$", re.IGNORECASE)


@dataclass(frozen=True)
class _Ground:
    jurisdiction: str
    ground: str
    meaning: str


@cache
def _grounds() -> dict[str, _Ground]:
    table: dict[str, _Ground] = {}
    for jurisdiction, entries in load_data(GroundsFile).root.items():
        for code, entry in entries.items():
            table[code] = _Ground(jurisdiction, entry.ground, entry.meaning)
    return table


def _normalise(raw: str) -> tuple[str, bool]:
    """``[s 6(a)]`` → (``s6(a)``, False); ``i(a)`` → (``s6(a)``, True); ``B7(C)`` → ``b7(c)``."""
    token = re.sub(r"\s+", "", raw.strip("[]")).lower()
    if token == "outofscope":
        return "out-of-scope", False
    if token.startswith(("1.4(", "1,4(")):
        # ``1,4(D)``: the OCR read the point as a comma.
        return "1.4" + token[3:], token[1] == ","
    if token.startswith("(b)"):
        return "b" + token[3:].replace("(", "", 1).replace(")", "", 1), False
    if token.startswith("b"):
        return token, False
    if token.startswith("s"):
        return token, False
    if token.startswith("i("):
        return "s6" + token[1:], True
    return "s" + token, True


@per_read(maxsize=4096)
def _read_code(raw: str) -> tuple[str, bool, _Ground] | None:
    """The code, whether it was repaired, and its ground, of a printed code (None: no ground)."""
    code, damaged = _normalise(raw)
    ground = _grounds().get(code)
    return None if ground is None else (code, damaged, ground)


def _make(raw: str, line: int, field: str | None) -> Redaction | None:
    read = _read_code(raw)
    if read is None:
        return None
    code, damaged, ground = read
    return trusted(
        Redaction,
        raw=raw,
        code=code,
        ground=ground.ground,
        meaning=ground.meaning,
        jurisdiction=ground.jurisdiction,
        span=span_of(line, line),
        field=field,
        ocr_damaged=damaged,
    )


def is_code_line(text: str) -> bool:
    """True when ``text`` holds withholding codes and nothing else: ``s6(a), s9(2)(g)(i)``."""
    return _HINT.search(text) is not None and _only_codes(text)


def _only_codes(text: str) -> bool:
    """:func:`is_code_line` for a text that passed the ``_HINT`` test."""
    rest, count = _ANY.subn("", text)
    return count > 0 and _CODE_LINE_REST.match(rest) is not None


_Words = Literal["codes", "banner", "classification", "weak"]

#: How the first word of stamp text can begin (marks aside): a code, a banner or stamp word, a
#: date. Most lines are let go here, before they are cut into words; the words are checked in
#: full below.
_STAMP_OPENING = (
    r"(?:B[1-9]|1[.,]4\(|RELEASE|IN|PART|FULL|\d{1,2}[/-]"
    r"|(?i:classified|by|das|a/gis|dos|on|class|confidential|secret|reason|declassify))"
)
_STAMP_OPENER = re.compile(rf"[\s,—–'\"`._|-]*{_STAMP_OPENING}")
#: Where a line that may be a stamp (:func:`may_be_stamp` of the line) begins in a whole text:
#: a line end, blanks and marks, the opening of a stamp. Run with ``finditer`` over a text, it
#: opens with the literal line end, so that only line starts are tried; the run of blanks and
#: marks must be followed by something else (no opening begins with one), so that it is not
#: tried again after each of them.
STAMP_LINE_START = re.compile(rf"\n(?:[^\S\n]|[,—–'\"`._|-])*(?![\s,—–'\"`._|-]){_STAMP_OPENING}")


def _stamp_words(text: str) -> _Words | None:
    """Class a run of text word by word; ``weak`` when every word is stamp filler (``on``, a date)."""
    if _STAMP_OPENER.match(text) is None:
        return None
    codes = banner = strong = weak = False
    after_b3 = False
    # ``1,4(D)``: a comma the OCR read for the point, not one between codes.
    for printed in p.STAMP_WORD.finditer(text.replace("1,4(", "1.4(")):
        word = printed.group().strip(p.CODE_JUNK)
        if not word:
            continue
        if p.MARGIN_CODE.match(word):
            codes = True
            after_b3 = word.upper() == "B3"
        elif after_b3 and p.STATUTE_WORD.match(word):
            continue
        elif word in p.BANNER_WORDS:
            banner = banner or word in p.BANNER_STRONG
            weak = weak or word not in p.BANNER_STRONG
            after_b3 = False
        elif word.lower() in p.CLASSIFICATION_WORDS:
            strong = strong or word.lower() in p.CLASSIFICATION_STRONG
            weak = weak or word.lower() not in p.CLASSIFICATION_STRONG
            after_b3 = False
        elif p.STAMP_DATE.match(word):
            weak = True
            after_b3 = False
        else:
            return None
    if strong:
        return "classification"
    if banner:
        return "banner"
    if codes:
        return "codes" if not weak else None
    return "weak" if weak else None


def may_be_stamp(text: str) -> bool:
    """False when the first word of ``text`` opens no stamp, so that no stamp reading can hold
    (``stamp_kind`` is None and ``is_stamp_filler`` False); a quick test before those."""
    return _STAMP_OPENER.match(text) is not None


def is_stamp_filler(text: str) -> bool:
    """True for stamp words that are no stamp on their own: ``on: 07/08/2024``, ``IN``."""
    return _stamp_words(text) == "weak"


def stamp_kind(text: str) -> StampKind | None:
    """What a run of margin text is: ``PART B1,1.4(D)`` is a ``banner``, ``B5, B6`` are ``codes``,
    ``CONFIDENTIAL — Reason: 1.4(B), 1.4(D)`` is the ``classification`` stamp; a name is None.
    """
    kind = _stamp_words(text)
    return None if kind is None or kind == "weak" else kind


#: Lines up to this long are remembered: releases repeat their header lines (a Cc list quoted
#: in every message of a chain) and their stamps, page after page. Longer lines are rare there.
#: The repeats are near each other: the last 1,024 lines catch nine in ten of the repeats 8,192
#: would (Clinton sample), and hold a quarter of a megabyte, not two.
_REMEMBERED_LENGTH = 300


def _margin_start(text: str) -> int | None:
    """:func:`_read_margin_start`, remembered for lines of ordinary length."""
    if len(text) <= _REMEMBERED_LENGTH:
        return _remembered_margin_start(text)
    return _read_margin_start(text)


def _read_margin_start(text: str) -> int | None:
    """Where the right-margin stamps of a header value begin, or None when there are none.

    The value is cut into runs at wide gaps and runs are taken off from the right while each is
    stamp text or an OCR speck. The first run (the value proper) goes only when it is itself a
    stamp (``B6`` where an address was withheld); stamp filler (``on: 07/08/2024``) and specks
    only after a gap.
    """
    gaps = list(p.MARGIN_GAP.finditer(text))
    starts = [0] + [gap.end() for gap in gaps]
    ends = [gap.start() for gap in gaps] + [len(text)]
    cut: int | None = None
    for index in range(len(starts) - 1, -1, -1):
        run = text[starts[index] : ends[index]]
        if not run.strip():
            continue
        if index > 0 and p.MARGIN_SPECK.match(run.strip()):
            cut = starts[index]
            continue
        kind = _stamp_words(run)
        if kind is None or (index == 0 and kind == "weak"):
            break
        cut = starts[index]
    return cut


_remembered_margin_start = per_read(maxsize=1_024)(_read_margin_start)


def split_margin_codes(text: str) -> tuple[str, str | None]:
    """Split stamps off the right margin: ``Sullivan, Jacob J        B6`` → (name, ``B6``)."""
    cut = _margin_start(text)
    if cut is None:
        return text, None
    return text[:cut].rstrip(), text[cut:].strip()


def margin_redactions(text: str, line: int, *, field: str | None = None) -> list[Redaction]:
    """The withholding codes of the margin stamps of ``text`` (not the stamp's classification
    reasons): ``To: H     B6`` gives ``b6``; ``Reason: 1.4(B), 1.4(D)`` gives nothing.
    """
    return _made(_margin_codes(text), line, field)


def _margin_codes(text: str) -> list[str]:
    """The codes of :func:`margin_redactions` as printed."""
    cut = _margin_start(text)
    if cut is None:
        return []
    found: list[str] = []
    for run in p.MARGIN_GAP.split(text[cut:]):
        if _stamp_words(run) not in ("codes", "banner"):
            continue
        for printed in p.STAMP_WORD_SPLIT.split(run.replace("1,4(", "1.4(")):
            word = printed.strip(p.CODE_JUNK)
            if p.MARGIN_CODE.match(word):
                found.append(word)
    return found


def find_redactions(text: str, line: int, *, field: str | None = None) -> list[Redaction]:
    """Every withholding code in one line of ``text``, with ``line`` as its span."""
    if _HINT.search(text) is None:
        return []
    if len(text) <= _REMEMBERED_LENGTH:
        return _made(_remembered_codes(text), line, field)
    return _made(_printed_codes(text), line, field)


def _printed_codes(text: str) -> tuple[str, ...]:
    """The codes of :func:`find_redactions` as printed, in order: those of the line's text, then
    those of its margin."""
    # Every code ``_STRONG_CASE`` finds, ``_ANY`` finds too: a line without any holds codes only
    # in its margin, if anywhere.
    anywhere = _ANY.search(text) is not None
    if anywhere and _only_codes(text):
        return tuple(m.group(0) for m in _ANY.finditer(text))
    matches: list[str] = []
    if anywhere:
        value, _margin = split_margin_codes(text)
        matches = [m.group(0) for m in _STRONG_CASE.finditer(value)]
    return (*matches, *_margin_codes(text))


#: A release prints a body line again wherever it quotes the message (:data:`_REMEMBERED_LENGTH`).
_remembered_codes = per_read(maxsize=2_048)(_printed_codes)


def _made(matches: Iterable[str], line: int, field: str | None) -> list[Redaction]:
    found: list[Redaction] = []
    for raw in matches:
        redaction = _make(raw, line, field)
        if redaction is not None:
            found.append(redaction)
    return found


def strip_codes(text: str) -> str:
    """``text`` without any strong withholding code, single-spaced: for thread keys."""
    return " ".join(_STRONG.sub(" ", text).split())
