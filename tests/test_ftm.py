"""FollowTheMoney export: every entity valid by the library, stable ids, the replies as edges."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections import Counter, defaultdict
from hashlib import sha1
from pathlib import Path

import networkx as nx
import pytest
from followthemoney import EntityProxy, model
from followthemoney.types import registry

import cablethread
from cablethread.cli.commands import main
from cablethread.export.ftm import ftm_entities
from cablethread.export.mbox import message_id_header

DATA = Path(__file__).parent / "data"
CLINTON_DOCUMENT = DATA / "clinton_C05769379.txt"
#: A Clinton chain with a parent that was not released and OCR-damaged names that resolve to
#: nothing (``'Scott_W._Busbyl``).
CLINTON_SAMPLE = DATA / "clinton" / "wrapped_to_cc_across_page_break_C05779851.txt"


def _read(path: Path) -> list[EntityProxy]:
    lines = path.read_text(encoding="utf-8").splitlines()
    # Read back as an untrusted source: the library cleans every value again.
    return [model.get_proxy(json.loads(line), cleaned=False) for line in lines]


@pytest.fixture(scope="module")
def clinton_document() -> cablethread.Release:
    return cablethread.parse_file(CLINTON_DOCUMENT)


@pytest.fixture(scope="module")
def clinton_sample() -> cablethread.Release:
    return cablethread.parse_file(CLINTON_SAMPLE)


@pytest.fixture(scope="module")
def seed_ftm(tmp_path_factory: pytest.TempPathFactory, seed: cablethread.Release) -> Path:
    path = tmp_path_factory.mktemp("ftm") / "seed.ftm"
    assert cablethread.write_ftm(seed, path) == 64
    return path


def _releases(
    seed: cablethread.Release,
    clinton_document: cablethread.Release,
    clinton_sample: cablethread.Release,
) -> dict[str, cablethread.Release]:
    return {"seed": seed, "clinton-document": clinton_document, "clinton-sample": clinton_sample}


@pytest.fixture(params=["seed", "clinton-document", "clinton-sample"])
def release(
    request: pytest.FixtureRequest,
    seed: cablethread.Release,
    clinton_document: cablethread.Release,
    clinton_sample: cablethread.Release,
) -> cablethread.Release:
    return _releases(seed, clinton_document, clinton_sample)[request.param]


def test_every_entity_is_valid_by_the_library(release: cablethread.Release) -> None:
    entities = ftm_entities(release)
    by_id = {entity.id: entity for entity in entities}
    assert len(by_id) == len(entities)  # no id twice
    for entity in entities:
        data = entity.to_dict()
        assert not entity.schema.abstract
        assert entity.id is not None and registry.entity.validate(entity.id)
        # The schema's own check: every value valid for its type and within its length.
        assert entity.schema.validate(data) is None
        for name in entity.schema.required:
            assert entity.get(name), (entity.schema.name, name)
        # Cleaned again as untrusted input, nothing changes.
        assert model.get_proxy(data, cleaned=False).to_dict() == data
        # Every reference names an entity of the stream, of the schema the property allows.
        for prop, value in entity.itervalues():
            if prop.type == registry.entity:
                assert prop.range is not None and by_id[value].schema.is_a(prop.range), (
                    entity.schema.name,
                    prop.name,
                    by_id[value].schema.name,
                )


def test_entity_counts_by_schema(
    seed: cablethread.Release,
    clinton_document: cablethread.Release,
    clinton_sample: cablethread.Release,
) -> None:
    counts = {
        name: dict(Counter(entity.schema.name for entity in ftm_entities(release)))
        for name, release in _releases(seed, clinton_document, clinton_sample).items()
    }
    assert counts == {
        # 23 messages and one parent not released; the plain-text seed has no form feeds.
        "seed": {"Pages": 1, "PublicBody": 24, "LegalEntity": 10, "Person": 5, "Email": 24},
        # Five printed pages; every party a person.
        "clinton-document": {"Pages": 1, "Page": 5, "Person": 4, "Email": 9},
        "clinton-sample": {"Pages": 1, "Page": 7, "Person": 54, "Email": 16, "Mention": 30},
    }


def test_the_counts_on_the_interop_page_are_the_seeds(seed: cablethread.Release) -> None:
    page = (Path(__file__).parent.parent / "docs" / "interop.md").read_text(encoding="utf-8")
    shown = {name: int(count) for name, count in re.findall(r"^\| `(\w+)` \| (\d+) \|", page, re.M)}
    counts = Counter(entity.schema.name for entity in ftm_entities(seed))
    assert shown == {name: counts[name] for name in shown}
    assert set(counts) <= set(shown)


def test_one_pages_per_input_of_parse_many() -> None:
    release = cablethread.parse_many([DATA / "mfat_xinjiang_oia.txt", CLINTON_DOCUMENT])
    entities = ftm_entities(release)
    pages = {e.id: e.first("fileName") for e in entities if e.schema.name == "Pages"}
    assert sorted(pages.values()) == ["clinton_C05769379.txt", "mfat_xinjiang_oia.txt"]
    sources = {message_id_header(m.id): m.occurrences[0].source for m in release.messages}
    for email in (e for e in entities if e.schema.name == "Email"):
        if email.first("messageId") in sources:
            source = sources[email.first("messageId")]
            assert source is not None
            assert pages[email.first("proof")] == Path(source).name


def test_one_email_per_message_and_placeholder(release: cablethread.Release) -> None:
    emails = [e for e in ftm_entities(release) if e.schema.name == "Email"]
    assert sorted(e.first("messageId") for e in emails) == sorted(
        message_id_header(m.id) for m in [*release.messages, *release.placeholders]
    )
    placeholders = {message_id_header(m.id) for m in release.placeholders}
    for email in emails:
        if email.first("messageId") in placeholders:
            assert email.get("keywords") == ["not released"]
            assert email.get("notes")[0].startswith("Not released:")
            assert not email.get("bodyText") and not email.get("from")


def test_reply_edges_are_in_reply_to(release: cablethread.Release) -> None:
    emails = [e for e in ftm_entities(release) if e.schema.name == "Email"]
    message_of = {e.id: e.first("messageId") for e in emails}
    by_email = {
        (message_of[e.get("inReplyToEmail")[0]], e.first("messageId"))
        for e in emails
        if e.get("inReplyToEmail")
    }
    by_header = {(e.first("inReplyTo"), e.first("messageId")) for e in emails if e.get("inReplyTo")}
    expected = {
        (message_id_header(e.parent_id), message_id_header(e.child_id)) for e in release.edges
    }
    assert by_email == by_header == expected
    assert len(expected) == len(release.edges) > 0


def test_email_fields_of_the_seed(seed: cablethread.Release) -> None:
    entities = ftm_entities(seed)
    by_id = {e.id: e for e in entities}
    first = next(
        e
        for e in entities
        if e.schema.name == "Email" and e.first("messageId") == message_id_header("m-ebe89fddf502")
    )
    assert first.get("subject") == [
        "RE: FORMAL MESSAGE: CHINA: XINJIANG: UPDATE AND CONSIDERATION OF NEXT STEPS"
    ]
    assert first.get("threadTopic") == ["CHINA XINJIANG UPDATE AND CONSIDERATION OF NEXT STEPS"]
    # Thursday, 11 July 2019 11:25 AM in Wellington; the library keeps dates in UTC.
    assert first.get("date") == ["2019-07-10T23:25:00"]
    assert first.get("from") == ["NAD"]
    assert first.get("to") == ["BEIJING", "NAD", "UNHC"]
    assert len(first.get("cc")) == 29 and "FM.P/S MFA (Seemail)" in first.get("cc")
    assert [by_id[i].get("name") for i in first.get("emitters")] == [["North Asia Division"]]
    recipients = {by_id[i].schema.name for i in first.get("recipients")}
    assert recipients == {"PublicBody", "LegalEntity"}
    assert first.first("bodyText").startswith("HANDLING\n")
    assert "Released under the Official Information Act" not in first.first("bodyText")
    notes = first.get("notes")
    assert any(
        note.startswith("s6(a): withheld under OIA s6(a) (would prejudice") for note in notes
    )
    (pages,) = (by_id[i] for i in first.get("proof"))
    assert pages.schema.name == "Pages" and pages.get("fileName") == ["mfat_xinjiang_oia.txt"]


def test_headers_hold_the_printed_block(release: cablethread.Release) -> None:
    emails = {e.first("messageId"): e for e in ftm_entities(release) if e.schema.name == "Email"}
    for message in release.messages:
        assert message.header is not None
        values: dict[tuple[int, str], str] = defaultdict(str)
        for raw in emails[message_id_header(message.id)].get("headers"):
            piece = json.loads(raw)
            values[(piece["line"], piece["label"])] += piece["value"]
        assert values == {(f.span.start, f.label): f.value for f in message.header.fields}


def test_parties_people_bodies_and_mentions(
    seed: cablethread.Release, clinton_sample: cablethread.Release
) -> None:
    entities = ftm_entities(seed)
    people = {e.first("name"): e for e in entities if e.schema.name == "Person"}
    assert people["GEELS, Deborah"].get("alias") == ["GEELS, Deborah (NAD)"]
    bodies = {e.first("abbreviation"): e for e in entities if e.schema.name == "PublicBody"}
    assert bodies["NAD"].get("name") == ["North Asia Division"]
    assert bodies["BEIJING"].get("name") == ["New Zealand Embassy, Beijing"]
    assert {"post", "division", "office"} <= {
        b.first("description").split()[0] for b in bodies.values()
    }
    lists = {e.first("abbreviation") for e in entities if e.schema.name == "LegalEntity"}
    assert {"...CHINA POSTS", "FM.P/S MFA"} <= lists
    # Withheld parties (s9(2)(a)) have no name to give: no entity, only their printed code.
    assert not any(e.schema.name == "Mention" for e in entities)

    # Printed names that resolve to nothing, OCR damage included, are mentions in their email.
    entities = ftm_entities(clinton_sample)
    messages = {message_id_header(m.id): m for m in clinton_sample.messages}
    email_of = {
        e.id: messages.get(e.first("messageId")) for e in entities if e.schema.name == "Email"
    }
    mentions = [e for e in entities if e.schema.name == "Mention"]
    expected = set()
    for message in clinton_sample.messages:
        parties = [message.sender] if message.sender else []
        for party in [*parties, *message.to, *message.cc, *message.bcc]:
            if party.kind == "unknown":
                expected.add((message.id, registry.name.clean(party.name or party.raw)))
    found = set()
    for mention in mentions:
        message = email_of[mention.first("document")]
        assert message is not None
        found.add((message.id, mention.first("name")))
    assert found == expected and len(mentions) == 30
    assert "'Scott_W._Busbyl" in {name for _, name in found}


def test_pages_of_a_printed_release(clinton_document: cablethread.Release) -> None:
    entities = ftm_entities(clinton_document)
    (pages,) = (e for e in entities if e.schema.name == "Pages")
    page_entities = [e for e in entities if e.schema.name == "Page"]
    assert [p.first("index") for p in page_entities] == ["1", "2", "3", "4", "5"]
    assert all(p.get("document") == [pages.id] for p in page_entities)
    text = CLINTON_DOCUMENT.read_text(encoding="utf-8")
    assert " ".join(p.first("bodyText") or "" for p in page_entities).split() == text.split()
    assert pages.get("fileName") == ["clinton_C05769379.txt"]
    assert pages.get("contentHash") == [sha1(clinton_document.text.encode("utf-8")).hexdigest()]


def test_ids_and_bytes_stable_across_runs(tmp_path: Path) -> None:
    source = DATA / "mfat_xinjiang_oia.txt"
    here = tmp_path / "here.ftm"
    cablethread.write_ftm(cablethread.parse_file(source), here)
    # Another interpreter, another hash seed, through the command: the same bytes.
    there = tmp_path / "there.ftm"
    done = subprocess.run(
        [sys.executable, "-m", "cablethread", "parse", "--ftm", str(there), str(source)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONHASHSEED": "12345"},
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert there.read_bytes() == here.read_bytes()
    # The ids do not depend on the folder the input was read from.
    ids = [e.id for e in _read(here)]
    assert ids == [e.id for e in ftm_entities(cablethread.parse_file(source.resolve()))]
    assert len(set(ids)) == len(ids) == 64


def test_cli_writes_the_stream(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "release.ftm"
    assert main(["parse", "--ftm", str(out), str(CLINTON_DOCUMENT)]) == 0
    assert len(_read(out)) == 19
    assert "9 messages" in capsys.readouterr().err


def test_without_the_library_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "followthemoney", None)
    release = cablethread.parse("From: NAD\nSent: 4 July 2019 5:26 AM\nTo: UNHC\nSubject: X\n")
    with pytest.raises(cablethread.FtmSupportMissing, match=r"cablethread\[ftm\]"):
        cablethread.write_ftm(release, tmp_path / "x.ftm")
    assert main(["parse", "--ftm", str(tmp_path / "x.ftm"), str(CLINTON_DOCUMENT)]) == 2
    assert "pip install 'cablethread[ftm]'" in capsys.readouterr().err


def _ftm_command() -> Path:
    command = Path(sys.executable).parent / "ftm"
    assert command.is_file(), "the followthemoney package installs the ftm command"
    return command


@pytest.mark.parametrize("which", ["seed", "clinton-sample"])
def test_gexf_from_the_ftm_command_has_the_reply_edges(
    which: str,
    tmp_path: Path,
    seed: cablethread.Release,
    clinton_document: cablethread.Release,
    clinton_sample: cablethread.Release,
) -> None:
    release = _releases(seed, clinton_document, clinton_sample)[which]
    stream = tmp_path / "release.ftm"
    gexf = tmp_path / "release.gexf"
    cablethread.write_ftm(release, stream)
    done = subprocess.run(
        [str(_ftm_command()), "export-gexf", "-i", str(stream), "-o", str(gexf)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    graph = nx.read_gexf(gexf)
    message_of = {node: data.get("messageId") for node, data in graph.nodes(data=True)}
    replies = {
        (message_of[target], message_of[source])
        for source, target, data in graph.edges(data=True)
        if data.get("schema") == "inReplyToEmail"
    }
    assert replies == {
        (message_id_header(e.parent_id), message_id_header(e.child_id)) for e in release.edges
    }
    # The people and bodies are nodes too, linked to the emails they sent.
    schemas = Counter(data["schema"] for _, data in graph.nodes(data=True))
    assert schemas["Email"] == len(release.messages) + len(release.placeholders)
    assert any(data.get("schema") == "emitters" for _, _, data in graph.edges(data=True))
