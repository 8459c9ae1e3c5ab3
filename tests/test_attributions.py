"""Reply attribution lines: each a message with its writer and time, its body the quote below."""

from __future__ import annotations

from datetime import datetime

import pytest

import cablethread
from cablethread.scan.attribution import read_attribution


@pytest.mark.parametrize(
    ("line", "name", "date", "language"),
    [
        (
            "On Tue, Jul 2, 2019 at 5:13 AM, Jane Doe <jane@x.org> wrote:",
            "Jane Doe <jane@x.org>",
            "Tue, Jul 2, 2019 at 5:13 AM",
            "en",
        ),
        (
            "On Wed, Oct 27, 2021 at 9:31 AM John Doe <john.doe@acme.com> wrote:",
            "John Doe <john.doe@acme.com>",
            "Wed, Oct 27, 2021 at 9:31 AM",
            "en",
        ),
        (
            "Le 28/10/2021 12:46, « John Doe » <john.doe@acme.com> a écrit :",
            "« John Doe » <john.doe@acme.com>",
            "28/10/2021 12:46",
            "fr",
        ),
        (
            'Am 28/10/2021, 12:46 schrieb "John Doe" <john.doe@acme.com>:',
            '"John Doe" <john.doe@acme.com>',
            "28/10/2021, 12:46",
            "de",
        ),
        (
            "Max Muster <max@x.de> schrieb am Fr., 28. Apr. 2017 um 11:53 Uhr:",
            "Max Muster <max@x.de>",
            "Fr., 28. Apr. 2017 um 11:53 Uhr",
            "de",
        ),
        (
            'El 28/10/2021 12:46, "John Doe" <john.doe@acme.com> escribió:',
            '"John Doe" <john.doe@acme.com>',
            "28/10/2021 12:46",
            "es",
        ),
        (
            "Op 28/10/2021 12:46 heeft John Doe <john.doe@acme.com> geschreven:",
            "John Doe <john.doe@acme.com>",
            "28/10/2021 12:46",
            "nl",
        ),
        (
            "John Doe <john.doe@acme.com> kirjoitti 28/10/2021 12.46:",
            "John Doe <john.doe@acme.com>",
            "28/10/2021 12.46",
            "fi",
        ),
        (
            "28/10/2021 12:46 időpontban John Doe (john.doe@acme.com) ezt írta:",
            "John Doe (john.doe@acme.com)",
            "28/10/2021 12:46",
            "hu",
        ),
        (
            '"John Doe" <john.doe@acme.com>, 28/10/2021 12:46 tarihinde şunu yazdı:',
            '"John Doe" <john.doe@acme.com>',
            "28/10/2021 12:46",
            "tr",
        ),
        (
            "在 2016年12月12日，下午8:45，Erlend <meta@discoursemail.com> 写道：",
            "Erlend <meta@discoursemail.com>",
            "2016年12月12日，下午8:45",
            "zh",
        ),
        # Zoho: dashes instead of a colon.
        (
            "---- On Tue, 22 Dec 2015 14:17:36 +0530 Sam <info@discourse.org> wrote ----",
            "Sam <info@discourse.org>",
            "Tue, 22 Dec 2015 14:17:36 +0530",
            "en",
        ),
    ],
)
def test_attribution_forms(line: str, name: str, date: str, language: str) -> None:
    found = read_attribution(line, dayfirst=True)
    assert found is not None
    assert (found.name, found.date, found.language) == (name, date, language)


@pytest.mark.parametrize(
    "line",
    [
        "As Ken wrote:",  # neither a date nor an address: prose
        "On this day I wrote:",
        "Here is what Jane wrote: see below",  # text after the colon
        "Proposed agenda for tomorrow:",  # no verb
    ],
)
def test_prose_is_no_attribution(line: str) -> None:
    assert read_attribution(line) is None


def test_an_attribution_is_a_message_with_sender_and_time() -> None:
    text = (
        "Sounds good, see you then.\n"
        "\n"
        "On Tue, Jul 2, 2019 at 5:13 AM, Jane Doe <jane@x.org> wrote:\n"
        "> Lunch on Friday?\n"
        ">\n"
        "> Jane\n"
    )
    release = cablethread.parse(text)
    (message,) = release.messages
    assert message.header is not None and message.header.layout == "attribution"
    assert message.sender is not None and message.sender.address == "jane@x.org"
    assert message.sent_local == datetime(2019, 7, 2, 5, 13)
    assert message.occurrences[0].body_span == cablethread.Span(start=4, end=6)
    assert release.text == text


def test_an_attribution_wrapped_over_two_lines_gmail() -> None:
    text = (
        "That's true!\n"
        "On Wed, Oct 27, 2021 at 9:31 AM John Doe <john.doe@acme.com>\n"
        "wrote:\n"
        "> Unicum iter ad supremum.\n"
    )
    (message,) = cablethread.parse(text).messages
    assert message.occurrences[0].span == cablethread.Span(start=2, end=3)
    assert message.sent_local == datetime(2021, 10, 27, 9, 31)


def test_an_attribution_wrapped_over_three_lines_with_the_address_alone() -> None:
    text = (
        "C'est super !\n"
        'Le 4 janv. 2016 19:03, "Neil Lalonde"\n'
        "<info@discourse.org>\n"
        "a écrit :\n"
        "\n"
        "> Discourse c'est top !\n"
    )
    (message,) = cablethread.parse(text).messages
    assert message.occurrences[0].span == cablethread.Span(start=2, end=4)
    assert message.sender is not None and message.sender.address == "info@discourse.org"
    assert message.sent_local == datetime(2016, 1, 4, 19, 3)
    assert message.header is not None and message.header.language == "fr"


def test_a_bracket_closed_on_the_next_line_is_no_quote_mark() -> None:
    # Gmail wraps inside the address: ``… <noreply@discourse.pseuco.com`` / ``>:``.
    text = (
        'Am 21.04.2016 17:48 schrieb "Einz Zwei" <noreply@discourse.pseuco.com\n'
        ">:\n"
        "\n"
        "> Vielleicht noch eine wichtige Frage\n"
    )
    (message,) = cablethread.parse(text).messages
    assert message.occurrences[0].span == cablethread.Span(start=1, end=2)
    assert message.sent_local == datetime(2016, 4, 21, 17, 48)


def test_nested_quotes_give_a_chain_of_attributions_with_their_depths() -> None:
    text = (
        "This is the reply.\n"
        "\n"
        "On Mon, Feb 1, 2016 at 6:32 PM, Jeff <info@discourse.org> wrote:\n"
        "\n"
        "> This is Jeff's reply.\n"
        ">\n"
        "> On Mon, Feb 1, 2016 at 7:50 AM, Some One <foo@bar.com> wrote:\n"
        ">\n"
        ">> Great!\n"
        ">>\n"
        ">> On Mon, Feb 1, 2016 at 5:05 AM Team <team@discourse.org> wrote:\n"
        ">>\n"
        ">>> WAT?\n"
    )
    release = cablethread.parse(text)
    printed = [
        (m.sender.raw if m.sender else None, m.occurrences[0].quote_depth) for m in release.messages
    ]
    assert printed == [
        ("Jeff <info@discourse.org>", 0),
        ("Some One <foo@bar.com>", 1),
        ("Team <team@discourse.org>", 2),
    ]
    # Each quoted message is the parent of the one that quotes it.
    ids = [m.id for m in release.messages]
    assert {(e.parent_id, e.child_id) for e in release.edges} == {
        (ids[1], ids[0]),
        (ids[2], ids[1]),
    }
    assert {e.evidence for e in release.edges} == {"printed-chain"}


def test_text_below_a_quote_is_the_enclosing_messages_again() -> None:
    text = "Le 2016-11-16 02:22, Erlend a écrit :\n> Oui!\n>\nThanks for your answer.\n"
    release = cablethread.parse(text)
    kinds = [(s.kind, s.span.start, s.span.end) for s in release.segments]
    assert kinds == [("header", 1, 1), ("body", 2, 3), ("other", 4, 4)]
    assert cablethread.newest_body(release) == "Thanks for your answer."


def test_a_header_block_inside_quotes_at_any_depth() -> None:
    text = (
        "> > -----Original Message-----\n"
        "> > From: John Doe [mailto:john@x.org]\n"
        "> > Sent: Tuesday, October 03, 2000 12:51 PM\n"
        "> > To: Jane\n"
        "> > Subject: Children\n"
        "> >\n"
        "> >   Just for the morning\n"
    )
    release = cablethread.parse(text)
    (message,) = release.messages
    assert message.occurrences[0].quote_depth == 2
    assert message.sent_local == datetime(2000, 10, 3, 12, 51)
    assert release.text == text


_LONG = 100_000
ADVERSARIAL = {
    "attribution_of_commas": "On " + "Mon, 1 Jul 2019, " * (_LONG // 16) + "x@y.z wrote:",
    "attribution_of_verbs": "wrote " * (_LONG // 6) + ":",
    "attribution_wrapped_lines": "On Mon, 1 Jul 2019 at 10:00 AM,\n" * (_LONG // 32) + "wrote:",
    "attributions_one_per_line": "On Mon, 1 Jul 2019 at 10:00 AM, J <j@x.org> wrote:\n" * 2000,
    "forwarded_by_blanks": "--- Forwarded by x" + " " * _LONG + "on 05/07/2001",
    "notes_sender_of_ons": " on" * (_LONG // 3) + " 05/03/2001 05:44 AM\nTo: x",
    "yahoo_labels_run_on": "----- Forwarded Message ----- From: x" + "To: y" * (_LONG // 5),
    "quoted_dates": "> " * (_LONG // 2) + "28/10/2021 12:46 wrote:",
}


@pytest.mark.timeout(20)
@pytest.mark.parametrize("case", sorted(ADVERSARIAL))
def test_adversarial_lines_take_linear_time(case: str) -> None:
    text = ADVERSARIAL[case]
    assert cablethread.parse(text).text == text
