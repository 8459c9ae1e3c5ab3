"""Pages of a text: form feeds (``pdftotext``'s, or cablethread.reading.pdf's) give each line its page."""

from __future__ import annotations

import cablethread
from cablethread.reading.source import SourceText
from cablethread.scan.pages import edge_furniture

BLOCK = (
    "From: NAD\n"
    "Sent: Thursday, 11 July 2019 11:25 AM\n"
    "To: BEIJING\n"
    "Subject: RE: FORMAL MESSAGE: XINJIANG\n"
    "\n"
    "Body.\n"
)


def test_form_feeds_give_pages_and_plain_text_has_none() -> None:
    paged = cablethread.parse("Cover note\n\x0c" + BLOCK + "\x0c")
    assert paged.messages[0].occurrences[0].page == 2
    plain = cablethread.parse(BLOCK)
    assert plain.messages[0].occurrences[0].page is None


def test_pdftotext_page_ends() -> None:
    source = SourceText("one\n\x0ctwo\n\x0c\x0cfour\n\x0c")
    assert [source.page(n) for n in range(1, len(source) + 1)] == [1, 2, 4, 4]
    assert source.page_count == 4
    assert source.blank_pages() == [3]


def test_running_head_and_page_numbers_are_furniture() -> None:
    paragraphs = ["China's response.", "Turkey's position.", "Next steps.", "Media lines."]
    pages = [
        f"OIA-2019-0142 Document {page}\n\n{paragraph}\n\n{page}\n"
        for page, paragraph in enumerate(paragraphs, start=1)
    ]
    text = "\x0c".join(pages) + "\x0c"
    release = cablethread.parse(text)
    furniture = [
        line.strip("\x0c")
        for segment in release.segments
        if segment.kind == "furniture"
        for line in segment.text.splitlines()
        if line.strip()
    ]
    assert furniture == [
        line for page in range(1, 5) for line in (f"OIA-2019-0142 Document {page}", f"{page}")
    ]


def test_codes_and_fields_at_page_edges_stay_content() -> None:
    # A withholding code that happens to end every page is still the agency's code, not furniture.
    paragraphs = ["China's response.", "Turkey's position.", "Next steps.", "Media lines."]
    text = "".join(f"{paragraph}\n\ns6(a)\n\x0c" for paragraph in paragraphs)
    assert edge_furniture(SourceText(text)) == frozenset()
    release = cablethread.parse(text)
    assert all(s.kind != "furniture" for s in release.segments)


def test_cc_wrapped_over_a_page_break_with_stamps_between() -> None:
    text = (
        "From: GENEVA\n"
        "Sent: Thursday, 4 July 2019 5:26 AM\n"
        "To: NAD; UNHC\n"
        "Cc: CEO; CANBERRA; BEIJING;\n"
        "\n\n\n"
        "Released under the Official Information Act\n"
        "\x0cReleased under the Official Information Act\n"
        "\n\n\n"
        "WASHINGTON; NEW YORK\n"
        "Subject: RE: FORMAL MESSAGE: LETTER\n"
        "\n"
        "Body.\n\x0c"
    )
    (message,) = cablethread.parse(text).messages
    assert [p.raw for p in message.cc] == ["CEO", "CANBERRA", "BEIJING", "WASHINGTON", "NEW YORK"]
    assert message.subject is not None and message.subject.text == "RE: FORMAL MESSAGE: LETTER"


def test_a_page_break_ends_a_long_subject() -> None:
    subject = "RE: FORMAL MESSAGE: PROPOSED LETTER TO THE PRESIDENT OF THE HUMAN RIGHTS COUNCIL"
    text = (
        "From: GENEVA\nSent: Friday, 28 June 2019 6:56 AM\nTo: UNHC\n"
        f"Subject: {subject}\n\x0cSummary\n\nBody.\n\x0c"
    )
    (message,) = cablethread.parse(text).messages
    assert message.subject is not None and message.subject.text == subject
    # Without the page break the line below a long subject is read as its wrapped tail.
    (joined,) = cablethread.parse(text.replace("\x0c", "")).messages
    assert joined.subject is not None and joined.subject.text == f"{subject} Summary"
