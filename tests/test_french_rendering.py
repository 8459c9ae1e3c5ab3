"""A French rendering of the seed release parses to the same messages and threads as the original.

``tests/data/mfat_xinjiang_oia.fr.txt`` is the seed as French Outlook would print its headers
(``De :`` / ``Envoyé : jeudi 11 juillet 2019 11:25`` / ``À :`` / ``Cc :`` / ``Objet : RE : …``),
made by ``tests/data/make_french_rendering.py``; see ``tests/data/PROVENANCE.md``.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

import cablethread

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def french() -> cablethread.Release:
    return cablethread.parse_file(DATA / "mfat_xinjiang_oia.fr.txt")


def test_the_rendering_is_current() -> None:
    script = DATA / "make_french_rendering.py"
    done = subprocess.run([sys.executable, str(script), "--check"], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout


def test_every_header_is_french(french: cablethread.Release) -> None:
    labels = {f.label for m in french.messages if m.header for f in m.header.fields}
    # ``Security Classification:`` is the ministry's own field, printed in English.
    assert labels == {"De", "Envoyé", "À", "Cc", "Objet", "Security Classification"}
    assert {m.header.language for m in french.messages if m.header} == {"fr"}
    first = french.messages[0]
    assert first.sent_raw == "jeudi 11 juillet 2019 11:25"
    assert first.sent_local == datetime(2019, 7, 11, 11, 25)


def test_same_messages_as_the_english_original(
    seed: cablethread.Release, french: cablethread.Release
) -> None:
    def printed(release: cablethread.Release) -> list[tuple[object, ...]]:
        return [
            (
                m.id,
                m.sender.raw if m.sender else None,
                [p.raw for p in m.to],
                [p.raw for p in m.cc],
                m.sent_local,
                m.sent_utc,
                m.subject.thread_key if m.subject else None,
                m.subject.prefix_kinds if m.subject else None,
                [(o.span, o.body_span) for o in m.occurrences],
            )
            for m in release.messages
        ]

    assert len(french.messages) == 23
    assert printed(french) == printed(seed)


def test_same_threads_as_the_english_original(
    seed: cablethread.Release, french: cablethread.Release
) -> None:
    assert [(e.parent_id, e.child_id, e.evidence) for e in french.edges] == [
        (e.parent_id, e.child_id, e.evidence) for e in seed.edges
    ]
    assert [(t.root_id, t.message_ids) for t in french.threads] == [
        (t.root_id, t.message_ids) for t in seed.threads
    ]
