"""The reply graph as a ``networkx.DiGraph``: parent → reply edges, placeholder nodes flagged."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import networkx as nx

if TYPE_CHECKING:
    from cablethread.models import Message, Release

__all__ = ["reply_graph"]


def _node_attributes(message: Message, thread_of: dict[str, str]) -> dict[str, Any]:
    subject = message.subject
    return {
        "placeholder": message.placeholder,
        "sender": message.sender.raw if message.sender else None,
        "sender_code": message.sender.code if message.sender else None,
        "to": [p.raw for p in message.to],
        "cc": [p.raw for p in message.cc],
        "bcc": [p.raw for p in message.bcc],
        "sent_raw": message.sent_raw,
        "sent_local": message.sent_local,
        "sent_utc": message.sent_utc,
        "time_zone": message.time_zone,
        "tz_mode": message.tz_mode,
        "subject": subject.text if subject else None,
        "thread_key": subject.thread_key if subject else None,
        "thread_id": thread_of.get(message.id),
        "redactions": len(message.redactions),
        "occurrences": len(message.occurrences),
    }


def reply_graph(release: Release) -> nx.DiGraph:  # type: ignore[type-arg]
    """One node per distinct message and placeholder, in release order; edges parent → reply."""
    thread_of: dict[str, str] = {}
    for thread in release.threads:
        for message_id in thread.message_ids:
            thread_of[message_id] = thread.id
        thread_of.setdefault(thread.root_id, thread.id)
    graph: nx.DiGraph = nx.DiGraph()  # type: ignore[type-arg]
    for message in [*release.messages, *release.placeholders]:
        graph.add_node(message.id, **_node_attributes(message, thread_of))
    for edge in release.edges:
        graph.add_edge(
            edge.parent_id,
            edge.child_id,
            evidence=edge.evidence,
            confidence=edge.confidence,
            delay_seconds=edge.delay_seconds,
        )
    return graph
