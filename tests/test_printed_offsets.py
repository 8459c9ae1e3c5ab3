"""A clock printed with its UTC offset has a zone: the offset decides ``sent_utc`` under every mode."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfoNotFoundError

import pytest

import cablethread
from cablethread.export.mbox import to_email
from cablethread.threads.timeline import offset_zone, zone_info

DATA = Path(__file__).parent / "data"


def _forward_fixture(name: str) -> str:
    path = DATA / "reply-parsers" / "email_forward_parser.jsonl"
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record["id"] == f"email-forward-parser/{name}":
                return str(record["text"])
    raise LookupError(name)


@pytest.mark.parametrize("mode", ["archive", "sender", "quoter", "infer"])
def test_apple_mail_gmt_plus_three_is_read_at_that_offset_under_every_mode(mode: str) -> None:
    # ``Datum: 26. října 2021 14:25:08 GMT+3`` (Apple Mail, Czech).
    text = _forward_fixture("apple_mail_cs_body.txt")
    policy = cablethread.Policy(tz_mode=mode, archive_tz="Pacific/Auckland")  # type: ignore[arg-type]
    [message] = cablethread.parse(text, policy).messages
    assert message.sent_local == datetime(2021, 10, 26, 14, 25, 8)
    assert message.sent_offset_minutes == 180
    assert message.time_zone == "UTC+03:00"
    assert message.sent_utc == datetime(2021, 10, 26, 11, 25, 8, tzinfo=UTC)


def test_clinton_date_line_with_minus_0500_and_the_clocks_without_offsets() -> None:
    text = (DATA / "clinton-chains" / "double_forward_chain_C05772582.txt").read_text("utf-8")
    release = cablethread.parse(text, cablethread.Policy(archive_tz="Asia/Tokyo"))
    printed = [m for m in release.messages if m.sent_raw == "Wed, 13 Jan 2010 15:33:30 -0500"]
    assert len(printed) == 1
    assert printed[0].time_zone == "UTC-05:00"
    assert printed[0].sent_utc == datetime(2010, 1, 13, 20, 33, 30, tzinfo=UTC)
    # The release's other clocks print no offset and stay in the archive zone asked for.
    others = [m for m in release.messages if m.sent_local and m.sent_offset_minutes is None]
    assert others
    assert {m.time_zone for m in others} == {"Asia/Tokyo"}


def test_mbox_date_keeps_the_printed_offset() -> None:
    release = cablethread.parse(_forward_fixture("apple_mail_cs_body.txt"))
    email = to_email(release, release.messages[0])
    assert email["Date"] == "Tue, 26 Oct 2021 14:25:08 +0300"


def test_offset_zone_names_round_trip() -> None:
    for minutes in (-720, -570, -300, 0, 60, 330, 345, 840):
        name = offset_zone(minutes)
        assert zone_info(name) == timezone(timedelta(minutes=minutes))
    with pytest.raises(ZoneInfoNotFoundError):
        zone_info("UTC+5")
