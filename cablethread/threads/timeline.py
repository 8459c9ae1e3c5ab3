"""Wall clocks to UTC instants under a time-zone mode; causality checks.

A printed ``Sent:`` line has no zone. Which zone is a fact about the print:

* ``archive``: every clock is in the release's zone (``Pacific/Auckland`` for NZ MFAT);
* ``sender``: each clock is in its sender's home zone;
* ``quoter``: the top block in the archive zone, each quoted block in the zone of the sender of
  the block printed above it (Outlook writes a quoted header in the quoter's zone);
* ``infer``: per printed chain, the mode that leaves no reply older than its parent (ties go to
  ``archive``), the choice recorded.

A clock printed with its zone has one under every mode: an offset (``Wed, 2 May 2001 10:14:00
-0700``, ``UTC+04:00``), an abbreviation (``12:30:52 AM EST``) or a zone's name, read by
:mod:`cablethread.fields.zones` (``sent_offset_minutes``, and ``time_zone`` set before placing). The
modes place only the clocks printed without one. Each message's archive zone is that of its own
document (``archive_zones``), so that documents of several agencies keep their own zones.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Literal, NamedTuple

from cablethread._copying import copied
from cablethread.codes import Code
from cablethread.diagnostics import Collector
from cablethread.fields.zones import named_zone, offset_zone, zone_info
from cablethread.models import Message, Span, TzMode

__all__ = [
    "ChainPosition",
    "Placed",
    "check_causality",
    "localise",
    "offset_zone",
    "place_messages",
    "report_older",
    "zone_info",
]

# ``offset_zone`` and ``zone_info`` live in :mod:`cablethread.fields.zones` and are named here
# too, where they always were.

Placement = Literal["archive", "sender", "quoter"]
MODES: tuple[Placement, ...] = ("archive", "sender", "quoter")


@dataclass(frozen=True)
class Placed:
    """A message's instant under one mode: the zone used and what the zone rules said."""

    utc: datetime | None
    zone: str
    problem: Code | None = None


def localise(wall: datetime, zone_name: str) -> Placed:
    """``wall`` (naive) read in ``zone_name`` as a UTC instant; DST folds and gaps are noted.

    >>> localise(datetime(2018, 11, 6, 1, 42), "Pacific/Auckland").utc.isoformat()
    '2018-11-05T12:42:00+00:00'
    """
    zone = named_zone(zone_name)
    if wall.fold:
        wall = wall.replace(fold=0)
    # The zone's offsets at the clock's first and second reading, which differ in a fold or a
    # gap; the zone reads them from the naive clock, and the instant is the clock less the first.
    offset, second = zone.utcoffset(wall), zone.utcoffset(wall.replace(fold=1))
    assert offset is not None
    utc = (wall - offset).replace(tzinfo=UTC)
    problem: Code | None = None
    if offset != second:
        back = utc.astimezone(zone).replace(tzinfo=None)
        problem = Code.TIME_NONEXISTENT if back != wall else Code.TIME_AMBIGUOUS
    return Placed(utc, zone_name, problem)


@dataclass(frozen=True, slots=True)
class ChainPosition:
    """Where a message was first printed: its chain and the sender of the block above it."""

    chain: tuple[str, int]
    quoter_zone: str | None
    depth: int


def _zone_for(
    message: Message, mode: TzMode, archive: str, position: ChainPosition | None
) -> tuple[str, bool]:
    """The zone a mode gives a message, and whether that zone is known (not a fallback).

    A zone printed with the time (``-0400``, ``EST``) is the zone under every mode: the zone it
    gave (``time_zone``, set when it was read), else the offset's name. So is the archive zone
    an ambiguous abbreviation was read in.
    """
    if message.sent_offset_minutes is not None:
        return message.time_zone or offset_zone(message.sent_offset_minutes), True
    if message.sent_zone is not None and message.time_zone is not None:
        return message.time_zone, True
    if mode == "archive":
        return archive, True
    if mode == "sender":
        zone = message.sender.time_zone if message.sender else None
        return (zone, True) if zone else (archive, False)
    if position is None or position.depth == 0:
        return archive, True
    return (position.quoter_zone, True) if position.quoter_zone else (archive, False)


def _placed(message: Message, zone: str) -> Placed:
    """``message``'s wall clock as an instant: at the offset printed with it, else in ``zone``."""
    assert message.sent_local is not None
    if message.sent_offset_minutes is not None:
        offset = timedelta(minutes=message.sent_offset_minutes)
        return Placed((message.sent_local - offset).replace(tzinfo=UTC), zone)
    return localise(message.sent_local, zone)


def _instants(
    messages: Iterable[Message],
    mode: TzMode,
    archive: str,
    positions: Mapping[str, ChainPosition],
    archive_zones: Mapping[str, str],
) -> dict[str, Placed]:
    placed: dict[str, Placed] = {}
    for message in messages:
        if message.sent_local is None:
            continue
        own = archive_zones.get(message.id, archive)
        zone, _known = _zone_for(message, mode, own, positions.get(message.id))
        placed[message.id] = _placed(message, zone)
    return placed


def _violations(edges: Iterable[tuple[str, str]], placed: Mapping[str, Placed]) -> int:
    count = 0
    for parent, child in edges:
        p, c = placed.get(parent), placed.get(child)
        if p and c and p.utc and c.utc and c.utc < p.utc:
            count += 1
    return count


class Placing(NamedTuple):
    """What placing a message in time changes on it: ``sent_utc``, ``time_zone``, ``tz_mode``;
    ``placed`` is whether it had a wall clock to place (else only its mode is set)."""

    sent_utc: datetime | None
    time_zone: str | None
    tz_mode: Placement
    placed: bool


def place_messages(
    messages: list[Message],
    mode: TzMode,
    archive: str,
    positions: Mapping[str, ChainPosition],
    chain_edges: Mapping[tuple[str, int], list[tuple[str, str]]],
    collector: Collector,
    archive_zones: Mapping[str, str] | None = None,
) -> tuple[list[Message], dict[tuple[str, int], Placement]]:
    """Give every message ``sent_utc``, ``time_zone`` and ``tz_mode``; under ``infer`` choose per chain.

    ``archive_zones`` gives the archive zone of a message's own document; ``archive`` is the
    zone of the others.
    """
    found, chosen = placements(
        messages, mode, archive, positions, chain_edges, collector, archive_zones
    )
    return [apply_placement(m, p) for m, p in zip(messages, found, strict=True)], chosen


def apply_placement(message: Message, placement: Placing, **changes: Any) -> Message:
    """A copy of ``message`` placed in time (with any other ``changes``)."""
    if placement.placed:
        changes["sent_utc"] = placement.sent_utc
        changes["time_zone"] = placement.time_zone
    changes["tz_mode"] = placement.tz_mode
    return copied(message, changes)


def placements(
    messages: list[Message],
    mode: TzMode,
    archive: str,
    positions: Mapping[str, ChainPosition],
    chain_edges: Mapping[tuple[str, int], list[tuple[str, str]]],
    collector: Collector,
    archive_zones: Mapping[str, str] | None = None,
) -> tuple[list[Placing], dict[tuple[str, int], Placement]]:
    """:func:`place_messages` without copying the messages: what placing changes on each, in
    the order of ``messages``, with the same diagnostics (a caller that copies the messages
    again, as threading does, copies each once)."""
    own = archive_zones or {}
    chosen: dict[tuple[str, int], Placement] = {}
    # Under ``infer`` every mode's instants are needed to choose; under one mode each message is
    # placed as it comes.
    by_mode: dict[Placement, dict[str, Placed]] = {}
    if mode == "infer":
        by_mode = {m: _instants(messages, m, archive, positions, own) for m in MODES}
        chosen = _choose(chain_edges, by_mode, collector)
    out: list[Placing] = []
    for message in messages:
        position = positions.get(message.id)
        used: Placement
        if mode == "infer":
            used = chosen.get(position.chain, "archive") if position else "archive"
        else:
            used = mode
        if message.sent_local is None:
            out.append(Placing(None, None, used, False))
            continue
        home = own.get(message.id, archive)
        zone, known = _zone_for(message, used, home, position)
        placed = by_mode[used][message.id] if by_mode else _placed(message, zone)
        if not known or placed.problem:
            _report_placing(message, home, zone, known, placed.problem, collector)
        out.append(Placing(placed.utc, zone, used, True))
    return out, chosen


def _choose(
    chain_edges: Mapping[tuple[str, int], list[tuple[str, str]]],
    by_mode: Mapping[Placement, Mapping[str, Placed]],
    collector: Collector,
) -> dict[tuple[str, int], Placement]:
    """Per chain, the mode that leaves the fewest replies older than their parents (ties go to
    the earlier of :data:`MODES`), each choice recorded."""
    chosen: dict[tuple[str, int], Placement] = {}
    for chain, edges in chain_edges.items():
        best: Placement = "archive"
        best_count = _violations(edges, by_mode["archive"])
        for candidate in MODES[1:]:
            count = _violations(edges, by_mode[candidate])
            if count < best_count:
                best, best_count = candidate, count
        chosen[chain] = best
        collector.add(
            Code.TIME_ZONE_CHOSEN,
            f"chain {chain[1]} of {chain[0] or 'the input'}: mode {best} chosen "
            f"({best_count} reply older than its parent)",
        )
    return chosen


def _report_placing(
    message: Message,
    home: str,
    zone: str,
    known: bool,
    problem: Code | None,
    collector: Collector,
) -> None:
    """The diagnostics of placing one message: a zone not known, a clock the zone's rules
    show twice or never."""
    span = message.occurrences[0].span if message.occurrences else None
    source = message.occurrences[0].source if message.occurrences else None
    if not known:
        who = message.sender.raw if message.sender else "the sender"
        collector.add(
            Code.TIME_ZONE_UNKNOWN,
            f"no home zone known for {who}; the archive zone {home} was used",
            span,
            source=source,
        )
    if problem:
        collector.add(
            problem,
            f"{message.sent_local} in {zone}: "
            + (
                "the clock shows this time twice; the first was taken"
                if problem == Code.TIME_AMBIGUOUS
                else "this time never occurred (clocks went forward); read with the earlier offset"
            ),
            span,
            source=source,
        )


def check_causality(
    edges: Iterable[tuple[str, str]],
    messages: Mapping[str, Message],
    collector: Collector,
) -> None:
    """A diagnostic for every reply older than its parent, naming both and the gap in minutes."""
    for parent_id, child_id in edges:
        parent, child = messages.get(parent_id), messages.get(child_id)
        if parent is None or child is None or parent.sent_utc is None or child.sent_utc is None:
            continue
        if parent.sent_utc > child.sent_utc:
            report_older(parent, child, collector)


def report_older(parent: Message, child: Message, collector: Collector) -> None:
    """The diagnostic of a reply ``child`` older than its ``parent`` (both placed in time)."""
    assert parent.sent_utc is not None and child.sent_utc is not None
    gap = parent.sent_utc - child.sent_utc
    span: Span | None = child.occurrences[0].span if child.occurrences else None
    related = parent.occurrences[0].span if parent.occurrences else None
    collector.add(
        Code.TIME_REPLY_BEFORE_PARENT,
        f"reply {child.id} ({_who(child)}, {child.sent_utc:%Y-%m-%d %H:%M}Z) is "
        f"{gap.total_seconds() / 60:.0f} minutes older than its parent {parent.id} "
        f"({_who(parent)}, {parent.sent_utc:%Y-%m-%d %H:%M}Z) under {child.tz_mode}",
        span,
        related,
        source=child.occurrences[0].source if child.occurrences else None,
    )


def _who(message: Message) -> str:
    return message.sender.raw if message.sender else "unknown sender"
