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


def _module_caches() -> dict[str, object]:
    """Every cached function of the package's modules, by ``module.name``."""
    import importlib
    import pkgutil

    found: dict[str, object] = {}
    for info in pkgutil.walk_packages(cablethread.__path__, "cablethread."):
        if info.name.endswith("__main__"):
            continue
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if hasattr(value, "cache_info"):
                found[f"{info.name}.{name}"] = value
    return found


def _release_of(day: int, code: str, name: str) -> str:
    """A text of four messages: an Outlook chain, a withholding code, an RFC 5322 block and an
    ``On … wrote:`` attribution, its values made from ``day``, ``code`` and ``name``."""
    return (
        CHAIN.replace("11 July", f"{day} July").replace("Letter", f"Visit {code}")
        + f"From: {name} <{name.split()[0].lower()}@example.org>\n"
        f"Date: Mon, {day} Aug 2019 10:00:00 +1200\nTo: NAD\nSubject: RE: Visit\n\n"
        f"On Mon, Aug {day}, 2019 at 9:00 AM, NAD wrote:\n> Text.\n"
    )


def test_no_module_cache_grows_with_what_is_parsed() -> None:
    caches = _module_caches()
    # The package's tables and expressions, made once, by a text of the same layouts.
    assert len(cablethread.parse(_release_of(5, "s6(a)", "Jane Doe")).messages) == 4
    sizes = {name: cache.cache_info().currsize for name, cache in caches.items()}  # type: ignore[attr-defined]
    assert len(cablethread.parse(_release_of(12, "s9(2)(a)", "John Roe")).messages) == 4
    grown = {
        name: (sizes[name], cache.cache_info().currsize)  # type: ignore[attr-defined]
        for name, cache in caches.items()
        if cache.cache_info().currsize > sizes[name]  # type: ignore[attr-defined]
    }
    assert grown == {}
