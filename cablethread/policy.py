"""``Policy``: every knob of parsing in one frozen object, passed down explicitly.

Modelled on :mod:`email.policy`: presets are instances, and ``clone(**changes)`` makes a variant::

    strict_utc = cablethread.Policy.default.clone(strict=True, tz_mode="sender")
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field, field_validator

from cablethread.models import TzMode

__all__ = ["DEFAULT_MAX_BYTES", "Policy"]

#: The largest file read by default: 256 MiB, far above any release, far below what would
#: exhaust a laptop's memory once parsed.
DEFAULT_MAX_BYTES = 256 * 1024 * 1024


class Policy(BaseModel):
    """How to parse: profile, time zones, date order, strictness, languages."""

    model_config = ConfigDict(frozen=True, extra="forbid", arbitrary_types_allowed=True)

    profile: str | None = Field(
        default=None,
        description=(
            "Releasing-agency profile (``nz-mfat``, ``us-state``, ``us-nih``) for every input; "
            "None detects it from each input's text (and, inside an input, each document's page "
            "furniture) and records the choice as a diagnostic."
        ),
    )
    archive_tz: str | None = Field(
        default=None,
        description=(
            "IANA zone the release was printed in, for every input; None takes the profile's "
            "of each input and document."
        ),
    )
    tz_mode: TzMode = Field(default="archive", description="How wall clocks become UTC instants.")
    dayfirst: bool | None = Field(
        default=None,
        description="Order of numeric dates (``05/03/2001``); None takes the profile's.",
    )
    strict: bool = Field(
        default=False,
        description="Raise ``ParseError`` on the first warning instead of collecting.",
    )
    languages: tuple[str, ...] | None = Field(
        default=None,
        description=(
            "Restrict the languages read — header labels, separators, dates, subject prefixes, "
            "attribution lines — to these codes of ``cablethread.lexicon.languages`` (``('en', 'fr')``); "
            "None reads every language of the tables."
        ),
    )
    directory: tuple[Path, ...] = Field(
        default=(), description="User directory TOML files that extend or override the package's."
    )

    max_bytes: int = Field(
        default=DEFAULT_MAX_BYTES,
        gt=0,
        description=(
            "The largest file ``parse_file`` and ``parse_many`` read, in bytes (the command line's "
            "``--max-size``); a larger one raises ``InputError``."
        ),
    )

    default: ClassVar[Policy]
    strict_default: ClassVar[Policy]

    @field_validator("directory", mode="before")
    @classmethod
    def _paths(cls, value: Any) -> Any:
        if isinstance(value, str | Path):
            return (Path(value),)
        return value

    @field_validator("languages")
    @classmethod
    def _known_languages(cls, value: tuple[str, ...] | None) -> tuple[str, ...] | None:
        if value is None:
            return None
        from cablethread.lexicon.languages import languages

        known = languages()
        unknown = [code for code in value if code not in known]
        if unknown or not value:
            raise ValueError(
                f"unknown language code(s) {', '.join(unknown) or '(none given)'}; "
                f"known: {', '.join(sorted(known))}"
            )
        return value

    @field_validator("profile")
    @classmethod
    def _known_profile(cls, value: str | None) -> str | None:
        if value is None:
            return None
        from cablethread.fields.profiles import profiles

        known = profiles()
        if value not in known:
            raise ValueError(
                f"unknown profile {value[:60]!r}; known profiles: {', '.join(sorted(known))}"
            )
        return value

    @field_validator("archive_tz")
    @classmethod
    def _known_zone(cls, value: str | None) -> str | None:
        if value is None:
            return None
        from cablethread._zones import known_zone, zone_hint

        if not known_zone(value):
            raise ValueError(f"unknown IANA time zone {value[:60]!r}{zone_hint(value[:60])}")
        return value

    def clone(self, **changes: Any) -> Policy:
        """A copy with ``changes`` applied (validated like the constructor)."""
        return Policy.model_validate({**self.model_dump(), **changes})


Policy.default = Policy()
Policy.strict_default = Policy(strict=True)
