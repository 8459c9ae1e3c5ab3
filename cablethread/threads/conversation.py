"""Outlook's conversation headers, ``Thread-Topic`` and ``Thread-Index``, from the reply edges.

Exchange and Outlook thread mail by the conversation index (MS-OXOMSG, ``PidTagConversationIndex``),
written into Internet mail as ``Thread-Index``; e-discovery tools read it as it is (Datashare takes
Tika's ``message_raw_header_thread_index``). A printed chain has none, so one is derived from the
reconstructed thread, the same for the same release::

    Thread-Topic: CHINA XINJIANG UPDATE AND CONSIDERATION OF NEXT STEPS
    Thread-Index: AdUL5DIzsN3cFTO+UnK6RLj4fAazjgrkn8+Q

The index is a 22-byte root block, then one 5-byte child block per reply level:

- root block: one byte ``0x01`` then the next five bytes of the root's send time as a Windows
  FILETIME (100 ns since 1601, the top byte of which is that ``0x01``; the low 16 bits dropped),
  and a GUID made from the root's id (a UUID 5, its fields big-endian);
- child block of each level below the root: a delta code bit and 31 bits of the time since the
  root block's (shifted right by 18 bits, or by 23 when it does not fit), then four bits from the
  message's id and a sequence count of 0.

Each message's index is its parent's with one child block added, so every message of a thread
begins with the root's 22 bytes, and a reply's index begins with its parent's. Nothing else is
claimed: a time that is unknown, or earlier than the root's, counts as a delta of zero; a root
whose time is unknown takes the thread's first known time, or else 1 January 1970.
"""

from __future__ import annotations

import base64
import hashlib
import uuid
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from cablethread.models import Message, Release

__all__ = [
    "ChildBlock",
    "ThreadIndex",
    "ancestors",
    "conversation_index",
    "decode_thread_index",
    "root_times",
    "thread_index_header",
    "thread_topic",
]

#: The namespace of the root GUIDs: a UUID 5 of ``cablethread.invalid`` in the DNS namespace.
GUID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_DNS, "cablethread.invalid")
#: 100-nanosecond ticks from 1601-01-01 (FILETIME's origin) to 1970-01-01.
_EPOCH_TICKS = 116_444_736_000_000_000
_ROOT_BYTES = 22
_CHILD_BYTES = 5
#: A delta with any of these bits set does not fit the short form (delta code 0).
_LONG_DELTA = 0x00FE_0000_0000_0000


class ChildBlock(NamedTuple):
    """One reply level of a decoded index."""

    delta_code: int
    """0: ``time_delta`` is the delta's bits 18–48; 1: its bits 23–53."""
    time_delta: int
    """The 31 bits of the time since the root."""
    random: int
    """Four bits (from the message id here)."""
    sequence: int
    """Four bits of sequence count (0 here)."""

    @property
    def ticks(self) -> int:
        """The delta in FILETIME ticks (100 ns), to the precision the block keeps."""
        return self.time_delta << (23 if self.delta_code else 18)


class ThreadIndex(NamedTuple):
    """A decoded ``Thread-Index``."""

    root_time: datetime
    """The root's time as the index keeps it (to about 6.5 ms), UTC."""
    guid: uuid.UUID
    """The conversation's GUID."""
    children: list[ChildBlock]
    """One block per reply level, the root's child first."""


#: The largest FILETIME (unsigned 64 bits).
_MOST_TICKS = (1 << 64) - 1


def _filetime(moment: datetime) -> int:
    """``moment`` as a FILETIME; a time before 1601 (an OCR'd year ``201``) counts as 1601's
    first instant, as the index cannot hold an earlier one."""
    return min(max(_EPOCH_TICKS + round(moment.timestamp() * 10_000_000), 0), _MOST_TICKS)


def _root_block(root_id: str, moment: datetime) -> bytes:
    # The six bytes are the FILETIME's top 48 bits: its top byte, 0x01 for any time from 1915 to
    # 2043, is the reserved byte, and the next five are the "current FILETIME" of the spec.
    guid = uuid.uuid5(GUID_NAMESPACE, root_id)
    return (_filetime(moment) >> 16).to_bytes(6, "big") + guid.bytes


def _child_block(message_id: str, ticks: int) -> bytes:
    ticks = max(ticks, 0)
    if ticks & _LONG_DELTA:
        word = 0x8000_0000 | ((ticks >> 23) & 0x7FFF_FFFF)
    else:
        word = (ticks >> 18) & 0x7FFF_FFFF
    random = hashlib.sha1(message_id.encode("utf-8")).digest()[0] >> 4
    return word.to_bytes(4, "big") + bytes([random << 4])


def ancestors(message_id: str, parent_of: dict[str, str]) -> list[str]:
    """Ids from the thread's root down to the message's parent (``References`` order)."""
    chain: list[str] = []
    seen = {message_id}
    current = parent_of.get(message_id)
    while current is not None and current not in seen:
        chain.append(current)
        seen.add(current)
        current = parent_of.get(current)
    return chain[::-1]


def _find(release: Release, message_id: str) -> Message | None:
    # A release whose lists were cut (``model_copy``) may name a parent it no longer holds.
    try:
        return release.message(message_id)
    except KeyError:
        return None


def root_times(release: Release) -> dict[str, datetime]:
    """The first known time of each thread, by its root's id (the first thread that has one).

    Made once when many messages are written: a placeholder root has no time of its own.
    """
    found: dict[str, datetime] = {}
    for thread in release.threads:
        if thread.start_utc is not None:
            found.setdefault(thread.root_id, thread.start_utc)
    return found


def _root_time(
    release: Release, root_id: str, starts: Mapping[str, datetime] | None = None
) -> datetime:
    root = _find(release, root_id)
    if root is not None and root.sent_utc is not None:
        return root.sent_utc
    start = (root_times(release) if starts is None else starts).get(root_id)
    return start if start is not None else datetime(1970, 1, 1, tzinfo=UTC)


def conversation_index(
    release: Release,
    message: Message,
    *,
    parent_of: dict[str, str] | None = None,
    starts: Mapping[str, datetime] | None = None,
) -> bytes:
    """The conversation index of ``message``: the root's 22 bytes, then 5 per reply level.

    ``parent_of`` (child id → parent id, from ``release.edges``) and ``starts``
    (:func:`root_times`) may be passed in when many messages are written.

    >>> import cablethread
    >>> release = cablethread.parse_file("examples/mfat_xinjiang_oia.txt")
    >>> len(conversation_index(release, release.messages[0]))
    27
    """
    if parent_of is None:
        parent_of = {edge.child_id: edge.parent_id for edge in release.edges}
    chain = [*ancestors(message.id, parent_of), message.id]
    start = _root_time(release, chain[0], starts)
    index = _root_block(chain[0], start)
    # Deltas count from the time as the root block holds it, as a reader decodes it.
    kept = _filetime(start) >> 16 << 16
    for message_id in chain[1:]:
        found = message if message_id == message.id else _find(release, message_id)
        sent = found.sent_utc if found is not None else None
        ticks = _filetime(sent) - kept if sent is not None else 0
        index += _child_block(message_id, ticks)
    return index


def thread_index_header(
    release: Release,
    message: Message,
    *,
    parent_of: dict[str, str] | None = None,
    starts: Mapping[str, datetime] | None = None,
) -> str:
    """The ``Thread-Index`` value: the conversation index in base64."""
    index = conversation_index(release, message, parent_of=parent_of, starts=starts)
    return base64.b64encode(index).decode()


def thread_topic(
    release: Release, message: Message, *, parent_of: dict[str, str] | None = None
) -> str | None:
    """The thread key of the topmost message of the thread that has a subject, else ``None``.

    One topic for the whole thread, as Outlook's ``Thread-Topic`` is, even where replies were
    linked across a changed subject.

    >>> import cablethread
    >>> release = cablethread.parse_file("examples/mfat_xinjiang_oia.txt")
    >>> thread_topic(release, release.messages[0])
    'CHINA XINJIANG UPDATE AND CONSIDERATION OF NEXT STEPS'
    """
    if parent_of is None:
        parent_of = {edge.child_id: edge.parent_id for edge in release.edges}
    for message_id in ancestors(message.id, parent_of):
        found = _find(release, message_id)
        if found is not None and found.subject is not None and found.subject.thread_key:
            return found.subject.thread_key
    if message.subject is not None and message.subject.thread_key:
        return message.subject.thread_key
    return None


def decode_thread_index(value: str) -> ThreadIndex:
    """Read a ``Thread-Index`` value back; ``ValueError`` if it is not one.

    >>> index = decode_thread_index("AdUL5DIzsN3cFTO+UnK6RLj4fAazjgrkn8+Q")
    >>> str(index.root_time), len(index.children)  # 12:38 UTC, the low 16 bits dropped
    ('2019-05-16 12:37:59.994982+00:00', 1)
    """
    raw = base64.b64decode(value, validate=True)
    if len(raw) < _ROOT_BYTES or (len(raw) - _ROOT_BYTES) % _CHILD_BYTES:
        raise ValueError(f"not a conversation index: {len(raw)} bytes")
    if raw[0] != 0x01:
        raise ValueError(f"not a conversation index: reserved byte {raw[0]:#04x}")
    ticks = int.from_bytes(raw[:6], "big") << 16
    root_time = datetime.fromtimestamp((ticks - _EPOCH_TICKS) / 10_000_000, tz=UTC)
    children = []
    for start in range(_ROOT_BYTES, len(raw), _CHILD_BYTES):
        word = int.from_bytes(raw[start : start + 4], "big")
        last = raw[start + 4]
        children.append(ChildBlock(word >> 31, word & 0x7FFF_FFFF, last >> 4, last & 0x0F))
    return ThreadIndex(root_time, uuid.UUID(bytes=raw[6:_ROOT_BYTES]), children)
