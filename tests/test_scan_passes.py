"""The whole-text passes find every line a test of the scan lets through: a line no pass found is
never read on its own, so a pass that missed one would lose a block, a stamp or a label."""

from __future__ import annotations

from pathlib import Path

import pytest

from cablethread.lexicon import patterns as p
from cablethread.lexicon.redactions import may_be_stamp
from cablethread.reading.source import SourceText
from cablethread.scan.blocks import scan
from cablethread.scan.lines import _ALL, _views
from cablethread.scan.passes import (
    HOLDS_COLON,
    HOLDS_DASHES,
    HOLDS_FROM,
    HOLDS_SEPARATOR,
    MAY_FURNITURE,
    MAY_LABEL,
    MAY_SCHEDULE,
    MAY_STAMP,
    Passes,
)

DATA = Path(__file__).parent / "data"

#: Lines each of which some test of the scan lets through, laid out as releases print them.
LINES = [
    "From: NAD",
    "      Sent:      Thursday, 11 July 2019 11:25 AM",
    "*From:* Outlook user",
    "• Sent: Sat Jan 22 10:01:43 2011",
    "Envoyé : jeudi 4 juillet 2019",
    "件名：会議",
    "> > From: Jane Doe",
    "Sent:=09Monday, July 1, 2019",
    "-----Original Message-----",
    "    Original Message          B5",
    "*-------- Original Message --------*",
    "Début du message réexpédié :",
    "----- Forwarded Message ----- From: John Doe <john.doe@acme.com>To: b@acme.com",
    "------------------ Original ------------------",
    "Released under the Official Information Act",
    "                                        NIH-001013",
    "\x0cRELEASE IN PART B6",
    "RELEASE IN FULL",
    "B5,B6",
    "  B6",
    "CONFIDENTIAL — Reason: 1.4(B), 1.4(D)",
    "Classified by: DAS, A/GIS, DoS on 07/08/2024",
    "on: 07/08/2024",
    "_ _ B6",
    "Page 3 of 7",
    "- 3 -",
    "Document schedule",
    "  DOCUMENT SCHEDULE  ",
    "Doc No. C05739545",
    "Date: 05/13/2015",
    "From Hanley, Monica R [mailto:MR@state.gov]",
    "On Tue, Jul 2, 2019 at 5:13 AM, Jane Doe <jane@x.org> wrote:",
    "---------------------- Forwarded by Jane Doe/HOU/ECT on 05/07/2001 07:26 AM ----",
    "James D Steffes@ENRON",
    "05/03/2001 05:44 AM",
    "Plain body text with no mark at all.",
    "",
    "   ",
]


def _texts() -> list[tuple[str, str]]:
    body = "\n".join(LINES)
    return [
        ("lines", body),
        ("lines, CRLF", body.replace("\n", "\r\n")),
        ("lines, CR alone", body.replace("\n", "\r")),
        ("lines, byte-order marks", "\ufeff" + body.replace("From:", "Fr\ufeffom:")),
        ("lines, form feeds", body.replace("\nPage", "\n\x0cPage").replace("\nSent", "\x0c\nSent")),
        ("lines, quoted", "\n".join(f"> {line}" for line in LINES)),
        ("seed", (DATA / "mfat_xinjiang_oia.txt").read_text("utf-8")),
        ("clinton", (DATA / "clinton_C05769379.txt").read_text("utf-8")),
    ]


@pytest.mark.parametrize(("name", "text"), _texts(), ids=[name for name, _ in _texts()])
def test_every_line_a_test_lets_through_is_found(name: str, text: str) -> None:
    source = SourceText(text)
    passes = Passes.over(source, None)
    lines, _, changed = _views(source, passes)
    passes.anything(changed)
    for number, line in enumerate(lines, start=1):
        may, holds = passes.may[number - 1], passes.holds[number - 1]
        found = f"line {number}: {line!r}"
        if _ALL.label.match(line):
            assert may & MAY_LABEL and holds & HOLDS_COLON, found
        if p.FURNITURE.match(line):
            assert may & MAY_FURNITURE, found
        if p.SCHEDULE_HEADING.match(line):
            assert may & MAY_SCHEDULE, found
        if may_be_stamp(line.strip()):
            assert may & MAY_STAMP, found
        if _ALL.separator.match(line):
            assert holds & HOLDS_SEPARATOR, found
        if "From" in line:
            assert holds & HOLDS_FROM, found
        if ":" in line or "：" in line:
            assert holds & HOLDS_COLON, found
        if "--" in line:
            assert holds & HOLDS_DASHES, found


def test_a_plain_line_is_found_by_no_pass() -> None:
    source = SourceText("From: NAD\nSent: Thursday, 11 July 2019 11:25 AM\nPlain text here.\n")
    passes = Passes.over(source, None)
    assert (passes.may[2], passes.holds[2]) == (0, 0)
    assert passes.holds[0] and passes.may[1] & MAY_LABEL


def test_the_blocks_of_the_lines_are_found() -> None:
    layouts = [block.layout for block in scan(SourceText("\n".join(LINES))).blocks]
    assert "fields" in layouts and "attribution" in layouts and "forwarded-by" in layouts
