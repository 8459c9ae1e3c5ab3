"""Parties of documents from the US State Department's Clinton FOIA release (OCR'd, pdftotext)."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pytest

import cablethread
from cablethread.models import Party

DATA = Path(__file__).parent / "data"
# Documents copied for their parties, and those copied for their header layouts: every one of
# them must keep withholding codes out of parties.
FOLDERS = (DATA / "clinton-parties", DATA / "clinton")
LAYOUTS = sorted(p.stem for folder in FOLDERS for p in folder.glob("*.txt"))
CLINTON = FOLDERS[0]
# A withholding code as printed: ``B6``, ``B7(C)``, ``1.4(D)`` (the classification reason).
CODE_WORD = re.compile(r"(?<![\w(])(?:B[1-9](?:\([A-Fa-f]\))?|1\.4\([A-Ha-h]\))(?![\w])")


def _parse(layout: str) -> cablethread.Release:
    with warnings.catch_warnings():
        # dateutil warns about stray time-zone letters in the OCR; the parser reports its own.
        warnings.simplefilter("ignore")
        path = next(
            folder / f"{layout}.txt" for folder in FOLDERS if (folder / f"{layout}.txt").exists()
        )
        return cablethread.parse_file(path)


def _parties(release: cablethread.Release) -> list[Party]:
    return [p for m in release.messages for p in [m.sender, *m.to, *m.cc, *m.bcc] if p is not None]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_profile_is_detected_as_us_state(layout: str) -> None:
    assert _parse(layout).profile == "us-state"


@pytest.mark.parametrize("layout", LAYOUTS)
def test_no_withholding_code_is_part_of_a_party(layout: str) -> None:
    release = _parse(layout)
    for party in _parties(release):
        if party.kind == "withheld" and CODE_WORD.search(party.raw):
            # A withheld party printed as a code is the code alone, with its ground.
            assert party.redaction is not None
            assert CODE_WORD.sub("", party.raw).strip(" ,;'") == ""
        elif party.kind == "withheld":
            # One printed as an empty From: or redaction debris is reported on its line.
            assert party.redaction is None
            assert any(
                d.code == "party-withheld" and d.span.start == party.span.start
                for d in release.diagnostics
            ), party
        else:
            assert not CODE_WORD.search(party.raw), party.raw


def test_margin_code_below_the_sender_is_not_part_of_the_name() -> None:
    release = _parse("from_margin_code_below")
    sender = next(m.sender for m in release.messages if m.sender and "Prince" in m.sender.raw)
    assert (sender.raw, sender.kind, sender.surname, sender.given_name) == (
        "Jonathan Prince",
        "person",
        "Prince",
        "Jonathan",
    )
    margin = [d for d in release.diagnostics if d.code == "redaction-margin"]
    assert any(d.span is not None and d.span.start == 20 and "B6" in d.message for d in margin)


def test_sender_printed_only_as_a_code_is_withheld() -> None:
    sender = _parse("from_withheld").messages[0].sender
    assert sender is not None
    assert (sender.kind, sender.redaction.code if sender.redaction else None) == ("withheld", "b6")


def test_surname_cut_after_its_comma_is_rejoined() -> None:
    release = _parse("to_wrapped_after_comma")
    nides = next(p for p in _parties(release) if p.surname == "Nides")
    assert (nides.raw, nides.given_name, nides.kind, str(nides.span)) == (
        "Nides, Thomas R",
        "Thomas R",
        "person",
        "60-61",
    )
    joined = [d for d in release.diagnostics if d.code == "party-wrap-joined"]
    assert [(str(d.span), str(d.related)) for d in joined] == [("60", "61")]


def test_given_name_cut_at_its_hyphen_is_rejoined() -> None:
    release = _parse("to_wrapped_at_hyphen_in_columns")
    message = next(m for m in release.messages if m.occurrences[0].span.start == 75)
    assert [p.raw for p in message.to] == [
        "Jose Agustin Aguerre",
        "Michael De Landsheer",
        "Warnholz, Jean-Louis",
    ]
    warnholz = message.to[-1]
    assert (warnholz.surname, warnholz.given_name, str(warnholz.span)) == (
        "Warnholz",
        "Jean-Louis",
        "79-80",
    )
    # The unwrapped printing of the same name elsewhere is the same person.
    same = [p for p in release.parties if p.surname == "Warnholz"]
    assert len(same) == 1 and len(same[0].received) == 2


def test_names_in_columns_without_separator_are_two_parties() -> None:
    release = _parse("to_wrapped_at_hyphen_in_columns")
    message = next(m for m in release.messages if m.occurrences[0].span.start == 75)
    assert [p.raw for p in message.cc] == ["D'sa, Mark C", "Mark D'sal", "Arcindo Santos"]
    columns = [d for d in release.diagnostics if d.code == "party-column-split"]
    assert {d.span.start for d in columns if d.span} == {79, 81}


def test_separator_lost_before_a_wrapped_name_splits_two_parties() -> None:
    release = _parse("wrapped_to_page_stamps_margin_codes_C05778141")
    message = next(m for m in release.messages if m.occurrences[0].span.start == 41)
    assert [p.raw for p in message.to][-2:] == ["'Daniel_A._Restrepo", "Mcdonald, Kara C"]
    split = [d for d in release.diagnostics if d.code == "party-wrap-split"]
    assert [(str(d.span), str(d.related)) for d in split] == [("43", "44")]


def test_classification_reasons_in_the_margin_are_dropped() -> None:
    release = _parse("wrapped_to_page_stamps_margin_codes_C05778141")
    message = next(m for m in release.messages if m.occurrences[0].span.start == 19)
    assert [p.raw for p in message.cc] == ["Shannon, Thomas A"]
    margin = [d for d in release.diagnostics if d.code == "redaction-margin" and d.span]
    assert any(d.span.start == 22 and "'1.4(B)'" in d.message for d in margin if d.span)
    lindwall = next(m for m in release.messages if m.occurrences[0].span.start == 62)
    assert [p.raw for p in lindwall.to][-1] == "Mcdonald, Kara C"


def test_forms_of_one_person_merge_on_address() -> None:
    release = _parse("address_forms_of_one_person")
    reply, original = release.messages
    mills = [p for p in release.parties if "millscd@state.gov" in p.keys[0]]
    assert len(mills) == 1
    assert mills[0].forms == ["'millscd@state.gov'", "Mills, Cheryl D <MillsCD@state.gov>"]
    assert (mills[0].kind, mills[0].name, mills[0].surname) == (
        "person",
        "Mills, Cheryl D",
        "Mills",
    )
    assert (mills[0].sent, mills[0].received) == ([original.id], [reply.id])


def test_secretary_resolves_by_address_and_by_display_name() -> None:
    release = _parse("address_forms_of_one_person")
    reply, original = release.messages
    assert reply.sender is not None and original.to[0].raw == "H"
    assert (reply.sender.code, reply.sender.address) == ("H", "hrod17@clintonemail.com")
    assert (original.to[0].code, original.to[0].kind) == ("H", "person")
    secretary = [p for p in release.parties if p.code == "H"]
    assert len(secretary) == 1
    assert secretary[0].name == "Hillary Rodham Clinton"
    assert secretary[0].forms == ["H <hrod17@clintonemail.com >", "H"]


def test_forms_of_one_person_merge_on_address_and_name() -> None:
    release = _parse("to_wrapped_at_hyphen_in_columns")
    mills = [p for p in release.parties if p.surname == "Mills" or "millscd" in p.key]
    assert len(mills) == 1
    assert mills[0].forms == [
        "'millscd©state.gov'",
        "Mills, Cheryl D [mailto:MillsCD@state.gov]",
        "Mills, Cheryl D",
    ]
    assert mills[0].addresses == ["millscd@state.gov"]
    repaired = [d for d in release.diagnostics if d.code == "party-address-repaired"]
    assert [d.span.start for d in repaired if d.span] == [13]


def test_different_people_of_one_surname_stay_apart() -> None:
    release = _parse("to_wrapped_at_hyphen_in_columns")
    adams = sorted(p.name or "" for p in release.parties if p.surname == "Adams")
    assert adams == ["Adams, David S", "Adams, Thomas C"]


def test_ocr_damaged_initial_is_repaired_and_merged() -> None:
    text = (CLINTON / "ocr_damaged_initial_and_address.txt").read_text(encoding="utf-8")
    # The Cc: line of this document sits under a "To" label that lost its colon; the repair is
    # shown on the same list under a proper label.
    text = text.replace("To HRC (HDR22@clintonemail.corn)", "To: H <HDR22@clintonemail.corn>")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        release = cablethread.parse(text, source="ocr_damaged_initial_and_address.txt")
    message = next(m for m in release.messages if m.occurrences[0].span.start == 38)
    sullivan = message.cc[0]
    assert (sullivan.raw, sullivan.name, sullivan.given_name) == (
        "Sullivan, Jacob 3",
        "Sullivan, Jacob J",
        "Jacob J",
    )
    assert (message.to[0].address, message.to[0].code) == ("HDR22@clintonemail.com", "H")
    codes = {d.code for d in release.diagnostics if d.span and d.span.start in (40, 41)}
    assert {"party-name-repaired", "party-address-repaired"} <= codes
    merged = [p for p in release.parties if p.surname == "Sullivan" and p.given_name == "Jacob J"]
    assert len(merged) == 1
    assert "Sullivan, Jacob 3" in merged[0].forms
    assert "Sullivan, Jacob J [mailto:SullivanJJ@state.gov]" in merged[0].forms
