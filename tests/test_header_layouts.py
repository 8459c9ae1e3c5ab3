"""Header blocks in every layout the corpora show, one short synthetic case per layout.

The cases imitate what Outlook, BlackBerry, Outlook Express and State's OCR print; each is named
after the layout it exercises.
"""

from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from printed import Block, printed_blocks

import cablethread

US = cablethread.Policy(profile="us-state")

CASES: dict[str, tuple[str, list[Block]]] = {
    "outlook_fields_separated_by_blank_lines": (
        "From: GENEVA\n"
        "\n"
        "Sent: Thursday, 4 July 2019 5:26 AM\n"
        "\n"
        "To: NAD; GENEVA; UNHC\n"
        "\n"
        "Subject: RE: FORMAL MESSAGE: LETTER\n"
        "\n"
        "Thank you.\n",
        [(1, "GENEVA", "2019-07-04 05:26:00", "RE: FORMAL MESSAGE: LETTER")],
    ),
    "outlook_column_aligned_values": (
        "From:                             Mills, Cheryl D <MillsCD@state.gov>\n"
        "Sent:                             Thursday, June 30, 2011 11:41 PM\n"
        "To:                               H\n"
        "Subject:                          Re: flight options\n",
        [(1, "Mills, Cheryl D <MillsCD@state.gov>", "2011-06-30 23:41:00", "Re: flight options")],
    ),
    "blackberry_to_before_sent": (
        "    Original Message\n"
        "From: H <HDR22@clintonemail.com>\n"
        "To: Sullivan, Jacob J\n"
        "Cc: Abedin, Huma\n"
        "Sent: Sat Jan 22 11:25:12 2011\n"
        "Subject: Re: flight options\n",
        [(1, "H <HDR22@clintonemail.com>", "2011-01-22 11:25:12", "Re: flight options")],
    ),
    "original_message_separator_with_dashes": (
        "See below.\n"
        "\n"
        "-----Original Message-----\n"
        "From: Ebner, Daniel [mailto:DEbner@JPI.com]\n"
        "Sent: Wednesday, December 13, 2000 11:17 AM\n"
        "To: 'Richard Donoghue'\n"
        "Subject: RE: This weekend\n"
        "\n"
        "Won't be the same without you.\n",
        [
            (
                3,
                "Ebner, Daniel [mailto:DEbner@JPI.com]",
                "2000-12-13 11:17:00",
                "RE: This weekend",
            )
        ],
    ),
    "outlook_wrapped_to": (
        "From:                  Mills, Cheryl D\n"
        "Sent:                  Thursday, June 30, 2011 11:41 PM\n"
        "To:                    Sullivan, Jacob J; Abedin, Huma; Reines, Philippe I;\n"
        "                       Hanley, Monica R\n"
        "Subject:               Re: flight options\n",
        [(1, "Mills, Cheryl D", "2011-06-30 23:41:00", "Re: flight options")],
    ),
    "outlook_wrapped_cc": (
        "From: Mills, Cheryl D\n"
        "Sent: Thursday, June 30, 2011 11:41 PM\n"
        "To: H\n"
        "Cc: Sullivan, Jacob J; Abedin, Huma; Reines, Philippe I; Hanley, Monica R; Valmoro, Lona;\n"
        "Jiloty, Lauren C\n"
        "Subject: Re: flight options\n",
        [(1, "Mills, Cheryl D", "2011-06-30 23:41:00", "Re: flight options")],
    ),
    "outlook_wrapped_subject": (
        "From:                  Sullivan, Jacob J <SullivanJJ@state.gov>\n"
        "Sent:                  Wednesday, October 28, 2009 6:37 AM\n"
        "To:\n"
        "Subject:               Fw: Tues read-out, including Af/Pak Roll-Out, China, and other\n"
        "                       issues\n"
        "\n"
        "Read-out below.\n",
        [
            (
                1,
                "Sullivan, Jacob J <SullivanJJ@state.gov>",
                "2009-10-28 06:37:00",
                "Fw: Tues read-out, including Af/Pak Roll-Out, China, and other issues",
            )
        ],
    ),
    "label_without_colon": (
        "From:                  Mills, Cheryl D\n"
        "Sent:                  Thursday, June 30, 2011 11:41 PM\n"
        "To:                    H\n"
        "Subject                Re: flight options\n",
        [(1, "Mills, Cheryl D", "2011-06-30 23:41:00", "Re: flight options")],
    ),
    "labels_without_colon_one_space": (
        "             From: Schwartz, Larry\n"
        "             Sent Tuesday, September 11, 2012 5:26 AM\n"
        "             To Ranz, David J; Sievers, Marc J\n"
        "             Subject Cairo Condemnation - Final\n",
        [(1, "Schwartz, Larry", "2012-09-11 05:26:00", "Cairo Condemnation - Final")],
    ),
    "colon_read_as_another_mark": (
        "From: Mills, Cheryl D\n"
        "Sent.Sunday, March 04, 2012 12:30 PM\n"
        "To. Curtis, Meghann A\n"
        "Subject; Re: Seeking your guidance\n",
        [(1, "Mills, Cheryl D", "2012-03-04 12:30:00", "Re: Seeking your guidance")],
    ),
    "from_without_colon_under_separator": (
        "    Original Message\n"
        "From Hanley, Monica R [mailto:HanleyMR@state.gov]\n"
        "Sent: Saturday, September 15, 2012 06:52 PM\n"
        "To: H\n"
        "Subject: Holder\n",
        [
            (
                1,
                "Hanley, Monica R [mailto:HanleyMR@state.gov]",
                "2012-09-15 18:52:00",
                "Holder",
            )
        ],
    ),
    "quoted_header_block": (
        "> Fyi.\n"
        ">\n"
        ">     Original Message\n"
        "> From: H\n"
        "> To: Sullivan, Jacob J\n"
        "> Sent: Sun Sep 06 12:09:44 2009\n"
        "> Subject: Health care\n"
        ">\n"
        "> Pls call.\n",
        [(3, "H", "2009-09-06 12:09:44", "Health care")],
    ),
    "quoted_printable_blanks": (
        " -----Original Message-----\n"
        "From: =09Maurer, Luiz =20\n"
        "Sent:=09Tuesday, November 06, 2001 10:57 AM\n"
        "To:=09Steffes, James D.\n"
        "Subject:=09RE: Alliance\n",
        [(1, "Maurer, Luiz", "2001-11-06 10:57:00", "RE: Alliance")],
    ),
    "repeated_to_lines_sent_last": (
        "     Original Message\n"
        "From: Evergreen\n"
        "To: Lona Valmoro\n"
        "To: PIR\n"
        "Cc: 'hanleymr@state.gov'\n"
        "Subject: Tonight\n"
        "Sent: Jun 23, 2010 5:32 PM\n",
        [(1, "Evergreen", "2010-06-23 17:32:00", "Tonight")],
    ),
    "from_inside_prose": (
        "We heard from the desk this morning.\n"
        "From Washington: the Secretary will travel on Monday.\n"
        "To: be confirmed by the post.\n"
        "From: the desk of the Secretary, a note on travel.\n"
        "Subject to change, as always.\n"
        "\n"
        "From: the desk of the Secretary\n"
        "To be honest, the note is late.\n"
        "Sent Tuesday to all posts.\n",
        [],
    ),
    "memo_heading_to_from_re": (
        "To: Hillary\n"
        "From: Sid\n"
        "Re: N. Ireland forum at CGI\n"
        "\n"
        "1. Shaun Woodward suggested a panel.\n",
        [],
    ),
    "memo_heading_in_capitals": (
        "TO:           Secretary Clinton\n\nFROM:          Mike\n\nSUBJECT:       Issues I Cover\n",
        [],
    ),
    "memo_heading_with_a_date_and_no_time": (
        "To:    Sid Blumenthal\n"
        "\n"
        "From: Scott Horton\n"
        "\n"
        "Date: June 17, 2010\n"
        "\n"
        "Subj: Developments in Kyrgyzstan\n",
        [],
    ),
    "qq_mail_original_between_dashes": (
        "Thanks, see below.\n"
        "------------------ Original ------------------\n"
        'From: "Zhang Wei"<zhangwei@example.cn>;\n'
        "Date: Tue, May 5, 2020 06:06 AM\n"
        'To: "Li Na"<lina@example.cn>;\n'
        "Subject: Samples\n"
        "\n"
        "Dear Li,\n",
        [(2, '"Zhang Wei"<zhangwei@example.cn>', "2020-05-05 06:06:00", "Samples")],
    ),
    "original_opening_a_sentence_is_no_separator": (
        "Original research is slow -- please read on.\n"
        "From: Zhang Wei\n"
        "Date: Tue, May 5, 2020 06:06 AM\n"
        "Subject: Samples\n",
        [(2, "Zhang Wei", "2020-05-05 06:06:00", "Samples")],
    ),
    "ocr_lost_the_to_label_of_a_list": (
        "From: Doe, Jane (NIH/OD) [E]\n"
        "Sent: Monday, April 6, 2020 1:36 PM\n"
        "i Roe, Rick (NIH/OD) [E]; Poe, Pat (NIH/OD) [E]\n"
        "Subject: Plans\n"
        "\n"
        "Text.\n",
        [(1, "Doe, Jane (NIH/OD) [E]", "2020-04-06 13:36:00", "Plans")],
    ),
    "telegram_header_inside_email": (
        "MRN:                       12 OECD PARIS 288\n"
        "Date/DTG:                  Nov 30, 2012/ 301441Z NOV 12\n"
        "From:                      USMISSION OECD PARIS\n"
        "Action:                    WASHDC, SECSTATE ROUTINE\n"
        "E.O.:                      13526\n"
        "Subject:                   (U) Select the Next U.S. Deputy Secretary General\n",
        [],
    ),
}


def _parse(text: str) -> cablethread.Release:
    return cablethread.parse(text, US)


@pytest.mark.parametrize("layout", sorted(CASES))
def test_blocks_of_each_layout(layout: str) -> None:
    text, blocks = CASES[layout]
    assert printed_blocks(_parse(text)) == blocks


@pytest.mark.parametrize("layout", sorted(CASES))
def test_segments_rebuild_each_layout(layout: str) -> None:
    text, _blocks = CASES[layout]
    assert _parse(text).text == text


def test_outlook_wrapped_to_keeps_every_recipient() -> None:
    message = _parse(CASES["outlook_wrapped_to"][0]).messages[0]
    assert [p.raw for p in message.to] == [
        "Sullivan, Jacob J",
        "Abedin, Huma",
        "Reines, Philippe I",
        "Hanley, Monica R",
    ]


def test_outlook_wrapped_cc_keeps_every_recipient() -> None:
    message = _parse(CASES["outlook_wrapped_cc"][0]).messages[0]
    assert [p.raw for p in message.cc][-2:] == ["Valmoro, Lona", "Jiloty, Lauren C"]
    assert message.header is not None and message.header.span.end == 6


def test_label_without_colon_is_noted() -> None:
    release = _parse(CASES["label_without_colon"][0])
    noted = [d for d in release.diagnostics if d.code == "header-label-no-colon"]
    assert [(d.span.start if d.span else None) for d in noted] == [4]


def test_labels_without_colon_one_space_keep_their_values() -> None:
    message = _parse(CASES["labels_without_colon_one_space"][0]).messages[0]
    assert [p.raw for p in message.to] == ["Ranz, David J", "Sievers, Marc J"]


def test_repeated_to_lines_are_one_recipient_each() -> None:
    message = _parse(CASES["repeated_to_lines_sent_last"][0]).messages[0]
    assert [p.raw for p in message.to] == ["Lona Valmoro", "PIR"]


def test_quoted_values_carry_no_quote_marks() -> None:
    message = _parse(CASES["quoted_header_block"][0]).messages[0]
    assert [p.raw for p in message.to] == ["Sullivan, Jacob J"]
    assert message.header is not None and message.header.separator == "Original Message"


@pytest.mark.parametrize("quote", ["", "> "])
def test_end_of_a_blanked_address_opening_a_line_is_no_quote_mark(quote: str) -> None:
    release = _parse(
        f"{quote}From: Doe, Jane (NIH/OD) [E]\n"
        f"{quote}Sent: Monday, March 2, 2020 9:00 AM\n"
        f"{quote}To: Roe, Rick (NIH/OD) [E]\n"
        f"{quote}>; Poe, Pat (NIH/OD) [E]\n"
        f"{quote}Subject: Plans\n"
    )
    (message,) = release.messages
    assert [p.raw for p in message.to] == ["Roe, Rick (NIH/OD) [E] >", "Poe, Pat (NIH/OD) [E]"]
    assert message.occurrences[0].quote_depth == len(quote.strip())


def test_margin_code_on_a_header_line_is_a_redaction_not_a_recipient() -> None:
    text = (
        "From:        Mills, Cheryl D\n"
        "Sent:        Thursday, June 30, 2011 11:41 PM\n"
        "To:          Sullivan, Jacob J                                        B6\n"
        "Subject:     Re: flight options\n"
    )
    message = _parse(text).messages[0]
    assert [p.raw for p in message.to] == ["Sullivan, Jacob J"]
    assert [(r.code, r.field, r.span.start, r.ground) for r in message.redactions] == [
        ("b6", "to", 3, "FOIA (b)(6)")
    ]


def test_margin_code_alone_between_two_fields() -> None:
    text = (
        "From: Brennan, John O.\n"
        "To: Donilon, Thomas E.\n"
        "                                                                  B6\n"
        "Sent: Saturday, November 10, 2012 07:06 PM\n"
        "Subject: DP\n"
    )
    release = _parse(text)
    message = release.messages[0]
    assert message.header is not None and message.header.span.end == 5
    assert [p.raw for p in message.to] == ["Donilon, Thomas E."]
    assert [(r.code, r.span.start) for r in message.redactions] == [("b6", 3)]


def test_release_banner_inside_a_block_is_furniture() -> None:
    text = (
        "From:        Mills, Cheryl D\n"
        "Sent:        Thursday, June 30, 2011 11:41 PM\n"
        "                                                     RELEASE IN PART\n"
        "                                                     B5,B6\n"
        "To:          H\n"
        "Subject:     Re: flight options\n"
    )
    release = _parse(text)
    message = release.messages[0]
    assert message.header is not None and message.header.span.end == 6
    assert [p.raw for p in message.to] == ["H"]
    assert [(s.kind, s.span.start, s.span.end) for s in release.segments] == [
        ("header", 1, 2),
        ("furniture", 3, 4),
        ("header", 5, 6),
    ]


def test_banner_split_over_lines_beside_the_header() -> None:
    text = (
        "From:     Sullivan, Jacob J <SullivanJJ@state.gov>             RELEASE IN\n"
        "Sent:     Thursday, June 28, 2012 10:11 AM                     PART B1,1.4(D)\n"
        "To:       H\n"
        "Subject:  Fw: Latest info\n"
    )
    message = _parse(text).messages[0]
    assert message.sender is not None
    assert message.sender.raw == "Sullivan, Jacob J <SullivanJJ@state.gov>"
    assert message.sent_local == datetime(2012, 6, 28, 10, 11)
    assert [(r.code, r.jurisdiction) for r in message.redactions] == [
        ("b1", "us-foia"),
        ("1.4(d)", "us-eo13526"),
    ]


@pytest.mark.parametrize("page_number", ["Page 2 of 3", "- 2 -"])
def test_page_number_inside_a_block_is_furniture(page_number: str) -> None:
    text = (
        "From: Mills, Cheryl D\n"
        "Sent: Thursday, June 30, 2011 11:41 PM\n"
        "To: H\n"
        "\n"
        f"{page_number}\n"
        "\n"
        "Subject: Re: flight options\n"
    )
    release = _parse(text)
    assert printed_blocks(release) == [
        (1, "Mills, Cheryl D", "2011-06-30 23:41:00", "Re: flight options")
    ]
    assert [s.kind for s in release.segments if 5 in s.span] == ["furniture"]


def test_page_stamp_inside_a_body_is_furniture() -> None:
    stamp = (
        "       UNCLASSIFIED U.S. Department of State Case No. F-2014-20439 Doc No. C05765928 "
        "Date: 08/31/2015"
    )
    text = (
        "From: Mills, Cheryl D\n"
        "Sent: Thursday, June 30, 2011 11:41 PM\n"
        "To: H\n"
        "Subject: Re: flight options\n"
        "\n"
        "The first page ends here.\n"
        f"{stamp}\n"
        "And the body goes on.\n"
    )
    release = _parse(text)
    assert [(s.kind, s.span.start, s.span.end) for s in release.segments] == [
        ("header", 1, 4),
        ("body", 5, 6),
        ("furniture", 7, 7),
        ("body", 8, 8),
    ]


def test_declassification_stamp_beside_the_header_is_left_out_of_values() -> None:
    text = (
        "From:     Sullivan, Jacob J <SullivanJJ@state.gov>     Classified by DAS, A/GIS,\n"
        "Sent:     Thursday, July 09, 2009 8:05 PM              DoS on 07/30/2015 — Class:\n"
        "To:       H                                            CONFIDENTIAL — Reason:\n"
        "                                                       1.4(B), 1.4(D) — Declassify\n"
        "Subject:  FW: Morningstar Conversation\n"
        "                                                       on: 07/08/2024\n"
    )
    release = _parse(text)
    message = release.messages[0]
    assert (message.sent_raw, [p.raw for p in message.to]) == (
        "Thursday, July 09, 2009 8:05 PM",
        ["H"],
    )
    assert message.subject is not None and message.subject.text == "FW: Morningstar Conversation"
    # The classification reasons of the stamp are not withholding codes.
    assert message.redactions == []
    assert [s.kind for s in release.segments] == ["header", "furniture", "header", "furniture"]


@pytest.mark.parametrize(
    ("line", "code", "ground"),
    [
        ("B7(C)", "b7(c)", "FOIA (b)(7)(C)"),
        ("(b)(6)", "b6", "FOIA (b)(6)"),
        ("B1, B5", "b1", "FOIA (b)(1)"),
    ],
)
def test_us_withholding_codes_in_a_body_are_redactions(line: str, code: str, ground: str) -> None:
    text = (
        "From: Mills, Cheryl D\n"
        "Sent: Thursday, June 30, 2011 11:41 PM\n"
        "To: H\n"
        "Subject: Re: flight options\n"
        "\n"
        f"The call is with                       {line}\n"
    )
    redactions = _parse(text).messages[0].redactions
    assert (redactions[0].code, redactions[0].ground, redactions[0].span.start) == (code, ground, 6)


_LINES = st.sampled_from(
    [
        "From: Mills, Cheryl D",
        "From Washington: the Secretary",
        "Sent: Thursday, June 30, 2011 11:41 PM",
        "Sent Tuesday, September 11, 2012 5:26 AM",
        "To: H; Abedin, Huma",
        "To Ranz, David J",
        "Cc: Sullivan, Jacob J                    B6",
        "Subject                Re: flight options",
        "Re: N. Ireland",
        "    Original Message",
        "> From: H",
        "RELEASE IN PART",
        "B5,B6",
        "UNCLASSIFIED U.S. Department of State Case No. F-2014-20439 Doc No. C05765928 Date: 08/31/2015",
        "Page 2 of 3",
        "                                            1.4(B), 1.4(D) — Declassify",
        "Sent:=09Tuesday, November 06, 2001 10:57 AM",
        "",
        "   ",
        "Body text, with a comma; and a semicolon.",
    ]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_LINES, max_size=30), st.sampled_from(["\n", "\r\n"]), st.booleans())
def test_any_mix_of_header_lines_is_rebuilt_exactly(
    lines: list[str], newline: str, final_newline: bool
) -> None:
    text = newline.join(lines) + (newline if final_newline and lines else "")
    release = _parse(text)
    assert release.text == text
    numbers = [n for s in release.segments for n in s.span.lines]
    assert numbers == list(range(1, len(numbers) + 1))
    for party in [p for m in release.messages for p in [m.sender, *m.to, *m.cc] if p]:
        assert party.raw.strip() not in {"B5", "B6", "B5,B6"}


_LONG = 100_000
ADVERSARIAL = {
    "separator_then_blanks": "Original Message" + " " * _LONG + "x" * 50,
    "framed_separator_blanks": "--" + " " * _LONG + "Original" + " " * _LONG + "x",
    "label_then_blanks": "From: x\nTo" + " " * _LONG + "y",
    "sent_of_words": "From: x\nSent: " + "Monday, " * (_LONG // 8),
    "subject_run_on": "From: x\nSent: Monday, 1 July 2019 10:00 AM\nSubject: " + "A " * _LONG,
    "gaps_in_a_value": "From: x\nTo: " + "a    " * (_LONG // 5),
    "margin_codes_without_end": "From: x\nTo: H" + "   B6" * (_LONG // 5),
    "quote_marks": ">" * _LONG + " From: x",
}


@pytest.mark.timeout(20)
@pytest.mark.parametrize("case", sorted(ADVERSARIAL))
def test_adversarial_lines_take_linear_time(case: str) -> None:
    text = ADVERSARIAL[case]
    assert _parse(text).text == text
