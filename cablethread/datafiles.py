"""The package's data files (``cablethread/data/*.toml``), each read once and checked against its
declared shape.

Every word list, OCR confusion table, profile and zone table is TOML under ``cablethread/data/``.
:func:`load_data` reads the file a shape names, decodes it (UTF-8, a byte-order mark allowed),
parses it and validates it against that shape, a frozen pydantic model, so that the code that
uses it gets typed values rather than a raw dict. Any problem raises
:class:`~cablethread.errors.DataFileError` naming the file, the key and the problem::

    cablethread/data/zones.toml: CST.readings[1].offset: Field required

The directory files (``data/directory/*.toml`` and a user's own) have their own checks and
:class:`~cablethread.errors.DirectoryError`; they share the decoding step, :func:`parse_toml`.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Annotated, Any, TypeVar, cast

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    RootModel,
    StrictBool,
    StrictInt,
    StrictStr,
    ValidationError,
)

from cablethread.errors import DataFileError

__all__ = [
    "FILES",
    "load_data",
    "parse_toml",
]

#: Where the package's data files are, inside the package.
PACKAGE_FOLDER = "data"

# Strict scalars: a TOML string never stands for a number or a flag here, nor the reverse.
Words = tuple[StrictStr, ...]


class _Table(BaseModel):
    """A table of a data file: every key declared, nothing else allowed, values frozen."""

    model_config = ConfigDict(frozen=True, extra="forbid")


# ---------------------------------------------------------------------------------------------
# languages.toml: mail-client words per language (cablethread.lexicon.languages)
# ---------------------------------------------------------------------------------------------


class Attribution(_Table):
    """The words of a reply attribution line: ``Le … a écrit :``."""

    before: Words = ()
    """Words that open it: ``On``, ``Le``."""
    after: Words = ()
    """The verb: ``wrote``, ``a écrit``."""
    words: Words = ()
    """Words between the date and the name: ``heeft``, ``időpontban``."""


class LanguageTable(_Table):
    """One language's table: ``[fr]``."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    name: StrictStr
    """The language's English name: ``French``."""
    from_: Words = Field(default=(), alias="from")
    """Labels of the sender: ``De``, ``Von``."""
    sent: Words = ()
    """Labels of the send time: ``Envoyé``, ``Gesendet``."""
    to: Words = ()
    """Labels of the addressees: ``À``, ``An``."""
    cc: Words = ()
    """Labels of the copies: ``Cc``."""
    bcc: Words = ()
    """Labels of the blind copies: ``Cci``."""
    subject: Words = ()
    """Labels of the subject: ``Objet``, ``Betreff``."""
    reply_to: Words = ()
    """Labels a block prints between its fields: ``Répondre à``."""
    attachments: Words = ()
    """Labels of the attachments, printed between the fields: ``Anlagen``."""
    separators: Words = ()
    """Separator lines: ``Message d'origine``."""
    framed_separators: Words = ()
    """Separator words only between two runs of dashes: ``Original``."""
    reply_prefixes: Words = ()
    """Reply prefixes of a subject: ``RE``, ``AW``."""
    forward_prefixes: Words = ()
    """Forward prefixes of a subject: ``TR``, ``WG``."""
    months: Annotated[tuple[Words, ...], Field(min_length=12, max_length=12)]
    """Twelve lists of month names, January first; each its full name, then other forms."""
    weekdays: Annotated[tuple[Words, ...], Field(min_length=7, max_length=7)]
    """Seven lists of weekday names, Monday first."""
    attribution: Attribution = Attribution()
    """The words of a reply attribution line."""
    dayfirst: StrictBool | None = None
    """True where numeric dates are day first; absent to leave it to the policy."""
    date_words: Words = ()
    """Words printed between the parts of a date: ``à``, ``um``."""
    am: Words = ()
    """Words for the morning half of a 12-hour clock: ``vorm.``."""
    pm: Words = ()
    """Words for the afternoon half: ``nachm.``."""
    zones: dict[StrictStr, StrictStr] = {}
    """Zone abbreviations of the language and the English ones they stand for."""
    signoffs: Words = ()
    """Openings of a phone's sign-off: ``Envoyé de mon``."""

    def labels(self, field: str) -> Words:
        """The labels of ``field``, one of :data:`cablethread.lexicon.languages.FIELDS`."""
        value = self.from_ if field == "from" else getattr(self, field)
        return cast(Words, value)


class LanguagesFile(RootModel[dict[StrictStr, LanguageTable]]):
    """``languages.toml``: a table per language, by code (``en``, ``fr``)."""

    model_config = ConfigDict(frozen=True)


# ---------------------------------------------------------------------------------------------
# grounds.toml: withholding grounds (cablethread.lexicon.redactions)
# ---------------------------------------------------------------------------------------------


class GroundEntry(_Table):
    """A withholding code's ground: ``"s6(a)" = { ground = "OIA s6(a)", meaning = "…" }``."""

    ground: StrictStr
    """The provision: ``OIA s6(a)``."""
    meaning: StrictStr
    """What it protects, paraphrased."""


class GroundsFile(RootModel[dict[StrictStr, dict[StrictStr, GroundEntry]]]):
    """``grounds.toml``: per jurisdiction (``nz-oia``), each normalised code's ground."""

    model_config = ConfigDict(frozen=True)


# ---------------------------------------------------------------------------------------------
# zones.toml: zone abbreviations (cablethread.fields.zones)
# ---------------------------------------------------------------------------------------------


class ZoneReadingEntry(_Table):
    """One meaning of an abbreviation: ``{ offset = "-05:00", name = "…", zones = […] }``."""

    offset: Annotated[StrictStr, Field(pattern=r"^[+-]\d{2}:\d{2}$")]
    """The UTC offset it names, ``+HH:MM`` or ``-HH:MM``."""
    name: StrictStr
    """A name for the diagnostics: ``Eastern Standard Time``."""
    zones: Annotated[Words, Field(min_length=1)]
    """The IANA zones it belongs to, the one used by default first."""
    spelled: Words = ()
    """Names printed in full for it: ``Eastern Standard Time``."""


class ZoneTable(_Table):
    """An abbreviation's table: ``[CST]``."""

    readings: Annotated[tuple[ZoneReadingEntry, ...], Field(min_length=1)]
    """What it may mean; more than one makes it ambiguous."""


class ZonesFile(RootModel[dict[StrictStr, ZoneTable]]):
    """``zones.toml``: a table per abbreviation, as printed (``EST``, ``IST``)."""

    model_config = ConfigDict(frozen=True)


# ---------------------------------------------------------------------------------------------
# profiles.toml: releasing agencies (cablethread.fields.profiles)
# ---------------------------------------------------------------------------------------------


class ProfileTable(_Table):
    """A releasing agency's profile: ``[nz-mfat]``."""

    name: StrictStr
    """The agency's name."""
    archive_tz: StrictStr
    """The IANA zone its releases are printed in."""
    dayfirst: StrictBool
    """Whether its numeric dates are day first."""
    detect: Words = ()
    """Phrases whose presence in a release selects the profile."""


class ProfilesFile(RootModel[dict[StrictStr, ProfileTable]]):
    """``profiles.toml``: a table per profile, in the order they are tried."""

    model_config = ConfigDict(frozen=True)


# ---------------------------------------------------------------------------------------------
# body.toml, subject_wrap.toml, subject_tags.toml (cablethread.lexicon.patterns, .fields.subjects)
# ---------------------------------------------------------------------------------------------


class BodyWords(_Table):
    """How a body opens, in one language: ``[english]`` of ``body.toml``."""

    salutations: Words
    """Words that open a salutation: ``Dear``, ``Hi``."""
    hails: Words
    """Salutations that may close a subject's line alone: ``Hi``."""
    openings: Words
    """Words that open a line of the body on their own: ``Thanks``, ``Pls``."""
    forward_notes: Words = ()
    """A forwarder's notes that may close a forward's subject line: ``FYI``."""


class BodyFile(RootModel[dict[StrictStr, BodyWords]]):
    """``body.toml``: a table per language."""

    model_config = ConfigDict(frozen=True)


class SubjectWrapWords(_Table):
    """Where a subject's printed line breaks mid-phrase, in one language."""

    open_endings: Words
    """Words a phrase cannot end on: ``for``, ``the``."""
    open_marks: Words
    """Marks a broken line may end on: ``-``, ``:``."""


class SubjectWrapFile(RootModel[dict[StrictStr, SubjectWrapWords]]):
    """``subject_wrap.toml``: a table per language."""

    model_config = ConfigDict(frozen=True)


class SubjectTagsFile(_Table):
    """``subject_tags.toml``: gateway tags written before a subject, in brackets."""

    tags: Words
    """Upper-case tags: ``EXTERNAL``."""


# ---------------------------------------------------------------------------------------------
# collation.toml (cablethread.messages.collate)
# ---------------------------------------------------------------------------------------------


class CollationFile(_Table):
    """``collation.toml``: the parts of a page stamp printed on lines of their own."""

    stamp_lines: Words
    """Lines that are a stamp's part alone: ``UNCLASSIFIED``."""
    stamp_date_labels: Words
    """Labels of a stamp's date line: ``Date``."""


# ---------------------------------------------------------------------------------------------
# ocr/*.toml: OCR damage (cablethread.lexicon.patterns, .fields.dates, .fields.parties)
# ---------------------------------------------------------------------------------------------


class OcrConfusions(_Table):
    """``ocr/labels.toml`` ``[confusions]``: letters OCR misreads, and the labels they are
    undone in."""

    labels: Words = ()
    """The English labels each of whose one-letter misreadings is read as the label: ``Sent``."""
    letters: dict[StrictStr, Words] = {}
    """A letter (lower case) and what OCR reads for it: ``e`` → ``c`` (``Scnt`` for ``Sent``)."""


class OcrLabelsFile(_Table):
    """``ocr/labels.toml``: header labels as OCR misreads them."""

    labels: dict[StrictStr, StrictStr]
    """The misread form and the label it stands for: ``Ce`` → ``Cc``."""
    confusions: OcrConfusions = OcrConfusions()
    """Misread letters, from which further forms of some labels are made (``Scnt``)."""


class _DateWords(_Table):
    words: Words
    """Words of the next field's label: ``To``, ``Ce``."""


class _Marks(_Table):
    marks: Words
    """The marks: ``;``, ``‘``."""


class _Letters(_Table):
    letters: Words
    """The letters: ``O``, ``G``."""


class _Digits(_Table):
    letters: dict[StrictStr, StrictStr] = {}
    """A letter OCR prints for a digit, and the digit: ``O`` → ``0``, ``l`` → ``1``."""


class _NamePairs(_Table):
    pairs: dict[StrictStr, StrictStr] = {}
    """Two letters OCR prints for one letter of a name, and the letter: ``rn`` → ``m``."""


class OcrDatesFile(_Table):
    """``ocr/dates.toml``: OCR damage in printed send times."""

    meridiem: dict[StrictStr, StrictStr]
    """A half of the day as OCR printed it, and what it stands for: ``AV`` → ``AM``."""
    labels: _DateWords
    """Words of the next field's label left after the time."""
    lists: _Marks
    """Marks that part recipients, first after the time."""
    time: _Marks
    """Marks between a time's colon and its minutes."""
    offset: _Letters
    """Letters printed for digits of a zone offset."""
    digits: _Digits = _Digits()
    """Letters printed for digits of a date or a time."""
    names: _NamePairs = _NamePairs()
    """Letter pairs printed for one letter of a month or weekday name."""


class OcrCodesFile(_Table):
    """``ocr/codes.toml``: letters OCR misreads in a directory's codes."""

    min_length: StrictInt
    """The shortest code read through a misreading."""
    letters: dict[StrictStr, Words]
    """A letter (case folded) and what OCR reads for it: ``i`` → ``l`` (``BElJING``)."""


class OcrAddressesFile(_Table):
    """``ocr/addresses.toml``: OCR confusions in printed e-mail addresses."""

    at_signs: Words
    """What the OCR reads for the at sign: ``©``, ``(a)``."""
    mailto_labels: Words
    """The ``mailto:`` label misread: ``mallto``."""
    domain_endings: dict[StrictStr, StrictStr]
    """Misread domain endings and what they stand for: ``.goy`` → ``.gov``."""


class OcrDebrisFile(_Table):
    """``ocr/redaction_debris.toml``: what the OCR makes of a redaction box."""

    box_letters: StrictStr
    """The letters a box's edge and grey come out as: ``aceos``."""
    box_marks: StrictStr
    """Signs that stand where no name has them: ``©®@``."""
    mark_letters: StrictStr
    """The capitals OCR makes of a boxed ``(b)(6)``: ``OILKX``."""
    edge_word_letters: StrictInt
    """The most letters of a one-word party read as a box's edge and grey."""
    short_names: Words
    """Short names of that shape that are people: ``Lee``, ``Ross``."""
    max_letters: StrictInt
    """The most letters debris holds."""
    max_tail_run: StrictInt
    """The most letters in one run of debris after a whole name."""


#: Every packaged data file's shape, with the file's path under ``cablethread/data/``. The
#: directory files (``directory/*.toml``) are checked by :mod:`cablethread.fields.directory`.
FILES: Mapping[type[BaseModel], str] = {
    LanguagesFile: "languages.toml",
    GroundsFile: "grounds.toml",
    ZonesFile: "zones.toml",
    ProfilesFile: "profiles.toml",
    BodyFile: "body.toml",
    SubjectWrapFile: "subject_wrap.toml",
    SubjectTagsFile: "subject_tags.toml",
    CollationFile: "collation.toml",
    OcrLabelsFile: "ocr/labels.toml",
    OcrDatesFile: "ocr/dates.toml",
    OcrAddressesFile: "ocr/addresses.toml",
    OcrCodesFile: "ocr/codes.toml",
    OcrDebrisFile: "ocr/redaction_debris.toml",
}

Shape = TypeVar("Shape", bound=BaseModel)


def parse_toml(data: bytes, file: str) -> dict[str, Any]:
    """The TOML document of ``data``, UTF-8 with or without a byte-order mark, as Windows
    editors write one; raises :class:`DataFileError` naming ``file`` (a syntax error names its
    line: ``not valid TOML: Expected '=' after a key in a key/value pair (at line 3, column 7)``).
    """
    try:
        return tomllib.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise DataFileError(file, None, "not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise DataFileError(file, None, f"not valid TOML: {exc}") from None
    except RecursionError:
        raise DataFileError(
            file, None, "not valid TOML: arrays or tables nested too deeply"
        ) from None


def load_data(shape: type[Shape], *, root: Traversable | None = None) -> Shape:
    """The data file of ``shape`` (a key of :data:`FILES`), read, parsed and checked.

    ``load_data(ZonesFile).root["EST"].readings[0].offset`` is ``'-05:00'``. The package's own
    file is read once per process; with ``root`` (a folder laid out as ``cablethread/data/``)
    the file under it is read each time, as a test reads a damaged copy. Raises
    :class:`DataFileError` for a missing file, bytes that are not UTF-8 TOML, or a value that
    does not have the shape.
    """
    if root is None:
        return cast(Shape, _packaged(shape))
    name = _name(shape)
    return _read(shape, root.joinpath(name), str(root.joinpath(name)))


@cache
def _packaged(shape: type[BaseModel]) -> BaseModel:
    name = _name(shape)
    folder = resources.files("cablethread").joinpath(PACKAGE_FOLDER)
    return _read(shape, folder.joinpath(name), f"cablethread/{PACKAGE_FOLDER}/{name}")


def _name(shape: type[BaseModel]) -> str:
    name = FILES.get(shape)
    if name is None:
        raise TypeError(f"{shape.__name__} is not the shape of a data file")
    return name


def _read(shape: type[Shape], resource: Traversable, file: str) -> Shape:
    try:
        data = resource.read_bytes()
    except FileNotFoundError:
        raise DataFileError(file, None, "no such file") from None
    except IsADirectoryError:
        raise DataFileError(file, None, "is a folder, not a TOML file") from None
    except OSError as exc:
        raise DataFileError(file, None, f"cannot be read ({exc.strerror})") from None
    raw = parse_toml(data, file)
    try:
        return shape.model_validate(raw)
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
        first = errors[0]
        problem = first["msg"]
        if first["type"] not in ("missing", "extra_forbidden"):
            problem += f", not {_shown(first['input'])}"
        if len(errors) > 1:
            more = len(errors) - 1
            problem += f" (and {more} more problem{'s' if more > 1 else ''})"
        raise DataFileError(file, key_path(first["loc"]) or None, problem) from None


_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


def key_path(location: tuple[int | str, ...]) -> str:
    """A validation error's location written as a TOML key: ``CST.readings[1].offset``,
    ``labels."Sen t"``; empty for the whole file."""
    path = ""
    for part in location:
        if isinstance(part, int):
            path += f"[{part}]"
            continue
        key = part if _BARE_KEY.fullmatch(part) else '"' + part.replace('"', '\\"') + '"'
        path += f".{key}" if path else key
    return path


def _shown(value: object) -> str:
    """A value as the file had it, cut short: ``'+0800'``, ``5``, a table."""
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "an array"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
