"""GraphML: the reply or party graph as a document that Gephi, Cytoscape, yEd, igraph and networkx read.

GraphML holds only ``string``, ``long``, ``double`` and ``boolean`` attributes, so values are
flattened here, at the edge: datetimes become ISO 8601 (with their offset when they have one),
lists are joined with ``"; "``, ``None`` (unknown) leaves the attribute out. Keys are named after
their attributes. The writer builds the text itself rather than through ``xml.etree`` or lxml, so
the bytes are the same on every machine and for the same input, and it only reads the graph it is
given. Characters that XML 1.0 forbids (NUL, form feed, unpaired surrogates…) become U+FFFD.

>>> import cablethread
>>> text = cablethread.parse_file("examples/mfat_xinjiang_oia.txt").to_graphml()
>>> text.count("<node "), text.count("<edge ")
(24, 18)
"""

from __future__ import annotations

import itertools
import os
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import IO, TYPE_CHECKING, Any, Literal, get_args

import networkx as nx

from cablethread._arguments import one_of, release_or_graph_first
from cablethread._clean import xml_safe
from cablethread._collector import paused
from cablethread.export._output import atomic_write, write_open
from cablethread.export.graph import (
    PARTY_EDGE_ATTRIBUTES,
    PARTY_GRAPH_ATTRIBUTES,
    PARTY_NODE_ATTRIBUTES,
    REPLY_EDGE_ATTRIBUTES,
    REPLY_GRAPH_ATTRIBUTES,
    REPLY_NODE_ATTRIBUTES,
    Attribute,
    GraphMLType,
    ReplyGraphParts,
    party_graph,
)

if TYPE_CHECKING:
    from cablethread.models import Release

__all__ = [
    "GraphKind",
    "GraphMLWriter",
    "graph_to_graphml",
    "graphml_id",
    "to_graphml",
    "write_graphml",
]

GraphKind = Literal["reply", "party"]
Domain = Literal["graph", "node", "edge"]

_HEADER = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"'
    ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
    ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns'
    ' http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">'
)
# A key id is an XML name token; attribute names may hold anything.
_NOT_NAME_CHAR = re.compile(r"[^A-Za-z0-9_.\-]")
# GraphML's long is 64 bits; a larger int would not read back.
_LONG_MIN, _LONG_MAX = -(2**63), 2**63 - 1
_SEPARATOR = "; "


def _escape_text(text: str) -> str:
    # ">" is escaped too so that "]]>" can never appear; "\r" as a reference, because a parser
    # turns a literal carriage return into a line feed.
    return (
        xml_safe(text)
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\r", "&#13;")
    )


def _escape_attribute(text: str) -> str:
    # In an attribute a parser also folds tabs and line feeds into spaces.
    return _escape_text(text).replace('"', "&quot;").replace("\t", "&#9;").replace("\n", "&#10;")


def _scalar_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, float):
        return repr(value)
    return str(value)


def _is_collection(value: Any) -> bool:
    return isinstance(value, list | tuple | set | frozenset)


def _items(value: Any) -> list[Any]:
    # A set has no order of its own; sorting its texts keeps the output the same on every run.
    if isinstance(value, set | frozenset):
        return sorted(value, key=_scalar_text)
    return list(value)


def _infer_type(values: Iterable[Any]) -> GraphMLType:
    """The narrowest GraphML type holding every value given (``None``s are skipped)."""
    kinds: set[GraphMLType] = set()
    for value in values:
        if value is None:
            continue
        if isinstance(value, bool):
            kinds.add("boolean")
        elif isinstance(value, int) and _LONG_MIN <= value <= _LONG_MAX:
            kinds.add("long")
        elif isinstance(value, float):
            kinds.add("double")
        else:
            return "string"
    if len(kinds) == 1:
        return kinds.pop()
    if kinds == {"long", "double"}:
        return "double"
    return "string"


def _flatten(value: Any, kind: GraphMLType, name: str) -> str | None:
    """The text of ``value`` as a GraphML ``kind``, or None to leave the attribute out."""
    if value is None:
        return None
    if _is_collection(value):
        if kind != "string":
            raise ValueError(f"attribute {name!r}: a list cannot be a GraphML {kind}")
        return _SEPARATOR.join(_scalar_text(item) for item in _items(value) if item is not None)
    if kind == "string":
        return _scalar_text(value)
    if kind == "boolean" and isinstance(value, bool):
        return "true" if value else "false"
    if kind == "long" and isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if kind == "double" and isinstance(value, int | float) and not isinstance(value, bool):
        return repr(float(value))
    raise ValueError(f"attribute {name!r}: {value!r} is not a GraphML {kind}")


@dataclass(frozen=True)
class _Key:
    id: str
    domain: Domain
    name: str
    type: GraphMLType


class GraphMLWriter:
    """Writes one networkx graph as GraphML text; the graph is read, never changed.

    ``declared`` attributes get their key (and type) even when no element carries a value, so
    every release's file has the same keys; undeclared attributes get the narrowest type that
    holds all their values.

    >>> import networkx as nx
    >>> graph = nx.DiGraph()
    >>> graph.add_edge("a", "b", weight=2)
    >>> print(GraphMLWriter(graph).text().splitlines()[1 + 1])
      <key id="weight" for="edge" attr.name="weight" attr.type="long"/>
    """

    def __init__(
        self,
        graph: nx.Graph,  # type: ignore[type-arg]
        *,
        graph_attributes: Sequence[Attribute] = (),
        node_attributes: Sequence[Attribute] = (),
        edge_attributes: Sequence[Attribute] = (),
    ) -> None:
        self.graph = graph
        self.keys = self._keys(
            {
                "graph": (graph_attributes, [graph.graph]),
                "node": (node_attributes, [data for _, data in graph.nodes(data=True)]),
                "edge": (edge_attributes, [data for *_, data in self._edges()]),
            }
        )

    # The parts of the document. A writer of a release's reply graph gives them from the release
    # itself (:class:`_ReplyWriter`).

    def _directed(self) -> bool:
        return bool(self.graph.is_directed())

    def _graph_data(self) -> Mapping[str, Any]:
        return self.graph.graph

    def _nodes(self) -> Iterator[tuple[Any, Mapping[str, Any]]]:
        yield from self.graph.nodes(data=True)

    def _edges(self) -> Iterator[tuple[Any, Any, Any, Mapping[str, Any]]]:
        if self.graph.is_multigraph():
            multigraph: Any = self.graph  # the stubs type edges() of simple graphs only
            for source, target, key, data in multigraph.edges(keys=True, data=True):
                yield source, target, key, data
        else:
            for source, target, data in self.graph.edges(data=True):
                yield source, target, None, data

    @staticmethod
    def _keys(
        domains: Mapping[Domain, tuple[Sequence[Attribute], list[Mapping[str, Any]]]],
    ) -> dict[Domain, list[_Key]]:
        found: list[tuple[Domain, str, GraphMLType]] = []
        for domain, (declared, elements) in domains.items():
            names = [attribute.name for attribute in declared]
            for data in elements:
                names.extend(name for name in data if name not in names)
            types = {attribute.name: attribute.type for attribute in declared}
            for name in names:
                kind = types.get(name) or _infer_type(data.get(name) for data in elements)
                found.append((domain, name, kind))
        # A key is named after its attribute; a name used in two domains is prefixed by the
        # domain, and a clash left after cleaning the name is numbered.
        uses: dict[str, int] = {}
        for _, name, _ in found:
            uses[name] = uses.get(name, 0) + 1
        keys: dict[Domain, list[_Key]] = {"graph": [], "node": [], "edge": []}
        taken: set[str] = set()
        for domain, name, kind in found:
            base = _NOT_NAME_CHAR.sub("_", name if uses[name] == 1 else f"{domain}_{name}")
            base = base if base and not base[0].isdigit() and base[0] not in ".-" else f"k_{base}"
            key_id, number = base, 1
            while key_id in taken:
                number += 1
                key_id = f"{base}_{number}"
            taken.add(key_id)
            keys[domain].append(_Key(key_id, domain, name, kind))
        return keys

    def _data(self, domain: Domain, data: Mapping[str, Any], indent: str) -> Iterator[str]:
        for key in self.keys[domain]:
            text = _flatten(data.get(key.name), key.type, key.name)
            if text is not None:
                yield f'{indent}<data key="{key.id}">{_escape_text(text)}</data>'

    def lines(self) -> Iterator[str]:
        """The document, one line at a time, without line ends."""
        yield from _HEADER.split("\n")
        for domain in ("graph", "node", "edge"):
            for key in self.keys[domain]:
                yield (
                    f'  <key id="{key.id}" for="{key.domain}" '
                    f'attr.name="{_escape_attribute(key.name)}" attr.type="{key.type}"/>'
                )
        direction = "directed" if self._directed() else "undirected"
        graph_data = self._graph_data()
        graph_id = graph_data.get("graph")
        name = _escape_attribute(graphml_id(graph_id)) if isinstance(graph_id, str) else "G"
        yield f'  <graph id="{name}" edgedefault="{direction}">'
        yield from self._data("graph", graph_data, "    ")
        for node, node_data in self._nodes():
            body = list(self._data("node", node_data, "      "))
            opening = f"    <node id={_quoted(node)}"
            yield from [f"{opening}>", *body, "    </node>"] if body else [f"{opening}/>"]
        for source, target, key, edge_data in self._edges():
            edge_id = f" id={_quoted(key)}" if key is not None else ""
            opening = f"    <edge{edge_id} source={_quoted(source)} target={_quoted(target)}"
            body = list(self._data("edge", edge_data, "      "))
            yield from [f"{opening}>", *body, "    </edge>"] if body else [f"{opening}/>"]
        yield "  </graph>"
        yield "</graphml>"

    def text(self) -> str:
        """The whole document as one string, ending with a line feed."""
        return "\n".join(self.lines()) + "\n"

    def chunks(self) -> Iterator[str]:
        """The document in pieces of some thousands of lines, each line with its line feed:
        :meth:`text` without holding it whole."""
        lines = self.lines()
        while batch := list(itertools.islice(lines, _LINES_A_CHUNK)):
            yield "\n".join(batch) + "\n"


#: Lines written to a file at a time.
_LINES_A_CHUNK = 4096


class _ReplyWriter(GraphMLWriter):
    """The reply graph of a release written from the release itself, a node at a time
    (:class:`~cablethread.export.graph.ReplyGraphParts`): the bytes of the graph's GraphML,
    without the graph. Every attribute is declared with its type, so no value is read for the
    keys."""

    def __init__(self, release: Release) -> None:
        self.parts = ReplyGraphParts(release)
        self.keys = self._keys(
            {
                "graph": (REPLY_GRAPH_ATTRIBUTES, []),
                "node": (REPLY_NODE_ATTRIBUTES, []),
                "edge": (REPLY_EDGE_ATTRIBUTES, []),
            }
        )

    def _directed(self) -> bool:
        return True

    def _graph_data(self) -> Mapping[str, Any]:
        return self.parts.graph_data()

    def _nodes(self) -> Iterator[tuple[Any, Mapping[str, Any]]]:
        yield from self.parts.nodes()

    def _edges(self) -> Iterator[tuple[Any, Any, Any, Mapping[str, Any]]]:
        for parent, child, data in self.parts.edges():
            yield parent, child, None, data


#: What an id in GraphML may hold (``xs:NMTOKEN``): name characters, no blank or ``/``.
_TOKEN = re.compile(r"[\w.:-]+")
#: What an id keeps as it is when another character of it has to be written as a code.
_PLAIN_CHAR = re.compile(r"[A-Za-z0-9.:-]")


def graphml_id(value: Any) -> str:
    """A node, edge or graph id as GraphML allows it (``xs:NMTOKEN``), one id for one value.

    An id of name characters is kept as it is; any other has each character outside ``A-Z``,
    ``a-z``, ``0-9``, ``.``, ``:`` and ``-`` written as ``_xHHHH_`` (its code point), as XML
    tools write names (``_`` too, so two values never share an id):

    >>> graphml_id("m-ebe89fddf502"), graphml_id("code:DS AAG"), graphml_id("name:x_y z")
    ('m-ebe89fddf502', 'code:DS_x0020_AAG', 'name:x_x005F_y_x0020_z')
    """
    text = str(value)
    if _TOKEN.fullmatch(text) and "_x" not in text:
        return text
    return "".join(c if _PLAIN_CHAR.match(c) else f"_x{ord(c):04X}_" for c in text) or "_x_"


def _quoted(node: Any) -> str:
    return f'"{_escape_attribute(graphml_id(node))}"'


def _writer_for(subject: Release | nx.Graph, kind: GraphKind) -> GraphMLWriter:  # type: ignore[type-arg]
    one_of(kind, get_args(GraphKind), "graph")
    if isinstance(subject, nx.Graph):
        return GraphMLWriter(subject)
    if kind == "party":
        return GraphMLWriter(
            party_graph(subject),
            graph_attributes=PARTY_GRAPH_ATTRIBUTES,
            node_attributes=PARTY_NODE_ATTRIBUTES,
            edge_attributes=PARTY_EDGE_ATTRIBUTES,
        )
    return _ReplyWriter(subject)


def graph_to_graphml(graph: nx.Graph) -> str:  # type: ignore[type-arg]
    """Any networkx graph with str/int/float/bool/datetime/list/None attributes as GraphML text.

    >>> import networkx as nx
    >>> "<node id=\\"a\\"/>" in graph_to_graphml(nx.path_graph(["a", "b"]))
    True
    """
    return GraphMLWriter(graph).text()


@release_or_graph_first
@paused
def to_graphml(subject: Release | nx.Graph, *, graph: GraphKind = "reply") -> str:  # type: ignore[type-arg]
    """The reply graph (or, with ``graph="party"``, the party graph) of a release as GraphML text.

    A networkx graph is written as it is. Same input, same text.

    >>> import cablethread
    >>> release = cablethread.parse_file("examples/mfat_xinjiang_oia.txt")
    >>> to_graphml(release) == to_graphml(release)
    True
    """
    return _writer_for(subject, graph).text()


@release_or_graph_first
@paused
def write_graphml(
    subject: Release | nx.Graph,  # type: ignore[type-arg]
    path: str | os.PathLike[str] | IO[bytes] | IO[str],
    *,
    graph: GraphKind = "reply",
) -> None:
    """Write :func:`to_graphml` to a path or an open file:
    UTF-8 to a path or a binary file, text to a text file (``sys.stdout``).

    >>> import cablethread, tempfile, networkx as nx
    >>> release = cablethread.parse_file("examples/mfat_xinjiang_oia.txt")
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     cablethread.write_graphml(release, f"{folder}/reply.graphml")
    ...     nx.read_graphml(f"{folder}/reply.graphml").number_of_edges()
    18
    """
    # Written some thousands of lines at a time, not made whole first.
    chunks = _writer_for(subject, graph).chunks()
    if isinstance(path, str | os.PathLike):
        with atomic_write(path) as handle:
            for chunk in chunks:
                handle.write(chunk.encode("utf-8"))
    else:
        for chunk in chunks:
            write_open(path, chunk)
