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
import os
import re
import time
import unicodedata
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import EmailPolicy
from email.utils import format_datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cablethread._clean import without_surrogates
from cablethread._output import atomic_write
from cablethread.timeline import zone_info

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
#: Headers that hold addresses; their display names are cleaned instead of encoded whole.
_ADDRESS_HEADERS = frozenset({"from", "to", "cc", "bcc", "sender", "reply-to"})


class _Policy(EmailPolicy):
    """The standard policy, with two repairs to how it folds a header.

    The standard folder encodes only non-ASCII text, and would write a NUL or an escape byte of a
    printed subject into the header as it is; an RFC 2047 encoded word carries any character. And
    where a value fits a line of its own but not beside its name, it breaks the line right after
    the colon, which the standard parser reads back with a leading space (``" RE: …"``); the
    first line is kept whole instead (still far below the 998-character limit).
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
        folded = self._encoded(name, value) or super().fold(name, value)
        after_colon = f"{name}:{self.linesep} "
        if folded.startswith(after_colon):
            folded = f"{name}: {folded[len(after_colon) :]}"
        return folded

    def fold_binary(self, name: str, value: str) -> bytes:
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
        # email.header.Header would read a line separator as a fold and drop it; encoding each
        # chunk ourselves carries every character. Readers join adjacent encoded words.
        chunks: list[str] = [""]
        for char in text:
            if len((chunks[-1] + char).encode("utf-8")) > _WORD_BYTES:
                chunks.append("")
            chunks[-1] += char
        words = [
            f"=?utf-8?b?{base64.b64encode(chunk.encode('utf-8')).decode('ascii')}?="
            for chunk in chunks
        ]
        return f"{name}: " + f"{self.linesep} ".join(words) + self.linesep


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


def _address(party: Party) -> tuple[Address, str | None]:
    """The party's printed address, or one under ``.invalid`` made from its code or name.

    The second value is a printed address that mail could not carry (not ASCII, not an
    address at all), to be named in ``X-Cablethread-Address-Replaced``; None otherwise.
    """
    display = _clean((party.name or party.raw) if party.address else party.raw)
    replaced: str | None = None
    if party.address:
        try:
            return Address(display_name=display, addr_spec=party.address), None
        except (ValueError, IndexError):
            # OCR damage, or an internationalised address: make one as for the rest, and say so.
            replaced = _clean(party.address)
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
    return Address(display_name=display, username=local, domain=f"{party.kind}.{DOMAIN}"), replaced


def _ancestors(message_id: str, parent_of: dict[str, str]) -> list[str]:
    """Ids from the thread's root down to the message's parent (``References`` order)."""
    chain: list[str] = []
    seen = {message_id}
    current = parent_of.get(message_id)
    while current is not None and current not in seen:
        chain.append(current)
        seen.add(current)
        current = parent_of.get(current)
    return chain[::-1]


class _Lookups:
    """What every message of a release needs from the whole release, made once for all of them:
    each message's parent and the evidence of the link, and the body segments of each printing.
    """

    __slots__ = ("bodies", "evidence", "parent_of")

    def __init__(self, release: Release) -> None:
        self.parent_of = {edge.child_id: edge.parent_id for edge in release.edges}
        self.evidence = {
            edge.child_id: f"{edge.evidence}; confidence={edge.confidence:g}"
            for edge in release.edges
        }
        self.bodies: dict[tuple[str, str | None], list[Segment]] = {}
        for segment in release.segments:
            if segment.kind == "body" and segment.message_id is not None:
                key = (segment.message_id, segment.source)
                self.bodies.setdefault(key, []).append(segment)


def _body(lookups: _Lookups, message: Message) -> str:
    """The body of the message's first printing, as its segments hold it."""
    occurrence = message.occurrences[0]
    span = occurrence.body_span
    if span is None:
        return ""
    text = "".join(
        segment.text
        for segment in lookups.bodies.get((message.id, occurrence.source), ())
        if segment.span.start in span
    )
    # Line ends as the message's own; a form feed is a page break of the print, not text.
    lines = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x0c", "").split("\n")
    return "\n".join(line.rstrip() for line in lines).strip("\n") + "\n"


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
    release: Release, message: Message, lookups: _Lookups, policy: EmailPolicy
) -> EmailMessage:
    parent_of = lookups.parent_of
    email = EmailMessage(policy=policy)
    email["Message-ID"] = message_id_header(message.id)
    if message.id in parent_of:
        email["In-Reply-To"] = message_id_header(parent_of[message.id])
        email["References"] = " ".join(
            message_id_header(i) for i in _ancestors(message.id, parent_of)
        )
    if message.sent_utc is not None:
        zone = zone_info(message.time_zone) if message.time_zone else None
        shown = message.sent_utc.astimezone(zone) if zone else message.sent_utc
        email["Date"] = format_datetime(shown)
    replaced: list[str] = []
    if message.sender is not None:
        address, lost = _address(message.sender)
        email["From"] = address
        replaced += [f"From: {lost}"] if lost else []
    else:
        email["From"] = Address(display_name="", username="unknown", domain=DOMAIN)
    for name, parties in (("To", message.to), ("Cc", message.cc), ("Bcc", message.bcc)):
        if parties:
            addresses = [_address(party) for party in parties]
            email[name] = [address for address, _ in addresses]
            replaced += [f"{name}: {lost}" for _, lost in addresses if lost]
    if message.subject is not None:
        email["Subject"] = _mailable(message.subject.text)
    if message.importance:
        email["Importance"] = _clean(message.importance)
    for name, value in _x_headers(release, message, lookups.evidence.get(message.id)).items():
        email[name] = _mailable(value)
    if replaced:
        email["X-Cablethread-Address-Replaced"] = "; ".join(replaced)
    email.set_content(_mailable(_body(lookups, message)))
    return email


#: A line an mbox reader would take for the start of a message, with any ``>`` already before
#: it: mboxrd quotes each with one ``>`` more, which a reader takes off again.
_FROM_LINE = re.compile(rb"^(>*From )", re.MULTILINE)


def write_mbox(release: Release, path: str | os.PathLike[str]) -> int:
    """Write every distinct message of ``release`` to the mbox file ``path`` (replaced if there).

    Returns the number of messages written: ``write_mbox(parse_file("release.pdf"), "r.mbox")``
    gives 23 for the seed release. Each ``From`` separator line carries its message's send time,
    so the same release gives the same bytes. The file is mboxrd: a line of a message that
    begins ``From `` or ``>From `` (any number of ``>``) is written with one ``>`` more.

    The file is written beside ``path`` and moved over it once whole; a ``path`` that exists and
    is not a regular file (a device, a FIFO, a folder) raises ``FileExistsError``.
    """
    lookups = _Lookups(release)
    with atomic_write(path) as handle:
        for message in release.messages:
            email = _email(release, message, lookups, MBOX_POLICY)
            sender = email["From"].addresses[0].addr_spec
            sent = message.sent_utc.timetuple() if message.sent_utc else time.gmtime(0)
            separator = f"From {sender} {time.asctime(sent)}\n".encode("ascii", "replace")
            data = _FROM_LINE.sub(rb">\1", email.as_bytes())
            handle.write(separator + data + (b"\n" if data.endswith(b"\n") else b"\n\n"))
    return len(release.messages)


def write_eml(release: Release, directory: str | os.PathLike[str]) -> list[Path]:
    """Write each distinct message of ``release`` to ``directory/<id>.eml``; returns the paths.

    ``write_eml(release, "eml")`` writes ``eml/m-ebe89fddf502.eml`` and the rest, CRLF line ends.
    Each file is written whole and moved into place; a name taken by anything but a regular file
    raises ``FileExistsError``.
    """
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    lookups = _Lookups(release)
    written: list[Path] = []
    for message in release.messages:
        path = folder / f"{message.id}.eml"
        with atomic_write(path) as handle:
            handle.write(_email(release, message, lookups, EML_POLICY).as_bytes())
        written.append(path)
    return written
