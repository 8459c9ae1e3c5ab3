"""JSON: exact round trips, the published schema, node-link JSON for d3 and networkx."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

import cablethread
from cablethread._clean import without_surrogates
from cablethread.cli.commands import main
from cablethread.export.json_export import node_link_data
from cablethread.export.schema import schema_json

DOCS = Path(__file__).parent.parent / "docs"
HOSTILE = "RE: A\x0cB\x00C & D < E ]]> F \ud800 G"


def test_seed_round_trips_exactly(seed: cablethread.Release) -> None:
    text = seed.to_json()
    back = cablethread.Release.model_validate_json(text)
    assert back == seed
    assert back.to_json() == text
    assert back.messages[0].sent_utc == seed.messages[0].sent_utc
    assert back.messages[0].sent_local is not None and back.messages[0].sent_local.tzinfo is None


def test_same_input_same_json(seed: cablethread.Release, seed_text: str) -> None:
    again = cablethread.parse(seed_text, source="mfat_xinjiang_oia.txt")
    assert again.to_json() == seed.to_json()


def test_hostile_subject_gives_valid_json(seed: cablethread.Release) -> None:
    message = seed.messages[0]
    assert message.subject is not None
    subject = message.subject.model_copy(update={"text": HOSTILE, "raw": HOSTILE})
    release = seed.model_copy(
        update={"messages": [message.model_copy(update={"subject": subject}), *seed.messages[1:]]}
    )
    text = release.to_json()
    text.encode("utf-8")  # no unpaired surrogate left
    assert json.loads(text)["messages"][0]["subject"]["text"] == without_surrogates(HOSTILE)
    back = cablethread.Release.model_validate_json(text)
    assert back.messages[0].subject is not None
    # Control characters, "&", "<" and "]]>" survive exactly; only the lone surrogate is replaced.
    assert back.messages[0].subject.text == "RE: A\x0cB\x00C & D < E ]]> F \ufffd G"
    assert back.messages[1:] == seed.messages[1:]


def test_hostile_text_through_the_parser_gives_valid_json() -> None:
    release = cablethread.parse(
        "From: NAD\nSent: Thursday, 11 July 2019 11:25 AM\nTo: BEIJING\n"
        "Subject: RE: A \x0c B \x00 C & D < E ]]> F \ud800 G\n\nbody \x00\n"
    )
    back = cablethread.Release.model_validate_json(release.to_json())
    assert back.segments[-1].text.endswith("body \x00\n")
    assert "\ufffd" in back.text and "\x00" in back.text


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.characters(exclude_categories=()), max_size=40))
def test_any_text_gives_json_that_reads_back(text: str) -> None:
    release = cablethread.parse("From: NAD\nTo: UNHC\nSubject: " + text + "\n")
    back = cablethread.Release.model_validate_json(release.to_json())
    assert back.text == without_surrogates(release.text)


def test_schema_command_prints_the_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    printed = capsys.readouterr().out
    assert printed == schema_json()
    schema = json.loads(printed)
    assert schema["title"] == "Release"
    assert {"messages", "segments", "diagnostics", "edges", "threads"} <= set(schema["properties"])


def test_docs_copy_of_the_schema_is_current() -> None:
    published = (DOCS / "schema.json").read_text(encoding="utf-8")
    assert published == schema_json(), "run: python -m cablethread schema > docs/schema.json"


def test_seed_json_satisfies_the_schema_shape(seed: cablethread.Release) -> None:
    schema = json.loads(schema_json())
    document = json.loads(seed.to_json())
    assert set(document) <= set(schema["properties"])
    assert set(schema["required"]) <= set(document)
    message = schema["$defs"]["Message"]
    assert set(document["messages"][0]) == set(message["properties"])


def test_node_link_json_reads_back_into_networkx(seed: cablethread.Release) -> None:
    data = json.loads(json.dumps(seed.to_node_link()))
    graph = nx.node_link_graph(data, edges="edges")
    assert graph.is_directed()
    assert (graph.number_of_nodes(), graph.number_of_edges()) == (24, 18)
    first = graph.nodes[seed.messages[0].id]
    assert first["sent_utc"] == "2019-07-10T23:25:00+00:00"
    assert first["to"] == ["BEIJING", "NAD", "UNHC"]
    placeholder = graph.nodes[seed.placeholders[0].id]
    assert placeholder["placeholder"] is True and placeholder["sender"] is None


def test_party_node_link(seed: cablethread.Release) -> None:
    data = node_link_data(seed, graph="party")
    assert data["graph"]["graph"] == "party"
    assert all({"source", "target", "weight", "to", "cc", "bcc"} <= set(e) for e in data["edges"])


def test_writers_take_paths(seed: cablethread.Release, tmp_path: Path) -> None:
    cablethread.write_json(seed, tmp_path / "release.json")
    cablethread.write_node_link(seed, tmp_path / "graph.json")
    back = cablethread.Release.model_validate_json((tmp_path / "release.json").read_bytes())
    assert back == seed
    assert len(json.loads((tmp_path / "graph.json").read_text("utf-8"))["nodes"]) == 24


def test_span_refuses_lines_out_of_order_or_before_line_one() -> None:
    with pytest.raises(ValueError, match="before its start"):
        cablethread.Span(start=5, end=4)
    with pytest.raises(ValueError, match="before line 1"):
        cablethread.Span(start=0, end=4)
    with pytest.raises(TypeError, match="whole numbers"):
        cablethread.Span(start="2", end=4)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="whole numbers"):
        cablethread.Span(start=True, end=4)


def test_span_in_json_is_validated_like_a_model(seed: cablethread.Release) -> None:
    data = json.loads(seed.to_json())
    data["segments"][0]["span"] = {"start": 3, "end": 2}
    with pytest.raises(ValidationError, match="before its start"):
        cablethread.Release.model_validate(data)
    data["segments"][0]["span"] = {"start": 0, "end": 2}
    with pytest.raises(ValidationError, match="greater than or equal to 1"):
        cablethread.Release.model_validate(data)
    data["segments"][0]["span"] = {"start": 1, "end": 2, "page": 1}
    with pytest.raises(ValidationError):
        cablethread.Release.model_validate(data)
    data["segments"][0]["span"] = {"start": "1", "end": 2}
    assert cablethread.Release.model_validate(data).segments[0].span == cablethread.Span(
        start=1, end=2
    )


def test_span_is_a_frozen_hashable_value() -> None:
    span = cablethread.Span(start=781, end=788)
    assert span == cablethread.Span(start=781, end=788)
    assert len({span, cablethread.Span(start=781, end=788)}) == 1
    assert repr(span) == "Span(start=781, end=788)"
    with pytest.raises(AttributeError):
        span.start = 1  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(span)) == span
    assert span.cover(cablethread.Span(start=2, end=3)) == cablethread.Span(start=2, end=788)


@pytest.mark.parametrize("kind", ["reply", "party"])
def test_node_link_is_written_a_node_at_a_time_as_the_whole_document(
    tmp_path: Path, kind: str
) -> None:
    import io

    import networkx as nx

    from cablethread.export.json_export import node_link_json, write_node_link

    release = cablethread.parse_file("examples/mfat_xinjiang_oia.txt")
    odd = nx.DiGraph(name="a\nb", empty={}, nothing=[])
    odd.add_node("x\ny", label="line\nend ü", tags=[], more={"k": [1, {"z": None}]})
    odd.add_edge("x\ny", 3, weight=0.5, when=None)
    for subject in (release, nx.DiGraph(), nx.Graph([(1, 2)]), odd):
        expected = (node_link_json(subject, graph=kind) + "\n").encode("utf-8")  # type: ignore[arg-type]
        write_node_link(subject, tmp_path / "graph.json", graph=kind)  # type: ignore[arg-type]
        assert (tmp_path / "graph.json").read_bytes() == expected
        buffer = io.BytesIO()
        write_node_link(subject, buffer, graph=kind)  # type: ignore[arg-type]
        assert buffer.getvalue() == expected


def test_a_release_that_repeats_ids_and_edges_is_written_as_networkx_builds_its_node_link(
    seed: cablethread.Release, tmp_path: Path
) -> None:
    """write_node_link reads a release's reply graph from the release, not from a networkx
    graph: a repeated message id is one node where it first stands with the last message's
    attributes, an edge to an id that is no message adds a bare node, a repeated edge keeps its
    place with the last edge's attributes, as in node_link_json (made from the graph)."""
    from cablethread.export.json_export import node_link_json, write_node_link

    first, second = seed.messages[0], seed.messages[1]
    edges = [
        *seed.edges,
        seed.edges[0].model_copy(update={"evidence": "subject-time", "confidence": 0.25}),
        cablethread.Edge(
            parent_id="m-nowhere", child_id=first.id, evidence="subject-time", confidence=0.5
        ),
    ]
    release = seed.model_copy(
        update={
            "messages": [*seed.messages, second.model_copy(update={"id": first.id})],
            "edges": edges,
        }
    )
    write_node_link(release, tmp_path / "graph.json")
    written = (tmp_path / "graph.json").read_text(encoding="utf-8")
    assert written == node_link_json(release) + "\n"
    nodes = json.loads(written)["nodes"]
    assert [node["id"] for node in nodes].count(first.id) == 1
    assert nodes[-1] == {"id": "m-nowhere"}
