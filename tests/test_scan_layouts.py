"""The scanner tries the layout families of one table, in order: each family finds its blocks."""

from __future__ import annotations

import pytest

from cablethread.reading.source import SourceText
from cablethread.scan import blocks
from cablethread.scan.blocks import LAYOUTS, scan

LABELLED = (
    "From: NAD\nSent: Thursday, 11 July 2019 11:25 AM\nTo: BEIJING\nSubject: UPDATE\n\nText.\n"
)
SEPARATED = (
    "Thanks.\n\n-----Original Message-----\nFrom: Jane Doe\nSent: Tuesday, July 2, 2019 5:13 AM\n"
    "To: John Roe\nSubject: Plans\n\nQuoted.\n"
)
ATTRIBUTION = "Thanks.\n\nOn Tue, Jul 2, 2019 at 5:13 AM, Jane Doe <jane@x.org> wrote:\n> Quoted.\n"
FORWARDED_BY = (
    "---------------------- Forwarded by Jane Doe/HOU/ECT on 05/07/2001 07:26 AM "
    "---------------------------\n\nFrom: John Roe\nSent: Monday, May 7, 2001 7:00 AM\n"
    "To: Jane Doe\nSubject: Plans\n\nText.\n"
)


def _layouts(text: str) -> list[str]:
    return [block.layout for block in scan(SourceText(text)).blocks]


def test_the_families_are_tried_in_one_table() -> None:
    assert [layout.name for layout in LAYOUTS] == [
        "labelled",
        "labelled, in prose",
        "separator",
        "one line",
    ]
    assert all(layout.read for layout in LAYOUTS)


@pytest.mark.parametrize(
    ("text", "family", "found"),
    [
        (LABELLED, "labelled", ["fields"]),
        (ATTRIBUTION, "one line", ["attribution"]),
        (FORWARDED_BY, "one line", ["forwarded-by", "fields"]),
    ],
)
def test_a_block_is_found_by_its_family_and_by_no_other(
    text: str, family: str, found: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _layouts(text) == found
    without = tuple(layout for layout in LAYOUTS if layout.name != family)
    monkeypatch.setattr(blocks, "LAYOUTS", without)
    assert len(_layouts(text)) < len(found)


def test_a_separator_opens_the_block_under_it_and_is_noted_where_none_is() -> None:
    assert _layouts(SEPARATED) == ["fields"]
    assert scan(SourceText(SEPARATED)).blocks[0].separator is not None
    alone = scan(SourceText("Text.\n\n-----Original Message-----\n\nMore text.\n"))
    assert alone.blocks == [] and alone.separators_alone == [3]
