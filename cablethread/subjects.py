"""Subject normalisation: reply/forward prefixes, the ``FORMAL MESSAGE:`` marker, the thread key.

``RE: FORMAL MESSAGE: s6(a) XINJIANG LETTER`` and ``FORMAL MESSAGE: s6(a) XINJIANG LETTER`` have
the thread key ``XINJIANG LETTER``.
"""

from __future__ import annotations

import re

from cablethread.models import Redaction, Subject
from cablethread.redactions import strip_codes

__all__ = ["parse_subject", "variant_of"]

#: Reply and forward prefixes, upper-cased, with whether they mark a reply.
#: English (RE, FW, FWD), German (AW, WG), French (TR), Spanish (RV), Nordic (SV, VS),
#: Dutch (ANTW, DOORST), Italian (RIF, R, I), Polish (ODP, PD).
PREFIXES: dict[str, str] = {
    "RE": "reply",
    "AW": "reply",
    "SV": "reply",
    "VS": "reply",
    "ANTW": "reply",
    "RIF": "reply",
    "ODP": "reply",
    "R": "reply",
    "FW": "forward",
    "FWD": "forward",
    "WG": "forward",
    "TR": "forward",
    "RV": "forward",
    "DOORST": "forward",
    "PD": "forward",
    "I": "forward",
}

_PREFIX = re.compile(
    r"^[ \t]*(?P<prefix>"
    + "|".join(sorted(PREFIXES, key=len, reverse=True))
    + r")(?:\[\d{1,4}\]|\(\d{1,4}\))?[ \t]*:[ \t]*",
    re.IGNORECASE,
)
_FORMAL = re.compile(r"^[ \t]*FORMAL[ \t]+MESSAGE[ \t]*:[ \t]*", re.IGNORECASE)
_KEY_JUNK = re.compile(r"[^\w]+")

#: Share of words a subject must have in common with another to be its variant.
VARIANT_OVERLAP = 0.75


def parse_subject(raw: str, redactions: list[Redaction] | None = None) -> Subject:
    """Read a subject value (continuation lines joined by newlines) into a :class:`Subject`."""
    text = " ".join(raw.split())
    rest = text
    prefixes: list[str] = []
    formal = False
    # Bounded by the text's length: each turn removes at least one character.
    while True:
        match = _PREFIX.match(rest)
        if match is not None:
            prefixes.append(match.group("prefix").upper())
            rest = rest[match.end() :]
            continue
        match = _FORMAL.match(rest)
        if match is not None:
            formal = True
            rest = rest[match.end() :]
            continue
        break
    return Subject(
        raw=raw,
        text=text,
        prefixes=prefixes,
        formal_message=formal,
        topic=rest,
        thread_key=thread_key(rest),
        redactions=list(redactions or []),
    )


def thread_key(topic: str) -> str:
    """Upper-cased words of ``topic`` without codes or punctuation: ``XINJIANG LETTER``."""
    return " ".join(_KEY_JUNK.sub(" ", strip_codes(topic).upper()).split())


def variant_of(key_a: str, key_b: str) -> bool:
    """True when two thread keys are equal or one is a variant of the other.

    ``PROPOSED LETTER TO THE PRESIDENT …`` and ``LETTER TO THE PRESIDENT …`` are variants: most
    words are shared. ``XINJIANG`` and ``TPS FOR XINJIANG STATEMENT …`` are not: one shared word
    is not most of the longer subject.
    """
    if key_a == key_b:
        return True
    words_a, words_b = set(key_a.split()), set(key_b.split())
    if not words_a or not words_b:
        return False
    shared = len(words_a & words_b)
    return shared / max(len(words_a), len(words_b)) >= VARIANT_OVERLAP
