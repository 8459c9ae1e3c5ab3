"""Six printed chains of the Clinton FOIA release thread exactly as printed.

Each document is one chain of four to seven messages, newest first, each quoting the one below;
every reply edge is asserted by the header lines of child and parent.
"""

from __future__ import annotations

import warnings
from itertools import pairwise
from pathlib import Path

import pytest

import cablethread

CHAINS = Path(__file__).parent / "data" / "clinton-chains"

# document → header lines of its blocks, top (newest) first; each block replies to the next.
PRINTED: dict[str, list[int]] = {
    "reply_chain_seven_deep_C05766670.txt": [10, 19, 27, 35, 43, 51, 59],
    "forward_inside_reply_chain_C05767498.txt": [10, 21, 31, 39, 48, 56, 71],
    "forwarded_re_chain_C05766787.txt": [10, 21, 29, 37, 46, 80],
    "secure_fax_chain_C05766672.txt": [10, 22, 30, 39, 47],
    "double_forward_chain_C05772582.txt": [10, 19, 27, 44, 82],
    "forwards_by_one_sender_C05766026.txt": [10, 21, 29, 38, 47],
}


def _release(name: str) -> cablethread.Release:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return cablethread.parse_file(CHAINS / name)


def test_every_chain_document_is_listed() -> None:
    assert sorted(p.name for p in CHAINS.glob("*.txt")) == sorted(PRINTED)


@pytest.mark.parametrize("name", sorted(PRINTED))
def test_every_edge_as_printed(name: str) -> None:
    release = _release(name)
    line = {m.id: m.occurrences[0].span.start for m in release.messages}
    edges = sorted((line[e.child_id], line[e.parent_id], e.evidence) for e in release.edges)
    printed = PRINTED[name]
    assert edges == [(child, parent, "printed-chain") for child, parent in pairwise(printed)]


@pytest.mark.parametrize("name", sorted(PRINTED))
def test_one_thread_oldest_first(name: str) -> None:
    release = _release(name)
    (thread,) = release.threads
    line = {m.id: m.occurrences[0].span.start for m in release.messages}
    # Oldest first: the reverse of the print order.
    assert [line[i] for i in thread.message_ids] == PRINTED[name][::-1]
    assert thread.depth == len(PRINTED[name]) - 1
    assert release.placeholders == []
    assert all(e.delay_seconds is not None and e.delay_seconds >= 0 for e in release.edges)
    assert release.profile == "us-state"
    root = release.message(thread.root_id)
    assert root.subject is not None and not root.subject.prefixes


def test_forward_in_the_middle_keeps_the_chain() -> None:
    release = _release("forward_inside_reply_chain_C05767498.txt")
    by_line = {m.occurrences[0].span.start: m for m in release.messages}
    forward = by_line[56]
    assert forward.subject is not None and forward.subject.prefixes == ["FW"]
    assert forward.parent_id == by_line[71].id
    assert by_line[48].parent_id == forward.id
    # Read in the archive zone of the State Department: Eastern time, UTC-5 in February.
    assert (
        forward.sent_utc is not None and forward.sent_utc.isoformat() == "2010-02-06T13:42:38+00:00"
    )
