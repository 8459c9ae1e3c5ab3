"""The directory: posts, divisions, offices, lists, mailboxes and known people, kept as data.

The package holds one file per releasing-agency profile, ``cablethread/data/directory/<profile>.toml``.
A user file in the same layout extends or overrides it (``Policy(directory="my-posts.toml")``,
``Directory.for_profile("nz-mfat", extra_files=["my-posts.toml"])``)::

    [directory]
    organisation = "New Zealand Ministry of Foreign Affairs and Trade"   # default parent

    [[entry]]
    code = "PARIS"                    # canonical code, as the releases print it
    kind = "post"                     # division, post, office, agency, distribution-list,
                                      # mailbox or person
    aliases = ["PAR"]                 # other spellings the releases show
    name = "New Zealand Embassy, Paris"   # full name; leave it out rather than guess
    country = "France"
    city = "Paris"
    time_zone = "Europe/Paris"        # IANA zone, checked against zoneinfo
    # channel = "Seemail"             # for a mailbox: the network it is reached on
    # addresses = ["paris@example.org"]   # e-mail addresses that identify the entry
    # parent = "..."                  # parent organisation, when not the file's organisation

Codes, aliases and addresses are matched ignoring case and runs of spaces. Within one file each must
be unique; across files the later file wins: an entry with a code already known replaces that
entry, and an alias or address already held by another entry moves to the new one.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

from cablethread._zones import known_zone
from cablethread.datafiles import parse_toml
from cablethread.errors import DataFileError, DirectoryError, InputError
from cablethread.policy import DEFAULT_MAX_BYTES
from cablethread.reading.files import read_regular

__all__ = ["Directory", "DirectoryError", "Entry", "EntryKind"]

EntryKind = Literal[
    "division", "post", "office", "agency", "distribution-list", "mailbox", "person"
]

_KINDS: tuple[str, ...] = get_args(EntryKind)
_TEXT_KEYS = ("name", "parent", "country", "city", "time_zone", "channel")
_LIST_KEYS = ("aliases", "addresses")
_ENTRY_KEYS = ("code", "kind", *_TEXT_KEYS, *_LIST_KEYS)
_HEAD_KEYS = ("profile", "organisation", "description")
# A trailing ``(Seemail)``: the printed channel of a mailbox, not part of its code.
# The code runs to its last non-blank (a lazy ``.+?`` was quadratic in a run of blanks).
_TRAILING_PAREN = re.compile(r"^(?P<code>.*[^ \t\n]|[ \t])[ \t]*\((?P<channel>[^()]+)\)$")
_ANGLE_ADDRESS = re.compile(r"<[ \t]*(?:mailto:)?(?P<addr>[^<>\s]+@[^<>\s]+?)[ \t]*>")
_MAILTO_ADDRESS = re.compile(r"\[mailto:[ \t]*(?P<addr>[^\]\s]+@[^\]\s]+?)[ \t]*\]")


class Entry(BaseModel):
    """One post, division, office, agency, list, mailbox or person of the directory."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    code: str = Field(description="Canonical code, as the releases print it: ``NAD``, ``DS MLG``.")
    kind: EntryKind = Field(description="What the entry is; becomes the party's kind.")
    aliases: tuple[str, ...] = Field(
        default=(), description="Other spellings the releases show: ``BEI`` for ``BEIJING``."
    )
    name: str | None = Field(
        default=None, description="Full name, where it is known for sure; None rather than a guess."
    )
    parent: str | None = Field(default=None, description="Parent organisation.")
    country: str | None = Field(default=None, description="Country the entry sits in.")
    city: str | None = Field(default=None, description="City the entry sits in.")
    time_zone: str | None = Field(
        default=None, description="IANA zone of the entry's home: ``Europe/Zurich``."
    )
    channel: str | None = Field(
        default=None, description="For a mailbox, the network it is reached on: ``Seemail``."
    )
    addresses: tuple[str, ...] = Field(
        default=(), description="E-mail addresses that identify the entry."
    )
    source: str | None = Field(default=None, description="The file the entry was read from.")


def normalise(token: str) -> str:
    """The form codes are matched in: case folded, quotes and runs of spaces dropped.

    >>> normalise("  fm.p/s   MFA ")
    'fm.p/s mfa'
    """
    return " ".join(token.strip().strip("'\"").split()).casefold()


def _known_zone(zone: str) -> bool:
    return known_zone(zone)


def _label(index: int, raw: Mapping[str, Any]) -> str:
    code = raw.get("code")
    return f"entry {index} (code {code!r})" if isinstance(code, str) else f"entry {index}"


def _entry_from(index: int, raw: Any, file: str, organisation: str | None) -> Entry:
    """Check one ``[[entry]]`` table and build its :class:`Entry`; raise on the first problem."""
    if not isinstance(raw, dict):
        raise DirectoryError(file, f"entry {index}", "must be a table ([[entry]] with keys)")
    label = _label(index, raw)
    for key in raw:
        if key not in _ENTRY_KEYS:
            known = ", ".join(_ENTRY_KEYS)
            raise DirectoryError(file, label, f"unknown key {key!r} (known keys: {known})")
    values: dict[str, Any] = {"source": file}
    for key in ("code", "kind"):
        if key not in raw:
            raise DirectoryError(file, label, f"missing key {key!r}")
    for key in ("code", "kind", *_TEXT_KEYS):
        if key not in raw:
            continue
        value = raw[key]
        if not isinstance(value, str):
            raise DirectoryError(
                file, label, f"{key} must be a string, not {type(value).__name__} ({value!r})"
            )
        # An empty string is how a file says "not known"; it must not become a value.
        values[key] = " ".join(value.split()) or None
    for key in _LIST_KEYS:
        if key not in raw:
            continue
        value = raw[key]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise DirectoryError(
                file,
                label,
                f"{key} must be a list of strings, not {type(value).__name__} ({value!r})",
            )
        values[key] = tuple(" ".join(v.split()) for v in value if v.strip())
    if not values.get("code"):
        raise DirectoryError(file, label, "code is empty")
    if values["kind"] not in _KINDS:
        raise DirectoryError(
            file, label, f"unknown kind {values['kind']!r} (one of: {', '.join(_KINDS)})"
        )
    zone = values.get("time_zone")
    if zone is not None and not _known_zone(zone):
        raise DirectoryError(
            file, label, f"unknown time zone {zone!r} (not a zone of the IANA database)"
        )
    # ``parent = ""`` says the parent is not the file's organisation and is not known.
    if "parent" not in raw and organisation:
        values["parent"] = organisation
    return Entry(**values)


def _misreadings(keys: Mapping[str, str]) -> dict[str, str | None]:
    """Each form OCR could print of each key of ``keys`` (a code or alias → its entry's key),
    one letter misread (``ocr/codes.toml``), → the entry's key; None where two entries share
    the form. A form that is a key itself is left out."""
    from cablethread.datafiles import OcrCodesFile, load_data
    from cablethread.lexicon.patterns import misread_letters

    table = load_data(OcrCodesFile)
    forms: dict[str, str | None] = {}
    for key, owner in keys.items():
        if len(key) < table.min_length:
            continue
        for form in misread_letters(key, table.letters):
            if form not in keys:
                forms[form] = owner if forms.get(form, owner) == owner else None
    return forms


def _check_unique(entries: Sequence[Entry], file: str) -> None:
    """Raise when two entries of one file share a code, an alias or an address."""
    owner: dict[str, tuple[int, str]] = {}
    addresses: dict[str, int] = {}
    for index, entry in enumerate(entries, start=1):
        label = f"entry {index} (code {entry.code!r})"
        for what, token in [("code", entry.code)] + [("alias", a) for a in entry.aliases]:
            key = normalise(token)
            if key in owner:
                other, other_code = owner[key]
                taken = "the code" if normalise(other_code) == key else "an alias"
                raise DirectoryError(
                    file,
                    label,
                    f"duplicate {what} {token!r}: already {taken} of entry {other} "
                    f"({other_code!r})",
                )
            owner[key] = (index, entry.code)
        for address in entry.addresses:
            key = address.casefold()
            if key in addresses:
                raise DirectoryError(
                    file,
                    label,
                    f"duplicate address {address!r}: already an address of entry {addresses[key]}",
                )
            addresses[key] = index


def read_entries(path: str | os.PathLike[str]) -> list[Entry]:
    """The entries of one directory file, checked; raises :class:`DirectoryError`."""
    file = str(path)
    try:
        # Only a regular file, of at most the size of a release: a FIFO would wait for a writer
        # for ever, and a device (/dev/zero) never ends.
        data = read_regular(Path(path), file, DEFAULT_MAX_BYTES)
    except InputError as exc:
        raise DirectoryError(file, None, str(exc).removeprefix(f"{file}: ")) from None
    return _entries_from_bytes(data, file)


def _entries_from_bytes(data: bytes, file: str) -> list[Entry]:
    try:
        raw = parse_toml(data, file)
    except DataFileError as exc:
        raise DirectoryError(file, None, exc.problem) from None
    for key in raw:
        if key not in ("directory", "entry"):
            raise DirectoryError(
                file, None, f"unknown top-level key {key!r} (expected [directory] and [[entry]])"
            )
    head = raw.get("directory", {})
    if not isinstance(head, dict):
        raise DirectoryError(file, "[directory]", "must be a table")
    for key, value in head.items():
        if key not in _HEAD_KEYS:
            raise DirectoryError(
                file, "[directory]", f"unknown key {key!r} (known keys: {', '.join(_HEAD_KEYS)})"
            )
        if not isinstance(value, str):
            raise DirectoryError(
                file, "[directory]", f"{key} must be a string, not {type(value).__name__}"
            )
    organisation = head.get("organisation") or None
    table = raw.get("entry", [])
    if not isinstance(table, list):
        raise DirectoryError(file, "entry", "must be an array of tables: write [[entry]]")
    entries = [
        _entry_from(index, item, file, organisation) for index, item in enumerate(table, start=1)
    ]
    _check_unique(entries, file)
    return entries


_PACKAGE_FILES = "data/directory"


@cache
def _package_entries(profile: str) -> tuple[Entry, ...]:
    folder = resources.files("cablethread").joinpath(_PACKAGE_FILES)
    resource = folder.joinpath(f"{profile}.toml")
    if not resource.is_file():
        return ()
    name = f"cablethread/{_PACKAGE_FILES}/{profile}.toml"
    return tuple(_entries_from_bytes(resource.read_bytes(), name))


class Directory:
    """Directory entries by code, alias and address, with resolution of printed tokens.

    >>> Directory.for_profile("nz-mfat").resolve("BEI").code
    'BEIJING'
    """

    def __init__(self, entries: Iterable[Entry] = (), *, profile: str | None = None) -> None:
        self.profile = profile
        self._entries: dict[str, Entry] = {}
        self._keys: dict[str, str] = {}
        self._addresses: dict[str, str] = {}
        self._channels: set[str] = set()
        # Each code's misreadings (``ocr/codes.toml``) → its key; None for one two codes share.
        self._misread: dict[str, str | None] | None = None
        self._add(entries)

    # -- building ----------------------------------------------------------------------------

    def _add(self, entries: Iterable[Entry]) -> None:
        """Add ``entries``; a later entry replaces one of the same code and takes its spellings."""
        self._misread = None
        for entry in entries:
            code_key = normalise(entry.code)
            old_code = self._keys.get(code_key)
            if old_code is not None and old_code != code_key:
                self._drop_alias(old_code, code_key)
            if code_key in self._entries:
                old = self._entries[code_key]
                for alias in old.aliases:
                    self._keys.pop(normalise(alias), None)
                for address in old.addresses:
                    self._addresses.pop(address.casefold(), None)
            self._entries[code_key] = entry
            self._keys[code_key] = code_key
            for alias in entry.aliases:
                key = normalise(alias)
                holder = self._keys.get(key)
                if holder is not None and holder != code_key:
                    if holder == key:
                        continue  # an alias never displaces another entry's code
                    self._drop_alias(holder, key)
                self._keys[key] = code_key
            for address in entry.addresses:
                key = address.casefold()
                holder = self._addresses.get(key)
                if holder is not None and holder != code_key:
                    old = self._entries[holder]
                    self._entries[holder] = old.model_copy(
                        update={"addresses": tuple(a for a in old.addresses if a.casefold() != key)}
                    )
                self._addresses[key] = code_key
            if entry.channel:
                self._channels.add(entry.channel.casefold())

    def _drop_alias(self, holder: str, key: str) -> None:
        old = self._entries[holder]
        self._entries[holder] = old.model_copy(
            update={"aliases": tuple(a for a in old.aliases if normalise(a) != key)}
        )
        self._keys.pop(key, None)

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> Directory:
        """The entries of one TOML file alone: ``Directory.load("my-posts.toml")``."""
        return cls(read_entries(path))

    @classmethod
    def for_profile(
        cls, name: str, extra_files: Iterable[str | os.PathLike[str]] = ()
    ) -> Directory:
        """The package entries of profile ``name``, then each extra file over them, in order.

        ``Directory.for_profile("nz-mfat", extra_files=["my-posts.toml"])``
        """
        from cablethread.fields.profiles import profiles

        known = profiles()
        if name not in known:
            raise ValueError(
                f"unknown profile {name!r}; known profiles: {', '.join(sorted(known))}"
            )
        directory = cls(_package_entries(name), profile=name)
        for path in extra_files:
            directory._add(read_entries(path))
        return directory

    def merged(self, other: Directory) -> Directory:
        """A new directory: these entries, then ``other``'s over them."""
        result = Directory(self, profile=self.profile)
        result._add(other)
        return result

    # -- reading -----------------------------------------------------------------------------

    def __iter__(self) -> Iterator[Entry]:
        return iter(self._entries.values())

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, token: object) -> bool:
        return isinstance(token, str) and self.resolve(token) is not None

    def __repr__(self) -> str:
        return f"<Directory profile={self.profile!r} entries={len(self)}>"

    def get(self, code: str) -> Entry | None:
        """The entry whose code or alias is ``code`` exactly (ignoring case and spaces)."""
        found = self._keys.get(normalise(code))
        return self._entries[found] if found is not None else None

    def resolve_address(self, address: str) -> Entry | None:
        """The entry an e-mail address identifies: ``hrod17@clintonemail.com`` → ``H``."""
        found = self._addresses.get(address.strip().strip("'\"").casefold())
        return self._entries[found] if found is not None else None

    def resolve_misread(self, token: str) -> Entry | None:
        """The entry whose code or alias ``token`` is with one letter misread by OCR
        (``data/ocr/codes.toml``), or None: ``BElJING`` → ``BEIJING``, ``UNHG`` → ``UNHC``.

        Only codes of ``min_length`` characters or more; never a token that is a code or alias
        itself, nor one two entries' misreadings share.

        >>> Directory.for_profile("nz-mfat").resolve_misread("UNHG").code
        'UNHC'
        """
        if self._misread is None:
            self._misread = _misreadings(self._keys)
        found = self._misread.get(normalise(token))
        return self._entries[found] if found is not None else None

    def resolve(self, token: str) -> Entry | None:
        """The entry a printed token stands for, or None.

        Tries the code or alias, then an address in ``<…>`` or ``[mailto:…]``, then the token
        without a trailing channel: ``FM.NAB (Seemail)`` → ``FM.NAB``.
        """
        found = self.get(token)
        if found is not None:
            return found
        if "@" in token:
            for pattern in (_ANGLE_ADDRESS, _MAILTO_ADDRESS):
                match = pattern.search(token)
                if match is not None:
                    return self.resolve_address(match.group("addr"))
            return self.resolve_address(token)
        match = _TRAILING_PAREN.match(token.strip())
        if match is not None and match.group("channel").strip().casefold() in self._channels:
            return self.get(match.group("code"))
        return None
