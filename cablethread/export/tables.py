"""Tables: one row per message and one per reply edge, as records, CSV files or pandas DataFrames.

A record is a dict with every column always present (``None`` when unknown), so that
``pandas.DataFrame(release.to_records())`` and ``csv.DictWriter`` take it as it is. Recipients
are joined with ``"; "``; datetimes stay ``datetime`` in records and become ISO 8601 in CSV.

>>> import cablethread
>>> rows = cablethread.parse_file("examples/mfat_xinjiang_oia.txt").to_records()
>>> rows[0]["sender"], rows[0]["sent_utc"].isoformat(), rows[0]["occurrences"]
('NAD', '2019-07-10T23:25:00+00:00', 2)
"""

from __future__ import annotations

import csv
import importlib
import io
import os
from collections import Counter
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypedDict, get_args

from cablethread._arguments import one_of, release_first
from cablethread._clean import without_surrogates
from cablethread._collector import paused
from cablethread.export._output import atomic_write, make_folder
from cablethread.export.graph import thread_index

if TYPE_CHECKING:
    from cablethread.models import Release

__all__ = [
    "EDGE_COLUMNS",
    "MESSAGE_COLUMNS",
    "EdgeRecord",
    "MessageRecord",
    "cell_text",
    "edge_records",
    "message_records",
    "to_dataframe",
    "write_csv",
    "write_edges_csv",
    "write_messages_csv",
]


class MessageRecord(TypedDict):
    """One row of the messages table; see :data:`MESSAGE_COLUMNS` for each column's meaning."""

    id: str
    thread_id: str | None
    sender: str | None
    sender_code: str | None
    sender_name: str | None
    to: str
    cc: str
    bcc: str
    sent_raw: str | None
    sent_local: datetime | None
    sent_utc: datetime | None
    time_zone: str | None
    tz_mode: str | None
    subject: str | None
    thread_key: str | None
    parent_id: str | None
    evidence: str | None
    confidence: float | None
    redactions: int
    redaction_codes: str
    occurrences: int
    lines: str


class EdgeRecord(TypedDict):
    """One row of the edges table; see :data:`EDGE_COLUMNS` for each column's meaning."""

    parent_id: str
    child_id: str
    thread_id: str | None
    evidence: str
    confidence: float
    delay_seconds: float | None
    parent_placeholder: bool


MESSAGE_COLUMNS: dict[str, str] = {
    "id": "Stable message id (`m-…`).",
    "thread_id": "Id of the thread (`t-…`).",
    "sender": "The `From:` party as printed.",
    "sender_code": "The sender's canonical directory code, when resolved.",
    "sender_name": "The sender's display name, when one was printed.",
    "to": "`To:` recipients as printed, joined with `; `.",
    "cc": "`Cc:` recipients as printed, joined with `; `.",
    "bcc": "`Bcc:` recipients as printed, joined with `; `.",
    "sent_raw": "The `Sent:`/`Date:` value as printed.",
    "sent_local": "The wall clock as printed (no zone).",
    "sent_utc": "The instant in UTC under the time-zone mode.",
    "time_zone": "IANA zone the wall clock was read in, or the offset printed with it (UTC-04:00).",
    "tz_mode": "Time-zone mode that chose the zone.",
    "subject": "The subject, unwrapped and single-spaced.",
    "thread_key": "The subject normalised for threading.",
    "parent_id": "Id of the message replied to; a `p-` id is a placeholder (not released).",
    "evidence": "Evidence of the link to the parent: `printed-chain`, `subject-time`, `placeholder`.",
    "confidence": "Confidence of that link, 0 to 1.",
    "redactions": "Number of withholding codes in the header and body.",
    "redaction_codes": "Each code with its count: `s6(a) ×2; out-of-scope ×1`.",
    "occurrences": "How many times the message is printed.",
    "lines": "Header lines of every printing (`14-22; 405-413`), prefixed `source:` when known.",
}

EDGE_COLUMNS: dict[str, str] = {
    "parent_id": "The earlier message (a `p-` id: a placeholder).",
    "child_id": "The reply.",
    "thread_id": "Id of the thread both belong to.",
    "evidence": "`printed-chain`, `subject-time` or `placeholder`.",
    "confidence": "How sure the link is, 0 to 1.",
    "delay_seconds": "Seconds from the parent's `sent_utc` to the reply's, when both are known.",
    "parent_placeholder": "True when the parent was not released.",
}

Table = Literal["messages", "edges"]


def _counted(codes: list[str]) -> str:
    return "; ".join(f"{code} ×{count}" for code, count in Counter(codes).items())


def message_records(release: Release) -> list[MessageRecord]:
    """One record per distinct message, in order of first appearance (placeholders excluded).

    >>> import cablethread
    >>> rows = message_records(cablethread.parse_file("examples/mfat_xinjiang_oia.txt"))
    >>> rows[0]["parent_id"] == rows[1]["id"], rows[0]["evidence"]
    (True, 'printed-chain')
    """
    return list(_message_rows(release))


def _message_rows(release: Release) -> Iterator[MessageRecord]:
    """:func:`message_records` one at a time, as the CSV writer takes them."""
    thread_of = thread_index(release)
    link = {edge.child_id: edge for edge in release.edges}
    for message in release.messages:
        sender, subject, edge = message.sender, message.subject, link.get(message.id)
        yield (
            MessageRecord(
                id=message.id,
                thread_id=thread_of.get(message.id),
                sender=sender.raw if sender else None,
                sender_code=sender.code if sender else None,
                sender_name=sender.name if sender else None,
                to="; ".join(p.raw for p in message.to),
                cc="; ".join(p.raw for p in message.cc),
                bcc="; ".join(p.raw for p in message.bcc),
                sent_raw=message.sent_raw,
                sent_local=message.sent_local,
                sent_utc=message.sent_utc,
                time_zone=message.time_zone,
                tz_mode=message.tz_mode,
                subject=subject.text if subject else None,
                thread_key=subject.thread_key if subject else None,
                parent_id=message.parent_id,
                evidence=edge.evidence if edge else None,
                confidence=edge.confidence if edge else None,
                redactions=len(message.redactions),
                redaction_codes=_counted([r.code for r in message.redactions]),
                occurrences=len(message.occurrences),
                lines="; ".join(
                    f"{o.source}:{o.span}" if o.source else str(o.span) for o in message.occurrences
                ),
            )
        )


def edge_records(release: Release) -> list[EdgeRecord]:
    """One record per reply edge, in the release's order.

    >>> import cablethread
    >>> rows = edge_records(cablethread.parse_file("examples/mfat_xinjiang_oia.txt"))
    >>> [(row["evidence"], row["parent_placeholder"]) for row in rows][-1]
    ('placeholder', True)
    """
    return list(_edge_rows(release))


def _edge_rows(release: Release) -> Iterator[EdgeRecord]:
    """:func:`edge_records` one at a time, as the CSV writer takes them."""
    thread_of = thread_index(release)
    placeholders = {placeholder.id for placeholder in release.placeholders}
    return (
        EdgeRecord(
            parent_id=edge.parent_id,
            child_id=edge.child_id,
            thread_id=thread_of.get(edge.child_id),
            evidence=edge.evidence,
            confidence=edge.confidence,
            delay_seconds=edge.delay_seconds,
            parent_placeholder=edge.parent_id in placeholders,
        )
        for edge in release.edges
    )


#: What a cell of text may not begin with: spreadsheets read these as the start of a formula.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell_text(value: Any) -> str:
    """A value as a cell of a table: ``""`` for unknown, ``true``/``false``, ISO 8601 for a
    datetime, and a leading apostrophe before text a spreadsheet would run as a formula."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        # A spreadsheet runs a cell that begins so as a formula (``=HYPERLINK(…)`` in a printed
        # subject); a leading apostrophe makes it text, as OWASP advises.
        value = "'" + value
    # UTF-8 cannot carry an unpaired surrogate; everything else a spreadsheet reads as it is.
    return without_surrogates(str(value))


def _write_rows(
    path: str | os.PathLike[str], columns: list[str], rows: Iterable[Any], excel: bool = False
) -> None:
    # A row at a time: the records of a large release are never all made at once.
    # newline="" lets the csv module write its own RFC 4180 line ends, the same on every system.
    # Excel reads a CSV file as UTF-8 only when it opens with a byte-order mark.
    encoding = "utf-8-sig" if excel else "utf-8"
    with (
        atomic_write(path) as binary,
        io.TextIOWrapper(binary, encoding=encoding, newline="") as handle,
    ):
        writer = csv.writer(handle)
        writer.writerow(columns)
        for row in rows:
            writer.writerow([cell_text(row[column]) for column in columns])


@release_first
@paused
def write_messages_csv(
    release: Release, path: str | os.PathLike[str], *, excel: bool = False
) -> None:
    """Write :func:`message_records` as CSV (UTF-8, a header row, ``""`` for unknown).

    >>> import cablethread, tempfile
    >>> release = cablethread.parse_file("examples/mfat_xinjiang_oia.txt")
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     write_messages_csv(release, f"{folder}/messages.csv")
    ...     open(f"{folder}/messages.csv", encoding="utf-8").readline().split(",")[:3]
    ['id', 'thread_id', 'sender']
    """
    _write_rows(path, list(MESSAGE_COLUMNS), _message_rows(release), excel)


@release_first
@paused
def write_edges_csv(release: Release, path: str | os.PathLike[str], *, excel: bool = False) -> None:
    """Write :func:`edge_records` as CSV (UTF-8, a header row, ``""`` for unknown).

    >>> import cablethread, tempfile
    >>> release = cablethread.parse_file("examples/mfat_xinjiang_oia.txt")
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     write_edges_csv(release, f"{folder}/edges.csv")
    ...     len(open(f"{folder}/edges.csv", encoding="utf-8").readlines())
    19
    """
    _write_rows(path, list(EDGE_COLUMNS), _edge_rows(release), excel)


@release_first
@paused
def write_csv(
    release: Release, directory: str | os.PathLike[str], *, excel: bool = False
) -> list[Path]:
    """Write ``messages.csv`` and ``edges.csv`` into ``directory`` (made if missing).

    UTF-8; with ``excel=True`` the files open with a byte-order mark, so that Excel (Windows)
    reads them as UTF-8 rather than in the system's code page (``×`` and names in other scripts
    show as printed). Other readers take such a file with ``encoding="utf-8-sig"``.

    >>> import cablethread, tempfile
    >>> release = cablethread.parse_file("examples/mfat_xinjiang_oia.txt")
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     [path.name for path in write_csv(release, folder)]
    ['messages.csv', 'edges.csv']
    """
    folder = make_folder(directory)
    messages, edges = folder / "messages.csv", folder / "edges.csv"
    write_messages_csv(release, messages, excel=excel)
    write_edges_csv(release, edges, excel=excel)
    return [messages, edges]


def to_dataframe(release: Release, table: Table = "messages") -> Any:
    """The messages (or, with ``table="edges"``, the edges) as a ``pandas.DataFrame``.

    Needs pandas, from the ``pandas`` extra: ``pip install 'cablethread[pandas]'``. The datetime
    columns are pandas datetimes (``sent_utc`` in UTC); unknown values are ``NaT``/``None``.

    >>> import cablethread
    >>> frame = to_dataframe(cablethread.parse_file("examples/mfat_xinjiang_oia.txt"))
    >>> frame.shape, str(frame["sent_utc"].dt.tz)
    ((23, 22), 'UTC')
    """
    one_of(table, get_args(Table), "table")
    try:
        pandas = importlib.import_module("pandas")
    except ImportError as exc:
        raise ImportError(
            "to_dataframe() needs pandas, which is not installed; "
            "install the extra with: pip install 'cablethread[pandas]'"
        ) from exc
    if table == "edges":
        return pandas.DataFrame.from_records(edge_records(release), columns=list(EDGE_COLUMNS))
    frame = pandas.DataFrame.from_records(message_records(release), columns=list(MESSAGE_COLUMNS))
    # A column of datetimes with gaps stays "object" in pandas; make both proper datetimes.
    frame["sent_local"] = pandas.to_datetime(frame["sent_local"])
    frame["sent_utc"] = pandas.to_datetime(frame["sent_utc"], utc=True)
    return frame
