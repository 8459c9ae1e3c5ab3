"""The stage timings a caller can ask of a parse (``cablethread.stages``)."""

from __future__ import annotations

from pathlib import Path

import cablethread
from cablethread.stages import STAGES, Laps, timed

SEED = Path(__file__).parent.parent / "examples" / "mfat_xinjiang_oia.txt"


def test_a_parse_inside_timed_reports_every_stage_in_order() -> None:
    text = SEED.read_text(encoding="utf-8")
    with timed() as timings:
        release = cablethread.parse(text)
    assert release.messages
    assert list(timings.seconds) == list(STAGES)
    assert all(seconds >= 0 for seconds in timings.seconds.values())


def test_stages_add_up_over_parses_and_stop_with_the_block() -> None:
    text = SEED.read_text(encoding="utf-8")
    with timed() as once:
        cablethread.parse(text)
    with timed() as twice:
        cablethread.parse(text)
        cablethread.parse(text)
    cablethread.parse(text)  # outside any block: counted nowhere
    assert twice.total > 0 and once.total > 0
    assert set(twice.seconds) == set(once.seconds)


def test_laps_outside_timed_record_nothing() -> None:
    laps = Laps()
    laps.lap("scan")
    with timed() as timings:
        pass
    assert timings.seconds == {}
