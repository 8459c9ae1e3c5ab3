"""Recipient lists to parties: split on ``;``, read names, addresses, units, channels, withheld codes.

``GEELS, Deborah (NAD)``, ``Mills, Cheryl D [mailto:MillsCD@state.gov]``, ``FM.NAB (Seemail)``,
``'millscd@state.gov'`` and ``s9(2)(a)`` each become one :class:`~cablethread.Party`. Resolution
against the directory of posts and divisions happens in :mod:`cablethread.directory`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cablethread.models import Party, PartyKind, Redaction, Span
from cablethread.redactions import find_redactions, is_code_line

__all__ = ["Fragment", "Token", "parse_party", "split_tokens"]

_ADDRESS = r"[\w.+'\-]+(?:@|©|\(a\))[\w\-]+(?:\.[\w\-]+)+"
_ANGLE = re.compile(rf"^(?P<name>.*?)[ \t]*<(?:mailto:)?(?P<addr>{_ADDRESS})>[ \t]*$")
_MAILTO = re.compile(rf"^(?P<name>.*?)[ \t]*\[mailto:[ \t]*(?P<addr>{_ADDRESS})[ \t]*\][ \t]*$")
_BARE = re.compile(rf"^['\"]?(?P<addr>{_ADDRESS})['\"]?$")
_CHANNEL = re.compile(r"^(?P<name>.+?)[ \t]*\((?P<channel>Seemail|SEEMAIL|Email|CWN)\)$")
_UNIT = re.compile(r"^(?P<name>[^()]+?)[ \t]*\((?P<unit>[A-Za-z][A-Za-z0-9 /&.\-]{0,30})\)$")
_PERSON = re.compile(r"^(?P<surname>[A-Za-z'\-. ]+),[ \t]*(?P<given>[A-Za-z'\-. ]+)$")
_TLD_REPAIRS = ((".corn", ".com"), (".goy", ".gov"), (".qov", ".gov"), (".gav", ".gov"))


@dataclass(frozen=True)
class Fragment:
    """One printed line of a field value, with its line number."""

    line: int
    text: str


@dataclass(frozen=True)
class Token:
    """One recipient as printed, and the lines it stands on; ``wrapped`` when a wrap cut it."""

    text: str
    span: Span
    parts: tuple[str, ...]

    @property
    def wrapped(self) -> bool:
        """True when the token straddles a line wrap."""
        return len(self.parts) > 1


def _split_commas(value: str) -> list[str] | None:
    """Split ``a@x.org, b@y.org`` on commas, but only when every piece carries an address."""
    pieces = [p.strip() for p in re.split(r",(?![^<\[]*[>\]])", value) if p.strip()]
    if len(pieces) > 1 and all("@" in p for p in pieces):
        return pieces
    return None


def split_tokens(fragments: list[Fragment]) -> list[Token]:
    """Split a field's lines into recipient tokens on ``;``; a token may straddle a wrap."""
    tokens: list[Token] = []
    pending: list[tuple[int, str]] = []

    def flush() -> None:
        parts = [(line, text.strip()) for line, text in pending if text.strip()]
        pending.clear()
        if not parts:
            return
        text = " ".join(text for _, text in parts)
        span = Span(start=parts[0][0], end=parts[-1][0])
        tokens.append(Token(text=text, span=span, parts=tuple(t for _, t in parts)))

    for fragment in fragments:
        pieces = fragment.text.split(";")
        for index, piece in enumerate(pieces):
            if index > 0:
                flush()
            pending.append((fragment.line, piece))
    flush()
    expanded: list[Token] = []
    for token in tokens:
        commas = _split_commas(token.text) if not token.wrapped else None
        if commas:
            expanded.extend(Token(text=c, span=token.span, parts=(c,)) for c in commas)
        elif is_code_line(token.text) and len(token.text.split()) > 1:
            # ``s9(2)(a) s9(2)(g)(i)``: one withheld recipient per code.
            expanded.extend(
                Token(text=r.raw, span=token.span, parts=(r.raw,))
                for r in find_redactions(token.text, token.span.start)
            )
        else:
            expanded.append(token)
    return expanded


def repair_address(address: str) -> tuple[str, bool]:
    """Undo OCR damage in an address: ``MillsCD©state.gov`` → ``MillsCD@state.gov``."""
    fixed = address.replace("©", "@").replace("(a)", "@")
    lowered = fixed.lower()
    for bad, good in _TLD_REPAIRS:
        if lowered.endswith(bad):
            fixed = fixed[: -len(bad)] + good
            break
    return fixed, fixed != address


def parse_party(raw: str, span: Span, *, field: str | None = None) -> tuple[Party, bool]:
    """Read one token into a first-pass :class:`Party`; the flag tells an address was repaired."""
    text = " ".join(raw.split()).strip(" ,")
    redaction: Redaction | None = None
    if is_code_line(text):
        found = find_redactions(text, span.start, field=field)
        redaction = found[0] if found else None
        if redaction is not None:
            return Party(raw=raw, span=span, kind="withheld", redaction=redaction), False
    name: str | None = text or None
    address: str | None = None
    repaired = False
    for pattern in (_ANGLE, _MAILTO, _BARE):
        match = pattern.match(text)
        if match is not None:
            address, repaired = repair_address(match.group("addr"))
            name = (match.groupdict().get("name") or "").strip(" '\"") or None
            break
    channel: str | None = None
    unit: str | None = None
    kind: PartyKind = "unknown"
    if name is not None:
        match = _CHANNEL.match(name)
        if match is not None:
            name, channel, kind = match.group("name"), match.group("channel"), "mailbox"
    if name is not None and channel is None:
        match = _UNIT.match(name)
        if match is not None and _PERSON.match(match.group("name")):
            name, unit, kind = match.group("name").strip(), match.group("unit").strip(), "person"
        elif _PERSON.match(name):
            kind = "person"
    if kind == "unknown" and address is not None:
        kind = "person" if name else "mailbox"
    party = Party(
        raw=raw,
        span=span,
        name=name,
        address=address,
        kind=kind,
        unit=unit,
        channel=channel,
    )
    return party, repaired
