"""Diagnostic codes are one enumeration, each registered once with its severity and meaning."""

from __future__ import annotations

import pytest

import cablethread
from cablethread.codes import Code
from cablethread.diagnostics import CODES, Collector, Note
from cablethread.models import Span


def test_every_code_is_registered_and_every_registered_code_is_a_member() -> None:
    assert set(CODES) == {code.value for code in Code}
    assert all(entry.code is Code(entry.code) for entry in CODES.values())


def test_a_member_is_its_code() -> None:
    assert Code.DATE_UNPARSED == "date-unparsed"
    release = cablethread.parse("From: NAD\nSent: Thursday\nTo: UNHC\nSubject: X\n")
    codes = [d.code for d in release.diagnostics]
    assert "date-incomplete" in codes
    # The release keeps plain strings: its JSON and pickles do not depend on the enumeration.
    assert all(type(code) is str for code in codes)


def test_notes_are_recorded_with_the_lines_the_reader_did_not_know() -> None:
    collector = Collector(source="a.txt")
    collector.record(
        [
            Note(Code.DATE_UNPARSED, "'Thursday' is not a date"),
            Note(Code.DATE_MISSING, "no date", Span(9, 9)),
        ],
        Span(4, 4),
    )
    assert [(d.code, d.span, d.source) for d in collector.items] == [
        ("date-unparsed", Span(4, 4), "a.txt"),
        ("date-missing", Span(9, 9), "a.txt"),
    ]


def test_an_unknown_code_is_refused() -> None:
    with pytest.raises(ValueError, match="not-a-code"):
        Code("not-a-code")
