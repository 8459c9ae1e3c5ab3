"""The fields of a header block, each read by one reader of the ordered table :data:`FIELD_READERS`.

A block is read by making its :class:`BlockFields` (the unfolded block, the document's
:class:`~cablethread.fields.parties.FieldReader` and collector, the date order and languages, the
body's lines) and running each reader of the table on it, in order: each reads the fields it names
into the values a printing is made from, and reports what it had to decide. The order is the
order of the notes, and what a later reader needs of an earlier one: the sender, date and subject
as printed make the message id; the parties are resolved through the directory after the codes
of the body are read.

>>> from cablethread.diagnostics import Collector
>>> from cablethread.fields.directory import Directory
>>> from cablethread.fields.headers import unfold
>>> from cablethread.fields.parties import FieldReader
>>> from cablethread.reading.source import SourceText
>>> from cablethread.scan.blocks import scan
>>> with open("examples/mfat_xinjiang_oia.txt", encoding="utf-8") as file:
...     block = scan(SourceText(file.read())).blocks[0]
>>> collector = Collector()
>>> reader = FieldReader(Directory.for_profile("nz-mfat"))
>>> fields = BlockFields(block, unfold(block, collector), reader, collector)
>>> for rule in FIELD_READERS:
...     rule.read(fields)
>>> fields.sender.code, fields.sent_local, [party.code for party in fields.to]
('NAD', datetime.datetime(2019, 7, 11, 11, 25), ['BEIJING', 'NAD', 'UNHC'])
>>> fields.subject.prefixes, fields.subject.thread_key
(['RE'], 'CHINA XINJIANG UPDATE AND CONSIDERATION OF NEXT STEPS')
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from cablethread.codes import Code
from cablethread.diagnostics import Collector
from cablethread.fields.dates import parse_sent
from cablethread.fields.headers import UnfoldedBlock
from cablethread.fields.parties import FieldReader, Fragment, resolve_party
from cablethread.fields.subjects import MOST_PREFIXES, parse_subject, read_subject
from cablethread.lexicon.languages import label_fields, languages
from cablethread.lexicon.redactions import find_redactions
from cablethread.models import Party, Redaction, Span, Subject, per_read, span_of, trusted
from cablethread.scan.blocks import RawBlock

__all__ = ["FIELD_READERS", "BlockFields", "FieldRule"]


@dataclass(slots=True)
class BlockFields:
    """One header block being read: what its readers read it from, then what each reads.

    The values are set by the readers of :data:`FIELD_READERS`, each by the one that names it;
    a value is there once its reader has run.
    """

    block: RawBlock
    unfolded: UnfoldedBlock
    #: The document's reader of parties, with the directory of its profile.
    reader: FieldReader
    collector: Collector
    #: The order a numeric date is read in where nothing printed fixes it.
    dayfirst: bool = True
    #: The policy's languages (every language when None).
    languages: tuple[str, ...] | None = None
    #: The body's lines (numbers) and the document's lines (1-based by number), for the codes
    #: printed in the body.
    lines: Sequence[int] = ()
    contents: Sequence[str] = ()
    #: The subject and header lines of the printing above in the same printed chain, for a reply's
    #: attribution that prints no subject.
    above_subject: Subject | None = None
    above_span: Span | None = None

    #: ``from``: the sender as printed (what the message id is made from), then resolved.
    printed_sender: Party | None = field(init=False)
    sender: Party | None = field(init=False)
    #: ``sent``: the value as printed (single-spaced), its lines, and what it was read into.
    sent_raw: str | None = field(init=False)
    sent_span: Span | None = field(init=False)
    sent_local: datetime | None = field(init=False)
    #: The other day/month order of a numeric date both orders allow.
    alternative: datetime | None = field(init=False)
    offset_minutes: int | None = field(init=False)
    sent_zone: str | None = field(init=False)
    order_from: str | None = field(init=False)
    #: ``subject``: printed, or the quoted one of an attribution.
    subject: Subject | None = field(init=False)
    #: ``body``: the codes of the header's fields, then those printed in the body.
    redactions: list[Redaction] = field(init=False)
    #: ``to``, ``cc``, ``bcc``.
    to: list[Party] = field(init=False)
    cc: list[Party] = field(init=False)
    bcc: list[Party] = field(init=False)
    #: ``attachments``, ``importance``, ``classification``.
    attachments: list[str] = field(init=False)
    importance: str | None = field(init=False)
    classification: str | None = field(init=False)


@dataclass(frozen=True, slots=True)
class FieldRule:
    """One entry of :data:`FIELD_READERS`: the fields it reads (their names as
    :func:`~cablethread.fields.headers.unfold` gives them; ``body`` for the body's lines) and the
    function that reads them into a :class:`BlockFields`."""

    fields: tuple[str, ...]
    read: Callable[[BlockFields], None]


def read_sender(fields: BlockFields) -> None:
    """``From: NAD``: the sender as printed, not yet resolved (:attr:`BlockFields.printed_sender`),
    so that a directory file never changes message ids; a withheld one where the release blanked
    it or printed a code in its place."""
    unfolded = fields.unfolded
    fields.printed_sender = _sender(
        unfolded.fragments.get("from"),
        fields.collector,
        fields.reader,
        unfolded.header.span,
        [code for code in unfolded.redactions if code.field == "from"],
        blanked=_sender_blanked(fields.block),
    )


def read_sent(fields: BlockFields) -> None:
    """``Sent: Thursday, 11 July 2019 11:25 AM`` (or ``Date:``): the wall clock
    (:func:`~cablethread.fields.dates.parse_sent`) in the block's languages first, the other
    day/month order kept where both are open, the zone printed with it; reported missing."""
    fields.sent_raw = fields.sent_span = fields.sent_local = fields.alternative = None
    fields.offset_minutes = fields.sent_zone = fields.order_from = None
    sent_field = fields.unfolded.header.get("sent")
    if sent_field is None:
        fields.collector.add(
            Code.DATE_MISSING,
            "the header block has no Sent:/Date: field",
            fields.unfolded.header.span,
        )
        return
    fields.sent_span = sent_field.span
    sent_raw = fields.sent_raw = " ".join(sent_field.value.split())
    parsed = parse_sent(sent_raw, fields.dayfirst, _date_languages(fields.block), fields.languages)
    fields.collector.record(parsed.notes, sent_field.span)
    if parsed.value is not None:
        fields.sent_local = parsed.value
        fields.alternative = parsed.alternative
        fields.offset_minutes = parsed.utc_offset_minutes
        fields.sent_zone = parsed.zone
        fields.order_from = parsed.order_from


def read_subject_field(fields: BlockFields) -> None:
    """``Subject: RE: FORMAL MESSAGE: …``: its prefixes and thread key
    (:func:`~cablethread.fields.subjects.read_subject`), the prefixes past the most kept
    reported; a reply's attribution, which prints none, takes the one it answered under."""
    subject: Subject | None = None
    unfolded, block = fields.unfolded, fields.block
    subject_field = unfolded.header.get("subject")
    if subject_field is not None:
        subject, cut, marked = read_subject(
            subject_field.value,
            [code for code in unfolded.redactions if code.field == "subject"],
            block.language,
            fields.languages,
        )
        if marked:
            fields.collector.add(
                Code.HEADER_SUBJECT_PREFIX_NO_COLON,
                f"{', '.join(map(repr, marked))} read as "
                f"{'a reply or forward prefix' if len(marked) == 1 else 'reply or forward prefixes'}"
                " whose colon OCR printed as a mark",
                subject_field.span,
            )
        if cut:
            fields.collector.add(
                Code.HEADER_SUBJECT_PREFIXES_CUT,
                f"the subject prints {MOST_PREFIXES + cut:,} reply and forward prefixes; "
                f"the first {MOST_PREFIXES} are kept in its prefixes, all in its text",
                subject_field.span,
            )
    if subject is None and block.layout == "attribution":
        subject = _quoted_subject(fields)
    fields.subject = subject


def read_codes(fields: BlockFields) -> None:
    """The withholding codes: those taken out of the header's fields, then those printed in the
    body (``s6(a), s6(b)``), each read through OCR damage reported."""
    redactions = fields.redactions = list(fields.unfolded.redactions)
    contents = fields.contents
    for number in fields.lines:
        if line := contents[number - 1]:  # (a blank line, most of a PDF's gaps, holds none)
            redactions.extend(find_redactions(line, number))
    for redaction in redactions:
        if redaction.ocr_damaged:
            fields.collector.add(
                Code.REDACTION_OCR_DAMAGED,
                f"{redaction.raw!r} read as {redaction.code}",
                redaction.span,
            )


def read_recipients(fields: BlockFields) -> None:
    """``To: BEIJING; NAD; UNHC``, ``Cc:``, ``Bcc:``: each party resolved through the directory,
    after the sender read above (its notes come first)."""
    collector, reader = fields.collector, fields.reader
    fields.sender = _resolved(fields.printed_sender, reader, collector)
    fragments = fields.unfolded.fragments
    fields.to = _parties(fragments.get("to"), "to", collector, reader)
    fields.cc = _parties(fragments.get("cc"), "cc", collector, reader)
    fields.bcc = _parties(fragments.get("bcc"), "bcc", collector, reader)


def read_extras(fields: BlockFields) -> None:
    """``Attachments: a.pdf; b.docx`` (each name), ``Importance: High``, ``Classification:``."""
    header = fields.unfolded.header
    attachments = header.get("attachments")
    importance = header.get("importance")
    classification = header.get("classification")
    fields.attachments = [
        name.strip()
        for name in (attachments.value if attachments else "").split(";")
        if name.strip()
    ]
    fields.importance = importance.value.strip() or None if importance else None
    fields.classification = classification.value.strip() or None if classification else None


#: The readers of a header block's fields, in the order they run: each names the fields it reads
#: and reads them into the values of a :class:`BlockFields`. The sender, date and subject as
#: printed come first (the message id is made from them), the parties' resolution after the
#: codes of the body (the order of their notes).
FIELD_READERS: tuple[FieldRule, ...] = (
    FieldRule(("from",), read_sender),
    FieldRule(("sent",), read_sent),
    FieldRule(("subject",), read_subject_field),
    FieldRule(("body",), read_codes),
    # The sender read by ``from`` is resolved here too, before the recipients.
    FieldRule(("to", "cc", "bcc"), read_recipients),
    FieldRule(("attachments", "importance", "classification"), read_extras),
)


def _sender(
    fragments: list[Fragment] | None,
    collector: Collector,
    reader: FieldReader,
    span: Span,
    codes: Sequence[Redaction] = (),
    *,
    blanked: bool = False,
) -> Party | None:
    """The sender as printed.

    An empty ``From:`` with a withholding code beside it (``B6`` in the margin below) is a
    withheld sender, not a missing one. So is a ``From:`` printed whole, with its colon, that
    holds nothing or specks with no word (``From: |.)``) in a block that prints a date or a
    recipient: no mail client prints a message without a sender; the release blanked it.
    A label read without its colon (``From`` alone) may be a cut line, and leaves the sender
    unknown.
    """
    party, notes = reader.sender(fragments or [])
    if party is None and codes:
        collector.record(notes)
        # The exemption (``B1``) names the withholding better than a classification reason
        # printed beside it (``1.4(D)``).
        code = next((c for c in codes if c.jurisdiction != "us-eo13526"), codes[0])
        return trusted(Party, raw=code.raw, span=code.span, kind="withheld", redaction=code)
    if party is None and fragments and blanked:
        # The specks are the blanking's; they need no note of their own.
        collector.record(n for n in notes if n.code != Code.PARTY_NOISE_SKIPPED)
        raw = " ".join(" ".join(f.text for f in fragments).split())
        where = span_of(fragments[0].line, fragments[-1].line)
        printed = f"holds only {raw!r}" if raw else "is empty"
        collector.add(
            Code.PARTY_WITHHELD,
            f"the From: field {printed} in a header with a date or recipients; read as a "
            "withheld sender",
            where,
        )
        return trusted(Party, raw=raw, span=where, kind="withheld")
    collector.record(notes)
    if party is None:
        collector.add(Code.HEADER_NO_SENDER, "the From: field is empty", span)
    return party


def _sender_blanked(block: RawBlock) -> bool:
    """Whether an empty ``From:`` of ``block`` was blanked by the release: the label printed
    with its colon, and a date or a recipient printed in the block."""
    labels = {raw_field.name: raw_field for raw_field in block.fields}
    sender = labels.get("from")
    return (
        sender is not None
        and not sender.no_colon
        and any(name in labels for name in ("sent", "to", "cc", "bcc"))
    )


def _resolved(party: Party | None, reader: FieldReader, collector: Collector) -> Party | None:
    if party is None:
        return None
    resolved, notes = resolve_party(party, reader.directory)
    collector.record(notes)
    return resolved


def _parties(
    fragments: list[Fragment] | None,
    field_name: str,
    collector: Collector,
    reader: FieldReader,
) -> list[Party]:
    if not fragments:
        return []
    parties, notes = reader.parties(fragments, field_name)
    collector.record(notes)
    return parties


def _date_languages(block: RawBlock) -> tuple[str | None, ...]:
    """The languages to read a block's date in first: its own, then those of each of its labels.

    Gmail prints ``Šalje:`` above ``Date: sri, 27. lis 2021. u 09:31``: the block is English by
    most of its labels, its date Croatian like its From label.
    """
    return _languages_of(block.language, tuple(raw_field.label for raw_field in block.fields))


@per_read(maxsize=1_024)
def _languages_of(language: str | None, labels: tuple[str, ...]) -> tuple[str | None, ...]:
    """:func:`_date_languages` of a block in ``language`` printing ``labels`` (a release prints
    the same few sets of labels again and again)."""
    table = label_fields()
    known = list(languages())
    order: list[str | None] = [language]
    for label in labels:
        entry = table.get(" ".join(label.casefold().split()))
        if entry is not None:
            ranked: list[str] = sorted(entry[1], key=lambda code: known.index(code))
            order.extend(ranked)
    return tuple(dict.fromkeys(order))


def _quoted_subject(fields: BlockFields) -> Subject | None:
    """The subject of a message quoted under a reply's attribution (``On … wrote:`` prints
    none): the subject of the reply printed above it in its chain, without its prefixes
    (``RE: Travel plans`` → ``Travel plans``), as the reply's writer answered under it.
    Reported; None where no reply with a subject stands above it.
    """
    above, above_span = fields.above_subject, fields.above_span
    if above is None or above_span is None or not above.topic:
        return None
    fields.collector.add(
        Code.HEADER_SUBJECT_QUOTED,
        f"no subject is printed with the attribution; read as {above.topic!r}, the "
        f"subject of the reply above it (lines {above_span}) without its prefixes",
        fields.unfolded.header.span,
        above_span,
    )
    return parse_subject(above.topic)
