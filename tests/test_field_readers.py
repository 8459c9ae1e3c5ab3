"""The readers of a header block's fields, one per field in an ordered table
(``cablethread.fields.readers.FIELD_READERS``): what each reads from a block of the seed release
is what ``cablethread.parse`` gives for that message."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

import cablethread
from cablethread.diagnostics import Collector
from cablethread.fields.directory import Directory
from cablethread.fields.headers import unfold
from cablethread.fields.parties import FieldReader
from cablethread.fields.profiles import profiles
from cablethread.fields.readers import FIELD_READERS, BlockFields
from cablethread.lexicon.languages import label_fields
from cablethread.lexicon.patterns import EXTRA_LABELS
from cablethread.models import Message, Release
from cablethread.reading.source import SourceText
from cablethread.scan.blocks import RawBlock, scan

SEED = Path(__file__).parent.parent / "examples" / "mfat_xinjiang_oia.txt"


@cache
def _seed() -> tuple[str, Release, dict[int, RawBlock]]:
    text = SEED.read_text(encoding="utf-8")
    blocks = scan(SourceText(text), None, profiles()["nz-mfat"].dayfirst).blocks
    return text, cablethread.parse(text), {block.start: block for block in blocks}


def _printed_once() -> list[Message]:
    return [message for message in _seed()[1].messages if len(message.occurrences) == 1]


def test_the_registry_lists_every_field_a_printing_is_read_from_in_order() -> None:
    assert [rule.fields for rule in FIELD_READERS] == [
        ("from",),
        ("sent",),
        ("subject",),
        ("body",),
        ("to", "cc", "bcc"),
        ("attachments", "importance", "classification"),
    ]
    # Each is a field some header label is read as (or the body): none waits for a field that
    # no block can hold.
    labelled = {name for name, _ in label_fields().values()} | set(EXTRA_LABELS.values())
    named = [name for rule in FIELD_READERS for name in rule.fields]
    assert set(named) - labelled == {"body"}
    assert len(named) == len(set(named))


def test_the_seed_has_messages_printed_once() -> None:
    assert len(_printed_once()) >= 10


@pytest.mark.parametrize("message", _printed_once(), ids=lambda message: message.id)
def test_each_reader_reads_what_the_parse_gives(message: Message) -> None:
    text, release, blocks = _seed()
    occurrence = message.occurrences[0]
    block = blocks[occurrence.span.start]
    body = [
        number
        for segment in release.segments
        if segment.kind == "body" and segment.message_id == message.id
        for number in range(segment.span.start, segment.span.end + 1)
    ]
    collector = Collector()
    fields = BlockFields(
        block,
        unfold(block, collector),
        FieldReader(Directory.for_profile("nz-mfat")),
        collector,
        lines=body,
        contents=SourceText(text).contents,
    )
    sender = message.sender
    assert sender is not None
    # Each reader's values, as it leaves them, and the message's.
    expected = {
        ("from",): lambda: (fields.printed_sender and fields.printed_sender.raw, sender.raw),
        ("sent",): lambda: (
            (fields.sent_raw, fields.sent_local),
            (message.sent_raw, message.sent_local),
        ),
        ("subject",): lambda: (fields.subject, message.subject),
        ("body",): lambda: (fields.redactions, message.redactions),
        ("to", "cc", "bcc"): lambda: (
            (fields.sender, fields.to, fields.cc, fields.bcc),
            (sender, message.to, message.cc, message.bcc),
        ),
        ("attachments", "importance", "classification"): lambda: (
            (fields.attachments, fields.importance, fields.classification),
            (message.attachments, message.importance, message.classification),
        ),
    }
    for rule in FIELD_READERS:
        rule.read(fields)
        read, parsed = expected[rule.fields]()
        assert read == parsed, rule.fields
    # What the readers reported of this block, the parse reported too.
    assert all(note in release.diagnostics for note in collector.items)
