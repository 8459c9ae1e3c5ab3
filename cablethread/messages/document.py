"""One input read as far as messages, by the stages of :data:`DOCUMENT_STAGES` (prepare, scan, fields,
settle, segments, collate): a printing for each header block, the segments of its lines, its
diagnostics, and the collation of each message it prints more than once."""

from __future__ import annotations

import hashlib
import itertools
import re
from array import array
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from cablethread.codes import Code
from cablethread.diagnostics import Collector
from cablethread.fields.directory import Directory
from cablethread.fields.headers import unfold
from cablethread.fields.parties import FieldReader
from cablethread.fields.profiles import Profile, profiles
from cablethread.fields.readers import FIELD_READERS, BlockFields
from cablethread.fields.zones import read_printed_zone
from cablethread.lexicon.languages import languages
from cablethread.messages.collate import collate_document
from cablethread.messages.printing import Document, Printing
from cablethread.models import (
    Occurrence,
    Party,
    Segment,
    SegmentKind,
    SourceProfile,
    Span,
    Subject,
    cut_segment,
    holding,
    span_of,
    trusted,
)
from cablethread.policy import Policy
from cablethread.reading.source import SourceText, line_ends
from cablethread.scan.blocks import Scan, scan
from cablethread.scan.raw import KIND_BODY, KIND_FURNITURE, LINE_KINDS, NO_OWNER
from cablethread.stages import Laps

__all__ = ["DOCUMENT_STAGES", "read_document"]


_T = TypeVar("_T")


def _choose_profile(text: str, policy: Policy, collector: Collector) -> Profile:
    table = profiles()
    if policy.profile is not None:
        if policy.profile not in table:
            known = ", ".join(sorted(table))
            raise ValueError(f"unknown profile {policy.profile!r}; known profiles: {known}")
        return table[policy.profile]
    head = text[:200_000]
    for profile in table.values():
        if any(phrase in head for phrase in profile.detect):
            collector.add(
                Code.PROFILE_DETECTED,
                f"profile {profile.key} ({profile.name}) chosen from the text",
            )
            return profile
    collector.add(Code.PROFILE_DETECTED, "no agency recognised; the generic profile was used")
    return table["generic"]


def _source_profile(
    name: str | None, span: Span | None, profile: Profile, policy: Policy
) -> SourceProfile:
    return trusted(
        SourceProfile,
        source=name,
        span=span,
        profile=profile.key,
        archive_tz=policy.archive_tz or profile.archive_tz,
    )


#: How far from a banner or footer the nearest header or body line may stand for the banner to
#: be counted as that document's (lines; a page of furniture further off names no document).
FURNITURE_REACH = 60


def _document_profiles(
    found: Scan, contents: list[str], release: Profile, policy: Policy, collector: Collector
) -> dict[int, tuple[Span, Profile]]:
    """The printed documents (chains) of a release that are read with a profile of their own,
    with their lines: those whose page furniture holds a phrase of another profile and none of
    the release's (``U.S. Department of State Case No`` on the pages of one document of a New
    Zealand release). A banner or footer counts for the document of the header or body line
    nearest to it (the one below on a tie): a footer closes the page of the document above, a
    banner opens the page of the one below. Each choice is reported; none is made when the
    policy names a profile.
    """
    if policy.profile is not None or not found.blocks:
        return {}
    table = profiles()
    phrases = [(p, phrase) for p in table.values() for phrase in p.detect]
    named: dict[int, set[str]] = {}
    kinds, owners, chains = found.kinds, found.owners, found.chains
    index = -1
    while (index := kinds.find(KIND_FURNITURE, index + 1)) >= 0:
        number = index + 1
        line = contents[index]
        keys = {p.key for p, phrase in phrases if phrase in line}
        if not keys:
            continue
        owner = _nearest_owner(owners, number)
        if owner is not None:
            named.setdefault(chains[owner], set()).update(keys)
    chosen: dict[int, tuple[Span, Profile]] = {}
    for chain, keys in sorted(named.items()):
        if release.key in keys:
            continue
        other = next(p for p in table.values() if p.key in keys)
        members = [block for block, c in zip(found.blocks, chains, strict=True) if c == chain]
        span = span_of(members[0].start, members[-1].end)
        chosen[chain] = (span, other)
        collector.add(
            Code.PROFILE_DETECTED,
            f"the document at lines {span}: profile {other.key} ({other.name}) chosen from its "
            f"page furniture; the release's profile is {release.key}",
            span,
        )
    return chosen


def _nearest_owner(owners: array[int], number: int) -> int | None:
    """The block owning the header or body line nearest to line ``number``, the one below on a
    tie; None when none stands within :data:`FURNITURE_REACH` lines."""
    for distance in range(1, FURNITURE_REACH + 1):
        for other in (number + distance, number - distance):
            if 1 <= other <= len(owners) and owners[other - 1] != NO_OWNER:
                return owners[other - 1]
    return None


def _directory(profile: Profile, policy: Policy) -> Directory:
    """The profile's package directory with the user's files over it.

    Made once for a profile and the user's files as they stand (path, size, time of change), not
    again for every document of a batch: a large user file takes a second to read and check.
    """
    return _directory_of(profile.key, tuple(_file_identity(path) for path in policy.directory))


def _file_identity(path: Path) -> tuple[str, int, int]:
    try:
        info = path.stat()
    except (OSError, ValueError):  # ValueError: a NUL byte in the name
        return (str(path), -1, -1)  # read below, which names the problem
    return (str(path), info.st_size, info.st_mtime_ns)


@lru_cache(maxsize=8)
def _directory_of(profile: str, files: tuple[tuple[str, int, int], ...]) -> Directory:
    # Read only by the parser (FieldReader resolves through it, never adds to it).
    return Directory.for_profile(profile, extra_files=[path for path, _, _ in files])


def _message_id(sender: Party | None, sent: str | None, subject: Subject | None, where: str) -> str:
    """A printing's id: its sender as printed (not as the directory resolves it, so that a
    directory file never changes ids), its wall clock (else its date as printed, else where its
    block stands) and its subject's thread key."""
    who = (sender.address or sender.name or sender.raw).upper() if sender else "?"
    when = sent if sent is not None else f"@{where}"
    key = subject.thread_key if subject else ""
    # ``surrogatepass``: text built in Python may hold a lone surrogate, which UTF-8 refuses.
    digest = hashlib.sha1(
        f"{' '.join(who.split())}|{when}|{key}".encode("utf-8", "surrogatepass")
    ).hexdigest()
    return "m-" + digest[:12]


def read_document(text: str, name: str | None, policy: Policy) -> Document:
    with holding():
        return _read_source(text, name, policy)


@dataclass(slots=True)
class _Reading:
    """One document being read: what each of :data:`DOCUMENT_STAGES` leaves for the next.

    What a stage is done with is let go of as soon as it is (the text's lines once the body
    lines are known, each body line once its message has read it, the scanner's findings once
    the printings are made), so that the segments, the text once more, do not add to the peak.
    """

    text: str
    name: str | None
    policy: Policy
    collector: Collector
    source: SourceText | None
    profile: Profile
    dayfirst: bool = True
    found: Scan = field(default_factory=lambda: Scan(bytearray(), array("i"), [], [], []))
    #: Chains read with a profile of their own: their lines and profile.
    documents: dict[int, tuple[Span, Profile]] = field(default_factory=dict)
    used: list[SourceProfile] = field(default_factory=list)
    contents: list[str] = field(default_factory=list)
    pages: Sequence[int] | None = None
    line_count: int = 0
    newline: str = "\n"
    #: Each message's body lines (numbers), four bytes a line: a body may be thousands of lines.
    body_lines: dict[int, array[int]] = field(default_factory=dict)
    printings: list[Printing] = field(default_factory=list)
    readings: list[_OtherReading] = field(default_factory=list)
    kinds: bytearray = field(default_factory=bytearray)
    owners: array[int] = field(default_factory=lambda: array("i"))
    segments: list[Segment] = field(default_factory=list)
    #: Set by the stage that finishes the document (the first, for an empty input).
    document: Document | None = None


def _prepare(r: _Reading) -> None:
    """The input looked at as a whole: empty, control characters, blank pages, the profile."""
    text, source, collector, policy = r.text, r.source, r.collector, r.policy
    assert source is not None
    if not text or text.isspace():  # (strip() would copy the whole text)
        collector.add(Code.INPUT_EMPTY, "the input holds no text")
        r.profile = profiles()[policy.profile or "generic"]
        whole: list[tuple[SegmentKind, str | None, int]] = [("other", None, len(source))]
        segments = _segments(text, whole if len(source) else [], r.name, source.newline)
        used = [_source_profile(r.name, None, r.profile, policy)]
        r.document = Document(
            r.name, [], segments, collector.items, r.profile, len(source), profiles=used
        )
        return
    if any(ch in text for ch in "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f"):
        collector.add(
            Code.INPUT_CONTROL_CHARACTERS, "control characters in the text were kept as they are"
        )
    r.profile = _choose_profile(text, policy, collector)
    _note_blank_pages(source, collector)
    r.dayfirst = policy.dayfirst if policy.dayfirst is not None else r.profile.dayfirst


#: The most pages without text reported one by one in a document; the others are reported
#: together (a text of form feeds alone is a page every byte).
MOST_BLANK_PAGES = 100


def _note_blank_pages(source: SourceText, collector: Collector) -> None:
    """A diagnostic for each page with no text, up to :data:`MOST_BLANK_PAGES`; one more for
    the rest, with their count and the first and last of them."""
    told = 0
    more = first = last = 0
    for start, end in source.blank_page_runs():
        while told < MOST_BLANK_PAGES and start <= end:
            collector.add(
                Code.PAGE_NO_TEXT, f"page {start} holds no text; if it is a scan, OCR it (ocrmypdf)"
            )
            told, start = told + 1, start + 1
        if start <= end:
            first = first or start
            last = end
            more += end - start + 1
    if more:
        collector.add(
            Code.PAGE_NO_TEXT,
            f"{more:,} more pages hold no text (pages {first} to {last}; the first "
            f"{MOST_BLANK_PAGES} are reported one by one); if they are scans, OCR them (ocrmypdf)",
        )


def _scan(r: _Reading) -> None:
    """Header blocks found, every line classed; chains of another agency given its profile."""
    source, collector, policy = r.source, r.collector, r.policy
    assert source is not None
    found = r.found = scan(source, policy.languages, r.dayfirst)
    r.documents = _document_profiles(found, source.contents, r.profile, policy, collector)
    r.used = [_source_profile(r.name, None, r.profile, policy)]
    r.used += [_source_profile(r.name, span, other, policy) for span, other in r.documents.values()]
    for line in found.separators_alone:
        collector.add(
            Code.HEADER_SEPARATOR_ALONE,
            "a separator line with no header block below it",
            span_of(line, line),
        )
    # From here on only the body lines are read, each once, by the message it belongs to: the
    # source goes, every other line is let go of now and each body line once it has been read.
    # (The segments are cut from the text itself.)
    contents = r.contents = source.contents
    r.pages, r.line_count, r.newline = source.pages, len(source), source.newline
    r.source = None
    body_lines = r.body_lines
    start = 0  # the index of the run's first line
    for (owner, kind), run in itertools.groupby(zip(found.owners, found.kinds, strict=True)):
        stop = start + sum(1 for _ in run)
        if owner != NO_OWNER and kind == KIND_BODY:
            own = body_lines.get(owner)
            if own is None:
                own = body_lines[owner] = array("i")
            own.extend(range(start + 1, stop + 1))
        else:
            for index in range(start, stop):
                contents[index] = ""
        start = stop


def _read_blocks(r: _Reading) -> None:
    """Each header block read into a printing: its fields by the readers of
    :data:`~cablethread.fields.readers.FIELD_READERS` in order, then its id and body digests."""
    found, policy, collector, name = r.found, r.policy, r.collector, r.name
    contents, pages, body_lines = r.contents, r.pages, r.body_lines
    printings, readings = r.printings, r.readings
    readers: dict[str, FieldReader] = {}
    depth = 0
    for index, block in enumerate(_drain(found.blocks)):
        chain = found.chains[index]
        if index > 0 and chain != found.chains[index - 1]:
            depth = 0
        own = r.documents[chain][1] if chain in r.documents else r.profile
        reader = readers.get(own.key)
        if reader is None:
            reader = readers[own.key] = FieldReader(_directory(own, policy))
        above = printings[-1] if printings else None
        if above is not None and above.occurrence.chain != chain:
            above = None
        lines = body_lines.pop(index, _NO_LINES)
        fields = BlockFields(
            block,
            unfold(block, collector),
            reader,
            collector,
            policy.dayfirst if policy.dayfirst is not None else own.dayfirst,
            policy.languages,
            lines,
            contents,
            above.subject if above is not None else None,
            above.occurrence.span if above is not None else None,
        )
        for rule in FIELD_READERS:
            rule.read(fields)
        header = fields.unfolded.header
        header_span = header.span
        sent_local, subject = fields.sent_local, fields.subject
        where = f"{name or ''}:{header_span.start}"
        when = sent_local.isoformat() if sent_local is not None else (fields.sent_raw or None)
        message_id = _message_id(fields.printed_sender, when, subject, where)
        if fields.alternative is not None:
            readings.append(
                _OtherReading(
                    len(printings), fields.alternative, fields.printed_sender, subject, where
                )
            )
        printings.append(
            Printing(
                id=message_id,
                header=header,
                sender=fields.sender,
                to=fields.to,
                cc=fields.cc,
                bcc=fields.bcc,
                subject=subject,
                sent_raw=fields.sent_raw,
                sent_local=sent_local,
                redactions=fields.redactions,
                occurrence=trusted(
                    Occurrence,
                    source=name,
                    span=header_span,
                    body_span=span_of(lines[0], lines[-1]) if lines else None,
                    depth=depth,
                    quote_depth=block.quote_depth,
                    chain=chain,
                    page=pages[header_span.start - 1] if pages is not None else None,
                ),
                body_key=_body_key(contents, lines),
                body_head=_body_head(contents, lines),
                attachments=fields.attachments,
                importance=fields.importance,
                classification=fields.classification,
                offset_minutes=fields.offset_minutes,
                sent_zone=fields.sent_zone,
                sent_span=fields.sent_span,
                profile=own.key,
                archive_tz=policy.archive_tz or own.archive_tz,
                order_from=fields.order_from,
            )
        )
        for number in lines:
            contents[number - 1] = ""
        depth += 1


def _settle(r: _Reading) -> None:
    """What the chain settles: each date's day and month order, printed zones; the owners of the
    lines named by message id for the segments."""
    policy, collector, printings = r.policy, r.collector, r.printings
    own_orders = {
        chain: policy.dayfirst if policy.dayfirst is not None else other.dayfirst
        for chain, (_, other) in r.documents.items()
    }
    flipped = _settle_day_month(printings, r.readings, collector, r.dayfirst, own_orders)
    _note_assumed_orders(printings, flipped, policy, collector)
    _read_zones(printings, collector)
    if not printings:
        collector.add(
            Code.INPUT_NO_HEADERS, "no header block (From: with Sent:/To:/Subject:) found"
        )
    r.owners, r.kinds = r.found.owners, r.found.kinds
    # What the lines were read into goes before the segments are made: the scanner's blocks and
    # the body lines held about the input again, and the segments (the text once more) take
    # their place rather than adding to the peak.
    r.contents, r.pages, r.body_lines, r.readings = [], None, {}, []
    r.found = Scan(bytearray(), array("i"), [], [], [])


def _segment(r: _Reading) -> None:
    """The lines gathered into segments (cut from the text itself)."""
    ids = [printing.id for printing in r.printings]
    runs = _runs(r.kinds, r.owners, ids)
    r.kinds, r.owners = bytearray(), array("i")
    r.segments = _segments(r.text, runs, r.name, r.newline)


def _collate(r: _Reading) -> None:
    """Each message printed more than once in the input collated; the document made."""
    groups: dict[str, list[Occurrence]] = {}
    for printing in r.printings:
        groups.setdefault(printing.id, []).append(printing.occurrence)
    r.document = Document(
        r.name,
        r.printings,
        r.segments,
        r.collector.items,
        r.profile,
        r.line_count,
        profiles=r.used,
        collations=collate_document(groups.items(), r.segments),
    )


#: A document's stages, in the order they run, each named as its time is reported
#: (:data:`cablethread.stages.STAGES`).
DOCUMENT_STAGES: tuple[tuple[str, Callable[[_Reading], None]], ...] = (
    ("prepare", _prepare),
    ("scan", _scan),
    ("fields", _read_blocks),
    ("settle", _settle),
    ("segments", _segment),
    ("collate", _collate),
)


def _read_source(text: str, name: str | None, policy: Policy) -> Document:
    laps = Laps()
    reading = _Reading(
        text,
        name,
        policy,
        Collector(source=name, strict=policy.strict),
        SourceText(text, name),
        profiles()["generic"],
    )
    for stage_name, stage in DOCUMENT_STAGES:
        stage(reading)
        if reading.document is not None:
            if stage is not _prepare:
                laps.lap(stage_name)
            return reading.document
        laps.lap(stage_name)
    raise AssertionError("the last stage makes the document")


def _drain(items: list[_T]) -> Iterator[_T]:
    """The items of ``items`` in order, each let go of by the list as it is handed out (the list
    ends empty): what a block was scanned into goes as its message is read."""
    items.reverse()
    while items:
        yield items.pop()


@dataclass(frozen=True, slots=True)
class _OtherReading:
    """The other day/month order of a printing's numeric date, and what its id is made from."""

    index: int
    value: datetime
    sender: Party | None
    subject: Subject | None
    where: str


#: How far a quoted message may seem to stand after the one printed above it before the chain
#: counts as out of order: clocks in different zones.
_CHAIN_SLACK = timedelta(days=1)


def _settle_day_month(
    printings: list[Printing],
    readings: list[_OtherReading],
    collector: Collector,
    dayfirst: bool,
    dayfirst_of: Mapping[int, bool] | None = None,
) -> set[int]:
    """Read numeric dates in their other day/month order where the printed chain asks for it.

    A chain prints the newest message first and each earlier one below it. London's Lotus Notes
    prints ``08/02/2001 23:22`` day first inside an American chain: read month first it is 2
    August, half a year after the reply printed above it (``02/09/2001 03:06 AM``, 9 February).
    The dates of a chain that both orders allow are taken in two groups, those printed with a
    12-hour clock (``AM``/``PM``) and those with a 24-hour clock, as one mailbox prints all its
    dates one way. Where the policy's order leaves the chain out of order, the groups are read in
    the orders that leave fewest messages out of order; among those, a 24-hour clock goes with
    the day first and a 12-hour clock with the month first, then the shortest times between
    neighbours win. Each date read the other way is reported; their indexes are returned.
    ``dayfirst_of`` gives the order of the chains read with a profile of their own.
    """
    others = {reading.index: reading for reading in readings}
    done: set[int] = set()
    chains: dict[int, list[int]] = {}
    for index, printing in enumerate(printings):
        if printing.sent_local is not None:
            chains.setdefault(printing.occurrence.chain, []).append(index)
    for chain, members in chains.items():
        if not any(index in others for index in members):
            continue
        flipped = _chain_order(
            [printings[i].sent_local for i in members],  # type: ignore[misc]
            [others[i].value if i in others else None for i in members],
            [_twelve_hour(printings[i].sent_raw or "") for i in members],
            (dayfirst_of or {}).get(chain, dayfirst),
        )
        for index in (members[k] for k in flipped):
            printing, reading = printings[index], others[index]
            assert printing.sent_local is not None
            collector.add(
                Code.DATE_DAYFIRST_BY_CHAIN,
                f"{printing.sent_raw!r}: read as {reading.value:%d %B %Y}, not "
                f"{printing.sent_local:%d %B %Y}: in the policy's day/month order the printed "
                "chain would be out of order",
                printing.occurrence.span,
            )
            printing.sent_local = reading.value
            printing.id = _message_id(
                reading.sender, reading.value.isoformat(), reading.subject, reading.where
            )
            done.add(index)
    return done


def _note_assumed_orders(
    printings: list[Printing], flipped: set[int], policy: Policy, collector: Collector
) -> None:
    """A ``date-order-assumed`` note on every numeric date whose day/month order the text did
    not fix (``10/07/2019``, no weekday, no day over 12), naming the order it was read in and
    whose order that is: the printed chain's, the policy's, the profile's or the language's.
    """
    table = profiles()
    for index, printing in enumerate(printings):
        if printing.order_from is None or printing.sent_local is None:
            continue
        profile = table[printing.profile]
        dayfirst = policy.dayfirst if policy.dayfirst is not None else profile.dayfirst
        if index in flipped:
            dayfirst = not dayfirst
            whose = "the order the printed chain asks for (date-dayfirst-by-chain)"
        elif printing.order_from != "policy":
            dayfirst = True
            whose = f"the order of {languages()[printing.order_from].name} dates"
        elif policy.dayfirst is not None:
            whose = "the order Policy.dayfirst sets"
        elif profile.key == "generic":
            whose = "the generic profile's order, as no releasing agency was recognised"
        else:
            whose = f"the {profile.key} profile's order"
        order = "day first" if dayfirst else "month first"
        collector.add(
            Code.DATE_ORDER_ASSUMED,
            f"{printing.sent_raw!r}: the text does not fix the day/month order; read {order} "
            f"({printing.sent_local:%d %B %Y}), {whose}",
            printing.sent_span or printing.occurrence.span,
        )


def _read_zones(printings: list[Printing], collector: Collector) -> None:
    """The zone printed with each clock read (:func:`cablethread.fields.zones.read_printed_zone`): the
    offset and zone it gives, with the sender's directory zone and the document's archive zone
    to settle an ambiguous abbreviation; its notes reported on the Sent:/Date: field."""
    for printing in printings:
        if printing.sent_zone is None or printing.sent_local is None:
            continue
        sender_zone = printing.sender.time_zone if printing.sender is not None else None
        read = read_printed_zone(
            printing.sent_zone,
            printing.offset_minutes,
            printing.sent_local,
            sender_zone,
            printing.archive_tz,
        )
        collector.record(read.notes, printing.sent_span or printing.occurrence.span)
        printing.offset_minutes = read.offset_minutes
        printing.zone_name = read.zone


_TWELVE_HOUR = re.compile(r"\d[ \t]?[AaPp]\.?[Mm]\b")


def _twelve_hour(raw: str) -> bool:
    return _TWELVE_HOUR.search(raw) is not None


def _out_of_order(times: list[datetime]) -> int:
    return sum(above < below - _CHAIN_SLACK for above, below in itertools.pairwise(times))


def _chain_order(
    policy: list[datetime], other: list[datetime | None], twelve: list[bool], dayfirst: bool
) -> list[int]:
    """Positions (top first) of a chain's dates to read in their other day/month order: none
    unless reading a whole clock group the other way leaves fewer pairs out of order."""
    groups = [
        [k for k in range(len(policy)) if other[k] is not None and twelve[k] == style]
        for style in (True, False)
    ]
    best: tuple[tuple[int, int, float], list[int]] | None = None
    for flip_twelve in (False, True):
        for flip_24 in (False, True):
            if (flip_twelve and not groups[0]) or (flip_24 and not groups[1]):
                continue
            flipped = {*(groups[0] if flip_twelve else ()), *(groups[1] if flip_24 else ())}
            times = [
                (other[k] or policy[k]) if k in flipped else policy[k] for k in range(len(policy))
            ]
            # A 12-hour clock read day first, or a 24-hour one month first, goes against the
            # clock's habit and the policy's order alike.
            against = (2 if flip_twelve else 0) + (1 if flip_24 else 0)
            if dayfirst:
                against = (1 if flip_twelve else 0) + (2 if flip_24 else 0)
            gaps = sum(abs((a - b).total_seconds()) for a, b in itertools.pairwise(times))
            cost = (_out_of_order(times), against, gaps)
            if best is None or cost < best[0]:
                best = (cost, sorted(flipped))
    assert best is not None
    return best[1] if best[0][0] < _out_of_order(policy) else []


#: The body lines of a message with none.
_NO_LINES: array[int] = array("i")


#: How many body lines :func:`_body_key` joins at a time.
_KEY_LINES = 4096


def _body_key(contents: list[str], lines: Sequence[int]) -> bytes:
    """A digest of a body's words (brackets dropped, lines joined as printed, one space between
    words), read a few thousand lines at a time: a body of a million lines is not joined whole."""
    digest = hashlib.blake2b(digest_size=16)
    carry = ""  # a word the lines read so far end in, which the next line may go on
    between = b""
    for at in range(0, len(lines), _KEY_LINES):
        joined = "".join(contents[n - 1] for n in lines[at : at + _KEY_LINES])
        piece = carry + joined.replace("[", "").replace("]", "")
        words = piece.split()
        carry = words.pop() if words and not piece[-1].isspace() else ""
        if words:
            digest.update(between + " ".join(words).encode("utf-8", "surrogatepass"))
            between = b" "
    if carry:
        digest.update(between + carry.encode("utf-8", "surrogatepass"))
    return digest.digest()


#: How many characters of a body's first words a printing keeps to compare with other printings.
BODY_HEAD = 120


def _body_head(contents: list[str], lines: Sequence[int]) -> str:
    words: list[str] = []
    size = 0
    for n in lines:
        if not contents[n - 1]:
            continue
        for word in _NOT_WORD.sub(" ", contents[n - 1]).casefold().split():
            words.append(word)
            size += len(word) + 1
            if size >= BODY_HEAD:
                return " ".join(words)[:BODY_HEAD]
    return " ".join(words)


#: The kinds of segment that belong to a message.
_OWNED = frozenset({"header", "body"})


def _runs(
    kinds: bytearray, owners: array[int], ids: list[str]
) -> list[tuple[SegmentKind, str | None, int]]:
    """The runs of lines of one kind and one message (``kinds`` and ``owners``, one a line, as
    :class:`~cablethread.scan.raw.Scan` holds them; the owner an index into ``ids``): each run's
    kind, message id and last line. Nothing is made per line."""
    runs: list[tuple[SegmentKind, str | None, int]] = []
    line = 0
    for (code, owner), run in itertools.groupby(zip(kinds, owners, strict=True)):
        line += sum(1 for _ in run)
        kind = LINE_KINDS[code]
        message_id = ids[owner] if owner != NO_OWNER else None
        if runs and runs[-1][0] == kind and runs[-1][1] == message_id:
            runs[-1] = (kind, message_id, line)
        else:
            runs.append((kind, message_id, line))
    return runs


def _segments(
    text: str,
    runs: list[tuple[SegmentKind, str | None, int]],
    name: str | None,
    newline: str = "\n",
) -> list[Segment]:
    """The segments of ``text``: its runs of lines of one kind and one message (:func:`_runs`).

    The line ends are found in one pass over the text (the list of lines is let go of first), and
    the work is done per run of lines, not per line.
    """
    # One run ends where the text does: its line ends are not needed.
    ends = array("q") if len(runs) < 2 else line_ends(text, newline)
    segments: list[Segment] = []
    start = 1  # the first line of the run
    offset = 0  # where line ``start`` begins
    for kind, message_id, last in runs:
        stop = ends[last - 1] if last <= len(ends) else len(text)  # its line end included
        segments.append(
            cut_segment(
                kind,
                span_of(start, last),
                text,
                offset,
                stop,
                name,
                message_id if kind in _OWNED else None,
            )
        )
        start, offset = last + 1, stop
    return segments


_NOT_WORD = re.compile(r"[\W_]+")
