"""What the parser remembers of a document's printed values: within one read, each value is read
once however often it is printed; nothing is remembered from one read to the next."""

from __future__ import annotations

import pytest

import cablethread
import cablethread.fields.dates as dates
from cablethread.models import holding, per_read

CHAIN = (
    "From: NAD\nSent: Thursday, 11 July 2019 11:25 AM\nTo: BEIJING\nSubject: Letter\n\n"
    "Thanks.\n\n"
    "From: BEIJING\nSent: Wednesday, 10 July 2019 09:00 AM\nTo: NAD\nSubject: Letter\n\n"
    "Please see the letter.\n\n"
)


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts ``dates._read`` is asked to read, from now on."""
    asked: list[str] = []
    read = dates._read

    def counted(raw: str, text: str, dayfirst: bool, order: tuple[str, ...]) -> object:
        asked.append(text)
        return read(raw, text, dayfirst, order)

    monkeypatch.setattr(dates, "_read", counted)
    return asked


def test_a_send_time_printed_again_is_read_once_in_a_document(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked = _counting(monkeypatch)
    # The chain printed three times, as a release prints a message in each reply that quotes it.
    release = cablethread.parse(CHAIN * 3)
    assert len(release.messages) == 2
    assert sorted(asked) == [
        "Thursday, 11 July 2019 11:25 AM",
        "Wednesday, 10 July 2019 09:00 AM",
    ]


def test_nothing_read_is_remembered_from_one_parse_to_the_next(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked = _counting(monkeypatch)
    first = cablethread.parse(CHAIN)
    once = len(asked)
    second = cablethread.parse(CHAIN)
    # The second parse of the same text does the same work: no reading outlives its document.
    assert len(asked) == 2 * once == 4
    assert first.model_dump_json() == second.model_dump_json()


def test_per_read_calls_through_outside_a_read_and_caches_inside_one() -> None:
    calls: list[int] = []

    @per_read(maxsize=2)
    def double(value: int) -> int:
        calls.append(value)
        return 2 * value

    assert [double(3), double(3)] == [6, 6]
    assert calls == [3, 3]  # outside any read: every call is made
    with holding():
        assert [double(3), double(3), double(4)] == [6, 6, 8]
    assert calls == [3, 3, 3, 4]
    with holding():  # a new read remembers nothing of the last
        assert double(3) == 6
    assert calls == [3, 3, 3, 4, 3]
