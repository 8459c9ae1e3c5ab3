"""A header block read into a printing, and one input read as far as its printings and segments:
what a document's stages hand to the merging of a release."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from cablethread.fields.profiles import Profile
from cablethread.messages.collate import Collated
from cablethread.models import (
    Diagnostic,
    Header,
    Occurrence,
    Party,
    Redaction,
    Segment,
    SourceProfile,
    Span,
    Subject,
)

__all__ = ["Document", "Printing"]


@dataclass(slots=True)
class Printing:
    """One printed header block and body, read into message values, before merging."""

    id: str
    #: None in a printing handed back without its block (:meth:`Document.handed`).
    header: Header | None
    sender: Party | None
    to: list[Party]
    cc: list[Party]
    bcc: list[Party]
    subject: Subject | None
    sent_raw: str | None
    sent_local: datetime | None
    redactions: list[Redaction]
    occurrence: Occurrence
    #: A digest of the body's words (brackets aside): printings of one message with different
    #: digests are variants. A digest, not the text, so that a document holds its text once.
    body_key: bytes
    #: The body's first words, lower case, letters and digits only (:data:`BODY_HEAD` characters
    #: at most): what tells two printings read differently by OCR from two messages.
    body_head: str
    attachments: list[str]
    importance: str | None
    classification: str | None
    offset_minutes: int | None
    #: The zone printed with the time, as printed (``EST``, ``+0000``), and the zone it gives
    #: (:func:`cablethread.fields.zones.read_printed_zone`): an IANA zone or an offset's name.
    sent_zone: str | None = None
    zone_name: str | None = None
    #: The lines of the Sent:/Date: field, for the notes on its zone and order.
    sent_span: Span | None = None
    #: The profile of the printing's document and the zone its clocks without a zone are in.
    profile: str = "generic"
    archive_tz: str = "UTC"
    #: Whose day/month order a numeric date was read in when the text did not fix it
    #: (:attr:`cablethread.fields.dates.ParsedDate.order_from`); None when the text fixed it.
    order_from: str | None = None


@dataclass(slots=True)
class Document:
    """One input parsed as far as messages: its printings, segments and diagnostics."""

    name: str | None
    printings: list[Printing]
    segments: list[Segment]
    diagnostics: list[Diagnostic]
    profile: Profile
    line_count: int = 0
    extra: dict[str, object] = field(default_factory=dict)
    #: The profile of the input, then those of documents inside it read with their own.
    profiles: list[SourceProfile] = field(default_factory=list)
    #: Each message printed more than once in this input, collated here, by id
    #: (:func:`cablethread.messages.collate.collate_document`): the release takes these as they
    #: are for each message printed in this input alone.
    collations: dict[str, Collated] = field(default_factory=dict)

    def handed(self) -> Document:
        """The document as a worker of ``parse_many`` hands it back, made lighter: a printing
        after the first of its id keeps only what the merging reads of a later printing (its
        id, occurrence, sender, subject, zone and body digests), not its header block,
        recipients, codes or attachments. A message takes those from its first printing, and a
        printing after the first of its id in a document is never the first of the release."""
        seen: set[str] = set()
        for printing in self.printings:
            if printing.id in seen:
                printing.header = None
                printing.to, printing.cc, printing.bcc = [], [], []
                printing.redactions, printing.attachments = [], []
            seen.add(printing.id)
        return self
