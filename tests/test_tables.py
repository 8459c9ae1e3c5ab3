"""Tables: message and edge records, CSV files, pandas DataFrames."""

from __future__ import annotations

import csv
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

import cablethread
from cablethread.export.tables import EDGE_COLUMNS, MESSAGE_COLUMNS, to_dataframe, write_csv


def test_one_record_per_message_with_every_column(seed: cablethread.Release) -> None:
    rows = seed.to_records()
    assert len(rows) == 23
    assert all(list(row) == list(MESSAGE_COLUMNS) for row in rows)
    first = rows[0]
    assert first["id"] == seed.messages[0].id
    assert first["sender"] == "NAD"
    assert first["to"] == "BEIJING; NAD; UNHC"
    assert first["sent_local"] == datetime(2019, 7, 11, 11, 25)
    assert first["sent_utc"] == datetime(2019, 7, 10, 23, 25, tzinfo=UTC)
    assert first["thread_key"] == "CHINA XINJIANG UPDATE AND CONSIDERATION OF NEXT STEPS"
    assert (first["parent_id"], first["evidence"], first["confidence"]) == (
        seed.messages[1].id,
        "printed-chain",
        0.95,
    )
    assert first["occurrences"] == 2
    assert first["redactions"] == len(seed.messages[0].redactions)
    assert first["redaction_codes"].startswith("s9(2)(g)(ii) ×")


def test_thread_ids_match_the_threads(seed: cablethread.Release) -> None:
    rows = seed.to_records()
    sizes: dict[str | None, int] = {}
    for row in rows:
        sizes[row["thread_id"]] = sizes.get(row["thread_id"], 0) + 1
    assert [sizes[t.id] for t in seed.threads] == [2, 1, 3, 15, 1, 1]


def test_edge_records(seed: cablethread.Release) -> None:
    rows = seed.edges_records()
    assert len(rows) == 18
    assert all(list(row) == list(EDGE_COLUMNS) for row in rows)
    assert [r["evidence"] for r in rows].count("printed-chain") == 17
    placeholder = [r for r in rows if r["parent_placeholder"]]
    assert [(r["evidence"], r["delay_seconds"]) for r in placeholder] == [("placeholder", None)]


def test_csv_files_read_back(seed: cablethread.Release, tmp_path: Path) -> None:
    messages, edges = write_csv(seed, tmp_path / "tables")
    with messages.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 23 and list(rows[0]) == list(MESSAGE_COLUMNS)
    assert rows[0]["sent_utc"] == "2019-07-10T23:25:00+00:00"
    assert rows[0]["sender_code"] == "NAD"
    assert rows[-1]["to"] == "s9(2)(a); s9(2)(g)(i)"
    with edges.open(encoding="utf-8", newline="") as handle:
        edge_rows = list(csv.DictReader(handle))
    assert [r["parent_placeholder"] for r in edge_rows].count("true") == 1
    assert messages.read_bytes() == write_again(seed, tmp_path / "again")


def write_again(release: cablethread.Release, folder: Path) -> bytes:
    messages, _ = write_csv(release, folder)
    return messages.read_bytes()


def test_csv_with_a_lone_surrogate_is_utf8(tmp_path: Path) -> None:
    release = cablethread.parse('From: NAD\nTo: UNHC\nSubject: RE: A \ud800 <b>, "q"\n')
    messages, _ = write_csv(release, tmp_path)
    with messages.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows[0]["subject"] == 'RE: A \ufffd <b>, "q"'


def test_dataframe(seed: cablethread.Release) -> None:
    pandas = pytest.importorskip("pandas")
    frame = seed.to_dataframe()
    assert frame.shape == (23, len(MESSAGE_COLUMNS))
    assert str(frame["sent_utc"].dt.tz) == "UTC"
    assert frame["sent_utc"].iloc[0] == pandas.Timestamp("2019-07-10 23:25", tz="UTC")
    assert frame.groupby("thread_id").size().sort_values().tolist() == [1, 1, 1, 2, 3, 15]
    edges = seed.to_dataframe("edges")
    assert edges.shape == (18, len(EDGE_COLUMNS))


def test_dataframe_without_pandas_names_the_extra(
    seed: cablethread.Release, monkeypatch: pytest.MonkeyPatch
) -> None:
    # None in sys.modules makes "import pandas" raise ImportError, as when it is not installed.
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"pip install 'cablethread\[pandas\]'"):
        to_dataframe(seed)
    with pytest.raises(ImportError, match="pandas"):
        seed.to_dataframe()
