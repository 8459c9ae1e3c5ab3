"""Threading of the NIH FOIA release (OCR): chains across page and document boundaries, subjects
changed by gateway tags, and one message printed twice and read differently by OCR.

Each passage is copied from ``nih/nih_fauci_foia_ocr.txt`` (``tests/data/PROVENANCE.md``); a
message is named by the first line of its header block in the passage.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import cablethread
from cablethread import Edge, Message, Release

THREADS = Path(__file__).parent / "data" / "nih" / "threads"


def _release(name: str) -> Release:
    return cablethread.parse_file(THREADS / name)


def _at(release: Release, line: int) -> Message:
    """The message printed with its header block starting at ``line``."""
    found = [m for m in release.messages if any(o.span.start == line for o in m.occurrences)]
    assert len(found) == 1, f"no single message printed at line {line}"
    return found[0]


def _edge(release: Release, child: Message) -> Edge | None:
    return next((e for e in release.edges if e.child_id == child.id), None)


def _linked(release: Release, a: Message, b: Message) -> bool:
    return any({e.parent_id, e.child_id} == {a.id, b.id} for e in release.edges)


def test_every_passage_is_tested() -> None:
    assert sorted(p.name for p in THREADS.glob("*.txt")) == sorted(
        [
            "attribution_NIH-001033.txt",
            "attribution_NIH-001100.txt",
            "attribution_NIH-001122.txt",
            "fields_NIH-000065.txt",
            "fields_NIH-000434.txt",
            "fields_NIH-001795.txt",
            "fields_NIH-001954.txt",
            "forwarded_NIH-001353.txt",
        ]
    )


@pytest.mark.parametrize(
    ("name", "attribution", "quoting", "next_document"),
    [
        # ``On Mar 2, 2020, at 6:57 PM, Johnson … wrote:`` / its quote / NIH-001033 / From: Fauci
        ("attribution_NIH-001033.txt", 4, 1, 10),
        # ``On Tue, Feb 11, 2020 at 7:12 PM Fauci … wrote:`` … NIH-001123 / From: Fauci (RE: …)
        ("attribution_NIH-001122.txt", 6, 1, 30),
    ],
)
def test_an_attribution_ending_a_page_is_not_linked_to_the_next_document(
    name: str, attribution: int, quoting: int, next_document: int
) -> None:
    release = _release(name)
    quoted = _at(release, attribution)
    top = _at(release, next_document)
    assert quoted.header is not None and quoted.header.layout == "attribution"
    assert not _linked(release, quoted, top)
    # The reply printed above the attribution still answers it.
    edge = _edge(release, _at(release, quoting))
    assert edge is not None
    assert (edge.parent_id, edge.evidence, edge.confidence) == (quoted.id, "printed-chain", 0.8)


def test_a_new_document_after_an_attribution_and_a_page_stamp_opens_a_chain() -> None:
    release = _release("attribution_NIH-001033.txt")
    quoted, top = _at(release, 4), _at(release, 10)
    # ``Dick`` / ``NIH-001033`` / ``From: Fauci, Anthony (NIH/NIAID) [E]``: a document's top.
    assert top.occurrences[0].chain == quoted.occurrences[0].chain + 1
    assert top.occurrences[0].depth == 0
    assert not any(
        d.code == "thread-chain-break" and d.related == top.occurrences[0].span
        for d in release.diagnostics
    )


def test_an_attribution_links_to_the_message_it_quotes_on_its_own_page() -> None:
    release = _release("attribution_NIH-001122.txt")
    # Fauci's 7:12 PM attribution quotes Sabrina Malhi's 2:58 PM message printed below it.
    edge = _edge(release, _at(release, 6))
    assert edge is not None
    assert (edge.parent_id, edge.evidence, edge.confidence) == (
        _at(release, 19).id,
        "printed-chain",
        0.8,
    )


def test_an_attribution_continued_after_a_page_stamp_links_to_the_message_it_quotes() -> None:
    release = _release("attribution_NIH-001100.txt")
    # ``On Feb 27, 2020, at 10:57 PM, Fauci … wrote:`` / NIH-001100 / ``This is really not
    # true.`` / From: HJ Mai, Thursday 2:09 PM, Subject: Confirmation of report
    attribution, quoted = _at(release, 6), _at(release, 10)
    edge = _edge(release, attribution)
    assert edge is not None
    assert (edge.parent_id, edge.evidence, edge.confidence) == (quoted.id, "printed-chain", 0.8)
    assert quoted.occurrences[0].chain == attribution.occurrences[0].chain


@pytest.mark.parametrize(
    ("name", "links"),
    [
        # Collins 8:43 ``[EXTERNAL] RE:`` / Hudson 9:16 ``RE:`` / Collins 8:14 ``[EXTERNAL] RE:``
        ("fields_NIH-000434.txt", [(1, 16), (16, 30)]),
        # Sheeley ``RE: NBC News Inquiry`` / Fauci ``[EXTERNAL] RE: …`` / Sheeley ``NBC News …``
        ("fields_NIH-001795.txt", [(4, 11), (11, 21)]),
        # Nabel ``RE: WHO meeting`` / Fauci ``[EXTERNAL] RE: WHO meeting`` / Nabel ``WHO meeting``
        ("fields_NIH-001954.txt", [(4, 11), (11, 28)]),
    ],
)
def test_a_subject_changed_only_by_a_gateway_tag_links_with_lower_confidence(
    name: str, links: list[tuple[int, int]]
) -> None:
    release = _release(name)
    changed = [d for d in release.diagnostics if d.code == "thread-subject-changed"]
    for child_line, parent_line in links:
        child, parent = _at(release, child_line), _at(release, parent_line)
        edge = _edge(release, child)
        assert edge is not None
        assert (edge.parent_id, edge.evidence, edge.confidence) == (
            parent.id,
            "printed-chain",
            0.65,
        )
        assert child.parent_id == parent.id
        assert any(
            d.span == child.occurrences[0].span and d.related == parent.occurrences[0].span
            for d in changed
        )
    assert len(changed) == len(links)


def test_a_subject_that_changed_its_words_is_not_linked() -> None:
    # ``fields_NIH-001954.txt`` with the bottom subject ``WHO meeting`` replaced by another.
    text = (THREADS / "fields_NIH-001954.txt").read_text("utf-8")
    assert text.count("Subject: WHO meeting\n") == 1
    release = cablethread.parse(text.replace("Subject: WHO meeting\n", "Subject: HIV work\n"))
    assert not _linked(release, _at(release, 11), _at(release, 28))
    assert [d.code for d in release.diagnostics].count("thread-subject-changed") == 1
    assert any(
        d.code == "thread-chain-break" and d.related == _at(release, 28).occurrences[0].span
        for d in release.diagnostics
    )


def test_a_forward_links_to_the_message_printed_below_it() -> None:
    release = _release("forwarded_NIH-001353.txt")
    # ``Subject: Fwd: The Last Word with Lawrence O'Donnell`` / ``Begin forwarded message:``
    forward, forwarded = _at(release, 1), _at(release, 6)
    edge = _edge(release, forward)
    assert edge is not None
    assert (edge.parent_id, edge.evidence, edge.confidence) == (forwarded.id, "printed-chain", 0.95)


def test_a_chain_printed_twice_and_read_differently_is_one_set_of_messages() -> None:
    release = _release("fields_NIH-000065.txt")
    # Fauci, Sunday 1:09 PM, printed at lines 9 and 49 with ``yy oe@>`` and ``Py oe@>``.
    twice = _at(release, 9)
    assert [o.span.start for o in twice.occurrences] == [9, 49]
    assert [o.span.start for o in _at(release, 22).occurrences] == [22, 62]
    # The debris after the name (``yy oe@>`` / ``Py oe@>``) is a withheld address beside the
    # person, so both printings give one id: one message, with no variant to report.
    assert twice.sender is not None and twice.sender.kind == "person"
    # Barton Haynes wrote two notes at 1:10 PM under one subject: they stay two messages.
    first, second = _at(release, 4), _at(release, 44)
    assert first.id != second.id
    assert first.sent_local == second.sent_local
    assert len(release.messages) == 9


def _printings(**change: str) -> tuple[str, str]:
    """Lines 9–13 and 49–53 of ``fields_NIH-000065.txt``: one message printed twice, the second
    with ``change`` (old → new text, ``_`` for a space) applied."""
    lines = (THREADS / "fields_NIH-000065.txt").read_text("utf-8").splitlines(keepends=True)
    first, second = "".join(lines[8:13]), "".join(lines[48:53])
    for old, new in change.items():
        assert old.replace("_", " ") in second
        second = second.replace(old.replace("_", " "), new)
    return first, second


def test_two_printings_read_differently_by_ocr_are_one_message() -> None:
    # OCR read the second printing's name as ``Anthcny``.
    first, second = _printings(**{"Fauci,_Anthony": "Fauci, Anthcny"})
    assert first != second
    release = cablethread.parse(first + second)
    assert len(release.messages) == 1
    (message,) = release.messages
    assert [o.span.start for o in message.occurrences] == [1, 6]
    # The id is the first printing's, as if it had been printed alone.
    assert message.id == cablethread.parse(first).messages[0].id
    assert message.id != cablethread.parse(second).messages[0].id
    assert [d.code for d in release.diagnostics].count("message-variant") == 1


@pytest.mark.parametrize(
    "change",
    [
        # Same clock and subject, another sender.
        {"Fauci,_Anthony": "Folkers, Greg"},
        # Same clock and sender, another subject.
        {"RE:_Wall_Street_Journal_story": "RE: Washington Post story"},
    ],
)
def test_two_messages_with_one_clock_are_not_merged(change: dict[str, str]) -> None:
    first, second = _printings(**change)
    release = cablethread.parse(first + second)
    assert len(release.messages) == 2
    assert all(len(m.occurrences) == 1 for m in release.messages)
    assert "message-variant" not in [d.code for d in release.diagnostics]
