"""Parties of the NZ MFAT Xinjiang release, resolved against the nz-mfat directory."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

import cablethread
from cablethread.models import Message, Party

SEED_PATH = Path(__file__).parent / "data" / "mfat_xinjiang_oia.txt"


def _all_parties(release: cablethread.Release) -> list[tuple[Message, Party]]:
    return [
        (message, party)
        for message in release.messages
        for party in [message.sender, *message.to, *message.cc, *message.bcc]
        if party is not None
    ]


def _by_line(release: cablethread.Release, line: int) -> Message:
    return next(m for m in release.messages if m.occurrences[0].span.start == line)


def test_every_sender_and_recipient_resolves(seed: cablethread.Release) -> None:
    parties = _all_parties(seed)
    assert parties
    assert [p.raw for _, p in parties if p.kind == "unknown"] == []
    assert [d for d in seed.diagnostics if d.code == "party-unknown"] == []
    for _, party in parties:
        if party.kind not in ("person", "withheld"):
            assert party.code is not None, party.raw


def test_ds_mlg_cut_by_the_wrap_is_one_office(seed: cablethread.Release) -> None:
    message = _by_line(seed, 781)
    joined = [p for p in message.cc if p.span.start != p.span.end]
    assert [(p.raw, p.code, p.kind, str(p.span)) for p in joined] == [
        ("DS MLG", "DS MLG", "office", "784-785")
    ]
    notes = [d for d in seed.diagnostics if d.code == "party-wrap-joined"]
    assert [(d.severity, str(d.span), str(d.related)) for d in notes] == [("info", "784", "785")]
    assert "'DS MLG'" in notes[0].message


@pytest.mark.parametrize("first_line", [165, 556])
def test_london_and_canberra_run_together_are_two_posts(
    seed: cablethread.Release, first_line: int
) -> None:
    message = next(
        m for m in seed.messages if any(o.span.start == first_line - 6 for o in m.occurrences)
    )
    assert message.header is not None
    codes = [p.code for p in message.cc]
    at = codes.index("LONDON")
    assert codes[at : at + 2] == ["LONDON", "CANBERRA"]
    split = [d for d in seed.diagnostics if d.code == "party-wrap-split"]
    assert any(
        d.span is not None
        and d.related is not None
        and (d.span.start, d.related.start) == (first_line, first_line + 1)
        for d in split
    )


def test_london_and_canberra_keep_their_own_lines(seed: cablethread.Release) -> None:
    message = _by_line(seed, 159)
    spans = {p.raw: str(p.span) for p in message.cc if p.raw in ("LONDON", "CANBERRA")}
    assert spans == {"LONDON": "165", "CANBERRA": "166"}


def test_person_with_unit_resolves_the_unit(seed: cablethread.Release) -> None:
    sender = _by_line(seed, 1321).sender
    assert sender is not None
    assert (sender.kind, sender.surname, sender.given_name, sender.unit) == (
        "person",
        "GEELS",
        "Deborah",
        "NAD",
    )
    assert sender.name == "GEELS, Deborah"
    assert sender.code is None
    assert sender.time_zone == "Pacific/Auckland"


def test_person_in_an_office_keeps_the_canonical_unit(seed: cablethread.Release) -> None:
    king = next(p for p in _by_line(seed, 1321).cc if p.raw.startswith("KING"))
    assert (king.kind, king.surname, king.given_name, king.unit) == (
        "person",
        "KING",
        "Ben",
        "DS AAG",
    )


def test_withholding_code_in_to_is_a_withheld_recipient(seed: cablethread.Release) -> None:
    to = _by_line(seed, 1321).to
    assert [(p.kind, p.code, p.redaction.code if p.redaction else None) for p in to] == [
        ("withheld", None, "s9(2)(a)"),
        ("withheld", None, "s9(2)(g)(i)"),
    ]
    assert all(p.time_zone is None for p in to)


def test_seemail_mailboxes_carry_their_channel(seed: cablethread.Release) -> None:
    mailboxes = {
        p.raw: (p.code, p.kind, p.channel)
        for _, p in _all_parties(seed)
        if p.raw.endswith("(Seemail)")
    }
    assert mailboxes == {
        "FM.NAB (Seemail)": ("FM.NAB", "mailbox", "Seemail"),
        "FM.DPMC (FPA) (Seemail)": ("FM.DPMC (FPA)", "mailbox", "Seemail"),
        "FM.P/S MFA (Seemail)": ("FM.P/S MFA", "mailbox", "Seemail"),
        "FM.Defence (Seemail)": ("FM.Defence", "mailbox", "Seemail"),
        "FM.P/S Trade (Seemail)": ("FM.P/S Trade", "mailbox", "Seemail"),
    }


def test_posts_and_divisions_get_full_name_and_zone(seed: cablethread.Release) -> None:
    first = seed.messages[0]
    assert first.sender is not None
    assert (first.sender.code, first.sender.kind, first.sender.name, first.sender.time_zone) == (
        "NAD",
        "division",
        "North Asia Division",
        "Pacific/Auckland",
    )
    beijing = first.to[0]
    assert (beijing.raw, beijing.code, beijing.time_zone) == ("BEIJING", "BEIJING", "Asia/Shanghai")


def test_sender_mode_reads_geneva_clocks_in_geneva() -> None:
    release = cablethread.parse_file(SEED_PATH, cablethread.Policy(tz_mode="sender"))
    geneva = [m for m in release.messages if m.sender is not None and m.sender.code == "GENEVA"]
    assert len(geneva) == 9
    assert {m.time_zone for m in geneva} == {"Europe/Zurich"}
    # Thursday 4 July 2019 5:26 AM in Geneva (CEST, UTC+2).
    message = _by_line(release, 1071)
    assert message.sent_utc == datetime(2019, 7, 4, 3, 26, tzinfo=UTC)
    assert not any(d.code == "time-zone-unknown" for d in release.diagnostics)


def test_release_parties_are_distinct_with_their_messages(seed: cablethread.Release) -> None:
    keys = [p.key for p in seed.parties]
    assert len(keys) == len(set(keys))
    nad = next(p for p in seed.parties if p.code == "NAD")
    assert nad.sent == [
        m.id for m in seed.messages if m.sender is not None and m.sender.code == "NAD"
    ]
    assert nad.received == [
        m.id for m in seed.messages if any(p.code == "NAD" for p in [*m.to, *m.cc, *m.bcc])
    ]
    geels = next(p for p in seed.parties if p.surname == "GEELS")
    assert (geels.kind, geels.sent, geels.received) == ("person", [seed.messages[-1].id], [])


def test_every_party_of_a_message_is_in_release_parties(seed: cablethread.Release) -> None:
    listed = {key for participant in seed.parties for key in participant.keys}
    assert {party.key for _, party in _all_parties(seed)} <= listed


def test_release_with_parties_round_trips_through_json(seed: cablethread.Release) -> None:
    again = cablethread.Release.model_validate_json(seed.to_json())
    assert again == seed
    assert isinstance(again.parties[0], cablethread.Participant)
