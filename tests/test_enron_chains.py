"""Enron mail with printed reply chains: Outlook, Outlook Express and quoted-printable bodies.

Each file under ``tests/data/enron/`` is a message body from the CMU Enron corpus, named after the
layout it exercises and the first part of its ``Message-ID``.
"""

from __future__ import annotations

import re

import pytest
from printed import DATA, Block, parse_data_file, printed_blocks

import cablethread

ENRON = DATA / "enron"

#: ``-----Original Message-----`` as Outlook prints it above a quoted block.
ORIGINAL_MESSAGE = re.compile(r"^[ \t>]*-{3,}[ \t]*Original Message[ \t]*-{3,}", re.IGNORECASE)

# (first line, sender as printed, wall clock, subject) of every block, in print order.
BLOCKS: dict[str, list[Block]] = {
    "imceanotes_address_wrapped_outlook_express_3274291.txt": [
        (3, "Hass, Glen", "2001-10-03 09:14:00", "RE: SoCalGas Developments"),
        (
            17,
            '"Dan Douglass" <douglass@energyattorney.com>@ENRON [mailto:IMCEANOTES-+22Dan+20Douglass+22+20+3Cdouglass+40energyattorney+2Ecom+3E+40ENRON@ENRON.com]',
            "2001-10-02 16:57:00",
            "Re: SoCalGas Developments",
        ),
        (
            36,
            '"Harris, Steven" <Steven.Harris@enron.com>',
            "2001-10-02 12:02:00",
            "RE: SoCalGas Developments",
        ),
        (47, "Pryor, Tony", "2001-10-02 14:00:00", "FW: SoCalGas Developments"),
        (
            60,
            '"Dan Douglass" <douglass@energyattorney.com>@ENRON [mailto:IMCEANOTES-+22Dan+20Douglass+22+20+3Cdouglass+40energyattorney +2Ecom+3E+40ENRON@ENRON.com]',
            "2001-10-02 12:51:00",
            "SoCalGas Developments",
        ),
    ],
    "nested_quoted_chain_24934979.txt": [
        (8, '"Scott Palmer" <Scott.Palmer@exodus.net>', "2000-12-13 12:17:00", "RE: This weekend"),
        (
            19,
            "Luis Gasparini [mailto:lgasparini@simpletel.com]",
            "2000-12-13 12:18:00",
            "Re: This weekend",
        ),
        (32, '"Ebner, Daniel" <DEbner@JPI.com>', "2000-12-13 11:38:00", "RE: This weekend"),
        (
            47,
            "Scott Palmer [SMTP:Scott.Palmer@exodus.net]",
            "2000-12-13 11:40:00",
            "RE: This weekend",
        ),
        (71, "Ebner, Daniel [mailto:DEbner@JPI.com]", "2000-12-13 11:17:00", "RE: This weekend"),
        (
            83,
            "Richard Donoghue [SMTP:Rdonoghue@mphlegal.com]",
            "2000-12-13 10:41:00",
            "RE: This weekend",
        ),
        (
            95,
            "Clint.Dean@enron.com [mailto:Clint.Dean@enron.com]",
            "2000-12-13 10:40:00",
            "RE: This weekend",
        ),
        # A Lotus Notes block quoted four deep: ``Richard Donoghue <…> on 12/13/2000 10:37:08 AM``.
        (
            109,
            "Richard Donoghue <Rdonoghue@mphlegal.com>",
            "2000-12-13 10:37:08",
            "RE: This weekend",
        ),
        (
            141,
            "Scott Palmer [mailto:Scott.Palmer@exodus.net]",
            "2000-12-12 10:41:00",
            "RE: This weekend",
        ),
        (156, "Ebner, Daniel [mailto:DEbner@JPI.com]", "2000-12-12 10:35:00", "RE: This weekend"),
        (166, "Ebner, Daniel", "2000-12-12 10:28:00", "RE: This weekend"),
        (
            176,
            "Scott Palmer [SMTP:Scott.Palmer@exodus.net]",
            "2000-12-12 08:24:00",
            "RE: This weekend",
        ),
        (
            191,
            "Luis Gasparini [mailto:lgasparini@simpletel.com]",
            "2000-12-11 16:37:00",
            "RE: This weekend",
        ),
        (215, "Ebner, Daniel [mailto:DEbner@JPI.com]", "2000-12-11 15:00:00", "RE: This weekend"),
        (
            225,
            "Scott Palmer [SMTP:Scott.Palmer@exodus.net]",
            "2000-12-11 15:02:00",
            "RE: This weekend",
        ),
        (235, "Ebner, Daniel [mailto:DEbner@JPI.com]", "2000-12-11 14:54:00", "RE: This weekend"),
        (
            253,
            "Scott Palmer [SMTP:Scott.Palmer@exodus.net]",
            "2000-12-11 14:47:00",
            "RE: This weekend",
        ),
        (
            269,
            "Clint.Dean@enron.com [mailto:Clint.Dean@enron.com]",
            "2000-12-11 14:37:00",
            "RE: This weekend",
        ),
        (313, "Ebner, Daniel [mailto:DEbner@JPI.com]", "2000-12-11 13:55:00", "RE: This weekend"),
        (
            328,
            "Scott Palmer [SMTP:Scott.Palmer@exodus.net]",
            "2000-12-11 12:50:00",
            "RE: This weekend",
        ),
        (371, "Ebner, Daniel [mailto:DEbner@JPI.com]", "2000-12-11 11:48:00", "This weekend"),
    ],
    "quoted_printable_original_message_19362712.txt": [
        (67, "Maurer, Luiz", "2001-11-06 10:57:00", "RE: Alliance"),
        (111, "Steffes, James D.", "2001-11-05 16:50:00", "FW: Alliance"),
        (121, "Steffes, James D.", "2001-11-05 12:40:00", "FW: Alliance"),
        (148, '"ASHLEY BROWN" <ACBROWN@LLGM.COM>@ENRON', "2001-11-05 09:18:00", "Alliance"),
    ],
    "quoted_printable_soft_break_numeric_date_4413151.txt": [
        (
            27,
            "Enron Announcements/Corp/Enron@ENRON on behalf of Ken Lay - Office of= the Chairman@ENRON",
            "2001-11-30 17:58:00",
            "UPDATE - Reporting to Work Next Week",
        ),
    ],
    "quoted_smtp_address_wrapped_4515151.txt": [
        # Lotus Notes: two ``Forwarded by`` lines (wrapped), a block with the sender and time
        # above ``To:``, and one with the time after the sender.
        (1, "Judy Hernandez/HOU/ECT", "2000-10-04 08:39:00", None),
        (5, "Angela Barnett", "2000-10-03 13:54:00", "FW: Children"),
        (16, "Angela Barnett/HOU/ECT", "2000-10-03 13:49:00", None),
        (20, '"Curley, Kim" <KCurley@tmh.tmc.edu>', "2000-10-03 13:00:38", "FW: Children"),
        (
            28,
            "loretta-henry@reliantenergy.com [SMTP:loretta-henry@reliantenergy.com]",
            "2000-10-03 12:51:00",
            "Children",
        ),
    ],
}

NAMES = sorted(BLOCKS)


def _release(name: str) -> cablethread.Release:
    return parse_data_file(f"enron/{name}")


def test_every_copied_chain_is_listed() -> None:
    # The Lotus Notes bodies are listed in test_lotus_notes.py.
    copied = [p.name for p in ENRON.glob("*.txt") if not p.name.startswith("lotus_notes_")]
    assert sorted(copied) == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_every_block_as_printed(name: str) -> None:
    assert printed_blocks(_release(name)) == BLOCKS[name]


@pytest.mark.parametrize("name", NAMES)
def test_every_original_message_line_opens_a_dated_message(name: str) -> None:
    text = (ENRON / name).read_bytes().decode("utf-8")
    release = _release(name)
    starts = {o.span.start: m for m in release.messages for o in m.occurrences}
    separators = [
        number
        for number, line in enumerate(text.split("\n"), start=1)
        if ORIGINAL_MESSAGE.match(line)
    ]
    assert separators
    for number in separators:
        assert starts[number].sent_local is not None


@pytest.mark.parametrize("name", NAMES)
def test_segments_rebuild_the_body(name: str) -> None:
    text = (ENRON / name).read_bytes().decode("utf-8")
    assert _release(name).text == text


def test_quoted_printable_blanks_are_not_part_of_values() -> None:
    release = _release("quoted_printable_original_message_19362712.txt")
    message = release.messages[0]
    assert message.sender is not None and message.sender.raw == "Maurer, Luiz"
    assert message.sent_raw == "Tuesday, November 06, 2001 10:57 AM"
    assert message.subject is not None and message.subject.raw == "RE: Alliance"


def test_numeric_date_with_weekday_in_the_mailbox_order() -> None:
    # ``Sent: Fri 11/30/2001 5:58 PM=20``: month first, and 30 November 2001 was a Friday.
    message = _release("quoted_printable_soft_break_numeric_date_4413151.txt").messages[0]
    assert message.sent_raw == "Fri 11/30/2001 5:58 PM"
    assert [p.raw for p in message.to] == ["All Enron Employees United States Group@ENRON"]


def test_sender_address_wrapped_onto_the_next_line() -> None:
    release = _release("quoted_smtp_address_wrapped_4515151.txt")
    message = next(m for m in release.messages if m.occurrences[0].span.start == 28)
    assert message.header is not None
    assert (message.header.span.start, message.header.span.end) == (28, 34)
    # ``From: loretta-henry@reliantenergy.com`` / ``[SMTP:loretta-henry@reliantenergy.com]``.
    assert message.sender is not None
    assert message.sender.address == "loretta-henry@reliantenergy.com"
    assert [p.raw for p in message.to] == [
        "Nikki V Carter",
        "Curley, Kim",
        "R Fitzgerald",
        "Shannon_Henderson@mail.bankone.com",
    ]


def test_outlook_express_prints_to_and_cc_before_sent() -> None:
    release = _release("imceanotes_address_wrapped_outlook_express_3274291.txt")
    message = next(m for m in release.messages if m.occurrences[0].span.start == 36)
    assert message.header is not None
    assert [f.name for f in message.header.fields] == ["from", "to", "cc", "sent", "subject"]
    assert message.header.separator == "----- Original Message -----"
