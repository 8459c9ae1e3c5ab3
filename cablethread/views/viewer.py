"""A release as one self-contained HTML page: its threads, a timeline, its messages and withholdings.

The page works offline and makes no request: its style sheet and script (``data/viewer.css``,
``data/viewer.js``) and every timeline (SVG, drawn here) are written into it. The release itself
travels as JSON inside ``<script type="application/json">``, with ``<``, ``>``, ``&`` and the
line and paragraph separators written as ``\\u`` escapes, so that no text of the release can close
that element; the script shows every value through ``textContent``, never as markup. A release is
untrusted input: a subject reading ``</script><script>…`` is shown as those characters.

The page stays quick for a large release: the script draws one row per thread and draws a
thread's messages when it is opened, a message's panel when it is chosen, and a thread's timeline
(an inert ``<template>`` until then) when the thread is chosen.

>>> import cablethread
>>> release = cablethread.parse_file("examples/mfat_xinjiang_oia.txt")
>>> page = release_page(release)
>>> page.startswith("<!DOCTYPE html>") and "<script src" not in page and len(page) < 1_000_000
True
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from datetime import UTC, datetime, timedelta
from html import escape
from importlib import resources
from typing import IO, Any
from zoneinfo import ZoneInfoNotFoundError

from cablethread._arguments import release_first
from cablethread._clean import without_surrogates
from cablethread.export._output import atomic_write, write_open
from cablethread.export.mbox import BodySegments, body_segments
from cablethread.fields.zones import zone_info
from cablethread.models import Edge, Message, Party, Release, Thread
from cablethread.views.report import thread_walk

__all__ = [
    "release_data",
    "release_page",
    "script_json",
    "shown",
    "thread_edges",
    "timeline_svg",
    "write_html",
]

# What must be seen rather than obeyed in a released text: C0 controls but tab and line feed,
# DEL and the C1 controls, and the bidirectional marks, embeddings, overrides and isolates that
# would reorder what follows them on the page (``\u202etxt.exe``).
_INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# What could end the JSON's script element or be read as a line end by an old JavaScript parser.
_JSON_UNSAFE = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}
_JSON_UNSAFE_CHAR = re.compile("[<>&\u2028\u2029]")


def shown(text: str) -> str:
    """``text`` as the page shows it: a control or bidi character as its code point, visibly.

    >>> shown("RE: LETTER \\u202etxt.exe")
    'RE: LETTER [U+202E]txt.exe'
    """
    return _INVISIBLE.sub(lambda m: f"[U+{ord(m.group()):04X}]", without_surrogates(text))


def script_json(value: Any) -> str:
    """``value`` as JSON that may stand inside a ``<script>`` element: nothing in it can end one.

    >>> script_json({"subject": "</script><script>alert(1)</script>"})
    '{"subject":"\\\\u003c/script\\\\u003e\\\\u003cscript\\\\u003ealert(1)\\\\u003c/script\\\\u003e"}'
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return _JSON_UNSAFE_CHAR.sub(lambda m: _JSON_UNSAFE[m.group()], without_surrogates(text))


def _utc(value: datetime | None) -> str | None:
    return f"{value:%Y-%m-%d %H:%M}Z" if value else None


def _abbreviation(message: Message) -> str | None:
    """The zone's abbreviation at the message's instant (``NZST``), else its name."""
    if message.sent_utc is None or not message.time_zone:
        return message.sent_zone or message.time_zone
    try:
        zone = zone_info(message.time_zone)
    except (ZoneInfoNotFoundError, ValueError):
        return message.time_zone
    return message.sent_utc.astimezone(zone).tzname() or message.time_zone


class _Parties:
    """Each distinct party once (as printed and as resolved); a message names them by number
    with the line each was printed on. A long Cc list repeated on every message of a chain
    would otherwise be written again each time."""

    def __init__(self) -> None:
        self.table: list[dict[str, Any]] = []
        self._number: dict[tuple[Any, ...], int] = {}

    def cite(self, party: Party) -> list[Any]:
        """``[number, line]`` of ``party``, added to the table if new."""
        key = (
            party.raw,
            party.name,
            party.code,
            party.kind,
            party.time_zone,
            party.address,
            party.unit,
        )
        number = self._number.get(key)
        if number is None:
            number = self._number[key] = len(self.table)
            self.table.append(
                {
                    "raw": shown(party.raw),
                    "name": shown(party.name) if party.name else None,
                    "code": shown(party.code) if party.code else None,
                    "kind": party.kind,
                    "zone": party.time_zone,
                    "address": shown(party.address) if party.address else None,
                    "unit": shown(party.unit) if party.unit else None,
                }
            )
        return [number, str(party.span)]


def _body(message: Message, bodies: BodySegments) -> list[Any] | None:
    """The body of the first printing: its first line number and its text, page breaks and
    carriage returns taken out, trailing blank lines dropped."""
    if not message.occurrences:
        return None
    occurrence = message.occurrences[0]
    span = occurrence.body_span
    if span is None:
        return None
    text = "".join(
        segment.text
        for segment in bodies.get((message.id, occurrence.source), ())
        if segment.span.start in span
    )
    lines = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x0c", "").split("\n")
    while lines and not lines[-1].strip():
        lines.pop()
    return [span.start, shown("\n".join(lines))]


def _message(
    message: Message,
    bodies: BodySegments,
    codes: dict[str, list[str]],
    parties: _Parties,
) -> dict[str, Any]:
    for redaction in message.redactions:
        codes.setdefault(redaction.code, [shown(redaction.ground), shown(redaction.meaning)])
    header = message.header
    subject = message.subject
    return {
        "id": message.id,
        "placeholder": message.placeholder,
        "from": parties.cite(message.sender) if message.sender else None,
        "to": [parties.cite(p) for p in message.to],
        "cc": [parties.cite(p) for p in message.cc],
        "bcc": [parties.cite(p) for p in message.bcc],
        "subject": shown(subject.text) if subject else None,
        "subjectRaw": shown(subject.raw) if subject and subject.raw != subject.text else None,
        "sentRaw": shown(message.sent_raw) if message.sent_raw else None,
        "local": f"{message.sent_local:%Y-%m-%d %H:%M}" if message.sent_local else None,
        "zone": _abbreviation(message),
        "zoneName": message.time_zone,
        "utc": _utc(message.sent_utc),
        "utcMs": int(message.sent_utc.timestamp() * 1000) if message.sent_utc else None,
        "mode": message.tz_mode,
        "fields": [[shown(f.label), shown(f.value), str(f.span)] for f in header.fields]
        if header
        else [],
        "redactions": [
            [r.code, str(r.span), r.span.start, shown(r.raw), r.field, r.ocr_damaged]
            for r in message.redactions
        ],
        "printings": [
            [
                shown(o.source or "text"),
                str(o.span),
                str(o.body_span) if o.body_span else None,
                o.page,
                o.chain,
                o.depth,
            ]
            for o in message.occurrences
        ],
        "attachments": [shown(a) for a in message.attachments],
        "body": _body(message, bodies),
    }


def thread_edges(release: Release) -> list[list[Edge]]:
    """The reply edges of each thread (by the thread of the reply), found in one pass, so that
    drawing every thread of a large release does not look through every edge each time."""
    thread_of: dict[str, int] = {}
    for number, thread in enumerate(release.threads):
        thread_of[thread.root_id] = number
        for message_id in thread.message_ids:
            thread_of[message_id] = number
    grouped: list[list[Edge]] = [[] for _ in release.threads]
    for edge in release.edges:
        found = thread_of.get(edge.child_id)
        if found is not None:
            grouped[found].append(edge)
    return grouped


def _thread(
    release: Release, thread: Thread, index_of: dict[str, int], edges: list[Edge]
) -> dict[str, Any]:
    walk = []
    for lead, message, edge in thread_walk(release, thread, edges):
        link = [edge.evidence, edge.confidence] if edge is not None else None
        walk.append([index_of[message.id], len(lead) // 2, link])
    root = release.message(thread.root_id)
    first = root if root.subject else release.message(thread.message_ids[0])
    return {
        "id": thread.id,
        "subject": shown(first.subject.text) if first.subject else None,
        "count": len(thread.message_ids),
        "start": _utc(thread.start_utc),
        "end": _utc(thread.end_utc),
        "mode": thread.tz_mode,
        "walk": walk,
    }


def release_data(release: Release, edges: list[list[Edge]] | None = None) -> dict[str, Any]:
    """What the page's script reads: the release's overview, its messages and placeholders (by
    index), its threads as tree walks, the withholding codes with ground and meaning.

    ``edges``: :func:`thread_edges` of the release, if the caller has them already.
    """
    grouped = thread_edges(release) if edges is None else edges
    bodies = body_segments(release)
    everything = [*release.messages, *release.placeholders]
    index_of = {message.id: index for index, message in enumerate(everything)}
    codes: dict[str, list[str]] = {}
    parties = _Parties()
    messages = [_message(message, bodies, codes, parties) for message in everything]
    by_code = Counter((d.code, d.severity) for d in release.diagnostics)
    diagnostics: dict[str, list[Any]] = {}
    for diagnostic in release.diagnostics:
        where = str(diagnostic.span) if diagnostic.span else ""
        source = shown(diagnostic.source) if diagnostic.source else ""
        diagnostics.setdefault(diagnostic.code, []).append(
            [source, where, shown(diagnostic.message)]
        )
    modes = Counter(m.tz_mode or "none" for m in release.messages)
    return {
        "sources": [shown(s) for s in release.sources] or ["text"],
        "profile": release.profile,
        "profiles": [
            [shown(p.source or "text"), str(p.span) if p.span else "", p.profile, p.archive_tz]
            for p in release.profiles
        ],
        "modes": sorted(modes.items()),
        "counts": {
            "messages": len(release.messages),
            "placeholders": len(release.placeholders),
            "edges": len(release.edges),
            "threads": len(release.threads),
            "diagnostics": len(release.diagnostics),
            "collations": len(release.collations),
            "withholdings": sum(len(m.redactions) for m in release.messages),
        },
        "diagnostics": [
            [code, severity, count, diagnostics[code]]
            for (code, severity), count in sorted(by_code.items())
        ],
        "codes": codes,
        "parties": parties.table,
        "messages": messages,
        "collations": {
            index_of[c.message_id]: [
                [d.kind, d.a.printing, d.b.printing, shown(d.a.text), shown(d.b.text), d.evidence]
                for d in c.differences
            ]
            for c in release.collations
            if c.message_id in index_of
        },
        "threads": [
            _thread(release, thread, index_of, grouped[number])
            for number, thread in enumerate(release.threads)
        ],
    }


# --- The timeline --------------------------------------------------------------------------

_WIDTH, _LEFT, _RIGHT, _LANE, _TOP = 760, 150, 24, 72, 10
#: The least room between two labels on the same side of one lane; a closer point keeps only its
#: tooltip.
_LABEL_ROOM = 64


def _home(message: Message) -> str:
    """The lane a message is drawn in: its sender's home zone, else the zone its clock was read in."""
    if message.sender is not None and message.sender.time_zone:
        return message.sender.time_zone
    return message.time_zone or "unknown zone"


def _local_in(instant: datetime, zone_name: str) -> str:
    try:
        return f"{instant.astimezone(zone_info(zone_name)):%a %d %b %H:%M}"
    except (ZoneInfoNotFoundError, ValueError):
        return f"{instant:%a %d %b %H:%M}Z"


def timeline_svg(
    release: Release,
    thread: Thread,
    edges: list[Edge] | None = None,
    index_of: dict[str, int] | None = None,
) -> str:
    """A thread's messages across its senders' home zones as SVG: one lane per zone, each
    message at its UTC instant with its sender and the wall clock of its lane, each reply link an
    arrow. Every text is escaped; messages without a known instant are left off.

    ``edges`` (the thread's, or all of the release's by default) and ``index_of`` (a message's
    place among the release's messages and then placeholders) spare a caller that draws every
    thread from looking them up again for each.

    >>> import cablethread
    >>> release = cablethread.parse_file("examples/mfat_xinjiang_oia.txt")
    >>> svg = timeline_svg(release, release.threads[3])
    >>> svg.count('class="tl-point"'), "Europe/Zurich" in svg
    (15, True)
    """
    if index_of is None:
        index_of = {m.id: i for i, m in enumerate([*release.messages, *release.placeholders])}
    dated = [release.message(i) for i in thread.message_ids]
    dated = [m for m in dated if m.sent_utc is not None]
    if not dated:
        return ""
    lanes: list[str] = []
    for message in dated:
        if _home(message) not in lanes:
            lanes.append(_home(message))
    start = min(m.sent_utc for m in dated if m.sent_utc)
    end = max(m.sent_utc for m in dated if m.sent_utc)
    span = max((end - start).total_seconds(), 60.0)
    inner = _WIDTH - _LEFT - _RIGHT
    height = _TOP + _LANE * len(lanes) + 30

    def x_of(instant: datetime) -> float:
        return _LEFT + inner * (instant - start).total_seconds() / span

    def y_of(message: Message) -> int:
        return _TOP + _LANE * lanes.index(_home(message)) + _LANE // 2

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="timeline" viewBox="0 0 {_WIDTH} {height}"'
        f' role="img" aria-label="{escape(f"Timeline of thread {thread.id}")}">'
        '<defs><marker id="tl-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7"'
        ' markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z"'
        ' class="tl-head"/></marker></defs>'
    ]
    for row, lane in enumerate(lanes):
        y = _TOP + _LANE * row
        parts.append(
            f'<rect class="tl-lane tl-lane{row % 2}" x="0" y="{y}" width="{_WIDTH}"'
            f' height="{_LANE}"/><text class="tl-zone" x="6" y="{y + _LANE // 2 + 4}">'
            f"{escape(shown(lane))}</text>"
        )
    ticks = 4
    for step in range(ticks + 1):
        instant = start + timedelta(seconds=span * step / ticks)
        x = x_of(instant)
        anchor = "start" if step == 0 else "end" if step == ticks else "middle"
        parts.append(
            f'<line class="tl-tick" x1="{x:.1f}" y1="{_TOP}" x2="{x:.1f}"'
            f' y2="{height - 26}"/><text class="tl-axis" x="{x:.1f}" y="{height - 10}"'
            f' text-anchor="{anchor}">{instant.astimezone(UTC):%d %b %H:%M}Z</text>'
        )
    where = {m.id: (x_of(m.sent_utc), y_of(m)) for m in dated if m.sent_utc}
    for edge in release.edges if edges is None else edges:
        if edge.parent_id in where and edge.child_id in where:
            (x1, y1), (x2, y2) = where[edge.parent_id], where[edge.child_id]
            parts.append(f'<line class="tl-link" x1="{x1:.0f}" y1="{y1}" x2="{x2:.0f}" y2="{y2}"/>')
    last: dict[tuple[int, int], float] = {}
    for number, message in enumerate(dated):
        x, y = where[message.id]
        sender = shown(message.sender.raw) if message.sender else "?"
        assert message.sent_utc is not None
        local = _local_in(message.sent_utc, _home(message))
        label = f"{sender}, {local} ({_utc(message.sent_utc)})"
        # As the notebook's plot: the sender and the wall clock of its lane beside each point,
        # above and below in turn, left off where the last label on that side stands too close.
        side = number % 2
        text = ""
        if x - last.get((y, side), -_LABEL_ROOM) >= _LABEL_ROOM:
            last[(y, side)] = x
            first, second = (y - 22, y - 10) if side == 0 else (y + 20, y + 32)
            day, *_, time = local.split()
            clock = escape(f"{day} {time}")
            text = (
                f'<text x="{x:.0f}" y="{first}">{escape(sender[:14])}</text>'
                f'<text class="tl-clock" x="{x:.0f}" y="{second}">{clock}</text>'
            )
        parts.append(
            # The title is the point's name for a screen reader and its tooltip.
            f'<g class="tl-point" data-m="{index_of[message.id]}" tabindex="0" role="button">'
            f"<title>{escape(label)}</title>"
            f'<circle cx="{x:.0f}" cy="{y}" r="6"/>{text}</g>'
        )
    parts.append("</svg>")
    return "".join(parts)


# --- The page ------------------------------------------------------------------------------


def _asset(name: str) -> str:
    return resources.files("cablethread").joinpath(f"data/{name}").read_text("utf-8")


@release_first
def release_page(release: Release, *, title: str | None = None) -> str:
    """The whole page as text: :func:`release_data` as JSON, the style sheet, the script and a
    timeline template for every thread of more than one dated message."""
    name = title or ", ".join(os.path.basename(s) for s in release.sources) or "release"
    grouped = thread_edges(release)
    index_of = {m.id: i for i, m in enumerate([*release.messages, *release.placeholders])}
    templates = []
    for index, thread in enumerate(release.threads):
        if len(thread.message_ids) > 1:
            svg = timeline_svg(release, thread, grouped[index], index_of)
            if svg:
                templates.append(f'<template id="tl-{index}">{svg}</template>')
    page_title = escape(shown(f"{name} — cablethread"))
    return without_surrogates(
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        # Nothing is fetched: no network, no frames, no forms sent anywhere.
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">"
        f"<title>{page_title}</title>"
        f"<style>{_asset('viewer.css')}</style></head>"
        '<body><a class="skip" href="#tree">Skip to the threads</a>'
        '<header id="overview" aria-label="The release"></header>'
        '<main class="layout"><section class="threads" aria-label="Threads">'
        '<form id="filters" class="filters" role="search" aria-label="Filters"></form>'
        '<p id="status" class="status" aria-live="polite"></p>'
        '<ul id="tree" class="tree" role="tree" aria-label="Threads"></ul>'
        '<button type="button" id="more" class="more" hidden>Show more threads</button>'
        "</section>"
        '<section class="panel" aria-label="Chosen thread and message">'
        '<div id="timeline" class="timeline-box"></div><div id="message" class="message"></div>'
        "</section></main>"
        f"{''.join(templates)}"
        f'<script type="application/json" id="release-data">{script_json(release_data(release, grouped))}'
        "</script>"
        f"<script>{_asset('viewer.js')}</script></body></html>\n"
    )


@release_first
def write_html(release: Release, path: str | os.PathLike[str] | IO[bytes] | IO[str]) -> None:
    """Write the release as one self-contained HTML page: UTF-8 to a path or a binary file, text
    to a text file (``sys.stdout``).

    The page needs no network and no server: open it in any browser. It shows the release's
    sources, counts and diagnostics, its threads as trees, a chosen thread's timeline, each
    message's fields as printed and as read with its withholdings, and filters by sender,
    recipient, date, subject and code.

    >>> import cablethread, tempfile, pathlib
    >>> release = cablethread.parse_file("examples/mfat_xinjiang_oia.txt")
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "release.html"
    >>> cablethread.write_html(release, target)
    >>> b"FORMAL MESSAGE" in target.read_bytes()
    True
    """
    page = release_page(release)
    if not isinstance(path, str | os.PathLike):
        write_open(path, page)
        return
    with atomic_write(path) as handle:
        handle.write(page.encode("utf-8"))
