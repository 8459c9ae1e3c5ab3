"""Where a subject ends when no blank line parts the header from its body.

OCR drops the blank line under a header, so the line after a subject is as often the body's first
line as the subject's remainder. The passages from the NIH release are cut from
``data/nih/nih_fauci_foia_ocr.txt`` (provenance in ``data/PROVENANCE.md``) by line number.
"""

from __future__ import annotations

from pathlib import Path

import cablethread
from cablethread import Message, Release

NIH = (Path(__file__).parent / "data" / "nih" / "nih_fauci_foia_ocr.txt").read_text("utf-8")
NIH_LINES = NIH.split("\n")


def nih_passage(first: int, last: int) -> Release:
    """The NIH release's lines ``first`` to ``last``, parsed as a text of their own."""
    return cablethread.parse("\n".join(NIH_LINES[first - 1 : last]) + "\n")


def first_message(release: Release) -> Message:
    return next(m for m in release.messages if m.occurrences[0].span.start == 1)


def kind_of_line(release: Release, line: int) -> str:
    return next(s.kind for s in release.segments if line in s.span)


def test_ocr_body_line_in_capitals_under_a_whole_subject() -> None:
    # ``… Subject: FW: Sky News`` / ``We should discuss`` / ``Anthony S. Fauci, MD``.
    release = nih_passage(172, 183)
    message = first_message(release)
    assert message.subject is not None and message.subject.text == "FW: Sky News"
    assert kind_of_line(release, 3) == "body"
    assert not [d for d in release.diagnostics if d.code == "header-subject-joined"]


def test_ocr_subject_broken_mid_phrase_goes_on() -> None:
    # ``… on convalescent serum for`` / ``Coronavirus``: a line cannot end a phrase on ``for``.
    release = nih_passage(3289, 3300)
    message = first_message(release)
    assert message.subject is not None
    assert message.subject.text == (
        "RE: My OpEd on the WSJ coming out Friday on convalescent serum for Coronavirus"
    )
    assert kind_of_line(release, 3) == "header"
    assert kind_of_line(release, 4) == "body"


OCR_WRAP_ALIKE_BELOW = """\
From: Fauci, Anthony (NIH/NIAID) [E]
Sent: Thu, 30 Apr 2020 12:03:11 +0000 To: Conrad, Patricia (NIH/NIAID) [E] Subject: RE: Jared Kushner Defends Dr. Fauci After Fox News Host Criticises Top
Coronavirus Task Force Expert
Thanks for sending.
From: Avi Schiffman
Sent: Wednesday, April 29, 2020 9:12 PM
To: Fauci, Anthony (NIH/NIAID) [E]
Subject: Jared Kushner Defends Dr. Fauci After Fox News Host Criticises Top Coronavirus Task Foree Expert

Just wanted to share an article.
"""


def test_ocr_subject_read_on_by_the_subject_printed_below_despite_ocr_noise() -> None:
    # ``… Criticises Top`` / ``Coronavirus Task Force Expert`` above ``… Task Foree Expert``: the
    # same words but for a letter misread, so the line under the block is the subject's.
    release = cablethread.parse(OCR_WRAP_ALIKE_BELOW)
    message = first_message(release)
    assert message.subject is not None
    assert message.subject.text == (
        "RE: Jared Kushner Defends Dr. Fauci After Fox News Host Criticises Top Coronavirus "
        "Task Force Expert"
    )
    assert kind_of_line(release, 4) == "body"
    joined = [d for d in release.diagnostics if d.code == "header-subject-joined"]
    assert joined and "as the subject printed below reads it" in joined[0].message


def test_ocr_continuation_not_alike_the_subject_below_stays_body() -> None:
    # ``… Travis AFB`` / ``We should probably also include Rick Davey …`` above a subject that ran
    # on into its own body (``… Travis AFB Larry``): no word-for-word evidence, no join.
    release = nih_passage(37084, 37100)
    message = first_message(release)
    assert message.subject is not None
    assert message.subject.text == (
        "RE: 3 COVID-19 Asymptomatic Positive Individuals Identified at Travis AFB"
    )


CLEAN_WRAP = """\
From: Moore, Anna W
To: NEWS-Afghanistan
Sent: Fri Oct 15 07:42:13 2010
Subject: Update: (Reuters) LONDON: US GEN PETRAEUS SAYS ISAF FACILITATED PASSAGE OF SENIOR TALIBAN
COMMANDER TO KABUL FOR TALKS

The text of the report.
"""


def test_clean_release_subject_remainder_above_the_blank_line() -> None:
    # A page printed with its blank lines: the short line the blank line closes is the subject's.
    message = cablethread.parse(CLEAN_WRAP).messages[0]
    assert message.subject is not None
    assert message.subject.text.endswith("SENIOR TALIBAN COMMANDER TO KABUL FOR TALKS")


LENGTHENED_BELOW_WRAP = """\
From: Moore, Darwin
Sent: Tuesday, July 25, 2000 10:29 AM
To: Bassett, Greg
Subject: FW: Final Report - Sales Tax
Calculation for the JLI POS System
Do either of you know what, if anything, was ever done as a result of this?

From: Holley, Gary
Sent: Monday, July 24, 2000 4:02 PM
To: Moore, Darwin
Subject: Final Report - Sales Tax Calculation

The report is attached.
"""


def test_subject_below_shows_the_wrap_and_a_lengthened_rest_is_kept() -> None:
    # The subject below reaches into the line under the block; the words after it there
    # (``for the JLI POS System``) do not read as body text: the forwarder lengthened it.
    release = cablethread.parse(LENGTHENED_BELOW_WRAP)
    message = release.messages[0]
    assert message.subject is not None
    assert message.subject.text == "FW: Final Report - Sales Tax Calculation for the JLI POS System"
    assert kind_of_line(release, 6) == "body"


def test_line_in_lower_case_goes_on_as_before() -> None:
    text = (
        "From: A Sender\nSent: Monday, July 24, 2000 4:02 PM\nTo: B Receiver\n"
        "Subject: Request for the inclusion of the following two items in the agenda of\n"
        "tomorrow's meeting\nPlease see below.\n"
    )
    message = cablethread.parse(text).messages[0]
    assert message.subject is not None
    assert message.subject.text.endswith("in the agenda of tomorrow's meeting")


def test_ocr_sentence_under_a_subject_closed_by_a_blank_line_is_body() -> None:
    # ``Subject: RE: Expert U.S. panel … for COVID-19`` / ``We don't have to decide this`` /
    # blank / ``tonight...``: a blank line under it, but written as a sentence, not a title.
    release = nih_passage(17423, 17432)
    message = first_message(release)
    assert message.subject is not None
    assert message.subject.text == (
        "RE: Expert U.S. panel develops NIH treatment guidelines for COVID-19"
    )
    assert kind_of_line(release, 6) == "body"


OPEN_QUOTATION_WRAP = """\
From: Roy Spence
To: H
Sent: Tue Jun 01 18:42:24 2010
Subject: Just emailed Ms Cheryl to help co-ordinate a time -love you and thanks for keeping the world together-"Fourth
Turning"...might want to re-read the ending chapters of Neil Howe and Bill Strauss book-love you so


The text.
"""


def test_subject_line_that_leaves_a_quotation_open_goes_on() -> None:
    # Modelled on a Clinton FOIA document: the subject's line ends inside ``"Fourth Turning"``.
    message = cablethread.parse(OPEN_QUOTATION_WRAP).messages[0]
    assert message.subject is not None
    assert message.subject.text.endswith(
        '"Fourth Turning"...might want to re-read the ending '
        "chapters of Neil Howe and Bill Strauss book-love you so"
    )
