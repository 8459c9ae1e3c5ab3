"""Withheld and damaged senders and recipients of the NIH FOIA release (OCR text).

The passages under ``data/nih/parties/`` are copied from ``data/nih/nih_fauci_foia_ocr.txt``
(see ``data/PROVENANCE.md``); the strings below are printed forms met in that release.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import cablethread
from cablethread.fields.directory import Directory
from cablethread.fields.parties import (
    Fragment,
    is_redaction_debris,
    parse_party,
    read_parties,
    read_sender,
    resolve_party,
)
from cablethread.models import Span

DATA = Path(__file__).parent / "data"
PASSAGES = DATA / "nih" / "parties"
LINE = Span(start=3, end=3)


def _release(name: str) -> cablethread.Release:
    return cablethread.parse_file(PASSAGES / f"{name}.txt")


def _codes(release: cablethread.Release, code: str) -> list[int]:
    return [d.span.start for d in release.diagnostics if d.code == code and d.span is not None]


@pytest.fixture(scope="module")
def generic() -> Directory:
    return Directory.for_profile("generic")


# Passages of the release


def test_empty_from_is_a_withheld_sender() -> None:
    release = _release("empty_from_NIH-001046")
    [message] = release.messages
    assert message.sender is not None
    assert (message.sender.kind, message.sender.raw, message.sender.span) == (
        "withheld",
        "",
        Span(start=1, end=1),
    )
    assert message.sender.redaction is None
    assert _codes(release, "party-withheld") == [1]
    assert _codes(release, "header-no-sender") == []
    assert [p.name for p in message.to] == ["Cassetti, Cristina"]


def test_box_debris_as_sender_is_withheld() -> None:
    release = _release("debris_sender_NIH-000099")
    [message] = release.messages
    assert message.sender is not None
    assert (message.sender.kind, message.sender.raw) == ("withheld", "ee")
    assert _codes(release, "party-withheld") == [1]
    assert 1 not in _codes(release, "party-unknown")
    [diagnostic] = [d for d in release.diagnostics if d.code == "party-withheld"]
    assert "'ee'" in diagnostic.message


def test_box_and_code_debris_as_sender_is_withheld() -> None:
    release = _release("debris_code_sender_NIH-000495")
    [message] = release.messages
    assert message.sender is not None
    assert (message.sender.kind, message.sender.raw) == ("withheld", "ee 21.)")
    assert _codes(release, "party-withheld") == [1]
    assert _codes(release, "party-unknown") == []


def test_sender_on_behalf_of_a_mailbox() -> None:
    release = _release("on_behalf_NIH-001287")
    [message] = release.messages
    sender = message.sender
    assert sender is not None
    assert sender.raw == (
        "Folkers, Greg (NIH/NIAID) [E] on behalf of Fauci, Anthony (NIH/NIAID) [E]"
    )
    assert (sender.kind, sender.name, sender.surname, sender.unit) == (
        "person",
        "Folkers, Greg",
        "Folkers",
        "NIH/NIAID",
    )
    assert sender.on_behalf_of == "Fauci, Anthony (NIH/NIAID) [E]"
    assert _codes(release, "party-on-behalf") == [1]
    # ``[E]`` after the unit is NIH's staff category: every recipient is a person.
    assert [(p.kind, p.surname) for p in message.to + message.cc] == [
        ("person", "Laurencot"),
        ("person", "Fauci"),
        ("person", "Folkers"),
        ("person", "Conrad"),
        ("person", "Eisinger"),
        ("person", "Lane"),
    ]
    assert _codes(release, "party-unknown") == []
    # The mailbox is written to the JSON and read back.
    data = json.loads(release.to_json())
    assert data["messages"][0]["sender"]["on_behalf_of"] == "Fauci, Anthony (NIH/NIAID) [E]"
    assert cablethread.Release.model_validate_json(release.to_json()) == release


def test_debris_after_a_whole_name_is_its_withheld_address() -> None:
    release = _release("debris_after_name_NIH-001011")
    [message] = release.messages
    sender = message.sender
    assert sender is not None
    assert (sender.raw, sender.kind, sender.name, sender.address) == (
        "El Bcheraoui, Charbel 9 @G>",
        "person",
        "El Bcheraoui, Charbel",
        None,
    )
    [recipient] = message.to
    assert (recipient.raw, recipient.kind, recipient.surname, recipient.unit) == (
        "Fauci, Anthony (NIH/NIAID) [E] Toe",
        "person",
        "Fauci",
        "NIH/NIAID",
    )
    assert _codes(release, "party-withheld") == [1, 3]
    assert _codes(release, "party-unknown") == []


def test_blank_before_the_at_sign_is_repaired() -> None:
    release = _release("address_blank_at_NIH-001189")
    [message] = release.messages
    assert message.sender is not None
    assert message.sender.address == "AllisonO@keystonesymposia.org"
    assert [p.address for p in message.cc] == ["HeidiD@keystonesymposia.org"]
    assert _codes(release, "party-address-repaired") == [1, 3, 4]


# Real short names and codes are never debris


@pytest.mark.parametrize(
    ("profile", "raw", "code"),
    [
        ("nz-mfat", "NAD", "NAD"),
        ("nz-mfat", "CEO", "CEO"),
        ("nz-mfat", "DS AAG", "DS AAG"),
        ("nz-mfat", "UNHC", "UNHC"),
        ("us-state", "H", "H"),
    ],
)
def test_directory_codes_are_never_withheld(profile: str, raw: str, code: str) -> None:
    directory = Directory.for_profile(profile)
    party, _ = parse_party(raw, LINE)
    resolved, notes = resolve_party(party, directory)
    assert (resolved.kind, resolved.code) != ("withheld", None)
    assert resolved.code == code
    assert notes == []


def test_seed_release_has_no_debris() -> None:
    release = cablethread.parse_file(DATA / "mfat_xinjiang_oia.txt")
    withheld = [
        p
        for m in release.messages
        for p in (m.sender, *m.to, *m.cc, *m.bcc)
        if p is not None and p.kind == "withheld"
    ]
    # The seed's withheld recipients are its printed codes, each with its ground.
    assert withheld and all(p.redaction is not None for p in withheld)
    assert _codes(release, "party-withheld") == []
    senders = {m.sender.raw for m in release.messages if m.sender is not None}
    assert {"NAD", "GENEVA"} <= senders


def test_clinton_sender_h_is_not_withheld() -> None:
    release = cablethread.parse_file(DATA / "clinton" / "eastern_standard_time_chain_C05796780.txt")
    printed_h = [
        p
        for m in release.messages
        for p in (m.sender, *m.to, *m.cc)
        if p is not None and p.raw.strip() == "H"
    ]
    assert printed_h and all(p.kind != "withheld" and p.code == "H" for p in printed_h)


# The rules on strings


@pytest.mark.parametrize(
    "text",
    [
        *("ee", "Oe", "se", "cee", "Saas", "OO", "(OO)", "ee)", "ee 21.)", "ee |.)", "(o) 6)"),
        *("0) ©", "ob) ©", "M ®®", "el) 9 @@", "8)", "0) 6", "/ 66>", "a)", "7 ee", "EE ee"),
        *("(OLO)", "IO)", "KOO)", "LOX)", "KOKO]"),
        # The box's edge read as a capital, then its grey: ``From: Tee`` stands twice where the
        # sender's private mailbox was withheld (NIH lines 21743, 23487), as ``Bees`` does.
        *("Bees", "Tee", "Toe", "Rs", "Dae"),
    ],
)
def test_redaction_debris(text: str) -> None:
    assert is_redaction_debris(text)


@pytest.mark.parametrize(
    "text",
    [
        *("NAD", "H", "CEO", "DS AAG", "UNHC", "E", "S", "c", "a", "Jon M", "Arthur", "Sid"),
        # Short names of the shape of the box's edge and grey (``data/ocr/redaction_debris.toml``).
        *("Joe", "Lee", "Ross", "Jo", "Rose", "Sam", "Bob", "Huma", "Recos"),
        *("mon", "cb", "Sa=", "you", "1", "Fabien >", "Sent: To:", ""),
    ],
)
def test_not_redaction_debris(text: str) -> None:
    assert not is_redaction_debris(text)


def test_debris_recipient_is_withheld_and_reported(generic: Directory) -> None:
    parties, notes = read_parties(
        [Fragment(3, "ee; Lerner, Andrea (NIH/NIAID) [E]")], "to", generic
    )
    assert [(p.kind, p.raw) for p in parties] == [
        ("withheld", "ee"),
        ("person", "Lerner, Andrea (NIH/NIAID) [E]"),
    ]
    assert [n.code for n in notes] == ["party-withheld"]


@pytest.mark.parametrize(
    ("raw", "tail"),
    [
        ("Fauci, Anthony (NIH/NIAID) [E] Toe", "Toe"),
        ("Fauci, Anthony (NIH/NIAID) [E] TY yee", "TY yee"),
        ("Fauci, Anthony (NIH/NIAID) [E M>", "M>"),
        ("Fauci, Anthony (NIH/NIAID) [E] <9 @@>", "<9 @@>"),
        ("Fauci, Anthony (NIH/NIAID) [EJ Oe", "Oe"),
        ('"Fauci, Anthony (NIH/NIAID) [E]" 7 @@>', "7 @@>"),
        ("Hall, Bill (HHS/ASPA) M>", "M>"),
        ("Del Rio, Carlos >", ">"),
    ],
)
def test_debris_after_a_name(generic: Directory, raw: str, tail: str) -> None:
    [party], notes = read_parties([Fragment(3, raw)], "cc", generic)
    assert (party.raw, party.kind, party.address) == (raw, "person", None)
    assert party.surname in ("Fauci", "Hall", "Del Rio")
    assert [n.code for n in notes] == ["party-withheld"]
    assert repr(tail) in notes[0].message


@pytest.mark.parametrize(
    "raw",
    [
        # Words after the name are not debris: a field run into it, a second name.
        "Fauci, Anthony (NIH/NIAID) [E] < Subject: NEJM content proof (Fauci) Importance: High",
        "Fauci, Anthony (NIH/NIAID) [E] Sent: Monday",
        # Without its unit a name is closed only by the ``>`` of its blanked address.
        "Liz Smith Oe",
    ],
)
def test_words_after_a_name_are_not_debris(generic: Directory, raw: str) -> None:
    [party], notes = read_parties([Fragment(3, raw)], "cc", generic)
    # Nothing is taken off: the name is all that was printed.
    assert (party.raw, party.name) == (raw, raw)
    assert party.kind != "withheld"
    assert "party-withheld" not in [n.code for n in notes]


@pytest.mark.parametrize(
    ("raw", "sender", "mailbox"),
    [
        (
            "Eisinger, Robert (NIH/NIAID) [E] on behalf of Fauci, Anthony (NIH/NIAID) [E]",
            "Eisinger, Robert",
            "Fauci, Anthony (NIH/NIAID) [E]",
        ),
        (
            "Buono, Lucia <LBUONO@imf.org> On Behalf Of Gopinath, Gita",
            "Buono, Lucia",
            "Gopinath, Gita",
        ),
        (
            "Eisinger, Robert (NIH/NIAID) [E] yyy OG> On Behalf Of Fauci, Anthony (NIH/NIAID) [E]",
            "Eisinger, Robert",
            "Fauci, Anthony (NIH/NIAID) [E]",
        ),
    ],
)
def test_sender_on_behalf(raw: str, sender: str, mailbox: str) -> None:
    party, notes = read_sender([Fragment(3, raw)])
    assert party is not None
    assert (party.raw, party.name, party.kind, party.on_behalf_of) == (
        raw,
        sender,
        "person",
        mailbox,
    )
    assert "party-on-behalf" in [n.code for n in notes]


def test_behalf_inside_a_name_is_no_mailbox() -> None:
    party, notes = read_sender([Fragment(3, "Writing on behalf of")])
    assert party is not None and party.on_behalf_of is None
    assert "party-on-behalf" not in [n.code for n in notes]


@pytest.mark.parametrize("label", ["mailto", "mallto", "maiito", "rnailto"])
def test_mailto_label_misread(generic: Directory, label: str) -> None:
    raw = f"Hanley, Monica R [{label}:HanleyMR©state.gov]"
    [party], notes = read_parties([Fragment(3, raw)], "to", generic)
    assert (party.name, party.address, party.kind) == (
        "Hanley, Monica R",
        "HanleyMR@state.gov",
        "person",
    )
    assert [n.code for n in notes] == ["party-address-repaired"]


def test_mailto_label_misread_alone_is_reported(generic: Directory) -> None:
    [party], notes = read_parties(
        [Fragment(3, "Mills, Cheryl D [mallto:MillsCD@state.gov]")], "to", generic
    )
    assert party.address == "MillsCD@state.gov"
    assert [n.code for n in notes] == ["party-address-repaired"]
    [party], notes = read_parties(
        [Fragment(3, "Mills, Cheryl D [mailto:MillsCD@state.gov]")], "to", generic
    )
    assert notes == []


# Whole header blocks


def _one(text: str) -> tuple[cablethread.Message, cablethread.Release]:
    release = cablethread.parse(text)
    [message] = release.messages
    return message, release


def test_code_as_the_whole_recipient_value_is_a_withheld_recipient() -> None:
    message, release = _one(
        "From: (b) (6)\nSent: Mon, 2 Mar 2020 09:10:54 -0500\nTo: NAD\nCc: B6\nSubject: x\n\nHi\n"
    )
    assert message.sender is not None and message.sender.redaction is not None
    assert (message.sender.kind, message.sender.redaction.code) == ("withheld", "b6")
    [cc] = message.cc
    assert (cc.kind, cc.raw, cc.redaction.code if cc.redaction else None) == (
        "withheld",
        "B6",
        "b6",
    )
    assert _codes(release, "party-withheld") == [4]
    assert _codes(release, "redaction-margin") == []


def test_code_beside_a_name_stays_a_margin_code() -> None:
    message, release = _one(
        "From: NAD\nSent: Mon, 2 Mar 2020 09:10:54 -0500\n"
        "To: Sullivan, Jacob J                      B6\nSubject: x\n\nHi\n"
    )
    assert [(p.kind, p.raw) for p in message.to] == [("person", "Sullivan, Jacob J")]
    assert _codes(release, "redaction-margin") == [3]


def test_from_without_its_colon_leaves_the_sender_unknown() -> None:
    message, release = _one("From\nSent: Mon, 2 Mar 2020 09:10:54 -0500\nTo: NAD\nSubject: x\n")
    assert message.sender is None
    assert _codes(release, "header-no-sender") != []
    assert _codes(release, "party-withheld") == []


def test_specks_in_an_empty_from_are_a_withheld_sender() -> None:
    message, release = _one(
        "From: |.)\nSent: Mon, 2 Mar 2020 09:10:54 -0500\nTo: NAD\nSubject: x\n"
    )
    assert message.sender is not None
    assert (message.sender.kind, message.sender.raw) == ("withheld", "|.)")
    assert _codes(release, "party-withheld") == [1]
    assert _codes(release, "party-noise-skipped") == []


def test_on_behalf_of_is_not_written_when_absent() -> None:
    release = cablethread.parse_file(DATA / "mfat_xinjiang_oia.txt")
    assert "on_behalf_of" not in release.to_json()


def test_a_list_of_quoted_names_is_split_at_each_name() -> None:
    # Apple Mail prints ``"Last, First" <address>, …``; OCR lost one comma and blanked an address.
    release = cablethread.parse(
        "From: A <a@x.org>\nDate: March 2, 2020 at 8:15:00 PM EST\n"
        'To: "Bell, Kathryn (HELP)" yyy yee "Pfaff, Melissa (HELP)" M>, "Vogt, Andrew" <av@x.gov>\n'
        "Subject: Meeting\n"
    )
    assert [p.raw for p in release.messages[0].to] == [
        '"Bell, Kathryn (HELP)" yyy yee',
        '"Pfaff, Melissa (HELP)" M>',
        '"Vogt, Andrew" <av@x.gov>',
    ]
