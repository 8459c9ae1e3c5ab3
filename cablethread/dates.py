"""``Sent:`` and ``Date:`` values to naive wall-clock datetimes, with the weekday as a check digit.

A fast path reads the forms that releases print (``Thursday, 11 July 2019 11:25 AM``,
``Friday, 17 May 2019 12:38 a.m.``, ``Thursday, June 30, 2011 11:41 PM``,
``Wed Dec 23 17:01:38 2009``, ``05/03/2001 05:44 AM``); ``dateutil`` reads the rest. Nothing is
guessed: a value missing its year, day or time gives ``None`` and a note, never today's date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache

from dateutil import parser as dateutil_parser

__all__ = ["DateNote", "ParsedDate", "parse_sent"]

MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        ("january", "jan"),
        ("february", "feb"),
        ("march", "mar"),
        ("april", "apr"),
        ("may",),
        ("june", "jun"),
        ("july", "jul"),
        ("august", "aug"),
        ("september", "sep", "sept"),
        ("october", "oct"),
        ("november", "nov"),
        ("december", "dec"),
    ),
    start=1,
):
    for _name in _names:
        MONTHS[_name] = _number

WEEKDAYS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        ("monday", "mon"),
        ("tuesday", "tue", "tues"),
        ("wednesday", "wed"),
        ("thursday", "thu", "thur", "thurs"),
        ("friday", "fri"),
        ("saturday", "sat"),
        ("sunday", "sun"),
    )
):
    for _name in _names:
        WEEKDAYS[_name] = _number

_WEEKDAY = r"(?P<wd>[A-Za-z]{3,9})\.?,?[ \t]+"
_TIME = (
    r"(?P<H>\d{1,2})[:.](?P<M>\d{2})(?::(?P<S>\d{2}))?"
    r"(?:[ \t]*(?P<ampm>[AaPp]\.?[ \t]?[Mm]\.?))?"
)
_TAIL = r"(?:[ \t]+(?P<zone>[+-]\d{4}|\(?[A-Z]{2,5}\)?))?[ \t.]*$"

#: ``Thursday, 11 July 2019 11:25 AM`` (day first, month name).
_DAY_MONTH = re.compile(
    rf"^(?:{_WEEKDAY})?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\.?[ \t]+(?P<mon>[A-Za-z]{{3,9}})\.?,?[ \t]+"
    rf"(?P<y>\d{{4}})(?P<gap>,?[ \t]*(?:at[ \t]+)?){_TIME}{_TAIL}"
)
#: ``Thursday, June 30, 2011 11:41 PM`` (month name first).
_MONTH_DAY = re.compile(
    rf"^(?:{_WEEKDAY})?(?P<mon>[A-Za-z]{{3,9}})\.?[ \t]+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?[ \t]+"
    rf"(?P<y>\d{{4}})(?P<gap>,?[ \t]*(?:at[ \t]+)?){_TIME}{_TAIL}"
)
#: ``Wed Dec 23 17:01:38 2009`` (BlackBerry, ctime).
_CTIME = re.compile(
    rf"^(?:{_WEEKDAY})?(?P<mon>[A-Za-z]{{3,9}})\.?[ \t]+(?P<d>\d{{1,2}})[ \t]+{_TIME}[ \t]+"
    rf"(?P<y>\d{{4}}){_TAIL}"
)
#: ``05/03/2001 05:44 AM`` (order from the policy or the weekday).
_NUMERIC = re.compile(
    rf"^(?:{_WEEKDAY})?(?P<a>\d{{1,2}})[/.\-](?P<b>\d{{1,2}})[/.\-](?P<y>\d{{4}}|\d{{2}})"
    rf"(?P<gap>,?[ \t]*(?:at[ \t]+)?){_TIME}{_TAIL}"
)


@dataclass(frozen=True)
class DateNote:
    """A decision or problem met while reading a date: a diagnostic code and a sentence."""

    code: str
    message: str


@dataclass(frozen=True)
class ParsedDate:
    """The wall clock read from a value, or ``None``, and what had to be decided."""

    value: datetime | None
    notes: tuple[DateNote, ...] = field(default=())
    utc_offset_minutes: int | None = None


def _hour(hour: int, ampm: str | None) -> int | None:
    if ampm is None:
        return hour if 0 <= hour <= 23 else None
    if not 1 <= hour <= 12:
        return None
    pm = ampm.lower().startswith("p")
    if hour == 12:
        return 12 if pm else 0
    return hour + 12 if pm else hour


def _offset(zone: str | None) -> int | None:
    if zone and zone[0] in "+-":
        minutes = int(zone[1:3]) * 60 + int(zone[3:5])
        return minutes if zone[0] == "+" else -minutes
    return None


def _build(
    year: int, month: int, day: int, match: re.Match[str]
) -> tuple[datetime | None, str | None]:
    hour = _hour(int(match.group("H")), match.group("ampm"))
    if hour is None:
        return None, f"hour {match.group('H')} is out of range"
    try:
        value = datetime(year, month, day, hour, int(match.group("M")), int(match.group("S") or 0))
    except ValueError as exc:
        return None, str(exc)
    return value, None


def _weekday_of(match: re.Match[str]) -> int | None:
    name = match.group("wd")
    return WEEKDAYS.get(name.lower()) if name else None


def _fast(raw: str, dayfirst: bool) -> ParsedDate | None:
    notes: list[DateNote] = []
    match = _DAY_MONTH.match(raw) or _MONTH_DAY.match(raw) or _CTIME.match(raw)
    if match is not None:
        month = MONTHS.get(match.group("mon").lower())
        if month is None or (match.group("wd") and _weekday_of(match) is None):
            return None
        value, problem = _build(int(match.group("y")), month, int(match.group("d")), match)
    else:
        match = _NUMERIC.match(raw)
        if match is None:
            return None
        year = int(match.group("y"))
        if year < 100:
            year += 2000 if year < 70 else 1900
        first, second = int(match.group("a")), int(match.group("b"))
        day, month = (first, second) if dayfirst else (second, first)
        value, problem = _build(year, month, day, match)
        printed = _weekday_of(match)
        if printed is not None and (value is None or value.weekday() != printed):
            swapped, _ = _build(year, day, month, match)
            if swapped is not None and swapped.weekday() == printed:
                notes.append(
                    DateNote(
                        "date-dayfirst-by-weekday",
                        f"{raw!r}: the weekday {match.group('wd')} shows the date is "
                        f"{swapped:%d %B %Y}, not in the policy's day/month order",
                    )
                )
                value, problem = swapped, None
    if value is None:
        return ParsedDate(None, (DateNote("date-unparsed", f"{raw!r}: {problem}"),))
    if "gap" in match.groupdict() and match.group("gap") == "" and match.group("y"):
        notes.append(
            DateNote("date-ocr-repaired", f"{raw!r}: the year runs into the time; read apart")
        )
    printed = _weekday_of(match)
    if printed is not None and value.weekday() != printed:
        notes.append(
            DateNote(
                "date-weekday-mismatch",
                f"{raw!r}: printed weekday {match.group('wd')} but {value:%d %B %Y} "
                f"is a {value:%A}",
            )
        )
    return ParsedDate(value, tuple(notes), _offset(match.group("zone")))


_DEFAULT_A = datetime(1904, 2, 29, 1, 1, 1)
_DEFAULT_B = datetime(1908, 3, 30, 2, 2, 2)


def _slow(raw: str, dayfirst: bool) -> ParsedDate:
    """dateutil, asked twice with different defaults: a part it filled in is a missing part."""
    try:
        first = dateutil_parser.parse(raw, default=_DEFAULT_A, dayfirst=dayfirst)
        second = dateutil_parser.parse(raw, default=_DEFAULT_B, dayfirst=dayfirst)
    except (ValueError, OverflowError, TypeError) as exc:
        return ParsedDate(None, (DateNote("date-unparsed", f"{raw!r}: {exc}"),))
    missing = [
        part
        for part in ("year", "month", "day", "hour", "minute")
        if getattr(first, part) != getattr(second, part)
    ]
    if missing:
        return ParsedDate(
            None,
            (DateNote("date-incomplete", f"{raw!r}: no {', '.join(missing)} printed"),),
        )
    offset = first.utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset is not None else None
    return ParsedDate(first.replace(tzinfo=None), (), minutes)


@lru_cache(maxsize=65536)
def parse_sent(raw: str, dayfirst: bool = True) -> ParsedDate:
    """Read a printed send time: ``Friday, 17 May 2019 12:38 a.m.`` → 2019-05-17 00:38."""
    text = " ".join(raw.split())
    if not text:
        return ParsedDate(None, (DateNote("date-missing", "the Sent:/Date: field is empty"),))
    fast = _fast(text, dayfirst)
    if fast is not None:
        return fast
    return _slow(text, dayfirst)
