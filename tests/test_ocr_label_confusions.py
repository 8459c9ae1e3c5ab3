"""Header labels misread by OCR in shapes no release of the corpora printed yet, on the seed
release's layout (a blank line between fields): each block must still be found, with its
sender, send time and subject, and each misreading reported at its line."""

from __future__ import annotations

from pathlib import Path

import pytest

import cablethread
from cablethread.lexicon.patterns import ocr_label

SEED = Path(__file__).parent / "data" / "mfat_xinjiang_oia.txt"
LINES = SEED.read_text(encoding="utf-8").split("\n")
CLEAN = cablethread.parse("\n".join(LINES))


def _first_line(label: str, nth: int) -> int:
    """The number (1-based) of the ``nth`` line of the seed that starts with ``label:``."""
    numbers = [n for n, line in enumerate(LINES, 1) if line.startswith(label + ":")]
    return numbers[nth]


def _block_at(release: cablethread.Release, line: int) -> cablethread.Message:
    (message,) = [
        m
        for m in release.messages
        if any(o.span.start <= line <= o.span.end for o in m.occurrences)
    ]
    return message


def _as_printed(message: cablethread.Message) -> tuple[object, ...]:
    return (
        message.sender.raw if message.sender else None,
        message.sent_local,
        message.subject.text if message.subject else None,
        [party.raw for party in message.to],
    )


def _misread(label: str, printed: str, nth: int) -> tuple[cablethread.Release, int]:
    """The seed with the ``nth`` ``label:`` printed as ``printed`` (its colon too); and that
    line's number."""
    number = _first_line(label, nth)
    lines = list(LINES)
    lines[number - 1] = printed + lines[number - 1][len(label) + 1 :]
    return cablethread.parse("\n".join(lines)), number


@pytest.mark.parametrize(
    ("label", "printed"),
    [
        ("Sent", "Scnt"),  # e read as c
        ("Sent", "5ent"),  # S read as 5
        ("Sent", "Se nt"),  # a blank read inside the label
        ("Sent", "Senf"),  # t read as f
        ("From", "Fr0m"),  # o read as 0
        ("From", "Frcm"),  # o read as c
        ("From", "F rom"),
        ("Subject", "Subjcct"),
        ("Subject", "5ubject"),
        ("Subject", "Suhject"),  # b read as h
        ("Subject", "Snbject"),  # u read as n
        ("Subject", "Sub ject"),
    ],
)
@pytest.mark.parametrize("nth", [3, 10])
def test_a_misread_label_keeps_its_block(label: str, printed: str, nth: int) -> None:
    release, number = _misread(label, printed + ":", nth)
    assert len(release.messages) == len(CLEAN.messages)
    assert sum(len(m.occurrences) for m in release.messages) == sum(
        len(m.occurrences) for m in CLEAN.messages
    )
    assert _as_printed(_block_at(release, number)) == _as_printed(_block_at(CLEAN, number))
    (noted,) = [
        d
        for d in release.diagnostics
        if d.code == "header-label-ocr-repaired" and d.span is not None and d.span.start == number
    ]
    assert noted.message == f"{printed + ':'!r} read as {label + ':'!r} (OCR)"


@pytest.mark.parametrize("mark", [";", "."])
@pytest.mark.parametrize("nth", [0, 3, 10])
def test_a_sender_label_with_a_mark_for_its_colon_opens_a_block_over_blank_lines(
    mark: str, nth: int
) -> None:
    """``From; NAD`` / blank / ``Sent: …``: the mark stands for the colon, and the seed's layout
    puts a blank line between fields."""
    release, number = _misread("From", "From" + mark, nth)
    assert len(release.messages) == len(CLEAN.messages)
    assert _as_printed(_block_at(release, number)) == _as_printed(_block_at(CLEAN, number))
    assert any(
        d.code == "header-label-no-colon" and d.span is not None and d.span.start == number
        for d in release.diagnostics
    )


def test_prose_after_a_sender_label_with_a_mark_is_no_block() -> None:
    text = (
        "From. The embassy's view, which we share: the talks go on.\n"
        "\n"
        "Sent: by the usual channel, as agreed last week.\n"
        "\n"
        "We will report again.\n"
    )
    assert cablethread.parse(text).messages == []


@pytest.mark.parametrize(
    ("printed", "meant"),
    [("Scnt", "Sent"), ("sub JECT", "Subject"), ("Datc", "Date"), ("Ce", "Cc"), ("Fram", "From")],
)
def test_misread_forms_name_their_label(printed: str, meant: str) -> None:
    assert ocr_label(printed) == meant


@pytest.mark.parametrize(
    "printed",
    [
        "Sent",  # sound
        "Subiect",  # Romanian's subject label, read as Romanian
        "Ta",  # two letters: too often another word
        "Tc D",
        "Sennt",  # two misreadings, or a letter added: not one confusion
    ],
)
def test_other_forms_are_not_misreadings(printed: str) -> None:
    assert ocr_label(printed) is None
