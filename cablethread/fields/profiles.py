"""Releasing agencies' conventions: the zone a release is printed in and its date order.

Read from ``data/profiles.toml``; :func:`cablethread.parse` chooses one per document (from the
text, or ``Policy(profile=...)``), and the directory, the dates and the threading follow it.

>>> from cablethread.fields.profiles import profiles
>>> profiles()["nz-mfat"].archive_tz
'Pacific/Auckland'
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from cablethread.datafiles import ProfilesFile, load_data

__all__ = ["Profile", "profiles"]


@dataclass(frozen=True)
class Profile:
    """A releasing agency's conventions: the zone its releases are printed in, its date order."""

    key: str
    name: str
    archive_tz: str
    dayfirst: bool
    detect: tuple[str, ...]


@cache
def profiles() -> dict[str, Profile]:
    """The built-in releasing-agency profiles, by key (``nz-mfat``, ``us-state``, ``generic``)."""
    return {
        key: Profile(
            key=key,
            name=entry.name,
            archive_tz=entry.archive_tz,
            dayfirst=entry.dayfirst,
            detect=entry.detect,
        )
        for key, entry in load_data(ProfilesFile).root.items()
    }
