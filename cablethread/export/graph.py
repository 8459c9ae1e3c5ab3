"""Graphs of a release as ``networkx.DiGraph``: the reply graph and the party graph.

The graphs hold Python values (``datetime``, ``list``, ``None`` for unknown); the writers in
:mod:`cablethread.export.graphml` and :mod:`cablethread.export.json_export` flatten them. Every attribute is
declared once below, with its GraphML type and meaning, so the writers, the docs and the tests
read the same list.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal

import networkx as nx

if TYPE_CHECKING:
    from cablethread.models import Edge, Message, Party, Release

__all__ = [
    "PARTY_EDGE_ATTRIBUTES",
    "PARTY_GRAPH_ATTRIBUTES",
    "PARTY_NODE_ATTRIBUTES",
    "REPLY_EDGE_ATTRIBUTES",
    "REPLY_GRAPH_ATTRIBUTES",
    "REPLY_NODE_ATTRIBUTES",
    "Attribute",
    "GraphMLType",
    "ReplyGraphParts",
    "flat_graph",
    "node_attributes",
    "party_graph",
    "reply_graph",
    "thread_index",
]

GraphMLType = Literal["string", "long", "double", "boolean"]


@dataclass(frozen=True)
class Attribute:
    """One node, edge or graph attribute: its name, its GraphML type and what it holds."""

    name: str
    type: GraphMLType
    description: str


REPLY_GRAPH_ATTRIBUTES: tuple[Attribute, ...] = (
    Attribute("graph", "string", "Which graph this is: `reply`."),
    Attribute("sources", "string", "Names of the inputs, joined with `; `."),
    Attribute("profile", "string", "Releasing-agency profile used (`nz-mfat`, `us-state`)."),
)

REPLY_NODE_ATTRIBUTES: tuple[Attribute, ...] = (
    Attribute(
        "label",
        "string",
        "Short label for drawing tools: sender and wall clock, or `[missing]` and the subject.",
    ),
    Attribute("placeholder", "boolean", "True for a parent that was not released."),
    Attribute("sender", "string", "The `From:` party as printed."),
    Attribute("sender_code", "string", "The sender's canonical directory code, when resolved."),
    Attribute("sender_name", "string", "The sender's display name, when one was printed."),
    Attribute("sender_kind", "string", "`person`, `post`, `division`, `withheld`, `unknown`…"),
    Attribute("to", "string", "`To:` recipients as printed, joined with `; `."),
    Attribute("cc", "string", "`Cc:` recipients as printed, joined with `; `."),
    Attribute("bcc", "string", "`Bcc:` recipients as printed, joined with `; `."),
    Attribute("subject", "string", "The subject, unwrapped and single-spaced."),
    Attribute("thread_key", "string", "The subject normalised for threading."),
    Attribute("thread_id", "string", "Id of the thread the message belongs to."),
    Attribute("parent_id", "string", "Id of the message replied to (a `p-` id: a placeholder)."),
    Attribute("sent_raw", "string", "The `Sent:`/`Date:` value as printed."),
    Attribute(
        "sent_local",
        "string",
        "The wall clock as printed, ISO 8601 without offset (the print gives no zone).",
    ),
    Attribute("sent_utc", "string", "The instant, ISO 8601 with offset `+00:00`."),
    Attribute(
        "time_zone", "string", "IANA zone the wall clock was read in, or its printed offset."
    ),
    Attribute("tz_mode", "string", "Time-zone mode that chose the zone."),
    Attribute("redactions", "long", "Number of withholding codes in the header and body."),
    Attribute("redaction_codes", "string", "The withholding codes in order, joined with `; `."),
    Attribute("occurrences", "long", "How many times the message is printed in the release."),
    Attribute(
        "lines",
        "string",
        "Header lines of every printing (`14-22; 405-413`), prefixed `source:` when known.",
    ),
)

REPLY_EDGE_ATTRIBUTES: tuple[Attribute, ...] = (
    Attribute("evidence", "string", "`printed-chain`, `subject-time` or `placeholder`."),
    Attribute("confidence", "double", "How sure the link is, 0 to 1."),
    Attribute(
        "delay_seconds",
        "double",
        "Seconds from the parent's `sent_utc` to the reply's; absent when either is unknown.",
    ),
)

PARTY_GRAPH_ATTRIBUTES: tuple[Attribute, ...] = (
    Attribute("graph", "string", "Which graph this is: `party`."),
    Attribute("sources", "string", "Names of the inputs, joined with `; `."),
    Attribute("profile", "string", "Releasing-agency profile used."),
)

PARTY_NODE_ATTRIBUTES: tuple[Attribute, ...] = (
    Attribute(
        "key",
        "string",
        "The party's key, the node's id in networkx: `code:DS AAG` (GraphML writes the id as "
        "`code:DS_x0020_AAG`).",
    ),
    Attribute("label", "string", "Short label: the code, else the name, else the token printed."),
    Attribute("raw", "string", "The token as first printed: `GEELS, Deborah (NAD)`."),
    Attribute("name", "string", "Display name, when one was printed."),
    Attribute("code", "string", "Canonical directory code, when resolved."),
    Attribute("kind", "string", "`person`, `post`, `division`, `withheld`, `unknown`…"),
    Attribute("unit", "string", "Unit printed after a person's name: `NAD`."),
    Attribute("address", "string", "E-mail address, when one was printed."),
    Attribute("time_zone", "string", "IANA zone of the party's home, when known."),
    Attribute("withheld", "string", "The withholding code standing for a withheld party."),
    Attribute("sent", "long", "Messages the party sent."),
    Attribute("received", "long", "Messages the party received (To, Cc or Bcc)."),
)

PARTY_EDGE_ATTRIBUTES: tuple[Attribute, ...] = (
    Attribute("weight", "long", "Messages from the sender to the recipient."),
    Attribute("to", "long", "Of those, how many had the recipient in `To:`."),
    Attribute("cc", "long", "… in `Cc:`."),
    Attribute("bcc", "long", "… in `Bcc:`."),
    Attribute("first_utc", "string", "First such message's `sent_utc`, ISO 8601 with offset."),
    Attribute("last_utc", "string", "Last such message's `sent_utc`, ISO 8601 with offset."),
)


def _joined_raw(parties: list[Party]) -> list[str]:
    return [party.raw for party in parties]


def _label(message: Message) -> str:
    if message.placeholder:
        subject = message.subject.text if message.subject else "no subject"
        return f"[missing] {subject}"
    who = message.sender.raw if message.sender else "(no sender)"
    when = f" {message.sent_local:%Y-%m-%d %H:%M}" if message.sent_local else ""
    return f"{who}{when}"


def node_attributes(message: Message, thread_of: dict[str, str]) -> dict[str, Any]:
    """The reply graph's attributes of ``message`` (:data:`REPLY_NODE_ATTRIBUTES`)."""
    subject = message.subject
    sender = message.sender
    # A placeholder's recipients are unknown, not empty: None keeps them out of the exports.
    unknown = message.placeholder
    return {
        "label": _label(message),
        "placeholder": message.placeholder,
        "sender": sender.raw if sender else None,
        "sender_code": sender.code if sender else None,
        "sender_name": sender.name if sender else None,
        "sender_kind": sender.kind if sender else None,
        "to": None if unknown else _joined_raw(message.to),
        "cc": None if unknown else _joined_raw(message.cc),
        "bcc": None if unknown else _joined_raw(message.bcc),
        "subject": subject.text if subject else None,
        "thread_key": subject.thread_key if subject else None,
        "thread_id": thread_of.get(message.id),
        "parent_id": message.parent_id,
        "sent_raw": message.sent_raw,
        "sent_local": message.sent_local,
        "sent_utc": message.sent_utc,
        "time_zone": message.time_zone,
        "tz_mode": message.tz_mode,
        "redactions": None if unknown else len(message.redactions),
        "redaction_codes": None if unknown else [r.code for r in message.redactions],
        "occurrences": len(message.occurrences),
        "lines": None
        if unknown
        else [f"{o.source}:{o.span}" if o.source else str(o.span) for o in message.occurrences],
    }


class ReplyGraphParts:
    """The reply graph of a release given part by part, as the writers read a graph, without
    making it: :func:`reply_graph`'s nodes, edges and attributes in its order, each node's
    attributes made as it is read (a networkx graph holds a dict of them for every message).

    As networkx builds the graph: a node stands where its id is first given, with the attributes
    of the last message given under it; an edge's end that is no message is a node without
    attributes, after those; edges go by their parent's place, then in the order given, each
    with the attributes of the last edge given between its two ends.

    >>> import cablethread
    >>> release = cablethread.parse_file("examples/mfat_xinjiang_oia.txt")
    >>> parts = ReplyGraphParts(release)
    >>> [node for node, _ in parts.nodes()] == list(reply_graph(release).nodes)
    True
    """

    def __init__(self, release: Release) -> None:
        self.release = release
        nodes: dict[str, Message | None] = {}
        for message in [*release.messages, *release.placeholders]:
            nodes[message.id] = message
        replies: dict[str, dict[str, Edge]] = {}
        for edge in release.edges:
            nodes.setdefault(edge.parent_id, None)
            nodes.setdefault(edge.child_id, None)
            replies.setdefault(edge.parent_id, {})[edge.child_id] = edge
        self._messages = nodes
        self._replies = replies

    def graph_data(self) -> dict[str, Any]:
        """The graph's own attributes (:data:`REPLY_GRAPH_ATTRIBUTES`)."""
        release = self.release
        return {"graph": "reply", "sources": list(release.sources), "profile": release.profile}

    def nodes(self) -> Iterator[tuple[str, dict[str, Any]]]:
        """Each node and its attributes (:data:`REPLY_NODE_ATTRIBUTES`)."""
        thread_of = thread_index(self.release)
        for node, message in self._messages.items():
            yield node, {} if message is None else node_attributes(message, thread_of)

    def edges(self) -> Iterator[tuple[str, str, dict[str, Any]]]:
        """Each edge, parent to reply, and its attributes (:data:`REPLY_EDGE_ATTRIBUTES`)."""
        for parent in self._messages:
            for child, edge in self._replies.get(parent, {}).items():
                data = {
                    "evidence": edge.evidence,
                    "confidence": edge.confidence,
                    "delay_seconds": edge.delay_seconds,
                }
                yield parent, child, data


def thread_index(release: Release) -> dict[str, str]:
    """Thread id of every message and placeholder: ``thread_index(release)["m-…"] == "t-…"``."""
    thread_of: dict[str, str] = {}
    for thread in release.threads:
        for message_id in thread.message_ids:
            thread_of[message_id] = thread.id
        thread_of.setdefault(thread.root_id, thread.id)
    return thread_of


def reply_graph(release: Release) -> nx.DiGraph:  # type: ignore[type-arg]
    """One node per distinct message and placeholder, in release order; edges parent → reply.

    >>> import cablethread
    >>> graph = cablethread.parse_file("examples/mfat_xinjiang_oia.txt").graph()
    >>> graph.number_of_nodes(), graph.number_of_edges()
    (24, 18)
    """
    thread_of = thread_index(release)
    graph: nx.DiGraph = nx.DiGraph()  # type: ignore[type-arg]
    graph.graph.update(graph="reply", sources=list(release.sources), profile=release.profile)
    for message in [*release.messages, *release.placeholders]:
        graph.add_node(message.id, **node_attributes(message, thread_of))
    for edge in release.edges:
        graph.add_edge(
            edge.parent_id,
            edge.child_id,
            evidence=edge.evidence,
            confidence=edge.confidence,
            delay_seconds=edge.delay_seconds,
        )
    return graph


@dataclass
class _Tally:
    """Counts for one sender → recipient pair while the party graph is built."""

    weight: int = 0
    to: int = 0
    cc: int = 0
    bcc: int = 0
    first_utc: datetime | None = None
    last_utc: datetime | None = None

    def add(self, fields: Counter[str], sent_utc: datetime | None) -> None:
        self.weight += 1
        self.to += fields["to"]
        self.cc += fields["cc"]
        self.bcc += fields["bcc"]
        if sent_utc is not None:
            self.first_utc = min(self.first_utc or sent_utc, sent_utc)
            self.last_utc = max(self.last_utc or sent_utc, sent_utc)


def _party_attributes(party: Party, sent: int, received: int) -> dict[str, Any]:
    return {
        "key": party.key,
        "label": party.code or party.name or party.raw,
        "raw": party.raw,
        "name": party.name,
        "code": party.code,
        "kind": party.kind,
        "unit": party.unit,
        "address": party.address,
        "time_zone": party.time_zone,
        "withheld": party.redaction.code if party.redaction else None,
        "sent": sent,
        "received": received,
    }


def party_graph(release: Release) -> nx.DiGraph:  # type: ignore[type-arg]
    """Who wrote to whom: an edge sender → recipient per pair, weighted by messages.

    Nodes are keyed by :attr:`Party.key` (``name:nad``, ``code:NAD``, ``withheld:s9(2)(a)``), in
    order of first appearance. A recipient named in both ``To:`` and ``Cc:`` of one message counts
    once in ``weight`` and once in each of ``to`` and ``cc``. A post that copies itself keeps its
    self-loop: the release prints it so.

    >>> import cablethread
    >>> parties = cablethread.parse_file("examples/mfat_xinjiang_oia.txt").party_graph()
    >>> key = {raw: key for key, raw in parties.nodes(data="raw")}
    >>> parties.edges[key["GENEVA"], key["UNHC"]]["weight"]
    9
    """
    order: dict[str, Party] = {party.key: party for party in release.parties}
    sent: Counter[str] = Counter()
    received: Counter[str] = Counter()
    tallies: dict[tuple[str, str], _Tally] = {}
    for message in release.messages:
        recipients: dict[str, Counter[str]] = {}
        for field, parties in (("to", message.to), ("cc", message.cc), ("bcc", message.bcc)):
            for party in parties:
                order.setdefault(party.key, party)
                recipients.setdefault(party.key, Counter())[field] += 1
        for key in recipients:
            received[key] += 1
        if message.sender is None:
            continue
        sender = message.sender.key
        order.setdefault(sender, message.sender)
        sent[sender] += 1
        for key, fields in recipients.items():
            tallies.setdefault((sender, key), _Tally()).add(fields, message.sent_utc)
    graph: nx.DiGraph = nx.DiGraph()  # type: ignore[type-arg]
    graph.graph.update(graph="party", sources=list(release.sources), profile=release.profile)
    for key, party in order.items():
        graph.add_node(key, **_party_attributes(party, sent[key], received[key]))
    for (source, target), tally in tallies.items():
        graph.add_edge(
            source,
            target,
            weight=tally.weight,
            to=tally.to,
            cc=tally.cc,
            bcc=tally.bcc,
            first_utc=tally.first_utc,
            last_utc=tally.last_utc,
        )
    return graph


def _flat_value(value: Any) -> str | int | float | bool | None:
    """A value as one scalar: a datetime as ISO 8601, a list joined by ``"; "``."""
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return "; ".join(str(_flat_value(item)) for item in value)
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def _flat_attributes(data: dict[str, Any]) -> dict[str, str | int | float | bool]:
    flat = {name: _flat_value(value) for name, value in data.items()}
    return {name: value for name, value in flat.items() if value is not None}


def flat_graph(graph: nx.DiGraph) -> nx.DiGraph:  # type: ignore[type-arg]
    """A copy of ``graph`` whose attributes are all ``str``, ``int``, ``float`` or ``bool``.

    Datetimes become ISO 8601 text, lists one string joined by ``"; "``, and unknown values
    (``None``) are left out, so networkx's own writers take the graph as it is:
    ``nx.write_graphml``, ``nx.write_gexf`` and ``nx.write_gml``. The graph given is not changed.

    >>> import cablethread
    >>> graph = cablethread.parse_file("examples/mfat_xinjiang_oia.txt").graph(flat=True)
    >>> graph.nodes["m-ebe89fddf502"]["to"], graph.nodes["m-ebe89fddf502"]["sent_utc"]
    ('BEIJING; NAD; UNHC', '2019-07-10T23:25:00+00:00')
    """
    flat: nx.DiGraph = nx.DiGraph()  # type: ignore[type-arg]
    flat.graph.update(_flat_attributes(dict(graph.graph)))
    for node, data in graph.nodes(data=True):
        flat.add_node(node, **_flat_attributes(data))
    for source, target, data in graph.edges(data=True):
        flat.add_edge(source, target, **_flat_attributes(data))
    return flat
