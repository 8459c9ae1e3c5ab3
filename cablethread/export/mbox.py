"""mbox and EML export: each distinct message as an RFC 5322 message, threaded by its headers.

Mail clients, JWZ threaders and e-discovery loaders rebuild threads from ``Message-ID``,
``In-Reply-To`` and ``References``; this module writes those from the reconstructed reply edges,
so the threads come back in any of them::

    Message-ID: <m-ebe89fddf502@cablethread.invalid>
    In-Reply-To: <m-1269a780e6b6@cablethread.invalid>
    References: <m-1269a780e6b6@cablethread.invalid>
    Date: Thu, 11 Jul 2019 11:25:00 +1200
    From: NAD <nad@unknown.cablethread.invalid>

Nothing is invented: a message id is the stable id of the message, a party without a printed
address gets an address under the reserved ``.invalid`` domain (RFC 2606) with its printed name as
display name, a message without a known time gets no ``Date:``, and a placeholder (a parent that
was not released) is not written as a message but is still named in its replies' ``In-Reply-To``
and ``References``. ``X-Cablethread-*`` headers say where each message was printed.
"""

from __future__ import annotations

import base64
import hashlib
import io
import os
import re
import time
import unicodedata
from email.headerregistry import Address, BaseHeader, HeaderRegistry
from email.message import EmailMessage
from email.policy import EmailPolicy
from email.utils import format_datetime, parsedate_to_datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from cablethread._arguments import release_first
from cablethread._clean import without_surrogates
from cablethread._collector import paused
from cablethread.export._output import atomic_write, write_folder
from cablethread.fields.zones import zone_info
from cablethread.threads.conversation import (
    ancestors,
    root_times,
    thread_index_header,
    thread_topic,
)

if TYPE_CHECKING:
    from cablethread.models import Message, Party, Release, Segment

__all__ = ["message_id_header", "to_email", "write_eml", "write_mbox"]

#: The domain of every synthetic address and message id: reserved, never delivered to.
DOMAIN = "cablethread.invalid"

#: Characters a header may not hold as they are (RFC 5322 allows only printable ASCII and
#: whitespace): C0 controls but tab, DEL, the C1 controls, and the Unicode line separators.
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]")
#: Bytes of text in one encoded word: 52 characters of base64, a line of 78 with any name.
_WORD_BYTES = 39
_NOT_LOCAL = re.compile(r"[^a-z0-9]+")
#: The most characters of a subject or other text header written to mail: far above any printed
#: subject, far below what makes the standard folder slow (it is quadratic in a value's length).
_MOST_TEXT = 2_000
#: The most characters of a display name (a recipient list read as one party can be thousands).
_MOST_NAME = 256
#: The most addresses written in one To, Cc or Bcc header.
_MOST_ADDRESSES = 1_000
#: RFC 5321 § 4.5.3.1.1: a local part holds at most 64 octets.
_MOST_LOCAL = 64
#: Headers that hold addresses; their display names are cleaned instead of encoded whole.
_ADDRESS_HEADERS = frozenset({"from", "to", "cc", "bcc", "sender", "reply-to"})


#: RFC 5322 § 3.2.3: the characters of an atom; a display name of others is quoted or encoded.
_ATEXT = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~ -]*")
#: RFC 5322 § 3.4.1 dot-atom forms of a local part and a domain, the only forms written as printed.
_DOT_ATOM_LOCAL = re.compile(
    r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
)
_DOMAIN = re.compile(
    r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*"
)


def _encoded_words(text: str, linesep: str) -> str:
    """``text`` as RFC 2047 encoded words, one a line; readers join adjacent encoded words."""
    # email.header.Header would read a line separator as a fold and drop it; encoding each
    # chunk ourselves carries every character.
    chunks: list[str] = [""]
    size = 0
    for char in text:
        width = len(char.encode("utf-8"))
        if size + width > _WORD_BYTES:
            chunks.append("")
            size = 0
        chunks[-1] += char
        size += width
    words = [
        f"=?utf-8?b?{base64.b64encode(chunk.encode('utf-8')).decode('ascii')}?=" for chunk in chunks
    ]
    return f"{linesep} ".join(words)


def _phrase(name: str, linesep: str) -> str:
    """A display name as a header holds it: as it is, quoted, or encoded (not ASCII)."""
    if not name.isascii():
        return _encoded_words(name, linesep)
    if _ATEXT.fullmatch(name):
        return name
    return '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _mailboxes(name: str, addresses: tuple[Address, ...], linesep: str) -> str:
    """An address header written here, one address a line.

    The standard folder drops the quotes of a display name it has to fold (``A <x@y.org> …``
    then reads back as the address ``x@y.org``) and can encode the comma between two addresses
    (the list then reads back as one address).
    """
    written = [
        f"{_phrase(a.display_name, linesep)} <{a.addr_spec}>" if a.display_name else a.addr_spec
        for a in addresses
    ]
    return f"{name}: " + f",{linesep} ".join(written) + linesep


class _Policy(EmailPolicy):
    """The standard policy, with three repairs to how it folds a header.

    The standard folder encodes only non-ASCII text, and would write a NUL or an escape byte of a
    printed subject into the header as it is; an RFC 2047 encoded word carries any character. And
    where a value fits a line of its own but not beside its name, it breaks the line right after
    the colon, which the standard parser reads back with a leading space (``" RE: …"``); the
    first line is kept whole instead (still far below the 998-character limit). And address
    headers are written here (:func:`_mailboxes`), where the standard folder can change them.
    """

    def header_store_parse(self, name: str, value: Any) -> tuple[str, Any]:
        # A value holding a line break (a C0 separator, U+2028) is refused by the standard
        # policy; it is stored here, and written as an encoded word below.
        if (
            isinstance(value, str)
            and name.lower() not in _ADDRESS_HEADERS
            and _CONTROL.search(value)
        ):
            return name, self.header_factory(name, value)
        return super().header_store_parse(name, value)

    def fold(self, name: str, value: str) -> str:
        addresses = getattr(value, "addresses", None)
        if name.lower() in _ADDRESS_HEADERS and addresses is not None:
            return _mailboxes(name, addresses, self.linesep)
        folded = self._encoded(name, value) or super().fold(name, value)
        after_colon = f"{name}:{self.linesep} "
        if folded.startswith(after_colon):
            folded = f"{name}: {folded[len(after_colon) :]}"
        return folded

    def fold_binary(self, name: str, value: str) -> bytes:
        addresses = getattr(value, "addresses", None)
        if name.lower() in _ADDRESS_HEADERS and addresses is not None:
            return _mailboxes(name, addresses, self.linesep).encode("ascii")
        encoded = self._encoded(name, value)
        if encoded is not None:
            return encoded.encode("ascii")
        folded = super().fold_binary(name, value)
        after_colon = f"{name}:{self.linesep} ".encode("ascii")
        if folded.startswith(after_colon):
            folded = f"{name}: ".encode("ascii") + folded[len(after_colon) :]
        return folded

    def _encoded(self, name: str, value: Any) -> str | None:
        """The whole value as RFC 2047 encoded words, if it holds a character a header may not."""
        text = str(value)
        if name.lower() in _ADDRESS_HEADERS or not _CONTROL.search(text):
            return None
        return f"{name}: " + _encoded_words(text, self.linesep) + self.linesep


class _Registry(HeaderRegistry):
    """The standard header registry, making each header's class once.

    The standard one makes a new class for every header it parses; thousands of messages leave
    thousands of classes behind, and making each costs more the more there are (a write of 8,000
    messages took five times as long per message as one of 2,000). One registry serves one write.
    """

    def __init__(self) -> None:
        super().__init__()
        self._made: dict[str, type[BaseHeader]] = {}

    def __getitem__(self, name: str) -> type[BaseHeader]:
        key = name.lower()
        made = self._made.get(key)
        if made is None:
            made = self._made[key] = super().__getitem__(name)
        return made


def _for_one_write(policy: EmailPolicy) -> EmailPolicy:
    """``policy`` with a registry of its own, for the messages of one write."""
    return policy.clone(header_factory=_Registry())


#: RFC 5322 with CRLF line ends, as an ``.eml`` file holds a message.
EML_POLICY = _Policy(linesep="\r\n")
#: Unix line ends, as mbox files are written.
MBOX_POLICY = _Policy(linesep="\n")


def message_id_header(message_id: str) -> str:
    """The ``Message-ID`` of a message or placeholder id.

    >>> message_id_header("m-ebe89fddf502")
    '<m-ebe89fddf502@cablethread.invalid>'
    """
    return f"<{message_id}@{DOMAIN}>"


def _mailable(text: str) -> str:
    """``text`` as UTF-8 can carry it: a lone surrogate (a decoder's escape of a bad byte, half a
    cut UTF-16 pair) becomes U+FFFD; the JSON keeps it."""
    return without_surrogates(text)


def _clean(text: str) -> str:
    return " ".join(_CONTROL.sub(" ", _mailable(text)).split())


class _Notes:
    """What one message's headers could not carry as printed: cut values, replaced addresses.

    Written into ``X-Cablethread-Cut`` and ``X-Cablethread-Address-Replaced``, so that nothing
    is lost without a word.
    """

    __slots__ = ("cuts", "replaced")

    def __init__(self) -> None:
        self.cuts: list[str] = []
        self.replaced: list[str] = []

    def capped(self, what: str, text: str, limit: int) -> str:
        """``text``, or its first ``limit`` characters with the cut noted."""
        if len(text) <= limit:
            return text
        self.cuts.append(f"{what}: {len(text):,} characters, the first {limit:,} written")
        return text[:limit]


def _local_part(text: str) -> str:
    """A local part of at most 64 octets (RFC 5321): a longer one keeps its start and a digest."""
    if len(text) <= _MOST_LOCAL:
        return text
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
    return f"{text[: _MOST_LOCAL - 9].rstrip('-.')}-{digest}"


def _carried(address: str) -> bool:
    """Whether mail can carry a printed address as it is: an ASCII dot-atom local part and
    domain (``MillsCD@state.gov``), within RFC 5321's lengths."""
    local, _, domain = address.rpartition("@")
    return (
        len(local) <= _MOST_LOCAL
        and len(domain) <= 253
        and _DOT_ATOM_LOCAL.fullmatch(local) is not None
        and _DOMAIN.fullmatch(domain) is not None
    )


def _address(party: Party, field: str, notes: _Notes) -> Address:
    """The party's printed address, or one under ``.invalid`` made from its code or name.

    A printed address mail cannot carry (not ASCII, too long, damaged by OCR) is noted as
    replaced; a display name longer than :data:`_MOST_NAME` is cut, and the cut noted.
    """
    display = _clean((party.name or party.raw) if party.address else party.raw)
    display = notes.capped(f"{field} display name", display, _MOST_NAME)
    if party.address:
        if _carried(party.address):
            try:
                return Address(display_name=display, addr_spec=party.address)
            except (ValueError, IndexError):
                pass
        # OCR damage, or an internationalised address: make one as for the rest, and say so.
        notes.replaced.append(f"{field}: {_clean(party.address)[:_MOST_NAME]}")
    if party.redaction is not None:
        source = "withheld-" + party.redaction.code
    else:
        source = party.code or party.name or party.raw
    # An address is ASCII: accents fall away (Jörg → jorg); a name with no Latin letters at all
    # (张伟) gets a short digest of itself, so that two such parties keep two addresses.
    ascii_letters = unicodedata.normalize("NFKD", source).encode("ascii", "ignore").decode()
    local = _NOT_LOCAL.sub("-", ascii_letters.lower()).strip("-")
    if not local:
        local = "party-" + hashlib.sha1(source.encode("utf-8")).hexdigest()[:8]
    return Address(
        display_name=display, username=_local_part(local), domain=f"{party.kind}.{DOMAIN}"
    )


def _addresses(
    parties: list[Party], field: str, notes: _Notes, kept: _KeptAddresses | None = None
) -> list[Address]:
    if len(parties) > _MOST_ADDRESSES:
        notes.cuts.append(
            f"{field}: {len(parties):,} addresses, the first {_MOST_ADDRESSES:,} written"
        )
    if kept is None:
        return [_address(party, field, notes) for party in parties[:_MOST_ADDRESSES]]
    return [_kept_address(party, field, notes, kept) for party in parties[:_MOST_ADDRESSES]]


#: The addresses of one write, by what they are made from: each with the cuts and replaced
#: addresses it notes.
_KeptAddresses = dict[tuple[str | None, ...], tuple[Address, tuple[str, ...], tuple[str, ...]]]


def _kept_address(party: Party, field: str, notes: _Notes, kept: _KeptAddresses) -> Address:
    """:func:`_address`, made once a write for each party that reads the same (a sender is in
    many messages), its notes made again for each message."""
    withheld = party.redaction.code if party.redaction is not None else None
    key = (field, party.raw, party.name, party.address, party.code, party.kind, withheld)
    found = kept.get(key)
    if found is None:
        made = _Notes()
        address = _address(party, field, made)
        found = kept[key] = (address, tuple(made.cuts), tuple(made.replaced))
    notes.cuts.extend(found[1])
    notes.replaced.extend(found[2])
    return found[0]


class _Lookups:
    """What every message of a release needs from the whole release, made once for all of them:
    each message's parent and the evidence of the link, and the body segments of each printing.
    """

    __slots__ = ("bodies", "evidence", "parent_of", "starts")

    def __init__(self, release: Release) -> None:
        self.parent_of = {edge.child_id: edge.parent_id for edge in release.edges}
        self.starts = root_times(release)
        self.evidence = {
            edge.child_id: f"{edge.evidence}; confidence={edge.confidence:g}"
            for edge in release.edges
        }
        self.bodies = body_segments(release)


#: The body segments of a release, by message id and input.
BodySegments = dict[tuple[str, str | None], list["Segment"]]


def body_segments(release: Release) -> BodySegments:
    """The body segments of each message in each input, gathered in one pass over the release."""
    found: BodySegments = {}
    for segment in release.segments:
        if segment.kind == "body" and segment.message_id is not None:
            found.setdefault((segment.message_id, segment.source), []).append(segment)
    return found


def first_body(message: Message, bodies: BodySegments) -> str:
    """The body of the message's first printing as text: its own line ends, trailing blanks and
    the blank lines around it left out, and form feeds (page breaks of the print) taken out."""
    occurrence = message.occurrences[0]
    span = occurrence.body_span
    if span is None:
        return ""
    text = "".join(
        segment.text
        for segment in bodies.get((message.id, occurrence.source), ())
        if segment.span.start in span
    )
    lines = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x0c", "").split("\n")
    return "\n".join(line.rstrip() for line in lines).strip("\n")


def _body(lookups: _Lookups, message: Message) -> str:
    """The body of the message's first printing, ending with a line end as mail text does."""
    return first_body(message, lookups.bodies) + "\n"


def _x_headers(release: Release, message: Message, evidence: str | None) -> dict[str, str]:
    first = message.occurrences[0]
    headers = {
        "X-Cablethread-Id": message.id,
        "X-Cablethread-Source": first.source or (release.sources[0] if release.sources else "-"),
        "X-Cablethread-Lines": str(first.span),
    }
    if first.body_span is not None:
        headers["X-Cablethread-Body-Lines"] = str(first.body_span)
    if first.page is not None:
        headers["X-Cablethread-Page"] = str(first.page)
    if len(message.occurrences) > 1:
        headers["X-Cablethread-Printings"] = "; ".join(
            f"{o.source or '-'}:{o.span}" for o in message.occurrences
        )
    if message.sent_raw:
        headers["X-Cablethread-Sent-Raw"] = message.sent_raw
    if message.time_zone:
        headers["X-Cablethread-Time-Zone"] = f"{message.time_zone} ({message.tz_mode})"
    if evidence:
        headers["X-Cablethread-Reply-Evidence"] = evidence
    codes = sorted({r.code for r in message.redactions})
    if codes:
        headers["X-Cablethread-Withheld"] = ", ".join(codes)
    # A header never holds a line break; file names and printed values might.
    return {name: " ".join(value.splitlines()) for name, value in headers.items()}


def to_email(
    release: Release, message: Message, *, policy: EmailPolicy = EML_POLICY
) -> EmailMessage:
    """One message of ``release`` as an RFC 5322 message, threaded by the release's edges.

    >>> import cablethread
    >>> release = cablethread.parse(
    ...     "From: NAD\\nSent: Thursday, 11 July 2019 11:25 AM\\nTo: BEIJING\\n"
    ...     "Subject: RE: XINJIANG\\n\\nReport follows.\\n",
    ...     cablethread.Policy(profile="nz-mfat"),
    ... )
    >>> email = to_email(release, release.messages[0])
    >>> email["From"], email["Date"]
    ('NAD <nad@division.cablethread.invalid>', 'Thu, 11 Jul 2019 11:25:00 +1200')
    """
    return _email(release, message, _Lookups(release), policy)


def _email(
    release: Release,
    message: Message,
    lookups: _Lookups,
    policy: EmailPolicy,
) -> EmailMessage:
    """``message`` as mail, each header through the standard header classes."""
    email = EmailMessage(policy=policy)
    for name, value in _headers(release, message, lookups, None):
        email[name] = value
    email.set_content(_mailable(_body(lookups, message)))
    return email


def _email_bytes(
    release: Release, message: Message, lookups: _Lookups, policy: EmailPolicy, folder: _Folder
) -> tuple[bytes, str | None]:
    """``message`` as the bytes of mail and the address of its sender, for a write.

    The bytes are those of :func:`_email` (``as_bytes``): each header folded once by the write's
    ``folder``, in order, then the body as the standard content manager and generator write it
    (its ``Content-Type``, ``Content-Transfer-Encoding`` and ``MIME-Version`` headers, which they
    add after every other, a blank line and the encoded text).
    """
    sender = None
    data: list[bytes] = []
    for name, value in _headers(release, message, lookups, folder.addresses):
        folded = folder.folded(name, value)
        if name == "From":
            sender = folded.sender
        data.append(folded.data)
    body = EmailMessage(policy=policy)
    body.set_content(_mailable(_body(lookups, message)))
    data.append(body.as_bytes())
    return b"".join(data), sender


def _headers(
    release: Release, message: Message, lookups: _Lookups, kept: _KeptAddresses | None
) -> list[tuple[str, Any]]:
    """The headers of ``message`` in the order they are written, each name with its value (a
    string, an address or a list of addresses); with ``kept``, a write's addresses."""
    parent_of = lookups.parent_of
    headers: list[tuple[str, Any]] = [("Message-ID", message_id_header(message.id))]
    put = headers.append
    if message.id in parent_of:
        put(("In-Reply-To", message_id_header(parent_of[message.id])))
        references = " ".join(message_id_header(i) for i in ancestors(message.id, parent_of))
        put(("References", references))
    notes = _Notes()
    # Outlook's conversation headers, which Datashare and Aleph thread by.
    topic = thread_topic(release, message, parent_of=parent_of)
    if topic:
        put(("Thread-Topic", notes.capped("Thread-Topic", _mailable(topic), _MOST_TEXT)))
    index = thread_index_header(release, message, parent_of=parent_of, starts=lookups.starts)
    put(("Thread-Index", index))
    if message.sent_utc is not None:
        zone = zone_info(message.time_zone) if message.time_zone else None
        shown = message.sent_utc.astimezone(zone) if zone else message.sent_utc
        put(("Date", format_datetime(shown)))
    if message.sender is not None:
        if kept is None:
            put(("From", _address(message.sender, "From", notes)))
        else:
            put(("From", _kept_address(message.sender, "From", notes, kept)))
    else:
        put(("From", Address(display_name="", username="unknown", domain=DOMAIN)))
    for name, parties in (("To", message.to), ("Cc", message.cc), ("Bcc", message.bcc)):
        if parties:
            put((name, _addresses(parties, name, notes, kept)))
    if message.subject is not None:
        put(("Subject", notes.capped("Subject", _mailable(message.subject.text), _MOST_TEXT)))
    if message.importance:
        put(("Importance", notes.capped("Importance", _clean(message.importance), _MOST_NAME)))
    for name, value in _x_headers(release, message, lookups.evidence.get(message.id)).items():
        put((name, notes.capped(name, _mailable(value), _MOST_TEXT)))
    if notes.replaced:
        put(("X-Cablethread-Address-Replaced", "; ".join(notes.replaced)))
    if notes.cuts:
        put(("X-Cablethread-Cut", "; ".join(notes.cuts)))
    return headers


class _Folded(str):
    """A header value stored with the bytes it is written as (folded once, by :class:`_Folder`)."""

    data: bytes
    sender: str | None


#: Values of the headers ``set_content`` writes, the same for every message of a write.
_CONTENT_HEADERS = frozenset({"content-type", "content-transfer-encoding", "mime-version"})
#: Names whose values are parsed as dates or message ids, not as unstructured text.
_DATE_HEADERS = frozenset({"date"})
_ID_HEADERS = frozenset({"message-id"})
#: A value written as it is by the standard folder, beside its name on one line: printable
#: ASCII with no encoded word in it and no space at its ends or doubled (checked against the
#: folder in ``tests/test_mbox.py``).
_PLAIN = re.compile(r"[!-~]+(?: [!-~]+)*")
_PLAIN_DATE = re.compile(
    r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), [0-3][0-9] "
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [1-9][0-9]{3} "
    r"[0-2][0-9]:[0-5][0-9]:[0-6][0-9] [+-][0-9]{4}"
)
_PLAIN_ID = re.compile(r"<[A-Za-z0-9-]+@cablethread\.invalid>")
#: The widest line the standard folder leaves whole (the policy's ``max_line_length``).
_LINE = 78
#: The longest word :meth:`_Folder._wrapped` wraps: one that fits a line of its own after its
#: space. The standard folder writes a longer word of unstructured text as encoded words.
_MOST_WORD = _LINE - 2
#: Names the standard header registry parses as something other than unstructured text.
_STRUCTURED = frozenset(
    {"date", "resent-date", "orig-date", "message-id", "mime-version"}
    | {"sender", "resent-sender", "to", "resent-to", "cc", "resent-cc", "bcc", "resent-bcc"}
    | {"from", "resent-from", "reply-to"}
    | {"content-type", "content-disposition", "content-transfer-encoding"}
)
#: How many folded values of other shapes are kept for reuse in one write.
_MOST_KEPT = 4_096


class _Folder:
    """The headers of one write, each folded once: a write of thousands of messages parsed
    every header value again through the standard header classes (about a tenth of a
    millisecond each, most of the time of a write), only to fold it back into the same text.

    Address headers are written from their addresses (:func:`_mailboxes`), as the policy writes
    them; a short plain value is written as it is, and a long one of short words wrapped, as the
    standard folder writes them; any other value goes through the policy as before, its bytes
    kept for the next message that has it. A write joins the bytes of a message's headers
    itself (:func:`_email_bytes`), with no message object to store them in.
    """

    def __init__(self, policy: EmailPolicy) -> None:
        self.policy = policy
        self.linesep = policy.linesep
        self.addresses: _KeptAddresses = {}
        self._kept: dict[tuple[str, str], bytes] = {}

    def folded(self, name: str, value: Any) -> _Folded:
        if isinstance(value, Address | list):
            addresses = tuple(value) if isinstance(value, list) else (value,)
            text = _mailboxes(name, addresses, self.linesep)
            made = _Folded(text[len(name) + 2 : -len(self.linesep)])
            made.data = text.encode("ascii")
            made.sender = addresses[0].addr_spec if addresses else None
            return made
        made = _Folded(value)
        made.data = self._bytes(name, value)
        made.sender = None
        return made

    def _bytes(self, name: str, value: str) -> bytes:
        lower = name.lower()
        if len(name) + 2 + len(value) <= _LINE and self._plain(lower, value):
            return f"{name}: {value}{self.linesep}".encode("ascii")
        if lower not in _STRUCTURED and _PLAIN.fullmatch(value) is not None and "=?" not in value:
            wrapped = self._wrapped(name, value)
            if wrapped is not None:
                return wrapped
        key = (name, value)
        found = self._kept.get(key)
        if found is None:
            policy = self.policy
            found = policy.fold_binary(name, policy.header_store_parse(name, value)[1])
            if len(self._kept) >= _MOST_KEPT:
                self._kept.clear()
            self._kept[key] = found
        return found

    def _wrapped(self, name: str, value: str) -> bytes | None:
        """Plain text of short words (printable ASCII, single spaces, no word over
        :data:`_MOST_WORD`) folded as the standard folder folds unstructured text, or ``None``.

        A value that fits a line of its own is written beside its name (the policy's repair);
        a longer one is wrapped before the first word that does not fit the line, the space
        before it opening the next line (and a space that does not fit opens one itself).
        """
        if len(value) + 1 <= _LINE:
            return f"{name}: {value}{self.linesep}".encode("ascii")
        words = value.split(" ")
        if max(map(len, words)) > _MOST_WORD:
            return None
        lines: list[str] = []
        line = f"{name}: "
        first = True
        for word in words:
            if not first:
                if len(line) < _LINE:
                    line += " "
                else:
                    lines.append(line)
                    line = " "
            first = False
            if len(word) <= _LINE - len(line):
                line += word
            else:
                # The line ends with a space here (a word is never longer than a fresh line).
                lines.append(line[:-1])
                line = " " + word
        lines.append(line)
        if lines[0] == f"{name}:":
            # The first word did not fit beside the name: kept beside it, as the policy repairs.
            lines[:2] = [f"{name}: {lines[1][1:]}"]
        return (self.linesep.join(lines) + self.linesep).encode("ascii")

    @staticmethod
    def _plain(lower: str, value: str) -> bool:
        if lower in _DATE_HEADERS:
            # The standard class writes the date it reads (its weekday made again).
            if _PLAIN_DATE.fullmatch(value) is None:
                return False
            try:
                return format_datetime(parsedate_to_datetime(value)) == value
            except (ValueError, TypeError, OverflowError):
                return False
        if lower in _ID_HEADERS:
            return _PLAIN_ID.fullmatch(value) is not None
        if lower in _ADDRESS_HEADERS or lower in _CONTENT_HEADERS:
            return False
        return _PLAIN.fullmatch(value) is not None and "=?" not in value


class _FoldedPolicy(_Policy):
    """The policy of a write's bodies: the headers ``set_content`` adds to every message are
    parsed and folded once (the other headers are folded by the write's :class:`_Folder`)."""

    def header_store_parse(self, name: str, value: Any) -> tuple[str, Any]:
        if isinstance(value, str) and name.lower() in _CONTENT_HEADERS:
            key = (name, value)
            kept = self._stored.get(key)
            if kept is None:
                kept = self._stored[key] = super().header_store_parse(name, value)
            return kept
        return super().header_store_parse(name, value)

    def fold_binary(self, name: str, value: Any) -> bytes:
        if name.lower() in _CONTENT_HEADERS:
            key = (name, str(value))
            kept = self._folds.get(key)
            if kept is None:
                kept = self._folds[key] = super().fold_binary(name, value)
            return kept
        return super().fold_binary(name, value)

    @property
    def _stored(self) -> dict[tuple[str, str], tuple[str, Any]]:
        return self.__dict__["stored"]  # type: ignore[no-any-return]

    @property
    def _folds(self) -> dict[tuple[str, str], bytes]:
        return self.__dict__["folds"]  # type: ignore[no-any-return]


def _writer(policy: EmailPolicy) -> tuple[EmailPolicy, _Folder]:
    """The policy and folder of one write (``policy`` gives its line ends)."""
    standard = _for_one_write(policy)
    fast = _FoldedPolicy(linesep=policy.linesep, header_factory=_Registry())
    # Policies are frozen; the two caches of this write are set past that.
    object.__setattr__(fast, "__dict__", {**fast.__dict__, "stored": {}, "folds": {}})
    return fast, _Folder(standard)


#: A line an mbox reader would take for the start of a message, with any ``>`` already before
#: it: mboxrd quotes each with one ``>`` more, which a reader takes off again.
_FROM_LINE = re.compile(rb"^(>*From )", re.MULTILINE)


@release_first
@paused
def write_mbox(release: Release, path: str | os.PathLike[str] | IO[bytes]) -> int:
    """Write every distinct message of ``release`` to the mbox file ``path`` (replaced if there),
    or to a binary file.

    Returns the number of messages written: ``write_mbox(parse_file("release.pdf"), "r.mbox")``
    gives 23 for the seed release. Each ``From`` separator line carries its message's send time,
    so the same release gives the same bytes. The file is mboxrd: a line of a message that
    begins ``From `` or ``>From `` (any number of ``>``) is written with one ``>`` more.

    The file is written beside ``path`` and moved over it once whole; a ``path`` that exists and
    is not a regular file (a device, a FIFO, a folder) raises ``FileExistsError``.
    """
    if not isinstance(path, str | os.PathLike):
        if isinstance(path, io.TextIOBase):
            raise TypeError("write_mbox() writes bytes: give it a path or a binary file")
        return _write_mbox_to(path, release)
    with atomic_write(path) as handle:
        return _write_mbox_to(handle, release)


def _write_mbox_to(handle: IO[bytes], release: Release) -> int:
    lookups, (policy, folder) = _Lookups(release), _writer(MBOX_POLICY)
    for message in release.messages:
        mail, sender = _email_bytes(release, message, lookups, policy, folder)
        sent = message.sent_utc.timetuple() if message.sent_utc else time.gmtime(0)
        separator = f"From {sender} {time.asctime(sent)}\n".encode("ascii", "replace")
        data = _FROM_LINE.sub(rb">\1", mail)
        handle.write(separator + data + (b"\n" if data.endswith(b"\n") else b"\n\n"))
    return len(release.messages)


@release_first
@paused
def write_eml(release: Release, directory: str | os.PathLike[str]) -> list[Path]:
    """Write each distinct message of ``release`` to ``directory/<id>.eml``; returns the paths.

    ``write_eml(release, "eml")`` writes ``eml/m-ebe89fddf502.eml`` and the rest, CRLF line ends.
    The files are written whole into a new folder and moved in once all are written (a new
    ``directory`` appears whole); a name taken by anything but a regular file raises
    ``FileExistsError`` before any file is moved, and an error leaves no file written behind.
    """
    lookups, (policy, headers) = _Lookups(release), _writer(EML_POLICY)
    files = (
        (f"{message.id}.eml", _email_bytes(release, message, lookups, policy, headers)[0])
        for message in release.messages
    )
    return write_folder(directory, files)
