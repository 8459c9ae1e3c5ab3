"""``newest_body``: the text the newest writer of a printed chain typed."""

from __future__ import annotations

import pytest

import cablethread


def _newest(text: str, **options: bool) -> str:
    return cablethread.newest_body(cablethread.parse(text), **options)


def test_text_above_a_forwarded_header() -> None:
    text = (
        "Please see below.\n"
        "\n"
        "---------- Forwarded message ---------\n"
        "From: John Doe <john.doe@acme.com>\n"
        "Date: Wed, Oct 27, 2021 at 9:31 AM\n"
        "Subject: Integer consequat non purus\n"
        "To: <bessie.berry@acme.com>\n"
        "\n"
        "Aenean quis diam urna.\n"
    )
    assert _newest(text) == "Please see below."


def test_outlooks_rule_above_the_block_is_left_out() -> None:
    text = (
        "This is a reply from Outlook!\n"
        "________________________________________\n"
        "From: Discourse <info@discourse.org>\n"
        "Sent: Thursday, 28 January 2016 8:16 p.m.\n"
        "To: Someone\n"
        "Subject: (no subject)\n"
    )
    assert _newest(text) == "This is a reply from Outlook!"


def test_a_separator_with_no_block_below_ends_the_text() -> None:
    assert _newest("Foo\n\n-------- Original Message --------\n\nTHE END.\n") == "Foo"


def test_a_reply_written_below_the_quote() -> None:
    text = (
        "On Mon, Aug 19, 2013 at 2:36 AM, SomeOne <info@discourse.org> wrote:\n"
        "\n"
        "> This seems like a problem for the web server.\n"
        ">\n"
        "\n"
        "when I said looks possible, I pointed to rack\n"
    )
    assert _newest(text) == "when I said looks possible, I pointed to rack"


def test_a_text_opening_with_its_header_gives_that_messages_body() -> None:
    text = (
        "From: NAD\n"
        "Sent: Thursday, 11 July 2019 11:25 AM\n"
        "To: BEIJING\n"
        "Subject: RE: FORMAL MESSAGE: XINJIANG\n"
        "\n"
        "Thanks, noted.\n"
        "\n"
        "From: BEIJING\n"
        "Sent: Thursday, 11 July 2019 11:00 AM\n"
        "To: NAD\n"
        "Subject: FORMAL MESSAGE: XINJIANG\n"
        "\n"
        "Report follows.\n"
    )
    assert _newest(text) == "Thanks, noted."


def test_text_without_any_block_is_all_newest() -> None:
    assert _newest("> This is a quote.\n\nAnd this is some text.\n") == (
        "> This is a quote.\n\nAnd this is some text."
    )


@pytest.mark.parametrize(
    ("signature", "kept"),
    [
        ("--\nJohn Doe\nhttp://blog.john.doe\n", "Mal sehen was hier passiert!"),
        ("Sent from my iPhone\n", "Mal sehen was hier passiert!"),
        ("Envoyé de mon iPad\n", "Mal sehen was hier passiert!"),
    ],
)
def test_signature_cut_when_asked(signature: str, kept: str) -> None:
    text = f"Mal sehen was hier passiert!\n\n{signature}"
    assert _newest(text, strip_signature=True) == kept
    assert _newest(text).startswith(kept) and _newest(text) != kept


@pytest.mark.parametrize("line_end", ["\n", "\r\n", "\r"])
def test_characters_python_also_ends_lines_at_are_kept_as_typed(line_end: str) -> None:
    # str.splitlines ends a line at U+2028, U+0085 and \x1c as well: the newest text came
    # back with each of them turned into a line break.
    typed = "Thanks\u2028see below\x1cnoted.\nPlan B\x85 follows."
    text = (
        typed + "\n\nFrom: NAD\nSent: Thursday, 11 July 2019 11:25 AM\nTo: BEIJING\n"
        "Subject: X\n\nOld.\n"
    ).replace("\n", line_end)
    assert _newest(text) == typed
