"""Thread-Topic and Thread-Index in the mbox: Outlook's structure, and each thread one prefix."""

from __future__ import annotations

import base64
import email
import mailbox
from email import policy
from email.message import EmailMessage
from pathlib import Path

import pytest

import cablethread
from cablethread.export.mbox import message_id_header, to_email
from cablethread.threads.conversation import (
    conversation_index,
    decode_thread_index,
    thread_topic,
)

DATA = Path(__file__).parent / "data"
RELEASES = [
    DATA / "mfat_xinjiang_oia.txt",
    DATA / "clinton_C05769379.txt",
    *sorted((DATA / "clinton").glob("*.txt")),
]
#: FILETIME ticks (100 ns) a root block keeps a time to: its low 16 bits are dropped.
ROOT_PRECISION = 1 << 16


def _mbox(release: cablethread.Release, folder: Path) -> dict[str, EmailMessage]:
    path = folder / "release.mbox"
    release.to_mbox(path)
    box = mailbox.mbox(path)
    try:
        messages = [
            email.message_from_bytes(box.get_bytes(key), policy=policy.default)
            for key in box.iterkeys()
        ]
    finally:
        box.close()
    return {str(m["X-Cablethread-Id"]): m for m in messages}


@pytest.mark.parametrize("path", RELEASES, ids=lambda p: p.stem)
def test_thread_index_structure_and_prefix(path: Path, tmp_path: Path) -> None:
    release = cablethread.parse_file(path)
    written = _mbox(release, tmp_path)
    assert sorted(written) == sorted(m.id for m in release.messages)
    parent_of = {edge.child_id: edge.parent_id for edge in release.edges}
    raw = {i: base64.b64decode(str(m["Thread-Index"]), validate=True) for i, m in written.items()}

    for message in release.messages:
        index = raw[message.id]
        references = str(written[message.id]["References"] or "").split()
        # A 22-byte root block, then one 5-byte block per reply level above the message.
        assert len(index) == 22 + 5 * len(references)
        assert index[0] == 0x01
        decoded = decode_thread_index(str(written[message.id]["Thread-Index"]))
        assert len(decoded.children) == len(references)
        assert all(block.sequence == 0 for block in decoded.children)
        # A reply's index is its parent's with one block more (the parent's computed where it
        # was not released and so not written).
        parent = parent_of.get(message.id)
        if parent is not None:
            parent_index = raw.get(parent) or conversation_index(release, release.message(parent))
            assert index[:-5] == parent_index
        # The root block holds the root's time and a GUID of the root's id.
        root = release.message(references[0][1:].split("@")[0]) if references else message
        assert (
            decoded.guid
            == decode_thread_index(
                base64.b64encode(conversation_index(release, root)).decode()
            ).guid
        )
        if root.sent_utc is not None:
            lag = (root.sent_utc - decoded.root_time).total_seconds() * 10_000_000
            assert 0 <= lag < ROOT_PRECISION
        # Each child block's delta is its message's time since the root's, where both are known.
        ids = [r[1:].split("@")[0] for r in references]
        chain = [*ids[1:], message.id] if ids else []
        for block, message_id in zip(decoded.children, chain, strict=True):
            sent = release.message(message_id).sent_utc
            if root.sent_utc is None or sent is None or sent < root.sent_utc:
                continue
            ticks = (sent - decoded.root_time).total_seconds() * 10_000_000
            step = 1 << (23 if block.delta_code else 18)
            assert block.ticks <= ticks < block.ticks + step

    # Every message of a thread shares the root's 22 bytes, and no other thread does.
    roots = {}
    for thread in release.threads:
        prefixes = {raw[i][:22] for i in thread.message_ids}
        assert len(prefixes) == 1, thread.id
        roots[thread.id] = prefixes.pop()
    assert len(set(roots.values())) == len(roots)
    # A message in no thread is a thread of its own: the root block alone.
    threaded = {i for thread in release.threads for i in thread.message_ids}
    assert all(len(raw[m.id]) == 22 for m in release.messages if m.id not in threaded)


@pytest.mark.parametrize("path", RELEASES, ids=lambda p: p.stem)
def test_headers_alone_rebuild_the_threads(path: Path, tmp_path: Path) -> None:
    release = cablethread.parse_file(path)
    written = _mbox(release, tmp_path)
    by_index: dict[bytes, set[str]] = {}
    by_references: dict[str, set[str]] = {}
    for message in written.values():
        raw = base64.b64decode(str(message["Thread-Index"]))
        by_index.setdefault(raw[:22], set()).add(str(message["Message-ID"]))
        references = str(message["References"] or message["Message-ID"]).split()
        by_references.setdefault(references[0], set()).add(str(message["Message-ID"]))
    threads = {
        frozenset(message_id_header(i) for i in thread.message_ids) for thread in release.threads
    }
    single = {
        frozenset({message_id_header(m.id)})
        for m in release.messages
        if not any(m.id in t.message_ids for t in release.threads)
    }
    assert {frozenset(s) for s in by_index.values()} == threads | single
    assert {frozenset(s) for s in by_references.values()} == threads | single


def test_eml_files_carry_the_same_conversation_headers(
    tmp_path: Path, seed: cablethread.Release
) -> None:
    written = _mbox(seed, tmp_path)
    for path in cablethread.write_eml(seed, tmp_path / "eml"):
        back = email.message_from_bytes(path.read_bytes(), policy=policy.default)
        mbox_message = written[path.stem]
        assert back["Thread-Index"] == mbox_message["Thread-Index"]
        assert back["Thread-Topic"] == mbox_message["Thread-Topic"]


def test_thread_topic_is_the_thread_key(tmp_path: Path, seed: cablethread.Release) -> None:
    written = _mbox(seed, tmp_path)
    for thread in seed.threads:
        topics = {str(written[i]["Thread-Topic"]) for i in thread.message_ids}
        root = seed.message(thread.root_id)
        assert root.subject is not None
        assert topics == {root.subject.thread_key}
    longest = max(seed.threads, key=lambda t: len(t.message_ids))
    assert thread_topic(seed, seed.message(longest.message_ids[-1])) == (
        "PROPOSED LETTER TO THE PRESIDENT OF THE HUMAN RIGHTS COUNCIL ON XINJIANG"
    )
    # The placeholder root's topic carries to the reply printed without it.
    (placeholder,) = seed.placeholders
    (reply,) = (e.child_id for e in seed.edges if e.parent_id == placeholder.id)
    assert str(written[reply]["Thread-Topic"]) == "XINJIANG"


def test_not_an_index_is_refused() -> None:
    with pytest.raises(ValueError, match="21 bytes"):
        decode_thread_index(base64.b64encode(b"\x01" * 21).decode())
    with pytest.raises(ValueError, match="bytes"):
        decode_thread_index(base64.b64encode(b"\x01" * 25).decode())
    with pytest.raises(ValueError, match="reserved"):
        decode_thread_index(base64.b64encode(b"\x02" * 22).decode())


def test_a_thread_begun_before_1601_gets_a_thread_index() -> None:
    # Found by the fuzz target: FILETIME counts from 1601, and an OCR'd year (1009, 201) made the
    # root block's time negative and the export fail.
    text = "From: NAD\nSent: Thursday, 4 July 1009 5:26 AM\nTo: BEIJING\nSubject: RE: LETTER\n\nText.\n"
    release = cablethread.parse(text)
    header = to_email(release, release.messages[0])["Thread-Index"]
    decoded = base64.b64decode(header)
    assert len(decoded) >= 22 and (len(decoded) - 22) % 5 == 0  # a root block, a block a reply
