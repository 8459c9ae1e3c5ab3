"""OCR'd header blocks read by general rules, each on a small passage laid out as the NIH
release prints it, and each rule's guard: what it must leave alone."""

from __future__ import annotations

import cablethread


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
