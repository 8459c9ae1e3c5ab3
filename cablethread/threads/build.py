"""Reply edges from printed chains, subjects and times; placeholders for parents not released.

Within a printed chain a message's parent is the block printed directly below it, when the two
subjects agree (equal thread keys, or — for a reply or forward — one a variant of the other) and
the parent is not plainly later. A block that prints no subject is linked by where it stands: a
reply's attribution line (``On … wrote:``) to the block below it and from the block above it
(evidence ``printed-chain``), a Lotus Notes ``Forwarded by`` line to the message it forwards and
from the message that holds it (evidence ``forwarded-by``). A reply whose subject changed in
the chain only by prefixes or gateway tags (``[EXTERNAL] RE: Thank you so much`` above ``Thank you
so much``), or whose subject is its prefix alone, is linked with lower confidence and a
``thread-subject-changed`` note. Where the chain was cut, a reply is linked to the latest earlier
message with the same thread key (``subject-time``); where no such message exists, to a
placeholder that stands for the missing parent. Nothing is linked to a guessed real message.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from cablethread._copying import copied
from cablethread.codes import Code
from cablethread.diagnostics import Collector
from cablethread.fields.profiles import Profile
from cablethread.fields.subjects import bare_key, parse_subject, run_on, variant_of
from cablethread.models import Edge, Message, Subject, Thread, trusted
from cablethread.policy import Policy
from cablethread.threads._unionfind import UnionFind
from cablethread.threads.timeline import (
    ChainPosition,
    Placing,
    apply_placement,
    placements,
    report_older,
)

__all__ = ["Threaded", "build_threads"]

#: Confidence of each kind of evidence.
CONFIDENCE = {
    "printed-chain-equal": 0.95,
    "printed-chain-variant": 0.85,
    "printed-chain-separator": 0.7,
    "printed-chain-attribution": 0.8,
    "printed-chain-subject-changed": 0.65,
    "forwarded-by": 0.9,
    "subject-time": 0.6,
    "placeholder": 0.5,
}
#: A printed parent may show a later wall clock than its child by this much (zones differ).
WALL_CLOCK_SLACK = timedelta(hours=26)
#: Where both clocks were printed with their zones, the instants are known: a parent may be later
#: than its child only by the skew of two mail servers' clocks.
PRINTED_ZONE_SLACK = timedelta(minutes=1)


@dataclass(frozen=True)
class Threaded:
    """The messages with times and parents, placeholders, edges and threads."""

    messages: list[Message]
    placeholders: list[Message]
    edges: list[Edge]
    threads: list[Thread]


def _chains(messages: list[Message]) -> dict[tuple[str, int], list[tuple[int, str, int]]]:
    """Each printed chain's messages, top block first: (depth, id, index in ``messages``)."""
    chains: dict[tuple[str, int], list[tuple[int, str, int]]] = defaultdict(list)
    for index, message in enumerate(messages):
        for occurrence in message.occurrences:
            chains[(occurrence.source or "", occurrence.chain)].append(
                (occurrence.depth, message.id, index)
            )
    for printed in chains.values():
        printed.sort()
    return chains


def _printed_link(child: Message, parent: Message) -> str | None:
    """The evidence for ``parent`` printed below ``child`` being its parent, or None.

    A parent is not later than its reply: by more than :data:`WALL_CLOCK_SLACK` on the wall
    clocks, or by more than :data:`PRINTED_ZONE_SLACK` where both were printed with their zones
    (``Sat, 7 Mar 2020 18:36:42 +0000`` printed below ``March 7, 2020 at 1:34:34 PM EST`` is a
    later document, not the message it replies to).
    """
    if (
        child.sent_local
        and parent.sent_local
        and parent.sent_local > child.sent_local + WALL_CLOCK_SLACK
    ):
        return None
    child_at, parent_at = _printed_instant(child), _printed_instant(parent)
    if child_at and parent_at and parent_at > child_at + PRINTED_ZONE_SLACK:
        return None
    layouts = {m.header.layout for m in (child, parent) if m.header is not None}
    if "forwarded-by" in layouts:
        return "forwarded-by"
    cs, ps = _printed_subject(child), _printed_subject(parent)
    if (cs is None or ps is None) and "attribution" in layouts:
        return "printed-chain-attribution"
    if cs is None or ps is None:
        separated = parent.header is not None and parent.header.separator is not None
        return "printed-chain-separator" if separated else None
    if cs.thread_key == ps.thread_key:
        return "printed-chain-equal"
    if cs.prefixes and variant_of(cs.thread_key, ps.thread_key):
        return "printed-chain-variant"
    return "printed-chain-subject-changed" if _subject_changed(child, parent) else None


def _printed_instant(message: Message) -> datetime | None:
    """The UTC instant (naive) of a clock printed with a zone that fixed its offset, else None."""
    if message.sent_local is None or message.sent_offset_minutes is None:
        return None
    return message.sent_local - timedelta(minutes=message.sent_offset_minutes)


def _printed_subject(message: Message) -> Subject | None:
    """A message's subject as printed with it: an attribution's (``On … wrote:``) is read from
    the reply above it, and is no evidence of a link to that reply."""
    header = message.header
    if header is not None and header.layout == "attribution" and header.get("subject") is None:
        return None
    return message.subject


def _subject_changed(child: Message, parent: Message) -> bool:
    """Whether ``child``, a reply or forward printed directly above ``parent``, replies to it
    though its subject changed in the chain, in one of three narrow ways; both clocks must be
    known and in order.

    - Only prefixes and gateway tags differ (:func:`~cablethread.fields.subjects.bare_key`): ``[EXTERNAL]
      RE: Thank you so much`` above ``Thank you so much``, ``Re King of Morocco`` above ``King of
      Morocco``; the parent may be later by :data:`WALL_CLOCK_SLACK` (zones), as for equal keys.
    - One subject runs on into body text or was cut short by OCR (:func:`~cablethread.fields.subjects.run_on`):
      ``FW: Important regarding CoronaVirus`` above ``Important regarding CoronaVirus
      Respected Dr. Anthony``.
    - The child's subject is its prefix alone (``Subject: RE:``, the rest lost to OCR or
      withheld); weaker, so the parent's wall clock must not be later than the child's at all.
      So too a subject of one word ending at its colon, with or without a prefix (``Subject:
      URGENT:``, the debris of a redaction box over its words cut off): its words are lost, and
      it is no evidence against the chain as printed.

    ``RE: FORMAL MESSAGE: XINJIANG`` above ``TPs for Xinjiang statement New Zealand signed``
    is neither: a subject that changed its words is not linked.
    """
    cs, ps = child.subject, parent.subject
    if cs is None or ps is None or child.sent_local is None or parent.sent_local is None:
        return False
    if cs.text.endswith(":") and len(cs.topic.split()) <= 1:
        return bool(ps.thread_key) and parent.sent_local <= child.sent_local
    child_key, marked = bare_key(cs)
    if not marked:
        return False
    if child_key:
        parent_key = bare_key(ps)[0]
        return child_key == parent_key or run_on(child_key, parent_key)
    return bool(ps.thread_key) and parent.sent_local <= child.sent_local


class _Links:
    """Reply links as they are made, with the trees they form.

    A link is made only from a message with no parent yet, the root of its tree, so "does
    ``other`` descend from ``message``" is "are they in one tree" — a union-find question, in
    about constant time however deep a chain runs (walking up a 5 000-deep chain for each
    message was quadratic).
    """

    def __init__(self) -> None:
        self.parent_of: dict[str, str] = {}
        self.trees = UnionFind()

    def descends(self, other: str, root: str) -> bool:
        """Whether ``other`` descends from ``root`` (a message with no parent yet)."""
        return self.trees.same(other, root)

    def link(self, child: str, parent: str) -> bool:
        """``child`` (with no parent yet) replies to ``parent``, unless ``parent`` descends
        from it; whether the link was made."""
        if not self.trees.union(child, parent):
            return False
        self.parent_of[child] = parent
        return True


def _placeholder(child: Message) -> Message:
    subject = child.subject
    assert subject is not None
    marker = "FORMAL MESSAGE: " if subject.formal_message else ""
    raw = f"{marker}{subject.topic}"
    digest = hashlib.sha1(f"placeholder|{subject.thread_key}".encode()).hexdigest()
    return trusted(
        Message,
        id="p-" + digest[:12],
        sender=None,
        subject=parse_subject(raw, []),
        placeholder=True,
    )


def _time_key(message: Message) -> tuple[int, datetime]:
    """A message's place in its thread: by its UTC clock taken without its zone, the messages
    of no known time last."""
    if message.sent_utc is None:
        return (1, datetime.min)
    return (0, message.sent_utc.replace(tzinfo=None))


def build_threads(
    messages: list[Message],
    policy: Policy,
    profile: Profile,
    collector: Collector,
    archive_zones: Mapping[str, str] | None = None,
) -> Threaded:
    """Link replies to parents, place every message in time, and group threads.

    ``archive_zones`` gives, by message id, the archive zone of the document a message was
    printed in (documents of several agencies); the others take the policy's or ``profile``'s.
    """
    order = {m.id: i for i, m in enumerate(messages)}
    links = _Links()
    parent_of = links.parent_of
    evidence: dict[str, str] = {}
    # Where a message was first printed is read by two modes only: ``quoter`` (the zone of the
    # block above) and ``infer`` (the chain whose mode is chosen, from the chain's links).
    keep_positions = policy.tz_mode in ("quoter", "infer")
    keep_chain_edges = policy.tz_mode == "infer"
    chain_edges: dict[tuple[str, int], list[tuple[str, str]]] = defaultdict(list)
    positions: dict[str, ChainPosition] = {}
    for chain, printed in _chains(messages).items():
        for place, (depth, message_id, index) in enumerate(printed):
            if keep_positions and message_id not in positions:
                above = messages[printed[place - 1][2]] if place > 0 else None
                zone = above.sender.time_zone if above and above.sender else None
                positions[message_id] = ChainPosition(chain, zone, depth)
            if place + 1 >= len(printed):
                continue
            child, parent = messages[index], messages[printed[place + 1][2]]
            if child.id == parent.id:
                continue
            kind = _printed_link(child, parent)
            if kind is None:
                collector.add(
                    Code.THREAD_CHAIN_BREAK,
                    f"{child.id} is printed above {parent.id} but their subjects or times "
                    "disagree; not linked",
                    child.occurrences[0].span,
                    parent.occurrences[0].span,
                    source=child.occurrences[0].source,
                )
                continue
            if keep_chain_edges:
                chain_edges[chain].append((parent.id, child.id))
            if child.id in parent_of or not links.link(child.id, parent.id):
                continue
            evidence[child.id] = kind
            if kind == "printed-chain-subject-changed":
                collector.add(
                    Code.THREAD_SUBJECT_CHANGED,
                    f"{child.id} ({_subject_text(child.subject)}) is printed above {parent.id} "
                    f"({_subject_text(parent.subject)}): its subject changed in the chain only "
                    "by prefixes or tags, or is a prefix alone; linked with lower confidence",
                    child.occurrences[0].span,
                    parent.occurrences[0].span,
                    source=child.occurrences[0].source,
                )

    archive = policy.archive_tz or profile.archive_tz
    placing, chosen = placements(
        messages, policy.tz_mode, archive, positions, chain_edges, collector, archive_zones
    )
    del chain_edges
    placeholders = _link_cut_replies(messages, placing, links, evidence, collector)
    # Each message is copied once, placed in time and given its parent.
    placed = [
        apply_placement(message, where, parent_id=parent_of.get(message.id))
        for message, where in zip(messages, placing, strict=True)
    ]
    del placing
    edges = _edges(placed, order, parent_of, evidence, collector)
    del order, evidence
    threads = _group(placed, placeholders, parent_of, positions, chosen, policy, links.trees)
    return Threaded(placed, placeholders, edges, threads)


def _instant(message: Message, where: Placing) -> datetime | None:
    """The instant of ``message`` as placed (UTC, naive) if known, else its wall clock."""
    utc = where.sent_utc if where.placed else message.sent_utc
    return utc.replace(tzinfo=None) if utc is not None else message.sent_local


def _link_cut_replies(
    messages: list[Message],
    placing: list[Placing],
    links: _Links,
    evidence: dict[str, str],
    collector: Collector,
) -> list[Message]:
    """Link the replies with no printed parent: each to the latest earlier message with the
    same thread key, found by bisection in per-key time order, else to a placeholder. The
    placeholders made, in the order they were first needed."""
    parent_of = links.parent_of
    cut: list[int] = []
    keys: set[str] = set()
    for index, message in enumerate(messages):
        subject = message.subject
        if subject is not None and subject.prefixes and message.id not in parent_of:
            cut.append(index)
            keys.add(subject.thread_key)
    if not cut:
        return []
    # The time order of each thread key such a reply has.
    by_key: dict[str, list[tuple[datetime, int, Message]]] = {key: [] for key in keys}
    for index, message in enumerate(messages):
        if message.subject is None or message.subject.thread_key not in by_key:
            continue
        instant = _instant(message, placing[index])
        if instant is not None:
            by_key[message.subject.thread_key].append((instant, -index, message))
    for timeline in by_key.values():
        timeline.sort(key=lambda item: (item[0], item[1]))
    placeholders: dict[str, Message] = {}
    for index in cut:
        message = messages[index]
        subject = message.subject
        assert subject is not None
        earlier = _latest_earlier(
            message, _instant(message, placing[index]), by_key[subject.thread_key], links
        )
        span = message.occurrences[0].span if message.occurrences else None
        source = message.occurrences[0].source if message.occurrences else None
        if earlier is not None:
            links.link(message.id, earlier.id)
            evidence[message.id] = "subject-time"
            collector.add(
                Code.THREAD_SUBJECT_TIME,
                f"{message.id} has no printed parent; linked to the latest earlier message "
                f"with the same subject, {earlier.id}",
                span,
                earlier.occurrences[0].span if earlier.occurrences else None,
                source=source,
            )
            continue
        placeholder = placeholders.get(subject.thread_key) or _placeholder(message)
        placeholders[subject.thread_key] = placeholder
        links.link(message.id, placeholder.id)
        evidence[message.id] = "placeholder"
        collector.add(
            Code.THREAD_PLACEHOLDER,
            f"the parent of {message.id} ({_subject_text(placeholder.subject)}) is not in the "
            f"release; placeholder {placeholder.id} stands for it",
            span,
            source=source,
        )
    return list(placeholders.values())


def _edges(
    placed: list[Message],
    order: Mapping[str, int],
    parent_of: Mapping[str, str],
    evidence: Mapping[str, str],
    collector: Collector,
) -> list[Edge]:
    """One edge for each message with a parent, in the order of the messages; a reply older
    than its parent is reported (:func:`~cablethread.threads.timeline.report_older`)."""
    edges: list[Edge] = []
    edge: Edge | None = None
    for child in placed:
        parent_id = parent_of.get(child.id)
        if parent_id is None:
            continue
        kind = evidence[child.id]
        at = order.get(parent_id)
        parent = placed[at] if at is not None else None
        delay = None
        if parent is not None and parent.sent_utc is not None and child.sent_utc is not None:
            delay = (child.sent_utc - parent.sent_utc).total_seconds()
            if delay < 0:
                report_older(parent, child, collector)
        values = {
            "parent_id": parent_id,
            "child_id": child.id,
            "evidence": "printed-chain" if kind.startswith("printed-chain") else kind,
            "confidence": CONFIDENCE[kind],
            "delay_seconds": delay,
        }
        # Every field given: the first edge is made, the others copied from it and changed.
        edge = trusted(Edge, **values) if edge is None else copied(edge, values)
        edges.append(edge)
    return edges


def _subject_text(subject: Subject | None) -> str:
    return subject.text if subject else "no subject"


def _latest_earlier(
    message: Message,
    instant: datetime | None,
    timeline: list[tuple[datetime, int, Message]],
    links: _Links,
) -> Message | None:
    """The latest message of ``timeline`` not later than ``instant`` (the message's: UTC if
    known, else its wall clock) that is not the message's descendant."""
    if instant is None:
        return None
    index = bisect_right(timeline, instant, key=lambda item: item[0])
    while index > 0:
        index -= 1
        other = timeline[index][2]
        if other.id != message.id and not links.descends(other.id, message.id):
            return other
    return None


def _group(
    placed: list[Message],
    placeholders: list[Message],
    parent_of: Mapping[str, str],
    positions: Mapping[str, ChainPosition],
    chosen: Mapping[tuple[str, int], str],
    policy: Policy,
    trees: UnionFind,
) -> list[Thread]:
    """The threads: the trees of the links (``trees``, one union for each link) in order."""
    # Each tree's messages, in the order of ``placed``: so the trees come in the order of their
    # first messages.
    members: dict[str, list[Message]] = defaultdict(list)
    for message in placed:
        members[trees.find(message.id)].append(message)
    threads: list[Thread] = []
    thread: Thread | None = None
    for group in members.values():
        # The sort is stable: messages of one time keep the order of ``placed``.
        ordered = sorted(group, key=_time_key)
        message_ids = [m.id for m in ordered]
        root_id, depth = _tree(message_ids, parent_of)
        participants = {
            party.key
            for m in ordered
            for field in ((m.sender,), m.to, m.cc, m.bcc)
            for party in field
            if party is not None
        }
        times = [m.sent_utc for m in ordered if m.sent_utc is not None]
        mode = policy.tz_mode
        if mode == "infer":
            modes = {chosen.get(positions[m.id].chain) for m in ordered if m.id in positions}
            picked = sorted(x for x in modes if x)
            mode = picked[0] if len(picked) == 1 else "infer"  # type: ignore[assignment]
        values = {
            "id": "t-" + root_id[2:],
            "root_id": root_id,
            "message_ids": message_ids,
            "depth": depth,
            "participants": sorted(participants),
            "start_utc": times[0] if times else None,
            "end_utc": times[-1] if times else None,
            "tz_mode": mode,
        }
        thread = trusted(Thread, **values) if thread is None else copied(thread, values)
        threads.append(thread)
    return threads


def _tree(ids: list[str], parent_of: Mapping[str, str]) -> tuple[str, int]:
    """The root of the tree that the messages ``ids`` make up (its top message, or the
    placeholder its tops reply to) and its depth: the most links from one of them up to it."""
    level: dict[str, int] = {}
    root = ids[0]
    for start in ids:
        path: list[str] = []
        node = start
        while node not in level and (up := parent_of.get(node)) is not None:
            path.append(node)
            node = up
        if node not in level:
            root = node
        depth = level.get(node, 0)
        for below in reversed(path):
            depth += 1
            level[below] = depth
    return root, max(level.values(), default=0)
