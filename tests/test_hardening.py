"""Properties over arbitrary and mutated text: parsing never fails, loses or invents lines."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cablethread

DATA = Path(__file__).parent / "data"
SEED_LINES = (DATA / "mfat_xinjiang_oia.txt").read_text(encoding="utf-8").split("\n")

#: Any code point, lone surrogates and control characters included.
ANY_TEXT = st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=600)


@st.composite
def mutated_seed(draw: st.DrawFn) -> str:
    """A slice of the seed release with lines deleted, doubled and characters replaced."""
    start = draw(st.integers(0, len(SEED_LINES) - 1))
    lines = SEED_LINES[start : start + draw(st.integers(1, 160))]
    for _ in range(draw(st.integers(0, 12))):
        index = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "double", "replace", "insert"]))
        if action == "delete" and len(lines) > 1:
            del lines[index]
        elif action == "double":
            lines.insert(index, lines[index])
        elif action == "replace" and lines[index]:
            at = draw(st.integers(0, len(lines[index]) - 1))
            char = draw(st.sampled_from([":", ";", "\x00", "\x0c", "\r", "\ud800", "(", " ", "é"]))
            lines[index] = lines[index][:at] + char + lines[index][at + 1 :]
        elif action == "insert":
            lines.insert(index, draw(st.text(max_size=40)))
    ending = draw(st.sampled_from(["\n", "\r\n"]))
    return ending.join(lines)


def _check(text: str) -> cablethread.Release:
    release = cablethread.parse(text)
    assert release.text == text
    numbers = [n for segment in release.segments for n in segment.span.lines]
    assert numbers == list(range(1, len(numbers) + 1))
    total = len(numbers)
    spans = [o.span for m in release.messages for o in m.occurrences]
    spans += [o.body_span for m in release.messages for o in m.occurrences if o.body_span]
    spans += [r.span for m in release.messages for r in m.redactions]
    spans += [party.span for m in release.messages for party in [*m.to, *m.cc] if party.span]
    spans += [d.span for d in release.diagnostics if d.span is not None]
    spans += [d.related for d in release.diagnostics if d.related is not None]
    for span in spans:
        assert 1 <= span.start <= span.end <= total
    # The parser builds its models without validating them again: what it builds must be what
    # validation accepts unchanged.
    assert cablethread.Release.model_validate(release.model_dump()) == release
    return release


def _strict_raises_only_parse_error(text: str) -> None:
    with contextlib.suppress(cablethread.ParseError):
        cablethread.parse(text, cablethread.Policy(strict=True))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ANY_TEXT)
def test_any_text_parses_losslessly(text: str) -> None:
    _check(text)
    _strict_raises_only_parse_error(text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_seed())
def test_mutated_release_parses_losslessly(text: str) -> None:
    release = _check(text)
    _strict_raises_only_parse_error(text)
    assert json.loads(release.to_json()) == json.loads(cablethread.parse(text).to_json())


@settings(max_examples=100, deadline=None)
@given(ANY_TEXT)
def test_same_input_same_json_for_any_text(text: str) -> None:
    assert cablethread.parse(text).to_json() == cablethread.parse(text).to_json()


@pytest.mark.parametrize("value", [b"From: NAD\n", bytearray(b"x"), 3, None, ["From: NAD"]])
def test_non_text_is_a_type_error(value: object) -> None:
    with pytest.raises(TypeError, match="str"):
        cablethread.parse(value)  # type: ignore[arg-type]
