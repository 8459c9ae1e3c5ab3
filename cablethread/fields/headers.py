"""Unfold a header block into fields: margin codes taken out, continuation lines kept apart.

``To: Sullivan, Jacob J        B6`` gives the value ``Sullivan, Jacob J`` and a ``B6`` redaction
on that line, never a recipient called ``B6``; ``Sent: Thursday, June 28, 2012 10:11 AM
PART B1,1.4(D)`` gives the date alone, the banner beside it being the release's, not the sender's.
"""

from __future__ import annotations

from dataclasses import dataclass

from cablethread.codes import Code
from cablethread.diagnostics import Collector
from cablethread.fields.parties import Fragment
from cablethread.lexicon.redactions import find_redactions, is_code_line, split_margin_codes
from cablethread.models import Header, HeaderField, Redaction, span_of, trusted
from cablethread.scan.blocks import RawBlock, RawField

__all__ = ["UnfoldedBlock", "unfold"]


@dataclass(frozen=True, slots=True)
class UnfoldedBlock:
    """A block's :class:`Header`, each field's clean fragments, and the codes found in it."""

    header: Header
    fragments: dict[str, list[Fragment]]
    redactions: list[Redaction]


_RECIPIENT_FIELDS = frozenset(("to", "cc", "bcc"))


def _whole_code(raw_field: RawField) -> bool:
    """True when a ``To:``/``Cc:``/``Bcc:`` field holds one withholding code and nothing else:
    ``Cc: B6`` withholds the recipient; beside a name (``To: H     B6``) it is a margin code."""
    if raw_field.name not in _RECIPIENT_FIELDS or len(raw_field.fragments) != 1:
        return False
    text = raw_field.fragments[0].text.strip()
    value, margin = split_margin_codes(text)
    return not value and margin is not None and is_code_line(margin)


def unfold(block: RawBlock, collector: Collector) -> UnfoldedBlock:
    """Turn a scanned block into a :class:`Header`, recording every decision on ``collector``."""
    fields: list[HeaderField] = []
    fragments: dict[str, list[Fragment]] = {}
    redactions: list[Redaction] = []
    for raw_field in block.fields:
        clean: list[Fragment] = []
        whole = _whole_code(raw_field)
        for fragment in raw_field.fragments:
            value, margin = split_margin_codes(fragment.text)
            if whole and margin is not None:
                # ``Cc: B6``: the code is the whole value, a withheld recipient.
                collector.add(
                    Code.PARTY_WITHHELD,
                    f"{margin!r} is the whole value of the {raw_field.label}: a withheld "
                    "recipient, not a margin code",
                    span_of(fragment.line, fragment.line),
                )
                value, margin = fragment.text, None
            found = find_redactions(fragment.text, fragment.line, field=raw_field.name)
            redactions.extend(found)
            if margin is not None:
                collector.add(
                    Code.REDACTION_MARGIN,
                    f"{margin!r} in the right margin of the {raw_field.label}: a withholding "
                    "code, release stamp or OCR speck, kept out of the value",
                    span_of(fragment.line, fragment.line),
                )
            clean.append(Fragment(fragment.line, value.strip()))
        for margin_line in raw_field.margin:
            redactions.extend(
                find_redactions(margin_line.text, margin_line.line, field=raw_field.name)
            )
            collector.add(
                Code.REDACTION_MARGIN,
                f"{margin_line.text} printed beside the {raw_field.label} on a line of its own: "
                "a withholding code, not part of the value",
                span_of(margin_line.line, margin_line.line),
            )
        # ``To: Lona Valmoro`` / ``To: PIR``: each repeated label starts a recipient of its own.
        fragments[raw_field.name] = [
            Fragment(f.line, "; " + f.text) if f.line in raw_field.repeated else f for f in clean
        ]
        span = span_of(raw_field.line, raw_field.fragments[-1].line)
        if raw_field.ocr_label is not None:
            collector.add(
                Code.HEADER_LABEL_OCR_REPAIRED,
                f"{raw_field.label + ':'!r} read as {raw_field.ocr_label + ':'!r} (OCR)",
                span_of(raw_field.line, raw_field.line),
            )
        if raw_field.inline:
            collector.add(
                Code.HEADER_FIELDS_INLINE,
                f"{raw_field.label + ':'!r} begins inside line {raw_field.line}, after another "
                "field's value; read as a field of its own",
                span_of(raw_field.line, raw_field.line),
            )
        if raw_field.body_cut is not None:
            collector.add(
                Code.HEADER_SUBJECT_BODY_SPLIT,
                f"{raw_field.body_cut[:60]!r}, at the end of the {raw_field.label} line, reads "
                f"as the first words of the body (no blank line between); kept out of the "
                f"{raw_field.name}",
                span_of(raw_field.line, raw_field.line),
            )
        if raw_field.withheld_cut is not None:
            collector.add(
                Code.HEADER_SUBJECT_WITHHELD,
                f"{raw_field.withheld_cut!r}, at the end of the {raw_field.label} after its last "
                "colon, is the debris of a redaction box over the subject's words; kept out of "
                f"the {raw_field.name}",
                span_of(raw_field.fragments[-1].line, raw_field.fragments[-1].line),
            )
        if raw_field.displaced:
            collector.add(
                Code.HEADER_VALUE_ABOVE_LABEL,
                f"the {raw_field.label}: value is printed on line {raw_field.line}, above its "
                "label; read as its value",
                span_of(raw_field.line, raw_field.fragments[-1].line),
            )
        if raw_field.lost_label is not None:
            left = (
                f" ({raw_field.lost_label!r} is what is left of it)" if raw_field.lost_label else ""
            )
            collector.add(
                Code.HEADER_LABEL_LOST,
                f"line {raw_field.line} holds a list of recipients with no label{left}, between "
                f"two fields of its block; read as the {raw_field.name.title()}: field",
                span_of(raw_field.line, raw_field.line),
            )
        if raw_field.no_colon:
            collector.add(
                Code.HEADER_LABEL_NO_COLON,
                f"{raw_field.label!r} without a colon read as the {raw_field.name} label",
                span_of(raw_field.line, raw_field.line),
            )
        if raw_field.joined_after_blank is not None:
            collector.add(
                Code.HEADER_SUBJECT_JOINED,
                f"subject continued on line {raw_field.joined_after_blank} after a blank line "
                "and a withholding code; joined",
                span,
            )
        elif raw_field.name == "subject" and len(raw_field.fragments) > 1:
            collector.add(
                Code.HEADER_SUBJECT_JOINED,
                f"subject wrapped over {len(raw_field.fragments)} lines; joined"
                + (", as the subject printed below reads it" if raw_field.extended else ""),
                span,
            )
        fields.append(
            trusted(
                HeaderField,
                name=raw_field.name,
                label=raw_field.label,
                value="\n".join(f.text for f in clean),
                span=span,
            )
        )
    for line in block.furniture:
        collector.add(
            Code.HEADER_FURNITURE_INSIDE,
            "page furniture inside a header block; kept out of the fields",
            span_of(line, line),
        )
    header = trusted(
        Header,
        span=span_of(block.start, block.end),
        fields=fields,
        separator=block.separator,
        layout=block.layout,
        language=block.language,
    )
    return UnfoldedBlock(header=header, fragments=fragments, redactions=redactions)
