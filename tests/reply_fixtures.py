"""What reading a reply or forward parser's fixture right means, for the tests and the benchmark.

``email-forward-parser``'s own test expects the same forwarded message in every fixture
(``tests/data/PROVENANCE.md``): from ``john.doe@acme.com``, subject ``Integer consequat non
purus``. Its dates are localised and not checked there; here the send time must be read as the
fixture prints it, one of :data:`PRINTED_TIMES`. Its ``*_variant_4`` fixtures hold a reply's
attribution instead of a forward (that test expects "not forwarded"): the quoted message, with its
writer and time, is what must be found. ``email_reply_trimmer`` gives the newest message's text.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import cablethread
from cablethread.fields.subjects import parse_subject

DATA = Path(__file__).parent / "data" / "reply-parsers"
FORWARD_PARSER = DATA / "email_forward_parser.jsonl"
REPLY_TRIMMER = DATA / "email_reply_trimmer.jsonl"

SENDER = "john.doe@acme.com"
SUBJECT = "Integer consequat non purus"
#: The one fixture whose quoted message another person wrote.
OTHER_SENDERS = {"email-forward-parser/hubspot_en_body_variant_4.txt": "archive@eliottvincent.com"}

#: Every send time the fixtures print, read by hand from the files: the clients print the
#: forwarded message's time in their own language and zone (``26. října 2021 14:25:08 GMT+3``,
#: ``Wed, 3 Nov 2021 15:51:30 +0100``, ``28/10/2021 12:46``), as wall clocks.
PRINTED_TIMES = frozenset(
    datetime.fromisoformat(text)
    for text in (
        "2021-07-16 19:24:14",  # Apple Mail, English variants 6 and 7
        "2021-10-25 11:17:00",  # Outlook 2013
        "2021-10-25 11:17:21",  # Apple Mail, English
        "2021-10-25 11:43:00",  # Apple Mail, a reply's attribution
        "2021-10-26 14:25:08",  # Apple Mail, other languages
        "2021-10-27 09:31:00",  # Gmail; MailMate
        "2021-10-27 15:14:00",  # Outlook Live
        "2021-10-28 12:06:00",  # new Outlook 2019, Czech, Danish, Finnish, French, Dutch
        "2021-10-28 12:46:00",  # new Outlook 2019, other languages; Outlook 2019 attributions
        "2021-11-02 09:26:50",  # Yahoo
        "2021-11-02 15:01:36",  # Yahoo, a reply's attribution
        "2021-11-03 15:51:00",  # Thunderbird, a reply's attribution (03/11/2021, day first)
        "2021-11-03 15:51:30",  # Thunderbird
        "2022-07-01 17:03:00",  # Missive, variant 3
        "2022-07-19 15:09:00",  # Missive
        "2022-07-19 15:36:00",  # Missive; MailMate's attribution
        "2022-07-23 07:53:00",  # an unnamed client's Original Message
        "2022-08-17 09:06:24",  # Apple Mail, French labels in an English fixture
        "2022-09-19 15:20:05",  # HubSpot, French
        "2022-09-19 17:55:44",  # HubSpot, other languages
        "2022-09-20 03:44:00",  # HubSpot, a reply's attribution
        "2023-02-10 16:52:00",  # IONOS 1&1 (02/10/2023 4:52 PM EST, a US client: month first)
        "2023-04-06 16:17:00",  # Gmail, Outlook Live, new Outlook, Thunderbird (2023 variants)
    )
)


def records(path: Path) -> Iterator[dict[str, str | None]]:
    """The fixtures of a JSON-lines file."""
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


@dataclass(frozen=True)
class ForwardCheck:
    """How one ``email-forward-parser`` fixture was read."""

    id: str
    client: str
    language: str
    sender: bool
    #: ``True``/``False``, or None where neither the fixture nor its subject file prints one.
    subject: bool | None
    time: bool
    #: What the best message found was: sender, subject, send time as printed.
    found: tuple[str | None, str | None, str | None]

    @property
    def ok(self) -> bool:
        """Sender, subject (where printed) and send time all as printed."""
        return self.sender and self.subject is not False and self.time


def check_forward(record: dict[str, str | None]) -> ForwardCheck:
    """Parse one fixture and compare its forwarded (or quoted) message with the ground truth."""
    doc_id = str(record["id"])
    release = cablethread.parse(str(record["text"]), source=doc_id)
    expected = OTHER_SENDERS.get(doc_id, SENDER)
    companion = record.get("companion_subject_text")
    best: ForwardCheck | None = None
    for message in release.messages:
        party = message.sender
        printed = f"{party.address or ''} {party.raw}".lower() if party is not None else ""
        # Two fixtures print the writer's name alone: ``On July 19, 2022 at 3:36 PM, John Doe wrote:``.
        sender = expected in printed or (party is not None and party.raw.strip() == "John Doe")
        topic = message.subject.topic if message.subject is not None else None
        if topic is None and companion:
            topic = parse_subject(companion).topic
        check = ForwardCheck(
            id=doc_id,
            client=str(record.get("client_hint") or "unknown"),
            language=str(record.get("language_hint") or "unknown"),
            sender=sender,
            subject=None if topic is None else topic == SUBJECT,
            time=message.sent_local in PRINTED_TIMES,
            found=(party.raw if party else None, topic, message.sent_raw),
        )
        if best is None or _rank(check) > _rank(best):
            best = check
    return best or ForwardCheck(
        doc_id,
        str(record.get("client_hint") or "unknown"),
        str(record.get("language_hint") or "unknown"),
        False,
        False,
        False,
        (None, None, None),
    )


def _rank(check: ForwardCheck) -> tuple[bool, int]:
    return check.ok, int(check.sender) + int(check.subject is not False) + int(check.time)


def normalised(text: str) -> str:
    """Blanks and line ends collapsed: how ``email_reply_trimmer``'s output is compared."""
    return " ".join(text.split())


def newest_text(record: dict[str, str | None]) -> str:
    """The newest message's text of a fixture, signature cut, as :func:`cablethread.newest_body`."""
    release = cablethread.parse(str(record["text"]), source=str(record["id"]))
    return cablethread.newest_body(release, strip_signature=True)
