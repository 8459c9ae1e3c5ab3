"""Passages of the NIH FOIA release of Anthony Fauci's email (OCR text), one per layout hazard.

Each file under ``tests/data/nih/layouts/`` is a run of whole lines of
``tests/data/nih/nih_fauci_foia_ocr.txt``, named after the layout it exercises and the page stamp
printed at or after it. For every passage every printed header block is listed as a reader would
check it against the print: the line it starts on (the separator line, ``Begin forwarded
message:`` or the ``On … wrote:`` line where there is one), the sender as printed, the wall clock,
the subject.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from printed import DATA, Block, parse_data_file, printed_blocks

import cablethread

LAYOUTS = DATA / "nih" / "layouts"

FAUCI = "Fauci, Anthony (NIH/NIAID) [E]"

# (first line, sender as printed, wall clock, subject) of every block, in print order.
BLOCKS: dict[str, list[Block]] = {
    # -- several fields run together on one line
    "fields_run_together_from_sent_attachments_importance_NIH-001009.txt": [
        (1, FAUCI, "2020-03-03 13:57:03", "FW: Corona Virus and a possible path to a vaccine?"),
        (
            18,
            "expand@omcasa.com <expand@omcasa.com>",
            "2020-03-03 05:00:00",
            "Corona Virus and a possible path to a vaccine?",
        ),
    ],
    "fields_run_together_sent_to_subject_salutation_in_subject_NIH-001011.txt": [
        (1, FAUCI, "2020-03-03 13:55:34", "FW: Covid-19 — Navigating the Uncharted"),
        # ``Subject: Re: Covid-19 — Navigating the Uncharted Dear Dr. Fauci,``
        (
            11,
            "El Bcheraoui, Charbel 9 @G>",
            "2020-03-03 03:26:00",
            "Re: Covid-19 — Navigating the Uncharted",
        ),
    ],
    "fields_run_together_to_subject_after_original_message_NIH-001012.txt": [
        (
            1,
            FAUCI,
            "2020-03-03 13:54:16",
            "FW: Zinc gluconate by inhalation for early coronavirus in elderly?",
        ),
        (
            14,
            "Arthur",
            "2020-03-03 01:48:00",
            "Zinc gluconate by inhalation for early coronavirus in elderly?",
        ),
    ],
    "fields_run_together_to_subject_blank_line_after_NIH-001013.txt": [
        (
            1,
            FAUCI,
            "2020-03-03 13:53:42",
            "FW: Coronavirus: Six Eyed Sand Spider, Habanero, water, Qi",
        ),
        (
            14,
            "Lily Carnie",
            "2020-03-03 00:07:00",
            "Coronavirus: Six Eyed Sand Spider, Habanero, water, Qi",
        ),
    ],
    "fields_run_together_cc_subject_attachments_NIH-001023.txt": [
        (1, FAUCI, "2020-03-03 10:57:14", "Important - POYUS and VP visit slides"),
    ],
    "fields_run_together_cc_subject_NIH-001090.txt": [
        (
            1,
            "Jeffrey V. Ravetch ee",
            "2020-03-01 12:43:00",
            "Fc modifications for protective anti-COVID-19 antibodies",
        ),
    ],
    "whole_header_one_line_no_blank_before_body_NIH-001014.txt": [
        # ``Subject: FW: Possible treatment of COVID-19 pneumonia Pls respond``
        (1, FAUCI, "2020-03-03 13:52:17", "FW: Possible treatment of COVID-19 pneumonia"),
        (9, "Paul Tone, MD)", "2020-03-02 23:10:00", "Possible treatment of COVID-19 pneumonia"),
    ],
    "whole_header_one_line_gerson_NIH-001034.txt": [
        (1, FAUCI, "2020-03-02 17:56:05", "RE: Q"),
        (12, "Michael Gerson |", "2020-03-02 11:41:00", "Re: Q"),
    ],
    "whole_header_one_line_begin_forwarded_bates_to_cc_NIH-001673.txt": [
        (1, FAUCI, "2020-02-22 11:39:06", "RE: MSNBC Reconfirming"),
        # ``From:`` alone, the sender on the next line.
        (
            3,
            "Conrad, Patricia (NIH/NIAID) [E mro",
            "2020-02-22 06:38:00",
            "Fwd: MSNBC Reconfirming",
        ),
        (
            10,
            '"Antoniak, Cynthia (NBCUniversal, MSNBC)" <Cynthia.Antoniak@MSNBC.COM>',
            "2020-02-22 05:49:00",
            "MSNBC Reconfirming",
        ),
        (
            22,
            "Goldner, Shannah (NBCUniversal) <shannah.goldner@nbcuni.com>",
            "2020-02-21 15:09:00",
            "RE: contact at the studio tomorrow/MSNBC intv",
        ),
    ],
    "subject_with_re_in_text_NIH-001385.txt": [
        (
            1,
            FAUCI,
            "2020-02-25 03:26:06",
            "RE: Close of Day Note for 2/24/2020 re: coronavirus preparedness",
        ),
        (
            4,
            "Tabak, Lawrence (NIH/OD) [E] yy yyoe",
            "2020-02-24 21:41:00",
            "FW: Close of Day Note for 2/24/2020 re: coronavirus preparedness",
        ),
        (
            9,
            '"Gilman, James (NIH/CC/OD) [E]" P>',
            "2020-02-24 17:50:00",
            "Close of Day Note for 2/24/2020 re: coronavirus preparedness",
        ),
    ],
    # -- a page stamp alone on a line inside a header block
    "bates_inside_header_sent_to_importance_in_subject_NIH-001057.txt": [
        # ``Subject: RE: COVID and Chloroquine Importance: High``
        (
            1,
            "Fauci, Anthony (NIH/NIAID) [E] Tee",
            "2020-02-29 20:20:00",
            "RE: COVID and Chloroquine",
        ),
    ],
    "bates_inside_header_from_to_NIH-001122.txt": [
        # ``Subject: RE: The Aspen Institute event today Hi Dr. Fauci,``
        (
            1,
            "Sabrina Malhi <smalhi@thehill.com>",
            "2020-02-11 14:58:00",
            "RE: The Aspen Institute event today",
        ),
    ],
    "bates_inside_header_to_cc_wrapped_lists_NIH-001456.txt": [
        (
            1,
            "Collins, Francis (NIH/OD) [E] <9 9 Oe@-",
            "2020-02-24 06:45:07",
            "RE: FOR YOUR REVIEW: Draft Rollout, All Staff, and Statement on Preparing for "
            "Potential Patients w/ COVID-19",
        ),
    ],
    "bates_inside_forwarded_recipient_list_NIH-001030.txt": [
        # ``Subject: FW: Alert: … hearing Bob:``
        (
            1,
            FAUCI,
            "2020-03-03 03:11:52",
            "FW: Alert: Questions from Sen. Alexander for tomorrow’s hearing",
        ),
        (
            6,
            "Haskins, Melinda (NIH/NIAID) [E] 9 Oe-",
            "2020-03-02 20:30:00",
            "Alert: Questions from Sen. Alexander for tomorrow’s hearing",
        ),
        (
            14,
            '"Hallett, Adrienne (NIH/OD) [E]" <7 yyy yoee-',
            "2020-03-02 20:15:00",
            "Fwd: Questions from Sen. Alexander",
        ),
        # ``Begin forwarded message: From: "Coulter, Margaret (HELP Committee)"`` on one line.
        (
            20,
            '"Coulter, Margaret (HELP Committee)"',
            "2020-03-02 19:29:15",
            "Questions from Sen. Alexander",
        ),
    ],
    "bates_between_from_and_sent_scattered_cc_NIH-001470.txt": [
        (
            1,
            "Carter Mecher",
            "2020-02-21 18:52:00",
            "RE: Red Dawn Breaking, COVID-19 Collaborative, Feb 16 start",
        ),
    ],
    # -- labels damaged by the OCR
    "ocr_ce_for_cc_NIH-001020.txt": [
        (1, FAUCI, "2020-03-03 13:10:22", "FW: Vaccine—confidential PPT"),
        (19, "George GAO", "2020-03-03 07:12:00", "Vaccine—confidential PPT"),
    ],
    "ocr_fram_for_from_NIH-000065.txt": [
        (1, FAUCI, "2020-05-05 12:40:52", "FW: VP slides"),
    ],
    "ocr_fram_for_from_short_NIH-000065.txt": [
        (1, FAUCI, "2020-04-27 10:54:50", "RE: High Praise"),
        (6, "Duchin, Jeff", "2020-04-26 23:58:00", "High Praise"),
    ],
    "ocr_sent_semicolon_NIH-000065.txt": [
        (
            1,
            "Collins, Francis (NIH/OD) [E] 6>",
            "2020-04-25 14:55:00",
            "RE: agenda for Kadlec et al., Sun noon meeting",
        ),
        (
            6,
            "Collins, Francis (NIH/OD) [E]",
            "2020-04-25 14:49:00",
            "agenda for Kadlec et al., Sun noon meeting",
        ),
        (16, FAUCI, "2020-04-26 01:22:21", "C Saar"),
        (22, "Corey MD, Larry MOO", "2020-04-25 17:36:00", "Re: MO"),
    ],
    "ocr_sent_semicolon_spaced_time_NIH-000470.txt": [
        # ``From: Mark Zuckerberg! 0) © Sent; Sunday, March 15, 2020 12: 18 PM``
        (1, "Mark Zuckerberg! 0) ©", "2020-03-15 12:18:00", "Thanks and ideas"),
    ],
    "ocr_co_for_cc_importance_NIH-000065.txt": [
        (
            1,
            "Kircheis Dr. Ralf <RKircheis@syntacoll.de>",
            "2020-04-22 09:41:00",
            "Update: OD",
        ),
    ],
    "ocr_subject_semicolon_NIH-001649.txt": [
        # ``Subject; Re: Question Hi Dr. Fauci, This effort is completely driven by BARDA. …``
        (
            1,
            "Cassetti, Cristina (NIH/NIAID) [E]) mmm @@>",
            "2020-02-22 14:22:00",
            "Re: Question",
        ),
        # ``On Feb 22, 2020, at 2:18 PM, Fauci, Anthony (NIH/NIAID) [E] M>`` / ``wrote:``
        (6, "Fauci, Anthony (NIH/NIAID) [E] M>", "2020-02-22 14:18:00", "Question"),
    ],
    "ocr_meridiem_av_NIH-000065.txt": [
        (
            1,
            FAUCI,
            "2020-04-16 12:37:38",
            "RE: Covid-19. thromboxane inhibitors, and heme binding (02 desaturation)",
        ),
        # ``Sent: Thursday, April 16, 2020 8:09 AV``
        (
            4,
            "Dr. Josh Backon <backon@mail.huji.ac.il>",
            "2020-04-16 08:09:00",
            "Fwd: Covid-19. thromboxane inhibitors, and heme binding (O2 desaturation)",
        ),
    ],
    "ocr_meridiem_truncated_original_separator_NIH-000065.txt": [
        # ``From: "Lipkin, lan W ; Date: Tue, May 5, 2020 06:06 A`` under ``---- Original ----``
        # QQ Mail closes each address with ``;``, in From: as in To:: a list's separator, not
        # part of the sender (as ``"ZhuChen >;`` is the recipient ``"ZhuChen >``).
        (1, '"Lipkin, lan W', "2020-05-05 06:06:00", "SARS-CoV-2"),
    ],
    # -- headers that end without a blank line, wrapped subjects, appointments
    "subject_wrapped_arrow_subject_NIH-001239.txt": [
        (
            1,
            FAUCI,
            "2020-02-28 02:32:50",
            "RE: Question on report Dr. Fauci told he cannot speak with media unless cleared by "
            "White House",
        ),
        # ``> Subject: Fwd: …`` at the start of the line after a wrapped Cc:.
        (
            8,
            "Billet, Courtney (NIH/NIAID) [E] Tyee",
            "2020-02-27 19:12:00",
            "Fwd: Question on report Dr. Fauci told he cannot speak with media unless cleared by "
            "White House",
        ),
        (
            15,
            '"Young, Donna" <Donna.Young@spglobal.com>',
            "2020-02-27 19:01:00",
            "Re: Question on report Dr. Fauci told he cannot speak with media unless cleared by "
            "White House",
        ),
    ],
    "subject_wrapped_short_NIH-001620.txt": [
        (
            1,
            FAUCI,
            "2020-02-22 21:07:26",
            "RE: Wpost: New developments suggest coronavirus incubation could be longer than 14 "
            "days, as global infections rise",
        ),
    ],
    "original_appointment_when_where_NIH-000065.txt": [
        (1, "Kilmarx, Peter (NIH/FIC) [E]", "2020-03-21 21:29:00", "Call: COVID-19 Response Corps"),
    ],
    "original_appointment_recipient_label_lost_NIH-000065.txt": [
        (
            1,
            "Kadlec, Robert (OS/ASPR/IO) METO",
            "2020-04-06 13:36:00",
            "#2 - COVID-19 Advisory Panel",
        ),
    ],
    # -- a recipient list broken by blank lines
    "recipients_scattered_who_invitation_NIH-001051.txt": [
        (
            1,
            FAUCI,
            "2020-03-02 10:43:27",
            "FW: GPMB: MESSAGE ON BEHALF OF THE CO-CHAIRS: UPDATE: CONFIRMING 4 MARCH "
            "TELECONFERENCE",
        ),
        (
            7,
            "Amelie RIOUX",
            "2020-03-02 05:29:00",
            "RE: GPMB: MESSAGE ON BEHALF OF THE CO-CHAIRS: UPDATE: CONFIRMING 4 MARCH "
            "TELECONFERENCE",
        ),
    ],
    # -- forwarded blocks, attributions, delegated senders
    "begin_forwarded_from_date_one_line_re_in_subject_NIH-001286.txt": [
        (
            1,
            "Alex Garrett <agarrett@nycradio.com>",
            "2020-02-26 19:13:41",
            "AM 970 the Answer Radio Request Re: Coronavirus Response from POTUS and NIH",
        ),
    ],
    "begin_forwarded_from_date_lines_bates_NIH-001449.txt": [
        (
            1,
            '"Haskins, Melinda (NIH/NIAID) [E]" 6>',
            "2020-02-24 10:40:37",
            "FW: Call for Dr. Fauci",
        ),
        (
            6,
            "Harris, Kara (NIH/NIAID) [E] yy oe@-",
            "2020-02-24 10:39:00",
            "RE: Call for Dr. Fauci",
        ),
    ],
    "attribution_quoted_on_wrote_NIH-001104.txt": [
        # ``Subject: Re: I'd like to talk Tony,``
        (1, "Bob Franken >", "2020-03-01 07:11:00", "Re: I'd like to talk"),
        # The quoted message prints no subject: it takes the reply's, without its prefix.
        (7, "Fauci, Anthony (NIH/NIAID) [E] 9 @)GO>", "2020-03-01 06:53:00", "I'd like to talk"),
    ],
    "attribution_on_wrote_NIH-001033.txt": [
        (1, "ee |.)", "2020-03-02 19:06:49", "Re: Telecast today"),
        (4, "Johnson, Richard Allen,M.D. O O>", "2020-03-02 18:57:00", "Telecast today"),
    ],
    # The sender's raw is the whole printed value; the mailbox is ``on_behalf_of``.
    "on_behalf_of_senders_NIH-001287.txt": [
        (
            1,
            "Folkers, Greg (NIH/NIAID) [E] on behalf of Fauci, Anthony (NIH/NIAID) [E]",
            "2020-02-26 21:50:05",
            "RE: NEJM content proof (Fauci)",
        ),
        (
            8,
            "Laurencot, Elizabeth <elaurencot@nejm.org>",
            "2020-02-26 16:45:00",
            "RE: NEJM content proof (Fauci)",
        ),
        (
            20,
            "Folkers, Greg (NIH/NIAID) [E] O> On Behalf Of Fauci, Anthony (NIH/NIAID) [E]",
            "2020-02-26 15:48:00",
            "RE: NEJM content proof (Fauci)",
        ),
    ],
}

NAMES = sorted(BLOCKS)


def _release(name: str) -> cablethread.Release:
    return parse_data_file(f"nih/layouts/{name}")


def _message_at(release: cablethread.Release, line: int) -> cablethread.Message:
    for message in release.messages:
        if any(o.span.start == line for o in message.occurrences):
            return message
    raise AssertionError(f"no block starts on line {line}")


def _occurrence_at(release: cablethread.Release, line: int) -> cablethread.Occurrence:
    for message in release.messages:
        for occurrence in message.occurrences:
            if occurrence.span.start == line:
                return occurrence
    raise AssertionError(f"no block starts on line {line}")


def _body_start(release: cablethread.Release, line: int) -> int | None:
    body = _occurrence_at(release, line).body_span
    return body.start if body else None


def _header_lines(release: cablethread.Release, line: int) -> tuple[int, int]:
    header = _message_at(release, line).header
    assert header is not None
    return header.span.start, header.span.end


def _fields(release: cablethread.Release, line: int) -> list[tuple[str, str]]:
    header = _message_at(release, line).header
    assert header is not None
    return [(f.name, f.label) for f in header.fields]


def _diagnostic_lines(release: cablethread.Release, code: str) -> set[int]:
    return {d.span.start for d in release.diagnostics if d.code == code and d.span}


def _kind_of_line(release: cablethread.Release, line: int) -> str:
    return next(s.kind for s in release.segments if line in s.span)


def test_every_copied_passage_is_listed() -> None:
    assert sorted(p.name for p in LAYOUTS.glob("*.txt")) == NAMES


#: Passages whose blocks the parser does not yet all read as printed, each with what it misses.
#: Strict: a passage read right fails here until it is taken off the list.
LISTED_MISSES: dict[str, str] = {}


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(
            name,
            marks=[pytest.mark.xfail(strict=True, reason=LISTED_MISSES[name])]
            if name in LISTED_MISSES
            else [],
        )
        for name in NAMES
    ],
)
def test_every_block_as_printed(name: str) -> None:
    assert printed_blocks(_release(name)) == BLOCKS[name]


@pytest.mark.parametrize("name", NAMES)
def test_segments_rebuild_the_passage(name: str) -> None:
    text = (LAYOUTS / name).read_bytes().decode("utf-8")
    release = _release(name)
    assert release.text == text
    numbers = [n for s in release.segments for n in s.span.lines]
    assert numbers == list(range(1, len(cablethread.SourceText(text)) + 1))


@pytest.mark.parametrize("name", NAMES)
def test_page_stamps_are_never_part_of_a_field(name: str) -> None:
    for message in _release(name).messages:
        assert message.header is not None
        for field in message.header.fields:
            assert "NIH-00" not in field.value, (field.label, field.value)


# -- several fields run together on one line


def test_from_and_sent_on_one_line_then_importance() -> None:
    release = _release("fields_run_together_from_sent_attachments_importance_NIH-001009.txt")
    assert [name for name, _ in _fields(release, 18)] == [
        "from",
        "sent",
        "to",
        "subject",
        "importance",
    ]
    assert _message_at(release, 18).importance == "High"
    assert 18 in _diagnostic_lines(release, "header-fields-inline")
    # ``Pls respond`` directly under ``Attachments:`` is the first body line.
    assert _body_start(release, 1) == 6


def test_sent_to_and_subject_on_one_line() -> None:
    release = _release("fields_run_together_sent_to_subject_salutation_in_subject_NIH-001011.txt")
    message = _message_at(release, 1)
    assert _fields(release, 1) == [
        ("from", "From"),
        ("sent", "Sent"),
        ("to", "To"),
        ("subject", "Subject"),
    ]
    assert [p.raw for p in message.to] == ["Conrad, Patricia (NIH/NIAID) [E]"]
    assert message.sent_utc == datetime(2020, 3, 3, 13, 55, 34, tzinfo=UTC)
    assert 2 in _diagnostic_lines(release, "header-fields-inline")


def test_to_and_subject_on_one_line_under_a_separator() -> None:
    release = _release("fields_run_together_to_subject_after_original_message_NIH-001012.txt")
    message = _message_at(release, 14)
    assert message.header is not None and message.header.separator is not None
    # The ``>`` is what is left of the blanked address.
    assert [p.raw for p in message.to] == ["Fauci, Anthony (NIH/NIAID) [E] >"]
    assert _header_lines(release, 14) == (14, 17)
    assert _body_start(release, 14) == 18


def test_to_and_subject_on_one_line_then_a_blank_line() -> None:
    release = _release("fields_run_together_to_subject_blank_line_after_NIH-001013.txt")
    assert [name for name, _ in _fields(release, 14)] == ["from", "sent", "to", "subject"]
    assert [p.raw for p in _message_at(release, 1).to] == ["NIAID Public Inquiries"]


def test_cc_and_subject_on_one_line_salutation_after_attachment() -> None:
    release = _release("fields_run_together_cc_subject_attachments_NIH-001023.txt")
    message = _message_at(release, 1)
    assert [p.raw for p in message.cc] == [
        "Conrad, Patricia (NIH/NIAID) [E]",
        "Graham, Barney (NIH/VRC) [E]",
    ]
    # ``Attachments: VIP visit … 3-3-2020.pptx John:``: the salutation is not part of the name.
    assert message.attachments == ["VIP visit to VRC Coronavirus Short version - for 3-3-2020.pptx"]


def test_cc_and_subject_on_one_line_then_the_salutation() -> None:
    release = _release("fields_run_together_cc_subject_NIH-001090.txt")
    assert [p.raw for p in _message_at(release, 1).cc] == ["Stelios Bournazos"]
    assert _header_lines(release, 1) == (1, 4)
    assert _body_start(release, 1) == 5
    assert _kind_of_line(release, 7) == "furniture"


def test_whole_header_on_one_line_body_right_under_it() -> None:
    release = _release("whole_header_one_line_no_blank_before_body_NIH-001014.txt")
    assert _header_lines(release, 9) == (9, 9)
    assert [name for name, _ in _fields(release, 9)] == ["from", "sent", "to", "subject"]
    assert 9 in _diagnostic_lines(release, "header-fields-inline")
    assert _body_start(release, 9) == 10
    # ``Pls respond`` run onto the subject line belongs to neither header nor subject.
    assert _header_lines(release, 1) == (1, 4)


def test_whole_header_on_one_line_with_a_short_reply_subject() -> None:
    release = _release("whole_header_one_line_gerson_NIH-001034.txt")
    assert [p.raw for p in _message_at(release, 12).to] == [FAUCI]
    assert [p.raw for p in _message_at(release, 1).to] == ["Michael Gerson"]


def test_whole_header_on_one_line_then_a_page_stamp_between_to_and_cc() -> None:
    release = _release("whole_header_one_line_begin_forwarded_bates_to_cc_NIH-001673.txt")
    assert _fields(release, 10) == [
        ("from", "From"),
        ("sent", "Date"),
        ("to", "To"),
        ("cc", "Cc"),
        ("subject", "Subject"),
    ]
    message = _message_at(release, 22)
    assert _header_lines(release, 22) == (22, 26)
    assert _kind_of_line(release, 24) == "furniture"
    assert [p.raw for p in message.cc] == [
        "Antoniak, Cynthia (NBCUniversal, MSNBC) <Cynthia.Antoniak@MSNBC.COM>",
        "Fauci, Anthony (NIH/NIAID) [E] Soe",
    ]


def test_re_inside_a_subject_is_not_a_prefix() -> None:
    release = _release("subject_with_re_in_text_NIH-001385.txt")
    subjects = [_message_at(release, line).subject for line in (1, 4, 9)]
    assert [s.prefixes if s else None for s in subjects] == [["RE"], ["FW"], []]
    assert len({s.thread_key if s else None for s in subjects}) == 1


# -- a page stamp alone on a line inside a header block


def test_page_stamp_between_sent_and_to() -> None:
    release = _release("bates_inside_header_sent_to_importance_in_subject_NIH-001057.txt")
    message = _message_at(release, 1)
    assert _header_lines(release, 1) == (1, 5)
    assert _kind_of_line(release, 3) == "furniture"
    assert [p.raw for p in message.to] == ["Giroir, Brett (HHS/OASH) |) 9 O@>"]
    assert len(message.cc) == 2
    # ``Subject: RE: COVID and Chloroquine Importance: High``
    assert message.importance == "High"


def test_page_stamp_between_from_and_to() -> None:
    release = _release("bates_inside_header_from_to_NIH-001122.txt")
    assert _header_lines(release, 1) == (1, 4)
    assert _kind_of_line(release, 2) == "furniture"
    assert [p.raw for p in _message_at(release, 1).to] == ["Fauci, Anthony (NIH/NIAID) [E] 9 @@>"]


def test_page_stamp_between_wrapped_to_and_cc() -> None:
    release = _release("bates_inside_header_to_cc_wrapped_lists_NIH-001456.txt")
    message = _message_at(release, 1)
    assert _kind_of_line(release, 4) == "furniture"
    assert [p.raw for p in message.to][-1] == "Gilman, James (NIH/CC/OD) (E) [il NNEC >"
    assert len(message.cc) == 7
    assert message.cc[4].raw == "Davey, Richard (NIH/NIAID) [E] >"
    assert _body_start(release, 1) == 8


def test_page_stamp_inside_a_forwarded_recipient_list() -> None:
    release = _release("bates_inside_forwarded_recipient_list_NIH-001030.txt")
    assert _header_lines(release, 20) == (20, 29)
    assert _kind_of_line(release, 23) == "furniture"
    message = _message_at(release, 20)
    assert message.cc and message.cc[-1].raw == '"Graham, Grace (HELP Committee)" (Ty @e@>'
    # ``To: … yywe- Cc: Crawford, …`` on one line: five in Cc, one in To.
    haskins = _message_at(release, 6)
    assert [p.raw for p in haskins.to] == ["Fauci, Anthony (NIH/NIAID) [E I yywe-"]
    assert len(haskins.cc) == 5


def test_page_stamp_between_from_and_sent_with_a_cc_over_five_lines() -> None:
    release = _release("bates_between_from_and_sent_scattered_cc_NIH-001470.txt")
    message = _message_at(release, 1)
    assert _kind_of_line(release, 2) == "furniture"
    assert [p.raw for p in message.to] == ["Richard Hatchett", "Dr. Eva K Lee"]
    cc = [p.raw for p in message.cc]
    assert (cc[0], cc[-1]) == ("Tracey McNamara", "Nathaniel Hupert")
    assert "Callahan, Michael V.,M.D." in cc


# -- labels damaged by the OCR


def test_ce_is_read_as_cc() -> None:
    release = _release("ocr_ce_for_cc_NIH-001020.txt")
    message = _message_at(release, 1)
    assert ("cc", "Ce") in _fields(release, 1)
    assert [p.raw for p in message.cc] == [
        "Mascola, John (NIH/VRC) [E]",
        "Conrad, Patricia (NIH/NIAID) [E]",
        "Graham, Barney (NIH/VRC) [E]",
        "Conrad, Patricia (NIH/NIAID) [E]",
    ]
    assert message.attachments == ["20200303 For Gao laoshi.pptx"]
    assert 4 in _diagnostic_lines(release, "header-label-ocr-repaired")


@pytest.mark.parametrize(
    "name", ["ocr_fram_for_from_NIH-000065.txt", "ocr_fram_for_from_short_NIH-000065.txt"]
)
def test_fram_is_read_as_from(name: str) -> None:
    release = _release(name)
    assert _fields(release, 1)[:1] == [("from", "Fram")]
    assert 1 in _diagnostic_lines(release, "header-label-ocr-repaired")


def test_sent_with_a_semicolon() -> None:
    release = _release("ocr_sent_semicolon_NIH-000065.txt")
    assert [p.raw for p in _message_at(release, 1).to] == [
        "Fauci, Anthony (NIH/NIAID) [E] 9G",
        "Tabak, Lawrence (NIH/OD) [E] >",
    ]
    assert [p.raw for p in _message_at(release, 22).cc] == [
        "Fauci, Anthony (NIH/NIAID) [E] TG",
        "Collins, Francis (NIH/OD) [E]",
    ]
    # A colon read as a semicolon: a label that lost its colon.
    assert {2, 23} <= _diagnostic_lines(release, "header-label-no-colon")


def test_sent_with_a_semicolon_and_a_space_in_the_time() -> None:
    release = _release("ocr_sent_semicolon_spaced_time_NIH-000470.txt")
    assert [name for name, _ in _fields(release, 1)] == ["from", "sent", "to", "subject"]
    assert 1 in _diagnostic_lines(release, "date-ocr-repaired")


def test_co_is_read_as_cc() -> None:
    release = _release("ocr_co_for_cc_importance_NIH-000065.txt")
    message = _message_at(release, 1)
    assert ("cc", "Co") in _fields(release, 1)
    assert message.cc and message.cc[-1].raw == "Kircheis Dr. Ralf <RKircheis@syntacoll.de>"
    assert message.importance == "High"


def test_subject_with_a_semicolon_and_the_body_run_on() -> None:
    release = _release("ocr_subject_semicolon_NIH-001649.txt")
    assert [p.raw for p in _message_at(release, 1).cc] == ["Erbelding, Emily (NIH/NIAID) [E] M>"]
    assert 4 in _diagnostic_lines(release, "header-label-no-colon")


def test_meridiem_av_is_read_as_am() -> None:
    release = _release("ocr_meridiem_av_NIH-000065.txt")
    assert _message_at(release, 4).sent_raw == "Thursday, April 16, 2020 8:09 AV"
    assert 5 in _diagnostic_lines(release, "date-ocr-repaired")
    assert _header_lines(release, 4) == (4, 8)


def test_meridiem_cut_to_one_letter() -> None:
    release = _release("ocr_meridiem_truncated_original_separator_NIH-000065.txt")
    assert 2 in _diagnostic_lines(release, "date-ocr-repaired")
    assert [p.raw for p in _message_at(release, 1).to] == ['"ZhuChen >']


# -- headers that end without a blank line, wrapped subjects, appointments


def test_subject_wrapped_onto_a_second_line() -> None:
    release = _release("subject_wrapped_arrow_subject_NIH-001239.txt")
    assert _header_lines(release, 1) == (1, 6)
    assert _body_start(release, 1) == 7
    assert [name for name, _ in _fields(release, 8)] == ["from", "sent", "to", "cc", "subject"]
    assert len(_message_at(release, 15).cc) == 3


def test_subject_wrapped_after_a_long_cc() -> None:
    release = _release("subject_wrapped_short_NIH-001620.txt")
    assert _header_lines(release, 1) == (1, 6)
    assert _body_start(release, 1) == 7
    assert len(_message_at(release, 1).cc) == 3


@pytest.mark.parametrize(
    "name",
    [
        "original_appointment_when_where_NIH-000065.txt",
        "original_appointment_recipient_label_lost_NIH-000065.txt",
    ],
)
def test_original_appointment_when_and_where_are_in_the_header(name: str) -> None:
    release = _release(name)
    message = _message_at(release, 1)
    assert message.header is not None and message.header.separator is not None
    assert _header_lines(release, 1) == (1, 6)
    assert _body_start(release, 1) == 7


def test_recipient_list_whose_label_was_lost() -> None:
    release = _release("original_appointment_recipient_label_lost_NIH-000065.txt")
    message = _message_at(release, 1)
    assert [name for name, _ in _fields(release, 1)] == [
        "from",
        "sent",
        "to",
        "subject",
        "when",
        "where",
    ]
    # ``i Kadlec, Robert (OS/ASPR/IO); Conrad, …``: the ``i`` is what the OCR left of ``To:``.
    assert message.to[0].raw == "Kadlec, Robert (OS/ASPR/IO)"
    assert message.to[-1].raw == "Fauci, Anthony (NIH/NIAID) [E]"
    assert 4 in _diagnostic_lines(release, "header-label-lost")


# -- a recipient list broken by blank lines


def test_cc_scattered_over_blank_lines_then_the_subject() -> None:
    release = _release("recipients_scattered_who_invitation_NIH-001051.txt")
    message = _message_at(release, 7)
    assert _header_lines(release, 7) == (7, 18)
    assert _body_start(release, 7) == 19
    assert message.to and message.to[0].raw.startswith("Dzau, Victor J.")
    assert message.cc and message.cc[0].raw == "Gro Brundtland yy OG>"


# -- forwarded blocks, attributions, delegated senders


def test_iphone_forward_with_from_and_date_on_one_line() -> None:
    release = _release("begin_forwarded_from_date_one_line_re_in_subject_NIH-001286.txt")
    message = _message_at(release, 1)
    assert _fields(release, 1) == [
        ("from", "From"),
        ("sent", "Date"),
        ("to", "To"),
        ("subject", "Subject"),
    ]
    assert message.sent_utc == datetime(2020, 2, 27, 0, 13, 41, tzinfo=UTC)
    assert _body_start(release, 1) == 6


def test_iphone_forward_with_ce_on_the_to_line_then_a_stamp() -> None:
    release = _release("begin_forwarded_from_date_lines_bates_NIH-001449.txt")
    message = _message_at(release, 1)
    assert [p.raw for p in message.to] == ['"Conrad, Patricia (NIH/NIAID) [E]" TT we@-']
    assert [p.raw for p in message.cc] == ['“Harris, Kara (NIH/NIAID) [E]" P>']
    assert _kind_of_line(release, 8) == "furniture"
    assert _header_lines(release, 6) == (6, 11)


def test_quoted_attribution() -> None:
    release = _release("attribution_quoted_on_wrote_NIH-001104.txt")
    assert _body_start(release, 1) == 4
    assert _occurrence_at(release, 7).quote_depth == 1
    assert _body_start(release, 7) == 8


def test_attribution_under_a_reply_with_a_zone() -> None:
    release = _release("attribution_on_wrote_NIH-001033.txt")
    message = _message_at(release, 1)
    assert [p.raw for p in message.to] == ["Johnson, Richard Allen,M.D."]
    assert message.sent_utc == datetime(2020, 3, 3, 0, 6, 49, tzinfo=UTC)
    assert _body_start(release, 4) == 5


def test_on_behalf_of_senders() -> None:
    release = _release("on_behalf_of_senders_NIH-001287.txt")
    for line in (1, 20):
        sender = _message_at(release, line).sender
        assert sender is not None and sender.name == "Folkers, Greg"
        assert sender.on_behalf_of is not None and sender.on_behalf_of.startswith("Fauci, Anthony")
    message = _message_at(release, 20)
    assert _header_lines(release, 20) == (20, 21)
    assert len(message.to) == 2
    assert message.cc and message.cc[-1].raw == "Folkers, Greg (NIH/NIAID) [E]"
    assert _kind_of_line(release, 24) == "furniture"
