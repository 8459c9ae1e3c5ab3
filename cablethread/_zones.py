"""IANA zone names given by a user (a policy, the command line, a directory file) or printed in a
release, checked.

A name is a zone when the IANA time zone database names it, as the ``tzdata`` package (a
dependency) lists its zones: ``Pacific/Auckland``, ``US/Eastern``, ``UTC``. ``zoneinfo`` also
loads whatever file the system's zone folder holds under a name: ``localtime`` (the zone of the
machine running the parse), ``posixrules``, ``right/UTC`` (clocks that count leap seconds).
Read so, one release would give other instants on another machine, or none on a machine without
those files; they are refused.

``zoneinfo`` also walks a name's path components recursively: a name of hundreds of components
raises ``RecursionError`` rather than saying the zone is unknown. No IANA name is longer than a
few components and a few dozen characters.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

__all__ = ["known_zone", "load_zone", "zone_hint", "zone_names"]

#: Far above the longest IANA name (``America/Argentina/ComodRivadavia``, 32 characters).
_LONGEST = 255
_MOST_PARTS = 8
#: What a system's zone folder holds besides the database's zones.
_SYSTEM_ONLY = ("localtime", "posixrules")
_SYSTEM_FOLDERS = ("posix/", "right/")


@cache
def zone_names() -> frozenset[str]:
    """Every zone name of the IANA time zone database: the ``tzdata`` package's list (some 600
    names), or where it is missing, those ``zoneinfo`` finds less the system's own files.

    >>> "Pacific/Auckland" in zone_names(), "localtime" in zone_names()
    (True, False)
    """
    try:
        listed = resources.files("tzdata").joinpath("zones").read_text(encoding="utf-8")
    except (ImportError, OSError):
        found = available_timezones()
    else:
        found = set(listed.split())
    return frozenset(
        name for name in found if name not in _SYSTEM_ONLY and not name.startswith(_SYSTEM_FOLDERS)
    )


def load_zone(name: str) -> ZoneInfo:
    """The zone ``name`` names: ``load_zone("Pacific/Auckland")``.

    Raises ``ValueError`` (``ZoneInfoNotFoundError`` is one) for a name that is no zone of the
    IANA database, ``localtime`` among them.
    """
    if len(name) > _LONGEST or name.count("/") >= _MOST_PARTS:
        raise ZoneInfoNotFoundError(f"no time zone found with key {name[:60]!r}…")
    if name not in zone_names():
        raise ZoneInfoNotFoundError(f"no time zone of the IANA database is named {name[:60]!r}")
    try:
        return ZoneInfo(name)
    except RecursionError:
        raise ZoneInfoNotFoundError(f"no time zone found with key {name[:60]!r}") from None


def known_zone(name: str) -> bool:
    """Whether ``name`` is an IANA zone: ``known_zone("Europe/Paris")`` is True."""
    try:
        load_zone(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def zone_hint(name: str) -> str:
    """What to say after an unknown zone ``name``: the machine's own zone is no name."""
    if name in _SYSTEM_ONLY or name.startswith(_SYSTEM_FOLDERS):
        return (
            f"; {name!r} is a file of this machine's zone folder, not a zone of the IANA "
            "database: name the zone itself, e.g. Pacific/Auckland"
        )
    return "; give a name of the IANA database, e.g. Pacific/Auckland or America/New_York"
