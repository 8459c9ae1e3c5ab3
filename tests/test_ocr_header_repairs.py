"""OCR'd header blocks read by general rules, each on a small passage laid out as the NIH
release prints it, and each rule's guard: what it must leave alone."""

from __future__ import annotations

from datetime import datetime

import pytest

import cablethread
from cablethread.fields.parties import is_redaction_debris


def test_a_name_called_with_a_dash_opens_the_body() -> None:
    """``Jonathan -`` under a subject run onto a long line (no blank line between) is the body's
    first line, as ``Tony,`` is."""
    text = (
        "From: Denny, Joshua (NIH/OD) [E] Sent: Monday, March 16, 2020 6:17 PM\n"
        "To: Jonathan E. Shoag | Cc: Olson, Janet E.; Cicek, Mine; Olivier Elemento; Gebo, Kelly "
        "Subject: [EXTERNAL] Re: Specimens\n"
        "Jonathan -\n"
        "Thanks for the thoughts and the offer to help.\n"
    )
    (message,) = cablethread.parse(text).messages
    assert message.subject is not None
    assert message.subject.text == "[EXTERNAL] Re: Specimens"


def test_a_subject_wrapped_before_a_dash_goes_on() -> None:
    """A subject's second line of more than a name before its dash stays the subject's."""
    text = (
        "From: Denny, Joshua\n"
        "Sent: Monday, March 16, 2020 6:17 PM\n"
        "To: Jonathan E. Shoag\n"
        "Subject: Re: Specimens for the study of the immune response in the elderly, the\n"
        "Second Cohort -\n"
        "\n"
        "Thanks for the thoughts.\n"
    )
    (message,) = cablethread.parse(text).messages
    assert message.subject is not None
    assert message.subject.text.endswith("the Second Cohort -")


def _two_replies(upper_next_line: str, lower_next_line: str) -> str:
    subject = "Subject: RE: Coronavirus - HHS Supplemental Table for the Budget - Close Hold"
    return (
        "From: Shapiro, Neil\n"
        "Sent: Thursday, February 6, 2020 8:08 PM\n"
        "To: Collins, Francis\n"
        f"{subject}\n"
        f"{upper_next_line}\n"
        "\n"
        "Neil\n"
        "From: Collins, Francis\n"
        "Sent: Thursday, February 6, 2020 4:59 PM\n"
        "To: Shapiro, Neil\n"
        f"{subject}\n"
        f"{lower_next_line}\n"
        "\n"
        "Do we know?\n"
    )


def test_body_on_the_subjects_next_line_is_cut_where_the_subject_below_ran_on_too() -> None:
    """Both subjects' first lines agree and each goes on with other words: the words on the
    upper one's next line, read as body, are its body (``header-subject-body-split``)."""
    release = cablethread.parse(_two_replies("ll ask, unless Tony knows. lll ROT)", "ES"))
    upper = release.messages[0]
    assert upper.subject is not None
    assert (
        upper.subject.text == "RE: Coronavirus - HHS Supplemental Table for the Budget - Close Hold"
    )
    assert any(d.code == "header-subject-body-split" for d in release.diagnostics)


def test_a_subject_wrapped_alike_in_both_blocks_is_kept_whole() -> None:
    release = cablethread.parse(_two_replies("and Projections.", "and Projections."))
    assert [m.subject.text for m in release.messages if m.subject] == [
        "RE: Coronavirus - HHS Supplemental Table for the Budget - Close Hold and Projections."
    ] * 2


def _forward(subject: str, below: str) -> str:
    return (
        "From: Fauci, Anthony (NIH/NIAID) [E]\n"
        "Sent: Thu, 23 Apr 2020 21:47:13 +0000\n"
        "To: Conrad, Patricia (NIH/NIAID) [E]\n"
        f"Subject: {subject}\n"
        "Anthony S. Fauci, MD\n"
        "\n"
        "From: Folkers, Greg\n"
        "Sent: Thursday, April 23, 2020 5:40 PM\n"
        "To: Fauci, Anthony (NIH/NIAID) [E]\n"
        f"Subject: {below}\n"
        "\n"
        "The agenda is attached.\n"
    )


def test_a_forwarders_fyi_closing_the_subject_line_is_body() -> None:
    release = cablethread.parse(
        _forward("FW: Task Force Meeting - 4.24.20 FYI", "Agenda for tomorrow")
    )
    forward = release.messages[0]
    assert forward.subject is not None
    assert forward.subject.text == "FW: Task Force Meeting - 4.24.20"
    assert any(
        d.code == "header-subject-body-split" and "'FYI'" in d.message for d in release.diagnostics
    )


def test_fyi_is_kept_where_the_forwarded_subject_ends_with_it() -> None:
    release = cablethread.parse(_forward("FW: My column, just FYI", "My column, just FYI"))
    assert release.messages[0].subject is not None
    assert release.messages[0].subject.text == "FW: My column, just FYI"


def test_fyi_closing_a_reply_subject_is_kept() -> None:
    """A reply's writer may have typed the note into the subject; only a forward's is copied."""
    release = cablethread.parse(_forward("RE: Task Force Meeting FYI", "Agenda for tomorrow"))
    assert release.messages[0].subject is not None
    assert release.messages[0].subject.text == "RE: Task Force Meeting FYI"


def test_a_recipient_list_run_onto_the_sent_line_is_left_out_of_the_date() -> None:
    text = (
        "From: Marston, Hilary (NIH/NIAID) [E]\n"
        "Sent: Thursday, March 12, 2020 8:23 PM ; Fauci, Anthony (NIH/NIAID) [E] z ; Zebley,\n"
        "To: Grigsby, Garrett (HHS/OS/OGA) >; Richardson, Juliana (HHS/OS/OGA)\n"
        "Subject: Re: Moderna trial\n"
        "\n"
        "Correct - as of right now\n"
    )
    release = cablethread.parse(text)
    assert [m.sent_local for m in release.messages] == [datetime(2020, 3, 12, 20, 23)]
    assert any(
        d.code == "date-ocr-repaired" and "recipient list" in d.message for d in release.diagnostics
    )


def test_an_attributions_date_stops_at_the_semicolon_before_the_name() -> None:
    text = (
        "So it went.\n"
        "\n"
        "On Thu, Jan 20, 2011 at 4:27 PM; Marshall, Capricia P <marshallcp@state.gov> wrote:\n"
        "\n"
        "So I guess I should cancel the bar crawl.\n"
    )
    (message,) = cablethread.parse(text).messages
    assert message.sent_local == datetime(2011, 1, 20, 16, 27)
    assert message.sender is not None
    assert message.sender.raw.startswith("Marshall, Capricia P")


@pytest.mark.parametrize("printed", ["IO", "OK", "(IO", "D(S)", "OIG)", "(I)", "Jon M"])
def test_office_codes_beside_brackets_are_not_debris(printed: str) -> None:
    """The capitals of the box's mark (``IO)``, ``KOO)``) are debris only up to a closing bracket
    and with an ``O``: office codes look the same without one."""
    assert not is_redaction_debris(printed)


def test_a_sender_printed_as_the_boxes_mark_is_withheld() -> None:
    text = (
        "From: IO)\n"
        "Sent: Wed, 18 Mar 2020 19:54:24 -0400\n"
        "To: NIAID Public Inquiries\n"
        "Subject: Fwd: Volunteer status for current nursing students\n"
        "Sent from my iPhone\n"
    )
    release = cablethread.parse(text)
    (message,) = release.messages
    assert message.sender is not None
    assert (message.sender.raw, message.sender.kind) == ("IO)", "withheld")
    assert any(d.code == "party-withheld" for d in release.diagnostics)


def _urgent(subject: str) -> str:
    return (
        "From: Michael Matin <michael.matin@hdltherapeutics.com> Sent: Sunday, March 8, 2020 8:01 PM\n"
        f"To: Fauci, Anthony (NIH/NIAID) [E] M> Subject: {subject}\n"
        "Importance: High\n"
        "Dear Dr. Fauci:\n"
        "Please contact us at your earliest convenience.\n"
        "\n"
        "From: Date: Friday, March 6, 2020 at 6:18 PM\n"
        "To: as Co A\n"
        "| Subject: (RG\n"
        "\n"
        "Dear colleague,\n"
    )


def test_debris_over_a_subjects_words_is_cut_and_the_chain_as_printed_stands() -> None:
    release = cablethread.parse(_urgent("URGENT: [lll OO"))
    upper, lower = release.messages
    assert upper.subject is not None
    assert upper.subject.text == "URGENT:"
    assert any(
        d.code == "header-subject-withheld" and "'[lll OO'" in d.message
        for d in release.diagnostics
    )
    assert [(e.child_id, e.parent_id) for e in release.edges] == [(upper.id, lower.id)]


@pytest.mark.parametrize("subject", ["Re: ZOO", "Re: So", "Re: Meet @ 7", "Re: Game @ 7:00"])
def test_short_subjects_are_not_debris(subject: str) -> None:
    release = cablethread.parse(_urgent(subject))
    assert release.messages[0].subject is not None
    assert release.messages[0].subject.text == subject
    assert not any(d.code == "header-subject-withheld" for d in release.diagnostics)
