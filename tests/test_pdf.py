"""PDF input: the seed release and a Clinton document printed to PDF parse as their text does."""

from __future__ import annotations

import statistics
import sys
from collections import Counter
from datetime import datetime
from pathlib import Path

import pytest
from fpdf import FPDF
from hypothesis import given
from hypothesis import strategies as st

import cablethread
from cablethread.reading.pdf import (
    NoTextLayerError,
    PdfSupportMissing,
    _median,
    extract_pages,
    extract_pdf,
)

DATA = Path(__file__).parent / "data"
SEED_PDF = DATA / "mfat_xinjiang_oia.pdf"
CLINTON_PDF = DATA / "clinton_C05769379.pdf"

# The page each printing's header block starts on, as tests/data/make_pdfs.py drew it: one tuple
# per message in order of first appearance, one page per occurrence.
SEED_PAGES = [
    (1, 10),
    (1, 10),
    (4, 13),
    (18,),
    (19,),
    (19,),
    (20,),
    (22,),
    (22,),
    (23,),
    (23,),
    (23,),
    (23,),
    (24,),
    (24,),
    (24,),
    (25,),
    (25,),
    (25,),
    (25,),
    (25,),
    (28,),
    (29,),
]


Key = tuple[str, datetime | None, str]


def _key(message: cablethread.Message) -> Key:
    return (
        message.sender.raw if message.sender else "",
        message.sent_local,
        message.subject.text if message.subject else "",
    )


def _links(release: cablethread.Release) -> set[tuple[Key, Key, str]]:
    keys = {m.id: _key(m) for m in [*release.messages, *release.placeholders]}
    return {(keys[e.parent_id], keys[e.child_id], e.evidence) for e in release.edges}


@pytest.fixture(scope="module")
def seed_pdf() -> cablethread.Release:
    return cablethread.parse_file(SEED_PDF)


def test_seed_pdf_has_the_same_23_messages(
    seed_pdf: cablethread.Release, seed: cablethread.Release
) -> None:
    assert len(seed_pdf.messages) == 23
    assert [_key(m) for m in seed_pdf.messages] == [_key(m) for m in seed.messages]
    assert [[p.raw for p in m.to] for m in seed_pdf.messages] == [
        [p.raw for p in m.to] for m in seed.messages
    ]
    assert [[p.raw for p in m.cc] for m in seed_pdf.messages] == [
        [p.raw for p in m.cc] for m in seed.messages
    ]


def test_seed_pdf_has_the_same_18_reply_links(
    seed_pdf: cablethread.Release, seed: cablethread.Release
) -> None:
    assert len(seed_pdf.edges) == 18
    assert _links(seed_pdf) == _links(seed)
    assert len(seed_pdf.placeholders) == 1
    assert sorted(len(t.message_ids) for t in seed_pdf.threads) == [1, 1, 1, 2, 3, 15]


def test_every_printing_carries_its_page(seed_pdf: cablethread.Release) -> None:
    assert [tuple(o.page for o in m.occurrences) for m in seed_pdf.messages] == SEED_PAGES


def test_release_text_is_the_extracted_text(seed_pdf: cablethread.Release) -> None:
    text, page_of_line = extract_pdf(SEED_PDF)
    assert seed_pdf.text == text
    assert text.count("\x0c") == 30
    for message in seed_pdf.messages:
        for occurrence in message.occurrences:
            assert occurrence.page == page_of_line[occurrence.span.start - 1]
            assert text.split("\n")[occurrence.span.start - 1].lstrip("\x0c").startswith("From:")


def test_page_numbers_at_the_foot_are_furniture(seed_pdf: cablethread.Release) -> None:
    numbers = [
        line.strip()
        for segment in seed_pdf.segments
        if segment.kind == "furniture"
        for line in segment.text.split("\n")
        if line.strip().isdigit()
    ]
    assert numbers == [str(page) for page in range(1, 31)]


def test_header_block_over_a_page_break_keeps_its_fields(
    seed_pdf: cablethread.Release, seed: cablethread.Release
) -> None:
    # Two header blocks of the printed seed run over a page break, the page number between.
    page_of_line = extract_pdf(SEED_PDF).page_of_line
    inside = [d.span for d in seed_pdf.diagnostics if d.code == "header-furniture-inside"]
    assert len(inside) == 2
    as_text = {_key(m): m for m in seed.messages}
    for span in inside:
        assert span is not None
        message, occurrence = next(
            (m, o) for m in seed_pdf.messages for o in m.occurrences if span.start in o.span
        )
        assert occurrence.page == page_of_line[occurrence.span.start - 1]
        assert page_of_line[occurrence.span.end - 1] == occurrence.page + 1
        twin = as_text[_key(message)]
        assert [p.raw for p in message.cc] == [p.raw for p in twin.cc]


def test_clinton_document_page_for_page() -> None:
    text = (DATA / "clinton_C05769379.txt").read_text(encoding="utf-8")
    from_text = cablethread.parse(text)
    from_pdf = cablethread.parse_file(CLINTON_PDF)
    assert len(from_pdf.messages) == len(from_text.messages) == 9
    assert [_key(m) for m in from_pdf.messages] == [_key(m) for m in from_text.messages]
    assert [m.occurrences[0].page for m in from_pdf.messages] == [
        m.occurrences[0].page for m in from_text.messages
    ]
    # Words placed one by one at their columns come back at those columns.
    printed = [line.rstrip() for line in text.replace("\x0c", "").split("\n") if line.strip()]
    extracted = [
        line.rstrip() for line in from_pdf.text.replace("\x0c", "").split("\n") if line.strip()
    ]
    assert extracted == printed


# ---------------------------------------------------------------------------------------------
# PDFs made here, in the core Helvetica face, for the layouts a committed file would hide.
# ---------------------------------------------------------------------------------------------


def _write_pdf(path: Path, pages: list[list[str]], *, running_head: str | None = None) -> Path:
    """Each page's lines from the top, 12 pt apart; an optional head line and a foot number."""
    pdf = FPDF(unit="pt", format="A4")
    pdf.set_font("Helvetica", size=10)
    for number, lines in enumerate(pages, start=1):
        pdf.add_page()
        if running_head:
            pdf.text(56, 40, running_head)
        for index, line in enumerate(lines):
            if line:
                pdf.text(56, 90 + 12 * index, line)
        if lines:
            pdf.text(290, 810, str(number))
    pdf.output(str(path))
    return path


def _image_only_page(pdf: FPDF) -> None:
    pdf.add_page()
    pdf.set_fill_color(40, 40, 40)
    pdf.rect(56, 90, 400, 300, style="F")


def test_cc_list_wrapped_over_a_page_break(tmp_path: Path) -> None:
    first = (
        ["Body of an earlier message.", ""]
        + ["filler line"] * 50
        + [
            "",
            "From: GENEVA",
            "Sent: Thursday, 4 July 2019 5:26 AM",
            "To: NAD; UNHC",
            "Cc: CEO; CANBERRA; BEIJING;",
        ]
    )
    second = [
        "WASHINGTON; NEW YORK",
        "Subject: RE: FORMAL MESSAGE: LETTER ON XINJIANG",
        "",
        "Body.",
    ]
    path = _write_pdf(tmp_path / "wrapped.pdf", [first, second], running_head="IN CONFIDENCE")
    release = cablethread.parse_file(path)
    (message,) = release.messages
    assert [p.raw for p in message.cc] == ["CEO", "CANBERRA", "BEIJING", "WASHINGTON", "NEW YORK"]
    assert message.subject is not None
    assert message.subject.text == "RE: FORMAL MESSAGE: LETTER ON XINJIANG"
    assert message.occurrences[0].page == 1
    heads = [s for s in release.segments if "IN CONFIDENCE" in s.text]
    assert heads and all(s.kind == "furniture" for s in heads)


def test_subject_at_the_foot_does_not_swallow_the_next_page(tmp_path: Path) -> None:
    long_subject = "Subject: FORMAL MESSAGE: PROPOSED LETTER TO THE PRESIDENT OF THE COUNCIL"
    first = ["filler line"] * 52 + [
        "From: GENEVA",
        "Sent: Friday, 28 June 2019 6:56 AM",
        "To: UNHC",
        long_subject,
    ]
    path = _write_pdf(tmp_path / "foot.pdf", [first, ["Summary", "", "Body."]])
    (message,) = cablethread.parse_file(path).messages
    assert message.subject is not None
    assert message.subject.text == long_subject.removeprefix("Subject: ")


def test_stamps_set_at_an_angle_stay_out_of_the_lines(tmp_path: Path) -> None:
    pdf = FPDF(unit="pt", format="A4")
    block = [
        "From: NAD",
        "Sent: Thursday, 11 July 2019 11:25 AM",
        "To: BEIJING; NAD",
        "Subject: RE: FORMAL MESSAGE: XINJIANG",
        "",
        "Body.",
    ]
    for _ in range(2):
        pdf.add_page()
        pdf.set_font("Helvetica", size=10)
        for index, line in enumerate(block):
            pdf.text(56, 90 + 12 * index, line)
        # A release stamp up the left margin and a watermark across the page, as OIA PDFs carry.
        pdf.set_font("Helvetica", size=14)
        with pdf.rotation(angle=90, x=30, y=500):
            pdf.text(30, 500, "Released under the Official Information Act")
        with pdf.rotation(angle=45, x=150, y=600):
            pdf.text(150, 600, "RELEASED UNDER THE OIA")
    pdf.output(str(tmp_path / "stamped.pdf"))
    release = cablethread.parse_file(tmp_path / "stamped.pdf")
    (message,) = release.messages
    assert [p.raw for p in message.to] == ["BEIJING", "NAD"]
    assert len(message.occurrences) == 2
    lines = release.text.replace("\x0c", "").splitlines()
    assert lines[0] == "From: NAD"  # the stamp far left does not indent the page
    stamps = [
        line
        for segment in release.segments
        if segment.kind == "furniture"
        for line in segment.text.replace("\x0c", "").splitlines()
    ]
    assert stamps == ["Released under the Official Information Act", "RELEASED UNDER THE OIA"] * 2


def test_footnote_marks_stay_on_their_line(tmp_path: Path) -> None:
    pdf = FPDF(unit="pt", format="A4")
    pdf.add_page()
    lines = ["From: GENEVA", "Sent: Friday, 28 June 2019 6:56 AM", "To: UNHC", "Subject: LETTER"]
    for index, line in enumerate(lines):
        pdf.set_font("Helvetica", size=10)
        pdf.text(56, 90 + 12 * index, line)
    pdf.text(56, 150, "The Council met on 8 July")
    pdf.set_font("Helvetica", size=6)
    pdf.text(56 + 118, 146, "1")  # raised and smaller, as a word processor sets it
    pdf.set_font("Helvetica", size=10)
    pdf.text(56, 162, "and again on 10 July.")
    pdf.output(str(tmp_path / "footnote.pdf"))
    text = extract_pdf(tmp_path / "footnote.pdf").text
    assert text.split("\n")[:8] == [
        *lines,
        "",
        "The Council met on 8 July 1",
        "and again on 10 July.",
        "\x0c",
    ]


def test_pdf_without_text_layer_names_ocr(tmp_path: Path) -> None:
    pdf = FPDF()
    _image_only_page(pdf)
    _image_only_page(pdf)
    pdf.output(str(tmp_path / "scan.pdf"))
    with pytest.raises(NoTextLayerError, match=r"scan\.pdf: the PDF has no text layer.*ocrmypdf"):
        cablethread.parse_file(tmp_path / "scan.pdf")
    assert issubclass(NoTextLayerError, cablethread.InputError)


def test_a_scanned_page_inside_a_typed_release_is_reported(tmp_path: Path) -> None:
    pdf = FPDF()
    pdf.set_font("Helvetica", size=10)
    pdf.add_page()
    pdf.text(20, 20, "From: NAD")
    pdf.text(20, 25, "Sent: Thursday, 11 July 2019 11:25 AM")
    pdf.text(20, 30, "To: BEIJING")
    _image_only_page(pdf)
    pdf.add_page()
    pdf.text(20, 20, "Released under the Official Information Act")
    pdf.output(str(tmp_path / "mixed.pdf"))
    release = cablethread.parse_file(tmp_path / "mixed.pdf")
    assert len(release.messages) == 1
    (note,) = [d for d in release.diagnostics if d.code == "page-no-text"]
    assert note.severity == "warning"
    assert "page 2" in note.message and "ocrmypdf" in note.message


def test_pages_of_one_word_and_of_none_keep_their_place(tmp_path: Path) -> None:
    """The words of every page are kept together for the document; a page of a single word, a
    page without any and the page after them each come out as their own."""
    pdf = FPDF()
    pdf.set_font("Helvetica", size=10)
    pdf.add_page()
    pdf.text(20, 20, "Alone")
    pdf.add_page()
    pdf.add_page()
    pdf.text(20, 20, "From: NAD")
    pdf.text(20, 25, "To: BEIJING")
    pdf.add_page()
    pdf.text(20, 20, "x")
    pdf.output(str(tmp_path / "sparse.pdf"))
    assert extract_pages(tmp_path / "sparse.pdf") == [
        "Alone\n",
        "",
        "From: NAD\nTo: BEIJING\n",
        "x\n",
    ]


def test_without_the_extra_the_message_names_the_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pypdfium2", None)
    with pytest.raises(PdfSupportMissing, match=r"pip install 'cablethread\[pdf\]'") as caught:
        cablethread.parse_file(SEED_PDF)
    assert isinstance(caught.value, ImportError)
    assert isinstance(caught.value, cablethread.InputError)


def test_broken_pdf_is_a_clear_input_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\x00\x01\x02")
    with pytest.raises(cablethread.InputError, match=r"broken\.pdf: not a readable PDF"):
        cablethread.parse_file(path)


def test_text_that_quotes_the_pdf_marker_is_text(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text(
        "From: NAD\nSent: Thursday, 11 July 2019 11:25 AM\nTo: BEIJING\n"
        "Subject: Files that begin %PDF-1.7 cannot be sent by Seemail\n",
        encoding="utf-8",
    )
    (message,) = cablethread.parse_file(path).messages
    assert message.subject is not None and "%PDF-1.7" in message.subject.text


def test_password_protected_pdf_says_so(tmp_path: Path) -> None:
    pdf = FPDF()
    pdf.set_font("Helvetica", size=10)
    pdf.add_page()
    pdf.text(20, 20, "From: NAD")
    pdf.set_encryption(owner_password="owner", user_password="secret")
    pdf.output(str(tmp_path / "locked.pdf"))
    with pytest.raises(cablethread.InputError, match=r"locked\.pdf: the PDF is encrypted"):
        cablethread.parse_file(tmp_path / "locked.pdf")


def test_open_pdf_file_and_parse_many_read_pdfs(seed_pdf: cablethread.Release) -> None:
    with SEED_PDF.open("rb") as handle:
        from_stream = cablethread.parse_file(handle)
    assert [_key(m) for m in from_stream.messages] == [_key(m) for m in seed_pdf.messages]
    both = cablethread.parse_many([SEED_PDF, DATA / "mfat_xinjiang_oia.txt"])
    assert len(both.messages) == 23


def test_pdfs_read_in_a_thread_pool_parse_as_in_series() -> None:
    from concurrent.futures import ThreadPoolExecutor

    files = [SEED_PDF, CLINTON_PDF, SEED_PDF, CLINTON_PDF]
    serial = cablethread.parse_many(files)
    with ThreadPoolExecutor(max_workers=4) as pool:
        threaded = cablethread.parse_many(files, executor=pool)
    assert threaded.to_json() == serial.to_json()


@given(
    st.lists(
        st.sampled_from([0.1, 4.5, 4.75, 5.0, 6.002, 11.5, 12.0])
        | st.floats(min_value=0.01, max_value=1e4, allow_nan=False),
        min_size=1,
        max_size=60,
    )
)
def test_the_measures_median_is_statistics_median(values: list[float]) -> None:
    """The page measures take their medians from counts of distinct values (a document's words
    have few heights and widths); the median is the one ``statistics.median`` gives."""
    assert _median(Counter(values)) == statistics.median(values)
