"""How long each stage of a parse took: a record a caller asks for, and the laps that fill it.

The parser marks the end of each of its stages (:data:`STAGES`) with :meth:`Laps.lap`; nothing is
measured unless a caller asked for it with :func:`timed`, so an ordinary parse pays one lookup
per stage. The record is held in a context variable, not in the module: two threads (or two
tasks) timing their own parses each get their own. ``parse_many`` on a process pool times only
what runs in the calling process (merging, threading, the collation of messages printed in
several inputs); its workers' stages (collating a document's own messages among them) are not
seen.

>>> import cablethread
>>> with timed() as timings:
...     release = cablethread.parse_file("examples/mfat_xinjiang_oia.txt")
>>> list(timings.seconds) == list(STAGES)
True
>>> abs(timings.total - sum(timings.seconds.values())) < 1e-9
True
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from time import perf_counter

__all__ = ["STAGES", "Laps", "StageTimings", "timed"]

#: The stages of a parse, in the order they run, with what each does:
STAGES: dict[str, str] = {
    "prepare": "the text split into lines and pages; the source profile chosen",
    "scan": "header blocks found and every line classed (header, body, furniture, …)",
    "fields": "each block's fields read: senders, recipients, dates, subjects, codes",
    "settle": "what a chain settles: each date's day and month order, printed zones",
    "segments": "the lines gathered into segments",
    "merge": "the printings of one message merged into messages",
    "threads": "reply links, threads and times in UTC",
    "identity": "participants; segments renamed to merged messages",
    "collate": "every printing of a message compared with the others (in the input that prints "
    "them all, else once the release is merged)",
    "release": "the release assembled",
}


@dataclass(slots=True)
class StageTimings:
    """Seconds spent in each stage (:data:`STAGES`), summed over every document timed."""

    seconds: dict[str, float] = field(default_factory=dict)

    @property
    def total(self) -> float:
        """Seconds over all stages."""
        return sum(self.seconds.values())

    def add(self, stage: str, seconds: float) -> None:
        """Count ``seconds`` more for ``stage``; the stages are kept in the order of
        :data:`STAGES` (a document's collation runs before the release's merging)."""
        if stage in self.seconds:
            self.seconds[stage] += seconds
            return
        self.seconds[stage] = seconds
        rank = list(STAGES)
        self.seconds = dict(
            sorted(
                self.seconds.items(),
                key=lambda item: rank.index(item[0]) if item[0] in rank else len(rank),
            )
        )


_RECORD: ContextVar[StageTimings | None] = ContextVar("cablethread_stage_timings", default=None)


@contextmanager
def timed() -> Iterator[StageTimings]:
    """A record of the stage timings of every parse run inside the ``with`` block."""
    record = StageTimings()
    token = _RECORD.set(record)
    try:
        yield record
    finally:
        _RECORD.reset(token)


class Laps:
    """A stopwatch over the stages of one piece of the parse: each :meth:`lap` counts the time
    since the one before (or since the stopwatch was made) for the stage it names."""

    __slots__ = ("_last", "_record")

    def __init__(self) -> None:
        self._record = _RECORD.get()
        self._last = perf_counter() if self._record is not None else 0.0

    def lap(self, stage: str) -> None:
        """The stage named has ended now."""
        if self._record is None:
            return
        now = perf_counter()
        self._record.add(stage, now - self._last)
        self._last = now
