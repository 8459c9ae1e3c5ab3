"""The scanner's findings: header blocks and their fields as printed, and each line's kind and owner."""

from __future__ import annotations

from array import array
from dataclasses import dataclass, field

from cablethread.fields.parties import Fragment
from cablethread.models import HeaderLayout, SegmentKind


@dataclass(slots=True)
class RawField:
    """A labelled field as printed: the label line and its continuation lines."""

    name: str
    label: str
    line: int
    value_column: int
    fragments: list[Fragment]
    no_colon: bool = False
    joined_after_blank: int | None = None
    tentative_from: int | None = None
    label_column: int = 0
    #: Lines where the same label was printed again (``To: Lona Valmoro`` / ``To: PIR``).
    #: (Tuples: most fields have neither, and an empty tuple costs nothing.)
    repeated: tuple[int, ...] = ()
    #: Lines of withholding codes printed beside the field, in the margin (``B6``).
    margin: tuple[Fragment, ...] = ()
    #: The label an OCR-damaged printed label stands for (``Ce`` → ``Cc``), if it is one.
    ocr_label: str | None = None
    #: Whether the field begins inside a line, after another field's value (``From: X Sent: …``).
    inline: bool = False
    #: Body text run onto a subject's line, cut off the subject (``favor Dear Dr. Fauci,``).
    body_cut: str | None = None
    #: Whether lines under the block were read into the subject on the evidence of the subject
    #: printed below it.
    extended: bool = False
    #: The debris of a redaction box over a subject's words, cut off it (``MOO E``).
    withheld_cut: str | None = None
    #: Whether the value was printed on the line above its label (``Mon, 2 Mar 2020 09:20:56
    #: -0500`` / ``Sent: To: …``).
    displaced: bool = False
    #: What the OCR left of a label it lost (``i`` of ``i Kadlec, Robert …``; empty if nothing),
    #: where a recipient list stands unlabelled between the block's fields; None for a label.
    lost_label: str | None = None


@dataclass(slots=True)
class RawBlock:
    """A header block: where it stands and its fields in print order."""

    start: int
    end: int
    fields: list[RawField]
    separator: str | None = None
    furniture: list[int] = field(default_factory=list)
    layout: HeaderLayout = "fields"
    language: str | None = None
    quote_depth: int = 0

    def get(self, name: str) -> RawField | None:
        for raw_field in self.fields:
            if raw_field.name == name:
                return raw_field
        return None


#: The kinds of line, as :attr:`Scan.kinds` holds them: a line's byte is its kind's index here.
LINE_KINDS: tuple[SegmentKind, ...] = ("other", "header", "body", "furniture", "schedule")
KIND_OTHER, KIND_HEADER, KIND_BODY, KIND_FURNITURE, KIND_SCHEDULE = range(len(LINE_KINDS))
#: The owner of a line no block owns (:attr:`Scan.owners`).
NO_OWNER = -1


@dataclass(slots=True)
class Scan:
    """What the scan found: a kind and an owner block for every line, the blocks, the chains.

    The kinds and owners are a byte and four bytes a line, nothing made per line: a text of
    millions of blank lines is millions of lines.
    """

    #: Each line's kind, as its index in :data:`LINE_KINDS`.
    kinds: bytearray
    #: The index in ``blocks`` of the block each line belongs to, or :data:`NO_OWNER`.
    owners: array[int]
    blocks: list[RawBlock]
    chains: list[int]
    separators_alone: list[int]


#: Fields that hold a list of recipients.
_LISTS = frozenset({"to", "cc", "bcc"})
