"""Zones printed with the clock, each document in its own zone, and every guess about a date reported.

Every instant below is worked out by hand: the wall clock minus the offset of the printed zone, or
of the zone the clock is read in (daylight saving as it was on that date).
"""

from __future__ import annotations

import tomllib
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

import pytest

import cablethread
from cablethread import Diagnostic, Message, Policy, Release
from cablethread.errors import DataFileError

DATA = Path(__file__).parent / "data"
US_STATE_FILE = DATA / "clinton" / "damaged_month_se_tember_C05759538.txt"
NZ_MFAT_FILE = DATA / "mfat_xinjiang_oia.txt"
NIH_EXCHANGE = DATA / "nih" / "zones" / "exchange_utc_top_local_quoted_iphone_est_NIH-001101.txt"
MODES = ["archive", "sender", "quoter", "infer"]


def _one(sent: str, policy: Policy | None = None, sender: str = "Jane Doe") -> Release:
    """A release of one Outlook header block sent by ``sender`` at ``sent``."""
    text = f"From: {sender}\nSent: {sent}\nTo: NAD\nSubject: Zones\n\nText.\n"
    return cablethread.parse(text, policy)


def _codes(release: Release, prefix: str = "date-") -> list[str]:
    return [d.code for d in release.diagnostics if d.code.startswith(prefix)]


def _notes(release: Release, code: str) -> list[Diagnostic]:
    return [d for d in release.diagnostics if d.code == code]


def _utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)  # type: ignore[misc]


# -- every abbreviation of the table -------------------------------------------------------------

# (abbreviation, Sent: value, policy, sender, UTC instant, zone named). Standard time in the
# northern winter (9 January 2020), daylight time in the northern summer (9 July 2020), the other
# way round in the south. An ambiguous abbreviation is given the evidence that settles it.
STATE = Policy(profile="us-state")
NZ = Policy(profile="nz-mfat")
ABBREVIATIONS: list[tuple[str, str, Policy | None, str, datetime, str]] = [
    ("UTC", "9 January 2020 10:00 AM UTC", None, "Jane Doe", _utc(2020, 1, 9, 10), "UTC"),
    ("UT", "9 January 2020 10:00 AM UT", None, "Jane Doe", _utc(2020, 1, 9, 10), "UTC"),
    ("GMT", "9 January 2020 10:00 AM GMT", None, "Jane Doe", _utc(2020, 1, 9, 10), "UTC"),
    ("Z", "2020-01-09 10:00 Z", None, "Jane Doe", _utc(2020, 1, 9, 10), "UTC"),
    (
        "EST",
        "9 January 2020 10:00 AM EST",
        None,
        "Jane Doe",
        _utc(2020, 1, 9, 15),
        "America/New_York",
    ),
    ("EDT", "9 July 2020 10:00 AM EDT", None, "Jane Doe", _utc(2020, 7, 9, 14), "America/New_York"),
    # CST: -06:00 in a US release (the profile's zone, America/New_York, is in the US).
    (
        "CST",
        "9 January 2020 10:00 AM CST",
        STATE,
        "Jane Doe",
        _utc(2020, 1, 9, 16),
        "America/Chicago",
    ),
    ("CDT", "9 July 2020 10:00 AM CDT", None, "Jane Doe", _utc(2020, 7, 9, 15), "America/Chicago"),
    (
        "MST",
        "9 January 2020 10:00 AM MST",
        None,
        "Jane Doe",
        _utc(2020, 1, 9, 17),
        "America/Denver",
    ),
    ("MDT", "9 July 2020 10:00 AM MDT", None, "Jane Doe", _utc(2020, 7, 9, 16), "America/Denver"),
    (
        "PST",
        "9 January 2020 10:00 AM PST",
        None,
        "Jane Doe",
        _utc(2020, 1, 9, 18),
        "America/Los_Angeles",
    ),
    (
        "PDT",
        "9 July 2020 10:00 AM PDT",
        None,
        "Jane Doe",
        _utc(2020, 7, 9, 17),
        "America/Los_Angeles",
    ),
    (
        "AKST",
        "9 January 2020 10:00 AM AKST",
        None,
        "Jane Doe",
        _utc(2020, 1, 9, 19),
        "America/Anchorage",
    ),
    (
        "AKDT",
        "9 July 2020 10:00 AM AKDT",
        None,
        "Jane Doe",
        _utc(2020, 7, 9, 18),
        "America/Anchorage",
    ),
    (
        "HST",
        "9 January 2020 10:00 AM HST",
        None,
        "Jane Doe",
        _utc(2020, 1, 9, 20),
        "Pacific/Honolulu",
    ),
    # AST: Atlantic (-04:00) for a sender in Ottawa (America/Toronto: Canada, as Halifax).
    ("AST", "9 January 2020 10:00 AM AST", NZ, "OTTAWA", _utc(2020, 1, 9, 14), "America/Halifax"),
    ("ADT", "9 July 2020 10:00 AM ADT", None, "Jane Doe", _utc(2020, 7, 9, 13), "America/Halifax"),
    # BST: British Summer Time for a sender in London.
    ("BST", "9 July 2020 10:00 AM BST", NZ, "LONDON", _utc(2020, 7, 9, 9), "Europe/London"),
    # IST: India Standard Time (+05:30) in a release printed in India.
    (
        "IST",
        "9 January 2020 10:00 AM IST",
        Policy(archive_tz="Asia/Kolkata"),
        "Jane Doe",
        _utc(2020, 1, 9, 4, 30),
        "Asia/Kolkata",
    ),
    ("WET", "9 January 2020 10:00 AM WET", None, "Jane Doe", _utc(2020, 1, 9, 10), "Europe/Lisbon"),
    ("WEST", "9 July 2020 10:00 AM WEST", None, "Jane Doe", _utc(2020, 7, 9, 9), "Europe/Lisbon"),
    ("CET", "9 January 2020 10:00 AM CET", None, "Jane Doe", _utc(2020, 1, 9, 9), "Europe/Paris"),
    ("CEST", "9 July 2020 10:00 AM CEST", None, "Jane Doe", _utc(2020, 7, 9, 8), "Europe/Paris"),
    ("HAEC", "9 July 2020 10:00 AM HAEC", None, "Jane Doe", _utc(2020, 7, 9, 8), "Europe/Paris"),
    ("EET", "9 January 2020 10:00 AM EET", None, "Jane Doe", _utc(2020, 1, 9, 8), "Europe/Athens"),
    ("EEST", "9 July 2020 10:00 AM EEST", None, "Jane Doe", _utc(2020, 7, 9, 7), "Europe/Athens"),
    ("MSK", "9 January 2020 10:00 AM MSK", None, "Jane Doe", _utc(2020, 1, 9, 7), "Europe/Moscow"),
    ("JST", "9 January 2020 10:00 AM JST", None, "Jane Doe", _utc(2020, 1, 9, 1), "Asia/Tokyo"),
    ("HKT", "9 January 2020 10:00 AM HKT", None, "Jane Doe", _utc(2020, 1, 9, 2), "Asia/Hong_Kong"),
    ("SGT", "9 January 2020 10:00 AM SGT", None, "Jane Doe", _utc(2020, 1, 9, 2), "Asia/Singapore"),
    (
        "AEST",
        "9 July 2020 10:00 AM AEST",
        None,
        "Jane Doe",
        _utc(2020, 7, 9, 0),
        "Australia/Sydney",
    ),
    (
        "AEDT",
        "9 January 2020 10:00 AM AEDT",
        None,
        "Jane Doe",
        _utc(2020, 1, 8, 23),
        "Australia/Sydney",
    ),
    (
        "NZST",
        "9 July 2020 10:00 AM NZST",
        None,
        "Jane Doe",
        _utc(2020, 7, 8, 22),
        "Pacific/Auckland",
    ),
    (
        "NZDT",
        "9 January 2020 10:00 AM NZDT",
        None,
        "Jane Doe",
        _utc(2020, 1, 8, 21),
        "Pacific/Auckland",
    ),
]


def test_every_abbreviation_of_the_table_is_tested() -> None:
    raw = resources.files("cablethread").joinpath("data/zones.toml").read_text("utf-8")
    assert sorted(tomllib.loads(raw)) == sorted(row[0] for row in ABBREVIATIONS)


@pytest.mark.parametrize(
    ("abbreviation", "sent", "policy", "sender", "instant", "zone"),
    ABBREVIATIONS,
    ids=[row[0] for row in ABBREVIATIONS],
)
@pytest.mark.parametrize("mode", MODES)
def test_each_abbreviation_fixes_the_instant_under_every_mode(
    abbreviation: str,
    sent: str,
    policy: Policy | None,
    sender: str,
    instant: datetime,
    zone: str,
    mode: str,
) -> None:
    policy = (policy or Policy.default).clone(tz_mode=mode)
    release = _one(sent, policy, sender)
    [message] = release.messages
    assert message.sent_zone == abbreviation
    assert message.sent_utc == instant
    assert message.time_zone == zone
    assert "date-zone-ambiguous" not in _codes(release)
    assert "date-zone-dst-mismatch" not in _codes(release)


# -- ambiguous abbreviations ------------------------------------------------------------------------


@pytest.mark.parametrize("abbreviation", ["IST", "CST", "AST", "BST"])
def test_each_ambiguous_abbreviation_is_reported_and_read_in_the_archive_zone(
    abbreviation: str,
) -> None:
    # No agency recognised (archive zone UTC), a sender with no directory zone.
    release = _one(f"9 January 2020 10:00 AM {abbreviation}")
    [message] = release.messages
    [note] = _notes(release, "date-zone-ambiguous")
    assert note.severity == "warning" and note.span is not None
    assert (
        f"{abbreviation!r} may be" in note.message
        and "read in the archive zone UTC" in note.message
    )
    assert message.sent_zone == abbreviation and message.sent_offset_minutes is None
    assert (message.time_zone, message.sent_utc) == ("UTC", _utc(2020, 1, 9, 10))


@pytest.mark.parametrize("mode", MODES)
def test_an_unsettled_abbreviation_is_read_in_the_archive_zone_under_every_mode(mode: str) -> None:
    # Paris in winter: UTC+01:00. The sender's mode would have nothing to go on either.
    policy = Policy(archive_tz="Europe/Paris", tz_mode=mode)  # type: ignore[arg-type]
    [message] = _one("9 January 2020 10:00 AM IST", policy).messages
    assert (message.time_zone, message.sent_utc) == ("Europe/Paris", _utc(2020, 1, 9, 9))


def test_sender_and_release_pointing_to_two_readings_is_reported() -> None:
    # A sender in London, a release printed in Dhaka: British Summer Time or Bangladesh time.
    policy = Policy(profile="nz-mfat", archive_tz="Asia/Dhaka")
    release = _one("9 July 2020 10:00 AM BST", policy, "LONDON")
    [note] = _notes(release, "date-zone-ambiguous")
    assert "Europe/London" in note.message and "Asia/Dhaka" in note.message
    # Read in Dhaka (UTC+06:00).
    assert release.messages[0].sent_utc == _utc(2020, 7, 9, 4)


def test_a_settled_abbreviation_says_what_settled_it() -> None:
    release = _one("9 January 2020 10:00 AM CST", NZ, "BEIJING")
    [note] = _notes(release, "date-zone-resolved")
    assert "China Standard Time" in note.message and "Asia/Shanghai" in note.message
    [message] = release.messages
    assert (message.time_zone, message.sent_utc) == ("Asia/Shanghai", _utc(2020, 1, 9, 2))


# -- daylight saving that disagrees, names and offsets -----------------------------------------------


def test_standard_time_printed_in_summer_is_read_as_printed_and_reported() -> None:
    release = _one("9 July 2020 10:00 AM EST")
    [note] = _notes(release, "date-zone-dst-mismatch")
    assert "America/New_York kept UTC-04:00" in note.message
    [message] = release.messages
    assert (message.sent_utc, message.time_zone) == (_utc(2020, 7, 9, 15), "UTC-05:00")


def test_cet_in_a_new_zealand_release() -> None:
    # The first case: 11:25 CET is 10:25Z (not 23:25Z, New Zealand time); CET in July
    # (Europe keeps CEST) is read as printed and reported.
    release = _one("Thursday, 11 July 2019 11:25 AM CET", NZ, "GENEVA")
    assert release.messages[0].sent_utc == _utc(2019, 7, 11, 10, 25)
    assert _codes(release) == ["date-zone-dst-mismatch"]


def test_nzst_in_a_us_release() -> None:
    # 11:25 NZST (UTC+12:00) is 23:25Z the day before, not 15:25Z (New York time).
    release = _one("Thursday, 11 July 2019 11:25 AM NZST", STATE)
    [message] = release.messages
    assert message.sent_utc == _utc(2019, 7, 10, 23, 25)
    assert message.time_zone == "Pacific/Auckland"
    assert _codes(release) == []


@pytest.mark.parametrize(
    ("sent", "printed", "instant", "zone"),
    [
        ("Tue, 3 Mar 2020 13:57:03 +0000", "+0000", _utc(2020, 3, 3, 13, 57, 3), "UTC+00:00"),
        ("Mon, 2 Mar 2020 19:06:49 -0500", "-0500", _utc(2020, 3, 3, 0, 6, 49), "UTC-05:00"),
        (
            "Tuesday, 26 October 2021 14:25:08 GMT+3",
            "GMT+3",
            _utc(2021, 10, 26, 11, 25, 8),
            "UTC+03:00",
        ),
        # Outlook's and BlackBerry's names in full; an IANA name (Paris in summer, UTC+02:00).
        (
            "Sunday, December 02, 2012 09:52 AM Eastern Standard Time",
            "Eastern Standard Time",
            _utc(2012, 12, 2, 14, 52),
            "America/New_York",
        ),
        ("9 July 2020 10:00 AM Europe/Paris", "Europe/Paris", _utc(2020, 7, 9, 8), "Europe/Paris"),
    ],
)
@pytest.mark.parametrize("mode", MODES)
def test_offsets_and_names_fix_the_instant_under_every_mode(
    sent: str, printed: str, instant: datetime, zone: str, mode: str
) -> None:
    policy = Policy(archive_tz="Asia/Tokyo", tz_mode=mode)  # type: ignore[arg-type]
    [message] = _one(sent, policy).messages
    assert (message.sent_zone, message.sent_utc, message.time_zone) == (printed, instant, zone)


def test_a_zone_name_not_in_the_table_is_reported_and_not_used() -> None:
    release = _one("9 January 2020 10:00 AM Martian Standard Time", Policy(archive_tz="Asia/Tokyo"))
    assert _codes(release) == ["date-zone-unknown"]
    [message] = release.messages
    assert (message.time_zone, message.sent_utc) == ("Asia/Tokyo", _utc(2020, 1, 9, 1))


def test_an_offset_no_zone_can_have_is_left_out_and_reported() -> None:
    # ``+0060`` (OCR, the NIH release): no zone is 60 minutes past the hour.
    release = _one("Sun, 26 Apr 2020 23:13:59 +0060", Policy(archive_tz="UTC"))
    [note] = _notes(release, "date-ocr-repaired")
    assert "'+0060' is unreadable" in note.message
    [message] = release.messages
    assert (message.sent_zone, message.sent_offset_minutes) == (None, None)


def test_a_clock_without_a_zone_records_none() -> None:
    [message] = cablethread.parse_file(NZ_MFAT_FILE).messages[:1]
    assert message.sent_zone is None and message.sent_offset_minutes is None
    assert message.time_zone == "Pacific/Auckland"


# -- each document in its own profile -----------------------------------------------------------------


def _sent(release: Release, raw: str) -> Message:
    [message] = [m for m in release.messages if m.sent_raw == raw]
    return message


CLINTON_SENT = "Saturday, Se tember 5 2009 11:58 PM"
SEED_SENT = "Tuesday, 6 November 2018 1:42 a.m."


@pytest.mark.parametrize("order", [[US_STATE_FILE, NZ_MFAT_FILE], [NZ_MFAT_FILE, US_STATE_FILE]])
def test_parse_many_reads_each_file_in_its_own_zone(order: list[Path]) -> None:
    release = cablethread.parse_many(order)
    # New York on 5 September 2009 kept EDT (UTC-04:00): 23:58 is 03:58Z the next day.
    us = _sent(release, CLINTON_SENT)
    assert (us.time_zone, us.sent_utc) == ("America/New_York", _utc(2009, 9, 6, 3, 58))
    # Auckland on 6 November 2018 kept NZDT (UTC+13:00): 1:42 a.m. is 12:42Z the day before.
    nz = _sent(release, SEED_SENT)
    assert (nz.time_zone, nz.sent_utc) == ("Pacific/Auckland", _utc(2018, 11, 5, 12, 42))
    assert {(p.source, p.span, p.profile, p.archive_tz) for p in release.profiles} == {
        (str(US_STATE_FILE), None, "us-state", "America/New_York"),
        (str(NZ_MFAT_FILE), None, "nz-mfat", "Pacific/Auckland"),
    }
    assert [p.source for p in release.profiles] == [str(path) for path in order]


def test_an_explicit_profile_or_zone_still_wins_for_every_file() -> None:
    files = [US_STATE_FILE, NZ_MFAT_FILE]
    auckland = cablethread.parse_many(files, Policy(profile="nz-mfat"))
    # Auckland on 5 September 2009 kept NZST (UTC+12:00).
    assert _sent(auckland, CLINTON_SENT).sent_utc == _utc(2009, 9, 5, 11, 58)
    assert {p.profile for p in auckland.profiles} == {"nz-mfat"}
    london = cablethread.parse_many(files, Policy(archive_tz="Europe/London"))
    # London kept BST (UTC+01:00) on 5 September 2009, GMT on 6 November 2018.
    assert _sent(london, CLINTON_SENT).sent_utc == _utc(2009, 9, 5, 22, 58)
    assert _sent(london, SEED_SENT).sent_utc == _utc(2018, 11, 6, 1, 42)
    assert {p.archive_tz for p in london.profiles} == {"Europe/London"}


def test_a_release_mixing_agencies_reads_each_document_in_its_own_zone() -> None:
    seed = NZ_MFAT_FILE.read_text("utf-8")
    text = seed + US_STATE_FILE.read_text("utf-8")
    release = cablethread.parse(text, source="mixed.txt")
    # The New Zealand release's own profile; the State document (its banners on its own page)
    # read in New York, the seed's messages in Auckland as before.
    assert release.profile == "nz-mfat"
    assert _sent(release, CLINTON_SENT).sent_utc == _utc(2009, 9, 6, 3, 58)
    assert _sent(release, SEED_SENT).sent_utc == _utc(2018, 11, 5, 12, 42)
    first = seed.count("\n") + 1
    [whole, document] = release.profiles
    assert (whole.span, whole.profile) == (None, "nz-mfat")
    assert document.profile == "us-state" and document.archive_tz == "America/New_York"
    assert document.span is not None and document.span.start == first + 8
    detected = _notes(release, "profile-detected")
    assert [d.span for d in detected] == [None, document.span]


# -- the day/month order of numeric dates -------------------------------------------------------------


def test_the_generic_profile_reports_the_order_it_assumed() -> None:
    release = _one("10/07/2019 11:25")
    [note] = _notes(release, "date-order-assumed")
    assert note.severity == "info" and note.span is not None
    assert "read month first (07 October 2019)" in note.message
    assert "generic profile" in note.message
    assert release.messages[0].sent_local == datetime(2019, 10, 7, 11, 25)


@pytest.mark.parametrize(
    ("policy", "order", "whose"),
    [
        (NZ, "day first (10 July 2019)", "the nz-mfat profile's order"),
        (STATE, "month first (07 October 2019)", "the us-state profile's order"),
        (Policy(dayfirst=True), "day first (10 July 2019)", "Policy.dayfirst"),
    ],
)
def test_a_profile_order_is_named(policy: Policy, order: str, whose: str) -> None:
    [note] = _notes(_one("10/07/2019 11:25", policy), "date-order-assumed")
    assert f"read {order}" in note.message and whose in note.message


@pytest.mark.parametrize(
    "sent",
    [
        "25/07/2019 11:25",  # a day over 12
        "07/07/2019 11:25",  # both orders give one date
        "Wednesday 10/07/2019 11:25",  # the weekday settles it (10 July)
        "Thursday, 11 July 2019 11:25 AM",  # the month named
    ],
)
def test_an_order_fixed_by_the_text_is_not_reported(sent: str) -> None:
    assert _notes(_one(sent), "date-order-assumed") == []


def test_a_date_the_chain_reread_names_the_chains_order() -> None:
    # London's Lotus Notes ``08/02/2001 23:22`` inside an American chain (test_lotus_notes.py).
    release = cablethread.parse_file(
        DATA / "enron" / "lotus_notes_london_time_after_gap_sent_by_4160260.txt"
    )
    notes = {d.message.split(":")[0]: d.message for d in _notes(release, "date-order-assumed")}
    assert (
        "read day first (08 February 2001), the order the printed chain asks for"
        in notes["'08/02/2001 23"]
    )


def test_a_numeric_date_in_another_language_names_its_language() -> None:
    text = "De : Jean Dupont\nEnvoyé : 04/07/2019 05:26\nÀ : NAD\nObjet : Zones\n\nTexte.\n"
    release = cablethread.parse(text)
    [note] = _notes(release, "date-order-assumed")
    assert "read day first (04 July 2019), the order of French dates" in note.message


# -- the NIH layout: UTC at the top, local time quoted, zones on the iPhone forwards --------------------


def test_nih_chain_is_ordered_in_real_time_with_its_printed_zones() -> None:
    release = cablethread.parse_file(NIH_EXCHANGE)
    assert release.profile == "us-nih"
    by_line = {m.occurrences[0].span.start: m for m in release.messages}
    # Line 1, Exchange's own print: ``Sun, 1 Mar 2020 12:39:59 +0000``.
    top = by_line[1]
    assert (top.sent_zone, top.sent_utc) == ("+0000", _utc(2020, 3, 1, 12, 39, 59))
    # Line 4, quoted in the mailbox's time, no zone: 6:58 AM in New York (EST, UTC-05:00).
    quoted = by_line[4]
    assert (quoted.sent_zone, quoted.time_zone) == (None, "America/New_York")
    assert quoted.sent_utc == _utc(2020, 3, 1, 11, 58)
    # Line 10, the iPhone forward: ``February 29, 2020 at 8:16:21 PM EST``.
    forward = by_line[10]
    assert forward.sent_zone == "EST" and forward.sent_offset_minutes == -300
    assert forward.sent_utc == _utc(2020, 3, 1, 1, 16, 21)
    # Line 19, the message it forwards: 7:53 PM in New York.
    original = by_line[19]
    assert original.sent_utc == _utc(2020, 3, 1, 0, 53)
    [thread] = release.threads
    assert thread.message_ids == [original.id, forward.id, quoted.id, top.id]
    assert _notes(release, "time-reply-before-parent") == []


@pytest.mark.parametrize("mode", MODES)
def test_nih_printed_zones_hold_under_every_mode(mode: str) -> None:
    release = cablethread.parse_file(NIH_EXCHANGE, Policy(tz_mode=mode))  # type: ignore[arg-type]
    by_line = {m.occurrences[0].span.start: m for m in release.messages}
    assert by_line[1].sent_utc == _utc(2020, 3, 1, 12, 39, 59)
    assert by_line[10].sent_utc == _utc(2020, 3, 1, 1, 16, 21)


NIH_LATER_DOCUMENT = (
    DATA / "nih" / "zones" / "iphone_forward_est_above_a_later_utc_document_NIH-000865.txt"
)


def test_a_later_document_with_a_printed_zone_is_not_the_parent() -> None:
    # Line 5: Trudell's question forwarded from an iPhone, 1:34:34 PM EST = 18:34:34Z. Line 13, on
    # the next page: Fauci's ``FW: a question``, 18:36:42 +0000, two minutes later. Their wall
    # clocks (13:34 and 18:36) were within the slack for unknown zones; their printed zones show
    # that the one below is later, so it is no parent.
    release = cablethread.parse_file(NIH_LATER_DOCUMENT)
    by_line = {m.occurrences[0].span.start: m for m in release.messages}
    forward, later = by_line[5], by_line[13]
    assert forward.sent_utc == _utc(2020, 3, 7, 18, 34, 34)
    assert later.sent_utc == _utc(2020, 3, 7, 18, 36, 42)
    assert forward.parent_id is None
    # The page under the question opens with ``FW: a question``: a new printed document (a
    # message is printed above the one it answers), so no broken chain is reported between them.
    assert later.occurrences[0].chain == forward.occurrences[0].chain + 1
    assert _notes(release, "thread-chain-break") == []
    # The forward (``Fwd: a question``, 13:37:51 -0500) still replies to what it forwards, and the
    # later document to the question quoted in it (1:34 PM in New York: 18:34Z).
    assert by_line[1].parent_id == forward.id
    assert later.parent_id == by_line[16].id
    assert by_line[16].sent_utc == _utc(2020, 3, 7, 18, 34)
    assert _notes(release, "time-reply-before-parent") == []


@pytest.mark.parametrize(
    ("parent_sent", "linked"),
    [
        ("Tue, 3 Mar 2020 12:59:00 +0000", True),  # a minute before its reply
        ("Tue, 3 Mar 2020 08:00:30 -0500", True),  # 30 seconds after: two servers' clocks
        ("Tue, 3 Mar 2020 8:02 AM EST", False),  # two minutes after: a later message
        # No zone printed: 1:02 PM may be in any zone, so a later wall clock is allowed a day.
        ("Tuesday, March 3, 2020 1:02 PM", True),
    ],
)
def test_a_parent_later_than_its_reply_by_the_printed_zones_is_not_linked(
    parent_sent: str, linked: bool
) -> None:
    text = (
        "From: Ann Smith\nSent: Tue, 3 Mar 2020 13:00:00 +0000\nTo: Bob Jones\nSubject: RE: Plan\n"
        "\nYes.\n\n-----Original Message-----\n"
        f"From: Bob Jones\nSent: {parent_sent}\nTo: Ann Smith\nSubject: Plan\n\nAgreed?\n"
    )
    release = cablethread.parse(text, Policy(archive_tz="UTC"))
    reply, parent = release.messages
    assert (reply.parent_id == parent.id) is linked
    assert bool(_notes(release, "thread-chain-break")) is not linked


def _without_tzdata(monkeypatch: pytest.MonkeyPatch, folders: tuple[str, ...]) -> None:
    """As on a machine whose ``zoneinfo`` reads the system's zones and has no ``tzdata``
    package, the system's zones in ``folders``; the table of countries read afresh."""
    from cablethread.fields import zones

    def missing(package: str) -> None:
        raise ModuleNotFoundError(f"No module named {package!r}")

    monkeypatch.setattr(zones.resources, "files", missing)
    monkeypatch.setattr(zones.zoneinfo, "TZPATH", folders)
    zones._countries.cache_clear()


def test_zone_countries_come_from_the_system_zone_table_without_tzdata(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # zoneinfo works without tzdata where the system has its zones; so does the table of the
    # zones' countries that chooses a printed abbreviation's zone.
    (tmp_path / "zone.tab").write_text(
        "# country\tcoordinates\tzone\nNZ\t-3652+17446\tPacific/Auckland\n", encoding="utf-8"
    )
    _without_tzdata(monkeypatch, (str(tmp_path / "missing"), str(tmp_path)))
    from cablethread.fields import zones

    try:
        assert zones._countries() == {"Pacific/Auckland": "NZ"}
    finally:
        zones._countries.cache_clear()


def test_no_zone_table_at_all_is_a_data_file_error_naming_tzdata(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _without_tzdata(monkeypatch, (str(tmp_path),))
    from cablethread.fields import zones

    try:
        with pytest.raises(DataFileError, match="pip install tzdata"):
            _one("Thursday, 11 July 2019 11:25 AM CST", sender="NAD")
    finally:
        zones._countries.cache_clear()
