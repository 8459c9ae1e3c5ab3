"""A release holds each input's text once: its segments are cut from it when read.

A segment the parser makes holds the input's text and where its lines stand in it; one made
from values (validated JSON, a copy with a new text) holds its text. Both must behave alike in
everything a user does with a segment: read, compare, hash, copy, pickle and write it.
"""

from __future__ import annotations

import copy
import gc
import pickle
from typing import Any

import pytest
from traced import traced

import cablethread
from cablethread import Release, Segment


def _validated(segment: Segment) -> Segment:
    """The same segment, holding its text (as read back from JSON)."""
    return Segment.model_validate_json(segment.model_dump_json())


def test_the_seed_segments_are_cut_from_one_text(seed: Release, seed_text: str) -> None:
    assert seed.text == seed_text
    for segment in seed.segments:
        held = _validated(segment)
        assert "text" in held.__dict__ and "text" not in segment.__dict__
        assert segment.text == held.text
        assert segment == held and held == segment
        assert hash(segment) == hash(held)
        assert repr(segment) == repr(held)
        assert segment.model_dump_json() == held.model_dump_json()
        assert segment.model_dump() == held.model_dump()


@pytest.mark.parametrize(
    "options",
    [
        {"include": {"text"}},
        {"include": {"kind", "text"}},
        {"include": {"kind"}},
        {"exclude": {"text"}},
        {"exclude": {"text": True}},
        {"exclude": {"span": True}},
        {"exclude_none": True},
        {"exclude_unset": True},
        {"exclude_defaults": True},
        {"mode": "json"},
    ],
    ids=repr,
)
def test_a_cut_segment_is_written_as_one_that_holds_its_text(
    seed: Release, options: dict[str, Any]
) -> None:
    for segment in seed.segments[:12]:
        assert segment.model_dump(**options) == _validated(segment).model_dump(**options)


def test_the_release_json_lists_each_segments_text_in_its_place(seed: Release) -> None:
    written = seed.model_dump_json()
    assert written == Release.model_validate_json(written).model_dump_json()
    first = seed.segments[0]
    assert list(first.model_dump()) == ["kind", "span", "text", "source", "message_id"]
    left_out = seed.model_dump(exclude={"segments": {"__all__": {"text": True}}})
    assert all("text" not in segment for segment in left_out["segments"])


def test_a_cut_segment_survives_pickling_and_copying(seed: Release) -> None:
    segments = pickle.loads(pickle.dumps(seed.segments))
    assert segments == seed.segments
    # Pickled together, the segments still share one text.
    assert len({id(segment._cut()[0]) for segment in segments if segment._cut()}) == 1
    for segment in seed.segments[:20]:
        for made in (copy.copy(segment), copy.deepcopy(segment), segment.model_copy()):
            assert made == segment
            assert made.text == segment.text
        changed = segment.model_copy(update={"text": "other\n"})
        assert changed.text == "other\n"
        assert changed.model_dump()["text"] == "other\n"


def test_replacing_a_field_of_a_cut_segment_keeps_its_text_and_field_order(
    seed: Release,
) -> None:
    from cablethread.models import replaced

    segment = seed.segments[1]
    moved = replaced(segment, message_id="m-000000000000")
    assert moved.text == segment.text
    assert moved.message_id == "m-000000000000"
    retexted = replaced(segment, text="new text\n")
    assert retexted.text == "new text\n"
    assert list(retexted.model_dump()) == ["kind", "span", "text", "source", "message_id"]
    assert retexted.model_dump_json() == _validated(retexted).model_dump_json()


def test_a_release_holds_its_text_once(seed_text: str) -> None:
    """The release of a text its caller keeps holds no second copy of it: less memory than the
    release's own models and the text again (5.4 times the text before segments were cut from
    the input; 4.0 after)."""
    text = "\n".join(seed_text.replace("2019", str(2000 + n)) for n in range(10))
    cablethread.parse(seed_text)
    gc.collect()
    release, held, _ = traced(lambda: cablethread.parse(text))
    assert len(release.messages) > 200
    assert held / len(text) < 4.7


def test_the_schema_of_what_is_written_is_that_of_the_fields() -> None:
    written = Release.model_json_schema(mode="serialization")["$defs"]["Segment"]
    assert written == Release.model_json_schema()["$defs"]["Segment"]
    assert list(written["properties"]) == ["kind", "span", "text", "source", "message_id"]
