"""The graphs as the tools around them read them: GraphML valid by its schema, and flat graphs
that networkx's own GraphML, GEXF and GML writers and readers take as they are."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
import xmlschema

import cablethread
from cablethread import Release
from cablethread.export.graphml import graphml_id

DATA = Path(__file__).parent / "data"
SCHEMA = xmlschema.XMLSchema(DATA / "graphml-schema" / "graphml.xsd")


@pytest.fixture(scope="module")
def clinton() -> Release:
    return cablethread.parse_file(DATA / "clinton_C05769379.txt")


@pytest.fixture(scope="module", params=["seed", "clinton"])
def release(request: pytest.FixtureRequest, seed: Release, clinton: Release) -> Release:
    return seed if request.param == "seed" else clinton


@pytest.mark.parametrize("kind", ["reply", "party"])
def test_graphml_is_valid_by_the_graphml_schema(release: Release, kind: str) -> None:
    text = release.to_graphml(graph=kind)  # type: ignore[arg-type]
    errors = [f"{e.path}: {e.reason}" for e in SCHEMA.iter_errors(text)]
    assert errors == []


def test_party_ids_are_safe_and_the_key_is_kept(seed: Release) -> None:
    # ``code:DS AAG`` holds a blank, which an id may not: written as a code, kept as ``key``.
    text = seed.to_graphml(graph="party")
    assert '<node id="code:DS_x0020_AAG">' in text
    assert '<data key="key">code:DS AAG</data>' in text
    read = nx.read_graphml(io.StringIO(text))
    assert read.nodes["code:DS_x0020_AAG"]["key"] == "code:DS AAG"


def test_graphml_ids_are_one_to_one() -> None:
    values = ["a b", "a_x0020_b", "a_b", "a:b", "a/b", "a.b", "m-1", ""]
    ids = [graphml_id(v) for v in values]
    assert len(set(ids)) == len(values)
    assert all(SCHEMA.is_valid(_one_node(i)) for i in ids)


def _one_node(node_id: str) -> str:
    return (
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">'
        f'<graph id="G" edgedefault="directed"><node id="{node_id}"/></graph></graphml>'
    )


Writer = Callable[[Any, Any], None]
Reader = Callable[[Any], Any]


@pytest.mark.parametrize(
    ("write", "read"),
    [
        (nx.write_graphml, nx.read_graphml),
        (nx.write_gexf, nx.read_gexf),
        (nx.write_gml, nx.read_gml),
    ],
    ids=["graphml", "gexf", "gml"],
)
@pytest.mark.parametrize("kind", ["reply", "party"])
def test_flat_graph_round_trips_through_networkx_writers(
    release: Release, kind: str, write: Writer, read: Reader
) -> None:
    graph = release.graph(flat=True) if kind == "reply" else release.party_graph(flat=True)
    buffer = io.BytesIO()
    write(graph, buffer)
    buffer.seek(0)
    back = read(buffer)
    assert sorted(map(str, back.nodes)) == sorted(map(str, graph.nodes))
    assert sorted((str(a), str(b)) for a, b in back.edges) == sorted(
        (str(a), str(b)) for a, b in graph.edges
    )
    # GML keeps a node's id as its ``label``: another attribute shows the values came through.
    name = "thread_id" if kind == "reply" else "kind"
    for node, data in graph.nodes(data=True):
        assert back.nodes[str(node)][name] == data[name]


def test_flat_graph_values_are_scalars_and_the_graph_given_is_unchanged(seed: Release) -> None:
    graph = seed.graph()
    flat = seed.graph(flat=True)
    for _, data in flat.nodes(data=True):
        assert all(isinstance(v, str | int | float | bool) for v in data.values())
    message = seed.messages[0]
    assert flat.nodes[message.id]["sent_utc"] == message.sent_utc.isoformat()  # type: ignore[union-attr]
    assert flat.nodes[message.id]["to"] == "; ".join(p.raw for p in message.to)
    assert isinstance(graph.nodes[message.id]["to"], list)


def test_node_link_reads_back_with_networkx_defaults(release: Release) -> None:
    graph = nx.node_link_graph(release.to_node_link())
    assert graph.number_of_edges() == release.graph().number_of_edges()
    assert set(graph.nodes) == set(release.graph().nodes)
