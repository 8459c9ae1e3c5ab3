"""GraphML: what Gephi, igraph and networkx read back from a release's reply and party graphs."""

from __future__ import annotations

import copy
import io
import math
import sys
import xml.dom.minidom
from datetime import date, datetime
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cablethread
from cablethread._clean import xml_safe
from cablethread.export.graph import (
    REPLY_EDGE_ATTRIBUTES,
    REPLY_GRAPH_ATTRIBUTES,
    REPLY_NODE_ATTRIBUTES,
    reply_graph,
)
from cablethread.export.graphml import GraphMLWriter, graph_to_graphml, graphml_id, to_graphml

HOSTILE = "RE: A\x0cB\x00C & D < E ]]> F \ud800 G\r\nH"


def expected_text(value: Any) -> Any:
    """What a GraphML reader should give back for a Python attribute value."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list):
        return "; ".join(value)
    if isinstance(value, str):
        return xml_safe(value)
    return value


def flattened(data: dict[str, Any]) -> dict[str, Any]:
    return {name: expected_text(value) for name, value in data.items() if value is not None}


def with_subject(release: cablethread.Release, index: int, text: str) -> cablethread.Release:
    """The release with one message's subject replaced, as a hostile input would leave it."""
    message = release.messages[index]
    assert message.subject is not None
    subject = message.subject.model_copy(update={"text": text, "raw": text})
    messages = list(release.messages)
    messages[index] = message.model_copy(update={"subject": subject})
    return release.model_copy(update={"messages": messages})


@pytest.fixture(scope="module")
def seed_graphml(seed: cablethread.Release, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("graphml") / "seed.graphml"
    cablethread.write_graphml(seed, path)
    return path


def test_seed_opens_in_networkx_with_every_message_placeholder_and_edge(
    seed: cablethread.Release, seed_graphml: Path
) -> None:
    graph = nx.read_graphml(seed_graphml)
    assert graph.is_directed()
    placeholders = [n for n, flag in graph.nodes(data="placeholder") if flag]
    messages = [n for n, flag in graph.nodes(data="placeholder") if not flag]
    assert (len(messages), len(placeholders), graph.number_of_edges()) == (23, 1, 18)
    assert placeholders == [seed.placeholders[0].id]
    assert graph.nodes[placeholders[0]]["label"] == "[missing] FORMAL MESSAGE: XINJIANG"
    assert [e["evidence"] for *_, e in graph.in_edges(placeholders[0], data=True)] == []
    assert graph.graph["graph"] == "reply" and graph.graph["profile"] == "nz-mfat"


def test_networkx_reads_back_every_attribute_value(
    seed: cablethread.Release, seed_graphml: Path
) -> None:
    original = seed.graph()
    read = nx.read_graphml(seed_graphml)
    assert list(read.nodes) == list(original.nodes)
    for node, data in original.nodes(data=True):
        assert read.nodes[node] == flattened(data), node
    for parent, child, data in original.edges(data=True):
        assert read.edges[parent, child] == flattened(data)
    first = read.nodes[seed.messages[0].id]
    assert first["sent_utc"] == "2019-07-10T23:25:00+00:00"
    assert first["sent_local"] == "2019-07-11T11:25:00"
    assert first["to"] == "BEIJING; NAD; UNHC"
    assert first["occurrences"] == 2 and first["lines"].endswith(":405-413")


def test_keys_are_named_after_the_attributes_with_graphml_types(seed_graphml: Path) -> None:
    document = xml.dom.minidom.parse(str(seed_graphml))
    keys = {
        (key.getAttribute("for"), key.getAttribute("attr.name")): (
            key.getAttribute("id"),
            key.getAttribute("attr.type"),
        )
        for key in document.getElementsByTagName("key")
    }
    for attribute in REPLY_NODE_ATTRIBUTES:
        assert keys["node", attribute.name] == (attribute.name, attribute.type)
    for attribute in REPLY_EDGE_ATTRIBUTES:
        assert keys["edge", attribute.name] == (attribute.name, attribute.type)
    assert {kind for _, kind in keys.values()} == {"string", "long", "double", "boolean"}


def test_seed_opens_in_igraph_with_the_same_nodes_edges_and_values(seed_graphml: Path) -> None:
    igraph = pytest.importorskip("igraph")
    loaded = igraph.Graph.Read_GraphML(str(seed_graphml))
    reference = nx.read_graphml(seed_graphml)
    assert loaded.is_directed()
    assert loaded.vs["id"] == list(reference.nodes)
    assert sum(loaded.vs["placeholder"]) == 1 and loaded.vcount() == 24
    names = loaded.vs["id"]
    assert sorted((names[e.source], names[e.target]) for e in loaded.es) == sorted(reference.edges)
    # igraph reads every declared attribute for every element: an absent string is "", an
    # absent number NaN.
    for vertex in loaded.vs:
        expected = reference.nodes[vertex["id"]]
        for name, value in vertex.attributes().items():
            if name == "id":
                continue
            if name in expected:
                assert value == expected[name], (vertex["id"], name)
            else:
                assert value in ("", None) or (isinstance(value, float) and math.isnan(value))
    for edge in loaded.es:
        expected = reference.edges[names[edge.source], names[edge.target]]
        for name, value in edge.attributes().items():
            if name in expected:
                assert value == expected[name]
            else:
                assert isinstance(value, float) and math.isnan(value)
    assert loaded["profile"] == "nz-mfat"


def test_written_twice_byte_identical(
    seed: cablethread.Release, seed_text: str, tmp_path: Path
) -> None:
    cablethread.write_graphml(seed, tmp_path / "a.graphml")
    # A second, independent parse of the same input and policy.
    again = cablethread.parse(seed_text, source="mfat_xinjiang_oia.txt")
    cablethread.write_graphml(again, tmp_path / "b.graphml")
    assert (tmp_path / "a.graphml").read_bytes() == (tmp_path / "b.graphml").read_bytes()
    assert seed.to_graphml().encode("utf-8") == (tmp_path / "a.graphml").read_bytes()


def test_the_bytes_do_not_depend_on_lxml(
    seed: cablethread.Release, monkeypatch: pytest.MonkeyPatch
) -> None:
    with_lxml = seed.to_graphml()
    monkeypatch.setitem(sys.modules, "lxml", None)
    monkeypatch.setitem(sys.modules, "lxml.etree", None)
    assert seed.to_graphml() == with_lxml


def test_hostile_subject_still_gives_well_formed_graphml(seed: cablethread.Release) -> None:
    release = with_subject(seed, 0, HOSTILE)
    text = release.to_graphml()
    data = text.encode("utf-8")
    xml.dom.minidom.parseString(data)  # expat: raises on anything not well-formed XML 1.0
    read = nx.parse_graphml(data)
    subject = read.nodes[release.messages[0].id]["subject"]
    assert subject == "RE: A\ufffdB\ufffdC & D < E ]]> F \ufffd G\r\nH"


def test_hostile_subject_loads_in_igraph(seed: cablethread.Release, tmp_path: Path) -> None:
    igraph = pytest.importorskip("igraph")
    path = tmp_path / "hostile.graphml"
    cablethread.write_graphml(with_subject(seed, 0, HOSTILE), path)
    loaded = igraph.Graph.Read_GraphML(str(path))
    assert loaded.vs[0]["subject"] == "RE: A\ufffdB\ufffdC & D < E ]]> F \ufffd G\r\nH"


def test_hostile_text_through_the_parser(seed: cablethread.Release) -> None:
    text = (
        "From: NAD\nSent: Thursday, 11 July 2019 11:25 AM\nTo: BEIJING\n"
        "Subject: RE: A \x0c B \x00 C & D < E ]]> F \ud800 G\n\nbody\n"
    )
    release = cablethread.parse(text)
    xml.dom.minidom.parseString(release.to_graphml().encode("utf-8"))
    assert "]]&gt;" in release.to_graphml()


def test_writer_never_changes_the_callers_graph() -> None:
    graph = nx.MultiDiGraph(id="mine", name="g")
    graph.add_node("a", when=datetime(2019, 7, 4, 5, 26), tags=["x", "y"], gone=None)
    graph.add_edge("a", "b", key="k", weight=1.5)
    before = copy.deepcopy(graph)
    text = graph_to_graphml(graph)
    assert nx.utils.graphs_equal(graph, before)
    assert graph.graph == before.graph and dict(graph.nodes(data=True)) == dict(
        before.nodes(data=True)
    )
    read = nx.parse_graphml(text)
    assert read.nodes["a"] == {"when": "2019-07-04T05:26:00", "tags": "x; y"}
    assert read.graph["id"] == "mine"


@pytest.mark.parametrize(
    ("values", "kind"),
    [
        ([True, False], "boolean"),
        ([1, None, 2], "long"),
        ([1, 2.5], "double"),
        ([1, "x"], "string"),
        ([2**70], "string"),
    ],
)
def test_undeclared_attribute_types_are_inferred(values: list[Any], kind: str) -> None:
    graph = nx.Graph()
    for index, value in enumerate(values):
        graph.add_node(index, value=value)
    assert f'attr.name="value" attr.type="{kind}"' in GraphMLWriter(graph).text()


def test_names_used_in_two_domains_get_distinct_key_ids() -> None:
    graph = nx.DiGraph(kind="party")
    graph.add_node("a", kind="post")
    text = graph_to_graphml(graph)
    assert 'id="graph_kind"' in text and 'id="node_kind"' in text
    read = nx.parse_graphml(text)
    assert read.graph["kind"] == "party" and read.nodes["a"]["kind"] == "post"


def test_party_graph_counts_who_wrote_to_whom(seed: cablethread.Release) -> None:
    graph = seed.party_graph()
    key = {raw: key for key, raw in graph.nodes(data="raw")}
    geneva_unhc = graph.edges[key["GENEVA"], key["UNHC"]]
    assert (geneva_unhc["weight"], geneva_unhc["to"], geneva_unhc["cc"]) == (9, 9, 0)
    nad = graph.nodes[key["NAD"]]
    assert nad["sent"] == sum(1 for m in seed.messages if m.sender and m.sender.raw == "NAD")
    # Every edge is one sender writing to one recipient: weights add up to the recipients.
    assert sum(w for *_, w in graph.edges(data="weight")) == sum(
        len({p.key for p in [*m.to, *m.cc, *m.bcc]}) for m in seed.messages if m.sender
    )
    withheld = [n for n, kind in graph.nodes(data="kind") if kind == "withheld"]
    assert {graph.nodes[n]["withheld"] for n in withheld} == {"s9(2)(a)", "s9(2)(g)(i)"}


def test_party_graph_graphml_round_trip(seed: cablethread.Release) -> None:
    text = to_graphml(seed, graph="party")
    read = nx.parse_graphml(text)
    original = seed.party_graph()
    # Ids are written as name tokens (``code:...CHINA_x0020_POSTS``); ``key`` keeps the key.
    assert list(read.nodes) == [graphml_id(node) for node in original.nodes]
    assert [key for _, key in read.nodes(data="key")] == list(original.nodes)
    assert read.number_of_edges() == original.number_of_edges()
    for source, target, data in original.edges(data=True):
        assert read.edges[graphml_id(source), graphml_id(target)] == flattened(data)
    assert read.graph["graph"] == "party"


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(exclude_categories=()), max_size=40))
def test_any_subject_gives_graphml_that_reads_back(text: str) -> None:
    release = with_subject(_SMALL, 0, text)
    data = release.to_graphml().encode("utf-8")
    xml.dom.minidom.parseString(data)
    read = nx.parse_graphml(data)
    assert read.nodes[release.messages[0].id]["subject"] == xml_safe(text)


_SMALL = cablethread.parse(
    "From: GENEVA\nSent: Thursday, 4 July 2019 5:26 AM\nTo: NAD; UNHC\n"
    "Subject: RE: FORMAL MESSAGE: LETTER\n"
)


def _reply_graph_graphml(release: cablethread.Release) -> str:
    """The GraphML of the release's networkx reply graph, as the writer wrote it from the graph."""
    return GraphMLWriter(
        reply_graph(release),
        graph_attributes=REPLY_GRAPH_ATTRIBUTES,
        node_attributes=REPLY_NODE_ATTRIBUTES,
        edge_attributes=REPLY_EDGE_ATTRIBUTES,
    ).text()


def test_a_release_is_written_as_its_reply_graph_is(seed: cablethread.Release) -> None:
    """The reply graph is written from the release, a node at a time, not from a networkx graph:
    the same bytes, through every way of writing it."""
    expected = _reply_graph_graphml(seed)
    assert to_graphml(seed) == expected
    binary, text = io.BytesIO(), io.StringIO()
    cablethread.write_graphml(seed, binary)
    cablethread.write_graphml(seed, text)
    assert binary.getvalue().decode("utf-8") == text.getvalue() == expected


def test_a_release_that_repeats_ids_and_edges_is_written_as_networkx_builds_it(
    seed: cablethread.Release,
) -> None:
    """As networkx builds the graph: a repeated message id is one node where it first stands,
    with the last message's attributes; an edge to an id that is no message adds a bare node; a
    repeated edge keeps its place and takes the last edge's attributes."""
    first, second = seed.messages[0], seed.messages[1]
    again = second.model_copy(update={"id": first.id})
    edges = [
        *seed.edges,
        seed.edges[0].model_copy(update={"evidence": "subject-time", "confidence": 0.25}),
        cablethread.Edge(
            parent_id="m-nowhere", child_id=first.id, evidence="subject-time", confidence=0.5
        ),
    ]
    release = seed.model_copy(update={"messages": [*seed.messages, again], "edges": edges})
    text = to_graphml(release)
    assert text == _reply_graph_graphml(release)
    assert text.count(f'<node id="{first.id}"') == 1
    assert '<node id="m-nowhere"/>' in text
