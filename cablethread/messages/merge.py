"""A release assembled from its documents: the printings of one message merged (by id, and by sender,
clock, subject and body where OCR read one printing otherwise), threads, participants, collation."""

from __future__ import annotations

import difflib
import re
from collections import Counter
from datetime import datetime

from cablethread._collector import collection_paused
from cablethread._copying import copied
from cablethread.codes import Code
from cablethread.diagnostics import Collector
from cablethread.fields.profiles import profiles
from cablethread.messages.collate import Collated
from cablethread.messages.document import _NOT_WORD
from cablethread.messages.printing import Document, Printing
from cablethread.models import (
    Diagnostic,
    Message,
    Party,
    Release,
    holding,
    replaced,
    trusted,
)
from cablethread.policy import Policy
from cablethread.stages import Laps

__all__ = ["assemble", "collection_paused"]


def assemble(documents: list[Document], policy: Policy) -> Release:
    """The release of ``documents``: their printings merged into messages, threaded, collated.

    The documents' printings are used up: each document's list of printings is left empty.
    """
    with holding():
        return _assembled(documents, policy)


#: How alike two printings' senders and subjects must be (``difflib.SequenceMatcher`` ratio of
#: their normalised forms, 2 × matching characters / both lengths) to be one message read
#: differently by OCR: ``fauci anthony`` / ``fauci anthcny`` is 0.92, a letter changed in a
#: 20-letter subject 0.95; ``fauci anthony`` / ``folkers greg`` is 0.32.
NEAR_SENDER = 0.85


NEAR_SUBJECT = 0.9


#: How much of the shorter of two bodies' first words (:data:`BODY_HEAD`) the other must hold,
#: in matching runs: two messages from one sender in one minute under one subject
#: (``If he wants also to talk to me`` / ``I am going to refer him to you``) share 0.31.
NEAR_BODY = 0.6


#: More distinct messages than this at one wall clock are not compared (each pair would be): a
#: release prints a handful at one minute; thousands are generated text, merged by id alone.
MAX_SAME_CLOCK = 64


#: Where a printed sender's name ends: OCR debris of a redacted address or a unit follows it
#: (``Fauci, Anthony (NIH/NIAID) [E] yy ywe@-``, ``Jeremy Farrar M>``).
_NAME_END = re.compile(r"[<(\[@|>\"]")


_NOT_DIGIT = re.compile(r"\D+")


def _sender_name(party: Party | None) -> str:
    """The first two words of a printed sender's name, lower case, letters and digits only:
    ``fauci anthony`` of ``"Fauci, Anthony (NIH/NIAID) [E]" yee``."""
    if party is None:
        return ""
    raw = party.raw.lstrip("\"' ")
    head = _NAME_END.split(raw, maxsplit=1)[0]
    words = _NOT_WORD.sub(" ", head).casefold().split()
    if not words and party.address:
        words = [party.address.casefold()]
    return " ".join(words[:2])


def _near(a: str, b: str, threshold: float) -> bool:
    if a == b:
        return True
    if not a or not b:
        return False
    matcher = difflib.SequenceMatcher(None, a, b)
    return matcher.quick_ratio() >= threshold and matcher.ratio() >= threshold


def _near_sender(a: str, b: str) -> bool:
    """Near-equal names with the same digits: ``post12`` and ``post13`` are two senders."""
    return bool(a or b) and (
        _NOT_DIGIT.sub("", a) == _NOT_DIGIT.sub("", b) and _near(a, b, NEAR_SENDER)
    )


def _near_body(a: str, b: str) -> bool:
    if a == b:
        return True
    if not a or not b:
        return False
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    shared = sum(block.size for block in matcher.get_matching_blocks())
    return shared >= NEAR_BODY * min(len(a), len(b))


def _merge_near(
    merged: dict[str, list[Printing]], order: dict[int, int]
) -> dict[str, list[Printing]]:
    """The printings of ``merged`` (by id) with those that differ only by OCR noise joined under
    the id of the first: the same wall clock (not None), near-equal senders and subjects, and
    bodies that begin alike (:data:`NEAR_SENDER`, :data:`NEAR_SUBJECT`, :data:`NEAR_BODY`).

    ``Fauci, Anthony (NIH/NIAID) [E] yy oe@>`` and ``Fauci, Anthony (NIH/NIAID) [E] Py oe@>``,
    both ``Sunday, April 12, 2020 1:09 PM``, ``RE: Wall Street Journal story``, ``Yes to your
    questions.``, are one message printed twice. ``Fauci`` and ``Folkers`` at one minute, one
    sender at one minute under two subjects, or two notes of Barton Haynes at 1:10 PM under one
    subject (``If he wants also to talk to me …`` / ``I am going to refer him …``) stay apart. Only ids with one wall clock are compared, each with the first
    printing of the messages already kept at that clock (at most :data:`MAX_SAME_CLOCK`). A message's printings stay in print
    order (``order``: a printing's place in the release, by ``id()``).
    """
    by_clock: dict[datetime, list[str]] = {}
    for message_id, printings in merged.items():
        when = printings[0].sent_local
        if when is not None:
            by_clock.setdefault(when, []).append(message_id)
    into: dict[str, str] = {}
    for ids in by_clock.values():
        if len(ids) > MAX_SAME_CLOCK:
            continue
        kept: list[tuple[str, str, str, str]] = []
        for message_id in ids:
            first = merged[message_id][0]
            name = _sender_name(first.sender)
            key = first.subject.thread_key if first.subject else ""
            for other_id, other_name, other_key, other_head in kept:
                if (
                    _near_sender(name, other_name)
                    and _near(key, other_key, NEAR_SUBJECT)
                    and _near_body(first.body_head, other_head)
                ):
                    into[message_id] = other_id
                    break
            else:
                kept.append((message_id, name, key, first.body_head))
    if not into:
        return merged
    joined: dict[str, list[Printing]] = {}
    for message_id, printings in merged.items():
        joined.setdefault(into.get(message_id, message_id), []).extend(printings)
    for message_id in set(into.values()):
        joined[message_id].sort(key=lambda p: order[id(p)])
    return joined


def _spans(printings: list[Printing]) -> str:
    """Where each printing stands: ``source:lines``, joined with commas."""
    return ", ".join(f"{p.occurrence.source or ''}:{p.occurrence.span}" for p in printings)


def _differences(printings: list[Printing], body: bool = True) -> str:
    """What differs between the printings of one message: ``sender 'A' / 'B'``; the body
    (``body``) only when asked."""
    parts: list[str] = []
    senders = list(dict.fromkeys(p.sender.raw if p.sender else "" for p in printings))
    if len(senders) > 1:
        parts.append("sender " + " / ".join(repr(s) for s in senders))
    subjects = list(dict.fromkeys(p.subject.text if p.subject else "" for p in printings))
    if len(subjects) > 1:
        parts.append("subject " + " / ".join(repr(s) for s in subjects))
    if body and len({p.body_key for p in printings}) > 1:
        parts.append("body")
    return ", ".join(parts)


def _collated_alone(
    documents: list[Document], merged: dict[str, list[Printing]]
) -> dict[str, Collated]:
    """The collations made with the documents (:attr:`Document.collations`) that stand for the
    release's: those of messages printed in one document alone, not joined with printings of
    another id, in a document whose name no other document bears (its lines are its own)."""
    names = Counter(document.name for document in documents)
    ready: dict[str, Collated] = {}
    for document in documents:
        if not document.collations or names[document.name] > 1:
            continue
        own = {id(printing) for printing in document.printings}
        for message_id, done in document.collations.items():
            printings = merged.get(message_id, [])
            if len(printings) == len(done.collation.printings) and all(
                p.id == message_id and id(p) in own for p in printings
            ):
                ready[message_id] = done
    return ready


def _assembled(documents: list[Document], policy: Policy) -> Release:
    from cablethread.messages.collate import collate
    from cablethread.messages.identity import participants
    from cablethread.threads.build import build_threads

    laps = Laps()
    merged: dict[str, list[Printing]] = {}
    order: dict[int, int] = {}
    for document in documents:
        for printing in document.printings:
            merged.setdefault(printing.id, []).append(printing)
            order[id(printing)] = len(order)
    exact = {message_id: len(printings) for message_id, printings in merged.items()}
    merged = _merge_near(merged, order)
    ready = _collated_alone(documents, merged)
    diagnostics: list[Diagnostic] = [d for doc in documents for d in doc.diagnostics]
    collector = Collector(source=None, strict=policy.strict, items=diagnostics)
    renamed = {
        p.id: message_id
        for message_id, printings in merged.items()
        for p in printings
        if p.id != message_id
    }
    messages: list[Message] = []
    message: Message | None = None
    archive_zones: dict[str, str] = {}
    for message_id, printings in merged.items():
        first = printings[0]
        archive_zones[message_id] = first.archive_tz
        variants = {p.body_key for p in printings}
        if len(printings) > exact[message_id]:
            others = sorted({p.id for p in printings if p.id != message_id})
            collector.add(
                Code.MESSAGE_VARIANT,
                f"message {message_id} is printed {len(printings)} times ({_spans(printings)}) with the same "
                f"wall clock, near-equal senders and subjects and alike bodies "
                f"({_differences(printings)}); "
                f"read as one message, {', '.join(others)} joined to it",
                first.occurrence.span,
                next(p.occurrence.span for p in printings if p.id != message_id),
                source=first.occurrence.source,
            )
        elif len(variants) > 1:
            # Senders or subjects printed apart as well (the debris of a blanked address).
            also = _differences(printings, body=False)
            collector.add(
                Code.MESSAGE_VARIANT,
                f"message {message_id} is printed {len(printings)} times with different bodies "
                f"({_spans(printings)}){'; also ' + also if also else ''}; every printing is kept as an "
                "occurrence",
                first.occurrence.span,
                source=first.occurrence.source,
            )
        elif len(printings) > 1 and (differences := _differences(printings)):
            # ``Folkers, Greg (NIH/NIAID) [E] yy woe-`` / ``… S99 yyy oe``: one id, as the debris
            # of a blanked address is no part of the sender, but printed apart all the same.
            collector.add(
                Code.MESSAGE_VARIANT,
                f"message {message_id} is printed {len(printings)} times ({_spans(printings)}) alike but "
                f"for {differences}; the first printing's values are kept",
                first.occurrence.span,
                source=first.occurrence.source,
            )
        values = {
            "id": message_id,
            "header": first.header,
            "sender": first.sender,
            "to": first.to,
            "cc": first.cc,
            "bcc": first.bcc,
            "subject": first.subject,
            "sent_raw": first.sent_raw,
            "sent_local": first.sent_local,
            "sent_offset_minutes": first.offset_minutes,
            "sent_zone": first.sent_zone,
            # The zone a printed zone gives, kept under every mode (timeline).
            "time_zone": first.zone_name if first.sent_zone is not None else None,
            "redactions": first.redactions,
            "occurrences": [p.occurrence for p in printings],
            "attachments": first.attachments,
            "importance": first.importance,
            "classification": first.classification,
        }
        # The first message is made, the others copied from it and changed (every field the
        # merging sets is given; the rest keep their defaults).
        message = trusted(Message, **values) if message is None else copied(message, values)
        messages.append(message)
    profile = documents[0].profile if documents else profiles()["generic"]
    laps.lap("merge")
    # The printings are read into messages: let them go before the messages are threaded (an
    # archive's printings weigh about as much as its messages), and the unthreaded messages
    # once they are (threading copies every message it times or links).
    merged.clear()
    order.clear()
    for document in documents:
        document.printings = []
    threaded = build_threads(messages, policy, profile, collector, archive_zones)
    messages.clear()
    laps.lap("threads")
    identities = participants(threaded.messages)
    # Threads list each participant once, by identity, however many forms it was printed in.
    identity_of = {key: person.key for person in identities for key in person.keys}
    unnamed = threaded.threads
    threads = [
        replaced(thread, participants=sorted({identity_of.get(k, k) for k in thread.participants}))
        for thread in unnamed
    ]
    unnamed.clear()
    segments = [
        replaced(s, message_id=renamed[s.message_id])
        if s.message_id is not None and s.message_id in renamed
        else s
        for d in documents
        for s in d.segments
    ]
    laps.lap("identity")
    collations = collate(threaded.messages, segments, collector, ready)
    laps.lap("collate")
    release = Release(
        sources=[d.name for d in documents if d.name is not None],
        messages=threaded.messages,
        placeholders=threaded.placeholders,
        segments=segments,
        diagnostics=collector.items,
        edges=threaded.edges,
        threads=threads,
        parties=identities,
        profile=profile.key,
        profiles=[used for d in documents for used in d.profiles],
        collations=collations,
    )
    laps.lap("release")
    return release
