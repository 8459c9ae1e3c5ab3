"""The New Zealand MFAT Xinjiang release: every message, every field, as printed."""

from __future__ import annotations

from datetime import datetime

import pytest

import cablethread

# Cc lists of the release, as printed (wraps repaired).
CC_LONG = (
    "...CHINA POSTS; CEO; DCE; DS AAG; DS MLG; DS EMA; UNHC; AMER; EUR; AUS; ARD; WASHINGTON; "
    "LONDON; CANBERRA; OTTAWA; NEW YORK; GENEVA; FM.NAB (Seemail); FM.DPMC (FPA) (Seemail); "
    "FM.P/S MFA (Seemail); FM.Defence (Seemail); ISED; SEA; HONOLULU; ...ARF POSTS; "
    "...EAS POSTS; ...MEA POSTS; ...EUROPEAN POSTS; MEA"
)
CC_LETTER = (
    "...CHINA POSTS; FM.P/S MFA (Seemail); FM.DPMC (FPA) (Seemail); DS AAG; DS MLG; CEO; DCE; "
    "NEW YORK; CANBERRA; WASHINGTON; TOKYO; AUS; OTTAWA; FM.Defence (Seemail); "
    "FM.P/S Trade (Seemail); FM.NAB (Seemail)"
)
CC_JULY = (
    "FM.P/S MFA (Seemail); DS AAG; DS MLG; FM.DPMC (FPA) (Seemail); AUS; TOKYO; CEO; CANBERRA; "
    "WASHINGTON; NEW YORK"
)
CC_JULY_B = (
    "FM.P/S MFA (Seemail); DS AAG; DS MLG; FM.DPMC (FPA) (Seemail); AUS; TOKYO; BEIJING; CEO; "
    "CANBERRA; WASHINGTON; NEW YORK"
)
CC_EARLY = (
    "CEO; CANBERRA; BEIJING; WASHINGTON; NEW YORK; FM.P/S MFA (Seemail); DS AAG; DS MLG; "
    "FM.DPMC (FPA) (Seemail)"
)
PROPOSED = (
    "FORMAL MESSAGE: PROPOSED LETTER TO THE PRESIDENT OF THE HUMAN RIGHTS COUNCIL ON XINJIANG"
)
LETTER = "FORMAL MESSAGE: LETTER TO THE PRESIDENT OF THE HUMAN RIGHTS COUNCIL ON XINJIANG"
NEXT_STEPS = "FORMAL MESSAGE: CHINA: XINJIANG: UPDATE AND CONSIDERATION OF NEXT STEPS"

# (header lines of every printing, sender, wall clock, To, Cc, subject)
EXPECTED = [
    ((14, 405), "NAD", "2019-07-11 11:25", "BEIJING; NAD; UNHC", CC_LONG, "RE: " + NEXT_STEPS),
    ((46, 437), "BEIJING", "2019-05-17 00:38", "NAD; UNHC", CC_LONG, NEXT_STEPS),
    (
        (159, 550),
        "BEIJING",
        "2018-11-06 01:42",
        "BEIJING; NAD; UNHC",
        CC_LONG,
        "FORMAL MESSAGE: XINJIANG UPDATE: CHINA PUSHES BACK AHEAD OF GENEVA HUMAN RIGHTS REVIEW",
    ),
    (
        (781,),
        "NAD",
        "2019-07-24 12:59",
        "GENEVA; BEIJING; NAD; UNHC",
        CC_LETTER,
        "RE: FORMAL MESSAGE: s6(a) XINJIANG LETTER",
    ),
    (
        (814,),
        "GENEVA",
        "2019-07-24 01:54",
        "BEIJING; GENEVA; NAD; UNHC",
        CC_LETTER,
        "RE: FORMAL MESSAGE: s6(a) XINJIANG LETTER",
    ),
    (
        (842,),
        "BEIJING",
        "2019-07-22 15:27",
        "GENEVA; NAD; UNHC",
        CC_LETTER,
        "FORMAL MESSAGE: s6(a) XINJIANG LETTER",
    ),
    ((866,), "BEIJING", "2019-07-12 20:04", "BEIJING; GENEVA; NAD; UNHC", CC_JULY, "RE: " + LETTER),
    ((933,), "GENEVA", "2019-07-11 04:53", "BEIJING; GENEVA; NAD; UNHC", CC_JULY, "RE: " + LETTER),
    ((943,), "BEIJING", "2019-07-10 11:18", "GENEVA; NAD; UNHC", CC_JULY_B, "RE: " + LETTER),
    ((967,), "GENEVA", "2019-07-10 01:10", "GENEVA; NAD; UNHC", CC_JULY_B, LETTER),
    ((977,), "GENEVA", "2019-07-08 18:43", "NAD; GENEVA; UNHC", CC_JULY_B, "RE: " + LETTER),
    ((995,), "NAD", "2019-07-08 02:48", "GENEVA; NAD; UNHC", CC_JULY_B, "RE: " + PROPOSED),
    ((1011,), "GENEVA", "2019-07-06 04:53", "NAD; GENEVA; UNHC", CC_JULY_B, "RE: " + PROPOSED),
    ((1025,), "NAD", "2019-07-05 08:32", "GENEVA; UNHC; NAD", CC_JULY_B, "RE: " + PROPOSED),
    ((1037,), "GENEVA", "2019-07-05 06:50", "UNHC; GENEVA; NAD", CC_JULY_B, "RE: " + PROPOSED),
    ((1053,), "UNHC", "2019-07-04 07:18", "GENEVA; NAD; UNHC", CC_JULY_B, "RE: " + PROPOSED),
    ((1071,), "GENEVA", "2019-07-04 05:26", "NAD; GENEVA; UNHC", CC_EARLY, "RE: " + PROPOSED),
    ((1079,), "NAD", "2019-07-03 07:00", "GENEVA; NAD; UNHC", CC_EARLY, "RE: " + PROPOSED),
    ((1087,), "GENEVA", "2019-07-02 05:13", "NAD; UNHC; GENEVA", CC_EARLY, "RE: " + PROPOSED),
    ((1097,), "NAD", "2019-07-01 07:04", "GENEVA; UNHC", "NAD; " + CC_EARLY, "RE: " + PROPOSED),
    (
        (1111,),
        "GENEVA",
        "2019-06-28 06:56",
        "UNHC",
        "NAD; CEO; CANBERRA; BEIJING; WASHINGTON; NEW YORK; FM.P/S MFA (Seemail); DS AAG; "
        "GENEVA; DS MLG; FM.DPMC (FPA) (Seemail)",
        PROPOSED,
    ),
    (
        (1289,),
        "NAD",
        "2019-07-17 14:25",
        "BEIJING; GENEVA; NAD; UNHC; AMER",
        CC_JULY,
        "RE: FORMAL MESSAGE: XINJIANG",
    ),
    (
        (1321,),
        "GEELS, Deborah (NAD)",
        "2019-07-12 19:01",
        "s9(2)(a); s9(2)(g)(i)",
        "MEDIA; KING, Ben (DS AAG); HEWSON, Brian (NAD); GOULD, Jacinta (NAD); "
        "EDLSON, Madison (NAD)",
        "TPs for Xinjiang statement New Zealand signed",
    ),
]


def test_finds_26_blocks_and_23_distinct_messages(seed: cablethread.Release) -> None:
    assert len(seed.messages) == 23
    assert sum(len(m.occurrences) for m in seed.messages) == 26
    assert sum(1 for s in seed.segments if s.kind == "header") == 26


@pytest.mark.parametrize("expected", EXPECTED, ids=[f"line-{e[0][0]}" for e in EXPECTED])
def test_every_message_as_printed(seed: cablethread.Release, expected: tuple) -> None:  # type: ignore[type-arg]
    lines, sender, sent, to, cc, subject = expected
    by_line = {m.occurrences[0].span.start: m for m in seed.messages}
    message = by_line[lines[0]]
    assert tuple(o.span.start for o in message.occurrences) == lines
    assert message.sender is not None and message.sender.raw == sender
    assert message.sent_local == datetime.strptime(sent, "%Y-%m-%d %H:%M")
    assert "; ".join(p.raw for p in message.to) == to
    assert "; ".join(p.raw for p in message.cc) == cc
    assert message.subject is not None and message.subject.text == subject


def test_messages_in_order_of_first_appearance(seed: cablethread.Release) -> None:
    starts = [m.occurrences[0].span.start for m in seed.messages]
    assert starts == [e[0][0] for e in EXPECTED]


def test_segments_rebuild_the_release(seed: cablethread.Release, seed_text: str) -> None:
    assert "".join(s.text for s in seed.segments) == seed_text
    numbers = [n for s in seed.segments for n in s.span.lines]
    assert numbers == list(range(1, seed_text.count("\n") + 2))[: len(numbers)]
    assert len(numbers) == len(seed_text.splitlines())


def test_page_stamps_are_furniture_never_fields(seed: cablethread.Release) -> None:
    furniture = [s for s in seed.segments if s.kind == "furniture"]
    assert furniture and all("Official Information Act" in s.text for s in furniture)
    for message in seed.messages:
        assert message.header is not None
        for field in message.header.fields:
            assert "Released under" not in field.value


def test_document_schedule_is_its_own_segment(seed: cablethread.Release) -> None:
    schedules = [s for s in seed.segments if s.kind == "schedule"]
    assert [s.span.start for s in schedules] == [3, 393]
    assert all(s.text.startswith("Document schedule") for s in schedules)


def test_subject_wrapped_after_blank_and_code_is_joined(seed: cablethread.Release) -> None:
    message = next(m for m in seed.messages if m.occurrences[0].span.start == 814)
    assert message.subject is not None
    assert message.subject.raw == "RE: FORMAL MESSAGE: s6(a)\nXINJIANG LETTER"
    assert message.subject.thread_key == "XINJIANG LETTER"
    assert [r.code for r in message.subject.redactions] == ["s6(a)"]
    joined = [d for d in seed.diagnostics if d.code == "header-subject-joined"]
    assert {d.span.start for d in joined if d.span} >= {787, 822, 850}


def test_body_line_after_subject_is_not_swallowed(seed: cablethread.Release) -> None:
    # "HANDLING" follows the subject after a blank line; it stays in the body.
    message = seed.messages[0]
    assert message.header is not None and message.header.span.end == 22
    assert message.occurrences[0].body_span is not None
    assert message.occurrences[0].body_span.start == 23


def test_withholding_codes_carry_ground_and_meaning(seed: cablethread.Release) -> None:
    message = seed.messages[0]
    codes = [r.code for r in message.redactions]
    assert codes[:2] == ["s9(2)(g)(ii)", "s6(a)"]
    assert "out-of-scope" in codes
    first = message.redactions[0]
    assert first.ground == "OIA s9(2)(g)(ii)" and "harassment" in first.meaning
    assert first.span.start == 26


def test_ocr_damaged_codes_are_read_and_flagged(seed: cablethread.Release) -> None:
    damaged = {
        (d.span.start if d.span else 0): d.message
        for d in seed.diagnostics
        if d.code == "redaction-ocr-damaged"
    }
    assert set(damaged) == {1021, 1047}
    message = next(m for m in seed.messages if m.occurrences[0].span.start == 1011)
    assert [(r.raw, r.code, r.ocr_damaged) for r in message.redactions[:1]] == [
        ("i(a)", "s6(a)", True)
    ]


def test_withheld_recipients_are_withheld_parties(seed: cablethread.Release) -> None:
    message = seed.messages[-1]
    assert [(p.kind, p.redaction.code if p.redaction else None) for p in message.to] == [
        ("withheld", "s9(2)(a)"),
        ("withheld", "s9(2)(g)(i)"),
    ]


def test_person_with_unit(seed: cablethread.Release) -> None:
    sender = seed.messages[-1].sender
    assert sender is not None
    assert (sender.kind, sender.name, sender.unit) == ("person", "GEELS, Deborah", "NAD")


def test_printed_twice_renderings_that_differ_are_reported(seed: cablethread.Release) -> None:
    variants = [d for d in seed.diagnostics if d.code == "message-variant"]
    assert {d.span.start for d in variants if d.span} == {46, 159}


def test_profile_detected_from_the_stamp(seed: cablethread.Release) -> None:
    assert seed.profile == "nz-mfat"
    assert any(d.code == "profile-detected" for d in seed.diagnostics)
