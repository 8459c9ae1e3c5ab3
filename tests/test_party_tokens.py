"""Reading single tokens and wrapped lists: names, addresses, wraps decided by the directory."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cablethread.fields.directory import Directory, Entry
from cablethread.fields.parties import Fragment, parse_party, read_parties, read_sender
from cablethread.models import Span

LINE = Span(start=3, end=3)


@pytest.fixture(scope="module")
def mfat() -> Directory:
    return Directory.for_profile("nz-mfat")


@pytest.mark.parametrize(
    ("raw", "name", "address", "kind"),
    [
        ("Mills, Cheryl D <MillsCD@state.gov>", "Mills, Cheryl D", "MillsCD@state.gov", "person"),
        ("H <hrod17@clintonemail.com>", "H", "hrod17@clintonemail.com", "person"),
        ("H <hrod17@clintonemail.com >", "H", "hrod17@clintonemail.com", "person"),
        (
            "Mills, Cheryl D [mailto:MillsCD@state.gov]",
            "Mills, Cheryl D",
            "MillsCD@state.gov",
            "person",
        ),
        # Outlook 97 (the Enron sample): ``From: Scott Palmer [SMTP:Scott.Palmer@exodus.net]``.
        (
            "Scott Palmer [SMTP:Scott.Palmer@exodus.net]",
            "Scott Palmer",
            "Scott.Palmer@exodus.net",
            "person",
        ),
        ("'millscd@state.gov'", None, "millscd@state.gov", "mailbox"),
        ("'millscd@state.gov.", None, "millscd@state.gov", "mailbox"),
        ("'Shapiro, Daniel B.'", "Shapiro, Daniel B.", None, "person"),
    ],
)
def test_names_and_addresses(raw: str, name: str | None, address: str | None, kind: str) -> None:
    party, repaired = parse_party(raw, LINE)
    assert (party.name, party.address, party.kind, repaired) == (name, address, kind, False)


@pytest.mark.parametrize(
    ("raw", "address"),
    [
        ("Mills, Cheryl D <MillsCD©state.gov>", "MillsCD@state.gov"),
        ("H <hrod17@clintonemail.corn>", "hrod17@clintonemail.com"),
        ("'abedinh@state.goy'", "abedinh@state.gov"),
    ],
)
def test_ocr_damaged_addresses_are_repaired(raw: str, address: str) -> None:
    party, repaired = parse_party(raw, LINE)
    assert (party.address, repaired) == (address, True)


@pytest.mark.parametrize(
    ("raw", "surname", "given"),
    [
        ("GEELS, Deborah (NAD)", "GEELS", "Deborah"),
        ("Warnholz, Jean-Louis", "Warnholz", "Jean-Louis"),
        ("O'Hare, Joseph", "O'Hare", "Joseph"),
        ("Huma Abedin", "Abedin", "Huma"),
        ("Cheryl D. Mills", "Mills", "Cheryl D."),
        ("Michael De Landsheer", "De Landsheer", "Michael"),
    ],
)
def test_person_names_give_surname_and_given_name(raw: str, surname: str, given: str) -> None:
    party, _ = parse_party(raw, LINE)
    assert (party.kind, party.surname, party.given_name) == ("person", surname, given)


@pytest.mark.parametrize(
    "raw", ["Operations Center", "Syria Unrest", "PA FO Group", "NEW YORK", "Warnholz, Jean-"]
)
def test_desks_lists_and_cut_words_are_not_people(raw: str) -> None:
    party, _ = parse_party(raw, LINE)
    assert party.kind == "unknown"


def _fragments(*lines: str) -> list[Fragment]:
    return [Fragment(line, text) for line, text in enumerate(lines, start=10)]


def test_code_cut_by_the_wrap_is_joined(mfat: Directory) -> None:
    parties, notes = read_parties(_fragments("DS AAG; DS", "MLG; CEO"), "cc", mfat)
    assert [(p.raw, p.code, str(p.span)) for p in parties] == [
        ("DS AAG", "DS AAG", "10"),
        ("DS MLG", "DS MLG", "10-11"),
        ("CEO", "CEO", "11"),
    ]
    assert [(n.code, str(n.span), str(n.related)) for n in notes] == [
        ("party-wrap-joined", "10", "11")
    ]


def test_codes_run_together_at_the_wrap_are_split(mfat: Directory) -> None:
    parties, notes = read_parties(_fragments("WASHINGTON; LONDON", "CANBERRA; OTTAWA"), "cc", mfat)
    assert [(p.code, str(p.span)) for p in parties] == [
        ("WASHINGTON", "10"),
        ("LONDON", "10"),
        ("CANBERRA", "11"),
        ("OTTAWA", "11"),
    ]
    assert [(n.code, str(n.span), str(n.related)) for n in notes] == [
        ("party-wrap-split", "10", "11")
    ]


def test_wrap_decision_follows_the_directory() -> None:
    # With "LONDON CANBERRA" a code of its own, the same print is one party.
    directory = Directory([Entry(code="LONDON CANBERRA", kind="distribution-list")])
    parties, notes = read_parties(_fragments("LONDON", "CANBERRA"), "cc", directory)
    assert [p.code for p in parties] == ["LONDON CANBERRA"]
    assert [n.code for n in notes] == ["party-wrap-joined"]


def test_unresolved_token_is_kept_with_a_diagnostic(mfat: Directory) -> None:
    parties, notes = read_parties(_fragments("NAD; ATLANTIS"), "to", mfat)
    assert [(p.raw, p.kind, p.code) for p in parties] == [
        ("NAD", "division", "NAD"),
        ("ATLANTIS", "unknown", None),
    ]
    assert [(n.code, str(n.span)) for n in notes] == [("party-unknown", "10")]
    assert "'ATLANTIS'" in notes[0].message and "nz-mfat" in notes[0].message


def test_unit_not_in_the_directory_is_kept_as_printed(mfat: Directory) -> None:
    parties, notes = read_parties(_fragments("HEWSON, Brian (XYZ)"), "cc", mfat)
    assert [(p.kind, p.unit, p.time_zone) for p in parties] == [("person", "XYZ", None)]
    assert notes == []


def test_alias_resolves_to_the_canonical_code(mfat: Directory) -> None:
    parties, _ = read_parties(_fragments("BEI"), "to", mfat)
    assert [(p.raw, p.code, p.name) for p in parties] == [
        ("BEI", "BEIJING", "New Zealand Embassy, Beijing")
    ]


def test_wrapped_sender_is_one_party() -> None:
    party, notes = read_sender(_fragments("Warnholz, Jean-", "Louis"))
    assert party is not None
    assert (party.raw, party.kind, str(party.span)) == ("Warnholz, Jean-Louis", "person", "10-11")
    assert [n.code for n in notes] == ["party-wrap-joined"]


def test_classification_banner_beside_the_sender_is_dropped() -> None:
    party, _ = read_sender(
        _fragments("Sullivan, Jacob J <SullivanJJ@state.gov>         CONFIDENTIAL — Reason: 1.4(B)")
    )
    assert party is not None and party.raw == "Sullivan, Jacob J <SullivanJJ@state.gov>"


def test_blanked_address_is_dropped_from_the_name() -> None:
    parties, _ = read_parties(
        _fragments("Jose Agustin Aguerre <                >; Mark D'sa <"), "to", Directory()
    )
    assert [p.raw for p in parties] == ["Jose Agustin Aguerre", "Mark D'sa"]


def test_end_of_a_blanked_address_wrapped_onto_the_next_line_closes_the_party_above() -> None:
    parties, notes = read_parties(
        _fragments(
            "Billet, Courtney (NIH/NIAID) [E] (OG; Davey, Richard (NIH/NIAID) [E]",
            ">; Palmore, Tara (NIH/CC/OD) [E]",
        ),
        "cc",
        Directory(),
    )
    assert [(p.raw, p.kind, str(p.span)) for p in parties] == [
        ("Billet, Courtney (NIH/NIAID) [E] (OG", "person", "10"),
        ("Davey, Richard (NIH/NIAID) [E] >", "person", "10-11"),
        ("Palmore, Tara (NIH/CC/OD) [E]", "person", "11"),
    ]
    assert ("party-wrap-joined", "10", "11") in [
        (n.code, str(n.span), str(n.related)) for n in notes
    ]


def test_debris_wrapped_onto_the_next_line_stays_with_its_name() -> None:
    parties, _ = read_parties(
        _fragments(
            "Fauci, Anthony (NIH/NIAID) [E] >; Billet, Courtney (NIH/NIAID) [E]",
            "ee >; Stover, Kathy (NIH/NIAID) [E]",
        ),
        "to",
        Directory(),
    )
    assert [p.raw for p in parties] == [
        "Fauci, Anthony (NIH/NIAID) [E] >",
        "Billet, Courtney (NIH/NIAID) [E] ee >",
        "Stover, Kathy (NIH/NIAID) [E]",
    ]


def test_capitals_before_a_name_its_address_spells_are_a_withheld_recipient() -> None:
    parties, notes = read_parties(
        _fragments("NG, Kircheis Dr. Ralf <RKircheis@syntacoll.de>"), "cc", Directory()
    )
    assert [(p.raw, p.kind) for p in parties] == [
        ("NG", "withheld"),
        ("Kircheis Dr. Ralf <RKircheis@syntacoll.de>", "person"),
    ]
    assert [n.code for n in notes] == ["party-withheld"]


@pytest.mark.parametrize(
    "raw",
    [
        "NG, Andrew Wei <andrew.ng@example.org>",  # the address spells the surname
        "Ng, Andrew Wei <awei@example.org>",  # a surname as names are written
        "NG, Andrew <andrew@example.org>",  # a given name alone
        "SMITH, Ian Michael <smithi@who.int>",  # more letters than debris holds
    ],
)
def test_a_surname_before_a_name_and_address_stays_with_it(raw: str) -> None:
    parties, _ = read_parties(_fragments(raw), "cc", Directory())
    assert [p.raw for p in parties] == [raw]


_PIECES = st.sampled_from(
    [
        *"abXY ,;:<>[]@.-'\"()©—•\t",
        *["B6", "1.4(B)", "s9(2)(a)", "DS", "MLG", "LONDON", "Jean-", "mailto:", "(Seemail)"],
        *["   ", "(NAD)", "CONFIDENTIAL", "Reason:", "Mills, Cheryl D"],
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(_PIECES, max_size=25).map("".join), min_size=1, max_size=5))
def test_any_field_gives_parties_on_its_own_lines(lines: list[str]) -> None:
    fragments = _fragments(*lines)
    parties, notes = read_parties(fragments, "to", Directory.for_profile("nz-mfat"))
    first, last = fragments[0].line, fragments[-1].line
    for party in parties:
        assert party.raw.strip()
        assert first <= party.span.start <= party.span.end <= last
    for note in notes:
        assert first <= note.span.start <= last
