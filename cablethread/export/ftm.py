"""FollowTheMoney export: a release as the entity stream that Aleph and the ``ftm`` tools read.

FollowTheMoney (FtM, followthemoney.tech) is the data model of OCCRP's Aleph: an
entity is a schema and property values, and a stream of them is JSON lines, one entity a line
(``.ftm``). The entities are built and cleaned by the ``followthemoney`` package (extra
``cablethread[ftm]``), so that every value is one the library accepts::

    {"id": "8b0c…", "schema": "Email", "properties": {"subject": ["RE: FORMAL MESSAGE: …"],
     "threadTopic": ["CHINA XINJIANG UPDATE AND CONSIDERATION OF NEXT STEPS"], "from": ["NAD"],
     "emitters": ["5d1e…"], "inReplyToEmail": ["07aa…"], "date": ["2019-07-10T23:25:00"], …}}

What is written, in this order:

- a ``Pages`` entity for each input (``fileName``, ``contentHash``: the SHA-1 of its text as
  parsed) and, where the text knows its pages (form feeds: a PDF read by :mod:`cablethread.reading.pdf`),
  a ``Page`` for each page (``index``, ``bodyText``), so that the page count is the number of
  ``Page`` entities;
- a ``Person`` for each merged participant that is a person (``name``, every printed form as
  ``alias``, ``email``), a ``PublicBody`` for each post, division, office and agency of the
  directory that appears (``name``, the code as ``abbreviation``), and a ``LegalEntity`` for each
  distribution list and mailbox of the directory;
- an ``Email`` for each distinct message: ``subject``, ``threadTopic`` (the thread's key),
  ``date`` (the library keeps it in UTC), ``messageId``, ``from``/``to``/``cc``/``bcc`` as
  printed, ``emitters``/``recipients`` pointing at the entities above, ``inReplyTo`` and
  ``inReplyToEmail`` from the reply edges, ``bodyText``, ``headers`` (the printed header block, one
  JSON object per field), ``notes`` (each withholding code with its ground) and ``proof``, the
  ``Pages`` of its first printing (``parent`` must be a ``Folder`` in the model, which ``Pages`` is
  not); a parent that was not released is an ``Email`` with its id and subject only, marked so in
  ``notes`` and ``keywords``;
- a ``Mention`` (``name``, ``document`` = the email) for each printed name that resolves to no
  participant entity (a party of unknown kind).

Ids are SHA-1 digests of the stable ids (``make_id``): the same release gives the same stream.
Values longer than the model allows (1,024 characters for a string, 250 for a JSON value, 65,000
for a text) are split over several values where the property can hold several (body, notes,
headers), else cut with ``…``.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING

from cablethread._arguments import release_first
from cablethread._clean import without_surrogates
from cablethread._collector import paused
from cablethread.errors import FtmSupportMissing
from cablethread.export._output import atomic_write, write_open
from cablethread.export.mbox import body_segments, first_body, message_id_header
from cablethread.threads.conversation import thread_topic

if TYPE_CHECKING:
    from followthemoney import EntityProxy, Model

    from cablethread.models import Message, Participant, Party, Release

__all__ = ["FtmSupportMissing", "ftm_entities", "write_ftm"]

#: Longest value of each property type the model accepts (``PropertyType.max_length``).
_STRING_LIMIT = 1024
_NAME_LIMIT = 384
_JSON_LIMIT = 250
_TEXT_LIMIT = 65_000
#: The party kinds written as ``PublicBody`` and as a plain ``LegalEntity``.
_PUBLIC_BODIES = frozenset({"post", "division", "office", "agency"})
_OTHER_BODIES = frozenset({"distribution-list", "mailbox"})
_UNNAMED = "(unnamed input)"
_PLACEHOLDER_NOTE = (
    "Not released: the parent of a printed reply, known only from the reply's chain; "
    "nothing of it was printed."
)


def _model() -> Model:
    try:
        from followthemoney import model
    except ImportError:
        raise FtmSupportMissing(
            "FollowTheMoney export needs the followthemoney package: pip install 'cablethread[ftm]'"
        ) from None
    return model


def _cut(value: str, limit: int) -> str:
    return value if len(value) <= limit else value[: limit - 1] + "…"


def _pieces(value: str, limit: int) -> list[str]:
    """``value`` in pieces of at most ``limit`` characters, broken after a line end if one is near."""
    pieces: list[str] = []
    while len(value) > limit:
        end = value.rfind("\n", limit // 2, limit) + 1 or limit
        pieces.append(value[:end])
        value = value[end:]
    if value:
        pieces.append(value)
    return pieces


def _json_object(label: str, line: int, value: str, part: int | None) -> str:
    data: dict[str, object] = {"label": label, "line": line, "value": value}
    if part is not None:
        data["part"] = part
    return json.dumps(data, ensure_ascii=False)


def _json_pieces(label: str, line: int, value: str) -> list[str]:
    """One printed header field as JSON objects of at most 250 characters each.

    ``{"label": "Sent", "line": 16, "value": "Thursday, 11 July 2019 11:25 AM"}``; a longer value
    goes on in further objects with the same label and line, each naming its ``part``.
    """
    if len(_json_object(label, line, value, None)) <= _JSON_LIMIT:
        return [_json_object(label, line, value, None)]
    label = label[:100]  # a printed label is a word or two; nothing longer is one
    objects: list[str] = []
    rest = value
    while rest:
        part = len(objects) + 1
        low, high = 0, len(rest)
        while low < high:  # the longest prefix that fits
            middle = (low + high + 1) // 2
            if len(_json_object(label, line, rest[:middle], part)) <= _JSON_LIMIT:
                low = middle
            else:
                high = middle - 1
        if low < len(rest):
            # Break after a separator or a blank where one is near, not inside a name.
            cut = max(rest.rfind(mark, 0, low) for mark in (" ", ";", ","))
            if cut >= low // 2:
                low = cut + 1
        objects.append(_json_object(label, line, rest[:low], part))
        rest = rest[low:]
    return objects


def _source_texts(release: Release) -> dict[str | None, str]:
    texts: dict[str | None, list[str]] = {}
    for segment in release.segments:
        texts.setdefault(segment.source, []).append(segment.text)
    return {source: "".join(parts) for source, parts in texts.items()}


def _printed(party: Party) -> str:
    return _cut(" ".join(party.raw.split()), _STRING_LIMIT)


class _Builder:
    """The entities of one release, made in stream order."""

    def __init__(self, release: Release) -> None:
        self.release = release
        self.model = _model()
        self.parent_of = {edge.child_id: edge.parent_id for edge in release.edges}
        self.pages_of: dict[str | None, str] = {}
        self.party_entity: dict[str, str] = {}
        self.bodies = body_segments(release)

    def make(self, schema: str, *parts: str) -> EntityProxy:
        entity: EntityProxy = self.model.make_entity(schema)
        # An id is a digest of UTF-8, which cannot carry an unpaired surrogate.
        entity.make_id("cablethread", *(without_surrogates(part) for part in parts))
        return entity

    def sources(self) -> Iterator[EntityProxy]:
        for source, text in _source_texts(self.release).items():
            name = source or _UNNAMED
            digest = hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()
            pages = self.make("Pages", "source", Path(name).name, digest)
            pages.add("fileName", _cut(Path(name).name, _STRING_LIMIT))
            pages.add("contentHash", digest)
            if Path(name).name != name:
                pages.add("title", _cut(name, _STRING_LIMIT))
            self.pages_of[source] = str(pages.id)
            yield pages
            if "\x0c" not in text:
                continue
            chunks = text.split("\x0c")
            if not chunks[-1].strip():
                chunks.pop()  # the form feed that closes the last page
            for number, chunk in enumerate(chunks, start=1):
                page = self.make("Page", "page", str(pages.id), str(number))
                page.add("document", pages.id)
                page.add("index", str(number))
                page.add("bodyText", _pieces(chunk, _TEXT_LIMIT))
                yield page

    def party(self, participant: Participant) -> EntityProxy | None:
        kind = participant.kind
        if kind == "person":
            entity = self.make("Person", "party", participant.key)
            entity.add("name", _cut(participant.name or participant.raw, _NAME_LIMIT))
            entity.add("name", [_cut(form, _NAME_LIMIT) for form in participant.forms])
        elif participant.code is not None and kind in _PUBLIC_BODIES | _OTHER_BODIES:
            schema = "PublicBody" if kind in _PUBLIC_BODIES else "LegalEntity"
            entity = self.make(schema, "party", participant.key)
            entity.add("name", _cut(participant.name or participant.code, _NAME_LIMIT))
            entity.add("abbreviation", _cut(participant.code, _NAME_LIMIT))
            entity.add("description", f"{kind} ({self.release.profile or 'generic'} directory)")
        else:
            return None  # withheld (no name) or unresolved (written as mentions)
        if not entity.has("name"):
            return None  # nothing the model reads as a name: mentioned by its emails instead
        entity.set("name", entity.get("name")[:1])
        entity.add("alias", [_cut(form, _NAME_LIMIT) for form in participant.forms])
        entity.add("email", participant.addresses)
        for key in participant.keys:
            self.party_entity[key] = str(entity.id)
        return entity

    def email(self, message: Message) -> EntityProxy:
        release = self.release
        entity = self.make("Email", "message", message.id)
        entity.add("messageId", message_id_header(message.id))
        if message.subject is not None:
            entity.add("subject", _cut(" ".join(message.subject.text.split()), _STRING_LIMIT))
        topic = thread_topic(release, message, parent_of=self.parent_of)
        if topic:
            entity.add("threadTopic", _cut(topic, _STRING_LIMIT))
        parent = self.parent_of.get(message.id)
        if parent is not None:
            entity.add("inReplyTo", message_id_header(parent))
            entity.add("inReplyToEmail", self.make("Email", "message", parent).id)
        if message.placeholder:
            entity.add("notes", _PLACEHOLDER_NOTE)
            entity.add("keywords", "not released")
            return entity
        if message.sent_utc is not None:
            entity.add("date", message.sent_utc.isoformat())
        if message.sender is not None:
            entity.add("from", _printed(message.sender))
        for name, parties in (("to", message.to), ("cc", message.cc), ("bcc", message.bcc)):
            entity.add(name, [_printed(party) for party in parties])
        if message.sender is not None and message.sender.key in self.party_entity:
            entity.add("emitters", self.party_entity[message.sender.key])
        recipients = [*message.to, *message.cc, *message.bcc]
        entity.add(
            "recipients",
            [self.party_entity[p.key] for p in recipients if p.key in self.party_entity],
        )
        entity.add("bodyText", _pieces(first_body(message, self.bodies), _TEXT_LIMIT))
        if message.header is not None:
            for field in message.header.fields:
                entity.add("headers", _json_pieces(field.label, field.span.start, field.value))
        seen: set[str] = set()
        for redaction in message.redactions:
            if redaction.code not in seen:
                seen.add(redaction.code)
                note = f"{redaction.raw}: withheld under {redaction.ground} ({redaction.meaning})"
                entity.add("notes", _pieces(note, _TEXT_LIMIT))
        entity.add("proof", self.pages_of[message.occurrences[0].source])
        return entity

    def mentions(self, message: Message, email: EntityProxy) -> Iterator[EntityProxy]:
        parties = [message.sender] if message.sender is not None else []
        seen: set[str] = set()
        for party in [*parties, *message.to, *message.cc, *message.bcc]:
            if party.kind == "withheld" or party.key in self.party_entity or party.key in seen:
                continue
            seen.add(party.key)
            mention = self.make("Mention", "mention", message.id, party.key)
            mention.add("name", _cut(party.name or party.raw, _NAME_LIMIT))
            if not mention.has("name"):
                continue  # printed marks with no name in them (``"''"``)
            mention.add("document", email.id)
            if party.address:
                mention.add("contextEmail", party.address)
            yield mention

    def entities(self) -> Iterator[EntityProxy]:
        yield from self.sources()
        for participant in self.release.parties:
            entity = self.party(participant)
            if entity is not None:
                yield entity
        for placeholder in self.release.placeholders:
            yield self.email(placeholder)
        for message in self.release.messages:
            email = self.email(message)
            yield email
            yield from self.mentions(message, email)


@release_first
def ftm_entities(release: Release) -> list[EntityProxy]:
    """The release's entities, as ``followthemoney`` entity proxies, in stream order.

    >>> import cablethread
    >>> release = cablethread.parse_file("examples/mfat_xinjiang_oia.txt")
    >>> entities = ftm_entities(release)
    >>> sorted({e.schema.name for e in entities})
    ['Email', 'LegalEntity', 'Pages', 'Person', 'PublicBody']
    """
    return list(_Builder(release).entities())


@release_first
@paused
def write_ftm(release: Release, path: str | os.PathLike[str] | IO[bytes] | IO[str]) -> int:
    """Write the release as a FollowTheMoney entity stream (JSON lines) to ``path``, or to an
    open file (UTF-8 to a binary one, text to a text one).

    Needs the ``ftm`` extra (``pip install 'cablethread[ftm]'``); raises
    :class:`FtmSupportMissing` without it. Returns the number of entities written; Aleph loads
    the file with ``alephclient write-entities``, and ``ftm export-gexf`` turns it into a graph.

    >>> import cablethread, tempfile, os
    >>> release = cablethread.parse_file("examples/mfat_xinjiang_oia.txt")
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     cablethread.write_ftm(release, os.path.join(folder, "release.ftm"))
    64
    """
    if not isinstance(path, str | os.PathLike):
        return _write_entities(path, release)
    with atomic_write(path) as handle:
        return _write_entities(handle, release)


def _write_entities(handle: IO[bytes] | IO[str], release: Release) -> int:
    count = 0
    for entity in ftm_entities(release):
        line = json.dumps(entity.to_dict(), ensure_ascii=False, sort_keys=True) + "\n"
        # UTF-8 cannot carry an unpaired surrogate (a file name's undecodable byte).
        write_open(handle, without_surrogates(line))
        count += 1
    return count
