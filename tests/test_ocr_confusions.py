"""Header labels, reply prefixes and directory codes misread by OCR in shapes no release of the
corpora printed yet, on the seed release's layout (a blank line between fields): each block must
still be found, with its sender, send time, subject, parent and parties, and each misreading
reported at its line."""

from __future__ import annotations

from pathlib import Path

import pytest

import cablethread
from cablethread import Directory
from cablethread.fields.directory import Entry
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


@pytest.mark.parametrize("printed", ["RE;", "RE.", "Re;"])
def test_a_reply_prefix_whose_colon_was_misread_keeps_the_reply_in_its_thread(
    printed: str,
) -> None:
    """``Subject: RE; FORMAL MESSAGE: …``: the reply's subject and parent as with ``RE:``."""
    number = [n for n, line in enumerate(LINES, 1) if line.startswith("Subject: RE:")][2]
    lines = list(LINES)
    lines[number - 1] = lines[number - 1].replace("RE:", printed, 1)
    release = cablethread.parse("\n".join(lines))
    message, before = _block_at(release, number), _block_at(CLEAN, number)
    assert message.subject is not None and before.subject is not None
    assert message.subject.prefixes == before.subject.prefixes
    assert message.subject.thread_key == before.subject.thread_key
    assert message.parent_id == before.parent_id is not None
    assert len(release.threads) == len(CLEAN.threads)
    (noted,) = [d for d in release.diagnostics if d.code == "header-subject-prefix-no-colon"]
    assert noted.span is not None and noted.span.start == number
    assert (
        noted.message
        == f"{printed!r} read as a reply or forward prefix whose colon OCR printed as a mark"
    )


@pytest.mark.parametrize(
    "subject",
    [
        "R. Smith report",  # Italian's reply prefix is R: a capital and a full stop is an initial
        "I. Introduction",  # and I: a numbered heading
        "Ed. note",
        "Vs. the draft",
        "RE.FORM",  # no blank after the mark
        "Regarding. the draft",
    ],
)
def test_a_mark_after_other_words_opens_no_prefix(subject: str) -> None:
    text = f"From: NAD\nSent: Thursday, 11 July 2019 11:25 AM\nTo: BEIJING\nSubject: {subject}\n"
    release = cablethread.parse(text)
    (message,) = release.messages
    assert message.subject is not None
    assert message.subject.prefixes == []
    assert message.subject.topic == subject
    assert not any(d.code == "header-subject-prefix-no-colon" for d in release.diagnostics)


@pytest.mark.parametrize(
    ("printed", "code"),
    [("BElJING", "BEIJING"), ("BEIJlNG", "BEIJING"), ("UNHG", "UNHC"), ("UNIIC", "UNHC")],
)
def test_a_code_with_a_misread_letter_is_read_as_the_code(printed: str, code: str) -> None:
    number = next(n for n, line in enumerate(LINES, 1) if line == "To: BEIJING; NAD; UNHC")
    lines = list(LINES)
    lines[number - 1] = lines[number - 1].replace(code, printed, 1)
    release = cablethread.parse("\n".join(lines))
    message = _block_at(release, number)
    assert [(p.raw, p.code, p.kind) for p in message.to] == [
        (printed if p.code == code else p.raw, p.code, p.kind) for p in _block_at(CLEAN, number).to
    ]
    (noted,) = [d for d in release.diagnostics if d.code == "party-code-ocr-repaired"]
    assert noted.span is not None and noted.span.start == number
    assert noted.message == f"{printed!r} read as {code} (a letter of the code misread by OCR)"
    assert not any(d.code == "party-unknown" and d.span == noted.span for d in release.diagnostics)


def test_codes_of_the_state_department_misread_in_the_clinton_release() -> None:
    directory = Directory.for_profile("us-state")
    # C05782226, C05780418, C05775126.
    for printed, code in [
        ("OpsNewsTlCker", "OpsNewsTicker"),
        ("S_SpeclalAssistants", "S_SpecialAssistants"),
        ("SES-O_Shlft-III", "SES-O_Shift-III"),
    ]:
        entry = directory.resolve_misread(printed)
        assert entry is not None and entry.code == code


def test_a_short_code_or_a_shared_misreading_is_not_read() -> None:
    release = cablethread.parse(
        "From: NAO\n\nSent: Thursday, 11 July 2019 11:25 AM\n\nTo: BEIJING\n\nSubject: X\n"
    )
    (message,) = release.messages
    assert message.sender is not None and message.sender.code is None  # NAD has three letters
    assert any(d.code == "party-unknown" for d in release.diagnostics)
    two = Directory([Entry(code="XODE", kind="post"), Entry(code="XDDE", kind="post")])
    assert two.resolve_misread("X0DE") is None  # XODE's 0 for O, or XDDE's 0 for D
    assert two.resolve_misread("XDDE") is None  # a code is no misreading of another
    entry = two.resolve_misread("XQDE")  # XODE's Q for O: one reading
    assert entry is not None and entry.code == "XODE"


NIH = Path(__file__).parent / "data" / "nih" / "nih_fauci_foia_ocr.txt"


@pytest.mark.parametrize(
    ("first", "last", "cc", "bcc"),
    [
        # ``Cec: Billet, Courtney (NIH/NIAID) [E]`` under ``To: Conrad, Patricia …``.
        (12281, 12286, ["Billet, Courtney (NIH/NIAID) [E]"], []),
        # ``Ce: Tabak, …`` / ``Bee: Mascola, John (NIH/VRC) [E yyy oe Subject: RE: agenda …``.
        (14075, 14079, ["Tabak, Lawrence (NIH/OD) [E]"], ["Mascola, John (NIH/VRC) [E yyy oe"]),
    ],
)
def test_misread_copy_labels_of_the_nih_release(
    first: int, last: int, cc: list[str], bcc: list[str]
) -> None:
    """The copy lists under those labels are read as copies, not run into the ``To:`` list."""
    lines = NIH.read_text(encoding="utf-8").split("\n")[first - 1 : last]
    release = cablethread.parse("\n".join(lines))
    (message,) = release.messages
    assert len(message.to) == 1
    assert [p.raw for p in message.cc] == cc
    assert [p.raw for p in message.bcc] == bcc
    assert message.subject is not None and message.subject.text.startswith(("FW:", "RE:"))
    assert any(d.code == "header-label-ocr-repaired" for d in release.diagnostics)


@pytest.mark.parametrize(
    "text", ["From;here\n\n", "From; here\r\r", "x\n>From;here\n\n", "From. NAD\n\n\n"]
)
def test_a_sender_label_with_a_mark_before_the_end_of_the_text(text: str) -> None:
    """Blank lines to the end of the text after ``From;``: no block, and no error (found by
    fuzzing, ``fuzz/seeds/found-sender-with-a-mark-before-the-end.txt``)."""
    assert cablethread.parse(text).messages == []
