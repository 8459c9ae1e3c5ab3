"""``Sent:`` and ``Date:`` values to naive wall-clock datetimes, with the weekday as a check digit.

A fast path reads the forms that releases print (``Thursday, 11 July 2019 11:25 AM``,
``Friday, 17 May 2019 12:38 a.m.``, ``Thursday, June 30, 2011 11:41 PM``,
``Wed Dec 23 17:01:38 2009``, ``05/03/2001 05:44 AM``). Dates in other languages
(``jeudi 4 juillet 2019 05:26``, ``Donnerstag, 28. Oktober 2021 um 12:46``,
``2021年10月28日 12:46``) are read with the month and weekday names of
:mod:`cablethread.lexicon.languages`, the block's own language first: month names clash between
languages (``listopad`` is October in Croatian, November in Polish), and every word of the date
must belong to the one language read, the weekday agreeing. A repair path reads English month
and weekday names that OCR damaged (``Saturday, Se tember 5 2009 11:58 PM``), accepting a repair
only when it leaves one reading and the printed weekday agrees. The OCR damage of the table in
``data/ocr/dates.toml`` is mended where the date is whole: a blank or mark after a colon of the
time (``8: 19 PM``), a damaged half of the day (``8:09 AV``), the next field's label left after
the time when its colon was lost (``4:53 PM To``), letters in a zone offset (``-G400``, left
out), letters printed for the digits of a date or time (``l1 July 2O19 11:2S AM``, read as
digits only where the date so read is whole and a printed weekday agrees). ``dateutil`` reads
the rest, and its reading is refused where a printed weekday disagrees with it (``Thursday,
June 04, 200 4:58 PM`` is no date of the year 200).
A zone printed after the time (``-0500``, ``EST``, ``Eastern Standard Time``, ``Europe/Paris``)
is kept as printed (:attr:`ParsedDate.zone`) for :mod:`cablethread.fields.zones` to read; an offset no
zone can have (``+0060``) is OCR damage, left out and noted.
Nothing is guessed: a value missing its year, day or time, or one that two readings fit, gives
``None`` and a note, never today's date. No result depends on the machine's clock or zone.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, timezone, tzinfo
from functools import cache

from dateutil import parser as dateutil_parser

from cablethread.codes import Code
from cablethread.datafiles import OcrDatesFile, load_data
from cablethread.diagnostics import Note
from cablethread.fields.zones import is_iana_name, is_zone_name, offset_zone
from cablethread.lexicon.languages import Language, languages, try_order
from cablethread.models import per_read

__all__ = ["MONTHS", "WEEKDAYS", "ParsedDate", "parse_sent", "placeable"]

#: Every later step adds to a wall clock (zone offsets, days of slack between a reply and its
#: parent): a clock within a year of the calendar's ends (``1 Jan 0001``, ``31 Dec 9999``) cannot
#: be placed without leaving what a ``datetime`` holds, and is refused where it is read.
_PLACEABLE = (datetime(2, 1, 1), datetime(9998, 12, 31, 23, 59, 59))

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

#: English month and weekday names, for writing a date read in another language the English way.
MONTH_NAMES: tuple[str, ...] = ("January", "February", "March", "April", "May", "June", "July")
MONTH_NAMES += ("August", "September", "October", "November", "December")
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# All patterns below read a value whose blanks were collapsed to single spaces.

#: A weekday before the date: ``Thursday, ``, ``Thu ``, ``Sat, ``.
_WEEKDAY = r"(?P<wd>[A-Za-z]{3,9})\.?,? "
#: Between day and year: ``30, 2011``, ``13,2010`` (a comma with its space lost), ``5 2009``.
_DAY_YEAR = r"(?:, ?| )"

#: ``Thursday, 11 July 2019 11:25 AM`` (day first, month name; Outlook in New Zealand).
_DAY_MONTH = re.compile(
    rf"^(?:{_WEEKDAY})?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\.? (?P<mon>[A-Za-z]{{3,9}})\.?{_DAY_YEAR}"
    r"(?P<y>\d{4})(?P<rest>.*)$"
)
#: ``Thursday, June 30, 2011 11:41 PM`` (month name first; Outlook in the United States).
_MONTH_DAY = re.compile(
    rf"^(?:{_WEEKDAY})?(?P<mon>[A-Za-z]{{3,9}})\.? (?P<d>\d{{1,2}})(?:st|nd|rd|th)?{_DAY_YEAR}"
    r"(?P<y>\d{4})(?P<rest>.*)$"
)
#: ``Wed Dec 23 17:01:38 2009`` (BlackBerry, ctime); OCR may run the day into the hour
#: (``Thu Aug 2608:51:35 2010``) or the seconds into the year (``10:31:112010``).
_CTIME = re.compile(
    rf"^(?:{_WEEKDAY})?(?P<mon>[A-Za-z]{{3,9}})\.? (?P<d>\d{{1,2}})(?P<dgap> ?)"
    r"(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?(?P<ygap> ?)(?P<y>\d{4})(?P<rest>.*)$"
)
#: ``05/03/2001 05:44 AM``, ``5/29/2010 3:09:23 A.M.`` (order from the policy or the weekday).
_NUMERIC = re.compile(
    rf"^(?:{_WEEKDAY})?(?P<a>\d{{1,2}})[/.\-](?P<b>\d{{1,2}})[/.\-](?P<y>\d{{4}}|\d{{2}})(?P<rest>.*)$"
)
#: ``2019-07-11 11:25``, ``2019-07-11T11:25:00``, ``2024/01/15 14:30``: year first is always
#: year, month, day, whatever order the policy gives for dates printed day or month first,
#: with a weekday before it or not (``Thursday, 2019-07-11 11:25``).
_YEAR_FIRST = re.compile(
    rf"^(?:{_WEEKDAY})?(?P<y>\d{{4}})[/.\-](?P<m>\d{{1,2}})[/.\-](?P<d>\d{{1,2}})(?:T| )(?P<rest>.*)$"
)
#: A damaged date, month first: the names before the first digit, then day and year
#: (``Saturday, Se tember 5 2009 11:58 PM``).
_DAMAGED = re.compile(r"^(?P<names>[^\d]{1,30}?) ?(?P<d>\d{1,2}),? ?(?P<y>\d{4})(?P<rest>.*)$")
#: A damaged date, day first: the weekday, the day, the month's name, the year (``Thursday, 11
#: Juiy 2019 11:25 AM``, ``Thursdav, 11 July 2019 11:25 AM``).
_DAMAGED_DAY_FIRST = re.compile(
    r"^(?:(?P<wd>[A-Za-z][^\d\s,.]{1,14})\.?,? )?(?P<d>\d{1,2})(?:st|nd|rd|th)?\.? "
    r"(?P<mon>[A-Za-z][^\s,.]{1,14}(?: [^\d\s,.]{1,15})?)\.?,? ?(?P<y>\d{4})(?P<rest>.*)$"
)
#: A damaged BlackBerry date: the names, then day, time and year (``Sun Au: 29 21:24:30 2010``).
_DAMAGED_CTIME = re.compile(
    r"^(?P<names>[^\d]{1,30}?) ?(?P<d>\d{1,2}) (?P<time>\d{1,2}:\d{2}(?::\d{2})?) ?(?P<y>\d{4})"
    r"(?P<rest>.*)$"
)

#: What stands between the year and the time: ``, ``, `` at `` (Gmail), a blank; nothing or a
#: full stop when OCR ran them together (``201111:00 AM``, ``2012.05:16 PM``, ``2011. 11:10``);
#: a colon a speck left (``March 13, 2020: at 8:53:29 AM EDT``).
_GAP = re.compile(r"^(?P<gap>\. ?|(?:, ?|: | )?(?:at )?)")
#: ``AM``, ``PM``, ``a.m.``, ``P.M.``.
_AMPM = r"(?P<ampm>[AaPp]\.? ?[Mm]\.?)"
#: ``11:25 AM``, ``12:38 a.m.``, ``17:01:38``, ``10;17 AM`` (a colon read as a semicolon),
#: ``9:35.AM`` (a speck read as a full stop).
_CLOCK = re.compile(
    rf"^(?P<H>\d{{1,2}})(?P<sep>[:.;])(?P<M>\d{{2}})(?:[:.](?P<S>\d{{2}}))?(?:\.? ?{_AMPM})?"
    r"(?P<tail>.*)$"
)
#: ``917 PM``, ``1119 AM``: the colon lost; only with AM/PM, which shows it is a time.
_CLOCK_NO_COLON = re.compile(rf"^(?P<HM>\d{{3,4}}) ?{_AMPM}(?P<tail>.*)$")
#: ``5 49 AM``, ``12 43 AM``: a blank where the colon was; only with AM/PM.
_CLOCK_BLANK = re.compile(rf"^(?P<H>\d{{1,2}}) (?P<M>\d{{2}}) ?{_AMPM}(?P<tail>.*)$")
#: ``8: 19 PM``, ``3:13: 38 AM``, ``6: ‘42 PM``: a blank, perhaps with a mark of the OCR table,
#: after a colon of the time.
_CLOCK_GAPS = re.compile(
    r"^(?P<H>\d{1,2}):(?P<mgap> ?[^\w\s]?)(?P<M>\d{2})(?::(?P<sgap> ?[^\w\s]?)(?P<S>\d{2}))?"
    r"(?P<rest>.*)$"
)
#: What may follow the time: a numeric offset (``-0400``, ``UTC+04:00``, Apple Mail's ``GMT+3``)
#: or one OCR damaged (``-04U0``, ``. -G400``: letters of the OCR table only), a zone
#: abbreviation (``EDT``, ``(EST)``) or a lone ``P``/``A`` (``7:12 P``, the ``M`` lost),
#: Outlook's and BlackBerry's zone names (``Eastern Standard Time``, ``W. Europe Standard Time``),
#: an IANA name (``Europe/Paris``), stray marks (``•``).
_TAIL = re.compile(
    r"^\.? ?(?:(?P<offset_text>(?:UTC|GMT)?(?P<offset>[+-]\d{2}:?\d{2})"
    r"|(?:UTC|GMT)(?P<hours>[+-]\d{1,2}))"
    r"|(?P<bad_offset>[+-][\dA-Za-z]{4})"
    r"|\(?(?P<abbr>[A-Z]{1,5}|[ap])\)?"
    r"|\(?(?P<iana>[A-Z][A-Za-z]{1,14}/[A-Z][A-Za-z_]{1,20}(?:/[A-Z][A-Za-z_]{1,20})?)\)?"
    r"|(?P<spelled>(?:[A-Z][A-Za-z]{0,12}\.? ){1,3}(?:Standard|Daylight|Summer|Mean|Universal)"
    r" Time))?[ .,•·°]*$"
)
#: A Sent value longer than this is not a date (the longest printed form, with Outlook's zone
#: name, is under 70 characters); refusing it keeps the readers' time linear.
MAX_VALUE_LENGTH = 120
#: Marks the OCR leaves before a value (``• Thursday, April 8, 2010 9:15 PM``) or after it.
_JUNK_EDGES = " •·°'\"|"


@dataclass(frozen=True, slots=True)
class ParsedDate:
    """The wall clock read from a value, or ``None``, and what had to be decided."""

    value: datetime | None
    notes: tuple[Note, ...] = field(default=())
    utc_offset_minutes: int | None = None
    #: The other reading of a numeric date both day/month orders allow (``08/02/2001``: 8
    #: February or 2 August) when no printed weekday settled it; the caller may choose it on
    #: other evidence (the order of a printed chain).
    alternative: datetime | None = None
    #: The zone printed after the time, as printed (``EST``, ``-0500``, ``Eastern Standard
    #: Time``), or None; :mod:`cablethread.fields.zones` reads it.
    zone: str | None = None
    #: Whose day/month order a numeric date both orders allow was read in, when nothing printed
    #: settled it: ``"policy"`` (the ``dayfirst`` asked for) or the code of the language whose
    #: dates print the day first (``"fr"``); None when the text fixed the order.
    order_from: str | None = None


@dataclass(frozen=True, slots=True)
class OcrTable:
    """The OCR damage of printed send times that the readers mend (``data/ocr/dates.toml``)."""

    #: A half of the day as OCR printed it, and what it stands for: ``AV`` → ``AM``.
    meridiem: dict[str, str]
    #: Words of the next field's label left after the time: ``To``, ``Ce``.
    labels: frozenset[str]
    #: Marks that part recipients, first after the time: ``;`` (a list run onto the line).
    list_marks: frozenset[str]
    #: Marks OCR leaves after a colon of the time, besides a blank: ``‘``.
    time_marks: frozenset[str]
    #: Letters OCR prints for digits of a zone offset: ``O``, ``U``, ``G``.
    offset_letters: frozenset[str]
    #: Letters OCR prints for digits of a date or time, and the digit: ``l`` → ``1``.
    digits: dict[str, str]
    #: Two letters OCR prints for one letter of a name, and the letter: ``rn`` → ``m``.
    name_pairs: dict[str, str]


@cache
def ocr_table() -> OcrTable:
    """The package's table of OCR damage in send times, read once."""
    table = load_data(OcrDatesFile)
    return OcrTable(
        meridiem=dict(table.meridiem),
        labels=frozenset(table.labels.words),
        list_marks=frozenset(table.lists.marks),
        time_marks=frozenset(table.time.marks),
        offset_letters=frozenset(table.offset.letters),
        digits=dict(table.digits.letters),
        name_pairs=dict(table.names.pairs),
    )


@cache
def _figures_run() -> re.Pattern[str]:
    """A run of figures in which OCR printed a letter or more for a digit: ``l1``, ``2O19``,
    ``2S``, ``S:26`` (the table's letters and digits, colons between them, not inside a word;
    :func:`_mend_figures` mends only a run with a digit)."""
    figure = rf"[\d{''.join(re.escape(letter) for letter in ocr_table().digits)}]"
    return re.compile(rf"(?<![^\W\d_]){figure}+(?::{figure}+)*(?![^\W\d_])")


def _mend_figures(text: str) -> tuple[str, list[str]]:
    """``text`` with the letters OCR printed for digits read as digits inside runs of figures
    (``Thursday, l1 July 2O19`` → ``Thursday, 11 July 2019``), and what was read so."""
    digits = ocr_table().digits
    mended: list[str] = []

    def digit(match: re.Match[str]) -> str:
        run = match.group()
        if not any(char.isdigit() for char in run):
            return run
        figures = "".join(digits.get(char, char) for char in run)
        if figures != run:
            mended.append(f"{run!r} read as {figures}")
        return figures

    return _figures_run().sub(digit, text), mended


@dataclass(frozen=True, slots=True)
class _Clock:
    """A time of day read from the rest of a value, and whether OCR damage was mended."""

    hour: int
    minute: int
    second: int
    offset: int | None
    repairs: tuple[str, ...]
    #: The zone printed after the time, as printed: ``EST``, ``-0500``, ``GMT+3``.
    zone: str | None = None


def _offset(text: str | None) -> int | None:
    if not text:
        return None
    digits = text[1:].replace(":", "")
    minutes = int(digits[:2]) * 60 + int(digits[2:4])
    return minutes if text[0] == "+" else -minutes


def _hour(hour: int, ampm: str | None, repairs: list[str]) -> int | None:
    if ampm is None:
        return hour if 0 <= hour <= 23 else None
    pm = ampm.lower().startswith("p")
    if 13 <= hour <= 23 and pm:
        # ``15:00 PM``: a 24-hour clock with a PM that agrees with it.
        repairs.append(f"a 24-hour clock with PM, read as {hour}:xx")
        return hour
    if hour == 0 and not pm:
        return 0
    if not 1 <= hour <= 12:
        return None
    if hour == 12:
        return 12 if pm else 0
    return hour + 12 if pm else hour


def _gap_words(gap: str) -> str:
    """What stands after a colon of the time, in words: ``a blank and '‘'``."""
    mark = gap.strip()
    if not mark:
        return "a blank"
    return f"a blank and {mark!r}" if " " in gap else repr(mark)


def _close_gaps(text: str, repairs: list[str]) -> str:
    """``8: 19 PM`` → ``8:19 PM``: a blank (and a mark of the OCR table) after a colon of the
    time taken out, with a repair saying so; any other text is given back as it is.
    """
    match = _CLOCK_GAPS.match(text)
    if match is None:
        return text
    gaps = [gap for gap in (match.group("mgap"), match.group("sgap")) if gap]
    marks = ocr_table().time_marks
    if not gaps or any(gap.strip() and gap.strip() not in marks for gap in gaps):
        return text
    clock = f"{match.group('H')}:{match.group('M')}"
    if match.group("S") is not None:
        clock += f":{match.group('S')}"
    what = " and ".join(_gap_words(gap) for gap in gaps)
    repairs.append(f"{what} after a colon of the time; read as {clock}")
    return clock + match.group("rest")


def _mend_tail(tail_text: str, ampm: str | None, repairs: list[str]) -> tuple[str, str | None]:
    """The text after the time and its AM/PM, with the OCR table's damage mended.

    ``8:09 AV`` gives AM; in ``4:53 PM To 1G`` the label word ``To`` and what follows it are
    the next field's and are left out, as is a recipient list after a ``;``.
    """
    table = ocr_table()
    words = tail_text.split()
    if ampm is None and words and words[0].rstrip(".,") in table.meridiem:
        ampm = table.meridiem[words[0].rstrip(".,")]
        repairs.append(f"{words[0]!r} after the time read as {ampm}")
        tail_text = tail_text.split(words[0], 1)[1]
        words = words[1:]
    if _TAIL.match(tail_text) is None and words and words[0][0] in table.list_marks:
        # ``8:23 PM ; Fauci, Anthony (NIH/NIAID) [E] z ; Harrison, Brian``: recipients.
        repairs.append(f"{tail_text.strip()!r} after the time opens a recipient list; left out")
        return "", ampm
    if _TAIL.match(tail_text) is None:
        for index, word in enumerate(words):
            if word in table.labels:
                left = " ".join(words[index:])
                repairs.append(f"{left!r} after the time is the next field's label; left out")
                tail_text = " " + " ".join(words[:index])
                break
    return tail_text, ampm


def _read_clock(rest: str) -> _Clock | str:
    """Read what follows the year as a time of day: `` 11:25 AM Eastern Standard Time`` gives
    11:25; a string saying why when it is not one.
    """
    repairs: list[str] = []
    gap = _GAP.match(rest)
    gap_text = gap.group("gap") if gap is not None else ""
    if gap_text in ("", ".", ". "):
        repairs.append("the year runs into the time; read apart")
    elif gap_text.startswith(":"):
        repairs.append("a colon after the year; left out")
    text = _close_gaps(rest[len(gap_text) :], repairs)
    match = _CLOCK.match(text)
    if match is not None:
        hour_text, minute_text, second_text = match.group("H"), match.group("M"), match.group("S")
        if match.group("sep") == ";":
            repairs.append("a semicolon read as the colon of the time")
    else:
        match = _CLOCK_NO_COLON.match(text) or _CLOCK_BLANK.match(text)
        if match is None:
            return "no time of day"
        if "HM" in match.groupdict():
            hour_text, minute_text = match.group("HM")[:-2], match.group("HM")[-2:]
        else:
            hour_text, minute_text = match.group("H"), match.group("M")
        second_text = None
        repairs.append(f"the colon of the time is missing; read as {hour_text}:{minute_text}")
    tail_text, ampm = _mend_tail(match.group("tail"), match.group("ampm"), repairs)
    tail = _TAIL.match(tail_text)
    if tail is None:
        return f"{match.group('tail').strip()!r} after the time"
    bad_offset = tail.group("bad_offset")
    if bad_offset is not None and not all(
        c.isdigit() or c in ocr_table().offset_letters for c in bad_offset[1:]
    ):
        return f"{match.group('tail').strip()!r} after the time"
    abbreviation = tail.group("abbr")
    zone = tail.group("offset_text") or tail.group("spelled")
    if abbreviation is not None and abbreviation.upper() in ("A", "P") and ampm is None:
        # ``7:12 P``: the M lost; a lone P can only be PM.
        ampm = abbreviation + "M"
        repairs.append(f"{abbreviation!r} after the time read as {ampm.upper()}")
    elif abbreviation is not None and not is_zone_name(abbreviation):
        return f"{abbreviation!r} after the time is not a time zone"
    elif abbreviation is not None:
        zone = abbreviation.upper()
    if tail.group("iana") is not None:
        if not is_iana_name(tail.group("iana")):
            return f"{tail.group('iana')!r} after the time is not a time zone"
        zone = tail.group("iana")
    if tail.group("bad_offset") is not None:
        repairs.append(f"the zone offset {tail.group('bad_offset')!r} is unreadable; left out")
    hour = _hour(int(hour_text), ampm, repairs)
    minute = int(minute_text)
    second = int(second_text or 0)
    if hour is None or minute > 59 or second > 59:
        return f"{hour_text}:{minute_text} is not a time of day"
    offset = _offset(tail.group("offset"))
    if tail.group("hours") is not None:
        offset = int(tail.group("hours")) * 60
    if offset is not None and not _real_offset(tail.group("offset_text")):
        # ``+0060``: no zone is 60 minutes past the hour or more than 14 hours off UTC; OCR
        # damage, like a letter in the figures.
        repairs.append(f"the zone offset {tail.group('offset_text')!r} is unreadable; left out")
        offset, zone = None, None
    return _Clock(hour, minute, second, offset, tuple(repairs), zone)


def _real_offset(text: str) -> bool:
    """Whether a printed offset (``-0500``, ``GMT+3``, ``+05:30``) is one a zone can have."""
    figures = re.sub(r"\D", "", text)
    hours = int(figures[:2]) if len(figures) >= 3 else int(figures)
    minutes = int(figures[2:4]) if len(figures) >= 3 else 0
    return hours <= 14 and minutes <= 59


def _date(year: int, month: int, day: int, clock: _Clock) -> datetime | None:
    try:
        return datetime(year, month, day, clock.hour, clock.minute, clock.second)
    except ValueError:
        return None


def _fits(shape: str, name: str) -> bool:
    """Whether an OCR-damaged word (``?`` for a run of marks) can be the name ``name``.

    ``janua`` is a prefix of ``january``; ``se?tember`` and ``lune`` differ from ``september``
    and ``june`` in one or two letters; ``une`` lost a letter, ``ithursday`` gained one.
    """
    wild = shape.count("?")
    if not wild and len(shape) >= 2 and name.startswith(shape):
        return True
    if len(shape) == len(name):
        misses = sum(1 for a, b in zip(shape, name, strict=True) if a not in ("?", b))
        return misses + wild <= 2 and misses <= (1 if len(name) >= 4 else 0)
    if wild or len(name) < 4:
        return False
    if len(shape) + 1 == len(name):
        return any(name[:i] + name[i + 1 :] == shape for i in range(len(name)))
    if len(shape) == len(name) + 1:
        return any(shape[:i] + shape[i + 1 :] == name for i in range(len(shape)))
    return False


def _candidates(word: str, table: dict[str, int]) -> set[int]:
    """Every entry of ``table`` a printed, perhaps damaged, name can stand for: ``Ma`` → {3, 5}."""
    token = word.lower().strip(".,:;")
    if token in table:
        return {table[token]}
    found: set[int] = set()
    # ``decernber``: also with each pair of letters OCR prints for one letter read as that letter.
    for pair, letter in ocr_table().name_pairs.items():
        if pair in token:
            found |= _candidates(token.replace(pair, letter), table)
    shape = re.sub(r"[^a-z]+", "?", token)
    if shape.strip("?") == "":
        return found
    return found | {number for name, number in table.items() if _fits(shape, name)}


def _weekday_note(raw: str, printed: str, value: datetime) -> Note:
    return Note(
        Code.DATE_WEEKDAY_MISMATCH,
        f"{raw!r}: printed weekday {printed} but {value:%d %B %Y} is a {value:%A}",
    )


def _repairs_note(raw: str, repairs: list[str] | tuple[str, ...]) -> Note:
    return Note(Code.DATE_OCR_REPAIRED, f"{raw!r}: {'; '.join(repairs)}")


def _finish(
    raw: str, value: datetime, clock: _Clock, repairs: list[str], notes: list[Note]
) -> ParsedDate:
    all_repairs = [*repairs, *clock.repairs]
    if all_repairs:
        notes.insert(0, _repairs_note(raw, all_repairs))
    return ParsedDate(value, tuple(notes), clock.offset, zone=clock.zone)


def _weekday_checked(raw: str, printed: str | None, value: datetime) -> list[Note]:
    """A ``date-weekday-mismatch`` note when the intact weekday ``printed`` is not ``value``'s."""
    if printed is not None and WEEKDAYS[printed.lower()] != value.weekday():
        return [_weekday_note(raw, printed, value)]
    return []


def _named(raw: str, match: re.Match[str], clock: _Clock, repairs: list[str]) -> ParsedDate:
    """A date with its month and weekday printed as intact names."""
    month = MONTHS[match.group("mon").lower()]
    value = _date(int(match.group("y")), month, int(match.group("d")), clock)
    if value is None:
        return ParsedDate(None, (Note(Code.DATE_UNPARSED, f"{raw!r}: no such day"),))
    return _finish(raw, value, clock, repairs, _weekday_checked(raw, match.group("wd"), value))


def _numeric(raw: str, match: re.Match[str], clock: _Clock, dayfirst: bool) -> ParsedDate:
    """``05/03/2001``: the policy's order, unless the printed weekday or the calendar says not."""
    year = int(match.group("y"))
    if year < 100:
        year += 2000 if year < 70 else 1900
    first, second = int(match.group("a")), int(match.group("b"))
    day, month = (first, second) if dayfirst else (second, first)
    value = _date(year, month, day, clock)
    swapped = _date(year, day, month, clock) if day != month else None
    printed = match.group("wd")
    weekday = WEEKDAYS.get(printed.lower()) if printed else None
    notes: list[Note] = []
    if weekday is not None and swapped is not None and swapped.weekday() == weekday:
        if value is None or value.weekday() != weekday:
            notes.append(
                Note(
                    Code.DATE_DAYFIRST_BY_WEEKDAY,
                    f"{raw!r}: the weekday {printed} shows the date is {swapped:%d %B %Y}, "
                    "not in the policy's day/month order",
                )
            )
            value = swapped
    elif value is None and swapped is not None:
        notes.append(
            Note(
                Code.DATE_ORDER_SWAPPED,
                f"{raw!r}: impossible in the policy's day/month order; read as {swapped:%d %B %Y}",
            )
        )
        value = swapped
    if value is None:
        return ParsedDate(None, (Note(Code.DATE_UNPARSED, f"{raw!r}: no such day"),))
    if weekday is not None and value.weekday() != weekday:
        notes.append(_weekday_note(raw, printed or "", value))
    read = _finish(raw, value, clock, [], notes)
    if weekday is None and swapped is not None and swapped != value:
        read = replace(read, alternative=swapped, order_from="policy")
    return read


#: A digit inside a name, after a letter or before two (``5unday``, ``Septem8er``), but not a
#: day's ordinal (``1st``).
_DIGIT_IN_NAME = re.compile(r"(?<=[A-Za-z])\d|\d(?!(?:st|nd|rd|th)\b)(?=[A-Za-z]{2})")


def _weekday_and_month(names: str) -> tuple[str, str]:
    """The weekday and the month of the names before a damaged date's day: ``Saturday, Se
    tember`` → ``Saturday``, ``Se tember``; ``Au ust`` → no weekday."""
    names = names.strip(" ,")
    if "," in names:
        weekday, month = (part.strip() for part in names.split(",", 1))
        return weekday, month
    if " " in names:
        weekday, month = names.split(" ", 1)
        return weekday, month
    return "", names


def _damaged(raw: str, text: str) -> ParsedDate | None:
    """Month or weekday names that OCR damaged: ``Wednesday Au ust 19 2009 1:05 PM``,
    ``Thursday, 11 Juiy 2019 11:25 AM``.

    A repaired month is accepted only when one reading is left and a printed weekday, intact
    or itself repaired, agrees with it; an intact month with an unreadable weekday stands, with
    a note that the weekday could not be checked.
    """
    # ``5unday``, ``5eptember``: a digit inside a name is a misread letter, a wildcard of the
    # name's shape; the notes quote the value as printed (the same places in ``text``).
    masked = _DIGIT_IN_NAME.sub("?", text)
    match = _DAMAGED.match(masked)
    if match is not None:
        clock = _read_clock(match.group("rest"))
    elif (match := _DAMAGED_CTIME.match(masked)) is not None:
        clock = _read_clock(" " + match.group("time") + match.group("rest"))
        if not isinstance(clock, str) and match.group("time").count(":") == 2:
            second = int(match.group("time")[-2:])
            clock = replace(clock, second=second)
    elif (match := _DAMAGED_DAY_FIRST.match(masked)) is not None:
        clock = _read_clock(match.group("rest"))
    else:
        return None
    if isinstance(clock, str):
        return None
    if "mon" in match.groupdict():
        # Day first (``Thursday, 11 Juiy 2019``): the weekday before the day, the month after.
        weekday_text, month_text = match.group("wd") or "", match.group("mon")
        printed_weekday = text[match.start("wd") : match.end("wd")] if weekday_text else ""
        printed_month = text[match.start("mon") : match.end("mon")]
    else:
        start, end = match.span("names")
        weekday_text, month_text = _weekday_and_month(match.group("names"))
        printed_weekday, printed_month = _weekday_and_month(text[start:end])
    month_exact = month_text.lower().strip(".") in MONTHS
    months = _candidates(month_text, MONTHS)
    weekdays = _candidates(weekday_text, WEEKDAYS) if weekday_text else set()
    year, day = int(match.group("y")), int(match.group("d"))
    readings = [v for m in sorted(months) if (v := _date(year, m, day, clock)) is not None]
    if weekdays:
        readings = [v for v in readings if v.weekday() in weekdays]
    elif weekday_text and not month_exact:
        return None
    if len(readings) != 1:
        return None
    value = readings[0]
    repairs: list[str] = []
    if not month_exact:
        repairs.append(f"month {printed_month!r} read as {value:%B}")
    if weekday_text and weekday_text.lower().strip(".") not in WEEKDAYS:
        repairs.append(
            f"weekday {printed_weekday!r} read as {value:%A}"
            if weekdays
            else f"weekday {printed_weekday!r} unreadable; not checked"
        )
    if not repairs:
        return None
    return _finish(raw, value, clock, repairs, [])


def _fast(raw: str, text: str, dayfirst: bool) -> ParsedDate | None:
    for pattern in (_DAY_MONTH, _MONTH_DAY):
        match = pattern.match(text)
        if match is None or match.group("mon").lower() not in MONTHS:
            continue
        if match.group("wd") is not None and match.group("wd").lower() not in WEEKDAYS:
            continue
        clock = _read_clock(match.group("rest"))
        if isinstance(clock, str):
            return ParsedDate(None, (Note(Code.DATE_UNPARSED, f"{raw!r}: {clock}"),))
        return _named(raw, match, clock, [])
    match = _CTIME.match(text)
    if (
        match is not None
        and match.group("mon").lower() in MONTHS
        and (match.group("wd") is None or match.group("wd").lower() in WEEKDAYS)
    ):
        repairs: list[str] = []
        if not match.group("dgap"):
            if len(match.group("d")) != 2 or len(match.group("H")) != 2:
                return ParsedDate(
                    None, (Note(Code.DATE_UNPARSED, f"{raw!r}: day and hour run together"),)
                )
            repairs.append("the day runs into the hour; read apart")
        if not match.group("ygap"):
            repairs.append("the time runs into the year; read apart")
        clock = _read_clock(" " + match.group("H") + ":" + match.group("M") + match.group("rest"))
        if isinstance(clock, str):
            return ParsedDate(None, (Note(Code.DATE_UNPARSED, f"{raw!r}: {clock}"),))
        second = int(match.group("S") or 0)
        if second > 59:
            return ParsedDate(None, (Note(Code.DATE_UNPARSED, f"{raw!r}: bad seconds"),))
        clock = replace(clock, second=second)
        return _named(raw, match, clock, repairs)
    match = _YEAR_FIRST.match(text)
    if match is not None and (match.group("wd") is None or match.group("wd").lower() in WEEKDAYS):
        clock = _read_clock(" " + match.group("rest"))
        if isinstance(clock, str):
            return ParsedDate(None, (Note(Code.DATE_UNPARSED, f"{raw!r}: {clock}"),))
        value = _date(int(match.group("y")), int(match.group("m")), int(match.group("d")), clock)
        if value is None:
            return ParsedDate(None, (Note(Code.DATE_UNPARSED, f"{raw!r}: no such day"),))
        return _finish(raw, value, clock, [], _weekday_checked(raw, match.group("wd"), value))
    match = _NUMERIC.match(text)
    if match is not None and (match.group("wd") is None or match.group("wd").lower() in WEEKDAYS):
        clock = _read_clock(match.group("rest"))
        if isinstance(clock, str):
            return ParsedDate(None, (Note(Code.DATE_UNPARSED, f"{raw!r}: {clock}"),))
        return _numeric(raw, match, clock, dayfirst)
    return None


_DEFAULT_A = datetime(1904, 2, 29, 1, 1, 1)
_DEFAULT_B = datetime(1908, 3, 30, 2, 2, 2)

#: Longer than any printed send time; dateutil is not asked about such a value.
MAX_DATE_LENGTH = 200
#: More words than any send time dateutil reads (seven at most in every corpus; a value of more
#: is some prose before an attribution's date, ``Sent from my iPhone On Apr 8, 2020, at …``,
#: which dateutil turns down after a quarter of a millisecond); it is not asked.
MAX_DATE_WORDS = 12


def _slow(raw: str, text: str, dayfirst: bool) -> ParsedDate:
    """dateutil, asked twice with different defaults: a part it filled in is a missing part.

    Zone words go through ``zone`` below, never through the machine's zone: a numeric offset
    becomes a fixed offset, a known abbreviation is kept as printed for
    :mod:`cablethread.fields.zones`, any other word is not a zone.
    """
    unknown: list[str] = []
    printed: list[str] = []

    def zone(name: str | None, offset: int | None) -> tzinfo | None:
        if name is not None and is_zone_name(name):
            printed.append(name.upper())
        elif name is not None and offset is None:
            unknown.append(name)
        if offset is not None:
            return timezone(timedelta(seconds=offset))
        return None

    if len(text) > MAX_DATE_LENGTH:
        note = f"{raw[:60]!r}…: {len(raw)} characters, too long for a date"
        return ParsedDate(None, (Note(Code.DATE_UNPARSED, note),))
    words = len(text.split())
    if words > MAX_DATE_WORDS:
        note = f"{raw!r}: {words} words, too many for a date"
        return ParsedDate(None, (Note(Code.DATE_UNPARSED, note),))
    try:
        # dateutil warns about values it half reads; the notes here already say what was read,
        # and a warning filter set to "error" must not turn that into an exception.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            first = dateutil_parser.parse(text, default=_DEFAULT_A, dayfirst=dayfirst, tzinfos=zone)
            second = dateutil_parser.parse(
                text, default=_DEFAULT_B, dayfirst=dayfirst, tzinfos=zone
            )
    except (ValueError, OverflowError, TypeError, ArithmeticError) as exc:
        # ArithmeticError: dateutil reads digit runs through ``decimal``, which can refuse them.
        return ParsedDate(None, (Note(Code.DATE_UNPARSED, f"{raw!r}: {exc}"),))
    if unknown:
        return ParsedDate(
            None, (Note(Code.DATE_UNPARSED, f"{raw!r}: {unknown[0]!r} is not a date or zone"),)
        )
    missing = [
        part
        for part in ("year", "month", "day", "hour", "minute")
        if getattr(first, part) != getattr(second, part)
    ]
    if missing:
        return ParsedDate(
            None,
            (Note(Code.DATE_INCOMPLETE, f"{raw!r}: no {', '.join(missing)} printed"),),
        )
    offset = first.utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset is not None else None
    zone_text = printed[0] if printed else None
    if minutes is not None and zone_text is None:
        figures = _OFFSET_FIGURES.findall(text)
        zone_text = figures[-1] if figures else offset_zone(minutes)
    # Seconds that were not printed are zero, not the default's.
    seconds = first.second if first.second == second.second else 0
    value = first.replace(tzinfo=None, second=seconds, microsecond=0)
    # dateutil takes a weekday that contradicts the date (``Thursday, June 04, 200 4:58 PM`` as
    # 4 June 200). What it reads is what the strict readings above could not: a printed weekday
    # that disagrees says the reading is wrong, and it is not kept.
    printed_weekday = _LEADING_WEEKDAY.match(text)
    if printed_weekday is not None:
        weekday = WEEKDAYS.get(printed_weekday.group("wd").lower())
        if weekday is not None and weekday != value.weekday():
            note = (
                f"{raw!r}: would read as {value:%d %B} {value.year}, a {value:%A}, against the "
                f"printed {printed_weekday.group('wd')}; not read"
            )
            return ParsedDate(None, (Note(Code.DATE_UNPARSED, note),))
    return ParsedDate(value, (), minutes, zone=zone_text)


#: The weekday a value opens with, for the check of dateutil's reading: ``Thursday, ``, ``Thu ``.
_LEADING_WEEKDAY = re.compile(_WEEKDAY)


#: An offset printed in figures, as dateutil reads it: ``-0700``, ``+05:30``.
_OFFSET_FIGURES = re.compile(r"[+-]\d{2}:?\d{2}\b")


# ---------------------------------------------------------------------------------------------
# Dates in other languages: the value cut into tokens once, then read with one language's words
# and written the English way for the readers above.
# ---------------------------------------------------------------------------------------------

#: The parts of a date in any language, in the order they are tried at each place:
_DATE_TOKEN = re.compile(
    r"""
      # Japanese and Chinese: 2021年10月28日
      (?P<cjk>\d{4}年\d{1,2}月\d{1,2}日)
      # year first: 2021-10-28, 2021. 10. 28.
    | (?P<ymd>\d{4}[./-]\ ?\d{1,2}[./-]\ ?\d{1,2})(?![\d:])\.?
      # day first: 28/10/2021, 28/10/21, 27.10.2021, 27. 10. 2021 (dots want a four-digit year,
      # as ``14.25.08`` is a Danish or Finnish time of day)
    | (?P<dmy>\d{1,2}(?:/\d{1,2}/(?:\d{4}|\d{2})|[.-]\ ?\d{1,2}[.-]\ ?\d{4}))(?![\d:])\.?
      # a time of day: 12:46, 14.25.08, 9.31
    | (?P<time>\d{1,2}[:.]\d{2}(?:[:.]\d{2})?)(?!\d)
      # a zone offset: -0400, GMT+3, UTC+01:00
    | (?P<offset>(?:GMT|UTC)?[+-]\d{1,2}(?::?\d{2})?)(?!\d)
      # a day or a year: 27, 27., 2021.
    | (?P<number>\d{1,4})\.?
      # a word: jeudi, mié., à(s), segunda-feira, 月曜日 (letters first, then anything but
      # blanks, digits and commas)
    | (?P<word>[^\W\d_][^\s\d,，]*)
      # a mark: , ( ) and the like
    | (?P<mark>\S)
    """,
    re.VERBOSE,
)
#: The two halves of an English 12-hour clock, dots dropped.
_ENGLISH_HALVES = {"am": "AM", "a.m": "AM", "pm": "PM", "p.m": "PM"}


def _date_tokens(text: str) -> tuple[tuple[str, str], ...]:
    """(kind, text) of each part of a date: ``jeudi 4 juillet`` → word, number, word."""
    return tuple(
        (match.lastgroup or "mark", match.group(match.lastgroup or 0))
        for match in _DATE_TOKEN.finditer(text)
    )


def _numeric_parts(kind: str, token: str, dayfirst: bool) -> tuple[int, int, int]:
    """(year, month, day) of ``2021年10月28日``, ``2021-10-28`` or ``28/10/21``."""
    numbers = [int(n) for n in re.findall(r"\d+", token)]
    if kind in ("cjk", "ymd"):
        return numbers[0], numbers[1], numbers[2]
    first, second, year = numbers
    if year < 100:
        year += 2000 if year < 70 else 1900
    return (year, second, first) if dayfirst else (year, first, second)


def _in_english(
    tokens: tuple[tuple[str, str], ...], language: Language, dayfirst: bool
) -> str | None:
    """A date read with ``language``'s words, written the English way; None if a word is not its.

    ``Donnerstag, 28. Oktober 2021 um 12:46 Uhr`` in German gives
    ``Thursday, 28 October 2021 12:46``.
    """
    halves = language.halves
    weekdays: list[int] = []
    months: list[int] = []
    either: list[tuple[int, int]] = []
    numbers: list[str] = []
    numeric: tuple[str, str] | None = None
    clock: str | None = None
    half: str | None = None
    tail: list[str] = []
    for kind, token in tokens:
        if kind == "mark":
            continue
        if kind in ("cjk", "ymd", "dmy"):
            if numeric is not None or clock is not None:
                return None
            numeric = (kind, token)
            continue
        if kind == "time":
            if clock is not None:
                return None
            clock = token
            continue
        if kind in ("offset", "number"):
            if (kind == "offset") != (clock is not None):
                return None
            (tail if kind == "offset" else numbers).append(token)
            continue
        key = token.casefold().rstrip(".")
        if key in halves or key in _ENGLISH_HALVES:
            half = halves.get(key) or _ENGLISH_HALVES[key]
            continue
        if key in language.date_words:
            continue
        if clock is not None:
            zone = language.zones.get(token.rstrip("."), token.rstrip("."))
            if not is_zone_name(zone):
                return None
            tail.append(zone)
            continue
        month, weekday = language.months.get(key), language.weekdays.get(key)
        if month is not None and weekday is not None:
            # ``mar`` is martes and marzo in Spanish: settled below by what else is printed.
            either.append((month, weekday))
        elif month is not None:
            months.append(month)
        elif weekday is not None:
            weekdays.append(weekday)
        else:
            return None
    if months:
        weekdays += [weekday for _, weekday in either]
    elif either:
        months.append(either[-1][0])
        weekdays += [weekday for _, weekday in either[:-1]]
    if len(months) > 1 or len(weekdays) > 1:
        return None
    if numeric is not None:
        if months or numbers:
            return None
        year, month, day = _numeric_parts(*numeric, dayfirst)
    else:
        years = [int(n.rstrip(".")) for n in numbers if len(n.rstrip(".")) == 4]
        days = [int(n.rstrip(".")) for n in numbers if len(n.rstrip(".")) <= 2]
        if len(months) != 1 or len(years) != 1 or len(days) != 1:
            return None
        year, month, day = years[0], months[0], days[0]
    if not 1 <= month <= 12:
        return None
    text = f"{WEEKDAY_NAMES[weekdays[0]]}, " if weekdays else ""
    text += f"{day} {MONTH_NAMES[month - 1]} {year}"
    if clock is not None:
        text += " " + clock.replace(".", ":")
    if half is not None:
        text += " " + half
    return " ".join([text, *tail])


def _order_open(tokens: tuple[tuple[str, str], ...], english: str) -> bool:
    """Whether a numeric date of ``tokens`` (``04/07/2019``) reads as two dates in the two
    day/month orders, with no weekday printed to settle it."""
    if english.split(",", 1)[0] in WEEKDAY_NAMES:
        return False
    for kind, token in tokens:
        if kind == "dmy":
            first, second = (int(n) for n in re.findall(r"\d+", token)[:2])
            return first != second and first <= 12 and second <= 12
    return False


def _read(
    raw: str, text: str, dayfirst: bool, order: tuple[str, ...], mend: bool = True
) -> ParsedDate:
    """Read ``text`` in each language of ``order`` in turn; then the repair paths and dateutil.

    A reading whose printed weekday disagrees is kept only when no later language agrees:
    ``sri, 27. lis 2021. u 09:31`` is no Polish date (``sri`` is no Polish weekday) but a
    Croatian one, 27 October.
    """
    table = languages()
    tokens: tuple[tuple[str, str], ...] | None = None
    failed: ParsedDate | None = None
    mismatched: ParsedDate | None = None
    for code in order:
        if code == "en":
            reading = _fast(raw, text, dayfirst)
        else:
            language = table[code]
            tokens = tokens if tokens is not None else _date_tokens(text)
            own_order = language.dayfirst is not None
            english = _in_english(
                tokens, language, dayfirst if language.dayfirst is None else language.dayfirst
            )
            reading = _fast(raw, english, dayfirst) if english is not None else None
            if reading is not None and english is not None and _order_open(tokens, english):
                reading = replace(reading, order_from=code if own_order else "policy")
        if reading is None:
            continue
        if reading.value is None:
            failed = failed or reading
        elif any(note.code == Code.DATE_WEEKDAY_MISMATCH for note in reading.notes):
            mismatched = mismatched or reading
        else:
            return reading
    if mismatched is not None:
        return mismatched
    if "en" in order:
        damaged = _damaged(raw, text)
        if damaged is not None:
            return damaged
    if mend:
        figures, mended = _mend_figures(text)
        if mended:
            # ``Thursday, l1 July 2O19``: read again with the figures as digits, kept only
            # as a whole date that no printed weekday contradicts.
            again = _read(raw, figures, dayfirst, order, mend=False)
            if again.value is not None and not any(
                note.code in (Code.DATE_WEEKDAY_MISMATCH, Code.DATE_INCOMPLETE)
                for note in again.notes
            ):
                return replace(again, notes=(_repairs_note(raw, mended), *again.notes))
    if failed is not None:
        return failed
    return _slow(raw, text, dayfirst)


@per_read(maxsize=16_384)
def parse_sent(
    raw: str,
    dayfirst: bool = True,
    prefer: tuple[str | None, ...] = (),
    languages: tuple[str, ...] | None = None,
) -> ParsedDate:
    """Read a printed send time: ``Friday, 17 May 2019 12:38 a.m.`` → 2019-05-17 00:38.

    ``prefer`` names the languages to read it in first (the block's, from its labels); the
    others of ``languages`` (every language of the table when None) follow, English first.
    ``dayfirst`` orders numeric dates in English; the other languages print the day first.

    While a document is parsed, a value printed again is read once
    (:func:`~cablethread.models.per_read`); called on its own, each call reads its value
    afresh: to read a column of repeated values, wrap it in :func:`functools.lru_cache` (its
    arguments are all hashable).
    """
    text = " ".join(raw.split()).strip(_JUNK_EDGES)
    if not text:
        return ParsedDate(None, (Note(Code.DATE_MISSING, "the Sent:/Date: field is empty"),))
    if len(text) > MAX_VALUE_LENGTH:
        return ParsedDate(
            None, (Note(Code.DATE_UNPARSED, f"{text[:40]!r}…: too long to be a send time"),)
        )
    return _in_range(_read(raw, text, dayfirst, try_order(prefer, languages)))


def placeable(value: datetime) -> bool:
    """Whether a wall clock is far enough inside the calendar to be placed in time.

    >>> placeable(datetime(2019, 7, 4, 5, 26)), placeable(datetime(1, 1, 1))
    (True, False)
    """
    return _PLACEABLE[0] <= value.replace(tzinfo=None) <= _PLACEABLE[1]


def _in_range(parsed: ParsedDate) -> ParsedDate:
    """``parsed``, or no date with a ``date-out-of-range`` note when it is not placeable."""
    if parsed.value is None or placeable(parsed.value):
        if parsed.alternative is not None and not placeable(parsed.alternative):
            return replace(parsed, alternative=None)
        return parsed
    note = Note(
        Code.DATE_OUT_OF_RANGE,
        f"{parsed.value.isoformat(' ', 'minutes')} is too near the calendar's ends to be placed in time",
    )
    return ParsedDate(None, (*parsed.notes, note))
