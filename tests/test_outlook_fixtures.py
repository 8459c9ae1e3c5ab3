"""English mail-client fixtures: the header blocks Outlook and its neighbours print.

Each file under ``tests/data/outlook/`` is a fixture of an MIT-licensed reply/forward parser
(see ``tests/data/PROVENANCE.md``), named after the layout it shows. Bodies are lorem ipsum; the
headers imitate what the clients print.
"""

from __future__ import annotations

import pytest
from printed import DATA, Block, parse_data_file, printed_blocks

import cablethread

OUTLOOK = DATA / "outlook"

# (first line, sender as printed, wall clock, subject) of every block, in print order.
BLOCKS: dict[str, list[Block]] = {
    "list_mail_reply_to_between_fields.txt": [
        (3, "Some One <discuss@foo.bar<mailto:discuss@foo.bar>>", "2016-02-08 11:44:00", "VIS"),
    ],
    "new_outlook_date_at_no_blank_line.txt": [
        (1, "John Doe <john.doe@acme.com>", "2021-10-28 12:46:00", "Integer consequat non purus"),
    ],
    "original_message_separator_without_block.txt": [],
    "outlook_2013_mailto_crlf.txt": [
        (
            1,
            "John Doe [mailto:john.doe@acme.com]",
            "2021-10-25 11:17:00",
            "Integer consequat non purus",
        ),
    ],
    "outlook_ios_seconds_in_time.txt": [
        (
            9,
            "The Hiring Engine <job-applicant-incoming-text+65701@hiringenginemail.com>",
            "2019-09-26 11:35:12",
            "Chauffeur - Berlin, CT - Text from Garret Zeiter",
        ),
    ],
    "outlook_live_chain_mailto_in_angle_brackets.txt": [
        (6, "John Doe <john.doe@acme.com>", "2023-04-06 16:17:00", "Integer consequat non purus"),
        (
            18,
            "Laura Singleton <laura@dayrep.com>",
            "2023-03-27 15:33:00",
            "RE: ***URGENT*** Integer consequat non purus",
        ),
        (
            27,
            "Laura Singleton <laura@dayrep.com>",
            "2023-03-23 16:47:00",
            "RE: ***URGENT*** Integer consequat non purus",
        ),
        (
            36,
            "Laura Singleton <laura@dayrep.com>",
            "2023-03-23 15:49:00",
            "RE: ***URGENT*** Integer consequat non purus",
        ),
        (
            45,
            "Valéry <va@acme.com<mailto:va@acme.com>>",
            "2023-03-03 15:11:00",
            "RE: ***URGENT*** Integer consequat non purus",
        ),
        (54, "Valéry", "2023-02-22 11:27:00", "RE: ***URGENT*** Integer consequat non purus"),
        (63, "Valéry", "2023-02-22 09:01:00", "RE: ***URGENT*** Integer consequat non purus"),
        (
            72,
            "Suzanne <suzanne@globex.corp<mailto:suzanne@globex.corp>>",
            "2023-02-21 18:03:00",
            "RE: ***URGENT*** Integer consequat non purus",
        ),
        (
            81,
            "Laura Singleton <laura@dayrep.com<mailto:laura@dayrep.com>>",
            "2023-02-21 17:50:00",
            "[EXTERNAL] RE: ***URGENT*** Integer consequat non purus",
        ),
        (
            90,
            "Office <office@acme.com<mailto:office@acme.com>>",
            "2023-02-21 17:17:00",
            "***URGENT*** Integer consequat non purus",
        ),
        (
            99,
            "Thibault <thibault@acme.com<mailto:thibault@acme.com>>",
            "2023-02-21 16:49:00",
            "TR: ***URGENT*** 2028/22/kb Integer consequat non purus",
        ),
    ],
    "outlook_live_underscore_rule.txt": [
        (2, "John Doe <john.doe@acme.com>", "2021-10-27 15:14:00", "Integer consequat non purus"),
    ],
    "outlook_original_message_separator.txt": [
        (7, "sender@example.com", "2024-12-15 15:00:00", "RE: Test"),
    ],
    "timestamps_in_prose_not_a_block.txt": [],
}

NAMES = sorted(BLOCKS)


def _release(name: str) -> cablethread.Release:
    return parse_data_file(f"outlook/{name}")


def test_every_copied_fixture_is_listed() -> None:
    assert sorted(p.name for p in OUTLOOK.glob("*.txt")) == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_every_block_as_printed(name: str) -> None:
    assert printed_blocks(_release(name)) == BLOCKS[name]


@pytest.mark.parametrize("name", NAMES)
def test_segments_rebuild_the_fixture_byte_for_byte(name: str) -> None:
    data = (OUTLOOK / name).read_bytes()
    assert _release(name).text.encode("utf-8") == data


def test_outlook_2013_crlf_and_mailto_addresses() -> None:
    message = _release("outlook_2013_mailto_crlf.txt").messages[0]
    assert message.sender is not None and message.sender.address == "john.doe@acme.com"
    # ``Sent: 25 October 2021 11:17``: day first, no weekday.
    assert message.sent_raw == "25 October 2021 11:17"
    assert [p.address for p in message.cc] == ["walter.sheltan@acme.com", "nicholas@globex.corp"]
    assert message.subject is not None and message.subject.raw == "Integer consequat non purus"


def test_reply_to_between_fields_keeps_the_block_whole() -> None:
    message = _release("list_mail_reply_to_between_fields.txt").messages[0]
    assert message.header is not None
    assert [f.name for f in message.header.fields] == ["from", "reply_to", "sent", "to", "subject"]
    assert (message.header.span.start, message.header.span.end) == (3, 7)


def test_chain_of_outlook_blocks_under_underscore_rules() -> None:
    release = _release("outlook_live_chain_mailto_in_angle_brackets.txt")
    assert len(release.messages) == 11
    first = release.messages[0]
    assert [p.raw for p in first.cc] == [
        "Walter Sheltan <walter.sheltan@acme.com>",
        "Nicholas <nicholas@globex.corp>",
    ]


@pytest.mark.parametrize(
    ("name", "codes"),
    [
        (
            "original_message_separator_without_block.txt",
            {"header-separator-alone", "input-no-headers"},
        ),
        ("timestamps_in_prose_not_a_block.txt", {"input-no-headers"}),
    ],
)
def test_text_without_a_block_gives_no_message(name: str, codes: set[str]) -> None:
    release = _release(name)
    assert release.messages == []
    assert codes <= {d.code for d in release.diagnostics}
