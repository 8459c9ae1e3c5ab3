"""Lotus Notes blocks and ``Forwarded by`` lines, as the Enron corpus prints them.

Each file under ``tests/data/enron/lotus_notes_*`` is a message body of the CMU Enron corpus
(``tests/data/PROVENANCE.md``), named after the layout it exercises. Enron is a US corpus: numeric
dates are month first, as the generic profile reads them.
"""

from __future__ import annotations

import pytest
from printed import DATA, Block, parse_data_file, printed_blocks

from cablethread import Span

ENRON = DATA / "enron"

# The privilege banner printed under the subject (``Privileged & Confidential Communication`` /
# ``Attorney-Client Communication …``), with no blank line between, is read as the body's first
# lines: nothing on the page shows it to be the subject's.
WESTERN = "Re: Western Wholesale Activities - Gas & Power Conf. Call"

BLOCKS: dict[str, list[Block]] = {
    "lotus_notes_forwarded_twice_wrapped_time_10504357.txt": [
        (6, "Phillip K Allen/HOU/ECT", "2001-05-07 07:26:00", None),
        (10, "James D Steffes@ENRON", "2001-05-03 05:44:00", WESTERN),
        (23, "James D Steffes/NA/Enron", "2001-05-03 07:42:00", None),
        (27, "Ray Alvarez", "2001-05-02 17:40:00", WESTERN),
    ],
    "lotus_notes_from_on_time_forwarded_pm_wrapped_11611711.txt": [
        (1, "Eric Boyt/Corp/Enron", "2001-03-19 14:05:00", None),
        (
            3,
            "Jason R Williams/ENRON@enronXgate",
            "2001-03-19 12:17:00",
            "Neumin Production - REVISED POSITIONS",
        ),
    ],
    "lotus_notes_tab_indented_please_respond_to_18151712.txt": [
        (6, "Margo Reyna/NA/Enron", "2001-01-19 15:32:00", None),
        (
            8,
            "djcustomclips@djinteractive.com",
            "2001-01-19 15:31:00",
            "Telecom Services: Competitive Local Exchange Carriers: Glossary of "
            "Communications Terms",
        ),
    ],
    # ``Sent by:`` between the sender and the time; the Notes block holds an Outlook chain.
    "lotus_notes_sent_by_above_time_9954689.txt": [
        (1, "Gerald Nemec/HOU/ECT", "2000-10-12 13:55:00", None),
        (3, "Paul T Lucci@ENRON", "2000-10-12 12:55:00", "FW: FW: Fw: These"),
        (30, "Lipka, Jim", "2000-10-12 08:34:00", "FW: FW: Fw: These"),
        (
            42,
            "DAN HARTWICK [mailto:dhartwick@mindspring.com] <mailto:[mailto:dhartwick@mindspring.com]>",
            "2000-10-07 21:25:00",
            "Fw: FW: Fw: These signs are hilarious!!!",
        ),
        (
            55,
            "Rachel Bredfeldt <rbredfeldt@hotmail.com <mailto:rbredfeldt@hotmail.com> >",
            "2000-10-02 13:42:00",
            "Fwd: FW: Fw: These signs are hilarious!!!",
        ),
        (
            70,
            '"Syrcle, Jason A." <SyrcleJ@missouri.edu <mailto:SyrcleJ@missouri.edu> >',
            "2000-09-29 09:43:26",
            "FW: Fw: These signs are hilarious!!!",
        ),
        (
            92,
            "Jason Morrison [mailto:jasonmorrison78@hotmail.com] <mailto:[mailto:jasonmorrison78@hotmail.com]>",
            "2000-09-28 18:44:00",
            "Fwd: Fw: These signs are hilarious!!!",
        ),
        (
            115,
            '"Renee Durst" <rd_13@hotmail.com <mailto:rd_13@hotmail.com> >',
            "2000-09-26 12:28:10",
            "Fwd: Fw: These signs are hilarious!!!",
        ),
        (
            136,
            '"Renee Durst" <rdurst@chestnut.org <mailto:rdurst@chestnut.org> >',
            "2000-09-26 12:19:26",
            "Fw: These signs are hilarious!!!",
        ),
    ],
    # The time wrapped under ``From:`` (a column layout below a letterhead).
    "lotus_notes_from_time_wrapped_letterhead_3037572.txt": [
        (1, "Carla Hoffman/PDX/ECT", "2000-08-23 14:02:00", None),
        (
            6,
            '"Pergher, Gunther" <Gunther.Pergher@dowjones.com>',
            "2000-08-23 12:26:00",
            "DJ Calif Assembly Delays SDG&E Rate Roll-Back Vote To Thu",
        ),
    ],
    # The London office prints ``Jeff Skilling @ ENRON        08/02/2001 23:22`` (8 February,
    # day first, 24-hour clock). Read month first, as the generic profile orders numeric dates,
    # it would be 2 August, half a year after the reply printed above it: the chain settles it.
    "lotus_notes_london_time_after_gap_sent_by_4160260.txt": [
        (8, "Matthew Scrimshaw@ECT", "2001-02-09 03:06:00", "Re: UK CEOs"),
        (30, "Jeff Skilling @ ENRON", "2001-02-08 23:22:00", "Re: UK CEOs"),
        (48, "Matthew Scrimshaw@ECT", "2001-01-31 02:58:00", "UK CEOs"),
    ],
    # A day-first mailbox (``08/12/2000 20:33``) around an Outlook block that names its month;
    # the mail itself is dated 10 December 2000.
    "lotus_notes_day_first_24_hour_chain_31000354.txt": [
        (17, "Greg Whalley", "2000-12-08 20:33:00", "RE: UK P/L"),
        (26, "Richard Lewis/LON/ECT", "2000-12-07 06:23:00", "UK P/L"),
        (57, "Richard Lewis/LON/ECT", "2000-12-07 11:49:00", None),
        (61, "James New", "2000-12-06 18:18:00", None),
    ],
    "lotus_notes_london_below_us_date_17566424.txt": [
        (
            12,
            "Robert Quick",
            "2001-01-03 09:48:00",
            "Enron Global Markets - transaction approval process",
        ),
        (36, "Robert Quick/LON/ECT", "2001-01-03 15:42:00", None),
        (40, "Mark Evans", "2001-01-03 15:13:00", "CACS FORM: IMPORTANT INFORMATION"),
    ],
}


@pytest.mark.parametrize(
    ("name", "dates"),
    [
        ("lotus_notes_london_time_after_gap_sent_by_4160260.txt", ["'08/02/2001 23:22'"]),
        (
            "lotus_notes_day_first_24_hour_chain_31000354.txt",
            ["'08/12/2000 20:33'", "'07/12/2000 11:49'", "'06/12/2000 18:18'"],
        ),
        # ``01/03/2001 09:48 AM`` (12-hour clock, month first: 3 January) stays; the London
        # Notes blocks below it (``03/01/2001 15:42``, 24-hour clock) are read day first.
        (
            "lotus_notes_london_below_us_date_17566424.txt",
            ["'03/01/2001 15:42'", "'03/01/2001 15:13'"],
        ),
    ],
)
def test_day_first_dates_settled_by_the_chain_are_reported(name: str, dates: list[str]) -> None:
    release = parse_data_file(f"enron/{name}")
    settled = [d for d in release.diagnostics if d.code == "date-dayfirst-by-chain"]
    assert [d.message[: d.message.index(": read as")] for d in settled] == dates
    assert all(d.severity == "info" and d.span is not None for d in settled)


def test_a_chain_in_order_is_never_reread() -> None:
    # ``02/09/2001 03:06 AM`` could be 2 September; nothing in its chain asks for that.
    release = parse_data_file("enron/lotus_notes_london_time_after_gap_sent_by_4160260.txt")
    top = next(m for m in release.messages if m.occurrences[0].span.start == 8)
    assert top.sent_local is not None and top.sent_local.month == 2


def test_every_copied_body_is_listed() -> None:
    assert sorted(p.name for p in ENRON.glob("lotus_notes_*.txt")) == sorted(BLOCKS)


@pytest.mark.parametrize("name", sorted(BLOCKS))
def test_every_block_as_printed(name: str) -> None:
    assert printed_blocks(parse_data_file(f"enron/{name}")) == BLOCKS[name]


@pytest.mark.parametrize("name", sorted(BLOCKS))
def test_segments_rebuild_the_body_byte_for_byte(name: str) -> None:
    assert parse_data_file(f"enron/{name}").text == (ENRON / name).read_text(encoding="utf-8")


def test_a_forward_is_a_message_whose_parent_is_what_it_forwards() -> None:
    release = parse_data_file("enron/lotus_notes_forwarded_twice_wrapped_time_10504357.txt")
    by_start = {m.occurrences[0].span.start: m for m in release.messages}
    forward, steffes = by_start[6], by_start[10]
    assert forward.header is not None and forward.header.layout == "forwarded-by"
    assert forward.occurrences[0].span.end == 7  # the time wrapped onto the next line
    assert forward.parent_id == steffes.id
    evidence = {(e.parent_id, e.child_id): e.evidence for e in release.edges}
    assert evidence[(steffes.id, forward.id)] == "forwarded-by"
    # Steffes's message holds Steffes's own forward of Alvarez's message, which it forwards.
    assert steffes.parent_id == by_start[23].id
    assert by_start[23].parent_id == by_start[27].id


def test_notes_blocks_keep_their_recipients() -> None:
    release = parse_data_file("enron/lotus_notes_forwarded_twice_wrapped_time_10504357.txt")
    alvarez = next(m for m in release.messages if m.occurrences[0].span.start == 27)
    assert alvarez.header is not None and alvarez.header.layout == "lotus-notes"
    assert [f.name for f in alvarez.header.fields] == ["from", "sent", "to", "cc", "subject"]
    # ``To:`` wraps over six lines, its names cut at the wraps (``Alan`` / ``Comnes/PDX/ECT@ECT``).
    to = alvarez.header.get("to")
    assert to is not None and to.span == Span(start=29, end=34)
    assert to.value.endswith("jalexander@gibbs-bruns.com, Phillip K\nAllen/HOU/ECT@ECT")
    assert [p.raw for p in alvarez.cc] == ["Linda J Noske/HOU/ECT@ECT"]


def test_a_delegate_above_the_time_is_a_field() -> None:
    release = parse_data_file("enron/lotus_notes_sent_by_above_time_9954689.txt")
    lucci = next(m for m in release.messages if m.occurrences[0].span.start == 3)
    assert lucci.header is not None
    assert [(f.name, f.value) for f in lucci.header.fields[:3]] == [
        ("from", "Paul T Lucci@ENRON"),
        ("sent_by", "Paul T Lucci@ENRON"),
        ("sent", "10/12/2000 12:55 PM"),
    ]


def test_time_after_the_sender_is_a_field_of_its_own() -> None:
    release = parse_data_file("enron/lotus_notes_from_on_time_forwarded_pm_wrapped_11611711.txt")
    williams = next(m for m in release.messages if m.occurrences[0].span.start == 3)
    assert williams.header is not None
    sender, sent = williams.header.fields[:2]
    assert (sender.label, sender.value) == ("From", "Jason R Williams/ENRON@enronXgate")
    assert (sent.label, sent.value) == ("on", "03/19/2001 12:17 PM")
