"""Diagnostic codes: every decision and defect the parser can report, in one table.

The table is the single source of the codes; the docs' diagnostic table is generated from it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from cablethread.codes import Code
from cablethread.errors import ParseError
from cablethread.models import Diagnostic, Severity, Span, trusted

__all__ = ["CODES", "Collector", "DiagnosticCode", "Note", "ParseError"]


@dataclass(frozen=True)
class DiagnosticCode:
    """One kind of diagnostic: its stable code, severity and what it means."""

    code: Code
    severity: Severity
    description: str


_TABLE: tuple[DiagnosticCode, ...] = (
    # Input
    DiagnosticCode(Code.INPUT_EMPTY, "warning", "The input holds no text."),
    DiagnosticCode(Code.INPUT_NO_HEADERS, "warning", "No header block was found in the input."),
    DiagnosticCode(
        Code.INPUT_DECODED_CP1252, "warning", "The file was not UTF-8 and was decoded as cp1252."
    ),
    DiagnosticCode(
        Code.INPUT_DECODE_DAMAGED,
        "warning",
        "Bytes of the file are not valid in its encoding (a cut last character, a damaged UTF-16 "
        "file); they were replaced with U+FFFD and the rest read as it is.",
    ),
    DiagnosticCode(
        Code.INPUT_CONTROL_CHARACTERS,
        "warning",
        "The text holds control characters (NUL and the like) that were kept as they are.",
    ),
    DiagnosticCode(
        Code.INPUT_REPEATED,
        "warning",
        "An input of ``parse_many`` was given again (the same file, by the same or another path, "
        "or the same text under the same name); it was read once, so that its messages are not "
        "taken for messages printed twice.",
    ),
    DiagnosticCode(
        Code.PAGE_NO_TEXT,
        "warning",
        "A page of the input holds no text: an image (a scan) that needs OCR, or a blank page. "
        "The first 100 such pages of an input are reported one by one, the rest in one more "
        "diagnostic with their count, first and last.",
    ),
    DiagnosticCode(
        Code.PROFILE_DETECTED,
        "info",
        "The releasing-agency profile was chosen from the text; inside a release, a document "
        "whose page furniture names another agency was read with that agency's profile.",
    ),
    # Header blocks
    DiagnosticCode(
        Code.HEADER_LABEL_NO_COLON, "info", "A label that lost its colon (OCR) was read as a label."
    ),
    DiagnosticCode(
        Code.HEADER_LABEL_OCR_REPAIRED,
        "info",
        "A label damaged by OCR was read through the table of OCR confusions (``Ce:`` as ``Cc:``).",
    ),
    DiagnosticCode(
        Code.HEADER_LABEL_LOST,
        "info",
        "A recipient list printed with no label (OCR lost it) between the send time and a later "
        "field of its block was read as the first of To:/Cc: the block lacks.",
    ),
    DiagnosticCode(
        Code.HEADER_FIELDS_INLINE,
        "info",
        "A field begins inside a line, after another field's value (``From: X Sent: …``); the "
        "line was split at its label.",
    ),
    DiagnosticCode(
        Code.HEADER_SUBJECT_BODY_SPLIT,
        "info",
        "Body text run onto the subject's line (``Subject: favor Dear Dr. Fauci,``) was cut off "
        "the subject; the body begins there.",
    ),
    DiagnosticCode(
        Code.HEADER_SUBJECT_WITHHELD,
        "info",
        "The end of a subject, after its last colon, is what OCR made of a redaction box printed "
        "over its words (``Re: MOO E``); it was cut off: the subject's words are withheld.",
    ),
    DiagnosticCode(
        Code.HEADER_SUBJECT_QUOTED,
        "info",
        "A message quoted under an attribution (``On … wrote:``) prints no subject; it was read as "
        "the subject of the reply above it, without its prefixes.",
    ),
    DiagnosticCode(
        Code.HEADER_VALUE_ABOVE_LABEL,
        "info",
        "A field's value was printed on the line above its empty label (OCR of a column layout) "
        "and read as its value.",
    ),
    DiagnosticCode(
        Code.HEADER_NO_SENDER, "warning", "A header block has an empty From: field (withheld?)."
    ),
    DiagnosticCode(
        Code.HEADER_DUPLICATE_FIELD,
        "warning",
        "A field was printed twice in one block; the first value was kept, the second ends the block.",
    ),
    DiagnosticCode(
        Code.HEADER_SUBJECT_PREFIXES_CUT,
        "warning",
        "A subject printed more reply and forward prefixes (``RE: RE: …``) than its record keeps "
        "(100); the first are kept in its prefixes, every one in its text and raw value.",
    ),
    DiagnosticCode(
        Code.HEADER_SUBJECT_PREFIX_NO_COLON,
        "info",
        "A reply or forward prefix whose colon OCR printed as a full stop or a semicolon "
        "(``Re. Thanks``, ``FW; Budget``) was read as a prefix.",
    ),
    DiagnosticCode(
        Code.HEADER_SUBJECT_JOINED,
        "info",
        "A subject line continued after a blank line or a withholding code was joined.",
    ),
    DiagnosticCode(
        Code.HEADER_FURNITURE_INSIDE, "info", "Page furniture stands inside a header block."
    ),
    DiagnosticCode(
        Code.HEADER_SEPARATOR_ALONE,
        "info",
        "A separator line (Original Message) is not followed by a header block.",
    ),
    # Dates
    DiagnosticCode(Code.DATE_MISSING, "warning", "A header block has no Sent:/Date: field."),
    DiagnosticCode(
        Code.DATE_UNPARSED, "warning", "A Sent:/Date: value could not be read as a date."
    ),
    DiagnosticCode(
        Code.DATE_OUT_OF_RANGE,
        "warning",
        "A Sent:/Date: value lies within a year of year 1 or year 9999; it is not placed in time.",
    ),
    DiagnosticCode(
        Code.DATE_INCOMPLETE,
        "warning",
        "A Sent:/Date: value lacks its year, day or time; no part was guessed.",
    ),
    DiagnosticCode(
        Code.DATE_WEEKDAY_MISMATCH,
        "warning",
        "The printed weekday disagrees with the date (an OCR error or a wrong day/month order).",
    ),
    DiagnosticCode(
        Code.DATE_DAYFIRST_BY_WEEKDAY,
        "info",
        "A numeric date's day/month order was settled by the printed weekday.",
    ),
    DiagnosticCode(
        Code.DATE_DAYFIRST_BY_CHAIN,
        "info",
        "A numeric date both day/month orders allow was read in the other order: the policy's "
        "would put the message out of its place in the printed chain.",
    ),
    DiagnosticCode(
        Code.DATE_ORDER_ASSUMED,
        "info",
        "A numeric date both day/month orders allow (``10/07/2019``), with no weekday or day "
        "over 12 to settle it, was read in an order the text does not fix: the profile's, "
        "the policy's, the date's language's or the printed chain's; the message names it.",
    ),
    DiagnosticCode(
        Code.DATE_ZONE_AMBIGUOUS,
        "warning",
        "A zone abbreviation printed with the time has several meanings (``IST``, ``CST``, "
        "``AST``, ``BST``) and neither the release's zone nor the sender's settles which; the "
        "clock was read in the archive zone.",
    ),
    DiagnosticCode(
        Code.DATE_ZONE_RESOLVED,
        "info",
        "A zone abbreviation with several meanings was read in the one whose country is that of "
        "the sender's directory zone or of the release's zone (``CST`` in a US release).",
    ),
    DiagnosticCode(
        Code.DATE_ZONE_DST_MISMATCH,
        "warning",
        "A zone abbreviation printed with the time disagrees with the daylight saving its zone "
        "kept on that date (``EST`` in July); the clock was read as printed, at the "
        "abbreviation's offset.",
    ),
    DiagnosticCode(
        Code.DATE_ZONE_UNKNOWN,
        "warning",
        "A zone name printed with the time is not in the table of zones (``data/zones.toml``); "
        "the clock was read as if no zone were printed.",
    ),
    DiagnosticCode(
        Code.DATE_OCR_REPAIRED,
        "info",
        "An OCR-damaged date was mended (year run into the time, a lost colon, a damaged month "
        "or weekday name read as the one name it can be and the weekday agrees with, a form of "
        "the OCR table in data/ocr/dates.toml: a blank after a colon of the time, a damaged "
        "AM/PM, the next field's label left after the time).",
    ),
    DiagnosticCode(
        Code.DATE_ORDER_SWAPPED,
        "info",
        "A numeric date impossible in the policy's day/month order was read in the other order.",
    ),
    # Redactions and furniture
    DiagnosticCode(
        Code.REDACTION_OCR_DAMAGED,
        "info",
        "A damaged withholding code was read as its intact form (``i(a)`` → ``s6(a)``).",
    ),
    DiagnosticCode(
        Code.REDACTION_MARGIN,
        "info",
        "A withholding code in the right margin of a header line was taken out of the field.",
    ),
    # Parties
    DiagnosticCode(Code.PARTY_UNKNOWN, "warning", "A sender or recipient is not in the directory."),
    DiagnosticCode(
        Code.PARTY_CODE_OCR_REPAIRED,
        "info",
        "A sender or recipient printed as a directory code with one letter misread by OCR "
        "(``BElJING``, ``UNHG``) was read as that code; its printed form is kept.",
    ),
    DiagnosticCode(
        Code.PARTY_LIST_CUT,
        "warning",
        "A recipient list of more than 1,000 parties: the first 999 are read one by one, the rest "
        "kept as printed in one party.",
    ),
    DiagnosticCode(
        Code.PARTY_WRAP_JOINED, "info", "A token cut by a line wrap was joined into one party."
    ),
    DiagnosticCode(
        Code.PARTY_WRAP_SPLIT,
        "info",
        "Two tokens run together by a lost separator at a wrap were split into two parties.",
    ),
    DiagnosticCode(
        Code.PARTY_COLUMN_SPLIT,
        "info",
        "Two names printed in columns with no separator between them were read as two parties.",
    ),
    DiagnosticCode(
        Code.PARTY_ADDRESS_REPAIRED, "info", "An OCR-damaged e-mail address was repaired."
    ),
    DiagnosticCode(
        Code.PARTY_NOISE_SKIPPED,
        "info",
        "Punctuation with no word in a recipient list (OCR specks, an empty ``<>``) was not read "
        "as a party; it stays in the field's value.",
    ),
    DiagnosticCode(
        Code.PARTY_NAME_REPAIRED,
        "info",
        "An OCR-damaged initial in a person's name was repaired (``Jacob 3`` → ``Jacob J``).",
    ),
    DiagnosticCode(
        Code.PARTY_WITHHELD,
        "info",
        "A sender or recipient printed as a withholding code or the debris of a redaction box "
        "was read as withheld (``ee``, ``(o) 6)``, an empty ``From:``); debris after a whole "
        "name was read as its withheld address.",
    ),
    DiagnosticCode(
        Code.PARTY_ON_BEHALF,
        "info",
        "A sender printed as ``X on behalf of Y`` was read as X; the mailbox Y is kept in "
        "``Party.on_behalf_of``.",
    ),
    # Messages and threads
    DiagnosticCode(
        Code.MESSAGE_VARIANT,
        "info",
        "A message printed more than once differs between its printings; each is kept.",
    ),
    DiagnosticCode(
        Code.COLLATION_UNALIGNED,
        "info",
        "Two printings of one message were not collated: less than half the shorter body's "
        "words align; no difference is claimed between them.",
    ),
    DiagnosticCode(
        Code.THREAD_PLACEHOLDER,
        "info",
        "A reply's parent is not in the release; a placeholder stands for it.",
    ),
    DiagnosticCode(
        Code.THREAD_SUBJECT_TIME,
        "info",
        "A reply was linked by subject and time because its printed chain was cut.",
    ),
    DiagnosticCode(
        Code.THREAD_SUBJECT_CHANGED,
        "info",
        "A reply was linked to the block printed below it though its subject changed: only by "
        "prefixes or tags, or to a prefix alone.",
    ),
    DiagnosticCode(
        Code.THREAD_CHAIN_BREAK,
        "info",
        "Two adjacent printed blocks were not linked: subjects or times disagree.",
    ),
    DiagnosticCode(
        Code.TIME_REPLY_BEFORE_PARENT,
        "warning",
        "Under the chosen time-zone mode a reply is older than its parent.",
    ),
    DiagnosticCode(Code.TIME_ZONE_CHOSEN, "info", "A time zone was chosen for a message or chain."),
    DiagnosticCode(Code.TIME_ZONE_UNKNOWN, "warning", "No time zone is known for a message."),
    DiagnosticCode(
        Code.TIME_AMBIGUOUS,
        "warning",
        "A wall clock falls in a daylight-saving fold (occurs twice).",
    ),
    DiagnosticCode(
        Code.TIME_NONEXISTENT,
        "warning",
        "A wall clock falls in a daylight-saving gap (never occurred).",
    ),
)

CODES: dict[str, DiagnosticCode] = {entry.code: entry for entry in _TABLE}
"""The registry: every :class:`~cablethread.codes.Code` with its severity and meaning."""


@dataclass(frozen=True, slots=True)
class Note:
    """A decision or defect a reader met, before a collector records it as a :class:`Diagnostic`.

    The readers of fields (dates, zones, parties) and of files return notes rather than record
    them: they do not know the lines their text stands on, or the input it is in. ``span`` is
    given where the reader knows the lines; otherwise :meth:`Collector.record` is told them.
    """

    code: Code
    message: str
    span: Span | None = None
    related: Span | None = None


@dataclass
class Collector:
    """Collects diagnostics for one input; in strict mode raises on the first warning or error."""

    source: str | None = None
    strict: bool = False
    items: list[Diagnostic] = field(default_factory=list)

    def add(
        self,
        code: Code,
        message: str,
        span: Span | None = None,
        related: Span | None = None,
        source: str | None = None,
    ) -> Diagnostic:
        """Record a diagnostic of a registered ``code``; ``source`` names the input its lines are
        in where that is not the collector's (a release's diagnostics span its inputs)."""
        entry = CODES[code]
        diagnostic = trusted(
            Diagnostic,
            code=code.value,
            severity=entry.severity,
            message=message,
            span=span,
            source=source if source is not None else self.source,
            related=related,
        )
        self.items.append(diagnostic)
        if self.strict and entry.severity != "info":
            raise ParseError(diagnostic)
        return diagnostic

    def record(self, notes: Iterable[Note], span: Span | None = None) -> None:
        """Record readers' notes; a note without lines of its own is given ``span``."""
        for note in notes:
            self.add(note.code, note.message, note.span or span, note.related)
