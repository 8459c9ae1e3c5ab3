"""Plain-text views of a release for the command line: message lines, thread trees, details.

Each function returns lines without line ends, so that the command prints them and tests read
them without capturing output.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import datetime, tzinfo
from functools import cache
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfoNotFoundError

from cablethread.fields.zones import zone_info

if TYPE_CHECKING:
    from cablethread.models import Diagnostic, Edge, Message, Party, Release, Thread

__all__ = [
    "diagnostic_line",
    "diagnostic_summary",
    "message_details",
    "message_line",
    "thread_tree",
]


def message_line(message: Message) -> str:
    """One line per message: id, wall clock, sender, subject and the lines it was printed on.

    >>> import cablethread
    >>> release = cablethread.parse_file("examples/mfat_xinjiang_oia.txt")
    >>> message_line(release.messages[0]).split("  ")[:3]
    ['m-ebe89fddf502', '2019-07-11 11:25', 'NAD']
    """
    sender = message.sender.raw if message.sender else "(no sender)"
    when = message.sent_local.strftime("%Y-%m-%d %H:%M") if message.sent_local else "(no date)"
    subject = message.subject.text if message.subject else "(no subject)"
    lines = ", ".join(str(o.span) for o in message.occurrences)
    return f"{message.id}  {when}  {sender:<24}  {subject}  [lines {lines}]"


@cache
def _zone(name: str) -> tzinfo | None:
    try:
        return zone_info(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def _when(message: Message) -> str:
    """``2019-07-11 11:25 NZST = 2019-07-10 23:25Z``: the printed clock, its zone, the instant."""
    if message.sent_local is None:
        return "(no date)"
    local = f"{message.sent_local:%Y-%m-%d %H:%M}"
    if message.sent_utc is None:
        return f"{local} (zone unknown)"
    zone = _zone(message.time_zone) if message.time_zone else None
    abbreviation = message.sent_utc.astimezone(zone).tzname() if zone else None
    shown = f"{local} {abbreviation}" if abbreviation else local
    return f"{shown} = {message.sent_utc:%Y-%m-%d %H:%M}Z"


def _entry(message: Message, edge: Edge | None) -> str:
    link = f"[{edge.evidence} {edge.confidence:g}] " if edge is not None else ""
    if message.placeholder:
        subject = message.subject.text if message.subject else "(no subject)"
        return f"{link}[missing] {subject} (parent not in the release)"
    sender = message.sender.raw if message.sender else "(no sender)"
    subject = message.subject.text if message.subject else "(no subject)"
    return f"{link}{_when(message)}  {sender}  {subject}"


def _utc(value: datetime | None) -> str:
    return f"{value:%Y-%m-%d %H:%M}Z" if value else "?"


def thread_tree(release: Release, thread: Thread) -> list[str]:
    """A thread as an indented tree, each reply under its parent with the evidence of the link.

    >>> import cablethread
    >>> release = cablethread.parse_file("examples/mfat_xinjiang_oia.txt")
    >>> print("\\n".join(thread_tree(release, release.threads[0])))  # doctest: +NORMALIZE_WHITESPACE
    t-1269a780e6b6  2 messages, 2019-05-16 12:38Z to 2019-07-10 23:25Z, mode archive
    2019-05-17 00:38 NZST = 2019-05-16 12:38Z  BEIJING  FORMAL MESSAGE: CHINA: XINJIANG: UPDATE AND CONSIDERATION OF NEXT STEPS
    └ [printed-chain 0.95] 2019-07-11 11:25 NZST = 2019-07-10 23:25Z  NAD  RE: FORMAL MESSAGE: CHINA: XINJIANG: UPDATE AND CONSIDERATION OF NEXT STEPS
    """
    count = len(thread.message_ids)
    head = (
        f"{thread.id}  {count} message{'s' if count != 1 else ''}, "
        f"{_utc(thread.start_utc)} to {_utc(thread.end_utc)}, mode {thread.tz_mode or 'none'}"
    )
    return [head, *(f"{lead}{_entry(m, edge)}" for lead, m, edge in thread_walk(release, thread))]


def thread_walk(
    release: Release, thread: Thread, edges: Iterable[Edge] | None = None
) -> list[tuple[str, Message, Edge | None]]:
    """The messages of a thread in tree order, each with the lead that draws its place in the
    tree (``"  └ "``) and the edge to its parent (None for the root).

    ``edges`` are the release's edges to look through (all of them by default); a caller that
    walks every thread of a large release passes each thread the edges of its own messages.
    """
    by_id = release._message_index()
    members = set(thread.message_ids) | {thread.root_id}
    position = {message_id: i for i, message_id in enumerate(thread.message_ids)}
    edge_of: dict[str, Edge] = {}
    children: dict[str, list[str]] = {}
    for edge in release.edges if edges is None else edges:
        if edge.child_id in members and edge.parent_id in members:
            edge_of[edge.child_id] = edge
            children.setdefault(edge.parent_id, []).append(edge.child_id)
    for kids in children.values():
        kids.sort(key=lambda message_id: position.get(message_id, -1))
    seen: set[str] = set()
    walked: list[tuple[str, Message, Edge | None]] = []

    def walk(message_id: str, lead: str, branch: str) -> None:
        seen.add(message_id)
        walked.append((lead + branch, by_id[message_id], edge_of.get(message_id)))
        kids = [kid for kid in children.get(message_id, []) if kid not in seen]
        # A root's children hang one step in; deeper levels carry the bar of open siblings.
        inner = lead + ("" if not branch else "│ " if branch == "├ " else "  ")
        for index, kid in enumerate(kids):
            walk(kid, inner, "└ " if index == len(kids) - 1 else "├ ")

    # Messages a tree walk does not reach (none, for a well-formed thread) are listed as roots.
    for start in [thread.root_id, *thread.message_ids]:
        if start not in seen and start in by_id:
            walk(start, "", "")
    return walked


def _parties(parties: list[Party]) -> str:
    return "; ".join(party.raw for party in parties)


def message_details(release: Release, message: Message) -> list[str]:
    """Every field of a message, its place in its thread and its withholding codes.

    >>> import cablethread
    >>> release = cablethread.parse_file("examples/mfat_xinjiang_oia.txt")
    >>> message_details(release, release.messages[0])[2]
    '  Sent:        Thursday, 11 July 2019 11:25 AM'
    """
    edge = next((e for e in release.edges if e.child_id == message.id), None)
    thread = next((t for t in release.threads if message.id in t.message_ids), None)
    sources = {o.source for o in message.occurrences}
    if len(sources) == 1:
        (source,) = sources
        printed = ", ".join(str(o.span) for o in message.occurrences)
        printed += f" of {source}" if source else ""
    else:
        printed = ", ".join(f"{o.source or '<text>'}:{o.span}" for o in message.occurrences)
    sender = message.sender
    fields: list[tuple[str, str]] = [
        ("From", sender.raw if sender else "(none)"),
        ("Sent", message.sent_raw or "(none)"),
        ("", f"{_when(message)}  ({message.time_zone or 'no zone'}, {message.tz_mode or '-'})"),
        ("To", _parties(message.to)),
        ("Cc", _parties(message.cc)),
        ("Bcc", _parties(message.bcc)),
        ("Subject", message.subject.text if message.subject else "(none)"),
        ("Attachments", "; ".join(message.attachments)),
        ("Importance", message.importance or ""),
        ("Classification", message.classification or ""),
        ("Thread", thread.id if thread else "(none)"),
        (
            "Reply to",
            f"{edge.parent_id} ({edge.evidence}, confidence {edge.confidence:g})"
            + (" [missing]" if edge.parent_id.startswith("p-") else "")
            if edge
            else "",
        ),
    ]
    lines = [f"{message.id}  printed at lines {printed}"]
    for name, value in fields:
        if value or name in {"From", "To", "Subject"}:
            label = f"{name}:" if name else ""
            lines.append(f"  {label:<13}{value}")
    grounds: dict[str, str] = {}
    for index, redaction in enumerate(message.redactions):
        label = "Redactions:" if index == 0 else ""
        where = f" ({redaction.field})" if redaction.field else ""
        repaired = f", printed {redaction.raw!r}" if redaction.ocr_damaged else ""
        lines.append(f"  {label:<13}line {redaction.span}{where}  {redaction.code}{repaired}")
        grounds.setdefault(redaction.code, f"{redaction.ground}: {redaction.meaning}")
    # Each ground's meaning once, after the list: a long body repeats the same few codes.
    for index, (code, meaning) in enumerate(grounds.items()):
        label = "Grounds:" if index == 0 else ""
        lines.append(f"  {label:<13}{code}  {meaning}")
    return lines


def diagnostic_line(diagnostic: Diagnostic) -> str:
    """``source:lines: severity: code: message``, the form editors and CI logs link to.

    >>> import cablethread
    >>> release = cablethread.parse_file("examples/mfat_xinjiang_oia.txt")
    >>> diagnostic_line(release.diagnostics[1])[:69]
    'examples/mfat_xinjiang_oia.txt:170-171: info: header-subject-joined: '
    """
    where = diagnostic.source or "<text>"
    if diagnostic.span is not None:
        where += f":{diagnostic.span}"
    return f"{where}: {diagnostic.severity}: {diagnostic.code}: {diagnostic.message}"


def diagnostic_summary(diagnostics: list[Diagnostic]) -> str:
    """``16 diagnostics: 16 info, 0 warnings, 0 errors``.

    >>> diagnostic_summary([])
    '0 diagnostics: 0 info, 0 warnings, 0 errors'
    """
    tally = Counter(d.severity for d in diagnostics)
    return (
        f"{len(diagnostics)} diagnostic{'s' if len(diagnostics) != 1 else ''}: "
        f"{tally['info']} info, {tally['warning']} warning{'s' if tally['warning'] != 1 else ''}, "
        f"{tally['error']} error{'s' if tally['error'] != 1 else ''}"
    )
