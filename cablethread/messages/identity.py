"""Identity merging: the printed forms of one party in a release become one :class:`Participant`.

``Mills, Cheryl D``, ``Mills, Cheryl D <MillsCD@state.gov>`` and ``'millscd@state.gov'`` are one
person: the second shares its name with the first and its address with the third. Forms merge on
evidence only, and the evidence is

* the same directory code (``BEI`` and ``BEIJING``);
* the same e-mail address, ignoring case;
* the same name, ignoring case, full stops, quotes and the order of ``Surname, Given``
  (``Mills, Cheryl D`` and ``Cheryl D. Mills``), for a person or a directory entry.

A token that is neither (``cheryl.mills``, what is left of an address whose domain was blanked)
keeps to itself: its likeness to a name is not evidence enough. Withheld recipients merge only
with the same code: who they are is withheld.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from cablethread.models import Message, Participant, Party, trusted
from cablethread.threads._unionfind import UnionFind

__all__ = ["name_key", "participants"]

_NAME_PUNCTUATION = re.compile(r"[.'\"’,]")


def name_key(party: Party) -> str | None:
    """The name a party is known by, in the form forms are matched in; None without a name.

    >>> from cablethread.models import Span
    >>> name_key(Party(raw="Mills, Cheryl D", span=Span(start=1, end=1), name="Mills, Cheryl D",
    ...                kind="person", surname="Mills", given_name="Cheryl D"))
    'name:cheryl d mills'
    """
    if party.kind in ("withheld", "unknown"):
        return None
    if party.surname and party.given_name:
        text = f"{party.given_name} {party.surname}"
    elif party.name:
        text = party.name
    else:
        return None
    words = _NAME_PUNCTUATION.sub(" ", text).casefold().split()
    return "name:" + " ".join(words) if words else None


@dataclass(slots=True)
class _Form:
    """One distinct printed form of a party and the messages it stands in."""

    party: Party
    order: int
    # Lists, not sets: a party of a large release stands in thousands of messages, and a list
    # costs it a sixth of the memory. A message in two roles is listed twice; ``participants``
    # merges them.
    sent: list[str] = field(default_factory=list)
    received: list[str] = field(default_factory=list)


def _rank(form: _Form) -> tuple[int, int, int, int, int]:
    """Sort key of the fullest form: a code, a known kind, name with address, a name, first seen."""
    party = form.party
    return (
        0 if party.code else 1,
        0 if party.kind != "unknown" else 1,
        0 if party.name and party.address else 1,
        0 if party.name else 1,
        form.order,
    )


def participants(messages: Sequence[Message]) -> list[Participant]:
    """The distinct parties of ``messages``, each with every form and the messages it is in."""
    # A form is a key and a printed text: two printings with one address and different names
    # are both kept, for each name is evidence of its own.
    forms: dict[tuple[str, str], _Form] = {}
    for message in messages:
        roles = [(message.sender, True)] + [
            (p, False) for p in [*message.to, *message.cc, *message.bcc]
        ]
        for party, is_sender in roles:
            if party is None:
                continue
            ident = (party.key, " ".join(party.raw.split()))
            form = forms.get(ident)
            if form is None:
                form = forms[ident] = _Form(party, len(forms))
            (form.sent if is_sender else form.received).append(message.id)
    groups = UnionFind()
    for (key, _raw), form in forms.items():
        party = form.party
        groups.find(key)
        if party.kind == "withheld":
            continue
        if party.address:
            groups.union(key, f"address:{party.address.casefold()}")
        if party.code:
            groups.union(key, f"code:{party.code}")
        named = name_key(party)
        if named is not None:
            groups.union(key, named)
    members: dict[str, list[_Form]] = {}
    for (key, _raw), form in forms.items():
        members.setdefault(groups.find(key), []).append(form)
    message_order = {m.id: i for i, m in enumerate(messages)}
    result: list[Participant] = []
    for group in sorted(members.values(), key=lambda g: min(f.order for f in g)):
        group.sort(key=lambda f: f.order)
        best = min(group, key=_rank).party
        sent = sorted({m for f in group for m in f.sent}, key=message_order.__getitem__)
        received = sorted({m for f in group for m in f.received}, key=message_order.__getitem__)
        addresses: list[str] = []
        seen: set[str] = set()
        for form in group:
            address = form.party.address
            if address and address.casefold() not in seen:
                seen.add(address.casefold())
                addresses.append(address)
        keys = {form.party.key: None for form in group}
        raws = {" ".join(form.party.raw.split()): None for form in group}
        result.append(
            trusted(
                Participant,
                **best.__dict__,
                keys=list(keys),
                forms=list(raws),
                addresses=addresses,
                sent=sent,
                received=received,
            )
        )
    return result
