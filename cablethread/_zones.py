"""IANA zone names given by a user (a policy, the command line, a directory file), checked.

``zoneinfo`` walks a name's path components recursively: a name of hundreds of components
raises ``RecursionError`` rather than saying the zone is unknown. No IANA name is longer than a
few components and a few dozen characters.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

__all__ = ["known_zone", "load_zone"]

#: Far above the longest IANA name (``America/Argentina/ComodRivadavia``, 32 characters).
_LONGEST = 255
_MOST_PARTS = 8


def load_zone(name: str) -> ZoneInfo:
    """The zone ``name`` names: ``load_zone("Pacific/Auckland")``.

    Raises ``ValueError`` (``ZoneInfoNotFoundError`` is one) for a name that is no zone.
    """
    if len(name) > _LONGEST or name.count("/") >= _MOST_PARTS:
        raise ZoneInfoNotFoundError(f"no time zone found with key {name[:60]!r}…")
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
