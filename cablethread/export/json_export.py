"""JSON: the whole release, its JSON Schema, and node-link JSON of its graphs for d3 and networkx.

``release.to_json()`` is pydantic's own serialisation, read back exactly by
``Release.model_validate_json``. UTF-8 cannot carry an unpaired surrogate (possible only in a
``str`` built in Python, never in text decoded from a file); such a character is written as
U+FFFD so that the output is still valid JSON.

>>> import cablethread
>>> release = cablethread.parse_file("examples/mfat_xinjiang_oia.txt")
>>> cablethread.Release.model_validate_json(release.to_json()) == release
True
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator, Mapping
from datetime import date, datetime, time
from typing import IO, TYPE_CHECKING, Any

import networkx as nx
from pydantic import BaseModel
from pydantic_core import PydanticSerializationError, to_json

from cablethread._arguments import one_of, release_first, release_or_graph_first
from cablethread._clean import without_surrogates, without_surrogates_deep
from cablethread._collector import paused
from cablethread.export._output import atomic_write, write_open
from cablethread.export.graph import ReplyGraphParts

if TYPE_CHECKING:
    from cablethread.export.graphml import GraphKind
    from cablethread.models import Release

__all__ = [
    "node_link_data",
    "node_link_json",
    "release_json",
    "write_json",
    "write_node_link",
]


@release_first
def release_json(release: Release, *, indent: int | None = 2) -> str:
    """The release as JSON text; the same release gives the same text.

    >>> import cablethread
    >>> release_json(cablethread.parse("From: NAD\\nTo: UNHC\\n"), indent=None)[:13]
    '{"sources":[]'
    """
    try:
        return release.model_dump_json(indent=indent)
    except PydanticSerializationError:
        # Only an unpaired surrogate makes pydantic's UTF-8 encoder fail; replace and retry.
        cleaned = without_surrogates_deep(release.model_dump())
        return type(release).model_validate(cleaned).model_dump_json(indent=indent)


@release_first
@paused
def write_json(release: Release, path: str | os.PathLike[str] | IO[bytes] | IO[str]) -> None:
    """Write :func:`release_json` to a path or an open file:
    UTF-8 to a path or a binary file, text to a text file (``sys.stdout``).

    >>> import cablethread, io
    >>> buffer = io.BytesIO()
    >>> write_json(cablethread.parse("From: NAD\\nTo: UNHC\\n"), buffer)
    >>> buffer.getvalue()[:2]
    b'{\\n'
    """
    if not isinstance(path, str | os.PathLike):
        write_open(path, release_json(release))
        return
    # Written a record at a time: the JSON of a release is some 20 times its text, and held
    # whole (and again as bytes) it would cost 40 times the input at the peak.
    with atomic_write(path) as handle:
        try:
            for chunk in _release_chunks(release):
                handle.write(chunk.encode("utf-8"))
        except PydanticSerializationError:
            # An unpaired surrogate: written again whole, cleaned as release_json cleans it.
            handle.seek(0)
            handle.truncate()
            handle.write(release_json(release).encode("utf-8"))


def _release_chunks(release: Release) -> Iterator[str]:
    """:func:`release_json` (``indent=2``) in pieces: each list a record at a time."""
    yield "{"
    for index, name in enumerate(type(release).model_fields):
        value = getattr(release, name)
        yield ("," if index else "") + f"\n  {json.dumps(name)}: "
        if isinstance(value, list) and value and all(isinstance(v, BaseModel) for v in value):
            yield "["
            for number, item in enumerate(value):
                text = item.model_dump_json(indent=2).replace("\n", "\n    ")
                yield ("," if number else "") + "\n    " + text
            yield "\n  ]"
        else:
            yield to_json(value, indent=2).decode("utf-8").replace("\n", "\n  ")
    yield "\n}"


def _json_value(value: Any) -> Any:
    if isinstance(value, str):
        return without_surrogates(value)
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_json_value(item) for item in value]
    if isinstance(value, set | frozenset):
        return sorted((_json_value(item) for item in value), key=str)
    if isinstance(value, dict):
        return {str(key): _json_value(item) for key, item in value.items()}
    if value is None or isinstance(value, bool | int | float):
        return value
    return str(value)


@release_or_graph_first
def node_link_data(
    subject: Release | nx.Graph,  # type: ignore[type-arg]
    *,
    graph: GraphKind = "reply",
) -> dict[str, Any]:
    """A graph in networkx's node-link form, every value plain JSON (datetimes as ISO 8601).

    ``{"directed", "multigraph", "graph", "nodes": [{"id", …}], "edges": [{"source",
    "target", …}]}``: what d3's force layout reads, and what
    ``networkx.node_link_graph(data, edges="edges")`` turns back into a graph. Lists stay lists
    and unknown values are ``null``.

    >>> import cablethread
    >>> data = node_link_data(cablethread.parse_file("examples/mfat_xinjiang_oia.txt"))
    >>> len(data["nodes"]), len(data["edges"]), data["edges"][0]["evidence"]
    (24, 18, 'printed-chain')
    """
    directed, multigraph, graph_data, nodes, edges = _graph_parts(_networkx(subject, graph))
    return {
        "directed": directed,
        "multigraph": multigraph,
        "graph": {name: _json_value(value) for name, value in graph_data.items()},
        "nodes": list(_nodes(nodes)),
        "edges": list(_edges(edges)),
    }


def _networkx(subject: Release | nx.Graph, graph: GraphKind) -> nx.Graph:  # type: ignore[type-arg]
    one_of(graph, ("reply", "party"), "graph")
    if isinstance(subject, nx.Graph):
        return subject
    return subject.party_graph() if graph == "party" else subject.graph()


#: A graph as the node-link writer reads it: its direction, its attributes, its nodes and its
#: edges, each with their attributes.
_Parts = tuple[
    bool,
    bool,
    Mapping[str, Any],
    Iterable[tuple[Any, Mapping[str, Any]]],
    Iterable[tuple[Any, Any, Mapping[str, Any]]],
]


def _graph_parts(networkx_graph: nx.Graph) -> _Parts:  # type: ignore[type-arg]
    return (
        networkx_graph.is_directed(),
        networkx_graph.is_multigraph(),
        networkx_graph.graph,
        networkx_graph.nodes(data=True),
        networkx_graph.edges(data=True),
    )


def _release_parts(release: Release) -> _Parts:
    """The reply graph of ``release`` read from the release, a node at a time
    (:class:`~cablethread.export.graph.ReplyGraphParts`)."""
    parts = ReplyGraphParts(release)
    return True, False, parts.graph_data(), parts.nodes(), parts.edges()


def _nodes(nodes: Iterable[tuple[Any, Mapping[str, Any]]]) -> Iterator[dict[str, Any]]:
    for node, data in nodes:
        yield {"id": _json_value(node), **{name: _json_value(v) for name, v in data.items()}}


def _edges(edges: Iterable[tuple[Any, Any, Mapping[str, Any]]]) -> Iterator[dict[str, Any]]:
    for source, target, data in edges:
        edge = {"source": _json_value(source), "target": _json_value(target)}
        edge.update({name: _json_value(value) for name, value in data.items()})
        yield edge


def _node_link_chunks(parts: _Parts) -> Iterator[str]:
    """:func:`node_link_json` (``indent=2``) in pieces, a node or an edge at a time: the
    document of a large graph is never held whole (nor the plain data it is made from)."""

    def dumped(value: Any) -> str:
        return json.dumps(value, indent=2, ensure_ascii=False)

    directed, multigraph, graph_data, nodes, edges = parts
    attributes = {name: _json_value(value) for name, value in graph_data.items()}
    yield "{\n"
    yield f'  "directed": {dumped(directed)},\n'
    yield f'  "multigraph": {dumped(multigraph)},\n'
    yield '  "graph": ' + dumped(attributes).replace("\n", "\n  ")
    for name, items in (("nodes", _nodes(nodes)), ("edges", _edges(edges))):
        yield f',\n  "{name}": ['
        first = True
        for item in items:
            # Structural line ends only: a line end inside a string is written as \n.
            yield ("\n    " if first else ",\n    ") + dumped(item).replace("\n", "\n    ")
            first = False
        yield "]" if first else "\n  ]"
    yield "\n}"


@release_or_graph_first
def node_link_json(
    subject: Release | nx.Graph,  # type: ignore[type-arg]
    *,
    graph: GraphKind = "reply",
    indent: int | None = 2,
) -> str:
    """:func:`node_link_data` as JSON text (UTF-8 characters kept, not escaped).

    >>> import networkx as nx
    >>> node_link_json(nx.DiGraph([("a", "b")]), indent=None)[:31]
    '{"directed": true, "multigraph"'
    """
    return json.dumps(node_link_data(subject, graph=graph), indent=indent, ensure_ascii=False)


@release_or_graph_first
def write_node_link(
    subject: Release | nx.Graph,  # type: ignore[type-arg]
    path: str | os.PathLike[str] | IO[bytes] | IO[str],
    *,
    graph: GraphKind = "reply",
) -> None:
    """Write :func:`node_link_json` to a path or an open file:
    UTF-8 to a path or a binary file, text to a text file (``sys.stdout``).

    >>> import cablethread, io
    >>> buffer = io.BytesIO()
    >>> write_node_link(cablethread.parse("From: NAD\\nTo: UNHC\\n"), buffer)
    >>> buffer.getvalue()[:14]
    b'{\\n  "directed"'
    """
    one_of(graph, ("reply", "party"), "graph")
    # A release's reply graph is read from the release, without making the graph.
    chunks = _node_link_chunks(
        _release_parts(subject)
        if graph == "reply" and not isinstance(subject, nx.Graph)
        else _graph_parts(_networkx(subject, graph))
    )
    if not isinstance(path, str | os.PathLike):
        for chunk in chunks:
            write_open(path, chunk)
        write_open(path, "\n")
        return
    # Written a node or edge at a time, as write_json writes its records.
    with atomic_write(path) as handle:
        for chunk in chunks:
            handle.write(chunk.encode("utf-8"))
        handle.write(b"\n")
