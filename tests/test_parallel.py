"""parse_many on a process pool and on a Dask cluster gives what a serial run gives."""

from __future__ import annotations

import importlib.util
import pickle
import sys
from concurrent.futures import ProcessPoolExecutor
from itertools import pairwise
from pathlib import Path

import networkx as nx
import pytest

import cablethread

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory, seed_text: str) -> list[Path]:
    """The seed release cut into four files at header blocks, as an archive of releases."""
    folder = tmp_path_factory.mktemp("archive")
    lines = seed_text.splitlines(keepends=True)
    cuts = [0]
    for quarter in (1, 2, 3):
        at = len(lines) * quarter // 4
        while not lines[at].startswith("From:"):
            at += 1
        cuts.append(at)
    cuts.append(len(lines))
    paths = []
    for index, (start, end) in enumerate(pairwise(cuts)):
        path = folder / f"part-{index}.txt"
        path.write_text("".join(lines[start:end]), encoding="utf-8")
        paths.append(path)
    return paths


def _same(one: cablethread.Release, other: cablethread.Release) -> None:
    assert one.to_json() == other.to_json()
    assert nx.utils.graphs_equal(one.graph(), other.graph())


def test_process_pool_matches_serial(archive: list[Path]) -> None:
    serial = cablethread.parse_many(archive)
    assert len(serial.messages) > 10 and serial.edges
    with ProcessPoolExecutor(max_workers=2) as pool:
        pooled = cablethread.parse_many(archive, executor=pool)
    _same(serial, pooled)


@pytest.mark.timeout(240)
def test_dask_cluster_matches_serial(archive: list[Path]) -> None:
    pytest.importorskip("distributed")
    spec = importlib.util.spec_from_file_location("dask_archive", EXAMPLES / "dask_archive.py")
    assert spec is not None and spec.loader is not None
    example = importlib.util.module_from_spec(spec)
    sys.modules["dask_archive"] = example
    spec.loader.exec_module(example)
    distributed_release = example.parse_archive(archive, workers=2, processes=False)
    _same(cablethread.parse_many(archive), distributed_release)


def test_a_release_pickles_to_an_equal_release(seed_text: str) -> None:
    # What a worker hands back is pickled; models come back unvalidated.
    release = cablethread.parse(seed_text)
    back = pickle.loads(pickle.dumps(release, protocol=pickle.HIGHEST_PROTOCOL))
    assert back == release
    assert back.to_json() == release.to_json()
    assert cablethread.Release.model_validate(back.model_dump()) == back


def test_a_document_as_a_worker_hands_it_back_makes_the_same_release(seed_text: str) -> None:
    # A printing after the first of its id comes back without its header block, recipients,
    # codes and attachments; the messages take them from their first printing.
    from cablethread.messages.document import read_document
    from cablethread.messages.merge import assemble

    policy = cablethread.Policy.default
    whole = assemble([read_document(seed_text, "seed.txt", policy)], policy)
    handed = read_document(seed_text, "seed.txt", policy).handed()
    light = [p for p in handed.printings if p.header is None]
    assert light and all(not (p.to or p.cc or p.redactions) for p in light)
    assert handed.collations
    back = pickle.loads(pickle.dumps(handed, protocol=pickle.HIGHEST_PROTOCOL))
    assert assemble([back], policy).to_json() == whole.to_json()
