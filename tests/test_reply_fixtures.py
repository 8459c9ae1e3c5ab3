"""The fixtures of two MIT-licensed mail parsers: forwards and replies of many clients in 23 languages.

``tests/data/reply-parsers/`` holds them as JSON lines, each file's text unchanged (provenance
and licences in ``tests/data/PROVENANCE.md``). What counts as reading one right is in
``reply_fixtures.py``. Each fixture is a case; the few that are not read are listed with why.
"""

from __future__ import annotations

from collections import defaultdict

import pytest
from reply_fixtures import (
    FORWARD_PARSER,
    REPLY_TRIMMER,
    check_forward,
    newest_text,
    normalised,
    records,
)

import cablethread

FORWARDS = {str(r["id"]): r for r in records(FORWARD_PARSER)}
TRIMMED = {str(r["id"]): r for r in records(REPLY_TRIMMER)}

#: Fixtures whose forwarded message is not read as printed, and why.
FORWARD_MISSES = {
    # ``On 03/11/2021 15:51, John Doe wrote:`` in English: the generic profile reads numeric
    # dates month first (11 March); the fixture means 3 November.
    "email-forward-parser/thunderbird_en_body_variant_4.txt",
    # ``CETAssunto Integer consequat non purus``: Yahoo printed the subject label without its
    # colon, so the send time runs on into the subject and neither is read.
    "email-forward-parser/yahoo_pt_body.txt",
}

#: Fixtures whose newest text is not what ``email_reply_trimmer`` expects, and why.
TRIMMER_MISSES = {
    # Gmail attributions cut short: ``2016-03-03 17:21 GMT+01:00 Some One`` (no address, no
    # colon) and ``2013/7/20 sam via Discourse Meta <info@discourse.org>`` (no colon, ``|`` quotes).
    "email_reply_trimmer/embedded_email_11.txt",
    "email_reply_trimmer/embedded_email_4.txt",
    # An attribution spread over five lines with blank lines between.
    "email_reply_trimmer/embedded_email_12.txt",
    # The expected text keeps quotes written between replies and drops the attribution lines
    # above them; here an attribution's quote is its message's, not the newest's.
    "email_reply_trimmer/embedded_email_7.txt",
    "email_reply_trimmer/embedded_email_17.txt",
}


def _case(doc_id: str, misses: set[str]) -> object:
    mark = pytest.mark.xfail(strict=True, reason="listed miss") if doc_id in misses else ()
    return pytest.param(doc_id, id=doc_id.split("/")[1], marks=mark)


@pytest.mark.parametrize("doc_id", [_case(k, FORWARD_MISSES) for k in sorted(FORWARDS)])
def test_forwarded_message_read_as_printed(doc_id: str) -> None:
    check = check_forward(FORWARDS[doc_id])
    assert check.ok, check


def test_forward_parser_fixtures_at_least_95_percent() -> None:
    checks = [check_forward(record) for record in FORWARDS.values()]
    assert len(checks) == 190
    assert sum(c.ok for c in checks) / len(checks) >= 0.95
    # Every language and every client is read, not only English Outlook.
    by_language: dict[str, list[bool]] = defaultdict(list)
    for check in checks:
        by_language[check.language].append(check.ok)
    assert all(any(results) for results in by_language.values())


@pytest.mark.parametrize("doc_id", [_case(k, TRIMMER_MISSES) for k in sorted(TRIMMED)])
def test_newest_text_as_the_trimmer_expects(doc_id: str) -> None:
    record = TRIMMED[doc_id]
    assert normalised(newest_text(record)) == normalised(str(record["expected_trimmed"]))


def test_reply_trimmer_fixtures_at_least_90_percent() -> None:
    results = [
        normalised(newest_text(r)) == normalised(str(r["expected_trimmed"]))
        for r in TRIMMED.values()
    ]
    assert len(results) == 64
    assert sum(results) / len(results) >= 0.90


@pytest.mark.parametrize("doc_id", sorted([*FORWARDS, *TRIMMED]))
def test_segments_rebuild_every_fixture(doc_id: str) -> None:
    text = str((FORWARDS.get(doc_id) or TRIMMED[doc_id])["text"])
    assert cablethread.parse(text).text == text
