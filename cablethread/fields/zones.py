"""Zones printed with a send time, and the instant each gives.

A clock may be printed with its zone: an offset (``Tue, 3 Mar 2020 13:57:03 +0000``,
``GMT+3``), an abbreviation (``March 4, 2020 at 12:30:52 AM EST``), a zone's name in full
(``08:09 PM Eastern Standard Time``) or an IANA name (``Europe/Paris``). Such a zone fixes the
instant under every time-zone mode. The abbreviations and names are the table of
``data/zones.toml``: each with the UTC offset it names and the IANA zones it belongs to.

An ambiguous abbreviation (``IST``: India, Ireland or Israel) takes the reading whose zones lie in
the country of the sender's directory zone or of the release's archive zone (countries from
tzdata's ``zone.tab``); when neither settles it, it is reported and read in the archive zone. An
abbreviation is read as printed, at its own offset, also where the zone it belongs to kept the
other half of daylight saving on that date (``EST`` in July); that is reported too.
"""

from __future__ import annotations

import re
import zoneinfo
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from functools import cache
from importlib import resources
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from cablethread._zones import load_zone
from cablethread.codes import Code
from cablethread.datafiles import ZonesFile, load_data
from cablethread.diagnostics import Note
from cablethread.errors import DataFileError

__all__ = [
    "PrintedZone",
    "ZoneReading",
    "is_zone_name",
    "named_zone",
    "offset_zone",
    "read_printed_zone",
    "zone_info",
    "zone_readings",
]


@dataclass(frozen=True, slots=True)
class ZoneReading:
    """One meaning of a printed zone abbreviation: ``EST`` is UTC-05:00, America/New_York."""

    abbreviation: str
    name: str
    offset_minutes: int
    zones: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PrintedZone:
    """What a zone printed with a clock gives: the zone used and its offset at that clock.

    ``offset_minutes`` is None when the printed zone did not settle the instant (an ambiguous
    abbreviation read in the archive zone, a name not in the table); ``zone`` then names the zone
    the clock is read in, or is None for a name not in the table (the clock is read as if no zone
    were printed).
    """

    offset_minutes: int | None
    zone: str | None
    notes: tuple[Note, ...] = ()


def offset_zone(minutes: int) -> str:
    """The name of a fixed offset printed with a time: ``-240`` gives ``UTC-04:00``.

    >>> offset_zone(-240), offset_zone(330), offset_zone(0)
    ('UTC-04:00', 'UTC+05:30', 'UTC+00:00')
    """
    sign = "-" if minutes < 0 else "+"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours:02d}:{rest:02d}"


@cache
def named_zone(name: str) -> ZoneInfo:
    """The IANA zone ``name`` (``Pacific/Auckland``), made once per name."""
    return ZoneInfo(name)


_OFFSET_ZONE_NAME = re.compile(r"^UTC(?P<sign>[+-])(?P<hours>\d{2}):(?P<minutes>\d{2})$")


def zone_info(name: str) -> tzinfo:
    """The zone a message's ``time_zone`` names: an IANA zone, or a printed offset.

    >>> zone_info("UTC-04:00"), zone_info("Pacific/Auckland")
    (datetime.timezone(datetime.timedelta(days=-1, seconds=72000)), zoneinfo.ZoneInfo(key='Pacific/Auckland'))

    Raises ``ValueError`` (or ``zoneinfo.ZoneInfoNotFoundError``) for a name that is neither.
    """
    match = _OFFSET_ZONE_NAME.match(name)
    if match is None:
        return named_zone(name)
    minutes = int(match.group("hours")) * 60 + int(match.group("minutes"))
    return timezone(timedelta(minutes=-minutes if match.group("sign") == "-" else minutes))


_OFFSET = re.compile(r"^(?P<sign>[+-])(?P<hours>\d{2}):(?P<minutes>\d{2})$")


def _minutes(text: str) -> int:
    match = _OFFSET.match(text)
    if match is None:
        raise ValueError(f"data/zones.toml: offset {text!r} is not +HH:MM or -HH:MM")
    minutes = int(match.group("hours")) * 60 + int(match.group("minutes"))
    return -minutes if match.group("sign") == "-" else minutes


def _key(name: str) -> str:
    """How a printed zone is looked up: blanks collapsed, case folded."""
    return " ".join(name.split()).casefold()


@cache
def zone_readings() -> dict[str, tuple[ZoneReading, ...]]:
    """The table of ``data/zones.toml``: every abbreviation and spelled name (case folded) with
    the readings it may stand for, read once."""
    table: dict[str, tuple[ZoneReading, ...]] = {}
    for abbreviation, entry in load_data(ZonesFile).root.items():
        readings: list[ZoneReading] = []
        for item in entry.readings:
            reading = ZoneReading(abbreviation, item.name, _minutes(item.offset), item.zones)
            readings.append(reading)
            for spelled in item.spelled:
                table[_key(spelled)] = (reading,)
        table[_key(abbreviation)] = tuple(readings)
    return table


def is_zone_name(name: str) -> bool:
    """Whether ``name`` is a zone abbreviation or name of the table (``EST``, ``Eastern Standard
    Time``), in any case."""
    return _key(name) in zone_readings()


@cache
def _zone(name: str) -> ZoneInfo | None:
    try:
        return load_zone(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def is_iana_name(name: str) -> bool:
    """Whether ``name`` is an IANA zone (``Europe/Paris``) known to ``zoneinfo``."""
    return "/" in name and _zone(name) is not None


@cache
def _countries() -> dict[str, str]:
    """The country (ISO 3166 code) of each IANA zone, from tzdata's ``zone.tab``."""
    text = _zone_table()
    countries: dict[str, str] = {}
    for line in text.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        parts = line.split("\t")
        if len(parts) >= 3:
            countries[parts[2]] = parts[0]
    return countries


def _zone_table() -> str:
    """The text of ``zone.tab``: the ``tzdata`` package's, else the system's (the first on
    :data:`zoneinfo.TZPATH`, where ``zoneinfo`` finds its zones without ``tzdata``)."""
    try:
        return resources.files("tzdata").joinpath("zoneinfo/zone.tab").read_text("utf-8")
    except (ModuleNotFoundError, FileNotFoundError):
        pass
    for folder in zoneinfo.TZPATH:
        path = Path(folder) / "zone.tab"
        if path.is_file():
            return path.read_text("utf-8")
    raise DataFileError(
        "zone.tab",
        None,
        "the countries of the time zones are read from tzdata's zone.tab, and neither the "
        "tzdata package nor a zone.tab on zoneinfo.TZPATH was found: pip install tzdata",
    )


def _country(zone: str | None) -> str | None:
    return _countries().get(zone) if zone else None


def _reading_countries(reading: ZoneReading) -> set[str]:
    return {country for zone in reading.zones if (country := _country(zone)) is not None}


def _offset_at(zone: str, wall: datetime) -> int | None:
    info = _zone(zone)
    if info is None:
        return None
    offset = wall.replace(tzinfo=info).utcoffset()
    return None if offset is None else int(offset.total_seconds() // 60)


def _choose(
    printed: str,
    readings: tuple[ZoneReading, ...],
    sender_zone: str | None,
    archive_zone: str,
) -> tuple[ZoneReading | None, list[Note]]:
    """The reading of an abbreviation: the only one, or the one the sender's directory zone or
    the archive zone points to (by country), the other not pointing elsewhere."""
    if len(readings) == 1:
        return readings[0], []
    by_sender = [r for r in readings if _country(sender_zone) in _reading_countries(r)]
    by_archive = [r for r in readings if _country(archive_zone) in _reading_countries(r)]
    meanings = ", ".join(f"{r.name} ({offset_zone(r.offset_minutes)})" for r in readings)
    if len(by_sender) == 1 and by_archive in ([], by_sender):
        reading, why = by_sender[0], f"the sender's zone {sender_zone}"
    elif not by_sender and len(by_archive) == 1:
        reading, why = by_archive[0], f"the release's zone {archive_zone}"
    else:
        return None, [
            Note(
                Code.DATE_ZONE_AMBIGUOUS,
                f"{printed!r} may be {meanings}; neither the release's zone {archive_zone} nor "
                f"the sender's zone ({sender_zone or 'unknown'}) settles which; read in the "
                f"archive zone {archive_zone}",
            )
        ]
    note = Note(
        Code.DATE_ZONE_RESOLVED,
        f"{printed!r} may be {meanings}; read as {reading.name} "
        f"({offset_zone(reading.offset_minutes)}): {why} is in that country",
    )
    return reading, [note]


def _zone_of(reading: ZoneReading, sender_zone: str | None, archive_zone: str) -> str:
    """The IANA zone of ``reading`` to name: the sender's or the archive's when it is one of the
    reading's zones, else one in their country, else the reading's first."""
    for zone in (sender_zone, archive_zone):
        if zone in reading.zones:
            return zone
    for zone in (sender_zone, archive_zone):
        country = _country(zone)
        for candidate in reading.zones:
            if country is not None and _country(candidate) == country:
                return candidate
    return reading.zones[0]


def read_printed_zone(
    printed: str,
    offset_minutes: int | None,
    wall: datetime,
    sender_zone: str | None,
    archive_zone: str,
) -> PrintedZone:
    """The zone and offset that the zone ``printed`` with the wall clock ``wall`` gives.

    ``offset_minutes`` is the offset when one was printed in figures (``-0500``, ``GMT+3``): it
    is the zone. ``EST`` gives UTC-05:00 in ``America/New_York``; ``EST`` on a July date gives
    UTC-05:00 still, reported, its zone named by the offset.

    >>> read_printed_zone("EST", None, datetime(2020, 3, 4, 0, 30), None, "UTC")
    PrintedZone(offset_minutes=-300, zone='America/New_York', notes=())
    """
    if offset_minutes is not None:
        return PrintedZone(offset_minutes, offset_zone(offset_minutes))
    if is_iana_name(printed):
        offset = _offset_at(printed, wall)
        return PrintedZone(offset, printed if offset is not None else None)
    readings = zone_readings().get(_key(printed))
    if readings is None:
        return PrintedZone(
            None,
            None,
            (
                Note(
                    Code.DATE_ZONE_UNKNOWN,
                    f"{printed!r} after the time is not a zone of the table; the clock is read "
                    "as if no zone were printed",
                ),
            ),
        )
    reading, notes = _choose(printed, readings, sender_zone, archive_zone)
    if reading is None:
        return PrintedZone(None, archive_zone, tuple(notes))
    zone = _zone_of(reading, sender_zone, archive_zone)
    instant = (wall - timedelta(minutes=reading.offset_minutes)).replace(tzinfo=UTC)
    info = _zone(zone)
    kept = info is not None and instant.astimezone(info).utcoffset() == timedelta(
        minutes=reading.offset_minutes
    )
    if kept:
        return PrintedZone(reading.offset_minutes, zone, tuple(notes))
    actual = _offset_at(zone, wall)
    notes.append(
        Note(
            Code.DATE_ZONE_DST_MISMATCH,
            f"{printed!r} ({reading.name}, {offset_zone(reading.offset_minutes)}) is printed "
            f"with a clock of {wall:%d %B %Y}, when {zone} kept "
            f"{offset_zone(actual) if actual is not None else 'another offset'}; read as printed",
        )
    )
    return PrintedZone(reading.offset_minutes, offset_zone(reading.offset_minutes), tuple(notes))
